// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "core/timestamp.hpp"

#include <cctype>
#include <cstdio>

namespace carto {

namespace {
// Reads exactly n digits at s[pos]; advances pos.
bool digits(const std::string &s, size_t &pos, int n, int &out) {
  out = 0;
  for (int i = 0; i < n; ++i, ++pos) {
    if (pos >= s.size() || !std::isdigit(static_cast<unsigned char>(s[pos]))) return false;
    out = out * 10 + (s[pos] - '0');
  }
  return true;
}
bool expect(const std::string &s, size_t &pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}
}  // namespace

std::optional<std::time_t> parse_timestamp(const std::string &s) {
  size_t pos = 0;
  std::tm tm{};
  int year, mon, day, hour, min, sec;
  if (!digits(s, pos, 4, year) || !expect(s, pos, '-') || !digits(s, pos, 2, mon) ||
      !expect(s, pos, '-') || !digits(s, pos, 2, day) ||
      !(expect(s, pos, 'T') || expect(s, pos, ' ')) || !digits(s, pos, 2, hour) ||
      !expect(s, pos, ':') || !digits(s, pos, 2, min) || !expect(s, pos, ':') ||
      !digits(s, pos, 2, sec))
    return std::nullopt;
  if (mon < 1 || mon > 12 || day < 1 || day > 31 || hour > 23 || min > 59 || sec > 60)
    return std::nullopt;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
  }
  long offset = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    const int sign = s[pos++] == '-' ? -1 : 1;
    int oh, om = 0;
    if (!digits(s, pos, 2, oh)) return std::nullopt;
    expect(s, pos, ':');
    if (pos < s.size() && !digits(s, pos, 2, om)) return std::nullopt;
    offset = sign * (oh * 3600L + om * 60L);
  }
  if (pos != s.size()) return std::nullopt;
  tm.tm_year = year - 1900;
  tm.tm_mon = mon - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = min;
  tm.tm_sec = sec;
  return timegm(&tm) - offset;
}

}  // namespace carto
