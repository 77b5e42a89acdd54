// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "core/response.hpp"

#include <curl/curl.h>

#include <cctype>
#include <cstdlib>

#include "carto_import.h"
#include "core/json.hpp"

namespace carto {

std::string HttpReply::header(const std::string &lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

namespace {

std::string join_strings(const cJSON *arr) {
  std::string out;
  const cJSON *item = nullptr;
  cJSON_ArrayForEach(item, arr) {
    std::string text;
    if (cJSON_IsString(item)) text = item->valuestring;
    else if (cJSON_IsObject(item)) text = json_string(item, "message");
    if (text.empty()) continue;
    if (!out.empty()) out += "; ";
    out += text;
  }
  return out;
}

// Text of an "errors"/"error" member in any of its shapes.
std::string member_text(const cJSON *m) {
  if (cJSON_IsString(m)) return m->valuestring;
  if (cJSON_IsArray(m)) return join_strings(m);
  if (cJSON_IsObject(m)) {  // {"imports":"..."} or {"callback":"..."}: join the values
    std::string out;
    const cJSON *child = nullptr;
    cJSON_ArrayForEach(child, m) {
      const std::string t = member_text(child);
      if (t.empty()) continue;
      if (!out.empty()) out += "; ";
      out += t;
    }
    return out;
  }
  return "";
}

// A short, printable excerpt of a non-JSON body.
std::string excerpt(const std::string &body) {
  std::string out;
  for (char c : body) {
    if (out.size() >= 160) { out += "..."; break; }
    out += std::isprint(static_cast<unsigned char>(c)) ? c : ' ';
  }
  return out;
}

long header_long(const HttpReply &r, const char *name) {
  const std::string v = r.header(name);
  if (v.empty()) return -1;
  char *end = nullptr;
  const long n = std::strtol(v.c_str(), &end, 10);
  return (end && *end == '\0' && n >= 0) ? n : -1;
}

}  // namespace

std::string server_error_text(const std::string &body) {
  JsonPtr doc = json_parse(body);
  if (!doc || !cJSON_IsObject(doc.get())) return "";
  for (const char *key : {"errors", "error"}) {
    const std::string t = member_text(json_member(doc.get(), key));
    if (!t.empty()) return t;
  }
  return join_strings(json_member(doc.get(), "errors_with_context"));
}

long parse_retry_after(const std::string &value, std::time_t now) {
  if (value.empty()) return -1;
  bool digits = true;
  for (char c : value) digits = digits && std::isdigit(static_cast<unsigned char>(c));
  if (digits) {
    if (value.size() > 9) return 999999999L;
    return std::stol(value);
  }
  const std::time_t when = curl_getdate(value.c_str(), nullptr);
  if (when == -1) return -1;
  return when > now ? static_cast<long>(when - now) : 0;
}

ErrorInfo decode_http_error(const std::string &request, const HttpReply &reply) {
  ErrorInfo e;
  e.http_status = static_cast<int>(reply.status);
  e.retry_after = parse_retry_after(reply.header("retry-after"), std::time(nullptr));
  e.rate_limit = header_long(reply, "carto-rate-limit-limit");
  e.rate_remaining = header_long(reply, "carto-rate-limit-remaining");
  e.rate_reset = header_long(reply, "carto-rate-limit-reset");

  std::string text = server_error_text(reply.body);
  if (text.empty() && !reply.body.empty() && !json_parse(reply.body))
    text = "non-JSON reply: " + excerpt(reply.body);
  if (!text.empty()) e.set_explanation(text);
  const std::string said = text.empty() ? "" : " (server said: " + text + ")";
  const std::string head = request + ": HTTP " + std::to_string(reply.status);

  const long s = reply.status;
  if (s == 400 || s == 422) {
    e.code = CARTO_IMPORT_EBADREQUEST;
    e.message = head + ": the server rejected the request" + said +
                "; correct the parameters and try again";
  } else if (s == 401) {
    e.code = CARTO_IMPORT_EAUTH;
    e.message = head + ": the API key was not accepted; the Import API needs the account's "
                       "master API key, for the user named in the base URL";
  } else if (s == 403) {
    e.code = CARTO_IMPORT_EFORBIDDEN;
    e.message = head + ": forbidden" + said +
                "; the account or key is not allowed to do this";
  } else if (s == 404) {
    e.code = CARTO_IMPORT_ENOTFOUND;
    e.message = head + ": not found" + said +
                "; check the id, and that the base URL names the right account";
  } else if (s == 429) {
    e.code = CARTO_IMPORT_ERATELIMIT;
    e.message = head + ": too many requests" + said;
    e.message += e.retry_after >= 0
                     ? "; retry after " + std::to_string(e.retry_after) + " s"
                     : "; wait for running imports to finish, then retry";
  } else if (s >= 500 && s < 600) {
    e.code = CARTO_IMPORT_ESERVER;
    e.message = head + ": the server failed" + said + "; retry later";
  } else if (s >= 300 && s < 400) {
    e.code = CARTO_IMPORT_EHTTP;
    const std::string to = reply.header("location");
    e.message = head + ": the server redirects" + (to.empty() ? "" : " to " + to) +
                "; set the base URL to the final address (redirects are not followed, so "
                "the API key is never sent elsewhere)";
  } else {
    e.code = CARTO_IMPORT_EHTTP;
    e.message = head + ": unexpected status" + said;
  }
  return e;
}

Error protocol_error(const std::string &request, const std::string &what) {
  return Error(CARTO_IMPORT_EPROTOCOL,
               request + ": the reply does not follow the CARTO protocol: " + what +
                   "; check that the base URL points to a CARTO server");
}

}  // namespace carto
