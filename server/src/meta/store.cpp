// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "meta/store.hpp"

#include <stdexcept>

#include <sqlite3.h>

#include "common/ids.hpp"
#include "common/json.hpp"
#include "common/text.hpp"
#include "common/time.hpp"

namespace cis {

namespace {

class Stmt {
 public:
  Stmt(sqlite3 *db, const char *sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &st_, nullptr) != SQLITE_OK)
      throw std::runtime_error(std::string("sqlite prepare: ") + sqlite3_errmsg(db));
  }
  ~Stmt() { sqlite3_finalize(st_); }
  Stmt(const Stmt &) = delete;
  Stmt &operator=(const Stmt &) = delete;

  Stmt &bind(const std::string &v) {
    sqlite3_bind_text(st_, ++idx_, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt &bind(const char *v) { return bind(std::string(v)); }
  Stmt &bind(JobState v) { return bind(state_name(v)); }
  Stmt &bind(SyncState v) { return bind(state_name(v)); }
  Stmt &bind(const OptStr &v) {
    if (v) return bind(*v);
    sqlite3_bind_null(st_, ++idx_);
    return *this;
  }
  Stmt &bind(std::int64_t v) {
    sqlite3_bind_int64(st_, ++idx_, v);
    return *this;
  }
  Stmt &bind(int v) { return bind(static_cast<std::int64_t>(v)); }
  Stmt &bind(bool v) { return bind(static_cast<std::int64_t>(v ? 1 : 0)); }
  Stmt &bind(double v) {
    sqlite3_bind_double(st_, ++idx_, v);
    return *this;
  }
  Stmt &bind(const std::optional<std::int64_t> &v) {
    if (v) return bind(*v);
    sqlite3_bind_null(st_, ++idx_);
    return *this;
  }

  bool row() {
    int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw std::runtime_error(std::string("sqlite step: ") + sqlite3_errmsg(db_));
  }
  void run() {
    while (row()) {
    }
  }

  std::string text(int c) const {
    const unsigned char *p = sqlite3_column_text(st_, c);
    return p ? std::string(reinterpret_cast<const char *>(p),
                           static_cast<std::size_t>(sqlite3_column_bytes(st_, c)))
             : std::string();
  }
  OptStr opt(int c) const {
    if (sqlite3_column_type(st_, c) == SQLITE_NULL) return std::nullopt;
    return text(c);
  }
  std::int64_t i64(int c) const { return sqlite3_column_int64(st_, c); }
  std::optional<std::int64_t> opt_i64(int c) const {
    if (sqlite3_column_type(st_, c) == SQLITE_NULL) return std::nullopt;
    return i64(c);
  }
  bool b(int c) const { return sqlite3_column_int64(st_, c) != 0; }
  double d(int c) const { return sqlite3_column_double(st_, c); }

 private:
  sqlite3 *db_;
  sqlite3_stmt *st_ = nullptr;
  int idx_ = 0;
};

const char *kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS users (
  name TEXT PRIMARY KEY, id TEXT NOT NULL UNIQUE, created_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS imports (
  id TEXT PRIMARY KEY, user TEXT NOT NULL, user_id TEXT NOT NULL, state TEXT NOT NULL,
  error_code INTEGER NOT NULL DEFAULT 0, data_type TEXT NOT NULL, table_name TEXT, table_id TEXT,
  tables_created_count INTEGER, synchronization_id TEXT, visualization_id TEXT,
  type_guessing INTEGER NOT NULL, quoted_fields_guessing INTEGER NOT NULL,
  content_guessing INTEGER NOT NULL, create_visualization INTEGER NOT NULL,
  is_raster INTEGER NOT NULL, any_table_raster INTEGER NOT NULL,
  user_defined_limits TEXT NOT NULL, display_name TEXT NOT NULL, original_url TEXT NOT NULL,
  warnings TEXT NOT NULL, http_response_code TEXT, privacy TEXT NOT NULL,
  collision_strategy TEXT NOT NULL, service_name TEXT NOT NULL, service_item_id TEXT NOT NULL,
  source_path TEXT NOT NULL, original_name TEXT NOT NULL, detail TEXT NOT NULL,
  created_at REAL NOT NULL, updated_at REAL NOT NULL, error_text TEXT NOT NULL DEFAULT '',
  table_names TEXT NOT NULL DEFAULT '[]');
CREATE INDEX IF NOT EXISTS imports_user_state ON imports(user, state);
CREATE TABLE IF NOT EXISTS user_tables (
  id TEXT PRIMARY KEY, user TEXT NOT NULL, name TEXT NOT NULL, privacy TEXT NOT NULL,
  description TEXT, visualization_id TEXT NOT NULL, map_id TEXT NOT NULL,
  synchronization_id TEXT, rows INTEGER NOT NULL, size INTEGER NOT NULL,
  geometry_types TEXT NOT NULL, created_at REAL NOT NULL, updated_at REAL NOT NULL,
  UNIQUE(user, name));
CREATE TABLE IF NOT EXISTS visualizations (
  id TEXT PRIMARY KEY, user TEXT NOT NULL, name TEXT NOT NULL, display_name TEXT,
  map_id TEXT NOT NULL, active_layer_id TEXT NOT NULL, type TEXT NOT NULL, tags TEXT NOT NULL,
  description TEXT, privacy TEXT NOT NULL, locked INTEGER NOT NULL, source TEXT, title TEXT,
  license TEXT, attributions TEXT, kind TEXT NOT NULL, version INTEGER NOT NULL, table_id TEXT,
  permission_id TEXT NOT NULL, auth_token TEXT NOT NULL, password TEXT,
  created_at REAL NOT NULL, updated_at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS visualizations_user ON visualizations(user);
CREATE TABLE IF NOT EXISTS viz_tables (
  viz_id TEXT NOT NULL, table_id TEXT NOT NULL, position INTEGER NOT NULL,
  PRIMARY KEY(viz_id, table_id));
CREATE INDEX IF NOT EXISTS viz_tables_table ON viz_tables(table_id);
CREATE TABLE IF NOT EXISTS synchronizations (
  id TEXT PRIMARY KEY, user TEXT NOT NULL, state TEXT NOT NULL, name TEXT, url TEXT,
  service_name TEXT, service_item_id TEXT, log_id TEXT, error_message TEXT, modified_at TEXT,
  etag TEXT, visualization_id TEXT, table_id TEXT, interval INTEGER NOT NULL,
  retried_times INTEGER NOT NULL, error_code INTEGER NOT NULL, checksum TEXT NOT NULL,
  type_guessing INTEGER NOT NULL, quoted_fields_guessing INTEGER NOT NULL,
  content_guessing INTEGER NOT NULL, create_visualization INTEGER NOT NULL,
  from_external_source INTEGER NOT NULL, created_at REAL NOT NULL, updated_at REAL NOT NULL,
  run_at REAL NOT NULL, ran_at REAL NOT NULL, connector TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS synchronizations_user ON synchronizations(user);
)SQL";

const char *kImportCols =
    "id,user,user_id,state,error_code,data_type,table_name,table_id,tables_created_count,"
    "synchronization_id,visualization_id,type_guessing,quoted_fields_guessing,content_guessing,"
    "create_visualization,is_raster,any_table_raster,user_defined_limits,display_name,"
    "original_url,warnings,http_response_code,privacy,collision_strategy,service_name,"
    "service_item_id,source_path,original_name,detail,created_at,updated_at,error_text,table_names";

ImportRec read_import(const Stmt &s) {
  ImportRec r;
  int c = 0;
  r.id = s.text(c++);
  r.user = s.text(c++);
  r.user_id = s.text(c++);
  r.state = job_state_named(s.text(c++));
  r.error_code = static_cast<int>(s.i64(c++));
  r.data_type = s.text(c++);
  r.table_name = s.opt(c++);
  r.table_id = s.opt(c++);
  r.tables_created_count = s.opt_i64(c++);
  r.synchronization_id = s.opt(c++);
  r.visualization_id = s.opt(c++);
  r.type_guessing = s.b(c++);
  r.quoted_fields_guessing = s.b(c++);
  r.content_guessing = s.b(c++);
  r.create_visualization = s.b(c++);
  r.is_raster = s.b(c++);
  r.any_table_raster = s.b(c++);
  r.user_defined_limits = s.text(c++);
  r.display_name = s.text(c++);
  r.original_url = s.text(c++);
  r.warnings = s.text(c++);
  r.http_response_code = s.opt(c++);
  r.privacy = s.text(c++);
  r.collision_strategy = s.text(c++);
  r.service_name = s.text(c++);
  r.service_item_id = s.text(c++);
  r.source_path = s.text(c++);
  r.original_name = s.text(c++);
  r.detail = s.text(c++);
  r.created_at = s.d(c++);
  r.updated_at = s.d(c++);
  r.error_text = s.text(c++);
  r.table_names = jstring_list(s.text(c++));
  return r;
}

const char *kTableCols =
    "id,user,name,privacy,description,visualization_id,map_id,synchronization_id,rows,size,"
    "geometry_types,created_at,updated_at";

TableRec read_table(const Stmt &s) {
  TableRec r;
  int c = 0;
  r.id = s.text(c++);
  r.user = s.text(c++);
  r.name = s.text(c++);
  r.privacy = s.text(c++);
  r.description = s.opt(c++);
  r.visualization_id = s.text(c++);
  r.map_id = s.text(c++);
  r.synchronization_id = s.opt(c++);
  r.rows = s.i64(c++);
  r.size = s.i64(c++);
  r.geometry_types = s.text(c++);
  r.created_at = s.d(c++);
  r.updated_at = s.d(c++);
  return r;
}

const char *kVizCols =
    "id,user,name,display_name,map_id,active_layer_id,type,tags,description,privacy,locked,"
    "source,title,license,attributions,kind,version,table_id,permission_id,auth_token,password,"
    "created_at,updated_at";

VizRec read_viz(const Stmt &s) {
  VizRec r;
  int c = 0;
  r.id = s.text(c++);
  r.user = s.text(c++);
  r.name = s.text(c++);
  r.display_name = s.opt(c++);
  r.map_id = s.text(c++);
  r.active_layer_id = s.text(c++);
  r.type = s.text(c++);
  r.tags = s.text(c++);
  r.description = s.opt(c++);
  r.privacy = s.text(c++);
  r.locked = s.b(c++);
  r.source = s.opt(c++);
  r.title = s.opt(c++);
  r.license = s.opt(c++);
  r.attributions = s.opt(c++);
  r.kind = s.text(c++);
  r.version = s.i64(c++);
  r.table_id = s.opt(c++);
  r.permission_id = s.text(c++);
  r.auth_token = s.text(c++);
  r.password = s.opt(c++);
  r.created_at = s.d(c++);
  r.updated_at = s.d(c++);
  return r;
}

const char *kSyncCols =
    "id,user,state,name,url,service_name,service_item_id,log_id,error_message,modified_at,etag,"
    "visualization_id,table_id,interval,retried_times,error_code,checksum,type_guessing,"
    "quoted_fields_guessing,content_guessing,create_visualization,from_external_source,"
    "created_at,updated_at,run_at,ran_at,connector";

SyncRec read_sync(const Stmt &s) {
  SyncRec r;
  int c = 0;
  r.id = s.text(c++);
  r.user = s.text(c++);
  r.state = sync_state_named(s.text(c++));
  r.name = s.opt(c++);
  r.url = s.opt(c++);
  r.service_name = s.opt(c++);
  r.service_item_id = s.opt(c++);
  r.log_id = s.opt(c++);
  r.error_message = s.opt(c++);
  r.modified_at = s.opt(c++);
  r.etag = s.opt(c++);
  r.visualization_id = s.opt(c++);
  r.table_id = s.opt(c++);
  r.interval = s.i64(c++);
  r.retried_times = s.i64(c++);
  r.error_code = static_cast<int>(s.i64(c++));
  r.checksum = s.text(c++);
  r.type_guessing = s.b(c++);
  r.quoted_fields_guessing = s.b(c++);
  r.content_guessing = s.b(c++);
  r.create_visualization = s.b(c++);
  r.from_external_source = s.b(c++);
  r.created_at = s.d(c++);
  r.updated_at = s.d(c++);
  r.run_at = s.d(c++);
  r.ran_at = s.d(c++);
  r.connector = s.text(c++);
  return r;
}

std::string placeholders(const char *cols) {
  std::string p;
  for (const char *c = cols; *c; c++) {
    if (*c == ',') p += "?,";
  }
  return p + "?";
}

std::string select_sql(const char *cols, const char *table, const std::string &where) {
  return std::string("SELECT ") + cols + " FROM " + table + " " + where;
}

std::string replace_sql(const char *cols, const char *table) {
  return std::string("INSERT OR REPLACE INTO ") + table + "(" + cols + ") VALUES(" +
         placeholders(cols) + ")";
}

}  // namespace

Store::Store(const std::string &path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                                              SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
    std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw std::runtime_error("cannot open " + path + ": " + msg);
  }
  sqlite3_busy_timeout(db_, 5000);
  exec("PRAGMA journal_mode=WAL");
  exec("PRAGMA synchronous=NORMAL");
  exec("PRAGMA foreign_keys=ON");
  exec(kSchema);
  // Data directories made by earlier versions lack these columns.
  ensure_column("imports", "error_text", "TEXT NOT NULL DEFAULT ''");
  ensure_column("imports", "table_names", "TEXT NOT NULL DEFAULT '[]'");
  ensure_column("synchronizations", "connector", "TEXT NOT NULL DEFAULT ''");
}

void Store::ensure_column(const char *table, const char *column, const char *decl) {
  Stmt info(db_, (std::string("PRAGMA table_info(") + table + ")").c_str());
  while (info.row()) {
    if (info.text(1) == column) return;
  }
  exec((std::string("ALTER TABLE ") + table + " ADD COLUMN " + column + " " + decl).c_str());
}

Store::~Store() { sqlite3_close(db_); }

void Store::exec(const char *sql) {
  char *err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    throw std::runtime_error("sqlite: " + msg);
  }
}

void Store::transaction(const std::function<void()> &fn) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  if (tx_depth_ > 0) {
    tx_depth_++;
    try {
      fn();
    } catch (...) {
      tx_depth_--;
      throw;
    }
    tx_depth_--;
    return;
  }
  exec("BEGIN IMMEDIATE");
  tx_depth_ = 1;
  try {
    fn();
  } catch (...) {
    tx_depth_ = 0;
    exec("ROLLBACK");
    throw;
  }
  tx_depth_ = 0;
  exec("COMMIT");
}

