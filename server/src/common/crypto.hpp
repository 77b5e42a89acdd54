// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Cryptography, all of it OpenSSL's libcrypto (which cpp-httplib links for TLS anyway): SHA-256
// (the checksum of downloaded files and of the rows read from a database), random bytes (ids
// and tokens), base64 (Basic auth) and the comparison of secrets.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include <openssl/evp.h>

namespace cis {

class Sha256 {
 public:
  Sha256();
  void update(const void *data, std::size_t size);
  std::string hex();  // finishes the digest; the object is spent afterwards

 private:
  struct CtxFree {
    void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); }
  };
  std::unique_ptr<EVP_MD_CTX, CtxFree> ctx_;
};

// `n_chars` lowercase hex digits from OpenSSL's CSPRNG (RAND_bytes): ids and auth tokens must
// not be predictable from earlier ones.
std::string random_hex(std::size_t n_chars);

// Standard base64 (RFC 4648 alphabet, '=' padding optional): false on any other character, on
// data after the padding or on more than two '='.
bool base64_decode(const std::string &in, std::string &out);

// a == b in a time that depends on a's length only (CRYPTO_memcmp): `a` is the client's text,
// `b` the secret.
bool constant_time_equals(const std::string &a, const std::string &b);

}  // namespace cis
