// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The replies every handler shares: JSON bodies (valid UTF-8), empty ones, and the error shapes
// of Rails' defaults and of the import controller.
#pragma once
#include <string>

#include <httplib.h>

#include "common/json.hpp"

namespace cis {

// Reads the request's body (multipart or not) off the connection and drops it.
void drain(const httplib::Request &req, const httplib::ContentReader &reader);

void send_json(httplib::Response &res, int status, const cJSON *body);
void send_json_text(httplib::Response &res, int status, const std::string &body);
void send_empty(httplib::Response &res, int status);
void send_not_found_route(httplib::Response &res);  // {"status":404,"error":"Not Found"}
void send_internal_error(httplib::Response &res);   // 500 {"status":500,"error":"Internal Server Error"}
// {"errors":{"imports":msg}}: the import controller's errors (PROTOCOL.md §2.1), also a sync's
// connector errors (§4.1).
void send_import_error(httplib::Response &res, int status, const std::string &msg);

}  // namespace cis
