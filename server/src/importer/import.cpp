// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// import_file: from an uploaded or downloaded file to tables in the user's store.
//
// 1. sources: the file itself, or the data files unpacked from an archive ("unpacking");
// 2. plans: every source opened with GDAL, one plan per layer that becomes a table, with its
//    columns and where its geometry comes from ("guessing");
// 3. writing ("importing"): each plan is copied into a temporary table in its own
//    transaction; once all are written and the quotas checked, they are renamed to their final
//    names (dropping the tables they overwrite) in one transaction. Any failure drops the
//    temporary tables, so the store is left as it was.
//
// The store's lock is held only around the store's own operations, never across set_state
// (the job runner sleeps its step delay there): the names are chosen and checked once before
// "importing" is reported, and again under the lock that writes, as another import of the
// user may have added tables in between.
//
// Conventions (our call where CARTO's behaviour is not documented):
// - Table names come from the file's basename (the archive's for a .kmz, the inner file's
//   otherwise). A file with several layers that hold data (GPX, KML folders, GeoPackages,
//   spreadsheets with several sheets) makes one table per such layer, named
//   <basename>_<layer>, e.g. hike_waypoints, hike_tracks, hike_track_points.
// - A layer without geometry (CSV, spreadsheets, attribute tables) takes it from a column
//   named the_geom, geom or wkt (WKT/EWKT, GeoJSON or hex (E)WKB; the column is then dropped),
//   else from latitude/lat/y and longitude/lon/lng/long/x columns (kept).
// - Geometries are stored 2D, in EPSG:4326, lines and polygons as their multi- forms.
// - A source column cartodb_id becomes the primary key: every value must be a distinct
//   integer (2011 otherwise).
#include <strings.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <set>
#include <stdexcept>

#include <ogr_p.h>

#include "common/carto_codes.hpp"
#include "common/files.hpp"
#include "common/text.hpp"
#include "importer/engine.hpp"

namespace cis {
namespace {

namespace fs = std::filesystem;

// "Data.TAR.gz" -> "tar.gz", "x.csv" -> "csv", "README" -> "".
std::string extension(const std::string &name) {
  std::string l = lower(fs::path(name).filename().string());
  for (const char *compound : {".tar.gz", ".tar.bz2"}) {
    std::size_t n = std::strlen(compound);
    if (l.size() > n && l.compare(l.size() - n, n, compound) == 0) return compound + 1;
  }
  std::size_t dot = l.rfind('.');
  return dot == std::string::npos || dot == 0 ? "" : l.substr(dot + 1);
}

// The file name without its (compound) extension.
std::string stem(const std::string &name) {
  std::string file = fs::path(name).filename().string();
  std::string ext = extension(file);
  return ext.empty() ? file : file.substr(0, file.size() - ext.size() - 1);
}

template <std::size_t N>
bool one_of(const std::string &s, const char *const (&list)[N]) {
  for (const char *x : list)
    if (s == x) return true;
  return false;
}

const char *const kArchiveExt[] = {"zip", "kmz", "tar", "tgz", "tar.gz", "tar.bz2", "gz", "bz2", "rar"};
const char *const kCsvExt[] = {"csv", "tsv", "txt"};
// Supported by the real server but not by this one: raster and exported maps.
const char *const kNoVectorExt[] = {"tif", "tiff", "carto"};

// GDAL drivers allowed to open a data file, by extension; nullptr = not a data file.
const std::vector<const char *> *drivers_for(const std::string &ext) {
  static const std::vector<std::pair<std::vector<const char *>, std::vector<const char *>>> table = {
      {{"csv", "tsv", "txt"}, {"CSV", nullptr}},
      {{"geojson", "json", "js"}, {"GeoJSON", "GeoJSONSeq", "ESRIJSON", "TopoJSON", nullptr}},
      {{"kml"}, {"LIBKML", "KML", nullptr}},
      {{"gpx"}, {"GPX", nullptr}},
      {{"gpkg"}, {"GPKG", nullptr}},
      {{"shp"}, {"ESRI Shapefile", nullptr}},
      {{"tab"}, {"MapInfo File", nullptr}},
      {{"xlsx"}, {"XLSX", nullptr}},
      {{"xls"}, {"XLS", nullptr}},
      {{"ods"}, {"ODS", nullptr}},
      {{"osm"}, {"OSM", nullptr}},
      {{"gdb", "fgdb"}, {"OpenFileGDB", nullptr}},
  };
  for (const auto &entry : table)
    for (const char *e : entry.first)
      if (ext == e) return &entry.second;
  return nullptr;
}

// Column names that give a layer without geometry its geometry, in order of preference.
const char *const kGeomNames[] = {"the_geom", "geom", "wkt"};
const char *const kLatNames[] = {"latitude", "lat", "y"};
const char *const kLonNames[] = {"longitude", "lon", "lng", "long", "x"};

struct Source {
  std::string path;      // the file (or .gdb directory) to open
  std::string ext;       // lower-case extension
  std::string basename;  // drives the table name
};

struct ColumnPlan {
  int src;  // source field index
  std::string name;
  OGRFieldType type;
  OGRFieldSubType subtype;
  bool text_to_bool;  // a boolean column read from text: converted by hand
};

struct Plan {
  std::shared_ptr<GDALDataset> ds;  // shared by the plans of one source
  OGRLayer *layer = nullptr;
  std::string basename;
  std::vector<ColumnPlan> columns;
  bool layer_geometry = false;  // the layer's own geometry, else the columns below
  int geom_text = -1, lat = -1, lon = -1;  // source fields holding geometry
  int fid_src = -1;                        // a cartodb_id source column
  OGRwkbGeometryType declared = wkbUnknown;
  std::shared_ptr<OGRCoordinateTransformation> to_wgs84;
  // Set while writing:
  std::string name, temp;
  bool replace = false, skip = false;
};

// Sets thread-local GDAL options for the import's lifetime.
class ThreadConfig {
 public:
  void set(const char *key, const char *value) {
    const char *old = CPLGetThreadLocalConfigOption(key, nullptr);
    saved_.emplace_back(key, old ? std::make_unique<std::string>(old) : nullptr);
    CPLSetThreadLocalConfigOption(key, value);
  }
  ~ThreadConfig() {
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it)
      CPLSetThreadLocalConfigOption(it->first.c_str(), it->second ? it->second->c_str() : nullptr);
  }

