// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The composition root: the server's shared state (domain/services.hpp) plus the HTTP server
// with its routes and test hooks. One App lives for the whole process.
#pragma once
#include <atomic>
#include <memory>

#include "domain/services.hpp"

namespace httplib {
class Server;
}

namespace cis {

class HttpServer;
class TestHooks;

class App : public Services {
 public:
  explicit App(Config cfg);  // Services' work, then the HTTP server; throws on error
  ~App();

  // Registers every route on `svr` and runs until stop(). Returns false if binding failed.
  bool serve();
  void stop();

 private:
  void register_routes(httplib::Server &svr);

  std::unique_ptr<TestHooks> hooks_;  // nullptr unless --test-hooks
  std::unique_ptr<HttpServer> svr_;   // http or https (http/connections.hpp)
  std::atomic<bool> stop_requested_{false};
};

}  // namespace cis
