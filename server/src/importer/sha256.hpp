// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// SHA-256, for the checksum of downloaded files and of the rows read from a database: OpenSSL's
// (libcrypto, which the server links for its random ids and cpp-httplib for TLS anyway).
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

}  // namespace cis
