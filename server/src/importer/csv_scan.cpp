// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// One cheap pass over a CSV before GDAL reads it: structure checks (2003, 2004, 2005), row
// count (6668), encoding, and column types guessed from every row. GDAL's AUTODETECT_TYPE
// only looks at the first megabyte and turns later values that do not fit into NULLs; the
// types found here are applied instead (values are read as strings and converted on copy).
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <memory>
#include <unordered_set>

#include "common/carto_codes.hpp"
#include "common/files.hpp"
#include "common/text.hpp"
#include "importer/engine.hpp"

namespace cis {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// [+-]digits[.digits][e[+-]digits], no leading zero in a multi-digit integer part.
bool is_number(const std::string &v, bool integer_only) {
  std::size_t i = 0, n = v.size();
  if (i < n && (v[i] == '+' || v[i] == '-')) ++i;
  std::size_t int_start = i;
  while (i < n && digit(v[i])) ++i;
  std::size_t int_digits = i - int_start;
  if (int_digits > 1 && v[int_start] == '0') return false;  // 007: an identifier, not a number
  if (integer_only) return int_digits > 0 && int_digits <= 18 && i == n;
  std::size_t frac_digits = 0;
  if (i < n && v[i] == '.') {
    ++i;
    while (i < n && digit(v[i])) ++i, ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return false;
  if (i < n && (v[i] == 'e' || v[i] == 'E')) {
    ++i;
    if (i < n && (v[i] == '+' || v[i] == '-')) ++i;
    std::size_t exp_start = i;
    while (i < n && digit(v[i])) ++i;
    if (i == exp_start) return false;
  }
  return i == n;
}

bool is_bool(const std::string &v) {
  std::string l = lower(v);
  return l == "true" || l == "false";
}

bool digits_at(const std::string &v, std::size_t pos, std::size_t count) {
  if (pos + count > v.size()) return false;
  for (std::size_t i = pos; i < pos + count; ++i)
    if (!digit(v[i])) return false;
  return true;
}

// YYYY-MM-DD or YYYY/MM/DD, then optionally [T ]HH:MM[:SS[.f]] and Z or +-HH[:MM].
// Returns 0 = not a date, 1 = a date, 2 = a date and time.
int date_kind(const std::string &v) {
  if (!digits_at(v, 0, 4) || v.size() < 10 || (v[4] != '-' && v[4] != '/') || v[7] != v[4] ||
      !digits_at(v, 5, 2) || !digits_at(v, 8, 2))
    return 0;
  int month = (v[5] - '0') * 10 + (v[6] - '0'), day = (v[8] - '0') * 10 + (v[9] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31) return 0;
  if (v.size() == 10) return 1;
  std::size_t i = 10;
  if (v[i] != 'T' && v[i] != ' ') return 0;
  ++i;
  if (!digits_at(v, i, 2) || i + 2 >= v.size() || v[i + 2] != ':' || !digits_at(v, i + 3, 2))
    return 0;
  i += 5;
  if (i < v.size() && v[i] == ':') {
    if (!digits_at(v, i + 1, 2)) return 0;
    i += 3;
    if (i < v.size() && v[i] == '.') {
      ++i;
      while (i < v.size() && digit(v[i])) ++i;
    }
  }
  if (i < v.size() && v[i] == 'Z') ++i;
  else if (i < v.size() && (v[i] == '+' || v[i] == '-')) {
    if (!digits_at(v, i + 1, 2)) return 0;
    i += 3;
    if (i < v.size() && v[i] == ':') ++i;
    if (digits_at(v, i, 2)) i += 2;
  }
  return i == v.size() ? 2 : 0;
}

// What a column can still be, narrowed by every value seen.
struct TypeState {
  bool seen = false, integer = true, real = true, boolean = true, date = true, date_only = true;
  void add(const std::string &v) {
    seen = true;
    if (integer) integer = is_number(v, true);
    if (real) real = integer || is_number(v, false);
    if (boolean) boolean = is_bool(v);
    if (date) {
      int k = date_kind(v);
      date = k != 0;
      date_only = date_only && k == 1;
    }
  }
  void force_string() { seen = true, integer = real = boolean = date = false; }
};

// GDAL's CSVDetectSeperator: the first of , ; TAB outside quotes on the first line (',' if
// they are mixed), else space if there is one, else ','.
char detect_delimiter(const std::string &line) {
  bool quoted = false;
  char found = 0;
  bool space = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && (c == ',' || c == ';' || c == '\t')) {
      if (!found) found = c;
      else if (found != c) return ',';
    } else if (!quoted && c == ' ') {
      space = true;
    }
  }
  return found ? found : space ? ' ' : ',';
}

