// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "http/replies.hpp"

#include "common/json.hpp"
#include "common/text.hpp"

namespace cis {

void send_json_text(httplib::Response &res, int status, const std::string &body) {
  res.status = status;
  // Names and URLs come from clients and files: invalid bytes become U+FFFD, so every reply is
  // the valid UTF-8 that JSON requires. Only such a reply is rebuilt: most are valid already.
  if (is_valid_utf8(body)) res.set_content(body, "application/json; charset=utf-8");
  else res.set_content(valid_utf8(body), "application/json; charset=utf-8");
}

void drain(const httplib::Request &req, const httplib::ContentReader &reader) {
  if (req.is_multipart_form_data()) {
    reader([](const httplib::MultipartFormData &) { return true; },
           [](const char *, std::size_t) { return true; });
  } else {
    reader([](const char *, std::size_t) { return true; });
  }
}

void send_json(httplib::Response &res, int status, const cJSON *body) {
  send_json_text(res, status, json_dump(body));
}

void send_empty(httplib::Response &res, int status) {
  res.status = status;
  res.body.clear();
}

void send_not_found_route(httplib::Response &res) {
  send_json_text(res, 404, R"({"status":404,"error":"Not Found"})");
}

void send_internal_error(httplib::Response &res) {
  send_json_text(res, 500, R"({"status":500,"error":"Internal Server Error"})");
}

void send_import_error(httplib::Response &res, int status, const std::string &msg) {
  Json body = json_object();
  Json errors = json_object();
  jset(errors.get(), "imports", msg);
  jset(body.get(), "errors", std::move(errors));
  send_json(res, status, body.get());
}

}  // namespace cis
