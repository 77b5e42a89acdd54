// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Version, global initialisation and the last-error record.
#include "capi/guard.hpp"
#include "core/global.hpp"

using namespace carto;

extern "C" {

const char *carto_import_version(void) { return CARTO_IMPORT_VERSION_STRING; }

unsigned int carto_import_version_num(void) { return CARTO_IMPORT_VERSION_NUM; }

carto_import_status carto_import_global_init(void) { return capi::guard([] { global_init(); }); }

void carto_import_global_cleanup(void) {}  // libcurl stays initialised: see core/global.hpp

const char *carto_import_strerror(int code) { return strerror_text(code); }

int carto_import_last_error_code(void) { return last_error().code; }

const char *carto_import_last_error_message(void) { return last_error().message.c_str(); }

int carto_import_last_error_http_status(void) { return last_error().http_status; }

int carto_import_last_error_remote_code(void) { return last_error().remote_code; }

const char *carto_import_last_error_remote_title(void) {
  return last_error().has_title ? last_error().title.c_str() : nullptr;
}

const char *carto_import_last_error_remote_explanation(void) {
  return last_error().has_explanation ? last_error().explanation.c_str() : nullptr;
}

const char *carto_import_last_error_remote_source(void) {
  return last_error().has_source ? last_error().source.c_str() : nullptr;
}

long carto_import_last_error_retry_after(void) { return last_error().retry_after; }

int carto_import_last_error_rate_limit(long *limit, long *remaining, long *reset) {
  return capi::read_rate_limit(last_error(), limit, remaining, reset);
}

void carto_import_last_error_clear(void) { clear_last_error(); }

}  // extern "C"
