// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// String helpers: case, trimming, splitting, UTF-8 validity.
#pragma once

#include <cctype>
#include <optional>
#include <string>
#include <vector>

namespace cis {

using OptStr = std::optional<std::string>;

std::string upper(std::string s);
bool iequals(const std::string &a, const std::string &b);
std::vector<std::string> split(const std::string &s, char sep);

inline std::string lower(std::string s) {
  for (char &c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Without leading and trailing spaces, tabs and line breaks.
inline std::string trim(const std::string &s) {
  std::size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// The length of the valid UTF-8 character at s[i] (1-4), or 0 when the bytes there are not one
// (stray continuation byte, overlong form, surrogate, beyond U+10FFFF, cut short).
inline std::size_t utf8_char_length(const std::string &s, std::size_t i) {
  auto at = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  unsigned c = at(0);
  if (c < 0x80) return 1;
  std::size_t n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (!n) return 0;
  unsigned lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80, hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
  if (at(1) < lo || at(1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if ((at(k) & 0xC0) != 0x80) return 0;
  return n;
}

// Whether all of `s` is valid UTF-8 (valid_utf8(s) == s), without building a copy.
inline bool is_valid_utf8(const std::string &s) {
  for (std::size_t i = 0, n; i < s.size(); i += n)
    if (!(n = utf8_char_length(s, i))) return false;
  return true;
}

// `s` with every byte that is not part of a valid UTF-8 character replaced by U+FFFD.
inline std::string valid_utf8(const std::string &s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_char_length(s, i);
    if (n) out.append(s, i, n), i += n;
    else out += "\xEF\xBF\xBD", ++i;
  }
  return out;
}

// The last `max` bytes of `s` at most, starting on a character boundary.
inline std::string utf8_tail(const std::string &s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t start = s.size() - max;
  while (start < s.size() && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) ++start;
  return s.substr(start);
}


}  // namespace cis
