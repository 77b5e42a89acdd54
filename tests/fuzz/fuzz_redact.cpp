// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Redaction: a key placed anywhere in any text never survives redact() nor redact_secrets().
// Input: 1 byte of key length, the key (printable ASCII), 3 bytes of insertion points, and the
// surrounding text.
#include "core/redact.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size) {
  if (size < 4) return 0;
  const size_t klen = 8 + data[0] % 41;  // 8..48, like real keys (40 hex digits)
  if (size < 1 + klen + 3) return 0;
  std::string key(reinterpret_cast<const char *>(data) + 1, klen);
  for (char &ch : key) ch = static_cast<char>(0x21 + static_cast<unsigned char>(ch) % 94);
  if (std::string("[REDACTED]").find(key) != std::string::npos) return 0;  // the mask itself
  const unsigned char *at = data + 1 + klen;
  std::string text(reinterpret_cast<const char *>(at) + 3, size - 1 - klen - 3);
  for (int i = 0; i < 3; ++i) {  // up to three copies of the key, anywhere
    if (at[i] & 1) continue;
    const size_t pos = text.empty() ? 0 : (at[i] * 131u) % (text.size() + 1);
    text.insert(pos, key);
  }
  const std::string once = carto::redact(text, key);
  if (once.find(key) != std::string::npos) fuzz::violated("redact() left the key", key + " in " + once);
  carto::register_secret(&key, key);
  const std::string all = carto::redact_secrets(text);
  carto::forget_secrets(&key);
  if (all.find(key) != std::string::npos)
    fuzz::violated("redact_secrets() left the key", key + " in " + all);
  return 0;
}
