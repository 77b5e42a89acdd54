// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Decoding what a CARTO server answers (PROTOCOL §6): every error status and body shape
// becomes an ErrorInfo with a code from carto_import.h and a message saying what to do next.
#pragma once

#include <ctime>
#include <map>
#include <string>

#include "core/error.hpp"

namespace carto {

struct HttpReply {
  long status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased; last value wins
  std::string body;

  // The header's value, or "" when absent.
  std::string header(const std::string &lower_name) const;
};

// The server's own error text from any body form of PROTOCOL §6.3:
// {"errors":{"imports":"m"}}, {"errors":"m"}, {"errors":["a","b"]}, {"error":"m"},
// {"error":["m"]}, {"status":500,"error":"m"}, {"errors_with_context":[{"message":"m"}]}.
// "" when the body is empty, not JSON, or has none of these.
std::string server_error_text(const std::string &body);

// Seconds from a Retry-After value: delta-seconds or an HTTP-date (relative to now);
// -1 when absent, negative or unparsable (Windshaft sends -1 when not limited).
long parse_retry_after(const std::string &value, std::time_t now);

// The error for a reply whose status is not 2xx. `request` names the call, e.g.
// "GET api/v1/imports/ID" (never a query string: keys stay out of messages).
ErrorInfo decode_http_error(const std::string &request, const HttpReply &reply);

// The error for a 2xx reply whose body does not follow the protocol.
Error protocol_error(const std::string &request, const std::string &what);

}  // namespace carto
