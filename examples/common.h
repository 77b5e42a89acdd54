/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Shared by the examples: a client from CARTO_API_URL and CARTO_API_KEY (the variables the
 * official SDK's examples use), and one way to report a failure. */
#ifndef EXAMPLES_COMMON_H
#define EXAMPLES_COMMON_H

#include <carto_import.h>
#include <stdio.h>
#include <stdlib.h>

/* Prints the last error (code, CARTO error code, message) and returns 1. */
static int report_failure(const char *what) {
  const int code = carto_import_last_error_code();
  fprintf(stderr, "%s failed: %s (%d)", what, carto_import_strerror(code), code);
  if (carto_import_last_error_remote_code())
    fprintf(stderr, ", CARTO error %d", carto_import_last_error_remote_code());
  fprintf(stderr, "\n  %s\n", carto_import_last_error_message());
  return 1;
}

/* The arguments of the sync examples, URL [SYNC_TIME_SECONDS]: 1 with *sync_time set (by default
 * the minimum, 900 s), or 0 after printing the usage. */
static inline int sync_args(int argc, char **argv, long *sync_time) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s URL [SYNC_TIME_SECONDS]\n", argv[0]);
    return 0;
  }
  *sync_time = argc > 2 ? atol(argv[2]) : CARTO_IMPORT_SYNC_MIN_INTERVAL;
  return 1;
}

/* A client for the account in the environment, or NULL (after printing why). */
static carto_import_client *client_from_env(void) {
  const char *url = getenv("CARTO_API_URL"), *key = getenv("CARTO_API_KEY");
  carto_import_options *opts = NULL;
  carto_import_client *client = NULL;
  if (!url || !key) {
    fprintf(stderr, "set CARTO_API_URL (e.g. https://USER.carto.com/) and CARTO_API_KEY\n");
    return NULL;
  }
  if (carto_import_options_new(&opts) != 0 || carto_import_options_set_base_url(opts, url) != 0 ||
      carto_import_options_set_api_key(opts, key) != 0 ||
      carto_import_client_new(&client, opts) != 0)
    report_failure("creating the client");
  carto_import_options_free(opts);
  return client;
}

#endif
