// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "common/time.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

#include <curl/curl.h>

namespace cis {

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

}  // namespace cis
