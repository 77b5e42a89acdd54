// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Upload streaming of POST /api/v1/imports: a multipart file part or a raw body goes to disk as
// it arrives, every other part or body becomes request parameters.
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include <httplib.h>

#include "common/config.hpp"
#include "http/request.hpp"

namespace cis {

struct Upload {
  std::string dir;        // DATA/jobs/<id>/upload
  std::string path, name; // the stored file, once there is one
  std::int64_t body_bytes = 0;
  bool too_big = false, io_error = false, unauthorized = false;
  std::string too_long;   // a form field over --max-field-bytes: the 400's message
};

// Reads the request body: file parts and raw uploads stream to disk, everything else becomes
// parameters. A file part is only stored once `authorized` accepts the fields read before it
// (else up.unauthorized). Returns false when the body could not be read completely.
bool read_body(const Config &cfg, const httplib::Request &req, const httplib::ContentReader &reader,
               Params &params, Upload &up, const std::function<bool(const Params &)> &authorized);

}  // namespace cis
