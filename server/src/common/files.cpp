// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "common/files.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "common/text.hpp"

namespace cis {

std::string safe_file_name(const std::string &name) {
  std::string out = file_name_part(name);
  std::replace(out.begin(), out.end(), ' ', '_');
  if (out.empty() || out == "." || out == "..") out = "upload";
  return utf8_tail(out, kMaxFileNameBytes);
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
