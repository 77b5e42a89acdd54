// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Test hooks (only with --test-hooks): fault injection on matching requests and a log of the
// requests received, with secrets redacted. Routes: /_test/faults, /_test/requests
// (documented in server/README.md).
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <regex>
#include <string>
#include <vector>

#include <httplib.h>

namespace cis {

class TestHooks {
 public:
  // Pre-routing: records the request and applies the first firing fault. Returns true when the
  // fault produced the whole response (or dropped the connection); a response to a request with
  // a body is made here too, but routed on (false) to a route that reads that body.
  bool before(const httplib::Request &req, httplib::Response &res);
  // Post-routing: applies a pending "truncate" fault to the handler's response.
  void after(const httplib::Request &req, httplib::Response &res);
  void register_routes(httplib::Server &svr);

  static bool is_hook_path(const std::string &path) { return path.rfind("/_test/", 0) == 0; }

 private:
  struct Rule {
    std::string method, path_src, action, body;
    std::regex path;
    std::int64_t nth = 0, count = -1;  // fire on matches nth.. (count of them; -1 = unlimited)
    std::int64_t seen = 0, fired = 0;
    int delay_ms = 0, status = 503, retry_after = 1, rl_limit = 10;
  };
  void record(const httplib::Request &req);
  std::string add_rules(const std::string &body, std::size_t &added);

  std::mutex mu_;
  std::vector<Rule> rules_;
  std::deque<std::string> log_;  // JSON objects, oldest first
  std::int64_t seq_ = 0;
};

}  // namespace cis
