// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// File names made from clients' text, and directories.
#pragma once
#include <cstdio>
#include <memory>
#include <string>

namespace cis {

// The last part of a path (after its last '/' or '\') without control characters (bytes below
// 0x20, DEL): what a file name made from a client's text starts from. The HTTP side's
// safe_file_name() (uploads) and the download's file name build on it, each with utf8_tail().
inline std::string file_name_part(const std::string &path) {
  std::string out;
  for (char c : path.substr(path.find_last_of("/\\") + 1))
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
  return out;
}
constexpr std::size_t kMaxFileNameBytes = 200;  // the tail kept of a longer name

struct FileCloser {
  void operator()(std::FILE *f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// A file name safe to create under a directory (an upload's): file_name_part(), spaces -> '_',
// "upload" when nothing is left, its last kMaxFileNameBytes at most.
std::string safe_file_name(const std::string &name);
bool make_dirs(const std::string &path);        // mkdir -p
void remove_tree(const std::string &path);      // rm -rf, ignoring errors

}  // namespace cis
