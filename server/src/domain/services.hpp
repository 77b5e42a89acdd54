// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The server's shared state every domain operation and API handler works with: configuration,
// metadata store, per-user table stores, the import and sync runners, the log. The composition
// root (app.hpp) adds the HTTP server on top; one lives for the whole process.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "common/config.hpp"
#include "meta/store.hpp"

namespace cis {

class UserTables;
class Jobs;
class Syncs;

class Services {
 public:
  explicit Services(Config cfg);  // opens DATA/meta.sqlite, marks stuck imports; throws on error
  ~Services();
  Services(const Services &) = delete;
  Services &operator=(const Services &) = delete;

  const Config &cfg() const { return cfg_; }
  Store &store() { return *store_; }
  Jobs &jobs() { return *jobs_; }
  Syncs &syncs() { return *syncs_; }
  UserTables &tables(const std::string &user);  // DATA/users/NAME/tables.gpkg
  std::string job_dir(const std::string &job_id) const;
  // One line on stderr (unless --quiet), control characters escaped, the credentials of URLs
  // (scheme://user:password@host) redacted. Never pass other secrets.
  void log(const std::string &line) const;

 protected:
  Config cfg_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Jobs> jobs_;
  std::unique_ptr<Syncs> syncs_;

 private:
  std::mutex tables_mu_;
  std::map<std::string, std::unique_ptr<UserTables>> tables_;
  mutable std::mutex log_mu_;
};

}  // namespace cis
