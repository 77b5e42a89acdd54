// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// import_file and the table store: every format's happy path, archives, limits and error
// codes, collision strategies, overwrite_table, describe/rename/drop, and garbage input.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <future>
#include <thread>

#include "engine_fixtures.hpp"

using cis::ImportOutcome;
using cis::ImportRequest;
using cis::TableInfo;

namespace {

std::string names_of(const ImportOutcome &o) {
  std::string s;
  for (const TableInfo &t : o.tables) s += (s.empty() ? "" : ",") + t.name;
  return s;
}

// "name:type" of every column, in describe() order.
std::string schema_of(const TableInfo &t) {
  std::string s;
  for (const cis::Column &c : t.columns)
    s += (s.empty() ? "" : ",") + c.name + ":" + (c.geometry_type.empty() ? c.cartodb_type : c.geometry_type);
  return s;
}

std::string join(const std::vector<std::string> &v) {
  std::string s;
  for (const std::string &x : v) s += (s.empty() ? "" : "|") + x;
  return s;
}

#define assert_ok(outcome)                                                                     \
  do {                                                                                         \
    const ImportOutcome &o_ = (outcome);                                                       \
    if (o_.error_code != 0)                                                                    \
      fail_msg("import failed with %d: %s", o_.error_code, o_.detail.c_str());                 \
  } while (0)

#define assert_fails(outcome, code)                                                            \
  do {                                                                                         \
    const ImportOutcome &o_ = (outcome);                                                       \
    if (o_.error_code != (code))                                                               \
      fail_msg("expected %d, got %d: %s", (code), o_.error_code, o_.detail.c_str());           \
    assert_true(o_.tables.empty());                                                            \
  } while (0)

const char kPointsCsv[] =
    "Name,Latitude,Longitude,flag,when\n"
    "Madrid,40.4168,-3.7038,true,2020-01-02\n"
    "\"Quoted, name\",41.3874,2.1686,false,2021-03-04\n"
    "Nowhere,,,true,\n";

}  // namespace

// ---- formats ----

static void test_csv_points(void **) {
  Env env;
  ImportOutcome o = env.import("My Cities.csv", kPointsCsv);
  assert_ok(o);
  assert_str(names_of(o), "my_cities");
  const TableInfo &t = o.tables[0];
  assert_int_equal(t.rows, 3);
  assert_str(join(t.geometry_types), "ST_Point");
  assert_str(schema_of(t), "cartodb_id:number,the_geom:point,flag:boolean,latitude:number,"
                           "longitude:number,name:string,when:date");
  assert_true(t.size_bytes > 0);
  assert_str(join(env.values("my_cities", "the_geom")),
             "POINT (-3.7038 40.4168)|POINT (2.1686 41.3874)|NULL");
  assert_str(join(env.values("my_cities", "name")), "Madrid|Quoted, name|Nowhere");
  assert_str(join(env.values("my_cities", "flag")), "1|0|1");
  assert_str(join(env.values("my_cities", "cartodb_id")), "1|2|3");
  assert_true(std::find(env.states.begin(), env.states.end(), "guessing") != env.states.end());
  assert_str(env.states.back(), "importing");
}

static void test_csv_geometry_column(void **) {
  Env env;
  ImportOutcome o = env.import("shapes.csv",
                               "id,the_geom\n"
                               "1,POINT (1 2)\n"
                               "2,\"POLYGON ((0 0,1 0,1 1,0 0))\"\n"
                               "3,\"{\"\"type\"\":\"\"Point\"\",\"\"coordinates\"\":[5,6]}\"\n"
                               "4,0101000000000000000000F03F0000000000000040\n"
                               "5,SRID=4326;POINT (7 8)\n"
                               "6,not a geometry\n");
  assert_ok(o);
  const TableInfo &t = o.tables[0];
  assert_str(schema_of(t), "cartodb_id:number,the_geom:geometry,id:number");
  assert_str(join(t.geometry_types), "ST_MultiPolygon|ST_Point");
  assert_str(join(env.values("shapes", "the_geom")),
             "POINT (1 2)|MULTIPOLYGON (((0 0,1 0,1 1,0 0)))|POINT (5 6)|POINT (1 2)|POINT (7 8)|NULL");
}

