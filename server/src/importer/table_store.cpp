// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The user's table store: one GeoPackage, one GDAL table per dataset.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "common/text.hpp"
#include "importer/engine.hpp"

namespace cis {
namespace store {
namespace {

bool is_temp(const std::string &name) { return name.rfind(kTempPrefix, 0) == 0; }

std::string cartodb_type(const OGRFieldDefn &f) {
  switch (f.GetType()) {
    case OFTInteger:
      return f.GetSubType() == OFSTBoolean ? "boolean" : "number";
    case OFTInteger64:
    case OFTReal:
      return "number";
    case OFTDate:
    case OFTDateTime:
      return "date";
    default:
      return "string";
  }
}

// The first value of a one-row query as an integer; 0 when there is none.
std::int64_t query_int(GDALDataset &ds, const std::string &sql) {
  SqlResult r(ds, sql);
  auto v = r.column0();
  return v.empty() ? 0 : std::strtoll(v[0].c_str(), nullptr, 10);
}

// Bytes of the table's pages and of its spatial index (SQLite's dbstat); a rough estimate
// from the row count when dbstat is not compiled in.
std::int64_t table_bytes(GDALDataset &ds, const std::string &name, std::int64_t rows) {
  const std::string rtree = "rtree_" + name + "_" + kGeomColumn;
  std::int64_t bytes =
      query_int(ds, "SELECT SUM(pgsize) FROM dbstat WHERE name IN (" + quote_literal(name) + "," +
                        quote_literal(rtree + "_node") + "," + quote_literal(rtree + "_parent") +
                        "," + quote_literal(rtree + "_rowid") + ")");
  CPLErrorReset();
  return bytes > 0 ? bytes : 4096 + rows * 64;
}

}  // namespace

GDALDatasetUniquePtr open(const std::string &path, bool create) {
  gdal_init();
  GdalQuiet quiet;
  const char *const drivers[] = {"GPKG", nullptr};
  std::error_code ec;
  if (std::filesystem::exists(path, ec))
    return GDALDatasetUniquePtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                                  drivers, nullptr, nullptr));
  if (!create) return nullptr;
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  GDALDriver *gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (!gpkg) return nullptr;
  return GDALDatasetUniquePtr(gpkg->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
}

OGRLayer *find(GDALDataset &ds, const std::string &name) {
  for (OGRLayer *l : ds.GetLayers())
    if (name == l->GetName()) return l;
  return nullptr;
}

std::vector<std::string> names(GDALDataset &ds, bool with_temp) {
  std::vector<std::string> out;
  for (OGRLayer *l : ds.GetLayers())
    if (with_temp || !is_temp(l->GetName())) out.emplace_back(l->GetName());
  return out;
}

std::string st_type_name(OGRwkbGeometryType type) {
  switch (wkbFlatten(type)) {
    case wkbPoint: return "ST_Point";
    case wkbLineString: return "ST_LineString";
    case wkbPolygon: return "ST_Polygon";
    case wkbMultiPoint: return "ST_MultiPoint";
    case wkbMultiLineString: return "ST_MultiLineString";
    case wkbMultiPolygon: return "ST_MultiPolygon";
    case wkbGeometryCollection: return "ST_GeometryCollection";
    default: return "ST_Geometry";
  }
}

TableInfo describe(GDALDataset &ds, const std::string &name) {
  OGRLayer *layer = find(ds, name);
  if (!layer) throw std::runtime_error("no table named " + name);
  GdalQuiet quiet;
  TableInfo info;
  info.name = name;
  info.rows = layer->GetFeatureCount(TRUE);
  info.size_bytes = table_bytes(ds, name, info.rows);

  OGRwkbGeometryType declared = wkbFlatten(layer->GetGeomType());
  const std::string table = quote_ident(name), geom = quote_ident(kGeomColumn);
  if (declared == wkbUnknown) {
    // Mixed types: list the distinct types present.
    SqlResult r(ds, "SELECT DISTINCT ST_GeometryType(" + geom + ") FROM " + table + " WHERE " +
                        geom + " IS NOT NULL");
    for (const std::string &t : r.column0())
      info.geometry_types.push_back(st_type_name(OGRFromOGCGeomType(t.c_str())));
    std::sort(info.geometry_types.begin(), info.geometry_types.end());
    info.geometry_types.erase(std::unique(info.geometry_types.begin(), info.geometry_types.end()),
                              info.geometry_types.end());
  } else if (declared != wkbNone) {
    SqlResult r(ds, "SELECT 1 FROM " + table + " WHERE " + geom + " IS NOT NULL LIMIT 1");
    if (!r.column0().empty()) info.geometry_types.push_back(st_type_name(declared));
  }

  info.columns.push_back({kFidColumn, "number", ""});
  info.columns.push_back({kGeomColumn, "geometry",
                          declared == wkbUnknown ? "geometry" : lower(OGRToOGCGeomType(declared))});
  OGRFeatureDefn *defn = layer->GetLayerDefn();
  std::vector<Column> others;
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    const OGRFieldDefn *f = defn->GetFieldDefn(i);
    others.push_back({f->GetNameRef(), cartodb_type(*f), ""});
  }
  std::sort(others.begin(), others.end(),
            [](const Column &a, const Column &b) { return a.name < b.name; });
  info.columns.insert(info.columns.end(), others.begin(), others.end());
  return info;
}

