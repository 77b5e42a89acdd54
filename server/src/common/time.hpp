// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Clock and the time formats of the protocol (ISO 8601 with milliseconds, HTTP dates).
#pragma once
#include <string>

namespace cis {

double now_epoch();                             // seconds since the epoch, sub-second precision
std::string iso_time(double epoch);             // 2016-09-07T16:53:24.123Z
std::string now_iso();
double parse_iso_time(const std::string &iso);  // iso_time's format (and without .mmm); -1 if invalid
std::string http_date(double epoch);            // Sun, 06 Nov 1994 08:49:37 GMT
double parse_http_date(const std::string &s);   // -1 if invalid

}  // namespace cis
