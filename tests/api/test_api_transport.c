/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* The transport through the public API, against the loopback stub: retries and backoff,
 * timeouts, servers dying mid-reply, refused connections, and one client shared by threads. */
#include <pthread.h>
#include <stdio.h>

#include "test_assert.h"
#include "stub_server.h"

#define KEY "Xk4-transport-leakcheck-31415926"
#define IMPORTS_OK "{\"imports\":[]}"

struct fixture {
  stub_server *stub;
};

/* A client of the stub: attempts in all, backoff 1..max_backoff ms, request timeout (0: none). */
static carto_import_client *make_client(stub_server *stub, int attempts, long max_backoff_ms,
                                        long request_timeout_ms) {
  carto_import_options *o = options_for(stub_base_url(stub, "demo"), KEY);
  carto_import_client *c = NULL;
  assert_ok(carto_import_options_set_retry(o, attempts, 1, max_backoff_ms));
  assert_ok(carto_import_options_set_request_timeout_ms(o, request_timeout_ms));
  assert_ok(carto_import_client_new(&c, o));
  carto_import_options_free(o);
  return c;
}

static int setup(void **state) {
  struct fixture *f = calloc(1, sizeof *f);
  if (!f) return -1;
  f->stub = stub_start();
  if (!f->stub) return -1;
  *state = f;
  return 0;
}

static int teardown(void **state) {
  struct fixture *f = *state;
  const int rc = stub_stop_checked(f->stub);
  free(f);
  return rc;
}

/* ---- retries ---------------------------------------------------------------------------- */

static void test_retry_then_success(void **state) {
  struct fixture *f = *state;
  carto_import_client *c = make_client(f->stub, 3, 5, 0);
  stub_push(f->stub, 503, NULL, NULL);
  stub_push(f->stub, 503, NULL, "{\"error\":\"busy\"}");
  stub_push(f->stub, 200, NULL, IMPORTS_OK);
  assert_ok(carto_import_client_verify(c));
  assert_int_equal(stub_request_count(f->stub), 3);
  assert_int_equal(stub_pending(f->stub), 0);
  /* Every attempt is the same request. */
  for (size_t i = 0; i < 3; ++i) {
    assert_string_equal(stub_request_method(f->stub, i), "GET");
    assert_string_equal(stub_request_path(f->stub, i), "/user/demo/api/v1/imports");
    assert_non_null(stub_request_header(f->stub, i, "Authorization"));
  }
  carto_import_client_free(c);
}

static void test_retryable_statuses(void **state) {
  struct fixture *f = *state;
  carto_import_client *c = make_client(f->stub, 5, 5, 0);
  stub_push(f->stub, 502, NULL, NULL);
  stub_push(f->stub, 504, NULL, NULL);
  stub_push(f->stub, 429, NULL, "{\"errors\":{\"imports\":\"slots\"}}");
  stub_push(f->stub, 503, NULL, NULL);
  stub_push(f->stub, 200, NULL, IMPORTS_OK);
  assert_ok(carto_import_client_verify(c));
  assert_int_equal(stub_request_count(f->stub), 5);
  carto_import_client_free(c);
}

static void test_gives_up(void **state) {
  struct fixture *f = *state;
  carto_import_client *c = make_client(f->stub, 3, 5, 0);
  for (int i = 0; i < 3; ++i) stub_push(f->stub, 503, NULL, NULL);
  stub_push(f->stub, 200, NULL, IMPORTS_OK); /* never reached */
  assert_status(carto_import_client_verify(c), CARTO_IMPORT_ESERVER);
  assert_int_equal(carto_import_last_error_http_status(), 503);
  assert_contains(carto_import_last_error_message(), "gave up after 3 attempts");
  assert_no_key_in_last_error(KEY);
  assert_int_equal(stub_request_count(f->stub), 3);
  assert_int_equal(stub_pending(f->stub), 1);
  assert_ok(carto_import_client_verify(c)); /* the client is still fine */
  carto_import_client_free(c);
}

static void test_retry_after_capped(void **state) {
  struct fixture *f = *state;
  /* Retry-After: 30 s, but max_backoff is 50 ms: the client waits 50 ms, not 30 s. */
  carto_import_client *c = make_client(f->stub, 2, 50, 0);
  stub_push(f->stub, 429, "Retry-After: 30", "{\"errors\":[\"slow down\"]}");
  stub_push(f->stub, 200, NULL, IMPORTS_OK);
  const double t0 = now_ms();
  assert_ok(carto_import_client_verify(c));
  const double elapsed = now_ms() - t0;
  assert_int_equal(stub_request_count(f->stub), 2);
  if (elapsed > 10000.0 * time_scale()) fail_msg("took %.0f ms: Retry-After not capped", elapsed);
  carto_import_client_free(c);
}

