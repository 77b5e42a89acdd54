// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "common/url.hpp"

#include <algorithm>
#include <climits>
#include <memory>

#include <curl/curl.h>

namespace cis {

namespace {
struct CurlFree {
  void operator()(char *p) const { curl_free(p); }
};
}  // namespace

std::string url_decode_path(const std::string &s) {
  if (s.empty() || s.size() > INT_MAX) return s;
  int length = 0;  // a handle is not needed (libcurl >= 7.82)
  std::unique_ptr<char, CurlFree> out(curl_easy_unescape(nullptr, s.data(), static_cast<int>(s.size()), &length));
  if (!out) throw std::bad_alloc();
  return std::string(out.get(), static_cast<std::size_t>(length));
}

std::string url_decode(const std::string &s) {
  std::string spaced = s;  // '+' before decoding: a %2B stays a '+'
  std::replace(spaced.begin(), spaced.end(), '+', ' ');
  return url_decode_path(spaced);
}

std::string url_encode(const std::string &s) {
  if (s.empty() || s.size() > INT_MAX) return s;
  std::unique_ptr<char, CurlFree> out(curl_easy_escape(nullptr, s.data(), static_cast<int>(s.size())));
  if (!out) throw std::bad_alloc();
  return out.get();
}

std::vector<std::pair<std::string, std::string>> query_params(const std::string &query) {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t start = 0; start < query.size();) {
    std::size_t end = std::min(query.find('&', start), query.size());
    if (end > start) {
      const std::string pair = query.substr(start, end - start);
      const std::size_t eq = pair.find('=');
      out.emplace_back(url_decode(pair.substr(0, eq)),
                       eq == std::string::npos ? std::string() : url_decode(pair.substr(eq + 1)));
    }
    start = end + 1;
  }
  return out;
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
  return url_decode_path(slash == std::string::npos ? path : path.substr(slash + 1));
}

}  // namespace cis