static void test_tsv_txt_and_latin1(void **) {
  Env env;
  ImportOutcome o = env.import("tabs.tsv", "a\tb\n1\tx y\n");
  assert_ok(o);
  assert_str(schema_of(o.tables[0]), "cartodb_id:number,the_geom:geometry,a:number,b:string");
  o = env.import("semi.TXT", "name;n\ncaf\xE9;1.5\n");  // upper-case extension, Latin-1
  assert_ok(o);
  assert_str(names_of(o), "semi");
  assert_str(join(env.values("semi", "name")), "caf\xC3\xA9");
  assert_str(join(env.values("semi", "n")), "1.5");
}

static void test_csv_options(void **) {
  Env env;
  const char csv[] = "n,q\n1,\"2\"\n";
  ImportOutcome o = env.import("guess.csv", csv);
  assert_str(schema_of(o.tables[0]), "cartodb_id:number,the_geom:geometry,n:number,q:number");
  o = env.import("noquoted.csv", csv, [](ImportRequest &r) { r.quoted_fields_guessing = false; });
  assert_str(schema_of(o.tables[0]), "cartodb_id:number,the_geom:geometry,n:number,q:string");
  o = env.import("noguess.csv", csv, [](ImportRequest &r) { r.type_guessing = false; });
  assert_str(schema_of(o.tables[0]), "cartodb_id:number,the_geom:geometry,n:string,q:string");
}

static void test_geojson(void **) {
  Env env;
  ImportOutcome o = env.import(
      "parks.geojson",
      R"({"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"Name":"A","the_geom":"x","area":2.5},
         "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
        {"type":"Feature","properties":{"Name":"B","area":1},
         "geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[2,0],[2,2],[0,0]]]]}}]})");
  assert_ok(o);
  const TableInfo &t = o.tables[0];
  assert_str(t.name, "parks");
  assert_int_equal(t.rows, 2);
  assert_str(join(t.geometry_types), "ST_MultiPolygon");
  assert_str(schema_of(t), "cartodb_id:number,the_geom:multipolygon,area:number,name:string,"
                           "the_geom_1:string");
  // .json and .js are GeoJSON too
  assert_ok(env.import("x.json", R"({"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}})"));
  assert_ok(env.import("y.js", R"({"type":"Point","coordinates":[1,2]})"));
}

static const char kKml[] =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>One</name><Point><coordinates>1,2,0</coordinates></Point></Placemark>
<Placemark><name>Two</name><LineString><coordinates>0,0 1,1</coordinates></LineString></Placemark>
</Document></kml>)";

static void test_kml_and_kmz(void **) {
  Env env;
  ImportOutcome o = env.import("places.kml", kKml);
  assert_ok(o);
  assert_str(names_of(o), "places");
  assert_int_equal(o.tables[0].rows, 2);
  assert_str(join(o.tables[0].geometry_types), "ST_MultiLineString|ST_Point");
  assert_str(join(env.values("places", "the_geom")), "POINT (1 2)|MULTILINESTRING ((0 0,1 1))");

  make_archive(env.dir / "upload/Trip.kmz", "zip", "none", {{"doc.kml", kKml}, {"files/icon.png", "PNG"}});
  env.states.clear();
  o = env.import_existing("Trip.kmz");
  assert_ok(o);
  assert_str(names_of(o), "trip");
  assert_str(env.states.front(), "unpacking");
}

static void test_gpx(void **) {
  Env env;
  ImportOutcome o = env.import("Hike.gpx", R"(<?xml version="1.0"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
<wpt lat="40.0" lon="-3.0"><name>Start</name></wpt>
<trk><name>Track</name><trkseg><trkpt lat="40.0" lon="-3.0"/><trkpt lat="40.1" lon="-3.1"/></trkseg></trk>
</gpx>)");
  assert_ok(o);
  // Layers with data, named <file>_<layer>, in the file's layer order.
  assert_str(names_of(o), "hike_waypoints,hike_tracks,hike_track_points");
  assert_str(join(o.tables[0].geometry_types), "ST_Point");
  assert_str(join(o.tables[1].geometry_types), "ST_MultiLineString");
  assert_int_equal(o.tables[2].rows, 2);
}

