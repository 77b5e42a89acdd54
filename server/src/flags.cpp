// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "flags.hpp"

#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "common/json.hpp"
#include "common/text.hpp"

namespace cis {

std::string usage_text() {
  return R"(Usage: carto-import-server --data DIR --user NAME:APIKEY [options]

A local emulator of the CARTO Import API (legacy v1): imports, datasets (viz), tables.
The first line written to stdout is "listening on http://HOST:PORT" (https with --tls-cert).

Options:
  --port N                   TCP port (default 8080; 0 picks a free port)
  --bind ADDR                address to listen on (default 127.0.0.1)
  --data DIR                 data directory: DIR/meta.sqlite, DIR/users/NAME/tables.gpkg (required)
  --user NAME:APIKEY         an account and its master API key (repeatable)
  --config FILE              read options from FILE (see below); command-line flags win
  --workers N                import worker threads (default 2)
  --http-threads N           connection threads started up front (default 16)
  --max-connections N        connections served at once, one thread each; more wait
                             (default 256)
  --header-timeout S         seconds a request's line and headers may take (default 10)
  --read-timeout S           seconds any read of a request may wait (default 10)
  --min-body-rate BYTES      slowest accepted request body, in bytes/s over each 10 s
                             (default 1024)
  --max-concurrent-imports N unfinished imports per user before 429 (default 3)
  --max-file-size BYTES      largest importable file, else error 6666 (default 157286400)
  --max-rows N               most rows per table, else error 6668 (default 500000)
  --quota-bytes N            per-user storage quota, else error 8001 (default unlimited)
  --table-quota N            per-user number of datasets, else error 8002 (default unlimited)
  --max-upload-bytes BYTES   largest request body accepted, else 413 (default 2147483648)
  --max-unpacked-bytes BYTES largest total size an archive may expand to (default 1073741824)
  --max-columns N            most columns in a file, else error 2004 (default 250)
  --max-csv-line-bytes BYTES longest CSV line (record), else error 2003 (default 10000000)
  --max-csv-cell-bytes BYTES largest CSV cell, else error 2003 (default 10000000)
  --max-field-bytes BYTES    longest request field (url, description...), else 400
                             (default 1048576)
  --time-scale F             multiply every server-side duration (delays, sync intervals and
                             rules, download timeout) by F; needs --test-hooks unless F is 1
  --step-delay-ms N          pause after each import state change, times the time scale
                             (default 250)
  --allow-url-schemes LIST   comma-separated schemes allowed for URL imports
                             (default http,https,ftp)
  --allow-private-urls       let URL imports and syncs reach any port and loopback, private,
                             link-local addresses (local testing; production refuses them)
  --tls-cert FILE            serve https with this PEM certificate (chain); needs --tls-key
  --tls-key FILE             the PEM private key of --tls-cert
  --test-hooks               enable the /_test/* endpoints (fault injection, request log)
  --quiet                    no log on stderr (requests, imports, syncs, errors)
  --help                     this text
  --version                  the version, then exit

Config file: one "key = value" per line (keys are the long flag names without "--";
"user = NAME:APIKEY" may repeat; "test-hooks = true"; lines starting with # are comments),
or a JSON object with the same keys ("user" or "users" may be a list of "NAME:APIKEY").
)";
}

namespace {

bool parse_int64(const std::string &s, std::int64_t &out) {
  if (s.empty()) return false;
  char *end = nullptr;
  errno = 0;
  long long v = std::strtoll(s.c_str(), &end, 10);
  if (errno || !end || *end) return false;
  out = v;
  return true;
}

bool parse_bool(const std::string &s, bool &out) {
  std::string l = lower(s);
  if (l == "1" || l == "true" || l == "yes" || l == "on" || l.empty()) {
    out = true;
    return true;
  }
  if (l == "0" || l == "false" || l == "no" || l == "off") {
    out = false;
    return true;
  }
  return false;
}

// The options with a bare form (--quiet) as well as key = value.
struct BoolOption {
  const char *key;
  bool Config::*field;
};
const BoolOption kBoolOptions[] = {
    {"test-hooks", &Config::test_hooks},
    {"quiet", &Config::quiet},
    {"allow-private-urls", &Config::allow_private_urls},
};

// Whole numbers within [min, max], stored in an int or an int64 field ("invalid --KEY" else).
struct IntOption {
  const char *key;
  std::int64_t min, max;
  int Config::*as_int;
  std::int64_t Config::*as_int64;
};
constexpr std::int64_t kIntMax = INT_MAX, kNoMax = INT64_MAX;
const IntOption kIntOptions[] = {
    {"port", 0, 65535, &Config::port, nullptr},
    {"workers", 1, 64, &Config::workers, nullptr},
    {"http-threads", 2, 256, &Config::http_threads, nullptr},
    {"max-connections", 1, 100000, &Config::max_connections, nullptr},
    {"header-timeout", 1, 3600, &Config::header_timeout, nullptr},
    {"read-timeout", 1, 3600, &Config::read_timeout, nullptr},
    {"min-body-rate", 0, kNoMax, nullptr, &Config::min_body_rate},
    {"max-concurrent-imports", 1, kIntMax, &Config::max_concurrent_imports, nullptr},
    {"max-file-size", 1, kNoMax, nullptr, &Config::max_file_size},
    {"max-rows", 1, kNoMax, nullptr, &Config::max_rows},
    {"quota-bytes", 0, kNoMax, nullptr, &Config::quota_bytes},
    {"table-quota", 0, kNoMax, nullptr, &Config::table_quota},
    {"max-upload-bytes", 1, kNoMax, nullptr, &Config::max_upload_bytes},
    {"max-unpacked-bytes", 1, kNoMax, nullptr, &Config::max_unpacked_bytes},
    {"max-columns", 1, 100000, &Config::max_columns, nullptr},
    {"max-csv-line-bytes", 1, kNoMax, nullptr, &Config::max_csv_line_bytes},
    {"max-csv-cell-bytes", 1, kNoMax, nullptr, &Config::max_csv_cell_bytes},
    {"max-field-bytes", 1, kNoMax, nullptr, &Config::max_field_bytes},
    {"step-delay-ms", 0, 600000, &Config::step_delay_ms, nullptr},
};

// Text taken as given.
struct TextOption {
  const char *key;
  std::string Config::*field;
};
const TextOption kTextOptions[] = {
    {"bind", &Config::bind},
    {"data", &Config::data_dir},
    {"tls-cert", &Config::tls_cert},
    {"tls-key", &Config::tls_key},
};

const BoolOption *bool_option(const std::string &key) {
  for (const auto &o : kBoolOptions) {
    if (key == o.key) return &o;
  }
  return nullptr;
}

// Applies one option; `has_value` false for bare flags. Returns an error message or "".
std::string apply(Config &cfg, const std::string &key, const std::string &value, bool has_value) {
  if (const BoolOption *o = bool_option(key)) {
    bool b = true;
    if (has_value && !parse_bool(value, b)) return "invalid boolean for " + key;
    cfg.*(o->field) = b;
    return "";
  }
  if (!has_value) return "missing value for --" + key;
  for (const auto &o : kIntOptions) {
    if (key != o.key) continue;
    std::int64_t n = 0;
    if (!parse_int64(value, n) || n < o.min || n > o.max) return "invalid --" + key;
    if (o.as_int) cfg.*(o.as_int) = static_cast<int>(n);
    else cfg.*(o.as_int64) = n;
    return "";
  }
  for (const auto &o : kTextOptions) {
    if (key != o.key) continue;
    cfg.*(o.field) = value;
    return "";
  }
  if (key == "user") {
    auto colon = value.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == value.size())
      return "--user expects NAME:APIKEY";
    UserConf u{value.substr(0, colon), value.substr(colon + 1)};
    for (char c : u.name) {
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'))
        return "invalid user name (letters, digits, '-', '_')";
    }
    for (auto &existing : cfg.users) {
      if (existing.name == u.name) {
        existing.api_key = u.api_key;
        return "";
      }
    }
    cfg.users.push_back(u);
  } else if (key == "time-scale") {
    char *end = nullptr;
    double f = std::strtod(value.c_str(), &end);
    if (!end || *end || !(f > 0.0) || f > 1000.0) return "invalid --time-scale";
    cfg.time_scale = f;
  } else if (key == "allow-url-schemes") {
    cfg.allowed_url_schemes.clear();
    for (auto &s : split(value, ',')) {
      std::string t = lower(trim(s));
      if (!t.empty()) cfg.allowed_url_schemes.push_back(t);
    }
  } else {
    return "unknown option --" + key;
  }
  return "";
}

std::string load_file(Config &cfg, const std::string &path) {
  std::ifstream in(path);
  if (!in) return "cannot read config file " + path;
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  std::string t = trim(text);
  if (!t.empty() && t[0] == '{') {
    Json j = json_parse(t);
    if (!j || !cJSON_IsObject(j.get())) return "config file: invalid JSON";
    const cJSON *it = nullptr;
    cJSON_ArrayForEach(it, j.get()) {
      std::string key = it->string;
      if (key == "users") key = "user";
      std::vector<std::string> values;
      if (cJSON_IsArray(it)) {
        const cJSON *e = nullptr;
        cJSON_ArrayForEach(e, it) {
          if (cJSON_IsString(e)) values.emplace_back(e->valuestring);
        }
      } else if (cJSON_IsString(it)) {
        values.emplace_back(it->valuestring);
      } else if (cJSON_IsBool(it)) {
        values.emplace_back(cJSON_IsTrue(it) ? "true" : "false");
      } else if (cJSON_IsNumber(it)) {
        char buf[64];
        if (it->valuedouble == static_cast<double>(static_cast<long long>(it->valuedouble)))
          std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(it->valuedouble));
        else
          std::snprintf(buf, sizeof buf, "%g", it->valuedouble);
        values.emplace_back(buf);
      }
      for (const auto &v : values) {
        std::string err = apply(cfg, key, v, true);
        if (!err.empty()) return "config file: " + err;
      }
    }
    return "";
  }
  int lineno = 0;
  for (const auto &raw : split(text, '\n')) {
    lineno++;
    std::string line = trim(raw);
    if (line.empty() || line[0] == '#') continue;
    auto eq = line.find('=');
    std::string key = trim(eq == std::string::npos ? line : line.substr(0, eq));
    std::string value = eq == std::string::npos ? "" : trim(line.substr(eq + 1));
    std::string err = apply(cfg, key, value, eq != std::string::npos);
    if (!err.empty()) return "config file line " + std::to_string(lineno) + ": " + err;
  }
  return "";
}

}  // namespace

bool parse_config(int argc, char **argv, Config &cfg, int &exit_code) {
  std::vector<std::pair<std::string, std::string>> opts;  // key, value ("\x01" = no value)
  const std::string kNoValue("\x01");
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::cout << usage_text();
      exit_code = 0;
      return false;
    }
    if (a == "--version" || a == "-V") {
      std::cout << "carto-import-server " CIS_VERSION "\n";
      exit_code = 0;
      return false;
    }
    if (a.rfind("--", 0) != 0) {
      std::cerr << "carto-import-server: unexpected argument '" << a << "'\n";
      exit_code = 2;
      return false;
    }
    std::string key = a.substr(2), value = kNoValue;
    auto eq = key.find('=');
    if (eq != std::string::npos) {
      value = key.substr(eq + 1);
      key = key.substr(0, eq);
    } else if (!bool_option(key) && i + 1 < argc) {
      value = argv[++i];
    }
    opts.emplace_back(key, value);
  }
  for (const auto &o : opts) {
    if (o.first == "config") {
      std::string err = o.second == kNoValue ? "missing value for --config" : load_file(cfg, o.second);
      if (!err.empty()) {
        std::cerr << "carto-import-server: " << err << "\n";
        exit_code = 2;
        return false;
      }
    }
  }
  for (const auto &o : opts) {
    if (o.first == "config") continue;
    std::string err = apply(cfg, o.first, o.second == kNoValue ? "" : o.second, o.second != kNoValue);
    if (!err.empty()) {
      std::cerr << "carto-import-server: " << err << " (see --help)\n";
      exit_code = 2;
      return false;
    }
  }
  if (cfg.data_dir.empty()) {
    std::cerr << "carto-import-server: --data DIR is required (see --help)\n";
    exit_code = 2;
    return false;
  }
  if (cfg.users.empty()) {
    std::cerr << "carto-import-server: at least one --user NAME:APIKEY is required\n";
    exit_code = 2;
    return false;
  }
  if (cfg.tls_cert.empty() != cfg.tls_key.empty()) {
    std::cerr << "carto-import-server: --tls-cert and --tls-key go together\n";
    exit_code = 2;
    return false;
  }
  if (cfg.time_scale != 1.0 && !cfg.test_hooks) {
    std::cerr << "carto-import-server: --time-scale needs --test-hooks\n";
    exit_code = 2;
    return false;
  }
  return true;
}

}  // namespace cis
