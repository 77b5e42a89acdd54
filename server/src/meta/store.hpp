// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Metadata store of carto-import-server: DATA/meta.sqlite (WAL). Users, import jobs, user tables
// (metadata of the tables kept in each user's GeoPackage), visualizations and their table
// dependencies, and synchronizations. Thread-safe: one connection behind a mutex.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/guessing.hpp"
#include "common/states.hpp"
#include "common/text.hpp"

struct sqlite3;

namespace cis {

struct ImportRec : Guessing {
  std::string id, user, user_id;
  JobState state = JobState::kPending;
  int error_code = 0;                     // 0 = null
  std::string data_type = "file";         // file, url, datasource, query
  OptStr table_name, table_id;
  std::optional<std::int64_t> tables_created_count;
  OptStr synchronization_id, visualization_id;
  bool create_visualization = false, is_raster = false, any_table_raster = false;
  std::string user_defined_limits = "{\"twitter_credits_limit\":0}";
  std::string display_name, original_url;
  std::string warnings;                   // JSON text, "" = null
  OptStr http_response_code;
  std::string privacy;                    // "", public, private, link
  std::string collision_strategy;         // "", skip, overwrite
  std::string service_name = "public_url";
  std::string service_item_id;            // URL, or connector JSON
  std::string source_path, original_name; // the uploaded file on disk and its name
  std::string detail;                     // engine log line (server side only)
  std::string error_text;                 // job-specific what_about of get_error_text ("" = the catalogue's)
  std::vector<std::string> table_names;   // every table created, in order (our extension)
  double created_at = 0, updated_at = 0;
};

struct TableRec {
  std::string id, user, name;
  std::string privacy = "PRIVATE";        // PRIVATE, PUBLIC, LINK
  OptStr description;
  std::string visualization_id, map_id;   // canonical visualization
  OptStr synchronization_id;
  std::int64_t rows = 0, size = 0;
  std::string geometry_types = "[]";      // JSON array text
  double created_at = 0, updated_at = 0;
};

struct VizRec {
  std::string id, user, name;
  OptStr display_name;
  std::string map_id, active_layer_id;
  std::string type = "table";             // table (canonical dataset) or derived (map)
  std::string tags = "[]";                // JSON array text
  OptStr description;
  std::string privacy = "PRIVATE";        // upper-case
  bool locked = false;
  OptStr source, title, license, attributions;
  std::string kind = "geom";
  std::int64_t version = 3;
  OptStr table_id;                        // canonical visualizations: their user table
  std::string permission_id, auth_token;
  OptStr password;
  double created_at = 0, updated_at = 0;
};

struct SyncRec : Guessing {  // synchronizations (PROTOCOL.md §4)
  std::string id, user;
  SyncState state = SyncState::kCreated;
  std::string connector;                  // connector syncs: the full connector JSON, with its
                                          // password (never presented, never logged)
  OptStr name, url, service_name, service_item_id, log_id, error_message, modified_at, etag;
  OptStr visualization_id, table_id;
  std::int64_t interval = 3600, retried_times = 0;
  int error_code = 0;
  std::string checksum;
  bool create_visualization = false, from_external_source = false;
  double created_at = 0, updated_at = 0, run_at = 0, ran_at = 0;
};

class Store {
 public:
  explicit Store(const std::string &path);  // throws std::runtime_error
  ~Store();
  Store(const Store &) = delete;
  Store &operator=(const Store &) = delete;

  // Runs fn inside one transaction (nested calls join the outer one).
  void transaction(const std::function<void()> &fn);

  std::string ensure_user(const std::string &name);  // returns the user's stable uuid
  std::string user_id(const std::string &name);

  // imports
  void put_import(const ImportRec &r);               // insert or replace
  std::optional<ImportRec> get_import(const std::string &id);
  std::vector<ImportRec> unfinished_imports(const std::string &user);  // newest first
  int count_unfinished_imports(const std::string &user);
  int fail_unfinished_imports(int error_code);       // at startup; returns how many
  void set_import_state(const std::string &id, JobState state);

  // user tables
  void put_table(const TableRec &r);
  std::optional<TableRec> get_table(const std::string &id);
  std::optional<TableRec> find_table(const std::string &user, const std::string &name);
  std::vector<TableRec> tables_of(const std::string &user);
  void delete_table(const std::string &id);

  // visualizations
  void put_viz(const VizRec &r);
  std::optional<VizRec> get_viz(const std::string &id);
  std::vector<VizRec> viz_of(const std::string &user);
  void delete_viz(const std::string &id);
  void set_viz_tables(const std::string &viz_id, const std::vector<std::string> &table_ids);
  std::vector<std::string> viz_tables(const std::string &viz_id);       // in order
  std::vector<std::string> viz_using_table(const std::string &table_id); // derived viz ids
  void remove_table_from_viz(const std::string &table_id);

  // synchronizations
  void put_sync(const SyncRec &r);
  std::optional<SyncRec> get_sync(const std::string &id);
  std::vector<SyncRec> syncs_of(const std::string &user);
  std::vector<SyncRec> all_syncs();
  void delete_sync(const std::string &id);  // and unlinks its table
  int count_busy_syncs(const std::string &user);  // state queued or syncing

 private:
  void exec(const char *sql);
  void ensure_column(const char *table, const char *column, const char *decl);
  sqlite3 *db_ = nullptr;
  std::recursive_mutex mu_;
  // user name -> id, as read back from the users table (rows there never change or go away):
  // presenters ask for the owner's id once per listed item.
  std::map<std::string, std::string> user_ids_;
  int tx_depth_ = 0;
};

}  // namespace cis