static void test_gpkg_reprojected(void **) {
  Env env;
  make_dataset("GPKG", env.dir / "upload/source.gpkg", [](GDALDataset &ds) {
    add_layer(ds, "places", 3857, wkbPoint, {"name"}, {{"POINT (111319.490793274 0)", {"x"}}});
    add_layer(ds, "areas", 4326, wkbPolygon, {"name"}, {{"POLYGON ((0 0,1 0,1 1,0 0))", {"y"}}});
    add_layer(ds, "nothing", 4326, wkbPoint, {"name"}, {});
    add_layer(ds, "attributes", 4326, wkbNone, {"k", "lat", "lon"}, {{"", {"v", "10", "20"}}});
  });
  ImportOutcome o = env.import_existing("source.gpkg");
  assert_ok(o);
  assert_str(names_of(o), "source_places,source_areas,source_attributes");
  // 111319.49 m east of (0, 0) in web mercator is 1 degree of longitude
  double x = 0, y = 1;
  assert_int_equal(std::sscanf(env.values("source_places", "the_geom")[0].c_str(), "POINT (%lf %lf)", &x, &y), 2);
  assert_true(std::fabs(x - 1) < 1e-6 && std::fabs(y) < 1e-6);
  assert_str(join(o.tables[1].geometry_types), "ST_MultiPolygon");
  assert_str(join(env.values("source_attributes", "the_geom")), "POINT (20 10)");
}

static void add_roads(GDALDataset &ds) {
  add_layer(ds, "roads", 4326, wkbLineString, {"name"},
            {{"LINESTRING (0 0,1 1)", {"a"}}, {"LINESTRING (1 1,2 2)", {"b"}}});
}

static void test_shapefile(void **) {
  Env env;
  TempDir shp;
  make_dataset("ESRI Shapefile", shp / "roads.shp", add_roads);
  Entries files;
  for (const char *ext : {"shp", "shx", "dbf", "prj"})
    files.push_back({std::string("Roads.") + ext, read_file(shp / (std::string("roads.") + ext))});
  make_archive(env.dir / "upload/roads.zip", "zip", "none", files);
  ImportOutcome o = env.import_existing("roads.zip");
  assert_ok(o);
  assert_str(names_of(o), "roads");
  assert_str(join(o.tables[0].geometry_types), "ST_MultiLineString");
  assert_str(schema_of(o.tables[0]), "cartodb_id:number,the_geom:multilinestring,name:string");

  // Without its .dbf, or uploaded alone: 1006.
  files.erase(files.begin() + 2);
  make_archive(env.dir / "upload/nodbf.zip", "zip", "none", files);
  assert_fails(env.import_existing("nodbf.zip"), 1006);
  assert_fails(env.import("lonely.shp", read_file(shp / "roads.shp")), 1006);
}

static void test_xlsx(void **) {
  Env env;
  make_dataset("XLSX", env.dir / "upload/book.xlsx", [](GDALDataset &ds) {
    add_layer(ds, "Sheet1", 4326, wkbNone, {"name", "lat", "lng"},
              {{"", {"a", "1.5", "2.5"}}, {"", {"b", "3", "4"}}});
  });
  ImportOutcome o = env.import_existing("book.xlsx");
  assert_ok(o);
  assert_str(names_of(o), "book");
  assert_str(join(env.values("book", "the_geom")), "POINT (2.5 1.5)|POINT (4 3)");
  make_dataset("ODS", env.dir / "upload/calc.ods", [](GDALDataset &ds) {
    add_layer(ds, "Hoja", 4326, wkbNone, {"name"}, {{"", {"a"}}});
  });
  assert_ok(env.import_existing("calc.ods"));
}

static void test_osm(void **) {
  Env env;
  ImportOutcome o = env.import("town.osm", R"(<?xml version="1.0"?>
<osm version="0.6" generator="test">
<node id="1" lat="40.0" lon="-3.0" version="1"><tag k="amenity" v="cafe"/><tag k="name" v="Sol"/></node>
<node id="2" lat="40.1" lon="-3.1" version="1"/>
<node id="3" lat="40.2" lon="-3.2" version="1"/>
<way id="10" version="1"><nd ref="2"/><nd ref="3"/><tag k="highway" v="residential"/></way>
</osm>)");
  assert_ok(o);
  assert_str(names_of(o), "town_points,town_lines");
  assert_str(join(o.tables[0].geometry_types), "ST_Point");
  assert_str(join(o.tables[1].geometry_types), "ST_MultiLineString");
}

