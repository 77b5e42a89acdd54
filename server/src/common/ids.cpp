// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "common/ids.hpp"

#include <stdexcept>
#include <vector>

#include <openssl/rand.h>

namespace cis {

namespace {
const char kHex[] = "0123456789abcdef";
}  // namespace

std::string random_hex(std::size_t n_chars) {
  std::vector<unsigned char> bytes((n_chars + 1) / 2);
  // OpenSSL's CSPRNG: ids and auth tokens must not be predictable from earlier ones.
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
    throw std::runtime_error("no random bytes from OpenSSL");
  std::string s;
  s.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) s += kHex[b >> 4], s += kHex[b & 15];
  s.resize(n_chars);
  return s;
}

std::string new_uuid() {
  std::string h = random_hex(32);
  h[12] = '4';
  h[16] = kHex[8 + (std::string("0123456789abcdef").find(h[16]) & 3)];
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20, 12);
}

bool is_uuid(const std::string &s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); i++) {
    char c = s[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

bool constant_time_equals(const std::string &a, const std::string &b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (std::size_t i = 0; i < a.size(); i++) {
    diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
  }
  return diff == 0;
}

}  // namespace cis
