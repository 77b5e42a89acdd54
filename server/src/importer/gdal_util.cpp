// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// GDAL set-up and small RAII helpers.
#include <mutex>
#include <utility>

#include "engine.hpp"

namespace cis {

void gdal_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
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