static void test_file_geodatabase_zip(void **) {
  Env env;
  TempDir src;
  make_dataset("OpenFileGDB", src / "parcels.gdb", [](GDALDataset &ds) {
    add_layer(ds, "lots", 4326, wkbPolygon, {"owner"}, {{"POLYGON ((0 0,1 0,1 1,0 0))", {"ann"}}});
  });
  Entries files;
  for (const auto &f : std::filesystem::directory_iterator(src / "parcels.gdb"))
    files.push_back({"parcels.gdb/" + f.path().filename().string(), read_file(f.path().string())});
  make_archive(env.dir / "upload/parcels.zip", "zip", "none", files);
  ImportOutcome o = env.import_existing("parcels.zip");
  assert_ok(o);
  assert_str(names_of(o), "parcels");
  assert_str(join(o.tables[0].geometry_types), "ST_MultiPolygon");
  assert_str(join(env.values("parcels", "owner")), "ann");
}

// ---- archives ----

static void test_multi_file_zip(void **) {
  Env env;
  make_archive(env.dir / "upload/bundle.zip", "zip", "none",
               {{"a.csv", "x\n1\n"},
                {"dir/b.geojson", R"({"type":"Point","coordinates":[1,2]})"},
                {"dir/sub/c.kml", kKml},
                {"readme.md", "not data"},
                {"empty.csv", ""},
                {"__MACOSX/._a.csv", "junk"}});
  ImportOutcome o = env.import_existing("bundle.zip");
  assert_ok(o);
  assert_str(names_of(o), "a,b,c");
  assert_str(o.warnings_json, "");
}

static void test_tables_per_import_cap(void **) {
  Env env;
  Entries files;
  for (int i = 0; i < 30; ++i) files.push_back({"f" + std::to_string(100 + i) + ".csv", "x\n1\n"});
  make_archive(env.dir / "upload/many.zip", "zip", "none", files);
  ImportOutcome o = env.import_existing("many.zip");
  assert_ok(o);
  assert_int_equal(o.tables.size(), 26);
  assert_str(o.warnings_json, "{\"max_tables_per_import\":26}");
  assert_str(o.tables.back().name, "f125");
}

static void test_compressed_formats(void **) {
  Env env;
  make_archive(env.dir / "upload/t.tar.gz", "tar", "gzip", {{"tgz_inner.csv", "x\n1\n"}});
  assert_str(names_of(env.import_existing("t.tar.gz")), "tgz_inner");
  make_archive(env.dir / "upload/t.tgz", "tar", "gzip", {{"tgz2.csv", "x\n1\n"}});
  assert_str(names_of(env.import_existing("t.tgz")), "tgz2");
  make_archive(env.dir / "upload/plain.tar", "tar", "none", {{"tarred.csv", "x\n1\n"}});
  assert_str(names_of(env.import_existing("plain.tar")), "tarred");
  make_archive(env.dir / "upload/data.csv.gz", "raw", "gzip", {{"data", "x\n1\n"}});
  assert_str(names_of(env.import_existing("data.csv.gz")), "data");
  make_archive(env.dir / "upload/other.csv.bz2", "raw", "bzip2", {{"data", "x\n1\n"}});
  assert_str(names_of(env.import_existing("other.csv.bz2")), "other");
  // A lone .csv.gz is only ever gunzipped: a CSV whose first line reads like an mtree entry is
  // not taken for an mtree archive, and an empty one is an empty CSV (neither is 1002).
  make_archive(env.dir / "upload/mtreeish.csv.gz", "raw", "gzip", {{"data", "a type=file\n1\n"}});
  assert_str(names_of(env.import_existing("mtreeish.csv.gz")), "mtreeish");
  make_archive(env.dir / "upload/empty.csv.gz", "raw", "gzip", {});
  assert_fails(env.import_existing("empty.csv.gz"), 1005);
}

