// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// File names made from clients' text, and directories.
#pragma once
#include <cstdio>
#include <memory>
#include <string>

namespace cis {

constexpr std::size_t kMaxFileNameBytes = 200;  // the tail kept of a longer name

struct FileCloser {
  void operator()(std::FILE *f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

// A file name made from a client's text (an upload's name, a download's Content-Disposition or
// URL), safe to create under a directory: the last part of the path (after its last '/' or '\')
// without control characters (bytes below 0x20, DEL) and surrounding spaces, its last
// kMaxFileNameBytes at most (on a character boundary); "" when nothing, "." or ".." is left.
std::string safe_file_name(const std::string &name);
bool make_dirs(const std::string &path);        // mkdir -p
void remove_tree(const std::string &path);      // rm -rf, ignoring errors

}  // namespace cis
