// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "common/json.hpp"

#include <cstdio>
#include <cstdlib>

namespace cis {

Json json_object() { return Json(cJSON_CreateObject()); }
Json json_array() { return Json(cJSON_CreateArray()); }

Json json_parse(const std::string &text) {
  return Json(cJSON_ParseWithLength(text.data(), text.size()));
}

std::string json_dump(const cJSON *j) {
  char *p = cJSON_PrintUnformatted(j);
  if (!p) return "null";
  std::string s(p);
  cJSON_free(p);
  return s;
}

void jset(cJSON *obj, const char *key, const std::string &v) {
  cJSON_AddItemToObject(obj, key, cJSON_CreateString(v.c_str()));
}
void jset(cJSON *obj, const char *key, const char *v) {
  cJSON_AddItemToObject(obj, key, v ? cJSON_CreateString(v) : cJSON_CreateNull());
}
void jset(cJSON *obj, const char *key, const std::optional<std::string> &v) {
  cJSON_AddItemToObject(obj, key, v ? cJSON_CreateString(v->c_str()) : cJSON_CreateNull());
}
void jset_int(cJSON *obj, const char *key, std::int64_t v) {
  cJSON_AddItemToObject(obj, key, cJSON_CreateNumber(static_cast<double>(v)));
}
void jset_opt_int(cJSON *obj, const char *key, std::optional<std::int64_t> v) {
  if (v) {
    jset_int(obj, key, *v);
  } else {
    jset_null(obj, key);
  }
}
void jset_bool(cJSON *obj, const char *key, bool v) {
  cJSON_AddItemToObject(obj, key, cJSON_CreateBool(v ? 1 : 0));
}
void jset_null(cJSON *obj, const char *key) { cJSON_AddItemToObject(obj, key, cJSON_CreateNull()); }
void jset(cJSON *obj, const char *key, Json child) {
  cJSON_AddItemToObject(obj, key, child.release());
}
void jset_raw(cJSON *obj, const char *key, const std::string &text) {
  Json parsed = text.empty() ? nullptr : json_parse(text);
  if (parsed) {
    jset(obj, key, std::move(parsed));
  } else {
    jset_null(obj, key);
  }
}
void jpush(cJSON *arr, Json child) { cJSON_AddItemToArray(arr, child.release()); }
void jpush(cJSON *arr, const std::string &v) {
  cJSON_AddItemToArray(arr, cJSON_CreateString(v.c_str()));
}
Json jstr_array(const std::vector<std::string> &v) {
  Json a = json_array();
  for (const auto &s : v) jpush(a.get(), s);
  return a;
}

const cJSON *jget(const cJSON *obj, const char *key) {
  if (!obj || !cJSON_IsObject(obj)) return nullptr;
  return cJSON_GetObjectItemCaseSensitive(obj, key);
}

std::optional<std::string> jstring(const cJSON *obj, const char *key) {
  const cJSON *v = jget(obj, key);
  if (v && cJSON_IsString(v) && v->valuestring) return std::string(v->valuestring);
  return std::nullopt;
}

std::optional<std::string> jtext(const cJSON *v) {
  if (!v) return std::nullopt;
  if (cJSON_IsString(v) && v->valuestring) return std::string(v->valuestring);
  if (cJSON_IsNumber(v)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", v->valuedouble);
    return std::string(buf);
  }
  return std::nullopt;
}

std::vector<std::string> jstring_list(const std::string &json_array_text) {
  std::vector<std::string> out;
  Json a = json_parse(json_array_text);
  if (!a || !cJSON_IsArray(a.get())) return out;
  const cJSON *it = nullptr;
  cJSON_ArrayForEach(it, a.get()) {
    if (cJSON_IsString(it) && it->valuestring) out.emplace_back(it->valuestring);
  }
  return out;
}

std::string jstring_list_dump(const std::vector<std::string> &v) { return json_dump(jstr_array(v).get()); }

}  // namespace cis
