// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Unpacking uploads with libarchive, with the limits that stop zip bombs and path tricks.
#include <archive.h>
#include <archive_entry.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "common/carto_codes.hpp"
#include "common/files.hpp"
#include "importer/engine.hpp"

namespace cis {
namespace {

namespace fs = std::filesystem;

struct ArchiveCloser {
  void operator()(archive *a) const { archive_read_free(a); }
};

// A relative path with no "..", no empty or "." components; '\' counts as a separator too.
bool safe_relative_path(const std::string &path) {
  if (path.empty() || path[0] == '/' || path[0] == '\\') return false;
  if (path.size() > 1 && path[1] == ':') return false;  // C:...
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find_first_of("/\\", start);
    if (end == std::string::npos) end = path.size();
    std::string part = path.substr(start, end - start);
    if (part == "..") return false;
    start = end + 1;
  }
  return true;
}

std::string error_of(archive *a) {
  const char *msg = archive_error_string(a);
  return msg ? msg : "unknown error";
}

UnpackResult fail(int code, std::string detail) {
  UnpackResult r;
  r.error_code = code;
  r.detail = std::move(detail);
  return r;
}

}  // namespace

UnpackResult unpack_archive(const std::string &archive_path, const std::string &dest_dir,
                            const std::string &single_name, const Limits &limits,
                            bool lone_file) {
  std::unique_ptr<archive, ArchiveCloser> a(archive_read_new());
  if (!a) return fail(carto::kDecompressionError, "libarchive: out of memory");
  archive_read_support_filter_all(a.get());
  if (lone_file)
    archive_read_support_format_empty(a.get());  // .gz of nothing
  else
    archive_read_support_format_all(a.get());
  archive_read_support_format_raw(a.get());  // a lone .gz/.bz2 file; bids lowest
  if (archive_read_open_filename(a.get(), archive_path.c_str(), 1 << 16) != ARCHIVE_OK)
    return fail(carto::kDecompressionError, std::string("cannot open archive: ") + error_of(a.get()));

  std::int64_t total = 0, entries = 0;
  std::error_code ec;
  archive_entry *entry = nullptr;
  std::vector<char> buf(1 << 16);
  for (;;) {
    int rc = archive_read_next_header(a.get(), &entry);
    if (rc == ARCHIVE_EOF) break;
    if (rc < ARCHIVE_WARN) {
      if (archive_read_has_encrypted_entries(a.get()) > 0)
        return fail(carto::kPasswordProtectedFile, "the archive is encrypted");
      return fail(carto::kDecompressionError, std::string("corrupt archive: ") + error_of(a.get()));
    }
    bool raw = archive_format(a.get()) == ARCHIVE_FORMAT_RAW;
    // "Raw" accepts any bytes: only a real compression filter makes it a compressed file.
    if (raw && archive_filter_count(a.get()) < 2)
      return fail(carto::kDecompressionError, "not an archive nor a compressed file");
    if (++entries > limits.max_archive_entries)
      return fail(carto::kDecompressionError, "the archive has more than " + std::to_string(limits.max_archive_entries) +
                            " entries");
    if (archive_entry_is_encrypted(entry)) return fail(carto::kPasswordProtectedFile, "the archive is encrypted");

    const char *p = archive_entry_pathname_utf8(entry);
    if (!p) p = archive_entry_pathname(entry);
    std::string rel = raw ? single_name : (p ? p : "");
    if (!safe_relative_path(rel)) return fail(carto::kDecompressionError, "unsafe path in archive: " + rel);
    fs::path out = fs::path(dest_dir) / rel;
    mode_t type = archive_entry_filetype(entry);
    if (type == AE_IFDIR) {
      fs::create_directories(out, ec);
      continue;
    }
    if (type != AE_IFREG && !raw) continue;  // links, devices...: never materialised
    fs::create_directories(out.parent_path(), ec);
    File f(std::fopen(out.c_str(), "wb"));
    if (!f) return fail(carto::kDecompressionError, "cannot write " + out.string());
    std::int64_t size = 0;
    for (;;) {
      la_ssize_t n = archive_read_data(a.get(), buf.data(), buf.size());
      if (n == 0) break;
      if (n < 0) {
        if (archive_entry_is_encrypted(entry) || archive_read_has_encrypted_entries(a.get()) > 0)
          return fail(carto::kPasswordProtectedFile, "the archive is encrypted");
        return fail(carto::kDecompressionError, std::string("corrupt archive: ") + error_of(a.get()));
      }
      size += n;
      total += n;
      if (total > limits.max_unpacked_bytes)
        return fail(carto::kDecompressionError, "the archive unpacks to more than " +
                              std::to_string(limits.max_unpacked_bytes) + " bytes");
      if (size > limits.max_file_size)
        return fail(carto::kDatasetTooBig, rel + " is larger than " + std::to_string(limits.max_file_size) +
                              " bytes once unpacked");
      if (std::fwrite(buf.data(), 1, static_cast<std::size_t>(n), f.get()) !=
          static_cast<std::size_t>(n))
        return fail(carto::kDecompressionError, "cannot write " + out.string());
    }
    if (std::fflush(f.get()) != 0) return fail(carto::kDecompressionError, "cannot write " + out.string());
  }
  if (lone_file && entries == 0) {  // nothing compressed: an empty file
    File f(std::fopen((fs::path(dest_dir) / single_name).c_str(), "wb"));
    if (!f) return fail(carto::kDecompressionError, "cannot write " + single_name);
  }
  return {};
}

}  // namespace cis
