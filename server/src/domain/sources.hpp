// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The import path every import shares, whether an import job (an upload, a URL, a connector; a
// sync's first import) or a sync's scheduled run: get the source onto local disk (download or
// database fetch, with the checksum that tells a sync whether anything changed), then import it
// with the engine under the server's limits.
#pragma once

#include <string>

#include "importer/importer.hpp"

namespace cis {

class Services;
struct Config;

struct Source {
  std::string url;                  // a URL import or sync
  std::string connector;            // connector JSON (with its password)
  std::string path, name;           // a file already on disk (uploads)
  std::string etag, last_modified;  // conditional download: a sync's last run
};

// The file to import, as a download gives it (a connector's data and an upload too), and a
// job-specific explanation of a failure for the client ("" = the catalogue's).
struct Fetched : DownloadResult {
  std::string what_about;
};

// Downloads the URL, fetches the connector's data, or passes the uploaded file on. `dir` is
// scratch space owned by the caller.
Fetched fetch_source(Services &app, const Source &src, const std::string &dir);

// The engine's limits: the configuration's, quotas included (the engine checks those against
// the user's store under its lock, as it writes).
Limits limits_for(const Config &cfg);

// The engine's request to import the fetched file (limits from limits_for()), with `work_dir`
// as scratch space. The caller adds what is particular to a job or a sync.
ImportRequest import_request(const Config &cfg, const Fetched &src, const std::string &work_dir,
                             const Guessing &guessing);

// Runs the engine on `req` (its limits from limits_for) in `user`'s table store. Never throws:
// an exception becomes 99999.
ImportOutcome run_import(Services &app, const std::string &user, const ImportRequest &req);

// URL validation of POST /api/v1/imports and /api/v1/synchronizations and of a sync's new URL
// (allowed schemes, a host, no spaces or control characters) with production's port and address
// rules unless --allow-private-urls.
bool valid_source_url(const Services &app, const std::string &url);

// "<title> <what_about>" of an error code (a sync's error_message), with a job-specific
// explanation when there is one.
std::string error_message_for(int code, const std::string &what_about = "");

}  // namespace cis
