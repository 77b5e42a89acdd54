// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
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
  long request_timeout_ms = 30000;   // one attempt of a request without a file; 0 = no limit
  long call_timeout_ms = 90000;      // a call's requests without a file, retries included
  long low_speed_bytes = 1024;       // with low_speed_seconds: stall detection (uploads too)
  long low_speed_seconds = 60;
  long long max_list_entries = 100000;   // a listing claiming more is refused (EPROTOCOL)
  std::string user_agent_suffix;
  RetryPolicy retry;
  long poll_initial_ms = 50;         // job waits poll every tenth of the time waited,
  long poll_max_ms = 1000;           // ... within [initial, max]
  int upload_compression = 0;        // carto_import_compression
  // carto_import_options_set_debug_callback(): one redacted line per HTTP attempt.
  void (*debug)(const char *line, void *userdata) = nullptr;
  void *debug_userdata = nullptr;

  Options() = default;
  Options(const Options &) = default;
  Options &operator=(const Options &) = default;
  ~Options();  // wipes the key
};

}  // namespace carto