static void test_429_gives_up_with_rate_limit_details(void **state) {
  struct fixture *f = *state;
  carto_import_client *c = make_client(f->stub, 2, 5, 0);
  const char *headers = "Retry-After: 3\nCarto-Rate-Limit-Limit: 5\n"
                        "Carto-Rate-Limit-Remaining: 0\nCarto-Rate-Limit-Reset: 4";
  stub_push(f->stub, 429, headers, NULL);
  stub_push(f->stub, 429, headers, NULL);
  assert_status(carto_import_client_verify(c), CARTO_IMPORT_ERATELIMIT);
  assert_int_equal(carto_import_last_error_retry_after(), 3);
  assert_rate_limit(5, 0, 4);
  assert_contains(carto_import_last_error_message(), "gave up after 2 attempts");
  assert_no_key_in_last_error(KEY);
  assert_int_equal(stub_request_count(f->stub), 2);
  carto_import_client_free(c);
}

static void test_not_retried(void **state) {
  struct fixture *f = *state;
  carto_import_client *c = make_client(f->stub, 3, 5, 0);
  const struct {
    int status;
    int code;
  } cases[] = {{400, CARTO_IMPORT_EBADREQUEST},
               {401, CARTO_IMPORT_EAUTH},
               {403, CARTO_IMPORT_EFORBIDDEN},
               {404, CARTO_IMPORT_ENOTFOUND},
               {422, CARTO_IMPORT_EBADREQUEST},
               {500, CARTO_IMPORT_ESERVER}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    const size_t before = stub_request_count(f->stub);
    stub_push(f->stub, cases[i].status, NULL, NULL);
    stub_push(f->stub, 200, NULL, IMPORTS_OK);
    assert_status(carto_import_client_verify(c), cases[i].code);
    assert_not_contains(carto_import_last_error_message(), "gave up");
    assert_no_key_in_last_error(KEY);
    assert_int_equal(stub_request_count(f->stub), before + 1); /* one request only */
    assert_int_equal(stub_pending(f->stub), 1);
    assert_ok(carto_import_client_verify(c)); /* consumes the 200 */
  }
  carto_import_client_free(c);
}

/* ---- timeouts and broken connections ---------------------------------------------------- */

static void test_request_timeout(void **state) {
  struct fixture *f = *state;
  /* Long enough for the request to reach the stub even under valgrind. */
  const long timeout_ms = (long)(300 * time_scale());
  carto_import_client *c = make_client(f->stub, 1, 5, timeout_ms);
  stub_push_delay(f->stub, 200, NULL, IMPORTS_OK, 60000); /* cut short by stub_stop() */
  const double t0 = now_ms();
  assert_status(carto_import_client_verify(c), CARTO_IMPORT_ETIMEDOUT);
  const double elapsed = now_ms() - t0;
  if (elapsed > 5000.0 * time_scale())
    fail_msg("a %ld ms timeout took %.0f ms", timeout_ms, elapsed);
  assert_int_equal(carto_import_last_error_http_status(), 0);
  assert_contains(carto_import_last_error_message(), "GET api/v1/imports");
  assert_contains(carto_import_last_error_message(), "did not answer in time");
  assert_no_key_in_last_error(KEY);
  assert_int_equal(stub_request_count(f->stub), 1);
  carto_import_client_free(c);
}

static void test_timeout_is_retried(void **state) {
  struct fixture *f = *state;
  carto_import_client *c = make_client(f->stub, 2, 5, (long)(300 * time_scale()));
  stub_push_delay(f->stub, 200, NULL, IMPORTS_OK, 60000);
  stub_push(f->stub, 200, NULL, IMPORTS_OK);
  assert_ok(carto_import_client_verify(c));
  assert_int_equal(stub_request_count(f->stub), 2);
  carto_import_client_free(c);
}

static void test_truncated_reply(void **state) {
  struct fixture *f = *state;
  carto_import_client *once = make_client(f->stub, 1, 5, 0);
  stub_push_truncated(f->stub, 200, NULL, "{\"imports\":[\"5d1b", 4096);
  assert_status(carto_import_client_verify(once), CARTO_IMPORT_ENETWORK);
  assert_contains(carto_import_last_error_message(), "GET api/v1/imports");
  assert_no_key_in_last_error(KEY);
  carto_import_client_free(once);

  /* A GET is safe to repeat: the next attempt succeeds. */
  carto_import_client *c = make_client(f->stub, 3, 5, 0);
  stub_push_truncated(f->stub, 200, NULL, "{\"imp", 100);
  stub_push(f->stub, 200, NULL, IMPORTS_OK);
  assert_ok(carto_import_client_verify(c));
  assert_int_equal(stub_request_count(f->stub), 3);
  carto_import_client_free(c);
}