 private:
  std::vector<std::pair<std::string, std::unique_ptr<std::string>>> saved_;
};

struct ImportFailure {
  int code;
  std::string detail;
};

[[noreturn]] void fail(int code, std::string detail) { throw ImportFailure{code, std::move(detail)}; }

bool parse_double(OGRFeature &f, int field, double &out) {
  if (field < 0 || !f.IsFieldSetAndNotNull(field)) return false;
  OGRFieldType t = f.GetFieldDefnRef(field)->GetType();
  if (t == OFTReal || t == OFTInteger || t == OFTInteger64) {
    out = f.GetFieldAsDouble(field);
    return true;
  }
  const char *s = f.GetFieldAsString(field);
  char *end = nullptr;
  out = std::strtod(s, &end);
  while (end && std::isspace(static_cast<unsigned char>(*end))) ++end;
  return end != s && end && *end == '\0';
}

bool parse_int64(OGRFeature &f, int field, GIntBig &out) {
  if (!f.IsFieldSetAndNotNull(field)) return false;
  OGRFieldType t = f.GetFieldDefnRef(field)->GetType();
  if (t == OFTInteger || t == OFTInteger64) {
    out = f.GetFieldAsInteger64(field);
    return true;
  }
  const char *s = f.GetFieldAsString(field);
  char *end = nullptr;
  errno = 0;
  out = std::strtoll(s, &end, 10);
  return end != s && *end == '\0' && errno == 0;
}

// WKT (also EWKT "SRID=4326;..."), GeoJSON, or hex (E)WKB as found in a text column.
OGRGeometry *geometry_from_text(const char *text) {
  while (std::isspace(static_cast<unsigned char>(*text))) ++text;
  if (!*text) return nullptr;
  if (*text == '{') return OGRGeometryFactory::createFromGeoJson(text);
  if (std::isxdigit(static_cast<unsigned char>(*text)) &&
      std::strspn(text, "0123456789abcdefABCDEF") == std::strlen(text)) {
    int srid = 0;
    return OGRGeometryFromHexEWKB(text, &srid, FALSE);
  }
  if (!strncasecmp(text, "SRID=", 5)) {
    const char *semi = std::strchr(text, ';');
    if (!semi) return nullptr;
    text = semi + 1;
  }
  OGRGeometry *g = nullptr;
  OGRGeometryFactory::createFromWkt(text, nullptr, &g);
  return g;
}

// CARTO stores points as points, and lines and polygons as their multi- forms.
OGRwkbGeometryType promoted(OGRwkbGeometryType t) {
  switch (wkbFlatten(t)) {
    case wkbLineString: case wkbMultiLineString: case wkbCircularString: case wkbCompoundCurve:
    case wkbMultiCurve:
      return wkbMultiLineString;
    case wkbPolygon: case wkbMultiPolygon: case wkbCurvePolygon: case wkbMultiSurface:
    case wkbTriangle: case wkbTIN: case wkbPolyhedralSurface:
      return wkbMultiPolygon;
    case wkbPoint: return wkbPoint;
    case wkbMultiPoint: return wkbMultiPoint;
    case wkbGeometryCollection: return wkbGeometryCollection;
    default: return wkbUnknown;
  }
}

// 2D, linear, reprojected, promoted; nullptr when it cannot be stored.
OGRGeometry *normalize(OGRGeometry *g, OGRCoordinateTransformation *ct) {
  if (!g) return nullptr;
  std::unique_ptr<OGRGeometry> geom(g);
  if (geom->hasCurveGeometry()) geom.reset(geom->getLinearGeometry());
  if (!geom) return nullptr;
  geom->flattenTo2D();
  if (ct && geom->transform(ct) != OGRERR_NONE) return nullptr;
  OGRwkbGeometryType target = promoted(geom->getGeometryType());
  if (target == wkbUnknown) return nullptr;
  if (target != wkbFlatten(geom->getGeometryType()))
    geom.reset(OGRGeometryFactory::forceTo(geom.release(), target));
  return geom && wkbFlatten(geom->getGeometryType()) == target ? geom.release() : nullptr;
}

class Importer {
 public:
  Importer(UserTables &store, const ImportRequest &req) : store_(store), req_(req) {}

