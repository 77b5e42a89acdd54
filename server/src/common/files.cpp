// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "common/files.hpp"

#include <filesystem>
#include <system_error>

#include "common/text.hpp"

namespace cis {

std::string safe_file_name(const std::string &name) {
  std::string part;
  for (char c : name.substr(name.find_last_of("/\\") + 1))
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) part += c;
  part = utf8_tail(trim(part), kMaxFileNameBytes);
  return part == "." || part == ".." ? "" : part;
}

bool make_dirs(const std::string &path) {
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  return !ec && std::filesystem::is_directory(path, ec);
}

void remove_tree(const std::string &path) {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

}  // namespace cis
