// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Command-line flags and the optional configuration file of carto-import-server.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cis {

struct UserConf {
  std::string name;
  std::string api_key;  // the user's master key; never logged
};

struct Config {
  int port = 8080;
  std::string bind = "127.0.0.1";
  std::string data_dir;
  std::vector<UserConf> users;
  int workers = 2;                          // import worker threads
  int http_threads = 16;                    // connection-handling threads
  int max_concurrent_imports = 3;           // unfinished jobs per user before 429
  std::int64_t max_file_size = 150LL << 20; // 6666
  std::int64_t max_rows = 500000;           // 6668
  std::int64_t quota_bytes = -1;            // per-user storage quota, -1 = unlimited (8001)
  std::int64_t table_quota = -1;            // per-user dataset quota, -1 = unlimited (8002)
  std::int64_t max_upload_bytes = 2LL << 30;  // request bodies larger than this get 413
  std::int64_t max_unpacked_bytes = 1LL << 30;
  double time_scale = 1.0;                  // multiplies every server-side duration
  int step_delay_ms = 250;                  // pause after each job state change (x time_scale)
  bool test_hooks = false;
  std::vector<std::string> allowed_url_schemes{"http", "https", "ftp"};
  bool quiet = false;

  const UserConf *find_user(const std::string &name) const;
  // A duration of the real server, scaled by --time-scale, in milliseconds.
  long long scaled_ms(double seconds) const { return static_cast<long long>(seconds * 1000.0 * time_scale); }
};

// Parses argv (and the --config file, whose values the command line overrides). On error or
// --help, prints to stderr/stdout and returns false with `exit_code` set.
bool parse_config(int argc, char **argv, Config &cfg, int &exit_code);

std::string usage_text();

}  // namespace cis