// Validates UTF-8 incrementally across buffer boundaries.
struct Utf8Check {
  int pending = 0;
  bool ok = true;
  void feed(const unsigned char *p, std::size_t n) {
    for (std::size_t i = 0; ok && i < n; ++i) {
      unsigned char c = p[i];
      if (pending) {
        if ((c & 0xC0) != 0x80) ok = false;
        --pending;
      } else if (c >= 0x80) {
        if (c >= 0xC2 && c <= 0xDF) pending = 1;
        else if (c >= 0xE0 && c <= 0xEF) pending = 2;
        else if (c >= 0xF0 && c <= 0xF4) pending = 3;
        else ok = false;
      }
    }
  }
};

class Scanner {
 public:
  Scanner(const CsvScanOptions &opts, CsvScan &out) : opts_(opts), out_(out) {}

  // Feeds the bytes found at `offset` in the file; false once an error has been recorded.
  bool feed(const char *p, std::size_t n, std::int64_t offset) {
    for (std::size_t i = 0; i < n; ++i) {
      char c = p[i];
      if (quote_pending_) {  // a '"' inside quotes: "" is a literal quote, else the end
        quote_pending_ = false;
        if (c == '"') {
          field_ += '"';
          continue;
        }
        in_quotes_ = false;
      }
      if (++record_bytes_ > opts_.limits.max_csv_line_bytes)
        return error(carto::kMalformedCsv, "line " + std::to_string(line_ + 1) + " is longer than " +
                               std::to_string(opts_.limits.max_csv_line_bytes) + " bytes");
      if (in_quotes_) {
        if (c == '"') quote_pending_ = true;
        else if (!add(c)) return false;
      } else if (c == '"') {
        in_quotes_ = quoted_ = true;
      } else if (c == delim_) {
        if (!end_field()) return false;
      } else if (c == '\n') {
        if (!header_done_) {
          out_.header_end = offset + static_cast<std::int64_t>(i);
          if ((i > 0 ? p[i - 1] : last_) == '\r') --out_.header_end;
        }
        if (!end_field() || !end_record()) return false;
      } else if (c != '\r') {
        if (!add(c)) return false;
      }
    }
    if (n > 0) last_ = p[n - 1];
    return true;
  }

  bool finish(std::int64_t size) {
    if (!header_done_) out_.header_end = size;
    if (in_quotes_ && !quote_pending_) return error(carto::kMalformedCsv, "a quoted field is never closed");
    if (!field_.empty() || nfields_ > 0 || quoted_) {
      if (!end_field() || !end_record()) return false;
    }
    if (!header_done_) return error(carto::kEmptyFile, "the CSV has no header");
    for (std::size_t i = 0; i < out_.columns.size(); ++i) {
      const TypeState &t = types_[i];
      CsvColumn &col = out_.columns[i];
      if (!t.seen || !opts_.type_guessing) continue;
      if (t.integer) col.type = OFTInteger64;
      else if (t.real) col.type = OFTReal;
      else if (t.boolean) col.type = OFTInteger, col.subtype = OFSTBoolean;
      else if (t.date) col.type = t.date_only ? OFTDate : OFTDateTime;
    }
    return true;
  }

  void set_delimiter(char d) { delim_ = out_.delimiter = d; }

 private:
  bool add(char c) {
    if (static_cast<std::int64_t>(field_.size()) >= opts_.limits.max_csv_cell_bytes)
      return error(carto::kMalformedCsv, "line " + std::to_string(line_ + 1) + " has a cell longer than " +
                             std::to_string(opts_.limits.max_csv_cell_bytes) + " bytes");
    field_ += c;
    return true;
  }

  // Fields are swapped into reused slots, so a row costs no allocation once warmed up. Memory
  // stays bounded: a header stops at the column limit, a row at the header's width (the
  // fields beyond it must be blank, are only counted, and stop at the column limit too).
  bool end_field() {
    if (!header_done_ && nfields_ >= static_cast<std::size_t>(opts_.limits.max_columns))
      return error(carto::kTooManyColumns, "more than " + std::to_string(opts_.limits.max_columns) + " columns");
    if (header_done_ && nfields_ >= out_.columns.size()) {
      if (!trim(field_).empty() || nfields_ >= static_cast<std::size_t>(opts_.limits.max_columns))
        return error(carto::kMalformedCsv, "line " + std::to_string(line_ + 1) + " has more fields than the " +
                               std::to_string(out_.columns.size()) + " of the header");
      ++nfields_;
      field_.clear();
      quoted_ = false;
      return true;
    }
    if (nfields_ == fields_.size()) fields_.emplace_back(), quoted_flags_.push_back(false);
    fields_[nfields_].swap(field_);
    quoted_flags_[nfields_] = quoted_;
    ++nfields_;
    field_.clear();
    quoted_ = false;
    return true;
  }

