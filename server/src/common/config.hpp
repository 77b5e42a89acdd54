// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The configuration of carto-import-server (flags.hpp reads it), which every layer reads.
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
  int http_threads = 16;                    // connection threads started up front
  int max_connections = 256;                // connections served at once (one thread each)
  int header_timeout = 10;                  // seconds for a request line and headers
  int read_timeout = 10;                    // seconds any single read may wait
  std::int64_t min_body_rate = 1024;        // bytes/s a request body must keep up
  int max_concurrent_imports = 3;           // unfinished jobs per user before 429
  std::int64_t max_file_size = 150LL << 20; // 6666
  std::int64_t max_rows = 500000;           // 6668
  std::int64_t quota_bytes = -1;            // per-user storage quota, -1 = unlimited (8001)
  std::int64_t table_quota = -1;            // per-user dataset quota, -1 = unlimited (8002)
  std::int64_t max_upload_bytes = 2LL << 30;  // request bodies larger than this get 413
  std::int64_t max_unpacked_bytes = 1LL << 30;
  int max_columns = 250;                      // 2004 (production's documented limit)
  std::int64_t max_csv_line_bytes = 10000000; // 2003 (GDAL's CSV MAX_LINE_SIZE default)
  std::int64_t max_csv_cell_bytes = 10000000; // 2003
  std::int64_t max_field_bytes = 1LL << 20;   // one request field (a url, a description): 400
  double time_scale = 1.0;                  // multiplies every server-side duration
  int step_delay_ms = 250;                  // pause after each job state change (x time_scale)
  bool test_hooks = false;
  std::vector<std::string> allowed_url_schemes{"http", "https", "ftp"};
  bool allow_private_urls = false;          // lifts the port and address rules of URL imports
  bool quiet = false;
  std::string tls_cert, tls_key;            // PEM files: serve https instead of http

  const UserConf *find_user(const std::string &name) const {
    for (const auto &u : users)
      if (u.name == name) return &u;
    return nullptr;
  }
};

}  // namespace cis