std::string Store::ensure_user(const std::string &name) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  std::string id = user_id(name);
  if (!id.empty()) return id;
  id = new_uuid();
  Stmt(db_, "INSERT INTO users(name,id,created_at) VALUES(?,?,?)").bind(name).bind(id).bind(now_epoch()).run();
  return id;
}

std::string Store::user_id(const std::string &name) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  if (auto it = user_ids_.find(name); it != user_ids_.end()) return it->second;
  Stmt s(db_, "SELECT id FROM users WHERE name=?");
  s.bind(name);
  if (!s.row()) return std::string();  // not cached: ensure_user() may add it
  return user_ids_[name] = s.text(0);
}

// ---- imports ----
void Store::put_import(const ImportRec &r) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt s(db_, replace_sql(kImportCols, "imports").c_str());
  s.bind(r.id).bind(r.user).bind(r.user_id).bind(r.state).bind(r.error_code).bind(r.data_type)
      .bind(r.table_name).bind(r.table_id).bind(r.tables_created_count).bind(r.synchronization_id)
      .bind(r.visualization_id).bind(r.type_guessing).bind(r.quoted_fields_guessing)
      .bind(r.content_guessing).bind(r.create_visualization).bind(r.is_raster)
      .bind(r.any_table_raster).bind(r.user_defined_limits).bind(r.display_name)
      .bind(r.original_url).bind(r.warnings).bind(r.http_response_code).bind(r.privacy)
      .bind(r.collision_strategy).bind(r.service_name).bind(r.service_item_id).bind(r.source_path)
      .bind(r.original_name).bind(r.detail).bind(r.created_at).bind(r.updated_at).bind(r.error_text)
      .bind(jstring_list_dump(r.table_names));
  s.run();
}

