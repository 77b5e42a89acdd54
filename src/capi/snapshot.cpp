// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// carto_import_error: an owned copy of a last-error record, readable from any thread. Nothing
// here touches the thread's record, except carto_import_last_error_take(), which moves it.
#include "capi/handles.hpp"

using namespace carto;

struct carto_import_error {
  ErrorInfo info;
};

namespace carto::capi {

carto_import_status snapshot(const ErrorInfo *from, carto_import_error **out) noexcept {
  *out = nullptr;
  if (!from || from->code == 0) return CARTO_IMPORT_OK;
  try {
    make_handle(out, Kind::error, *from);
    return CARTO_IMPORT_OK;
  } catch (...) {
    return CARTO_IMPORT_ENOMEM;
  }
}

}  // namespace carto::capi

namespace {

// The snapshot's record, or an empty one for NULL and freed snapshots.
const ErrorInfo &info_of(const carto_import_error *e) noexcept {
  static const ErrorInfo none;
  return e && capi::is_live(e, capi::Kind::error) ? e->info : none;
}

const char *optional_text(bool has, const std::string &text) { return has ? text.c_str() : nullptr; }

}  // namespace

extern "C" {

carto_import_status carto_import_last_error_take(carto_import_error **out) {
  if (!out) return CARTO_IMPORT_EINVAL;
  const carto_import_status rc = capi::snapshot(&last_error(), out);
  if (rc == CARTO_IMPORT_OK) clear_last_error();
  return rc;
}

void carto_import_error_free(carto_import_error *error) {
  capi::free_handle(error, capi::Kind::error);
}

int carto_import_error_get_code(const carto_import_error *error) { return info_of(error).code; }

const char *carto_import_error_get_message(const carto_import_error *error) {
  return info_of(error).message.c_str();
}

int carto_import_error_get_http_status(const carto_import_error *error) {
  return info_of(error).http_status;
}

int carto_import_error_get_remote_code(const carto_import_error *error) {
  return info_of(error).remote_code;
}

const char *carto_import_error_get_remote_title(const carto_import_error *error) {
  const ErrorInfo &e = info_of(error);
  return optional_text(e.has_title, e.title);
}

const char *carto_import_error_get_remote_explanation(const carto_import_error *error) {
  const ErrorInfo &e = info_of(error);
  return optional_text(e.has_explanation, e.explanation);
}

const char *carto_import_error_get_remote_source(const carto_import_error *error) {
  const ErrorInfo &e = info_of(error);
  return optional_text(e.has_source, e.source);
}

long carto_import_error_get_retry_after(const carto_import_error *error) {
  return info_of(error).retry_after;
}

int carto_import_error_get_rate_limit(const carto_import_error *error, long *limit,
                                      long *remaining, long *reset) {
  return capi::read_rate_limit(info_of(error), limit, remaining, reset);
}

const char *carto_import_error_get_job_id(const carto_import_error *error) {
  const ErrorInfo &e = info_of(error);
  return optional_text(!e.job_id.empty(), e.job_id);
}

}  // extern "C"
