// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "http/upload.hpp"

#include <algorithm>
#include <cstdio>

#include "common/files.hpp"

namespace cis {

namespace {
constexpr std::size_t kMaxParamsBody = 32 << 20;  // a JSON or form body (413 beyond)

// An upload's stored name, which is also its job's display_name: safe_file_name() with spaces
// as '_' (as CARTO's uploader stores it), "upload" when nothing is left.
std::string upload_file_name(std::string name) {
  std::replace(name.begin(), name.end(), ' ', '_');
  std::string safe = safe_file_name(name);
  return safe.empty() ? "upload" : safe;
}
}  // namespace

bool read_body(const Config &cfg, const httplib::Request &req, const httplib::ContentReader &reader,
               Params &params, Upload &up, const std::function<bool(const Params &)> &authorized) {
  const auto limit = cfg.max_upload_bytes;
  File out;
  auto open_file = [&](const std::string &name) {
    make_dirs(up.dir);
    up.name = upload_file_name(name);
    up.path = up.dir + "/" + up.name;
    out.reset(std::fopen(up.path.c_str(), "wb"));
    if (!out) up.io_error = true;
    return static_cast<bool>(out);
  };
  auto count = [&](std::size_t n) {
    up.body_bytes += static_cast<std::int64_t>(n);
    if (up.body_bytes > limit) up.too_big = true;
    return !up.too_big;
  };

  if (req.is_multipart_form_data()) {
    enum class Part { None, Stored, Field, Skip } part = Part::None;
    std::string field_name, field_value;
    auto flush_field = [&] {
      if (part == Part::Field) params.set_string(field_name, field_value);
      field_value.clear();
    };
    bool ok = reader(
        [&](const httplib::MultipartFormData &h) {
          flush_field();
          out.reset();
          bool is_file = (h.name == "file") || (h.name == "filename" && !h.filename.empty());
          if (is_file && up.path.empty()) {
            if (!authorized(params)) {
              up.unauthorized = true;
              return false;
            }
            part = open_file(h.filename.empty() ? "upload" : h.filename) ? Part::Stored : Part::Skip;
            return !up.io_error;
          }
          if (is_file || h.name.empty() || !h.filename.empty()) {
            part = Part::Skip;  // a second file, or an unnamed part: ignored
          } else {
            part = Part::Field;
            field_name = h.name;
          }
          return true;
        },
        [&](const char *data, std::size_t n) {
          if (!count(n)) return false;
          if (part == Part::Stored) {
            if (std::fwrite(data, 1, n, out.get()) != n) {
              up.io_error = true;
              return false;
            }
          } else if (part == Part::Field) {
            if (static_cast<std::int64_t>(field_value.size() + n) > cfg.max_field_bytes) {
              up.too_long = too_long_message(field_name, cfg.max_field_bytes);
              return false;
            }
            field_value.append(data, n);
          }
          return true;
        });
    flush_field();
    if (out && std::fflush(out.get()) != 0) up.io_error = true;
    return ok && !up.too_big && !up.io_error;
  }

  std::string ct = req.get_header_value("Content-Type");
  if (auto raw_name = query_value(req, "filename")) {  // raw body upload: POST ...?filename=name
    if (!open_file(*raw_name)) return false;
    bool ok = reader([&](const char *data, std::size_t n) {
      if (!count(n)) return false;
      if (std::fwrite(data, 1, n, out.get()) != n) {
        up.io_error = true;
        return false;
      }
      return true;
    });
    if (std::fflush(out.get()) != 0) up.io_error = true;
    return ok && !up.too_big && !up.io_error;
  }
  bool wanted = is_json_content_type(ct) || is_form_content_type(ct);
  std::string body;
  bool ok = reader([&](const char *data, std::size_t n) {
    if (!count(n)) return false;
    if (!wanted) return true;  // unknown body type: read and ignore
    if (body.size() + n > kMaxParamsBody) {
      up.too_big = true;
      return false;
    }
    body.append(data, n);
    return true;
  });
  if (ok && wanted) params.merge_body(ct, body);
  return ok && !up.too_big;
}

}  // namespace cis
