// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
#include "core/error.hpp"

#include "carto_import.h"
#include "core/redact.hpp"

namespace carto {

const char *strerror_text(int code) noexcept {
  switch (code) {
    case CARTO_IMPORT_OK: return "success";
    case CARTO_IMPORT_ERROR: return "unspecified error";
    case CARTO_IMPORT_EINVAL: return "invalid argument";
    case CARTO_IMPORT_ENOMEM: return "out of memory";
    case CARTO_IMPORT_EBADHANDLE: return "invalid, freed or wrong-type handle";
    case CARTO_IMPORT_EIO: return "local file cannot be read";
    case CARTO_IMPORT_EINSECURE: return "refused to send the API key over plain http";
    case CARTO_IMPORT_ENETWORK: return "network error";
    case CARTO_IMPORT_ETIMEDOUT: return "timed out";
    case CARTO_IMPORT_ETLS: return "TLS error";
    case CARTO_IMPORT_EHTTP: return "unexpected HTTP status";
    case CARTO_IMPORT_EAUTH: return "authentication failed";
    case CARTO_IMPORT_EFORBIDDEN: return "forbidden";
    case CARTO_IMPORT_ENOTFOUND: return "not found";
    case CARTO_IMPORT_ERATELIMIT: return "rate limited";
    case CARTO_IMPORT_EBADREQUEST: return "request rejected by the server";
    case CARTO_IMPORT_ESERVER: return "server error";
    case CARTO_IMPORT_EPROTOCOL: return "protocol error";
    case CARTO_IMPORT_EREMOTE: return "remote operation failed";
    case CARTO_IMPORT_EINUSE: return "object in use";
    case CARTO_IMPORT_ECANCELED: return "canceled";
    case CARTO_IMPORT_EINTERNAL: return "internal error";
    default: return "unknown error";
  }
}

namespace {
thread_local ErrorInfo tls_last;
}

void set_last_error(ErrorInfo info) noexcept {
  try {
    info.message = redact_secrets(info.message);
    info.title = redact_secrets(info.title);
    info.explanation = redact_secrets(info.explanation);
    info.source = redact_secrets(info.source);
    tls_last = std::move(info);
  } catch (...) {  // out of memory while redacting: keep the code, drop the text
    tls_last = ErrorInfo{};
    tls_last.code = info.code;
  }
}

const ErrorInfo &last_error() noexcept { return tls_last; }

void clear_last_error() noexcept { tls_last = ErrorInfo{}; }

}  // namespace carto
