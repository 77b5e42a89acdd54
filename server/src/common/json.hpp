// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Thin RAII + builder helpers over cJSON (keys keep their insertion order, which the protocol's
// "keys in this order" rules rely on).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <cjson/cJSON.h>

namespace cis {

struct JsonDeleter {
  void operator()(cJSON *j) const { cJSON_Delete(j); }
};
using Json = std::unique_ptr<cJSON, JsonDeleter>;

Json json_object();
Json json_array();
Json json_parse(const std::string &text);  // nullptr on invalid JSON
std::string json_dump(const cJSON *j);       // compact text

// Builders: append key/value to an object (take ownership of child Json values).
void jset(cJSON *obj, const char *key, const std::string &v);
void jset(cJSON *obj, const char *key, const char *v);
void jset(cJSON *obj, const char *key, const std::optional<std::string> &v);  // null if empty
void jset_int(cJSON *obj, const char *key, std::int64_t v);
void jset_opt_int(cJSON *obj, const char *key, std::optional<std::int64_t> v);
void jset_bool(cJSON *obj, const char *key, bool v);
void jset_null(cJSON *obj, const char *key);
void jset(cJSON *obj, const char *key, Json child);
// Parse `text` as JSON and attach it (null if text is empty or invalid).
void jset_raw(cJSON *obj, const char *key, const std::string &text);
void jpush(cJSON *arr, Json child);
void jpush(cJSON *arr, const std::string &v);
Json jstr_array(const std::vector<std::string> &v);

// Readers
const cJSON *jget(const cJSON *obj, const char *key);  // nullptr if absent or obj not an object
std::optional<std::string> jstring(const cJSON *obj, const char *key);
// A string value, or a number as text ("%.15g"); nullopt for anything else (or nullptr).
std::optional<std::string> jtext(const cJSON *v);
std::vector<std::string> jstring_list(const std::string &json_array_text);
std::string jstring_list_dump(const std::vector<std::string> &v);

}  // namespace cis
