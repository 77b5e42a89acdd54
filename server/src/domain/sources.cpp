// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "domain/sources.hpp"

#include <algorithm>
#include <cmath>

#include "common/carto_codes.hpp"
#include "common/files.hpp"
#include "common/text.hpp"
#include "common/url.hpp"
#include "domain/connectors.hpp"
#include "domain/services.hpp"

namespace cis {

namespace {

Fetched from_download(Services &app, const Source &src, const std::string &dir) {
  const Config &cfg = app.cfg();
  DownloadRequest d;
  d.url = src.url;
  d.dest_dir = dir;
  d.max_bytes = cfg.max_file_size;
  d.timeout_seconds = std::max(1L, std::lround(60.0 * cfg.time_scale));
  d.allowed_schemes = cfg.allowed_url_schemes;
  d.allow_private = cfg.allow_private_urls;
  if (cfg.allow_private_urls) d.allowed_ports.clear();
  d.if_none_match = src.etag;
  d.if_modified_since = src.last_modified;
  Fetched f;
  static_cast<DownloadResult &>(f) = download(d);
  if (f.file_name.empty()) f.file_name = url_basename(src.url);
  return f;
}

Fetched from_database(Services &app, const Source &src, const std::string &dir) {
  Fetched f;
  ConnectorCheck c = check_connector(src.connector);
  if (c.error_code) {
    f.error_code = c.error_code;
    f.detail = f.what_about = c.message;
    return f;
  }
  c.db.dest_dir = dir;
  c.db.name = propose_table_name(c.db.name);
  c.db.max_rows = app.cfg().max_rows;
  c.db.connect_timeout_seconds = std::max(1L, std::lround(10.0 * app.cfg().time_scale));
  DatabaseResult r = fetch_database(c.db);
  f.error_code = r.error_code;
  f.detail = r.detail;
  if (r.error_code == carto::kConnectorError) f.what_about = r.detail;  // the database's own words
  f.path = r.path;
  f.file_name = r.file_name;
  f.checksum = r.checksum;
  return f;
}

}  // namespace

Fetched fetch_source(Services &app, const Source &src, const std::string &dir) {
  make_dirs(dir);
  if (!src.url.empty()) return from_download(app, src, dir);
  if (!src.connector.empty()) return from_database(app, src, dir);
  Fetched f;
  f.path = src.path;
  f.file_name = src.name;
  return f;
}

Limits limits_for(const Config &cfg) {
  Limits limits;
  limits.max_file_size = cfg.max_file_size;
  limits.max_rows = cfg.max_rows;
  limits.max_unpacked_bytes = cfg.max_unpacked_bytes;
  limits.max_columns = cfg.max_columns;
  limits.max_csv_line_bytes = cfg.max_csv_line_bytes;
  limits.max_csv_cell_bytes = cfg.max_csv_cell_bytes;
  if (cfg.quota_bytes >= 0) limits.storage_quota = cfg.quota_bytes;
  if (cfg.table_quota >= 0) limits.table_quota = cfg.table_quota;
  return limits;
}

ImportRequest import_request(const Config &cfg, const Fetched &src, const std::string &work_dir,
                             const Guessing &guessing) {
  ImportRequest req;
  req.source_path = src.path;
  req.original_name = src.file_name;
  req.work_dir = work_dir;
  req.set_guessing(guessing);
  req.limits = limits_for(cfg);
  return req;
}

ImportOutcome run_import(Services &app, const std::string &user, const ImportRequest &req) {
  try {
    make_dirs(req.work_dir);
    return import_file(app.tables(user), req);
  } catch (const std::exception &e) {
    ImportOutcome out;
    out.error_code = carto::kUnknownError;
    out.detail = e.what();
    return out;
  }
}

bool valid_source_url(const Services &app, const std::string &url) {
  auto sep = url.find("://");
  if (sep == std::string::npos || sep == 0) return false;
  std::string scheme = lower(url.substr(0, sep));
  const auto &allowed = app.cfg().allowed_url_schemes;
  if (std::find(allowed.begin(), allowed.end(), scheme) == allowed.end()) return false;
  if (scheme == "file") return true;
  std::string rest = url.substr(sep + 3);
  if (rest.substr(0, rest.find_first_of("/?#")).empty()) return false;
  if (std::any_of(url.begin(), url.end(), [](char c) { return static_cast<unsigned char>(c) <= 32; }))
    return false;
  return app.cfg().allow_private_urls || url_policy_violation(url).empty();
}

std::string error_message_for(int code, const std::string &what_about) {
  const ErrorInfo *info = error_info(code);
  if (!info) return what_about.empty() ? "Unknown error, please try again" : what_about;
  return std::string(info->title) + " " + (what_about.empty() ? info->what_about : what_about);
}

}  // namespace cis
