// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The URL rules of production CARTO (Carto::UrlValidator, PROTOCOL.md §2.1): ports 21, 80 and
// 443 only, and no address of the local machine or network.
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdlib>
#include <cstring>
#include <memory>

#include <curl/curl.h>

#include "importer/importer.hpp"

namespace cis {
namespace {

// `a` in host byte order.
bool forbidden_v4(std::uint32_t a) {
  const unsigned b0 = a >> 24, b1 = (a >> 16) & 0xFF;
  return b0 == 0 || b0 == 10 || b0 == 127 ||     // "this network" (0.0.0.0), private, loopback
         (b0 == 100 && (b1 & 0xC0) == 64) ||       // carrier-grade NAT 100.64/10
         (b0 == 169 && b1 == 254) ||               // link-local (cloud metadata)
         (b0 == 172 && (b1 & 0xF0) == 16) ||       // private 172.16/12
         (b0 == 192 && b1 == 168) ||               // private
         b0 >= 224;                                // multicast, reserved, broadcast
}

std::uint32_t v4_at(const unsigned char *p) {
  return static_cast<std::uint32_t>(p[0]) << 24 | static_cast<std::uint32_t>(p[1]) << 16 |
         static_cast<std::uint32_t>(p[2]) << 8 | p[3];
}

bool forbidden_v6(const unsigned char *b) {
  static const unsigned char zeros[10] = {};
  static const unsigned char nat64[12] = {0x00, 0x64, 0xff, 0x9b};
  if (std::memcmp(b, zeros, 10) == 0 && ((b[10] == 0xFF && b[11] == 0xFF) || (b[10] == 0 && b[11] == 0)))
    return forbidden_v4(v4_at(b + 12));  // v4-mapped, v4-compatible, and :: and ::1 (0.0.0.x)
  if (std::memcmp(b, nat64, 12) == 0) return forbidden_v4(v4_at(b + 12));  // 64:ff9b::/96
  if (b[0] == 0x20 && b[1] == 0x02) return forbidden_v4(v4_at(b + 2));      // 6to4 2002::/16
  return b[0] == 0xFF ||                         // multicast
         (b[0] & 0xFE) == 0xFC ||                // unique local fc00::/7
         (b[0] == 0xFE && (b[1] & 0x80) == 0x80);  // link-local fe80::/10, site-local fec0::/10
}

struct UrlDeleter {
  void operator()(CURLU *u) const { curl_url_cleanup(u); }
};
struct CurlStr {
  char *p = nullptr;
  ~CurlStr() { curl_free(p); }
};

// The port of a parsed URL, the scheme's default when it has none; -1 when there is none.
long port_of(CURLU *u) {
  CurlStr port;
  if (curl_url_get(u, CURLUPART_PORT, &port.p, CURLU_DEFAULT_PORT) != CURLUE_OK) return -1;
  return std::strtol(port.p, nullptr, 10);
}

}  // namespace

bool is_forbidden_address(const sockaddr *sa) {
  if (sa->sa_family == AF_INET)
    return forbidden_v4(ntohl(reinterpret_cast<const sockaddr_in *>(sa)->sin_addr.s_addr));
  if (sa->sa_family == AF_INET6)
    return forbidden_v6(reinterpret_cast<const sockaddr_in6 *>(sa)->sin6_addr.s6_addr);
  return true;  // no other family is a place to download from
}

bool is_allowed_url_port(long port) { return port == 21 || port == 80 || port == 443; }

long url_port(const std::string &url, const std::string &base) {
  std::unique_ptr<CURLU, UrlDeleter> u(curl_url());
  if (!base.empty() && curl_url_set(u.get(), CURLUPART_URL, base.c_str(), 0) != CURLUE_OK) return -1;
  if (curl_url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return -1;
  return port_of(u.get());
}

std::string url_policy_violation(const std::string &url) {
  std::unique_ptr<CURLU, UrlDeleter> u(curl_url());
  if (curl_url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return "not a URL";
  long port = port_of(u.get());
  if (!is_allowed_url_port(port)) return "port " + std::to_string(port) + " is not 21, 80 or 443";
  CurlStr host;
  if (curl_url_get(u.get(), CURLUPART_HOST, &host.p, 0) != CURLUE_OK || !*host.p) return "no host";
  std::string name = host.p;
  if (name.size() > 2 && name.front() == '[') name = name.substr(1, name.size() - 2);
  // Every address the name has (any IPv4 spelling: 2130706433, 0x7f.1, 017700000001...).
  addrinfo hints{}, *res = nullptr;
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  if (getaddrinfo(name.c_str(), nullptr, &hints, &res) != 0) return "";  // as production: the download fails
  std::string why;
  for (addrinfo *a = res; a && why.empty(); a = a->ai_next) {
    if (!is_forbidden_address(a->ai_addr)) continue;
    char text[INET6_ADDRSTRLEN] = "";
    const void *bytes = a->ai_family == AF_INET
                            ? static_cast<const void *>(&reinterpret_cast<sockaddr_in *>(a->ai_addr)->sin_addr)
                            : static_cast<const void *>(&reinterpret_cast<sockaddr_in6 *>(a->ai_addr)->sin6_addr);
    inet_ntop(a->ai_family, bytes, text, sizeof text);
    why = std::string("the host's address ") + text + " is not public";
  }
  freeaddrinfo(res);
  return why;
}

}  // namespace cis
