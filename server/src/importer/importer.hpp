// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The import engine of carto-import-server: turns a file on disk (an upload or a download) into
// tables in the user's table store, with the CARTO error codes of PROTOCOL.md §2.5.
// This header is the contract between the rest of the server (domain/: jobs, syncs) and the
// engine (archives, formats, naming, the GeoPackage table store). Nothing here knows HTTP.
#pragma once

#include <sys/socket.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/guessing.hpp"
#include "common/states.hpp"

namespace cis {

// ---- error catalogue (PROTOCOL.md §2.5) ----------------------------------------------------
struct ErrorInfo {
  int code;
  const char *title;       // exact title of §2.5
  const char *what_about;  // our own explanation: what happened and what to do next
  const char *source;      // "user", "cartodb" or "external"
};
// nullptr for codes the real server has no entry for (1010, 9999, unknown codes).
const ErrorInfo *error_info(int code);

// ---- limits ---------------------------------------------------------------------------------
struct Limits {
  std::int64_t max_file_size = 150LL << 20;        // 6666 when a source file is larger
  std::int64_t max_rows = 500000;                  // 6668 when a table would have more rows
  std::int64_t max_unpacked_bytes = 1LL << 30;     // archive expansion limit (zip bombs) -> 1003
  std::int64_t max_archive_entries = 10000;        // -> 1003
  int max_tables_per_import = 26;                  // extra files skipped, warning
  int max_layers = 50;                             // 1019
  int max_columns = 250;                           // 2004
  // A CSV record (a line, or the lines of a quoted field) and one cell: 2003 beyond. GDAL's CSV
  // driver (what production's ogr2ogr uses) refuses lines over 10,000,000 bytes by default.
  std::int64_t max_csv_line_bytes = 10000000;
  std::int64_t max_csv_cell_bytes = 10000000;
  // The user's quotas, checked under the store's lock against what the store holds then (not
  // when the request was made: another import of the user may have written in between).
  std::int64_t storage_quota = INT64_MAX;          // bytes of tables -> 8001
  std::int64_t table_quota = INT64_MAX;            // tables -> 8002
};

// ---- the user's table store -----------------------------------------------------------------
struct Column {
  std::string name;
  std::string cartodb_type;   // "number", "string", "boolean", "date", "geometry" (or passthrough)
  std::string geometry_type;  // for the_geom: "point", "linestring", "polygon", "multipolygon"...
};

struct TableInfo {
  std::string name;
  std::int64_t rows = 0;
  std::int64_t size_bytes = 0;                 // estimated on-disk size
  std::vector<std::string> geometry_types;     // e.g. {"ST_Point"}; empty when no geometry
  std::vector<Column> columns;                 // cartodb_id, the_geom, others alphabetically
};

// One user's tables, kept in DATA/users/<name>/tables.gpkg. Every table has an integer
// primary key cartodb_id and a geometry column the_geom (EPSG:4326, nullable).
// Thread-safe: every method takes the store's lock.
class UserTables {
 public:
  explicit UserTables(std::string gpkg_path);
  ~UserTables();
  UserTables(const UserTables &) = delete;
  UserTables &operator=(const UserTables &) = delete;

  bool exists(const std::string &name);
  std::vector<std::string> names();
  TableInfo describe(const std::string &name);    // throws std::runtime_error if absent
  void drop(const std::string &name);             // no-op if absent
  void rename(const std::string &from, const std::string &to);  // throws if from is absent or to is taken
  std::int64_t total_size();                      // bytes of the store's tables
  const std::string &path() const { return path_; }
  std::mutex &mutex() { return mu_; }             // held by the engine around its writes