static void test_archive_refusals(void **) {
  Env env;
  // zip-slip: an entry climbing out of the work directory
  make_archive(env.dir / "upload/slip.zip", "zip", "none", {{"../../evil.csv", "x\n1\n"}});
  assert_fails(env.import_existing("slip.zip"), 1003);
  make_archive(env.dir / "upload/abs.tar", "tar", "none", {{"/tmp/cis-evil.csv", "x\n1\n"}});
  assert_fails(env.import_existing("abs.tar"), 1003);
  assert_false(std::filesystem::exists(env.dir / "evil.csv"));
  assert_false(std::filesystem::exists("/tmp/cis-evil.csv"));
  // zip bomb: 50 MB of zeros in a small zip, refused once past the unpacked limit
  make_archive(env.dir / "upload/bomb.zip", "zip", "none", {{"zeros.csv", std::string(50 << 20, '0')}});
  assert_true(std::filesystem::file_size(env.dir / "upload/bomb.zip") < (1 << 20));
  assert_fails(env.import_existing("bomb.zip", [](ImportRequest &r) { r.limits.max_unpacked_bytes = 1 << 20; }), 1003);
  // too many entries
  Entries many;
  for (int i = 0; i < 20; ++i) many.push_back({"f" + std::to_string(i) + ".csv", "x\n1\n"});
  make_archive(env.dir / "upload/entries.zip", "zip", "none", many);
  assert_fails(env.import_existing("entries.zip", [](ImportRequest &r) { r.limits.max_archive_entries = 10; }), 1003);
  // an unpacked file over the file size limit
  make_archive(env.dir / "upload/big.zip", "zip", "none", {{"big.csv", "x\n" + std::string(4000, '1') + "\n"}});
  assert_fails(env.import_existing("big.zip", [](ImportRequest &r) { r.limits.max_file_size = 1000; }), 6666);
  // password protected
  make_archive(env.dir / "upload/secret.zip", "zip", "none", {{"s.csv", "x\n1\n"}}, "pw");
  assert_fails(env.import_existing("secret.zip"), 1018);
  // corrupt: a zip cut in half
  make_archive(env.dir / "upload/whole.zip", "zip", "none", {{"w.csv", random_bytes(5000, 1)}});
  std::string whole = read_file(env.dir / "upload/whole.zip");
  assert_fails(env.import("cut.zip", whole.substr(0, whole.size() / 2)), 1003);
  assert_true(env.store.names().empty());
}

// ---- error codes ----

static void test_error_codes(void **) {
  Env env;
  assert_fails(env.import("program.exe", "MZ"), 1002);
  assert_fails(env.import("image.tif", "II*"), 1002);
  assert_fails(env.import("empty.csv", ""), 1005);
  assert_fails(env.import("big.csv", "x\n123456\n", [](ImportRequest &r) { r.limits.max_file_size = 5; }), 6666);
  assert_fails(env.import("rows.csv", "x\n1\n2\n3\n", [](ImportRequest &r) { r.limits.max_rows = 2; }), 6668);
  assert_fails(env.import("quote.csv", "x,y\n1,\"open\n"), 2003);
  assert_fails(env.import("fields.csv", "x,y\n1,2,3\n"), 2003);
  assert_fails(env.import("dup.csv", "Name,name\n1,2\n"), 2005);
  std::string wide;
  for (int i = 0; i < 251; ++i) wide += (i ? ",c" : "c") + std::to_string(i);
  assert_fails(env.import("wide.csv", wide + "\n"), 2004);
  assert_fails(env.import("cid.csv", "cartodb_id,x\n1,a\n1,b\n"), 2011);
  assert_fails(env.import("cid2.csv", "cartodb_id,x\nabc,a\n"), 2011);
  assert_fails(env.import("quota.csv", "x\n1\n", [](ImportRequest &r) { r.limits.table_quota = 0; }), 8002);
  assert_fails(env.import("disk.csv", "x\n1\n", [](ImportRequest &r) { r.limits.storage_quota = 1000; }), 8001);
  // A GeoJSON over the row limit fails while copying: nothing is left behind.
  assert_fails(env.import("rows.geojson",
                          R"({"type":"FeatureCollection","features":[
                            {"type":"Feature","properties":{},"geometry":null},
                            {"type":"Feature","properties":{},"geometry":null},
                            {"type":"Feature","properties":{},"geometry":null}]})",
                          [](ImportRequest &r) { r.limits.max_rows = 2; }),
               6668);
  std::string kml = "<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>";
  for (int i = 0; i < 51; ++i)
    kml += "<Folder><name>f" + std::to_string(i) +
           "</name><Placemark><Point><coordinates>1,2</coordinates></Point></Placemark></Folder>";
  assert_fails(env.import("layers.kml", kml + "</Document></kml>"), 1019);
  assert_true(env.store.names().empty());
  // Even the temporary tables are gone.
  GDALDatasetUniquePtr ds(GDALDataset::Open(env.store.path().c_str(), GDAL_OF_VECTOR));
  if (ds) assert_int_equal(ds->GetLayerCount(), 0);
}