std::optional<ImportRec> Store::get_import(const std::string &id) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt s(db_, select_sql(kImportCols, "imports", "WHERE id=?").c_str());
  s.bind(id);
  if (!s.row()) return std::nullopt;
  return read_import(s);
}

std::vector<ImportRec> Store::unfinished_imports(const std::string &user) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt s(db_, select_sql(kImportCols, "imports",
                         "WHERE user=? AND state NOT IN (?,?) "
                         "ORDER BY created_at DESC, rowid DESC").c_str());
  s.bind(user).bind(JobState::kComplete).bind(JobState::kFailure);
  std::vector<ImportRec> out;
  while (s.row()) out.push_back(read_import(s));
  return out;
}

int Store::count_unfinished_imports(const std::string &user) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt s(db_, "SELECT count(*) FROM imports WHERE user=? AND state NOT IN (?,?)");
  s.bind(user).bind(JobState::kComplete).bind(JobState::kFailure);
  return s.row() ? static_cast<int>(s.i64(0)) : 0;
}

int Store::fail_unfinished_imports(int error_code) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt s(db_, "UPDATE imports SET state=?, error_code=?, updated_at=?, "
              "tables_created_count=NULL WHERE state NOT IN (?,?)");
  s.bind(JobState::kFailure).bind(error_code).bind(now_epoch());
  s.bind(JobState::kComplete).bind(JobState::kFailure);
  s.run();
  return sqlite3_changes(db_);
}

