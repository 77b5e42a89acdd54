// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// SHA-256 (FIPS 180-4), for the checksum of downloaded files: small enough to keep the server
// free of a crypto library dependency.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace cis {

class Sha256 {
 public:
  Sha256();
  void update(const void *data, std::size_t size);
  std::string hex();  // finishes the digest; the object is spent afterwards

 private:
  void block(const std::uint8_t *p);
  std::uint32_t h_[8];
  std::uint8_t buf_[64];
  std::size_t used_ = 0;
  std::uint64_t bits_ = 0;
};

}  // namespace cis
