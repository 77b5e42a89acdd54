// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Table and column naming (PROTOCOL.md §2.6).
#include <algorithm>
#include <cstring>

#include "importer/engine.hpp"
#include "importer/importer.hpp"

namespace cis {
namespace {

constexpr std::size_t kMaxIdentifier = 63;  // PostgreSQL's NAMEDATALEN - 1

// Transliteration of U+00C0..U+00FF (Latin-1 letters) to ASCII; "" = not a letter.
const char *const kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};

// PostgreSQL's reserved key words (SQL Key Words appendix, "reserved" column).
const char *const kPgReserved[] = {
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
    "authorization", "binary", "both", "case", "cast", "check", "collate", "collation",
    "column", "concurrently", "constraint", "create", "cross", "current_catalog",
    "current_date", "current_role", "current_schema", "current_time", "current_timestamp",
    "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
    "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group",
    "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join",
    "lateral", "leading", "left", "like", "limit", "localtime", "localtimestamp", "natural",
    "not", "notnull", "null", "offset", "on", "only", "or", "order", "outer", "overlaps",
    "placing", "primary", "references", "returning", "right", "select", "session_user",
    "similar", "some", "symmetric", "system_user", "table", "tablesample", "then", "to",
    "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when",
    "where", "window", "with"};

// Names CARTO keeps for itself (valid_table_name_proposer.rb: reserved and system tables).
const char *const kCartoReserved[] = {
    "layergroup", "public", "spatial_ref_sys", "geography_columns", "geometry_columns",
    "raster_columns", "raster_overviews", "cdb_tablemetadata", "geometry", "raster"};

// Prefixes of the table store's own tables (GeoPackage metadata, SQLite internals).
const char *const kStorePrefixes[] = {"gpkg_", "rtree_", "sqlite_"};

template <std::size_t N>
bool in_list(const char *const (&list)[N], const std::string &s) {
  return std::any_of(std::begin(list), std::end(list),
                     [&](const char *w) { return s == w; });
}

bool is_letter(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

void append_underscore(std::string &out) {
  if (out.empty() || out.back() != '_') out += '_';
}

void truncate(std::string &s, std::size_t n) {
  if (s.size() > n) s.resize(n);
}

}  // namespace

std::string sanitize_identifier(const std::string &raw) {
  std::string out;
  const auto *p = reinterpret_cast<const unsigned char *>(raw.c_str());
  while (*p) {
    unsigned char c = *p;
    if (c < 0x80) {
      char a = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
      if (is_letter(a) || is_digit(a))
        out += a;
      else
        append_underscore(out);
      ++p;
      continue;
    }
    // A multi-byte UTF-8 sequence: Latin-1 letters are transliterated, the rest become '_'.
    const char *ascii = "";
    if (c == 0xC3 && (p[1] & 0xC0) == 0x80) ascii = kLatin1[p[1] & 0x3F];
    if (*ascii)
      out += ascii;
    else
      append_underscore(out);
    ++p;
    while ((*p & 0xC0) == 0x80) ++p;
  }
  return out;
}

std::string propose_table_name(const std::string &basename) {
  std::string name = sanitize_identifier(basename);
  if (std::none_of(name.begin(), name.end(), [](char c) { return is_letter(c) || is_digit(c); }))
    return "untitled_table";
  bool store_prefix = std::any_of(std::begin(kStorePrefixes), std::end(kStorePrefixes),
                                  [&](const char *p) { return name.rfind(p, 0) == 0; });
  if (!is_letter(name[0]) || store_prefix)
    name = (name[0] == '_' ? "table" : "table_") + name;
  truncate(name, kMaxIdentifier);
  if (in_list(kPgReserved, name) || in_list(kCartoReserved, name)) name += "_t";
  return name;
}

std::string unique_table_name(const std::string &name,
                              const std::function<bool(const std::string &)> &taken) {
  if (!taken(name)) return name;
  for (unsigned long i = 1;; ++i) {
    std::string suffix = "_" + std::to_string(i);
    std::string candidate = name.substr(0, kMaxIdentifier - suffix.size()) + suffix;
    if (!taken(candidate)) return candidate;
  }
}

std::string launder_column_name(const std::string &raw) {
  std::string name = sanitize_identifier(raw);
  if (std::none_of(name.begin(), name.end(), [](char c) { return is_letter(c) || is_digit(c); }))
    return "column";
  if (is_digit(name[0])) name.insert(0, "_");
  truncate(name, kMaxIdentifier);
  return name;
}

}  // namespace cis