static void test_closed_before_answering(void **state) {
  struct fixture *f = *state;
  carto_import_client *once = make_client(f->stub, 1, 5, 0);
  stub_push_close(f->stub);
  assert_status(carto_import_client_verify(once), CARTO_IMPORT_ENETWORK);
  assert_int_equal(carto_import_last_error_http_status(), 0);
  assert_no_key_in_last_error(KEY);
  carto_import_client_free(once);

  carto_import_client *c = make_client(f->stub, 3, 5, 0);
  stub_push_close(f->stub);
  stub_push_close(f->stub);
  stub_push(f->stub, 200, NULL, IMPORTS_OK);
  assert_ok(carto_import_client_verify(c));
  assert_int_equal(stub_request_count(f->stub), 4);
  carto_import_client_free(c);
}

static void test_connection_refused(void **state) {
  (void)state;
  /* A port nobody listens on: start a stub, note its URL, stop it. */
  stub_server *gone = stub_start();
  assert_non_null(gone);
  char url[128];
  snprintf(url, sizeof url, "%s", stub_base_url(gone, "demo"));
  stub_stop(gone);

  carto_import_options *o = NULL;
  carto_import_client *c = NULL;
  assert_ok(carto_import_options_new(&o));
  assert_ok(carto_import_options_set_base_url(o, url));
  assert_ok(carto_import_options_set_api_key(o, KEY));
  assert_ok(carto_import_options_set_auth_mode(o, CARTO_IMPORT_AUTH_QUERY));
  assert_ok(carto_import_options_set_retry(o, 2, 1, 5));
  assert_ok(carto_import_client_new(&c, o));
  carto_import_options_free(o);

  const double t0 = now_ms();
  assert_status(carto_import_client_verify(c), CARTO_IMPORT_ENETWORK);
  const double elapsed = now_ms() - t0;
  if (elapsed > 10000.0 * time_scale()) fail_msg("a refused connection took %.0f ms", elapsed);
  assert_int_equal(carto_import_last_error_http_status(), 0);
  assert_contains(carto_import_last_error_message(), "GET api/v1/imports");
  assert_contains(carto_import_last_error_message(), "check the base URL and the network");
  assert_contains(carto_import_last_error_message(), "gave up after 2 attempts");
  assert_no_key_in_last_error(KEY);
  carto_import_client_free(c);
}

/* ---- sharing and lifetimes -------------------------------------------------------------- */

static void test_options_freed_and_changed_after_client_new(void **state) {
  struct fixture *f = *state;
  carto_import_options *o = NULL;
  carto_import_client *c = NULL;
  assert_ok(carto_import_options_new(&o));
  assert_ok(carto_import_options_set_base_url(o, stub_base_url(f->stub, "demo")));
  assert_ok(carto_import_options_set_api_key(o, KEY));
  assert_ok(carto_import_options_set_user_agent_suffix(o, "first/1"));
  assert_ok(carto_import_client_new(&c, o));
  /* Changing the options afterwards does not change the client... */
  assert_ok(carto_import_options_set_base_url(o, "https://other.carto.com/"));
  assert_ok(carto_import_options_set_api_key(o, "another-key"));
  assert_ok(carto_import_options_set_user_agent_suffix(o, "second/2"));
  /* ...nor does freeing them. */
  carto_import_options_free(o);
  stub_push(f->stub, 200, NULL, IMPORTS_OK);
  assert_ok(carto_import_client_verify(c));
  assert_string_equal(carto_import_client_username(c), "demo");
  assert_string_equal(stub_request_path(f->stub, 0), "/user/demo/api/v1/imports");
  assert_contains(stub_request_header(f->stub, 0, "User-Agent"), "first/1");
  carto_import_client_free(c);
}

#define THREADS 4
#define CALLS 20

struct worker {
  carto_import_client *client;
  int failures;
  int first_failure;
  char message[256];
};

static void *verify_many(void *arg) {
  struct worker *w = arg;
  for (int i = 0; i < CALLS; ++i) {
    const int rc = carto_import_client_verify(w->client);
    if (rc != 0 && w->failures++ == 0) {
      w->first_failure = rc;
      snprintf(w->message, sizeof w->message, "%s", carto_import_last_error_message());
    }
  }
  return NULL;
}

static void test_threads_share_a_client(void **state) {
  struct fixture *f = *state;
  carto_import_client *c = make_client(f->stub, 3, 5, 0);
  for (int i = 0; i < THREADS * CALLS; ++i) stub_push(f->stub, 200, NULL, IMPORTS_OK);
  struct worker workers[THREADS];
  pthread_t threads[THREADS];
  memset(workers, 0, sizeof workers);
  for (int i = 0; i < THREADS; ++i) {
    workers[i].client = c;
    assert_int_equal(pthread_create(&threads[i], NULL, verify_many, &workers[i]), 0);
  }
  for (int i = 0; i < THREADS; ++i) assert_int_equal(pthread_join(threads[i], NULL), 0);
  for (int i = 0; i < THREADS; ++i)
    if (workers[i].failures)
      fail_msg("thread %d: %d failures, first %d: %s", i, workers[i].failures,
               workers[i].first_failure, workers[i].message);
  assert_int_equal(stub_request_count(f->stub), THREADS * CALLS);
  assert_int_equal(stub_pending(f->stub), 0);
  carto_import_client_free(c);
}

