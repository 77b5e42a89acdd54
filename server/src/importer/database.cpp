// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// fetch_database: a PostgreSQL table or query result, read through GDAL's PG driver, written to
// a GeoPackage of one layer with a checksum of what was read.
//
// - The connection string quotes every value (libpq conninfo syntax); it is never logged and
//   the password is scrubbed from every message passed on.
// - `encoding` names the encoding the remote's text comes in: the session's client_encoding is
//   set to it and every string is recoded to UTF-8 here.
// - The checksum covers the column names and types and every value and geometry (WKB), in the
//   order the remote returns them: the same data gives the same checksum.
#include <cstring>
#include <filesystem>
#include <memory>

#include "common/carto_codes.hpp"
#include "common/crypto.hpp"
#include "common/text.hpp"
#include "importer/engine.hpp"

namespace cis {
namespace {

namespace fs = std::filesystem;

std::string conninfo_value(const std::string &v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// Every occurrence of the secret replaced, so that no message can carry it.
std::string scrub(std::string text, const std::string &secret) {
  if (secret.empty()) return text;
  for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3))
    text.replace(at, secret.size(), "***");
  return text;
}

// GDAL's PG messages start with the libpq function that failed; keep the server's words.
std::string db_message(const std::string &secret) {
  std::string msg = trim(scrub(gdal_error(), secret));
  for (std::size_t nl; (nl = msg.find('\n')) != std::string::npos;) msg[nl] = ' ';
  return msg;
}

// PostgreSQL encoding names -> iconv names where they differ.
std::string iconv_name(const std::string &pg) {
  std::string l = lower(pg);
  std::string compact;
  for (char c : l)
    if (c != '_' && c != '-') compact += c;
  if (compact == "utf8" || compact == "unicode" || compact == "sqlascii") return "";
  if (compact.rfind("win", 0) == 0) return "CP" + compact.substr(3);
  if (compact.rfind("iso8859", 0) == 0) return "ISO-8859-" + compact.substr(7);
  return pg;
}

class Hasher {
 public:
  void add(const void *p, std::size_t n) { sha_.update(p, n); }
  void add(const std::string &s) {
    std::uint64_t n = s.size();
    add(&n, sizeof n);
    add(s.data(), s.size());
  }
  void mark(char c) { add(&c, 1); }
  std::string hex() { return sha_.hex(); }

 private:
  Sha256 sha_;
};

class Fetch {
 public:
  explicit Fetch(const DatabaseRequest &req) : req_(req) {}

  DatabaseResult run() {
    gdal_init();
    GdalQuiet quiet;
    std::string encoding = iconv_name(req_.encoding);
    // With PGCLIENTENCODING set, GDAL keeps the session's client_encoding instead of forcing
    // UTF-8 (thread-local: other imports are not affected).
    const char *old = CPLGetThreadLocalConfigOption("PGCLIENTENCODING", nullptr);
    std::string saved = old ? old : "";
    if (!req_.encoding.empty()) CPLSetThreadLocalConfigOption("PGCLIENTENCODING", req_.encoding.c_str());
    try {
      fetch(encoding);
    } catch (...) {
      CPLSetThreadLocalConfigOption("PGCLIENTENCODING", old ? saved.c_str() : nullptr);
      throw;
    }
    CPLSetThreadLocalConfigOption("PGCLIENTENCODING", old ? saved.c_str() : nullptr);
    return std::move(out_);
  }

 private:
  void fail(int code, const std::string &detail) {
    out_.error_code = code;
    out_.detail = scrub(detail, req_.password);
  }

