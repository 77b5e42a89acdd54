// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// URL helpers: percent-encoding (libcurl's), query strings, the file name a URL names,
// credentials kept out of logs.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace cis {

// %XX sequences decoded (a malformed one stays as it is); url_decode() is for a query or form
// component, where '+' is a space, url_decode_path() for a path segment, where it stays '+'.
std::string url_decode(const std::string &s);
std::string url_decode_path(const std::string &s);
// Every byte but A-Z a-z 0-9 - . _ ~ as %XX.
std::string url_encode(const std::string &s);
// The name=value pairs of a query string or form body, in order, decoded by url_decode(): the
// name ends at the first '='; empty pairs ("a=1&&b=2") are skipped.
std::vector<std::pair<std::string, std::string>> query_params(const std::string &query);
// `text` with the credentials of every URL in it (scheme://USER:PASSWORD@host) replaced by
// REDACTED: for the log and the request log of the test hooks.
std::string redact_url_credentials(std::string text);
// The last segment of a URL's path, trailing '/'s ignored, URL-decoded (url_decode_path); the
// query and fragment are not part of it. "" for a URL without a path.
std::string url_basename(const std::string &url);

}  // namespace cis