static void test_cartodb_id_column(void **) {
  Env env;
  ImportOutcome o = env.import("ids.csv", "cartodb_id,x\n10,a\n20,b\n");
  assert_ok(o);
  assert_str(join(env.values("ids", "cartodb_id")), "10|20");
  assert_str(schema_of(o.tables[0]), "cartodb_id:number,the_geom:geometry,x:string");
}

// ---- naming and collisions ----

static void test_collision_strategies(void **) {
  Env env;
  assert_str(names_of(env.import("data.csv", "x\n1\n")), "data");
  assert_str(names_of(env.import("data.csv", "x\n1\n2\n")), "data_1");
  ImportOutcome skipped = env.import("data.csv", "x\n1\n", [](ImportRequest &r) { r.collision_strategy = "skip"; });
  assert_int_equal(skipped.error_code, 1022);
  assert_true(skipped.tables.empty());
  ImportOutcome over = env.import("data.csv", "x,y\n1,2\n2,3\n3,4\n",
                                  [](ImportRequest &r) { r.collision_strategy = "overwrite"; });
  assert_ok(over);
  assert_str(names_of(over), "data");
  assert_int_equal(over.tables[0].rows, 3);
  std::vector<std::string> names = env.store.names();
  std::sort(names.begin(), names.end());
  assert_str(join(names), "data|data_1");
  // skip with some new tables: only the existing ones are skipped
  make_archive(env.dir / "upload/two.zip", "zip", "none", {{"data.csv", "x\n1\n"}, {"fresh.csv", "x\n1\n"}});
  ImportOutcome partial = env.import_existing("two.zip", [](ImportRequest &r) { r.collision_strategy = "skip"; });
  assert_ok(partial);
  assert_str(names_of(partial), "fresh");
}

static void test_overwrite_table(void **) {
  Env env;
  assert_ok(env.import("first.csv", "x\n1\n"));
  ImportOutcome o = env.import("anything.geojson", R"({"type":"Point","coordinates":[1,2]})",
                               [](ImportRequest &r) { r.overwrite_table = "first"; });
  assert_ok(o);
  assert_str(names_of(o), "first");
  assert_str(join(o.tables[0].geometry_types), "ST_Point");
  assert_str(join(env.store.names()), "first");
  // A failing sync leaves the table as it was.
  assert_fails(env.import("bad.csv", "x,y\n1,2,3\n", [](ImportRequest &r) { r.overwrite_table = "first"; }), 2003);
  assert_str(join(env.values("first", "the_geom")), "POINT (1 2)");
}

// ---- the store ----