 private:
  std::string path_;
  std::mutex mu_;
};

// ---- naming (PROTOCOL.md §2.6) --------------------------------------------------------------
// The table name the server proposes for a file basename: lower-cased, [a-z0-9_], "table_"
// prefix when not starting with a letter, reserved words get "_t", 63 chars at most;
// "untitled_table" when nothing is left.
std::string propose_table_name(const std::string &basename);
// The first of name, name_1, name_2 ... that `taken` says is free.
std::string unique_table_name(const std::string &name,
                              const std::function<bool(const std::string &)> &taken);

// ---- importing ------------------------------------------------------------------------------
struct ImportRequest : Guessing {
  std::string source_path;        // the file to import (already on local disk)
  std::string original_name;      // its name as uploaded/downloaded (drives naming and format)
  std::string work_dir;           // scratch directory owned by the job (for unpacking)
  std::string collision_strategy; // "", "skip" or "overwrite"
  std::string overwrite_table;    // syncs: replace exactly this table, keeping its name
  Limits limits;
  // Called as the engine moves through unpacking, importing, guessing; never with the store's
  // lock held, so it may take its time (the job runner sleeps its step delay there).
  std::function<void(JobState)> set_state;
};

struct ImportOutcome {
  int error_code = 0;               // 0 = ok; 1022 = complete but everything skipped; else failure
  std::string detail;               // human-readable log line (server log, never sent raw)
  std::vector<TableInfo> tables;    // the tables created, in creation order
  std::string warnings_json;        // e.g. {"max_tables_per_import":26}; "" when none
};

// Runs the whole import. Never throws: every failure becomes an error code.
ImportOutcome import_file(UserTables &store, const ImportRequest &req);

// ---- downloading (URL imports and syncs) ----------------------------------------------------
struct DownloadRequest {
  std::string url;
  std::string dest_dir;                  // where to write the file
  std::int64_t max_bytes = 150LL << 20;  // 6666 when exceeded
  long timeout_seconds = 60;             // 1020 when exceeded
  std::vector<std::string> allowed_schemes{"http", "https", "ftp"};
  bool allow_private = false;            // else public addresses only (1001, "refused")
  std::vector<long> allowed_ports{21, 80, 443};  // of the URL and redirects; empty = any (1001)
  std::string if_none_match;             // ETag from a previous run ("" = none)
  std::string if_modified_since;         // Last-Modified from a previous run ("" = none)
};

struct DownloadResult {
  int error_code = 0;          // 0, 1001, 1100 (404), 1101 (401/403), 1102 (DNS), 1020 (timeout), 6666,
                               // 1103 (transfer cut short), 1000 (dest_dir not writable)
  std::string path;            // the downloaded file
  std::string file_name;       // from Content-Disposition or the URL path (URL-decoded)
  long http_status = 0;        // the remote status, when there was one
  bool not_modified = false;   // 304 answer to a conditional request
  std::string etag, last_modified, checksum;  // checksum: hex SHA-256 of the content
  std::string detail;
};

DownloadResult download(const DownloadRequest &req);

// ---- production's URL rules (PROTOCOL.md §2.1), url_policy.cpp ------------------------------
// Loopback, private, link-local, multicast, unspecified or reserved, also as IPv4 inside IPv6.
bool is_forbidden_address(const sockaddr *addr);
bool is_allowed_url_port(long port);  // 21, 80, 443
// The port of `url` (resolved against `base` when relative; "" = none), the scheme's default
// when it has none; -1 when it cannot be parsed.
long url_port(const std::string &url, const std::string &base);
// Why an absolute URL breaks the rules ("" when it does not): its port, or an address its host
// resolves to. A name that does not resolve passes, as in production (the download fails).
std::string url_policy_violation(const std::string &url);

// ---- external databases (connector imports and syncs, PROTOCOL.md §3) ----------------------
// Reads a PostgreSQL table or query result through GDAL's PG driver into a GeoPackage of one
// layer, which import_file() then imports like any file (naming, cartodb_id, the_geom).
struct DatabaseRequest {
  std::string host, database, username, password, sslmode = "require";
  int port = 5432;
  std::string schema = "public";
  std::string table;                     // schema.table is read ...
  std::string sql_query;                 // ... unless this query is given (run by the remote)
  std::vector<std::string> columns;      // with table: only these columns ("" = all)
  std::string encoding;                  // the remote's text encoding (PostgreSQL names); "" = UTF-8
  std::string dest_dir;                  // where to write the GeoPackage
  std::string name;                      // its basename (becomes the table name)
  std::int64_t max_rows = 500000;        // 6668 beyond this
  long connect_timeout_seconds = 10;
};

struct DatabaseResult {
  int error_code = 0;        // 0, 1500 (connection or query failed), 6668, 1000 (dest_dir)
  std::string detail;        // the database's own message; never contains the password
  std::string path;          // the GeoPackage written
  std::string file_name;     // its name, <name>.gpkg
  std::string checksum;      // hex SHA-256 over the columns and rows read: unchanged data,
                             // unchanged checksum
  std::int64_t rows = 0;
};

DatabaseResult fetch_database(const DatabaseRequest &req);

}  // namespace cis
