// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Small string and file helpers shared by the engine's .cpp files.
#pragma once

#include <cctype>
#include <cstdio>
#include <memory>
#include <string>

namespace cis {

inline std::string lower(std::string s) {
  for (char &c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Without leading and trailing spaces, tabs and line breaks.
inline std::string trim(const std::string &s) {
  std::size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

struct FileCloser {
  void operator()(std::FILE *f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

}  // namespace cis
