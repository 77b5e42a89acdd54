// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "common/crypto.hpp"

#include <stdexcept>
#include <vector>

#include <openssl/crypto.h>
#include <openssl/rand.h>

namespace cis {

namespace {
std::string to_hex(const unsigned char *data, std::size_t size) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * size);
  for (std::size_t i = 0; i < size; ++i) out += digits[data[i] >> 4], out += digits[data[i] & 15];
  return out;
}
}  // namespace

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
  if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("OpenSSL: cannot start a SHA-256 digest");
}

void Sha256::update(const void *data, std::size_t size) {
  if (EVP_DigestUpdate(ctx_.get(), data, size) != 1) throw std::runtime_error("OpenSSL: SHA-256 update failed");
}

std::string Sha256::hex() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_DigestFinal_ex(ctx_.get(), digest, &len) != 1) throw std::runtime_error("OpenSSL: SHA-256 final failed");
  return to_hex(digest, len);
}

std::string random_hex(std::size_t n_chars) {
  std::vector<unsigned char> bytes((n_chars + 1) / 2);
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
    throw std::runtime_error("no random bytes from OpenSSL");
  return to_hex(bytes.data(), bytes.size()).substr(0, n_chars);
}

bool base64_decode(const std::string &in, std::string &out) {
  out.clear();
  // EVP_DecodeBlock takes whole groups of 4 and reads '=' as zero bits anywhere: the text is
  // checked here (alphabet, at most two '=' and only at the end) and padded to whole groups.
  const std::size_t data = in.find_first_of('=') == std::string::npos ? in.size() : in.find_first_of('=');
  if (in.size() - data > 2 || in.find_first_not_of('=', data) != std::string::npos) return false;
  if (in.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") < data)
    return false;
  // A last group of one character (6 bits, not a byte) is ignored, as it always was (and as
  // Ruby's Base64.decode64 does).
  const std::size_t whole = data % 4 == 1 ? data - 1 : data;
  const std::size_t pad = (4 - whole % 4) % 4;
  const std::string groups = in.substr(0, whole) + std::string(pad, '=');
  std::vector<unsigned char> bytes(groups.size() / 4 * 3 + 1);
  const int n = EVP_DecodeBlock(bytes.data(), reinterpret_cast<const unsigned char *>(groups.data()),
                                static_cast<int>(groups.size()));
  if (n < 0) return false;
  out.assign(reinterpret_cast<const char *>(bytes.data()), static_cast<std::size_t>(n) - pad);
  return true;
}

bool constant_time_equals(const std::string &a, const std::string &b) {
  const bool same_size = a.size() == b.size();
  // Of another length, `a` is compared with itself: the time still depends on a's length only.
  const bool equal = CRYPTO_memcmp(a.data(), (same_size ? b : a).data(), a.size()) == 0;
  return equal && same_size;
}

}  // namespace cis
