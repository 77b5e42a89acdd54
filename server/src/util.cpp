// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "util.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include <curl/curl.h>
#include <openssl/rand.h>
#include <httplib.h>

namespace cis {

namespace {
const char kHex[] = "0123456789abcdef";
}  // namespace

std::string random_hex(std::size_t n_chars) {
  std::vector<unsigned char> bytes((n_chars + 1) / 2);
  // OpenSSL's CSPRNG: ids and auth tokens must not be predictable from earlier ones.
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
    throw std::runtime_error("no random bytes from OpenSSL");
  std::string s;
  s.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) s += kHex[b >> 4], s += kHex[b & 15];
  s.resize(n_chars);
  return s;
}

std::string new_uuid() {
  std::string h = random_hex(32);
  h[12] = '4';
  h[16] = kHex[8 + (std::string("0123456789abcdef").find(h[16]) & 3)];
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20, 12);
}

bool is_uuid(const std::string &s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); i++) {
    char c = s[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

double now_epoch() {
  using namespace std::chrono;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count() / 1e6;
}

std::string iso_time(double epoch) {
  auto secs = static_cast<std::time_t>(epoch);
  int ms = static_cast<int>((epoch - static_cast<double>(secs)) * 1000.0);
  if (ms < 0) ms = 0;
  if (ms > 999) ms = 999;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
  return buf;
}

std::string now_iso() { return iso_time(now_epoch()); }

double parse_iso_time(const std::string &iso) {
  std::tm tm{};
  int ms = 0, n = 0;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &n) != 6)
    return -1;
  std::sscanf(iso.c_str() + n, ".%3d", &ms);
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<double>(timegm(&tm)) + ms / 1000.0;
}

std::string http_date(double epoch) {
  static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto secs = static_cast<std::time_t>(epoch);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[tm.tm_wday % 7],
                tm.tm_mday, months[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

double parse_http_date(const std::string &s) {
  time_t t = curl_getdate(s.c_str(), nullptr);
  return t == -1 ? -1 : static_cast<double>(t);
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

bool iequals(const std::string &a, const std::string &b) { return lower(a) == lower(b); }

std::vector<std::string> split(const std::string &s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

std::string url_decode(const std::string &s) { return httplib::detail::decode_url(s, true); }

bool base64_decode(const std::string &in, std::string &out) {
  static const std::string chars =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  out.clear();
  unsigned val = 0;
  int bits = -8;
  std::size_t pad = 0;
  for (char c : in) {
    if (c == '=') {
      pad++;
      continue;
    }
    if (pad) return false;  // data after padding
    auto p = chars.find(c);
    if (p == std::string::npos) return false;
    val = (val << 6) + static_cast<unsigned>(p);
    bits += 6;
    if (bits >= 0) {
      out += static_cast<char>((val >> bits) & 0xFF);
      bits -= 8;
    }
  }
  return pad <= 2;
}

bool constant_time_equals(const std::string &a, const std::string &b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (std::size_t i = 0; i < a.size(); i++) {
    diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
  }
  return diff == 0;
}

std::string redact_url_credentials(std::string text) {
  for (std::size_t p = text.find("://"); p != std::string::npos; p = text.find("://", p + 3)) {
    const std::size_t start = p + 3;
    std::size_t end = text.find_first_of("/?#\\ \t\r\n\"'<>", start);  // the authority's end
    if (end == std::string::npos) end = text.size();
    std::size_t at = text.rfind('@', end - 1);  // the last one: a password may hold an '@'
    if (at == std::string::npos || at < start) continue;
    text.replace(start, at - start, "REDACTED");
    p = start;
  }
  return text;
}

std::string url_basename(const std::string &url) {
  std::string path = url;
  auto cut = path.find_first_of("?#");
  if (cut != std::string::npos) path = path.substr(0, cut);
  auto scheme = path.find("://");
  if (scheme != std::string::npos) {
    auto slash = path.find('/', scheme + 3);
    path = slash == std::string::npos ? "" : path.substr(slash);
  }
  while (!path.empty() && path.back() == '/') path.pop_back();
  auto slash = path.rfind('/');
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  return httplib::detail::decode_url(base, false);
}

std::string safe_file_name(const std::string &name) {
  std::string out = file_name_part(name);
  std::replace(out.begin(), out.end(), ' ', '_');
  if (out.empty() || out == "." || out == "..") out = "upload";
  return utf8_tail(out, kMaxFileNameBytes);
}

bool make_dirs(const std::string &path) {
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  return !ec && std::filesystem::is_directory(path, ec);
}

void remove_tree(const std::string &path) {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

}  // namespace cis
