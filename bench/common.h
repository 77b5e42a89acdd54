/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Shared by the benchmark programs: a client from CARTO_API_URL / CARTO_API_KEY, with optional
 * poll intervals, and a way to report a failure. */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <carto_import.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int bench_fail(const char *what) {
  const int code = carto_import_last_error_code();
  fprintf(stderr, "%s failed: %s (%d), CARTO error %d: %s\n", what, carto_import_strerror(code),
          code, carto_import_last_error_remote_code(), carto_import_last_error_message());
  return 1;
}

/* BENCH_COMPRESSION=auto|gzip|none picks the upload compression (default: the library's). */
static int bench_compression(carto_import_options *opts) {
  const char *mode = getenv("BENCH_COMPRESSION");
  if (!mode) return 0;
  const int value = strcmp(mode, "gzip") == 0   ? CARTO_IMPORT_COMPRESSION_GZIP
                    : strcmp(mode, "none") == 0 ? CARTO_IMPORT_COMPRESSION_NONE
                    : strcmp(mode, "auto") == 0 ? CARTO_IMPORT_COMPRESSION_AUTO
                                                : -1;
  if (value < 0) {
    fprintf(stderr, "BENCH_COMPRESSION=%s: auto, gzip or none\n", mode);
    return -1;
  }
  return carto_import_options_set_upload_compression(opts, value);
}

/* poll_initial_ms <= 0 keeps the library's default polling. */
static carto_import_client *bench_client(long poll_initial_ms, long poll_max_ms) {
  const char *url = getenv("CARTO_API_URL"), *key = getenv("CARTO_API_KEY");
  carto_import_options *opts = NULL;
  carto_import_client *client = NULL;
  if (!url || !key) {
    fprintf(stderr, "set CARTO_API_URL and CARTO_API_KEY\n");
    return NULL;
  }
  if (carto_import_options_new(&opts) != 0 || carto_import_options_set_base_url(opts, url) != 0 ||
      carto_import_options_set_api_key(opts, key) != 0 || bench_compression(opts) != 0 ||
      (poll_initial_ms > 0 &&
       carto_import_options_set_poll_interval_ms(opts, poll_initial_ms, poll_max_ms) != 0) ||
      carto_import_client_new(&client, opts) != 0)
    bench_fail("creating the client");
  carto_import_options_free(opts);
  return client;
}

#endif