struct failing_worker {
  carto_import_client *client;
  int status, code, http_status;
};

static void *verify_once(void *arg) {
  struct failing_worker *w = arg;
  w->status = carto_import_client_verify(w->client);
  w->code = carto_import_last_error_code();
  w->http_status = carto_import_last_error_http_status();
  return NULL;
}

static void test_last_error_per_thread_with_requests(void **state) {
  struct fixture *f = *state;
  carto_import_client *c = make_client(f->stub, 1, 5, 0);
  stub_push(f->stub, 404, NULL, NULL);
  assert_status(carto_import_client_verify(c), CARTO_IMPORT_ENOTFOUND);

  stub_push(f->stub, 401, NULL, NULL);
  struct failing_worker w = {c, 0, 0, 0};
  pthread_t t;
  assert_int_equal(pthread_create(&t, NULL, verify_once, &w), 0);
  assert_int_equal(pthread_join(t, NULL), 0);
  assert_int_equal(w.status, CARTO_IMPORT_EAUTH);
  assert_int_equal(w.code, CARTO_IMPORT_EAUTH);
  assert_int_equal(w.http_status, 401);
  /* This thread still sees its own 404. */
  assert_int_equal(carto_import_last_error_code(), CARTO_IMPORT_ENOTFOUND);
  assert_int_equal(carto_import_last_error_http_status(), 404);
  carto_import_client_free(c);
}

/* ---- the debug callback ----------------------------------------------------------------- */

struct debug_log {
  char lines[4][512];
  int count;
};

static void keep_line(const char *line, void *userdata) {
  struct debug_log *log = userdata;
  if (log->count < 4) snprintf(log->lines[log->count], sizeof log->lines[0], "%s", line);
  log->count++;
}

/* One line per attempt, with the path, status, sizes, time and attempt number; a reply that
 * never came names the failure; the key appears in no line, even sent in the query string. */
static void test_debug_callback(void **state) {
  struct fixture *f = *state;
  struct debug_log log = {0};
  carto_import_options *o = options_for(stub_base_url(f->stub, "demo"), KEY);
  carto_import_client *c = NULL;
  assert_ok(carto_import_options_set_retry(o, 3, 1, 5));
  assert_ok(carto_import_options_set_auth_mode(o, CARTO_IMPORT_AUTH_QUERY));
  assert_ok(carto_import_options_set_request_timeout_ms(o, (long)(1000 * time_scale())));
  assert_ok(carto_import_options_set_debug_callback(o, keep_line, &log));
  assert_status(carto_import_options_set_debug_callback(NULL, keep_line, &log),
                CARTO_IMPORT_EBADHANDLE);
  assert_ok(carto_import_client_new(&c, o));
  carto_import_options_free(o);
  stub_push(f->stub, 503, NULL, "{\"error\":\"busy\"}");
  stub_push_delay(f->stub, 200, NULL, IMPORTS_OK, (int)(5000 * time_scale()));
  stub_push(f->stub, 200, NULL, IMPORTS_OK);
  assert_ok(carto_import_client_verify(c));
  assert_int_equal(log.count, 3);
  assert_contains(log.lines[0], "GET /user/demo/api/v1/imports");
  assert_contains(log.lines[0], "-> 503, ");
  assert_contains(log.lines[0], "attempt 1");
  assert_contains(log.lines[1], "-> timed out, ");
  assert_contains(log.lines[1], "attempt 2");
  assert_contains(log.lines[2], "-> 200, ");
  assert_contains(log.lines[2], " B received, ");
  assert_contains(log.lines[2], " ms, attempt 3");
  for (int i = 0; i < 3; ++i) assert_not_contains(log.lines[i], KEY);
  carto_import_client_free(c);
}

int main(void) {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
  const struct CMUnitTest tests[] = {
      T(test_retry_then_success),
      T(test_retryable_statuses),
      T(test_gives_up),
      T(test_retry_after_capped),
      T(test_429_gives_up_with_rate_limit_details),
      T(test_not_retried),
      T(test_request_timeout),
      T(test_timeout_is_retried),
      T(test_truncated_reply),
      T(test_closed_before_answering),
      T(test_connection_refused),
      T(test_options_freed_and_changed_after_client_new),
      T(test_threads_share_a_client),
      T(test_last_error_per_thread_with_requests),
      T(test_debug_callback),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
