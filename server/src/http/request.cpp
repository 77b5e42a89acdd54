// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "http/request.hpp"

#include <cctype>
#include <cstring>

#include "common/config.hpp"
#include "common/crypto.hpp"
#include "common/json.hpp"
#include "common/text.hpp"
#include "common/url.hpp"

namespace cis {

std::string api_route(const std::string &tail) {
  return "(?:/(?:user|u)/([^/]+))?/api/" + tail + "/?";
}

namespace {
bool is_ip_literal(const std::string &host) {
  if (!host.empty() && host[0] == '[') return true;
  for (char c : host) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.')) return false;
  }
  return true;
}
}  // namespace

std::string url_user(const httplib::Request &req) {
  if (req.matches.size() > 1 && req.matches[1].matched) return req.matches[1].str();
  std::string host = lower(req.get_header_value("Host"));
  if (!host.empty() && host[0] != '[') {
    auto colon = host.find(':');
    if (colon != std::string::npos) host = host.substr(0, colon);
  }
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  if (host.empty() || is_ip_literal(host)) return "";
  auto dot = host.find('.');
  if (dot == std::string::npos || dot == 0) return "";
  return host.substr(0, dot);
}

// ---- Params ----
Params::Params() : obj_(json_object()) {}

void Params::set_string(const std::string &key, const std::string &value) {
  cJSON_DeleteItemFromObjectCaseSensitive(obj_.get(), key.c_str());
  cJSON_AddItemToObject(obj_.get(), key.c_str(), cJSON_CreateString(value.c_str()));
}

void Params::merge_json(const cJSON *obj) {
  if (!obj || !cJSON_IsObject(obj)) return;
  const cJSON *it = nullptr;
  cJSON_ArrayForEach(it, obj) {
    if (!it->string) continue;
    cJSON_DeleteItemFromObjectCaseSensitive(obj_.get(), it->string);
    cJSON_AddItemToObject(obj_.get(), it->string, cJSON_Duplicate(it, 1));
  }
}

bool is_exactly(const cJSON *v, bool value) {
  if (!v) return false;
  if (cJSON_IsBool(v)) return cJSON_IsTrue(v) == value;
  return cJSON_IsString(v) && v->valuestring && std::string(v->valuestring) == (value ? "true" : "false");
}

std::string too_long_message(const std::string &key, std::int64_t max) {
  return key + " is too long (maximum is " + std::to_string(max) + " bytes)";
}

std::string field_too_long(const cJSON *j, std::int64_t max) {
  if (!j) return "";
  if (cJSON_IsString(j) && j->valuestring && static_cast<std::int64_t>(std::strlen(j->valuestring)) > max)
    return too_long_message(j->string ? j->string : "value", max);
  const cJSON *it = nullptr;
  cJSON_ArrayForEach(it, j) {
    std::string m = field_too_long(it, max);
    if (!m.empty()) return m;
  }
  return "";
}

bool is_json_content_type(const std::string &ct) {
  return lower(ct).find("json") != std::string::npos;
}

bool is_form_content_type(const std::string &ct) {
  return lower(ct).find("application/x-www-form-urlencoded") != std::string::npos;
}

void Params::merge_body(const std::string &content_type, const std::string &body) {
  if (body.empty()) return;
  if (is_json_content_type(content_type)) {
    Json j = json_parse(body);
    if (j && cJSON_IsObject(j.get())) merge_json(j.get());
  } else if (is_form_content_type(content_type)) {
    for (const auto &kv : query_params(body)) set_string(kv.first, kv.second);  // last value wins
  }
}

std::vector<std::pair<std::string, std::string>> query_of(const httplib::Request &req) {
  const std::size_t q = req.target.find('?');
  if (q == std::string::npos) return {};
  const std::size_t end = req.target.find('#', q);
  return query_params(req.target.substr(q + 1, end == std::string::npos ? std::string::npos : end - q - 1));
}

std::optional<std::string> query_value(const httplib::Request &req, const std::string &name) {
  std::optional<std::string> value;
  for (auto &kv : query_of(req))
    if (kv.first == name) value = std::move(kv.second);
  return value;
}

void Params::merge_query(const httplib::Request &req) {
  for (const auto &kv : query_of(req)) set_string(kv.first, kv.second);  // last value wins
}

const cJSON *Params::get(const char *key) const { return jget(obj_.get(), key); }

std::optional<std::string> Params::str(const char *key) const { return jtext(get(key)); }

// ---- auth ----
namespace {
std::optional<Auth> by_header(const Config &cfg, const httplib::Request &req, const std::string &user) {
  if (!req.has_header("Authorization")) return std::nullopt;
  std::string h = trim(req.get_header_value("Authorization"));
  if (h.size() < 6 || lower(h.substr(0, 6)) != "basic ") return Auth::Failed;
  std::string decoded;
  if (!base64_decode(trim(h.substr(6)), decoded)) return Auth::Failed;
  auto colon = decoded.find(':');
  if (colon == std::string::npos) return Auth::Failed;
  const UserConf *u = cfg.find_user(user);
  if (!u || decoded.substr(0, colon) != user) return Auth::Failed;
  return constant_time_equals(decoded.substr(colon + 1), u->api_key) ? Auth::Ok : Auth::Failed;
}

Auth by_key(const Config &cfg, const std::string &user, const std::string &key) {
  const UserConf *u = cfg.find_user(user);
  return u && constant_time_equals(key, u->api_key) ? Auth::Ok : Auth::Failed;
}
}  // namespace

Auth authenticate(const Config &cfg, const httplib::Request &req, const std::string &user,
                  const Params &params) {
  if (auto h = by_header(cfg, req, user)) return *h;
  auto key = params.str("api_key");
  if (!key) return Auth::Failed;
  return by_key(cfg, user, *key);
}

std::optional<Auth> authenticate_early(const Config &cfg, const httplib::Request &req,
                                       const std::string &user) {
  if (auto h = by_header(cfg, req, user)) return h;
  if (auto key = query_value(req, "api_key")) return by_key(cfg, user, *key);
  if (!cfg.find_user(user)) return Auth::Failed;
  // Only a multipart, form or JSON body may still bring the key; a raw upload
  // (?filename=NAME) or any other body cannot.
  if (req.is_multipart_form_data()) return std::nullopt;
  std::string ct = req.get_header_value("Content-Type");
  if (!query_value(req, "filename") && (is_json_content_type(ct) || is_form_content_type(ct))) return std::nullopt;
  return Auth::Failed;
}

}  // namespace cis
