// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Inputs for the import tests, made on the fly: archives with libarchive, GeoPackages,
// shapefiles and spreadsheets with GDAL's C++ API, so no external tool is needed.
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <functional>
#include <random>
#include <utility>
#include <vector>

#include "engine_test.hpp"
#include "importer/importer.hpp"

using Entries = std::vector<std::pair<std::string, std::string>>;  // path in archive, content

// format: "zip", "tar" or "raw" (a lone compressed file); filter: "none", "gzip", "bzip2".
inline void make_archive(const std::string &path, const std::string &format,
                         const std::string &filter, const Entries &entries,
                         const char *passphrase = nullptr) {
  archive *a = archive_write_new();
  if (format == "zip") archive_write_set_format_zip(a);
  else if (format == "tar") archive_write_set_format_pax_restricted(a);
  else archive_write_set_format_raw(a);
  if (filter == "gzip") archive_write_add_filter_gzip(a);
  else if (filter == "bzip2") archive_write_add_filter_bzip2(a);
  if (passphrase) {
    if (archive_write_set_options(a, "zip:encryption=zipcrypt") != ARCHIVE_OK ||
        archive_write_set_passphrase(a, passphrase) != ARCHIVE_OK)
      fail_msg("libarchive cannot encrypt: %s", archive_error_string(a));
  }
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  if (archive_write_open_filename(a, path.c_str()) != ARCHIVE_OK)
    fail_msg("cannot create %s: %s", path.c_str(), archive_error_string(a));
  for (const auto &e : entries) {
    archive_entry *entry = archive_entry_new();
    archive_entry_set_pathname(entry, e.first.c_str());
    archive_entry_set_size(entry, static_cast<la_int64_t>(e.second.size()));
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    if (archive_write_header(a, entry) != ARCHIVE_OK)
      fail_msg("archive header: %s", archive_error_string(a));
    archive_write_data(a, e.second.data(), e.second.size());
    archive_entry_free(entry);
  }
  archive_write_close(a);
  archive_write_free(a);
}

// A vector dataset written with GDAL; `fill` adds its layers.
inline void make_dataset(const std::string &driver, const std::string &path,
                         const std::function<void(GDALDataset &)> &fill) {
  GDALAllRegister();
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  GDALDriver *d = GetGDALDriverManager()->GetDriverByName(driver.c_str());
  if (!d) fail_msg("no GDAL driver %s", driver.c_str());
  GDALDatasetUniquePtr ds(d->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) fail_msg("cannot create %s", path.c_str());
  fill(*ds);
}

// A layer with string fields `fields`, one feature per row; geometry from WKT when given.
inline void add_layer(GDALDataset &ds, const char *name, int epsg, OGRwkbGeometryType type,
                      const std::vector<std::string> &fields,
                      const std::vector<std::pair<std::string, std::vector<std::string>>> &rows) {
  OGRSpatialReference srs;
  srs.importFromEPSG(epsg);
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRLayer *l = ds.CreateLayer(name, type == wkbNone ? nullptr : &srs, type, nullptr);
  if (!l) fail_msg("cannot create layer %s", name);
  for (const std::string &f : fields) {
    OGRFieldDefn fd(f.c_str(), OFTString);
    l->CreateField(&fd);
  }
  for (const auto &row : rows) {
    OGRFeature feature(l->GetLayerDefn());
    for (std::size_t i = 0; i < row.second.size(); ++i)
      feature.SetField(static_cast<int>(i), row.second[i].c_str());
    if (!row.first.empty()) {
      OGRGeometry *g = nullptr;
      OGRGeometryFactory::createFromWkt(row.first.c_str(), &srs, &g);
      feature.SetGeometryDirectly(g);
    }
    if (l->CreateFeature(&feature) != OGRERR_NONE) fail_msg("cannot write to %s", name);
  }
}

inline std::string random_bytes(std::size_t n, unsigned seed) {
  std::mt19937 gen(seed);
  std::string s(n, '\0');
  for (char &c : s) c = static_cast<char>(gen() & 0xFF);
  return s;
}

// A user's store plus the paths an import job would have.
class Env {
 public:
  Env() : store(dir / "user/tables.gpkg") {}

  cis::ImportRequest request(const std::string &name) {
    cis::ImportRequest r;
    r.source_path = dir / ("upload/" + name);
    r.original_name = name;
    r.work_dir = dir / ("work" + std::to_string(++jobs_));
    std::filesystem::create_directories(r.work_dir);
    r.set_state = [this](cis::JobState s) { states.push_back(cis::state_name(s)); };
    return r;
  }

  cis::ImportOutcome import(const std::string &name, const std::string &content,
                            const std::function<void(cis::ImportRequest &)> &tweak = {}) {
    write_file(dir / ("upload/" + name), content);
    return import_existing(name, tweak);
  }

  // Imports upload/<name>, which the test has already written.
  cis::ImportOutcome import_existing(const std::string &name,
                                     const std::function<void(cis::ImportRequest &)> &tweak = {}) {
    cis::ImportRequest r = request(name);
    if (tweak) tweak(r);
    return cis::import_file(store, r);
  }

  // Every value of `column` in cartodb_id order, "NULL" for nulls (the_geom as WKT).
  std::vector<std::string> values(const std::string &table, const std::string &column) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(store.path().c_str(), GDAL_OF_VECTOR));
    OGRLayer *l = ds ? ds->GetLayerByName(table.c_str()) : nullptr;
    if (!l) fail_msg("no table %s", table.c_str());
    std::vector<std::string> out;
    for (auto &f : *l) {
      if (column == "the_geom" || column == "cartodb_id") {
        OGRGeometry *g = f->GetGeometryRef();
        out.push_back(column == "cartodb_id" ? std::to_string(f->GetFID())
                      : g ? g->exportToWkt() : "NULL");
        continue;
      }
      int i = f->GetFieldIndex(column.c_str());
      if (i < 0) fail_msg("no column %s in %s", column.c_str(), table.c_str());
      out.push_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "NULL");
    }
    return out;
  }

  TempDir dir;
  cis::UserTables store;
  std::vector<std::string> states;

 private:
  int jobs_ = 0;
};