static void test_store_operations(void **) {
  Env env;
  assert_true(env.store.names().empty());
  assert_int_equal(env.store.total_size(), 0);
  assert_false(env.store.exists("pts"));
  assert_ok(env.import("pts.csv", kPointsCsv));
  assert_true(env.store.exists("pts"));
  std::int64_t size = env.store.total_size();
  assert_true(size > 0);

  env.store.rename("pts", "renamed");
  assert_false(env.store.exists("pts"));
  TableInfo t = env.store.describe("renamed");
  assert_str(t.name, "renamed");
  assert_int_equal(t.rows, 3);
  assert_str(join(t.geometry_types), "ST_Point");
  assert_str(t.columns[1].geometry_type, "point");
  {  // the GeoPackage metadata follows the table
    GDALDatasetUniquePtr ds(GDALDataset::Open(env.store.path().c_str(), GDAL_OF_VECTOR));
    OGRLayer *r = ds->ExecuteSQL(
        "SELECT (SELECT COUNT(*) FROM gpkg_contents WHERE table_name='renamed') + "
        "(SELECT COUNT(*) FROM gpkg_geometry_columns WHERE table_name='renamed') + "
        "(SELECT COUNT(*) FROM gpkg_ogr_contents WHERE table_name='renamed') + "
        "(SELECT COUNT(*) FROM gpkg_contents WHERE table_name='pts')",
        nullptr, nullptr);
    OGRFeatureUniquePtr f(r->GetNextFeature());
    assert_int_equal(f->GetFieldAsInteger(0), 3);
    ds->ReleaseResultSet(r);
  }
  assert_ok(env.import("other.csv", "x\n1\n"));
  bool threw = false;
  try {
    env.store.rename("renamed", "other");
  } catch (const std::runtime_error &) {
    threw = true;
  }
  assert_true(threw);
  threw = false;
  try {
    env.store.describe("missing");
  } catch (const std::runtime_error &) {
    threw = true;
  }
  assert_true(threw);
  env.store.drop("renamed");
  env.store.drop("missing");  // no-op
  assert_str(join(env.store.names()), "other");
}

static void test_concurrent_imports(void **) {
  Env env;
  write_file(env.dir / "upload/same.csv", kPointsCsv);
  std::vector<ImportRequest> requests;
  for (int i = 0; i < 4; ++i) requests.push_back(env.request("same.csv"));
  for (auto &r : requests) r.set_state = nullptr;
  std::vector<ImportOutcome> outcomes(requests.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < requests.size(); ++i)
    threads.emplace_back([&, i] { outcomes[i] = cis::import_file(env.store, requests[i]); });
  for (int i = 0; i < 20; ++i) env.store.names();  // readers meanwhile
  for (auto &t : threads) t.join();
  std::vector<std::string> names;
  for (const ImportOutcome &o : outcomes) {
    assert_ok(o);
    names.push_back(o.tables[0].name);
  }
  std::sort(names.begin(), names.end());
  assert_str(join(names), "same|same_1|same_2|same_3");
}

// States are reported without the store's lock (the job runner sleeps its step delay there):
// another import of the user runs meanwhile, and the names are chosen again when writing.
static void test_states_reported_outside_the_lock(void **) {
  for (const char *strategy : {"", "skip"}) {
    Env env;
    write_file(env.dir / "upload/same.csv", kPointsCsv);
    ImportRequest slow = env.request("same.csv"), other = env.request("same.csv");
    slow.collision_strategy = strategy;
    other.set_state = nullptr;
    ImportOutcome other_outcome;
    other_outcome.error_code = -1;  // not run
    std::vector<std::string> under_lock;
    slow.set_state = [&](cis::JobState s) {
      const std::string state = cis::state_name(s);
      bool free = std::async(std::launch::async, [&] {  // try_lock from a thread not holding it
                    if (!env.store.mutex().try_lock()) return false;
                    env.store.mutex().unlock();
                    return true;
                  }).get();
      if (!free) under_lock.push_back(state);
      else if (state == "importing")
        std::thread([&] { other_outcome = cis::import_file(env.store, other); }).join();
    };
    ImportOutcome o = cis::import_file(env.store, slow);
    assert_str(join(under_lock), "");
    assert_ok(other_outcome);
    assert_str(names_of(other_outcome), "same");
    if (*strategy) {
      assert_fails(o, 1022);
    } else {
      assert_ok(o);
      assert_str(names_of(o), "same_1");
    }
  }
}

// ---- garbage ----

