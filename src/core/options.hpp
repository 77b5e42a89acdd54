// The settings a client is built from (carto_import_options in the C API).
#pragma once

#include <string>

#include "core/backoff.hpp"
#include "core/url.hpp"

namespace carto {

enum class AuthMode { basic = 0, query = 1 };

struct Options {
  bool has_base_url = false;
  BaseUrl base;
  std::string api_key;
  AuthMode auth = AuthMode::basic;
  bool verify_tls = true;
  std::string ca_bundle;
  bool allow_insecure_http = false;
  long connect_timeout_ms = 10000;
  long request_timeout_ms = 0;       // 0 = no limit (stall detection instead)
  long low_speed_bytes = 1;          // with low_speed_seconds: stall detection
  long low_speed_seconds = 60;
  std::string user_agent_suffix;
  RetryPolicy retry;
  long poll_initial_ms = 50;         // job waits poll every tenth of the time waited,
  long poll_max_ms = 1000;           // ... within [initial, max]
  int upload_compression = 0;        // carto_import_compression

  Options() = default;
  Options(const Options &) = default;
  Options &operator=(const Options &) = default;
  ~Options();  // wipes the key
};

}  // namespace carto
