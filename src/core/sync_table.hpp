// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Sync tables (PROTOCOL §4): datasets re-imported on a schedule from a URL or a connector.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/client.hpp"
#include "core/dataset.hpp"
#include "core/import_job.hpp"
#include "core/json_snapshot.hpp"

namespace carto {

class SyncTable {
 public:
  SyncTable(std::shared_ptr<ClientCore> client, JsonPtr doc, const std::string &request);

  // source: a URL, or a connector object (then `connector` is true).
  static std::unique_ptr<SyncTable> create(std::shared_ptr<ClientCore> client,
                                           const std::string &source, bool connector,
                                           long interval_seconds, const ImportParams &params,
                                           const Deadline &deadline = std::nullopt);
  static std::unique_ptr<SyncTable> fetch(std::shared_ptr<ClientCore> client, const std::string &id,
                                          const Deadline &deadline = std::nullopt);

  void refresh(const Deadline &deadline = std::nullopt);
  void wait(const Deadline &deadline, const ProgressSink &progress);
  int force();  // a carto_import_force_outcome
  bool is_syncing();
  void set_interval(long seconds);
  void remove();
  std::unique_ptr<Dataset> dataset(const Deadline &deadline = std::nullopt);

  const std::string &id() const { return id_; }
  int state() const { return state_; }
  const std::string &state_name() const { return state_name_; }
  const char *get_string(const std::string &field) const;
  std::optional<long long> get_int(const std::string &field) const { return reply_.get_int(field); }
  const std::string &json() const { return reply_.json(); }
  Error failure_error() const;

 private:
  void take(JsonPtr doc, const std::string &request);
  void set_state(const std::string &name);
  std::string what() const { return "sync table " + id_; }

  std::shared_ptr<ClientCore> client_;
  std::string id_;
  std::string data_import_id_;
  int state_ = 0;
  std::string state_name_;
  JsonSnapshot reply_;  // the sync table as the server last described it
};

// Every sync table of the account (one reply); EPROTOCOL for repeated ids, a total that is not
// the count listed, or more than the options' max_list_entries.
std::vector<std::unique_ptr<SyncTable>> list_syncs(const std::shared_ptr<ClientCore> &client,
                                                   const Deadline &deadline);

}  // namespace carto