void Store::set_import_state(const std::string &id, JobState state) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt(db_, "UPDATE imports SET state=?, updated_at=? WHERE id=?").bind(state).bind(now_epoch()).bind(id).run();
}

// ---- user tables ----
void Store::put_table(const TableRec &r) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt s(db_, replace_sql(kTableCols, "user_tables").c_str());
  s.bind(r.id).bind(r.user).bind(r.name).bind(r.privacy).bind(r.description)
      .bind(r.visualization_id).bind(r.map_id).bind(r.synchronization_id).bind(r.rows)
      .bind(r.size).bind(r.geometry_types).bind(r.created_at).bind(r.updated_at);
  s.run();
}

std::optional<TableRec> Store::get_table(const std::string &id) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt s(db_, select_sql(kTableCols, "user_tables", "WHERE id=?").c_str());
  s.bind(id);
  if (!s.row()) return std::nullopt;
  return read_table(s);
}

std::optional<TableRec> Store::find_table(const std::string &user, const std::string &name) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt s(db_, select_sql(kTableCols, "user_tables", "WHERE user=? AND name=?").c_str());
  s.bind(user).bind(name);
  if (!s.row()) return std::nullopt;
  return read_table(s);
}

std::vector<TableRec> Store::tables_of(const std::string &user) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt s(db_, select_sql(kTableCols, "user_tables", "WHERE user=? ORDER BY created_at").c_str());
  s.bind(user);
  std::vector<TableRec> out;
  while (s.row()) out.push_back(read_table(s));
  return out;
}