bool drop(GDALDataset &ds, const std::string &name) {
  for (int i = 0; i < ds.GetLayerCount(); ++i)
    if (name == ds.GetLayer(i)->GetName()) return ds.DeleteLayer(i) == OGRERR_NONE;
  return true;
}

bool rename(GDALDataset &ds, const std::string &from, const std::string &to) {
  if (from == to) return find(ds, from) != nullptr;
  if (!find(ds, from) || find(ds, to)) return false;
  // The GeoPackage driver turns this into a rename of the table, its spatial index and
  // triggers, and of its rows in the gpkg_* metadata tables.
  SqlResult r(ds, "ALTER TABLE " + quote_ident(from) + " RENAME TO " + quote_ident(to));
  return find(ds, to) != nullptr && !find(ds, from);
}

std::int64_t table_size(GDALDataset &ds, const std::string &name) {
  OGRLayer *layer = find(ds, name);
  if (!layer) throw std::runtime_error("no table named " + name);
  GdalQuiet quiet;
  return table_bytes(ds, name, layer->GetFeatureCount(TRUE));
}

std::int64_t used_bytes(GDALDataset &ds) {
  return (query_int(ds, "PRAGMA page_count") - query_int(ds, "PRAGMA freelist_count")) *
         query_int(ds, "PRAGMA page_size");
}

}  // namespace store

// ---- UserTables: every method takes the lock, opens the GeoPackage and delegates ----

UserTables::UserTables(std::string gpkg_path) : path_(std::move(gpkg_path)) {}
UserTables::~UserTables() = default;

bool UserTables::exists(const std::string &name) {
  std::lock_guard<std::mutex> lock(mu_);
  auto ds = store::open(path_, false);
  return ds && store::find(*ds, name) && name.rfind(store::kTempPrefix, 0) != 0;
}

std::vector<std::string> UserTables::names() {
  std::lock_guard<std::mutex> lock(mu_);
  auto ds = store::open(path_, false);
  return ds ? store::names(*ds) : std::vector<std::string>{};
}

TableInfo UserTables::describe(const std::string &name) {
  std::lock_guard<std::mutex> lock(mu_);
  auto ds = store::open(path_, false);
  if (!ds) throw std::runtime_error("no table named " + name);
  return store::describe(*ds, name);
}

void UserTables::drop(const std::string &name) {
  std::lock_guard<std::mutex> lock(mu_);
  if (auto ds = store::open(path_, false)) store::drop(*ds, name);
}

void UserTables::rename(const std::string &from, const std::string &to) {
  std::lock_guard<std::mutex> lock(mu_);
  auto ds = store::open(path_, false);
  if (!ds || !store::rename(*ds, from, to))
    throw std::runtime_error("cannot rename table " + from + " to " + to);
}

std::int64_t UserTables::total_size() {
  std::lock_guard<std::mutex> lock(mu_);
  auto ds = store::open(path_, false);
  return ds ? store::used_bytes(*ds) : 0;
}

}  // namespace cis
