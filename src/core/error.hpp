// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The error model of the core: carto::Error carries everything the C API's thread-local
// last-error record exposes. The C shim turns it into a status code and that record.
#pragma once

#include <exception>
#include <string>

namespace carto {

struct ErrorInfo {
  int code = 0;                    // a carto_import_error_code
  std::string message;             // what happened and what to do next (redacted)
  int http_status = 0;             // 0 when no reply was involved
  int remote_code = 0;             // CARTO error code (PROTOCOL §2.5), 0 when none
  std::string title, explanation, source;  // from the server; empty when absent
  bool has_title = false, has_explanation = false, has_source = false;
  long retry_after = -1;           // seconds, -1 when absent
  long rate_limit = -1, rate_remaining = -1, rate_reset = -1;
  std::string job_id;              // the import job the failure concerns; empty when none

  void set_title(std::string t) { title = std::move(t); has_title = true; }
  void set_explanation(std::string t) { explanation = std::move(t); has_explanation = true; }
  void set_source(std::string t) { source = std::move(t); has_source = true; }
};

class Error : public std::exception {
 public:
  explicit Error(ErrorInfo info) : info_(std::move(info)) {}
  Error(int code, std::string message) { info_.code = code; info_.message = std::move(message); }
  const ErrorInfo &info() const noexcept { return info_; }
  ErrorInfo &info() noexcept { return info_; }
  int code() const noexcept { return info_.code; }
  const char *what() const noexcept override { return info_.message.c_str(); }

 private:
  ErrorInfo info_;
};

// The fixed description of a status code (carto_import_strerror).
const char *strerror_text(int code) noexcept;

// The calling thread's last-error record. Setting it redacts every registered secret.
void set_last_error(ErrorInfo info) noexcept;
const ErrorInfo &last_error() noexcept;
void clear_last_error() noexcept;

}  // namespace carto