  std::string connection() const {
    std::string c = "PG:host=" + conninfo_value(req_.host) + " port=" + std::to_string(req_.port) +
                    " dbname=" + conninfo_value(req_.database) + " user=" + conninfo_value(req_.username) +
                    " sslmode=" + conninfo_value(req_.sslmode) +
                    " connect_timeout=" + std::to_string(std::max(1L, req_.connect_timeout_seconds)) +
                    " application_name='carto-import-server'";
    if (!req_.password.empty()) c += " password=" + conninfo_value(req_.password);
    if (!req_.encoding.empty()) c += " client_encoding=" + conninfo_value(req_.encoding);
    return c;
  }

  void fetch(const std::string &encoding) {
    const char *const drivers[] = {"PostgreSQL", nullptr};
    // Only the requested table is looked up: listing every table of a large database is slow.
    const std::string layer_name = req_.schema + "." + req_.table;
    CPLStringList open_options;
    open_options.SetNameValue("LIST_ALL_TABLES", "NO");
    if (req_.sql_query.empty() && req_.columns.empty()) open_options.SetNameValue("TABLES", layer_name.c_str());
    CPLErrorReset();
    GDALDatasetUniquePtr src(GDALDataset::Open(connection().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                               drivers, open_options.List(), nullptr));
    if (!src) return fail(carto::kConnectorError, "cannot connect to the database: " + db_message(req_.password));

    OGRLayer *layer = nullptr;
    std::string sql = req_.sql_query;
    if (sql.empty() && !req_.columns.empty()) {
      sql = "SELECT ";
      for (std::size_t i = 0; i < req_.columns.size(); ++i)
        sql += (i ? ", " : "") + quote_ident(req_.columns[i]);
      sql += " FROM " + quote_ident(req_.schema) + "." + quote_ident(req_.table);
    }
    std::unique_ptr<SqlResult> result;
    if (!sql.empty()) {
      CPLErrorReset();
      result = std::make_unique<SqlResult>(*src, sql);
      if (!*result || CPLGetLastErrorType() == CE_Failure)
        return fail(carto::kConnectorError, "the query failed: " + db_message(req_.password));
      layer = result->operator->();
    } else {
      CPLErrorReset();
      layer = src->GetLayerByName(layer_name.c_str());
      if (!layer) return fail(carto::kConnectorError, "table " + layer_name + " not found: " + db_message(req_.password));
    }
    copy(*layer, encoding);
  }