void Store::delete_table(const std::string &id) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt(db_, "DELETE FROM user_tables WHERE id=?").bind(id).run();
}

// ---- visualizations ----
void Store::put_viz(const VizRec &r) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt s(db_, replace_sql(kVizCols, "visualizations").c_str());
  s.bind(r.id).bind(r.user).bind(r.name).bind(r.display_name).bind(r.map_id)
      .bind(r.active_layer_id).bind(r.type).bind(r.tags).bind(r.description).bind(r.privacy)
      .bind(r.locked).bind(r.source).bind(r.title).bind(r.license).bind(r.attributions)
      .bind(r.kind).bind(r.version).bind(r.table_id).bind(r.permission_id).bind(r.auth_token)
      .bind(r.password).bind(r.created_at).bind(r.updated_at);
  s.run();
}

std::optional<VizRec> Store::get_viz(const std::string &id) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt s(db_, select_sql(kVizCols, "visualizations", "WHERE id=?").c_str());
  s.bind(id);
  if (!s.row()) return std::nullopt;
  return read_viz(s);
}

std::vector<VizRec> Store::viz_of(const std::string &user) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt s(db_, select_sql(kVizCols, "visualizations", "WHERE user=? ORDER BY created_at").c_str());
  s.bind(user);
  std::vector<VizRec> out;
  while (s.row()) out.push_back(read_viz(s));
  return out;
}

