// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Internals of the import engine shared by its .cpp files (not part of the contract).
#pragma once

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdint>
#include <string>
#include <vector>

#include "importer/importer.hpp"

namespace cis {

// ---- naming.cpp ----
// Lower-cased ASCII with Latin-1 letters transliterated; anything else becomes one '_'.
std::string sanitize_identifier(const std::string &raw);
// A column name: sanitized, "_" before a leading digit, 63 chars, "column" when empty.
std::string launder_column_name(const std::string &raw);

// ---- gdal_util.cpp ----
void gdal_init();  // registers drivers and sets the process-wide options, once

// Keeps GDAL's messages off stderr on this thread; gdal_error() reads the last one.
class GdalQuiet {
 public:
  GdalQuiet();
  ~GdalQuiet();
  GdalQuiet(const GdalQuiet &) = delete;
  GdalQuiet &operator=(const GdalQuiet &) = delete;
};
std::string gdal_error();

// A result set of GDALDataset::ExecuteSQL, released on scope exit.
class SqlResult {
 public:
  SqlResult(GDALDataset &ds, const std::string &sql);
  ~SqlResult();
  SqlResult(const SqlResult &) = delete;
  SqlResult &operator=(const SqlResult &) = delete;
  OGRLayer *operator->() const { return layer_; }
  explicit operator bool() const { return layer_ != nullptr; }
  // The first column of every row, as strings.
  std::vector<std::string> column0();

 private:
  GDALDataset &ds_;
  OGRLayer *layer_;
};

std::string quote_ident(const std::string &name);    // "name" for SQL
std::string quote_literal(const std::string &text);  // 'text' for SQL

// ---- table_store.cpp: the table store, called with its mutex held ----
namespace store {
constexpr const char *kTempPrefix = "_cis_tmp_";  // tables being imported; never listed
constexpr const char *kFidColumn = "cartodb_id";
constexpr const char *kGeomColumn = "the_geom";

// Opens the GeoPackage for update; creates it when `create`, else nullptr when absent.
GDALDatasetUniquePtr open(const std::string &path, bool create);
OGRLayer *find(GDALDataset &ds, const std::string &name);  // exact name, nullptr if absent
std::vector<std::string> names(GDALDataset &ds, bool with_temp = false);
TableInfo describe(GDALDataset &ds, const std::string &name);  // throws if absent
std::int64_t table_size(GDALDataset &ds, const std::string &name);  // describe()'s size_bytes alone
bool drop(GDALDataset &ds, const std::string &name);
bool rename(GDALDataset &ds, const std::string &from, const std::string &to);
std::int64_t used_bytes(GDALDataset &ds);
// "ST_Point" style name of a flat geometry type.
std::string st_type_name(OGRwkbGeometryType type);
}  // namespace store

// ---- archive.cpp ----
struct UnpackResult {
  int error_code = 0;
  std::string detail;
};
// Unpacks `archive` into `dest_dir` under `limits`. `single_name` names the output when the
// input turns out to be a lone compressed file (.gz, .bz2) rather than an archive.
// With lone_file (data.csv.gz), the input is only ever a compressed file, as CARTO gunzips it:
// never sniffed for archive formats (mtree would take a small CSV for one), and an empty one
// unpacks to an empty file.
UnpackResult unpack_archive(const std::string &archive, const std::string &dest_dir,
                            const std::string &single_name, const Limits &limits,
                            bool lone_file = false);

// ---- csv_scan.cpp ----
struct CsvColumn {
  std::string name;
  OGRFieldType type = OFTString;
  OGRFieldSubType subtype = OFSTNone;
};
struct CsvScan {
  int error_code = 0;
  std::string detail;
  std::vector<CsvColumn> columns;  // header names with the types guessed from every row
  std::int64_t rows = 0;
  bool utf8 = true;  // false: not valid UTF-8 (read as Latin-1)
  char delimiter = ',';
  std::int64_t header_end = -1;  // file offset where the header's line break starts
};
struct CsvScanOptions {
  char delimiter = 0;  // 0 = detect the way GDAL's CSV driver does
  bool type_guessing = true;
  bool quoted_fields_guessing = true;
  Limits limits;
};
CsvScan scan_csv(const std::string &path, const CsvScanOptions &opts);
// Copies a CSV into a form GDAL reads: UTF-8 (from Latin-1 when the scan found it is not
// UTF-8) and, when `pad`, with a kCsvPadColumn column added to the header, since GDAL's CSV
// driver refuses a header of a single column.
constexpr const char *kCsvPadColumn = "cis_pad_column";
bool rewrite_csv(const std::string &from, const std::string &to, const CsvScan &scan, bool pad);

}  // namespace cis
