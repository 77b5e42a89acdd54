// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// carto_import_options: typed setters that validate at once.
#include "capi/guard.hpp"
#include "core/options.hpp"
#include "core/redact.hpp"

using namespace carto;

struct carto_import_options {
  Options opts;
};

namespace {

Options &opts_of(carto_import_options *o) {
  return capi::checked(o, capi::Kind::options, "options")->opts;
}

void require_printable(const char *s, const char *what) {
  for (const unsigned char *p = reinterpret_cast<const unsigned char *>(s); *p; ++p)
    if (*p < 0x20 || *p == 0x7f)
      throw Error(CARTO_IMPORT_EINVAL, std::string(what) + " contains control characters");
}

}  // namespace

extern "C" {

carto_import_status carto_import_options_new(carto_import_options **out) {
  return capi::guard([&] { capi::make_handle(out, capi::Kind::options); });
}

void carto_import_options_free(carto_import_options *opts) {
  capi::free_handle(opts, capi::Kind::options);
}

carto_import_status carto_import_options_set_base_url(carto_import_options *o, const char *url) {
  return capi::guard([&] {
    Options &opts = opts_of(o);
    capi::require(url, "url");
    opts.base = parse_base_url(url);
    opts.has_base_url = true;
  });
}

carto_import_status carto_import_options_set_api_key(carto_import_options *o, const char *key) {
  return capi::guard([&] {
    Options &opts = opts_of(o);
    if (!key) {
      wipe(opts.api_key);
      return;
    }
    if (!*key) throw Error(CARTO_IMPORT_EINVAL, "the API key is empty");
    require_printable(key, "the API key");
    wipe(opts.api_key);
    opts.api_key = key;
  });
}

carto_import_status carto_import_options_set_auth_mode(carto_import_options *o, int mode) {
  return capi::guard([&] {
    Options &opts = opts_of(o);
    if (mode != CARTO_IMPORT_AUTH_BASIC && mode != CARTO_IMPORT_AUTH_QUERY)
      throw Error(CARTO_IMPORT_EINVAL, "unknown auth mode " + std::to_string(mode) +
                                           "; use CARTO_IMPORT_AUTH_BASIC or _QUERY");
    opts.auth = static_cast<AuthMode>(mode);
  });
}

carto_import_status carto_import_options_set_verify_tls(carto_import_options *o, int verify) {
  return capi::guard([&] { opts_of(o).verify_tls = verify != 0; });
}

carto_import_status carto_import_options_set_ca_bundle(carto_import_options *o, const char *path) {
  return capi::guard([&] {
    Options &opts = opts_of(o);
    if (path && !*path) throw Error(CARTO_IMPORT_EINVAL, "the CA bundle path is empty");
    opts.ca_bundle = path ? path : "";
  });
}

carto_import_status carto_import_options_set_allow_insecure_http(carto_import_options *o,
                                                                 int allow) {
  return capi::guard([&] { opts_of(o).allow_insecure_http = allow != 0; });
}

carto_import_status carto_import_options_set_connect_timeout_ms(carto_import_options *o, long ms) {
  return capi::guard([&] {
    Options &opts = opts_of(o);
    if (ms <= 0) throw Error(CARTO_IMPORT_EINVAL, "the connect timeout must be > 0 ms");
    opts.connect_timeout_ms = ms;
  });
}

carto_import_status carto_import_options_set_request_timeout_ms(carto_import_options *o, long ms) {
  return capi::guard([&] {
    Options &opts = opts_of(o);
    if (ms < 0) throw Error(CARTO_IMPORT_EINVAL, "the request timeout must be >= 0 ms");
    opts.request_timeout_ms = ms;
  });
}

carto_import_status carto_import_options_set_call_timeout_ms(carto_import_options *o, long ms) {
  return capi::guard([&] {
    Options &opts = opts_of(o);
    if (ms < 0) throw Error(CARTO_IMPORT_EINVAL, "the call timeout must be >= 0 ms");
    opts.call_timeout_ms = ms;
  });
}

carto_import_status carto_import_options_set_max_list_entries(carto_import_options *o,
                                                            long long entries) {
  return capi::guard([&] {
    Options &opts = opts_of(o);
    if (entries < 1) throw Error(CARTO_IMPORT_EINVAL, "the listing limit must be >= 1");
    opts.max_list_entries = entries;
  });
}

carto_import_status carto_import_options_set_low_speed(carto_import_options *o,
                                                      long bytes_per_second, long seconds) {
  return capi::guard([&] {
    Options &opts = opts_of(o);
    if (bytes_per_second < 0 || seconds < 0)
      throw Error(CARTO_IMPORT_EINVAL, "stall detection values must be >= 0");
    opts.low_speed_bytes = bytes_per_second;
    opts.low_speed_seconds = seconds;
  });
}

carto_import_status carto_import_options_set_user_agent_suffix(carto_import_options *o,
                                                             const char *suffix) {
  return capi::guard([&] {
    Options &opts = opts_of(o);
    if (suffix) require_printable(suffix, "the user-agent suffix");
    opts.user_agent_suffix = suffix ? suffix : "";
  });
}

carto_import_status carto_import_options_set_retry(carto_import_options *o, int max_attempts,
                                                 long base_backoff_ms, long max_backoff_ms) {
  return capi::guard([&] {
    Options &opts = opts_of(o);
    if (max_attempts < 1 || max_attempts > 20)
      throw Error(CARTO_IMPORT_EINVAL, "max_attempts must be between 1 and 20");
    if (base_backoff_ms <= 0 || max_backoff_ms < base_backoff_ms)
      throw Error(CARTO_IMPORT_EINVAL,
                  "backoff must satisfy 0 < base_backoff_ms <= max_backoff_ms");
    opts.retry = RetryPolicy{max_attempts, base_backoff_ms, max_backoff_ms};
  });
}

}  // extern "C"

// For the client shim: the options behind a handle.
const Options &carto_options_of(const carto_import_options *o) {
  return capi::checked(o, capi::Kind::options, "options")->opts;
}

extern "C" carto_import_status carto_import_options_set_poll_interval_ms(carto_import_options *o,
                                                                       long initial_ms,
                                                                       long max_ms) {
  return capi::guard([&] {
    Options &opts = opts_of(o);
    if (initial_ms <= 0 || max_ms < initial_ms)
      throw Error(CARTO_IMPORT_EINVAL, "poll intervals must satisfy 0 < initial_ms <= max_ms");
    opts.poll_initial_ms = initial_ms;
    opts.poll_max_ms = max_ms;
  });
}

extern "C" carto_import_status carto_import_options_set_debug_callback(
    carto_import_options *o, carto_import_debug_cb callback, void *userdata) {
  return capi::guard([&] {
    Options &opts = opts_of(o);
    opts.debug = callback;
    opts.debug_userdata = callback ? userdata : nullptr;
  });
}

extern "C" carto_import_status carto_import_options_set_upload_compression(carto_import_options *o,
                                                                         int mode) {
  return capi::guard([&] {
    Options &opts = opts_of(o);
    if (mode != CARTO_IMPORT_COMPRESSION_AUTO && mode != CARTO_IMPORT_COMPRESSION_GZIP &&
        mode != CARTO_IMPORT_COMPRESSION_NONE)
      throw Error(CARTO_IMPORT_EINVAL, "unknown upload compression " + std::to_string(mode) +
                                           "; use CARTO_IMPORT_COMPRESSION_AUTO, _GZIP or _NONE");
    opts.upload_compression = mode;
  });
}
