// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// URL helpers: decoding, the file name a URL names, credentials kept out of logs.
#pragma once
#include <string>

namespace cis {

std::string url_decode(const std::string &s);
// `text` with the credentials of every URL in it (scheme://USER:PASSWORD@host) replaced by
// REDACTED: for the log and the request log of the test hooks.
std::string redact_url_credentials(std::string text);
// The file-name part of a URL's path (URL-decoded, query and fragment removed).
std::string url_basename(const std::string &url);

}  // namespace cis
