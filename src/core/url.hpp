// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Base URLs of CARTO accounts (PROTOCOL §1.1) and the little URL work the client needs.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace carto {

struct BaseUrl {
  std::string scheme;    // "http" or "https"
  std::string host;      // as given, percent-decoded (an IPv6 literal in brackets)
  std::string url;       // normalised, always ending in '/'
  std::string path;      // url's path: "/" or "/user/NAME/", always starting and ending in '/'
  std::string username;  // derived as the server derives it
  bool loopback = false; // host is 127.0.0.0/8, ::1, localhost or *.localhost
};

// Parses and normalises a base URL; throws carto::Error(CARTO_IMPORT_EINVAL) with a message
// saying what is wrong and what a valid URL looks like.
BaseUrl parse_base_url(const std::string &input);

// The username a CARTO server derives from a URL path and host: the segment after /u/ or
// /user/ when present, else the host's first label (a leading "www." skipped); "" if none.
std::string username_from(const std::string &host, const std::string &path);

bool is_loopback_host(const std::string &host);

// Percent-encodes everything but RFC 3986 unreserved characters.
std::string url_encode(const std::string &s);

using QueryParams = std::vector<std::pair<std::string, std::string>>;
// "a=1&b=x%20y" (no leading '?'); "" when empty.
std::string encode_query(const QueryParams &params);
// The inverse: "a=1&b=x%20y" (a leading '?' allowed, '+' read as a space) -> {{a,1},{b,x y}}.
// Throws Error(EINVAL) on a parameter without a name.
QueryParams decode_query(const std::string &query);

}  // namespace carto
