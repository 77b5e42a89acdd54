// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The server's shared state: configuration, metadata store, per-user table stores, job runner,
// test hooks. One App lives for the whole process.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "config.hpp"
#include "store.hpp"

namespace httplib {
class Server;
}

namespace cis {

class HttpServer;
class UserTables;
class Jobs;
class Syncs;
class TestHooks;

class App {
 public:
  explicit App(Config cfg);  // opens DATA/meta.sqlite, marks stuck imports; throws on error
  ~App();
  App(const App &) = delete;
  App &operator=(const App &) = delete;

  const Config &cfg() const { return cfg_; }
  Store &store() { return *store_; }
  Jobs &jobs() { return *jobs_; }
  Syncs &syncs() { return *syncs_; }
  TestHooks *hooks() { return hooks_.get(); }  // nullptr unless --test-hooks

  UserTables &tables(const std::string &user);  // DATA/users/NAME/tables.gpkg
  std::string job_dir(const std::string &job_id) const;

  // One line on stderr (unless --quiet), control characters escaped, the credentials of URLs
  // (scheme://user:password@host) redacted. Never pass other secrets.
  void log(const std::string &line) const;

  // Registers every route on `svr` and runs until stop(). Returns false if binding failed.
  bool serve();
  void stop();

 private:
  void register_routes(httplib::Server &svr);

  Config cfg_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Jobs> jobs_;
  std::unique_ptr<Syncs> syncs_;
  std::unique_ptr<TestHooks> hooks_;
  std::mutex tables_mu_;
  std::map<std::string, std::unique_ptr<UserTables>> tables_;
  std::unique_ptr<httplib::Server> svr_;  // an HttpServer, or httplib's SSLServer for https
  mutable std::mutex log_mu_;
  std::atomic<bool> stop_requested_{false};
};

}  // namespace cis
