/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Support for the integration tests: each test talks to a real carto-import-server that it
 * starts itself (through tests/support/with_server.py: --port 0, a throwaway data directory),
 * drives its /_test hooks with libcurl, and uses only carto_import.h for everything else.
 *
 * Environment (set by tests/integration/CMakeLists.txt):
 *   CARTO_IMPORT_SERVER   the server binary (required)
 *   CARTO_IT_WITH_SERVER  tests/support/with_server.py, which starts it (required)
 *   CARTO_IT_PYTHON       python3, for with_server.py and to serve local files for URL imports
 *   CARTO_IT_ZIP          the zip tool, to build multi-file archives
 *   CARTO_IT_VERBOSE      if set, the server logs its requests on stderr
 */
#ifndef CARTO_IT_SUPPORT_H
#define CARTO_IT_SUPPORT_H

#include <stdio.h>
#include <sys/types.h>

/* The one account of every server started here. The key is distinctive so that a leak into an
 * error message cannot go unnoticed. */
#define IT_USER "demo"
#define IT_API_KEY "it-K3y-9f8e7d6c5b4a-s3cr3t"

/* assert_status (test_assert.h) checks every failure it sees for the API key too. */
#define TEST_ON_ERROR_STATUS() assert_no_key_in_last_error(IT_API_KEY)
#include "test_assert.h"

/* ---- servers ------------------------------------------------------------------------------ */

typedef struct it_server {
  pid_t pid;                /* its launcher (with_server.py); 0 when not running */
  pid_t server_pid;         /* the server itself */
  int port;
  int out_fd;               /* the read end of the server's stdout */
  char data_dir[256];       /* kept across restarts; removed by it_server_stop */
  char root_url[64];        /* http://127.0.0.1:PORT (https with --tls-cert) */
  char base_url[128];       /* http://127.0.0.1:PORT/user/demo/ */
  char *args[24];           /* the extra flags, kept for restarts */
  int nargs;
} it_server;

/* Starts a server with --test-hooks, --step-delay-ms 0 (unless given) and the extra flags, a
 * NULL-terminated list (NULL for none). Returns the server; fails the test if it cannot start. */
it_server *it_server_start(const char *const *extra_args);
/* Sends `sig` to the server and reaps it. The data directory stays. */
void it_server_kill(it_server *s, int sig);
/* Starts the server again on the same data directory (on a new port), with the same flags, or
 * with extra_args instead when not NULL. */
void it_server_restart(it_server *s, const char *const *extra_args);
/* Stops the server (SIGTERM, then SIGKILL), removes its data directory, frees s. NULL is ok. */
void it_server_stop(it_server *s);

/* ---- test hooks ---------------------------------------------------------------------------- */

/* Adds fault rules (a JSON object or array, see server/README.md). */
void it_fault(const it_server *s, const char *rules_json);
/* Removes every fault rule and clears the request log. */
void it_hooks_reset(const it_server *s);
/* How many logged requests have this method and a path containing path_part (and, when
 * query_part is not NULL, a query string containing it). */
int it_count_requests(const it_server *s, const char *method, const char *path_part,
                      const char *query_part);

/* ---- clients ------------------------------------------------------------------------------- */

/* Options for the server's account: fast retries (3 attempts, 20..200 ms) and fast polling
 * (20..200 ms), so that tests stay quick. The caller may change them, then use it_client_from. */
carto_import_options *it_options(const it_server *s);
/* Builds a client from opts and frees opts. */
carto_import_client *it_client_from(carto_import_options *opts);
/* it_client_from(it_options(s)). */
carto_import_client *it_client(const it_server *s);

/* ---- files ----------------------------------------------------------------------------------- */

/* A fresh temporary directory (removed by it_rm_rf). Returns a malloc'd path. */
char *it_tmpdir(void);
/* Removes a directory tree. NULL is ok. */
void it_rm_rf(const char *path);
/* Writes dir/name with the given text and returns the malloc'd path. */
char *it_write_file(const char *dir, const char *name, const char *text);
/* Writes a CSV of at least `bytes` bytes (rows of 100 bytes) at dir/name; returns the path. */
char *it_write_big_csv(const char *dir, const char *name, long long bytes);
/* A CSV with a header and `rows` rows (id, name, lat, lon). Returns a malloc'd text. */
char *it_csv_text(int rows);
/* Writes it_csv_text(rows) at dir/name; returns the malloc'd path. */
char *it_write_csv(const char *dir, const char *name, int rows);
/* Zips dir/files[0..n) (names relative to dir) into dir/zip_name; returns the zip's path. */
char *it_zip(const char *dir, const char *zip_name, const char *const *files, size_t n);

/* ---- a static file server (for URL imports) ------------------------------------------------ */

typedef struct it_files {
  pid_t pid;
  int out_fd;
  char url[64]; /* http://127.0.0.1:PORT/ */
} it_files;

/* Serves `dir` over http on a free loopback port (python3 -m http.server). */
it_files *it_files_start(const char *dir);
void it_files_stop(it_files *f);

/* ---- fixtures ------------------------------------------------------------------------------ */

/* What every test gets: its own server, a client for it, and a temporary directory. */
typedef struct it_fixture {
  it_server *srv;
  carto_import_client *client;
  char *dir;
  it_files *files; /* started on demand by the test; stopped by the teardown */
} it_fixture;

/* Setup: *state is NULL, or a NULL-terminated list of extra server flags (const char *const *);
 * it becomes an it_fixture *. Teardown frees everything, whatever the test left. */
int it_setup(void **state);
int it_teardown(void **state);

/* A test with a default server (--step-delay-ms 0), or with extra server flags. */
#define IT_TEST(f) cmocka_unit_test_setup_teardown(f, it_setup, it_teardown)
#define IT_TEST_WITH(f, flags)                                                                \
  cmocka_unit_test_prestate_setup_teardown(f, it_setup, it_teardown, (void *)(flags))

/* ---- misc ------------------------------------------------------------------------------------ */

/* now_ms(), time_scale() and under_valgrind() are test_assert.h's. */
void it_sleep_ms(long ms);

#endif /* CARTO_IT_SUPPORT_H */
