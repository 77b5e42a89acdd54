// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "core/url.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "carto_import.h"
#include "core/error.hpp"
#include "core/text.hpp"

namespace carto {

namespace {

[[noreturn]] void invalid(const std::string &why) {
  throw Error(CARTO_IMPORT_EINVAL,
              "invalid base URL: " + why +
                  "; expected https://USER.carto.com/, https://ORG.carto.com/u/USER/ or "
                  "https://HOST/user/USER/");
}

struct UrlDeleter {
  void operator()(CURLU *u) const { curl_url_cleanup(u); }
};
struct CurlStr {
  char *p = nullptr;
  ~CurlStr() { curl_free(p); }
};

std::string part(CURLU *u, CURLUPart which) {
  CurlStr s;
  if (curl_url_get(u, which, &s.p, 0) != CURLUE_OK || !s.p) return "";
  return s.p;
}

std::vector<std::string> split_path(const std::string &path) {
  std::vector<std::string> segs;
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    if (j > i) segs.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return segs;
}

// A host name (letters, digits, '-', '.', '_', or UTF-8 for IDN) or a bracketed IPv6 literal.
// libcurl percent-decodes the host, so anything else (a '%' left over, '/', '@', ...) would
// make the normalised URL parse to another host.
bool is_plain_host(const std::string &host) {
  if (host.front() == '[')
    return host.size() > 2 && host.back() == ']' &&
           std::all_of(host.begin() + 1, host.end() - 1, [](unsigned char c) {
             return std::isxdigit(c) || c == ':' || c == '.';
           });
  return std::all_of(host.begin(), host.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c >= 0x80;
  });
}

}  // namespace

bool is_loopback_host(const std::string &raw) {
  std::string host = lower(raw);
  if (!host.empty() && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  if (host == "localhost" || host == "::1") return true;
  const std::string suffix = ".localhost";
  if (host.size() > suffix.size() &&
      host.compare(host.size() - suffix.size(), suffix.size(), suffix) == 0)
    return true;
  // 127.0.0.0/8 in dotted-quad form.
  if (host.rfind("127.", 0) != 0) return false;
  int dots = 0;
  for (char c : host) {
    if (c == '.') ++dots;
    else if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return dots == 3;
}

std::string username_from(const std::string &host, const std::string &path) {
  const auto segs = split_path(path);
  for (size_t i = 0; i + 1 < segs.size(); ++i)
    if (segs[i] == "u" || segs[i] == "user") return segs[i + 1];
  if (!host.empty() && host.front() == '[') return "";  // an IPv6 literal has no user label
  std::string h = host;
  if (lower(h).rfind("www.", 0) == 0) h = h.substr(4);
  const size_t dot = h.find('.');
  if (dot == std::string::npos || dot == 0) return "";  // no subdomain to take it from
  const std::string label = h.substr(0, dot);
  // An IPv4 address has no user label.
  bool numeric = true;
  for (char c : label) numeric = numeric && std::isdigit(static_cast<unsigned char>(c));
  return numeric ? "" : label;
}

BaseUrl parse_base_url(const std::string &input) {
  if (input.empty()) invalid("it is empty");
  for (unsigned char c : input)
    if (c <= 0x20 || c == 0x7f) invalid("it contains spaces or control characters");
  std::unique_ptr<CURLU, UrlDeleter> u(curl_url());
  if (!u) throw std::bad_alloc();
  const CURLUcode rc = curl_url_set(u.get(), CURLUPART_URL, input.c_str(), 0);
  if (rc != CURLUE_OK)
    invalid(input.find("://") == std::string::npos
                ? "it cannot be parsed as a URL (it needs a scheme, e.g. https://)"
                : std::string("it cannot be parsed as a URL (") + curl_url_strerror(rc) + ")");
  BaseUrl b;
  b.scheme = lower(part(u.get(), CURLUPART_SCHEME));
  if (b.scheme != "http" && b.scheme != "https") invalid("the scheme must be https or http");
  if (!part(u.get(), CURLUPART_USER).empty() || !part(u.get(), CURLUPART_PASSWORD).empty())
    invalid("it must not carry credentials; set the API key with set_api_key");
  if (!part(u.get(), CURLUPART_QUERY).empty()) invalid("it must not have a query string");
  if (!part(u.get(), CURLUPART_FRAGMENT).empty()) invalid("it must not have a fragment");
  b.host = part(u.get(), CURLUPART_HOST);
  if (b.host.empty()) invalid("it has no host");
  if (!is_plain_host(b.host))
    invalid("its host has a character a host name cannot have (percent-encoded or not)");
  if (!part(u.get(), CURLUPART_ZONEID).empty())
    invalid("it has an IPv6 zone id, which a base URL cannot keep");
  std::string path = part(u.get(), CURLUPART_PATH);
  if (path.empty() || path.back() != '/') path += '/';
  b.path = path;
  b.username = username_from(b.host, path);
  if (b.username.empty())
    invalid("no username in it (use https://USER.carto.com/ or .../user/USER/)");
  b.loopback = is_loopback_host(b.host);
  const std::string port = part(u.get(), CURLUPART_PORT);
  b.url = b.scheme + "://" + b.host + (port.empty() ? "" : ":" + port) + path;
  return b;
}

std::string url_encode(const std::string &s) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string encode_query(const QueryParams &params) {
  std::string q;
  for (const auto &kv : params) {
    if (!q.empty()) q += '&';
    q += url_encode(kv.first) + "=" + url_encode(kv.second);
  }
  return q;
}

QueryParams decode_query(const std::string &query) {
  auto decode = [](std::string part) {
    std::replace(part.begin(), part.end(), '+', ' ');
    int n = 0;  // libcurl ignores its handle argument here (7.82+) and decodes every %XX
    std::unique_ptr<char, decltype(&curl_free)> raw(
        curl_easy_unescape(nullptr, part.data(), static_cast<int>(part.size()), &n), curl_free);
    if (!raw) throw std::bad_alloc();
    return std::string(raw.get(), static_cast<size_t>(n));
  };
  QueryParams out;
  size_t start = !query.empty() && query[0] == '?' ? 1 : 0;
  while (start < query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string::npos) end = query.size();
    const std::string item = query.substr(start, end - start);
    start = end + 1;
    if (item.empty()) continue;
    const size_t eq = item.find('=');
    std::string name = decode(item.substr(0, eq));
    if (name.empty()) throw Error(CARTO_IMPORT_EINVAL, "query: a parameter has no name");
    out.emplace_back(std::move(name), eq == std::string::npos ? "" : decode(item.substr(eq + 1)));
  }
  return out;
}

}  // namespace carto
