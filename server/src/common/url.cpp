// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "common/url.hpp"

#include <httplib.h>

namespace cis {

std::string url_decode(const std::string &s) { return httplib::detail::decode_url(s, true); }

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

}  // namespace cis
