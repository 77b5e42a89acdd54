// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// A small RAII layer over cJSON: documents own their tree; lookups return nullptr or
// defaults instead of crashing on missing or mistyped members.
#pragma once

#include <cjson/cJSON.h>

#include <memory>
#include <optional>
#include <string>

namespace carto {

struct JsonDeleter {
  void operator()(cJSON *j) const { cJSON_Delete(j); }
};
using JsonPtr = std::unique_ptr<cJSON, JsonDeleter>;

// Parses text; nullptr when it is not JSON.
JsonPtr json_parse(const std::string &text);
// Serialises compactly; throws std::bad_alloc on failure.
std::string json_print(const cJSON *j);

const cJSON *json_member(const cJSON *obj, const char *key);  // nullptr if absent / not object
bool json_has(const cJSON *obj, const char *key);
// The string member, or `fallback` when absent, null or not a string.
std::string json_string(const cJSON *obj, const char *key, const std::string &fallback = "");
bool json_is_string(const cJSON *obj, const char *key);
long long json_int(const cJSON *obj, const char *key, long long fallback = 0);
bool json_is_number(const cJSON *obj, const char *key);
bool json_bool(const cJSON *obj, const char *key, bool fallback = false);

// A field value as the C API's getters give it: the string, or nullptr.
const char *json_value_string(const cJSON *v);
// A number (its integral part, when it fits) or a boolean (0 or 1); nullopt otherwise.
std::optional<long long> json_value_int(const cJSON *v);

}  // namespace carto