  bool end_record() {
    ++line_;
    record_bytes_ = 0;
    std::size_t nfields = nfields_;
    nfields_ = 0;
    if (nfields == 1 && fields_[0].empty() && !quoted_flags_[0]) return true;  // blank line
    if (!header_done_) return header(nfields);
    std::size_t ncols = out_.columns.size();
    if (++out_.rows > opts_.limits.max_rows)
      return error(carto::kTooManyTableRows, "more than " + std::to_string(opts_.limits.max_rows) + " rows");
    if (!opts_.type_guessing) return true;
    for (std::size_t i = 0; i < nfields && i < ncols; ++i) {
      TypeState &t = types_[i];
      if (!t.integer && !t.real && !t.boolean && !t.date) continue;
      std::string v = trim(fields_[i]);
      if (v.empty()) continue;
      if (quoted_flags_[i] && !opts_.quoted_fields_guessing) t.force_string();
      else t.add(v);
    }
    return true;
  }

  bool header(std::size_t nfields) {
    header_done_ = true;
    std::unordered_set<std::string> seen;
    for (std::size_t i = 0; i < nfields; ++i) {
      std::string name = trim(fields_[i]), key = lower(name);
      if (!key.empty() && !seen.insert(key).second)
        return error(carto::kDuplicatedColumn, "the column " + name + " appears twice in the header");
      out_.columns.push_back({name, OFTString, OFSTNone});
    }
    types_.resize(nfields);
    return true;
  }

  bool error(int code, std::string detail) {
    out_.error_code = code;
    out_.detail = std::move(detail);
    return false;
  }

  const CsvScanOptions &opts_;
  CsvScan &out_;
  char delim_ = ',', last_ = 0;
  bool in_quotes_ = false, quote_pending_ = false, quoted_ = false, header_done_ = false;
  std::string field_;
  std::vector<std::string> fields_;
  std::vector<bool> quoted_flags_;
  std::size_t nfields_ = 0;
  std::vector<TypeState> types_;
  std::int64_t line_ = 0, record_bytes_ = 0;
};

}  // namespace

CsvScan scan_csv(const std::string &path, const CsvScanOptions &opts) {
  CsvScan out;
  File f(std::fopen(path.c_str(), "rb"));
  if (!f) {
    out.error_code = carto::kFileIoError;
    out.detail = "cannot read " + path;
    return out;
  }
  std::vector<char> buf(1 << 20);
  std::size_t n = std::fread(buf.data(), 1, buf.size(), f.get());
  std::size_t start = n >= 3 && std::equal(buf.begin(), buf.begin() + 3, "\xEF\xBB\xBF") ? 3 : 0;

  Scanner scanner(opts, out);
  if (opts.delimiter) {
    scanner.set_delimiter(opts.delimiter);
  } else {
    auto first = buf.begin() + static_cast<std::ptrdiff_t>(start);
    auto eol = std::find(first, buf.begin() + static_cast<std::ptrdiff_t>(n), '\n');
    scanner.set_delimiter(detect_delimiter(std::string(first, eol)));
  }
  Utf8Check utf8;
  const char *p = buf.data() + start;
  n -= start;
  std::int64_t offset = static_cast<std::int64_t>(start);
  while (n > 0) {
    utf8.feed(reinterpret_cast<const unsigned char *>(p), n);
    if (!scanner.feed(p, n, offset)) return out;
    offset += static_cast<std::int64_t>(n);
    n = std::fread(buf.data(), 1, buf.size(), f.get());
    p = buf.data();
  }
  if (std::ferror(f.get())) {
    out.error_code = carto::kFileIoError;
    out.detail = "cannot read " + path;
    return out;
  }
  scanner.finish(offset);
  out.utf8 = utf8.ok && utf8.pending == 0;
  return out;
}

bool rewrite_csv(const std::string &from, const std::string &to, const CsvScan &scan, bool pad) {
  File in(std::fopen(from.c_str(), "rb")), out(std::fopen(to.c_str(), "wb"));
  if (!in || !out) return false;
  std::string padding = pad ? std::string(1, scan.delimiter) + kCsvPadColumn : "";
  std::vector<unsigned char> buf(1 << 20);
  std::string conv;
  std::int64_t offset = 0;
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), in.get())) > 0) {
    conv.clear();
    for (std::size_t i = 0; i < n; ++i, ++offset) {
      if (offset == scan.header_end) conv += padding;
      unsigned char c = buf[i];
      if (c < 0x80 || scan.utf8) {
        conv += static_cast<char>(c);
      } else {  // Latin-1 to UTF-8
        conv += static_cast<char>(0xC0 | (c >> 6));
        conv += static_cast<char>(0x80 | (c & 0x3F));
      }
    }
    if (std::fwrite(conv.data(), 1, conv.size(), out.get()) != conv.size()) return false;
  }
  if (offset == scan.header_end && std::fwrite(padding.data(), 1, padding.size(), out.get()) != padding.size())
    return false;
  return !std::ferror(in.get()) && std::fflush(out.get()) == 0;
}

}  // namespace cis
