// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The import path every import shares, whether an import job (an upload, a URL, a connector; a
// sync's first import) or a sync's scheduled run: get the source onto local disk (download or
// database fetch, with the checksum that tells a sync whether anything changed), then import it
// with the engine under the server's limits.
#pragma once

#include <functional>
#include <string>

#include "importer/importer.hpp"

namespace cis {

class Services;

struct Source {
  std::string url;                  // a URL import or sync
  std::string connector;            // connector JSON (with its password)
  std::string path, name;           // a file already on disk (uploads)
  std::string etag, last_modified;  // conditional download: a sync's last run
};

struct Fetched {
  int error_code = 0;
  std::string detail;        // for the server log
  std::string what_about;    // a job-specific explanation for the client ("" = the catalogue's)
  std::string path, name;    // the file to import
  long http_status = 0;      // the remote's status, for URL sources
  bool not_modified = false; // 304 to a conditional download
  std::string etag, last_modified, checksum;
};

// Downloads the URL, fetches the connector's data, or passes the file on. `dir` is scratch
// space owned by the caller.
Fetched fetch_source(Services &app, const Source &src, const std::string &dir);

struct ImportSettings {
  bool type_guessing = true, quoted_fields_guessing = true, content_guessing = false;
  std::string collision_strategy;
  std::string overwrite_table;  // sync runs: replace this table
  bool single_table = false;    // syncs keep one table
};

// Imports a fetched source for `user` (quotas and limits from the configuration).
ImportOutcome import_fetched(Services &app, const std::string &user, const Fetched &src,
                             const ImportSettings &settings, const std::string &work_dir,
                             const std::function<void(const std::string &)> &set_state);

// URL validation of POST /api/v1/imports and /api/v1/synchronizations and of a sync's new URL
// (allowed schemes, a host, no spaces or control characters) with production's port and address
// rules unless --allow-private-urls.
bool valid_source_url(const Services &app, const std::string &url);

// "<title> <what_about>" of an error code (a sync's error_message), with a job-specific
// explanation when there is one.
std::string error_message_for(int code, const std::string &what_about = "");

}  // namespace cis
