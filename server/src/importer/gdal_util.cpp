// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// GDAL set-up and small RAII helpers.
#include <mutex>
#include <utility>

#include <cpl_http.h>
#include <ogr_srs_api.h>

#include "importer/engine.hpp"

namespace cis {

namespace {
// Every CPLHTTPFetch (a GeoJSON "crs" of type link/url, in a file or in a CSV cell; GML/KML
// references...) fails at once without a connection: an import reads the file it was given
// and nothing else. GDAL 3.6 has no configuration option that turns CPLHTTPFetch off.
CPLHTTPResult *refuse_fetch(const char *url, CSLConstList, GDALProgressFunc, void *,
                            CPLHTTPFetchWriteFunc, void *, void *) {
  auto *r = static_cast<CPLHTTPResult *>(CPLCalloc(1, sizeof(CPLHTTPResult)));
  r->nStatus = 1;
  r->pszErrBuf = CPLStrdup(CPLSPrintf("network access is disabled during imports: %s", url));
  return r;
}
}  // namespace

void gdal_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    CPLHTTPSetFetchCallback(refuse_fetch, nullptr);
    OSRSetPROJEnableNetwork(FALSE);  // no grid downloads from the PROJ CDN
    // No network through the other doors either, whatever the environment says: /vsicurl/ and
    // friends open only this file name, which no URL is; libkml resolves no external style.
    for (const auto &kv : {std::pair<const char *, const char *>{"CPL_VSIL_CURL_ALLOWED_FILENAME", "-"},
                           {"LIBKML_RESOLVE_STYLE", "NO"},
                           {"LIBKML_EXTERNAL_STYLE", "NO"},
                           {"GML_SKIP_RESOLVE_ELEMS", "ALL"}})
      CPLSetConfigOption(kv.first, kv.second);
    // The table store is a scratch copy of the user's data: durability against power loss is
    // not worth an fsync per transaction. The environment may override these.
    for (const auto &kv : {std::pair<const char *, const char *>{"OGR_SQLITE_SYNCHRONOUS", "OFF"},
                           {"OGR_SQLITE_CACHE", "64"}}) {  // MB of SQLite page cache
      if (!CPLGetConfigOption(kv.first, nullptr)) CPLSetConfigOption(kv.first, kv.second);
    }
  });
}

GdalQuiet::GdalQuiet() {
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLErrorReset();
}
GdalQuiet::~GdalQuiet() { CPLPopErrorHandler(); }

std::string gdal_error() {
  const char *msg = CPLGetLastErrorMsg();
  return msg && *msg ? msg : "unknown GDAL error";
}

SqlResult::SqlResult(GDALDataset &ds, const std::string &sql)
    : ds_(ds), layer_(ds.ExecuteSQL(sql.c_str(), nullptr, nullptr)) {}

SqlResult::~SqlResult() {
  if (layer_) ds_.ReleaseResultSet(layer_);
}

std::vector<std::string> SqlResult::column0() {
  std::vector<std::string> out;
  if (!layer_) return out;
  for (auto &f : *layer_)
    out.push_back(f->IsFieldSetAndNotNull(0) ? f->GetFieldAsString(0) : "");
  return out;
}

std::string quote_ident(const std::string &name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string quote_literal(const std::string &text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

}  // namespace cis
