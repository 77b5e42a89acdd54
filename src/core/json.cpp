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
  if (!cJSON_IsNumber(m) || !std::isfinite(m->valuedouble)) return fallback;
  if (m->valuedouble > 9.2e18 || m->valuedouble < -9.2e18) return fallback;
  return static_cast<long long>(m->valuedouble);
}

bool json_is_number(const cJSON *obj, const char *key) {
  return cJSON_IsNumber(json_member(obj, key));
}

bool json_bool(const cJSON *obj, const char *key, bool fallback) {
  const cJSON *m = json_member(obj, key);
  return cJSON_IsBool(m) ? cJSON_IsTrue(m) : fallback;
}

}  // namespace carto
