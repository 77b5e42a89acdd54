// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Small helpers shared by the HTTP side of carto-import-server: ids, time, strings, files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "importer/text.hpp"  // lower(), trim(): the engine's, shared with the HTTP side

namespace cis {

using OptStr = std::optional<std::string>;

std::string new_uuid();                         // random (v4) lowercase UUID
bool is_uuid(const std::string &s);             // ^[0-9a-f]{8}-...-[0-9a-f]{12}$ (lowercase)
std::string random_hex(std::size_t n_chars);

double now_epoch();                             // seconds since the epoch, sub-second precision
std::string iso_time(double epoch);             // 2016-09-07T16:53:24.123Z
std::string now_iso();
double parse_iso_time(const std::string &iso);  // iso_time's format (and without .mmm); -1 if invalid
std::string http_date(double epoch);            // Sun, 06 Nov 1994 08:49:37 GMT
double parse_http_date(const std::string &s);   // -1 if invalid

std::string upper(std::string s);
bool iequals(const std::string &a, const std::string &b);
std::vector<std::string> split(const std::string &s, char sep);
std::string url_decode(const std::string &s);
bool base64_decode(const std::string &in, std::string &out);
bool constant_time_equals(const std::string &a, const std::string &b);

// `text` with the credentials of every URL in it (scheme://USER:PASSWORD@host) replaced by
// REDACTED: for the log and the request log of the test hooks.
std::string redact_url_credentials(std::string text);

// The file-name part of a URL's path (URL-decoded, query and fragment removed).
std::string url_basename(const std::string &url);
// A file name safe to create under a directory (an upload's): file_name_part(), spaces -> '_',
// "upload" when nothing is left, its last kMaxFileNameBytes at most.
std::string safe_file_name(const std::string &name);

bool make_dirs(const std::string &path);        // mkdir -p
void remove_tree(const std::string &path);      // rm -rf, ignoring errors

}  // namespace cis
