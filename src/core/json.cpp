// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "core/json.hpp"

#include <cmath>
#include <new>

namespace carto {

JsonPtr json_parse(const std::string &text) {
  return JsonPtr(cJSON_ParseWithLength(text.data(), text.size()));
}

std::string json_print(const cJSON *j) {
  char *s = cJSON_PrintUnformatted(j);
  if (!s) throw std::bad_alloc();
  std::string out(s);
  cJSON_free(s);
  return out;
}

const cJSON *json_member(const cJSON *obj, const char *key) {
  if (!obj || !cJSON_IsObject(obj)) return nullptr;
  return cJSON_GetObjectItemCaseSensitive(obj, key);
}

bool json_has(const cJSON *obj, const char *key) { return json_member(obj, key) != nullptr; }

std::string json_string(const cJSON *obj, const char *key, const std::string &fallback) {
  const cJSON *m = json_member(obj, key);
  return cJSON_IsString(m) && m->valuestring ? std::string(m->valuestring) : fallback;
}

bool json_is_string(const cJSON *obj, const char *key) {
  return cJSON_IsString(json_member(obj, key));
}

long long json_int(const cJSON *obj, const char *key, long long fallback) {
  const cJSON *m = json_member(obj, key);
  return cJSON_IsNumber(m) ? json_value_int(m).value_or(fallback) : fallback;
}

const char *json_value_string(const cJSON *v) {
  return cJSON_IsString(v) ? v->valuestring : nullptr;
}

std::optional<long long> json_value_int(const cJSON *v) {
  if (cJSON_IsBool(v)) return cJSON_IsTrue(v) ? 1 : 0;
  if (!cJSON_IsNumber(v) || !std::isfinite(v->valuedouble)) return std::nullopt;
  if (v->valuedouble > 9.2e18 || v->valuedouble < -9.2e18) return std::nullopt;
  return static_cast<long long>(v->valuedouble);
}

bool json_is_number(const cJSON *obj, const char *key) {
  return cJSON_IsNumber(json_member(obj, key));
}

bool json_bool(const cJSON *obj, const char *key, bool fallback) {
  const cJSON *m = json_member(obj, key);
  return cJSON_IsBool(m) ? cJSON_IsTrue(m) : fallback;
}

}  // namespace carto