static void test_garbage_never_crashes(void **) {
  Env env;
  const char *names[] = {"g.zip", "g.geojson", "g.kml", "g.gpkg", "g.xlsx", "g.gpx", "g.shp",
                         "g.tar.gz", "g.kmz", "g.xls", "g.ods", "g.json", "g.gz", "g.osm"};
  unsigned seed = 7;
  for (const char *name : names) {
    for (std::size_t size : {1u, 100u, 5000u}) {
      ImportOutcome o = env.import(name, random_bytes(size, ++seed));
      if (o.error_code == 0) fail_msg("%s (%zu random bytes) was imported", name, size);
    }
  }
  assert_true(env.store.names().empty());
  // Any bytes may be a CSV: an import either fails cleanly or makes a table.
  for (std::size_t size : {1u, 100u, 5000u, 100000u}) {
    ImportOutcome o = env.import("g.csv", random_bytes(size, ++seed));
    assert_int_equal(o.tables.size(), o.error_code ? 0 : 1);
    assert_int_equal(env.store.names().size(), o.error_code ? 0 : 1);
    for (const TableInfo &t : o.tables) env.store.drop(t.name);
  }
}

// Valid files with random bytes overwritten or cut short: every import ends with an outcome
// (this found a crash on archives whose error had no message).
static void test_mutated_inputs_never_crash(void **) {
  Env env;
  make_dataset("GPKG", env.dir / "src/m.gpkg", [](GDALDataset &ds) {
    add_layer(ds, "p", 3857, wkbPoint, {"name"}, {{"POINT (1 2)", {"x"}}});
  });
  make_dataset("XLSX", env.dir / "src/m.xlsx", [](GDALDataset &ds) {
    add_layer(ds, "s", 4326, wkbNone, {"name", "lat", "lon"}, {{"", {"a", "1", "2"}}});
  });
  TempDir shp;
  make_dataset("ESRI Shapefile", shp / "roads.shp", add_roads);
  Entries files;
  for (const char *ext : {"shp", "shx", "dbf", "prj"})
    files.push_back({std::string("roads.") + ext, read_file(shp / (std::string("roads.") + ext))});
  make_archive(env.dir / "src/m.zip", "zip", "none", files);
  make_archive(env.dir / "src/m.tar.gz", "tar", "gzip", files);
  write_file(env.dir / "src/m.kml", kKml);
  write_file(env.dir / "src/m.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"a":1},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]})");
  write_file(env.dir / "src/m.csv", kPointsCsv);
  std::mt19937 gen(42);
  for (const char *name : {"m.gpkg", "m.xlsx", "m.zip", "m.tar.gz", "m.kml", "m.geojson", "m.csv"}) {
    const std::string original = read_file(env.dir / (std::string("src/") + name));
    for (int i = 0, rounds = std::getenv("CARTO_IMPORT_TEST_UNDER_VALGRIND") ? 25 : 400; i < rounds; ++i) {
      std::string m = original;
      for (unsigned k = 0, n = 1 + gen() % 8; k < n; ++k) m[gen() % m.size()] = static_cast<char>(gen());
      if (gen() % 4 == 0) m.resize(gen() % m.size());
      ImportOutcome o = env.import(name, m);
      assert_int_equal(o.tables.size() > 0, o.error_code == 0);
      for (const TableInfo &t : o.tables) env.store.drop(t.name);
    }
  }
  assert_true(env.store.names().empty());
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_csv_points),
      cmocka_unit_test(test_csv_geometry_column),
      cmocka_unit_test(test_tsv_txt_and_latin1),
      cmocka_unit_test(test_csv_options),
      cmocka_unit_test(test_geojson),
      cmocka_unit_test(test_kml_and_kmz),
      cmocka_unit_test(test_gpx),
      cmocka_unit_test(test_gpkg_reprojected),
      cmocka_unit_test(test_shapefile),
      cmocka_unit_test(test_xlsx),
      cmocka_unit_test(test_osm),
      cmocka_unit_test(test_file_geodatabase_zip),
      cmocka_unit_test(test_multi_file_zip),
      cmocka_unit_test(test_tables_per_import_cap),
      cmocka_unit_test(test_compressed_formats),
      cmocka_unit_test(test_archive_refusals),
      cmocka_unit_test(test_error_codes),
      cmocka_unit_test(test_cartodb_id_column),
      cmocka_unit_test(test_collision_strategies),
      cmocka_unit_test(test_overwrite_table),
      cmocka_unit_test(test_store_operations),
      cmocka_unit_test(test_concurrent_imports),
      cmocka_unit_test(test_states_reported_outside_the_lock),
      cmocka_unit_test(test_garbage_never_crashes),
      cmocka_unit_test(test_mutated_inputs_never_crash),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