  ImportOutcome run() {
    gdal_init();
    GdalQuiet quiet;
    ThreadConfig config;
    config.set("OGR_XLSX_HEADERS", "FORCE");
    config.set("OGR_ODS_HEADERS", "FORCE");
    if (!req_.type_guessing) {
      config.set("OGR_XLSX_FIELD_TYPES", "STRING");
      config.set("OGR_ODS_FIELD_TYPES", "STRING");
    }
    try {
      std::vector<Plan> plans;
      for (const Source &s : collect_sources()) plan_source(s, plans);
      if (plans.empty()) fail(carto::kUnsupportedFileType, "no layer with data was found");
      cap(plans);
      write(plans);
    } catch (const ImportFailure &f) {
      out_.error_code = f.code;
      out_.detail = f.detail;
      out_.tables.clear();
    }
    return std::move(out_);
  }

 private:
  void state(JobState s) {
    if (req_.set_state) req_.set_state(s);
  }

  // ---- 1. sources ----

  std::vector<Source> collect_sources() {
    std::string original = req_.original_name.empty() ? req_.source_path : req_.original_name;
    std::string ext = extension(original);
    bool archive = one_of(ext, kArchiveExt);
    if (!archive && !drivers_for(ext)) {
      if (one_of(ext, kNoVectorExt)) fail(carto::kUnsupportedFileType, "." + ext + " files cannot be imported here");
      fail(carto::kUnsupportedFileType, "unsupported file extension '" + ext + "'");
    }
    std::error_code ec;
    auto size = fs::file_size(req_.source_path, ec);
    if (ec) fail(carto::kFileIoError, "cannot read " + req_.source_path + ": " + ec.message());
    if (size == 0) fail(carto::kEmptyFile, "the file is empty");
    if (static_cast<std::int64_t>(size) > req_.limits.max_file_size)
      fail(carto::kDatasetTooBig, "the file has " + std::to_string(size) + " bytes, the limit is " +
                     std::to_string(req_.limits.max_file_size));
    if (!archive) {
      Source s{req_.source_path, ext, stem(original)};
      if (ext == "shp") check_shapefile(s.path);
      return {s};
    }
    return unpack(original, ext);
  }

