// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Request plumbing shared by the API handlers: URL/user routing (PROTOCOL.md §1.1), parameter
// merging (query > body) and authentication (§1.2). The replies: replies.hpp.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <httplib.h>

#include "common/json.hpp"

namespace cis {

struct Config;

// Regex for an API route: optional "/user/NAME" or "/u/NAME" prefix (capture 1), then
// "/api/" + tail, then an optional trailing slash. Further captures come from `tail`.
std::string api_route(const std::string &tail);

// The user addressed by the request: the path user (capture 1) or the Host's leading label.
std::string url_user(const httplib::Request &req);

// The request's query string as name=value pairs, in order, parsed like a form body
// (common/url.hpp's query_params(): a pair splits at its first '=', as Rails does), not by
// cpp-httplib (which keeps the last '=' part and drops repeated pairs).
std::vector<std::pair<std::string, std::string>> query_of(const httplib::Request &req);
// The last value of `name` in the query string.
std::optional<std::string> query_value(const httplib::Request &req, const std::string &name);

// The request's parameters: body (JSON object or form) overlaid by the query string.
class Params {
 public:
  Params();
  void merge_body(const std::string &content_type, const std::string &body);
  void merge_json(const cJSON *obj);
  void merge_query(const httplib::Request &req);
  void set_string(const std::string &key, const std::string &value);
  const cJSON *get(const char *key) const;            // nullptr if absent
  std::optional<std::string> str(const char *key) const;  // strings (and numbers) only
  bool has(const char *key) const { return get(key) != nullptr; }
  const cJSON *object() const { return obj_.get(); }

 private:
  Json obj_;
};

// The boolean parsing rule of PROTOCOL.md §2.1: true only for `value` as a JSON boolean or as
// the exact string "true"/"false".
bool is_exactly(const cJSON *v, bool value);

// Rails' length validation for the first string in `j` (at any depth) longer than `max` bytes:
// "<key> is too long (maximum is <max> bytes)"; "" when every string fits (--max-field-bytes).
std::string field_too_long(const cJSON *j, std::int64_t max);
std::string too_long_message(const std::string &key, std::int64_t max);

bool is_json_content_type(const std::string &content_type);
bool is_form_content_type(const std::string &content_type);

enum class Auth { Ok, Failed };
// Master-key check for `user` (Basic header wins, then api_key from `params`).
Auth authenticate(const Config &cfg, const httplib::Request &req, const std::string &user,
                  const Params &params);
// Early decision without the body: Ok/Failed when the header or query decides, nullopt when a
// multipart, form or JSON body may still carry the key.
std::optional<Auth> authenticate_early(const Config &cfg, const httplib::Request &req,
                                       const std::string &user);

}  // namespace cis