  void copy(OGRLayer &layer, const std::string &encoding) {
    std::error_code ec;
    fs::create_directories(req_.dest_dir, ec);
    out_.file_name = req_.name + ".gpkg";
    out_.path = (fs::path(req_.dest_dir) / out_.file_name).string();
    fs::remove(out_.path, ec);
    GDALDriver *gpkg = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr dst(gpkg ? gpkg->Create(out_.path.c_str(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr);
    if (!dst) return fail(carto::kFileIoError, "cannot create " + out_.path + ": " + gdal_error());

    OGRFeatureDefn *defn = layer.GetLayerDefn();
    const OGRSpatialReference *srs = layer.GetSpatialRef();
    OGRwkbGeometryType gtype = defn->GetGeomFieldCount() > 0 ? layer.GetGeomType() : wkbNone;
    const char *const options[] = {"SPATIAL_INDEX=NO", "FID=cis_source_fid", nullptr};
    CPLErrorReset();
    OGRLayer *out = dst->CreateLayer(req_.name.c_str(), srs ? srs->Clone() : nullptr, gtype,
                                     const_cast<char **>(options));
    if (!out) return fail(carto::kFileIoError, "cannot create a layer in " + out_.path + ": " + gdal_error());

    Hasher hash;
    // A primary key named cartodb_id (GDAL reads it as the FID) is kept as a column, so the
    // import keeps its values.
    const char *fid_column = layer.GetFIDColumn();
    const bool keep_fid = fid_column && EQUAL(fid_column, store::kFidColumn) &&
                          defn->GetFieldIndex(store::kFidColumn) < 0;
    if (keep_fid) {
      OGRFieldDefn f(store::kFidColumn, OFTInteger64);
      out->CreateField(&f);
      hash.add(std::string(store::kFidColumn));
    }
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
      OGRFieldDefn f(defn->GetFieldDefn(i));
      if (out->CreateField(&f) != OGRERR_NONE)
        return fail(carto::kFileIoError, std::string("cannot create column ") + f.GetNameRef() + ": " + gdal_error());
      hash.add(std::string(f.GetNameRef()));
      hash.add(std::to_string(f.GetType()));
    }
    hash.mark('\x1d');

    const int offset = keep_fid ? 1 : 0;
    const bool recode = !encoding.empty();
    std::vector<unsigned char> wkb;
    if (dst->StartTransaction() != OGRERR_NONE) return fail(carto::kFileIoError, "cannot write " + out_.path);
    OGRFeature feature(out->GetLayerDefn());
    layer.ResetReading();
    for (;;) {
      CPLErrorReset();
      OGRFeatureUniquePtr f(layer.GetNextFeature());
      if (!f) {
        if (CPLGetLastErrorType() == CE_Failure) {
          dst->RollbackTransaction();
          return fail(carto::kConnectorError, "cannot read row " + std::to_string(out_.rows + 1) + ": " + db_message(req_.password));
        }
        break;
      }
      if (++out_.rows > req_.max_rows) {
        dst->RollbackTransaction();
        return fail(carto::kTooManyTableRows, "the source has more than " + std::to_string(req_.max_rows) + " rows");
      }
      feature.Reset();
      if (keep_fid) {
        feature.SetField(0, static_cast<GIntBig>(f->GetFID()));
        hash.add(std::to_string(f->GetFID()));
      }
      for (int i = 0; i < defn->GetFieldCount(); ++i) {
        if (!f->IsFieldSetAndNotNull(i)) {
          hash.mark('\0');
          continue;
        }
        OGRFieldType t = defn->GetFieldDefn(i)->GetType();
        if (recode && (t == OFTString || t == OFTStringList)) {
          if (t == OFTString) {
            char *utf8 = CPLRecode(f->GetFieldAsString(i), encoding.c_str(), CPL_ENC_UTF8);
            feature.SetField(i + offset, utf8);
            CPLFree(utf8);
          } else {
            CPLStringList list;
            for (char **s = f->GetFieldAsStringList(i); s && *s; ++s) {
              char *utf8 = CPLRecode(*s, encoding.c_str(), CPL_ENC_UTF8);
              list.AddString(utf8);
              CPLFree(utf8);
            }
            feature.SetField(i + offset, list.List());
          }
        } else {
          feature.SetField(i + offset, f->GetRawFieldRef(i));
        }
        hash.mark('\x01');
        hash.add(std::string(f->GetFieldAsString(i)));
      }
      if (OGRGeometry *g = f->GetGeometryRef()) {
        wkb.resize(static_cast<std::size_t>(g->WkbSize()));
        g->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
        hash.add(std::string(wkb.begin(), wkb.end()));
        feature.SetGeometry(g);
      } else {
        hash.mark('\0');
      }
      hash.mark('\x1e');
      if (out->CreateFeature(&feature) != OGRERR_NONE) {
        dst->RollbackTransaction();
        return fail(carto::kFileIoError, "cannot write row " + std::to_string(out_.rows) + ": " + gdal_error());
      }
    }
    if (dst->CommitTransaction() != OGRERR_NONE) return fail(carto::kFileIoError, "cannot write " + out_.path);
    dst.reset();
    out_.checksum = hash.hex();
  }

  const DatabaseRequest &req_;
  DatabaseResult out_;
};

}  // namespace

DatabaseResult fetch_database(const DatabaseRequest &req) {
  try {
    return Fetch(req).run();
  } catch (const std::exception &e) {
    DatabaseResult out;
    out.error_code = carto::kConnectorError;
    out.detail = scrub(std::string("internal error: ") + e.what(), req.password);
    return out;
  }
}

}  // namespace cis