  std::vector<Source> unpack(const std::string &original, const std::string &ext) {
    state(JobState::kUnpacking);
    fs::path dir = fs::path(req_.work_dir) / "unpacked";
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir, ec);
    if (ec) fail(carto::kFileIoError, "cannot create " + dir.string() + ": " + ec.message());
    // A lone compressed file is named after the upload: data.csv.gz holds data.csv.
    std::string single = fs::path(original).filename().string();
    if (ext == "gz" || ext == "bz2") single = single.substr(0, single.size() - ext.size() - 1);
    if (single.empty()) single = "data";
    const bool lone = (ext == "gz" || ext == "bz2") && drivers_for(extension(single));
    UnpackResult unpacked =
        unpack_archive(req_.source_path, dir.string(), single, req_.limits, lone);
    if (unpacked.error_code) fail(unpacked.error_code, unpacked.detail);

    std::vector<Source> sources;
    bool saw_empty = false;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      std::string name = it->path().filename().string();
      std::string e = extension(name);
      std::error_code entry_ec;  // an unreadable entry is skipped, not the whole walk
      bool is_dir = it->is_directory(entry_ec);
      if (name[0] == '.' || name == "__MACOSX") {  // hidden files, macOS resource forks
        if (is_dir) it.disable_recursion_pending();
        continue;
      }
      if (is_dir) {
        if (e == "gdb") {
          sources.push_back({it->path().string(), e, stem(name)});
          it.disable_recursion_pending();
        }
        continue;
      }
      if (!it->is_regular_file(entry_ec) || !drivers_for(e) || e == "gdb") continue;
      if (it->file_size(entry_ec) == 0) {
        saw_empty = true;
        continue;
      }
      if (e == "shp") check_shapefile(it->path().string());
      sources.push_back({it->path().string(), e, stem(name)});
    }
    if (sources.empty())
      fail(saw_empty ? carto::kEmptyFile : carto::kUnsupportedFileType, "the archive holds no file that can be imported");
    std::sort(sources.begin(), sources.end(),
              [](const Source &a, const Source &b) { return a.path < b.path; });
    if (ext == "kmz" && sources.size() == 1) sources[0].basename = stem(original);
    return sources;
  }

  // A .shp needs its .shx and .dbf (any letter case) beside it.
  static void check_shapefile(const std::string &shp) {
    fs::path p(shp);
    std::string base = lower(p.stem().string());
    bool shx = false, dbf = false;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(p.parent_path(), ec)) {
      if (lower(entry.path().stem().string()) != base) continue;
      std::string e = lower(entry.path().extension().string());
      shx = shx || e == ".shx";
      dbf = dbf || e == ".dbf";
    }
    if (!shx || !dbf)
      fail(carto::kInvalidShpFile, p.filename().string() + " lacks its " + (shx ? ".dbf" : ".shx") + " file");
  }

  // ---- 2. plans ----

  void plan_source(const Source &src, std::vector<Plan> &plans) {
    state(JobState::kGuessing);
    bool csv = one_of(src.ext, kCsvExt);
    std::string path = src.path;
    CsvScan scan;
    std::vector<std::string> open_options;
    if (csv) {
      CsvScanOptions o;
      o.delimiter = src.ext == "tsv" ? '\t' : 0;
      o.type_guessing = req_.type_guessing;
      o.quoted_fields_guessing = req_.quoted_fields_guessing;
      o.limits = req_.limits;
      scan = scan_csv(path, o);
      if (scan.error_code) fail(scan.error_code, fs::path(path).filename().string() + ": " + scan.detail);
      if (!scan.utf8 || scan.columns.size() == 1) {
        std::string copy = (fs::path(req_.work_dir) / ("rewritten_" + std::to_string(++rewrites_) + "." + src.ext)).string();
        if (!rewrite_csv(path, copy, scan, scan.columns.size() == 1)) fail(carto::kFileIoError, "cannot write " + copy);
        path = copy;
      }
      path = "CSV:" + path;
      // Values are read as text and converted with the scan's types (see csv_scan.cpp).
      // The scan bounded every record; a Latin-1 file rewritten as UTF-8 may have doubled.
      open_options = {"HEADERS=YES", "EMPTY_STRING_AS_NULL=YES", "AUTODETECT_TYPE=NO",
                      "MAX_LINE_SIZE=" + std::to_string(2 * req_.limits.max_csv_line_bytes + 64)};
    }
    std::vector<const char *> oo;
    for (const std::string &o : open_options) oo.push_back(o.c_str());
    oo.push_back(nullptr);
    CPLErrorReset();
    std::shared_ptr<GDALDataset> ds(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                          drivers_for(src.ext)->data(), oo.data(), nullptr),
        [](GDALDataset *d) { GDALClose(d); });
    std::string name = fs::path(src.path).filename().string();
    if (!ds) {
      int code = one_of(src.ext, {"xlsx", "xls", "ods"}) ? carto::kXlsError : src.ext == "shp" ? carto::kInvalidShpFile : carto::kUnsupportedFileType;
      fail(code, name + " cannot be read: " + gdal_error());
    }
    int nlayers = ds->GetLayerCount();
    if (nlayers > req_.limits.max_layers)
      fail(carto::kTooManyLayers, name + " has " + std::to_string(nlayers) + " layers");

    // Multi-layer sources (GPX, KML folders, GeoPackages...) only import layers with data.
    std::vector<OGRLayer *> layers;
    for (int i = 0; i < nlayers; ++i) {
      OGRLayer *l = ds->GetLayer(i);
      l->ResetReading();
      OGRFeatureUniquePtr first(l->GetNextFeature());
      if (first || nlayers == 1) layers.push_back(l);
    }
    for (OGRLayer *l : layers) {
      Plan p;
      p.ds = ds;
      p.layer = l;
      p.basename = layers.size() == 1 ? src.basename : src.basename + "_" + l->GetName();
      plan_columns(p, csv ? &scan : nullptr, name);
      plans.push_back(std::move(p));
    }
  }

  void plan_columns(Plan &p, const CsvScan *scan, const std::string &file) {
    OGRFeatureDefn *defn = p.layer->GetLayerDefn();
    int nfields = defn->GetFieldCount();
    if (nfields > req_.limits.max_columns)
      fail(carto::kTooManyColumns, file + " has " + std::to_string(nfields) + " columns");
    bool padded = scan && scan->columns.size() == 1;  // see rewrite_csv()
    if (padded) --nfields;
    bool csv_types = scan && static_cast<int>(scan->columns.size()) == nfields;

    p.layer_geometry = !scan && defn->GetGeomFieldCount() > 0;
    std::vector<std::string> laundered(static_cast<std::size_t>(nfields));
    for (int i = 0; i < nfields; ++i) laundered[i] = launder_column_name(defn->GetFieldDefn(i)->GetNameRef());
    auto find = [&](const auto &candidates) {
      for (const char *c : candidates)
        for (int i = 0; i < nfields; ++i)
          if (laundered[i] == c) return i;
      return -1;
    };
    if (!p.layer_geometry) {
      p.geom_text = find(kGeomNames);
      p.lat = find(kLatNames);
      p.lon = find(kLonNames);
      if (p.lat < 0 || p.lon < 0) p.lat = p.lon = -1;
      p.declared = p.geom_text < 0 && p.lat >= 0 ? wkbPoint : wkbUnknown;
    } else {
      p.declared = promoted(p.layer->GetGeomType());
      p.to_wgs84 = transformation(p.layer->GetSpatialRef(), file);
    }

    std::set<std::string> taken = {store::kFidColumn, store::kGeomColumn};
    for (int i = 0; i < nfields; ++i) {
      if (i == p.geom_text) continue;  // it became the_geom
      if (laundered[i] == store::kFidColumn) {
        p.fid_src = i;
        continue;
      }
      const OGRFieldDefn *f = defn->GetFieldDefn(i);
      ColumnPlan c{i, unique_table_name(laundered[i], [&](const std::string &n) { return taken.count(n) > 0; }),
                   f->GetType(), f->GetSubType(), false};
      taken.insert(c.name);
      if (csv_types) {
        c.type = scan->columns[static_cast<std::size_t>(i)].type;
        c.subtype = scan->columns[static_cast<std::size_t>(i)].subtype;
      }
      switch (c.type) {  // list types are stored as their text form
        case OFTIntegerList: case OFTInteger64List: case OFTRealList: case OFTStringList:
        case OFTWideString: case OFTWideStringList:
          c.type = OFTString, c.subtype = OFSTNone;
          break;
        default:
          break;
      }
      c.text_to_bool = c.subtype == OFSTBoolean && f->GetType() == OFTString;
      p.columns.push_back(c);
    }
  }

  // To EPSG:4326 (longitude, latitude); nullptr when the data already is, or has no SRS.
  static std::shared_ptr<OGRCoordinateTransformation> transformation(const OGRSpatialReference *srs,
                                                                     const std::string &file) {
    if (!srs) return nullptr;
    OGRSpatialReference source(*srs), wgs84;
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (source.IsSame(&wgs84)) return nullptr;
    std::shared_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&source, &wgs84));
    if (!ct) fail(carto::kUnknownSrid, file + ": its coordinate system cannot be converted to EPSG:4326");
    return ct;
  }

  void cap(std::vector<Plan> &plans) {
    auto max = static_cast<std::size_t>(std::max(1, req_.limits.max_tables_per_import));
    if (!req_.overwrite_table.empty()) max = 1;  // a sync replaces exactly one table
    if (plans.size() <= max) return;
    plans.resize(max);
    if (req_.overwrite_table.empty())
      out_.warnings_json = "{\"max_tables_per_import\":" + std::to_string(max) + "}";
  }

  // ---- 3. writing ----

  void write(std::vector<Plan> &plans) {
    {
      std::lock_guard<std::mutex> lock(store_.mutex());
      if (!name_tables(*open_store(), plans)) return;
    }
    state(JobState::kImporting);
    std::lock_guard<std::mutex> lock(store_.mutex());
    GDALDatasetUniquePtr ds = open_store();
    if (!name_tables(*ds, plans)) return;

    const std::int64_t used_before = store::used_bytes(*ds);
    try {
      int n = 0;
      for (Plan &p : plans) {
        if (p.skip) continue;
        p.temp = store::kTempPrefix + std::to_string(n++);
        copy_layer(*ds, p);
      }
      std::int64_t freed = 0;
      for (const Plan &p : plans)
        if (p.replace) freed += store::table_size(*ds, p.name);
      std::int64_t growth = store::used_bytes(*ds) - used_before - freed;
      const std::int64_t bytes_left = std::max<std::int64_t>(0, req_.limits.storage_quota - used_before);
      if (growth > bytes_left)
        fail(carto::kOverStorageLimit, "the new tables need " + std::to_string(growth) + " bytes, " +
                       std::to_string(bytes_left) + " are left in the quota");
      swap_in(*ds, plans);
    } catch (...) {
      for (const Plan &p : plans)
        if (!p.temp.empty()) store::drop(*ds, p.temp);
      throw;
    }
    // Reopened: GDAL's open handle still has the types the layers were created with.
    ds = store::open(store_.path(), false);
    if (!ds) fail(carto::kUnableToLoadData, "cannot reopen the table store: " + gdal_error());
    for (const Plan &p : plans)
      if (!p.skip) out_.tables.push_back(store::describe(*ds, p.name));
  }

  // The store, created if need be, without the temporary tables a crash may have left.
  GDALDatasetUniquePtr open_store() {
    GDALDatasetUniquePtr ds = store::open(store_.path(), true);
    if (!ds) fail(carto::kUnableToLoadData, "cannot open the table store " + store_.path() + ": " + gdal_error());
    for (const std::string &n : store::names(*ds, true))
      if (n.rfind(store::kTempPrefix, 0) == 0) store::drop(*ds, n);
    return ds;
  }

  // Final names by the collision strategy, checked against the quota of tables; false (with
  // the outcome 1022) when every table is skipped.
  bool name_tables(GDALDataset &ds, std::vector<Plan> &plans) {
    std::vector<std::string> existing_list = store::names(ds);
    std::set<std::string> existing(existing_list.begin(), existing_list.end()), taken = existing;
    std::set<std::string> assigned;  // names given in this import
    std::int64_t new_tables = 0;
    for (Plan &p : plans) {
      p.name.clear();
      p.replace = p.skip = false;
      if (!req_.overwrite_table.empty()) {
        p.name = req_.overwrite_table;
        p.replace = existing.count(p.name) > 0;
      } else {
        std::string proposed = propose_table_name(p.basename);
        bool exists = existing.count(proposed) > 0;
        if (exists && req_.collision_strategy == "skip") {
          p.skip = true;
          continue;
        }
        if (exists && req_.collision_strategy == "overwrite" && !assigned.count(proposed)) {
          p.name = proposed;
          p.replace = true;
        } else {
          p.name = unique_table_name(proposed, [&](const std::string &n) { return taken.count(n) > 0; });
        }
      }
      taken.insert(p.name);
      assigned.insert(p.name);
      if (!p.replace) ++new_tables;
    }
    const std::int64_t tables_left =
        std::max<std::int64_t>(0, req_.limits.table_quota - static_cast<std::int64_t>(existing.size()));
    if (new_tables > tables_left)
      fail(carto::kOverDatasetLimit, "the import would create " + std::to_string(new_tables) + " tables, " +
                     std::to_string(tables_left) + " are left in the quota");
    if (std::all_of(plans.begin(), plans.end(), [](const Plan &p) { return p.skip; })) {
      out_.error_code = carto::kAllTablesSkipped;
      out_.detail = "every table already exists";
      return false;
    }
    return true;
  }

  void copy_layer(GDALDataset &ds, Plan &p) {
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    // No R-tree: maintaining it is 60% of an import's CPU time, and nothing here queries by
    // extent.
    const char *const layer_options[] = {"FID=cartodb_id", "GEOMETRY_NAME=the_geom",
                                         "SPATIAL_INDEX=NO", nullptr};
    CPLErrorReset();
    if (ds.StartTransaction() != OGRERR_NONE) fail(carto::kUnableToLoadData, "cannot start a transaction: " + gdal_error());
    bool committed = false;
    try {
      OGRLayer *dst = ds.CreateLayer(p.temp.c_str(), &wgs84, wkbUnknown,
                                     const_cast<char **>(layer_options));
      if (!dst) fail(carto::kUnableToLoadData, "cannot create table: " + gdal_error());
      for (const ColumnPlan &c : p.columns) {
        OGRFieldDefn f(c.name.c_str(), c.type);
        f.SetSubType(c.subtype);
        if (dst->CreateField(&f) != OGRERR_NONE) fail(carto::kUnableToLoadData, "cannot create column " + c.name + ": " + gdal_error());
      }
      unsigned seen = copy_features(p, *dst);
      if (dst->SyncToDisk() != OGRERR_NONE) fail(carto::kUnableToLoadData, "cannot write " + p.name + ": " + gdal_error());
      set_geometry_type(ds, p, seen);
      if (ds.CommitTransaction() != OGRERR_NONE) fail(carto::kUnableToLoadData, "cannot commit " + p.name + ": " + gdal_error());
      committed = true;
    } catch (...) {
      if (!committed) ds.RollbackTransaction();
      throw;
    }
  }

  // Copies every feature; returns the set of geometry types written (bit per flat type).
  unsigned copy_features(Plan &p, OGRLayer &dst) {
    OGRLayer &src = *p.layer;
    std::vector<int> map(static_cast<std::size_t>(src.GetLayerDefn()->GetFieldCount()), -1);
    for (std::size_t i = 0; i < p.columns.size(); ++i)
      if (!p.columns[i].text_to_bool) map[static_cast<std::size_t>(p.columns[i].src)] = static_cast<int>(i);
    OGRFeature out(dst.GetLayerDefn());
    unsigned seen = 0;
    std::int64_t rows = 0;
    src.ResetReading();
    for (;;) {
      CPLErrorReset();
      OGRFeatureUniquePtr f(src.GetNextFeature());
      if (!f) {  // the end, or a read error the driver reports this way
        if (CPLGetLastErrorType() == CE_Failure)
          fail(carto::kUnableToLoadData, "cannot read row " + std::to_string(rows + 1) + ": " + gdal_error());
        break;
      }
      if (++rows > req_.limits.max_rows)
        fail(carto::kTooManyTableRows, p.name + " has more than " + std::to_string(req_.limits.max_rows) + " rows");
      out.SetFieldsFrom(f.get(), map.data(), TRUE);
      for (std::size_t i = 0; i < p.columns.size(); ++i) {
        const ColumnPlan &c = p.columns[i];
        if (!c.text_to_bool) continue;
        if (f->IsFieldSetAndNotNull(c.src))
          out.SetField(static_cast<int>(i), EQUAL(f->GetFieldAsString(c.src), "true") ? 1 : 0);
        else
          out.SetFieldNull(static_cast<int>(i));
      }
      OGRGeometry *g = geometry_of(p, *f);
      if (g) seen |= 1u << wkbFlatten(g->getGeometryType());
      out.SetGeometryDirectly(g);
      GIntBig id = OGRNullFID;
      if (p.fid_src >= 0 && !parse_int64(*f, p.fid_src, id))
        fail(carto::kInvalidCartodbIdColumn, "row " + std::to_string(rows) + " has a cartodb_id that is not an integer");
      out.SetFID(id);
      CPLErrorReset();
      if (dst.CreateFeature(&out) != OGRERR_NONE) {
        if (p.fid_src >= 0) fail(carto::kInvalidCartodbIdColumn, "cartodb_id " + std::to_string(id) + " is repeated");
        fail(carto::kUnableToLoadData, "cannot write row " + std::to_string(rows) + ": " + gdal_error());
      }
    }
    return seen;
  }

  static OGRGeometry *geometry_of(Plan &p, OGRFeature &f) {
    if (p.layer_geometry) return normalize(f.StealGeometry(), p.to_wgs84.get());
    if (p.geom_text >= 0 && f.IsFieldSetAndNotNull(p.geom_text))
      if (OGRGeometry *g = normalize(geometry_from_text(f.GetFieldAsString(p.geom_text)), nullptr))
        return g;
    double lat, lon;
    if (parse_double(f, p.lat, lat) && parse_double(f, p.lon, lon) && lat >= -90 && lat <= 90 &&
        lon >= -180 && lon <= 180)
      return new OGRPoint(lon, lat);
    return nullptr;
  }

  // Declares the table's geometry type: the one type written, else the source's.
  static void set_geometry_type(GDALDataset &ds, const Plan &p, unsigned seen) {
    OGRwkbGeometryType type = p.declared;
    if (seen != 0) {
      type = wkbUnknown;
      for (unsigned t = 1; t < 8; ++t)
        if (seen == 1u << t) type = static_cast<OGRwkbGeometryType>(t);
    }
    if (type == wkbUnknown) return;
    SqlResult r(ds, "UPDATE gpkg_geometry_columns SET geometry_type_name = " +
                        quote_literal(OGRToOGCGeomType(type)) + " WHERE table_name = " +
                        quote_literal(p.temp));
  }

  // Drops what is overwritten and renames the new tables, all in one transaction.
  static void swap_in(GDALDataset &ds, std::vector<Plan> &plans) {
    if (ds.StartTransaction() != OGRERR_NONE) fail(carto::kCannotOverwriteTable, "cannot start a transaction: " + gdal_error());
    for (Plan &p : plans) {
      if (p.skip) continue;
      if (p.replace && !store::drop(ds, p.name)) {
        ds.RollbackTransaction();
        fail(carto::kCannotOverwriteTable, "cannot drop " + p.name + ": " + gdal_error());
      }
      if (!store::rename(ds, p.temp, p.name)) {
        ds.RollbackTransaction();
        fail(carto::kCannotOverwriteTable, "cannot rename the new table to " + p.name + ": " + gdal_error());
      }
    }
    if (ds.CommitTransaction() != OGRERR_NONE) fail(carto::kCannotOverwriteTable, "cannot commit: " + gdal_error());
    for (Plan &p : plans) p.temp.clear();
  }

  UserTables &store_;
  const ImportRequest &req_;
  ImportOutcome out_;
  int rewrites_ = 0;  // CSV copies made in work_dir
};

}  // namespace

ImportOutcome import_file(UserTables &store, const ImportRequest &req) {
  try {
    return Importer(store, req).run();
  } catch (const std::exception &e) {
    ImportOutcome out;
    out.error_code = carto::kUnknownError;
    out.detail = std::string("internal error: ") + e.what();
    return out;
  } catch (...) {
    ImportOutcome out;
    out.error_code = carto::kUnknownError;
    out.detail = "internal error";
    return out;
  }
}

}  // namespace cis