void Store::delete_viz(const std::string &id) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt(db_, "DELETE FROM viz_tables WHERE viz_id=?").bind(id).run();
  Stmt(db_, "DELETE FROM visualizations WHERE id=?").bind(id).run();
}

void Store::set_viz_tables(const std::string &viz_id, const std::vector<std::string> &table_ids) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt(db_, "DELETE FROM viz_tables WHERE viz_id=?").bind(viz_id).run();
  std::int64_t pos = 0;
  for (const auto &t : table_ids) {
    Stmt(db_, "INSERT OR IGNORE INTO viz_tables(viz_id,table_id,position) VALUES(?,?,?)")
        .bind(viz_id).bind(t).bind(pos++).run();
  }
}

std::vector<std::string> Store::viz_tables(const std::string &viz_id) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt s(db_, "SELECT table_id FROM viz_tables WHERE viz_id=? ORDER BY position");
  s.bind(viz_id);
  std::vector<std::string> out;
  while (s.row()) out.push_back(s.text(0));
  return out;
}

std::vector<std::string> Store::viz_using_table(const std::string &table_id) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt s(db_, "SELECT viz_id FROM viz_tables WHERE table_id=?");
  s.bind(table_id);
  std::vector<std::string> out;
  while (s.row()) out.push_back(s.text(0));
  return out;
}

void Store::remove_table_from_viz(const std::string &table_id) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt(db_, "DELETE FROM viz_tables WHERE table_id=?").bind(table_id).run();
}

// ---- synchronizations ----
void Store::put_sync(const SyncRec &r) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt s(db_, replace_sql(kSyncCols, "synchronizations").c_str());
  s.bind(r.id).bind(r.user).bind(r.state).bind(r.name).bind(r.url).bind(r.service_name)
      .bind(r.service_item_id).bind(r.log_id).bind(r.error_message).bind(r.modified_at)
      .bind(r.etag).bind(r.visualization_id).bind(r.table_id).bind(r.interval)
      .bind(r.retried_times).bind(r.error_code).bind(r.checksum).bind(r.type_guessing)
      .bind(r.quoted_fields_guessing).bind(r.content_guessing).bind(r.create_visualization)
      .bind(r.from_external_source).bind(r.created_at).bind(r.updated_at).bind(r.run_at)
      .bind(r.ran_at).bind(r.connector);
  s.run();
}

std::optional<SyncRec> Store::get_sync(const std::string &id) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt s(db_, select_sql(kSyncCols, "synchronizations", "WHERE id=?").c_str());
  s.bind(id);
  if (!s.row()) return std::nullopt;
  return read_sync(s);
}

std::vector<SyncRec> Store::syncs_of(const std::string &user) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt s(db_, select_sql(kSyncCols, "synchronizations", "WHERE user=? ORDER BY created_at").c_str());
  s.bind(user);
  std::vector<SyncRec> out;
  while (s.row()) out.push_back(read_sync(s));
  return out;
}

std::vector<SyncRec> Store::all_syncs() {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt s(db_, select_sql(kSyncCols, "synchronizations", "ORDER BY run_at").c_str());
  std::vector<SyncRec> out;
  while (s.row()) out.push_back(read_sync(s));
  return out;
}

void Store::delete_sync(const std::string &id) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt(db_, "UPDATE user_tables SET synchronization_id=NULL WHERE synchronization_id=?").bind(id).run();
  Stmt(db_, "DELETE FROM synchronizations WHERE id=?").bind(id).run();
}

int Store::count_busy_syncs(const std::string &user) {
  std::lock_guard<std::recursive_mutex> lk(mu_);
  Stmt s(db_, "SELECT count(*) FROM synchronizations WHERE user=? AND state IN (?,?)");
  s.bind(user).bind(SyncState::kQueued).bind(SyncState::kSyncing);
  return s.row() ? static_cast<int>(s.i64(0)) : 0;
}

}  // namespace cis
