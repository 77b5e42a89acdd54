/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* The public API without a server: versions, options validation, client construction and
 * its getters, handle checks, and the per-thread last error. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "test_assert.h"

/* Every failure sets the thread's last error to the returned code, with a message. */
#define assert_fails(call, code)                                                              \
  do {                                                                                        \
    assert_status(call, code);                                                                \
    assert_int_equal(carto_import_last_error_code(), (code));                                 \
    assert_true(strlen(carto_import_last_error_message()) > 0);                               \
  } while (0)

static carto_import_options *new_options(void) {
  carto_import_options *o = NULL;
  assert_ok(carto_import_options_new(&o));
  assert_non_null(o);
  return o;
}

static void test_version(void **state) {
  (void)state;
  char expected[32];
  snprintf(expected, sizeof expected, "%d.%d.%d", CARTO_IMPORT_VERSION_MAJOR,
           CARTO_IMPORT_VERSION_MINOR, CARTO_IMPORT_VERSION_PATCH);
  assert_string_equal(carto_import_version(), expected);
  assert_string_equal(carto_import_version(), "0.2.0");
  assert_int_equal(carto_import_version_num(), CARTO_IMPORT_VERSION_NUM);
  assert_int_equal(CARTO_IMPORT_VERSION_NUM, 0x000200);
  assert_true(CARTO_IMPORT_AT_LEAST_VERSION(0, 1, 9));
  assert_true(CARTO_IMPORT_AT_LEAST_VERSION(0, 2, 0));
  assert_false(CARTO_IMPORT_AT_LEAST_VERSION(0, 2, 1));
  assert_false(CARTO_IMPORT_AT_LEAST_VERSION(0, 3, 0));
  assert_false(CARTO_IMPORT_AT_LEAST_VERSION(1, 0, 0));
}

static void test_global_init_once_cleanup_harmless(void **state) {
  (void)state;
  assert_ok(carto_import_global_init());
  assert_ok(carto_import_global_init());
  carto_import_global_cleanup();
  carto_import_global_cleanup();
  carto_import_global_cleanup(); /* one too many: harmless */
  assert_ok(carto_import_global_init());
  carto_import_global_cleanup();
}

static void test_options_new_and_free(void **state) {
  (void)state;
  assert_fails(carto_import_options_new(NULL), CARTO_IMPORT_EINVAL);
  carto_import_options *o = new_options();
  carto_import_options_free(o);
  carto_import_options_free(NULL);
}

/* Every setter: NULL and freed handles are EBADHANDLE, never a crash. */
static void check_setters_reject(carto_import_options *o) {
  assert_fails(carto_import_options_set_base_url(o, "https://demo.carto.com/"),
               CARTO_IMPORT_EBADHANDLE);
  assert_fails(carto_import_options_set_api_key(o, "key"), CARTO_IMPORT_EBADHANDLE);
  assert_fails(carto_import_options_set_auth_mode(o, CARTO_IMPORT_AUTH_BASIC),
               CARTO_IMPORT_EBADHANDLE);
  assert_fails(carto_import_options_set_verify_tls(o, 1), CARTO_IMPORT_EBADHANDLE);
  assert_fails(carto_import_options_set_ca_bundle(o, "/etc/ssl/certs/ca-certificates.crt"),
               CARTO_IMPORT_EBADHANDLE);
  assert_fails(carto_import_options_set_allow_insecure_http(o, 1), CARTO_IMPORT_EBADHANDLE);
  assert_fails(carto_import_options_set_connect_timeout_ms(o, 1000), CARTO_IMPORT_EBADHANDLE);
  assert_fails(carto_import_options_set_request_timeout_ms(o, 1000), CARTO_IMPORT_EBADHANDLE);
  assert_fails(carto_import_options_set_low_speed(o, 1, 60), CARTO_IMPORT_EBADHANDLE);
  assert_fails(carto_import_options_set_user_agent_suffix(o, "x/1"), CARTO_IMPORT_EBADHANDLE);
  assert_fails(carto_import_options_set_retry(o, 3, 500, 30000), CARTO_IMPORT_EBADHANDLE);
  assert_fails(carto_import_options_set_poll_interval_ms(o, 100, 1000), CARTO_IMPORT_EBADHANDLE);
}

static void test_setters_bad_handles(void **state) {
  (void)state;
  check_setters_reject(NULL);
  assert_contains(carto_import_last_error_message(), "NULL");
  carto_import_options *o = new_options();
  carto_import_options_free(o);
  check_setters_reject(o); /* freed: the registry rejects it before any dereference */
  assert_contains(carto_import_last_error_message(), "freed");
  carto_import_options_free(o); /* double free: ignored */
  /* A handle of another type is not options. */
  carto_import_client *c = NULL;
  carto_import_options *ok = new_options();
  assert_ok(carto_import_options_set_base_url(ok, "https://demo.carto.com/"));
  assert_ok(carto_import_options_set_api_key(ok, "key"));
  assert_ok(carto_import_client_new(&c, ok));
  check_setters_reject((carto_import_options *)(void *)c);
  carto_import_client_free(c);
  carto_import_options_free(ok);
}

static void test_setters_validate(void **state) {
  (void)state;
  carto_import_options *o = new_options();

  assert_fails(carto_import_options_set_base_url(o, NULL), CARTO_IMPORT_EINVAL);
  assert_fails(carto_import_options_set_base_url(o, ""), CARTO_IMPORT_EINVAL);
  assert_fails(carto_import_options_set_base_url(o, "ftp://demo.carto.com/"), CARTO_IMPORT_EINVAL);
  assert_contains(carto_import_last_error_message(), "invalid base URL");
  assert_contains(carto_import_last_error_message(), "https");
  assert_fails(carto_import_options_set_base_url(o, "https://demo.carto.com/?x=1"),
               CARTO_IMPORT_EINVAL);
  assert_contains(carto_import_last_error_message(), "query");
  assert_fails(carto_import_options_set_base_url(o, "https://localhost/"), CARTO_IMPORT_EINVAL);
  assert_contains(carto_import_last_error_message(), "username");
  assert_ok(carto_import_options_set_base_url(o, "https://demo.carto.com/"));

  assert_fails(carto_import_options_set_api_key(o, ""), CARTO_IMPORT_EINVAL);
  assert_fails(carto_import_options_set_api_key(o, "SECRETPART\nmore"), CARTO_IMPORT_EINVAL);
  assert_not_contains(carto_import_last_error_message(), "SECRETPART");
  assert_fails(carto_import_options_set_api_key(o, "SECRETPART\x7f"), CARTO_IMPORT_EINVAL);
  assert_not_contains(carto_import_last_error_message(), "SECRETPART");
  assert_ok(carto_import_options_set_api_key(o, "0123456789abcdef"));
  assert_ok(carto_import_options_set_api_key(o, NULL));

  assert_fails(carto_import_options_set_auth_mode(o, 2), CARTO_IMPORT_EINVAL);
  assert_fails(carto_import_options_set_auth_mode(o, -1), CARTO_IMPORT_EINVAL);
  assert_ok(carto_import_options_set_auth_mode(o, CARTO_IMPORT_AUTH_QUERY));
  assert_ok(carto_import_options_set_auth_mode(o, CARTO_IMPORT_AUTH_BASIC));

  assert_ok(carto_import_options_set_verify_tls(o, 0));
  assert_ok(carto_import_options_set_verify_tls(o, 1));
  assert_ok(carto_import_options_set_verify_tls(o, 42));

  assert_fails(carto_import_options_set_ca_bundle(o, ""), CARTO_IMPORT_EINVAL);
  assert_ok(carto_import_options_set_ca_bundle(o, "/nonexistent/ca.pem")); /* read later */
  assert_ok(carto_import_options_set_ca_bundle(o, NULL));

  assert_ok(carto_import_options_set_allow_insecure_http(o, 1));
  assert_ok(carto_import_options_set_allow_insecure_http(o, 0));

  assert_fails(carto_import_options_set_connect_timeout_ms(o, 0), CARTO_IMPORT_EINVAL);
  assert_fails(carto_import_options_set_connect_timeout_ms(o, -5), CARTO_IMPORT_EINVAL);
  assert_ok(carto_import_options_set_connect_timeout_ms(o, 1));

  assert_fails(carto_import_options_set_request_timeout_ms(o, -1), CARTO_IMPORT_EINVAL);
  assert_ok(carto_import_options_set_request_timeout_ms(o, 0));
  assert_ok(carto_import_options_set_request_timeout_ms(o, 5000));

  assert_fails(carto_import_options_set_low_speed(o, -1, 60), CARTO_IMPORT_EINVAL);
  assert_fails(carto_import_options_set_low_speed(o, 1, -1), CARTO_IMPORT_EINVAL);
  assert_ok(carto_import_options_set_low_speed(o, 0, 0));
  assert_ok(carto_import_options_set_low_speed(o, 1024, 30));

  assert_fails(carto_import_options_set_user_agent_suffix(o, "tool\t1.0"), CARTO_IMPORT_EINVAL);
  assert_fails(carto_import_options_set_user_agent_suffix(o, "tool\r\nX-Evil: 1"),
               CARTO_IMPORT_EINVAL);
  assert_ok(carto_import_options_set_user_agent_suffix(o, "mytool/1.0 (+https://x.org)"));
  assert_ok(carto_import_options_set_user_agent_suffix(o, NULL));

  assert_fails(carto_import_options_set_retry(o, 0, 500, 30000), CARTO_IMPORT_EINVAL);
  assert_fails(carto_import_options_set_retry(o, 21, 500, 30000), CARTO_IMPORT_EINVAL);
  assert_fails(carto_import_options_set_retry(o, 3, 0, 30000), CARTO_IMPORT_EINVAL);
  assert_fails(carto_import_options_set_retry(o, 3, -1, 30000), CARTO_IMPORT_EINVAL);
  assert_fails(carto_import_options_set_retry(o, 3, 500, 499), CARTO_IMPORT_EINVAL);
  assert_ok(carto_import_options_set_retry(o, 1, 1, 1));
  assert_ok(carto_import_options_set_retry(o, 20, 500, 500));

  assert_fails(carto_import_options_set_poll_interval_ms(o, 0, 1000), CARTO_IMPORT_EINVAL);
  assert_fails(carto_import_options_set_poll_interval_ms(o, 100, 99), CARTO_IMPORT_EINVAL);
  assert_ok(carto_import_options_set_poll_interval_ms(o, 100, 100));

  carto_import_options_free(o);
}

static void test_failed_setter_keeps_previous_value(void **state) {
  (void)state;
  carto_import_options *o = new_options();
  assert_ok(carto_import_options_set_base_url(o, "https://demo.carto.com/"));
  assert_fails(carto_import_options_set_base_url(o, "https://other.carto.com/#x"),
               CARTO_IMPORT_EINVAL);
  assert_ok(carto_import_options_set_api_key(o, "key"));
  carto_import_client *c = NULL;
  assert_ok(carto_import_client_new(&c, o));
  assert_string_equal(carto_import_client_base_url(c), "https://demo.carto.com/");
  carto_import_client_free(c);
  carto_import_options_free(o);
}

static void test_client_new_errors(void **state) {
  (void)state;
  carto_import_client *c = (carto_import_client *)(void *)&c; /* must be reset to NULL */
  carto_import_options *o = new_options();

  assert_fails(carto_import_client_new(NULL, o), CARTO_IMPORT_EINVAL);
  assert_fails(carto_import_client_new(&c, NULL), CARTO_IMPORT_EBADHANDLE);
  assert_null(c);

  assert_fails(carto_import_client_new(&c, o), CARTO_IMPORT_EINVAL);
  assert_contains(carto_import_last_error_message(), "no base URL");
  assert_null(c);

  assert_ok(carto_import_options_set_base_url(o, "https://demo.carto.com/"));
  assert_fails(carto_import_client_new(&c, o), CARTO_IMPORT_EINVAL);
  assert_contains(carto_import_last_error_message(), "no API key");
  assert_ok(carto_import_options_set_api_key(o, "key"));
  assert_ok(carto_import_options_set_api_key(o, NULL)); /* cleared again */
  assert_fails(carto_import_client_new(&c, o), CARTO_IMPORT_EINVAL);
  assert_contains(carto_import_last_error_message(), "no API key");
  assert_ok(carto_import_options_set_api_key(o, "INSECUREKEY123"));

  /* Plain http to a host that is not loopback: refused unless allowed. */
  assert_ok(carto_import_options_set_base_url(o, "http://carto.example.org/user/demo/"));
  assert_fails(carto_import_client_new(&c, o), CARTO_IMPORT_EINSECURE);
  assert_null(c);
  assert_contains(carto_import_last_error_message(), "carto.example.org");
  assert_contains(carto_import_last_error_message(), "set_allow_insecure_http");
  assert_not_contains(carto_import_last_error_message(), "INSECUREKEY123");
  assert_ok(carto_import_options_set_allow_insecure_http(o, 1));
  assert_ok(carto_import_client_new(&c, o));
  assert_non_null(c);
  carto_import_client_free(c);
  c = NULL;
  assert_ok(carto_import_options_set_allow_insecure_http(o, 0));

  /* http to loopback is always allowed. */
  const char *loopback[] = {"http://127.0.0.1:1/user/demo/", "http://127.9.9.9/user/demo/",
                            "http://localhost:8080/user/demo/", "http://[::1]:8080/user/demo/"};
  for (size_t i = 0; i < sizeof loopback / sizeof loopback[0]; ++i) {
    assert_ok(carto_import_options_set_base_url(o, loopback[i]));
    assert_ok(carto_import_client_new(&c, o));
    carto_import_client_free(c);
    c = NULL;
  }

  /* Freed options. */
  carto_import_options_free(o);
  assert_fails(carto_import_client_new(&c, o), CARTO_IMPORT_EBADHANDLE);
  assert_null(c);
}

static void test_client_getters(void **state) {
  (void)state;
  static const struct {
    const char *input, *url, *user;
  } forms[] = {
      {"https://demo.carto.com", "https://demo.carto.com/", "demo"},
      {"https://demo.carto.com/", "https://demo.carto.com/", "demo"},
      {"https://www.demo.carto.com/", "https://www.demo.carto.com/", "demo"},
      {"https://myorg.carto.com/u/alice", "https://myorg.carto.com/u/alice/", "alice"},
      {"https://myorg.carto.com/user/alice/", "https://myorg.carto.com/user/alice/", "alice"},
      {"https://carto.example.org/user/bob/", "https://carto.example.org/user/bob/", "bob"},
      {"https://carto.example.org:8443/user/bob", "https://carto.example.org:8443/user/bob/",
       "bob"},
      {"http://127.0.0.1:8080/user/dev", "http://127.0.0.1:8080/user/dev/", "dev"},
      {"http://[::1]:8080/user/dev/", "http://[::1]:8080/user/dev/", "dev"},
      {"https://[2001:db8::1]/user/v6/", "https://[2001:db8::1]/user/v6/", "v6"},
      {"https://Demo.CARTO.com/", "https://Demo.CARTO.com/", "Demo"},
  };
  for (size_t i = 0; i < sizeof forms / sizeof forms[0]; ++i) {
    carto_import_options *o = new_options();
    assert_ok(carto_import_options_set_base_url(o, forms[i].input));
    assert_ok(carto_import_options_set_api_key(o, "key"));
    carto_import_client *c = NULL;
    assert_ok(carto_import_client_new(&c, o));
    carto_import_options_free(o); /* the client keeps its own copy */
    assert_string_equal(carto_import_client_base_url(c), forms[i].url);
    assert_string_equal(carto_import_client_username(c), forms[i].user);
    carto_import_client_free(c);
  }
}

static void test_client_bad_handles(void **state) {
  (void)state;
  carto_import_last_error_clear();
  assert_null(carto_import_client_username(NULL));
  assert_int_equal(carto_import_last_error_code(), 0); /* getters cannot fail (0.2) */
  assert_null(carto_import_client_base_url(NULL));
  assert_fails(carto_import_client_verify(NULL), CARTO_IMPORT_EBADHANDLE);
  carto_import_client_free(NULL);

  carto_import_options *o = new_options();
  assert_ok(carto_import_options_set_base_url(o, "https://demo.carto.com/"));
  assert_ok(carto_import_options_set_api_key(o, "key"));
  carto_import_client *c = NULL;
  assert_ok(carto_import_client_new(&c, o));
  carto_import_client_free(c);
  assert_null(carto_import_client_username(c));
  assert_null(carto_import_client_base_url(c));
  assert_fails(carto_import_client_verify(c), CARTO_IMPORT_EBADHANDLE);
  carto_import_client_free(c); /* double free: ignored */
  /* Options are not a client. */
  assert_fails(carto_import_client_verify((carto_import_client *)(void *)o),
               CARTO_IMPORT_EBADHANDLE);
  assert_null(carto_import_client_username((carto_import_client *)(void *)o));
  carto_import_options_free(o);
}

/* ---- the last error is per thread ------------------------------------------------------- */

struct thread_result {
  int code_at_start;
  char message_at_start[64];
  int status;
  int code_after;
  char message_after[256];
};

static void *fail_in_thread(void *arg) {
  struct thread_result *r = arg;
  r->code_at_start = carto_import_last_error_code();
  snprintf(r->message_at_start, sizeof r->message_at_start, "%s",
           carto_import_last_error_message());
  r->status = carto_import_options_set_retry(NULL, 3, 1, 1);
  r->code_after = carto_import_last_error_code();
  snprintf(r->message_after, sizeof r->message_after, "%s", carto_import_last_error_message());
  return NULL;
}

static void test_last_error_is_per_thread(void **state) {
  (void)state;
  carto_import_options *o = new_options();
  assert_fails(carto_import_options_set_base_url(o, "ftp://demo.carto.com/"), CARTO_IMPORT_EINVAL);
  char mine[512];
  snprintf(mine, sizeof mine, "%s", carto_import_last_error_message());

  struct thread_result r;
  memset(&r, 0, sizeof r);
  pthread_t t;
  assert_int_equal(pthread_create(&t, NULL, fail_in_thread, &r), 0);
  assert_int_equal(pthread_join(t, NULL), 0);

  /* The new thread started with no error, and got its own. */
  assert_int_equal(r.code_at_start, 0);
  assert_string_equal(r.message_at_start, "");
  assert_int_equal(r.status, CARTO_IMPORT_EBADHANDLE);
  assert_int_equal(r.code_after, CARTO_IMPORT_EBADHANDLE);
  assert_contains(r.message_after, "options");
  /* This thread's error is untouched. */
  assert_int_equal(carto_import_last_error_code(), CARTO_IMPORT_EINVAL);
  assert_string_equal(carto_import_last_error_message(), mine);
  carto_import_last_error_clear();
  assert_int_equal(carto_import_last_error_code(), 0);
  assert_string_equal(carto_import_last_error_message(), "");
  carto_import_options_free(o);
}

static void test_message_pointer_survives_success(void **state) {
  (void)state;
  /* "valid until the next failing call on this thread": a successful call in between must not
   * leave the pointer dangling (valgrind checks the read). */
  carto_import_options *o = new_options();
  assert_fails(carto_import_options_set_base_url(o, "https://demo.carto.com/?with=a-long-query"),
               CARTO_IMPORT_EINVAL);
  const char *msg = carto_import_last_error_message();
  assert_ok(carto_import_options_set_verify_tls(o, 1));
  assert_true(strlen(msg) < 4096);
  carto_import_options_free(o);
}

/* A client for jobs that never reach a server. */
static carto_import_client *offline_client(void) {
  carto_import_options *o = new_options();
  carto_import_client *c = NULL;
  assert_ok(carto_import_options_set_base_url(o, "https://demo.carto.com/"));
  assert_ok(carto_import_options_set_api_key(o, "key"));
  assert_ok(carto_import_client_new(&c, o));
  carto_import_options_free(o);
  return c;
}

static void test_error_snapshot(void **state) {
  (void)state;
  carto_import_error *e = (carto_import_error *)1;
  carto_import_last_error_clear();
  assert_ok(carto_import_last_error_take(&e));
  assert_null(e); /* no error: no snapshot */
  assert_int_equal(carto_import_last_error_take(NULL), CARTO_IMPORT_EINVAL);

  carto_import_options *o = new_options();
  assert_fails(carto_import_options_set_base_url(o, "ftp://snapshot.example/"),
               CARTO_IMPORT_EINVAL);
  char message[512];
  snprintf(message, sizeof message, "%s", carto_import_last_error_message());
  assert_ok(carto_import_last_error_take(&e));
  assert_non_null(e);
  assert_int_equal(carto_import_last_error_code(), 0); /* taken: the record is cleared */
  assert_int_equal(carto_import_error_get_code(e), CARTO_IMPORT_EINVAL);
  assert_string_equal(carto_import_error_get_message(e), message);
  assert_int_equal(carto_import_error_get_http_status(e), 0);
  assert_int_equal(carto_import_error_get_remote_code(e), 0);
  assert_null(carto_import_error_get_remote_title(e));
  assert_null(carto_import_error_get_remote_explanation(e));
  assert_null(carto_import_error_get_remote_source(e));
  assert_null(carto_import_error_get_job_id(e));
  assert_int_equal(carto_import_error_get_retry_after(e), -1);
  long limit = 0, remaining = 0, reset = 0;
  assert_int_equal(carto_import_error_get_rate_limit(e, &limit, &remaining, &reset), 0);
  assert_int_equal(limit + remaining + reset, -3);

  /* The snapshot outlives later calls; its accessors and free leave the record alone. */
  assert_fails(carto_import_options_set_api_key(o, ""), CARTO_IMPORT_EINVAL);
  assert_string_equal(carto_import_error_get_message(e), message);
  carto_import_error_free(e);
  assert_int_equal(carto_import_last_error_code(), CARTO_IMPORT_EINVAL);
  carto_import_error_free(e); /* freed: ignored */
  carto_import_error_free(NULL);
  assert_int_equal(carto_import_error_get_code(NULL), 0);
  assert_string_equal(carto_import_error_get_message(NULL), "");
  assert_int_equal(carto_import_last_error_code(), CARTO_IMPORT_EINVAL);
  carto_import_options_free(o);
}

static void test_getters_leave_the_record(void **state) {
  (void)state;
  carto_import_options *o = new_options();
  assert_fails(carto_import_options_set_base_url(o, "nope"), CARTO_IMPORT_EINVAL);
  char message[512];
  snprintf(message, sizeof message, "%s", carto_import_last_error_message());
  /* Getters, frees and strerror given NULL or garbage: nothing changes. */
  assert_int_equal(carto_import_dataset_list_count(NULL), 0);
  assert_int_equal(carto_import_sync_list_count(NULL), 0);
  assert_int_equal(carto_import_string_list_count(NULL), 0);
  assert_null(carto_import_job_id(NULL));
  assert_int_equal(carto_import_job_state(NULL), CARTO_IMPORT_STATE_UNKNOWN);
  assert_int_equal(carto_import_job_success(NULL), -1);
  assert_null(carto_import_dataset_get_string(NULL, "name"));
  assert_int_equal(carto_import_dataset_privacy(NULL), CARTO_IMPORT_PRIVACY_DEFAULT);
  assert_null(carto_import_sync_id(NULL));
  assert_null(carto_import_client_username(NULL));
  carto_import_job_free(NULL);
  carto_import_dataset_free((carto_import_dataset *)(void *)o); /* wrong type: ignored */
  assert_non_null(carto_import_strerror(12345));
  carto_import_error *e = NULL;
  assert_int_equal(carto_import_job_last_error(NULL, &e), CARTO_IMPORT_EBADHANDLE);
  assert_null(e);
  assert_int_equal(carto_import_last_error_code(), CARTO_IMPORT_EINVAL);
  assert_string_equal(carto_import_last_error_message(), message);
  carto_import_options_free(o);
}

static void test_job_keeps_its_error(void **state) {
  (void)state;
  char path[] = "/tmp/carto-api-job-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  close(fd);
  carto_import_client *c = offline_client();
  carto_import_job *job = NULL;
  assert_ok(carto_import_job_new_file(&job, c, path, NULL));
  carto_import_error *e = (carto_import_error *)1;
  assert_ok(carto_import_job_last_error(job, &e));
  assert_null(e); /* no call yet */
  assert_fails(carto_import_job_refresh(job), CARTO_IMPORT_EINVAL); /* not run yet */
  assert_int_equal(carto_import_job_last_error(job, NULL), CARTO_IMPORT_EINVAL);
  carto_import_options *o = new_options(); /* another failure on the thread, later */
  assert_fails(carto_import_options_set_base_url(o, "nope"), CARTO_IMPORT_EINVAL);
  char message[512];
  snprintf(message, sizeof message, "%s", carto_import_last_error_message());
  assert_ok(carto_import_job_last_error(job, &e));
  assert_non_null(e);
  assert_int_equal(carto_import_error_get_code(e), CARTO_IMPORT_EINVAL);
  assert_non_null(strstr(carto_import_error_get_message(e), "not run"));
  assert_string_not_equal(carto_import_error_get_message(e), message);
  carto_import_error_free(e);
  assert_string_equal(carto_import_last_error_message(), message); /* untouched */
  carto_import_options_free(o);
  carto_import_job_free(job);
  carto_import_client_free(c);
  unlink(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_version),
      cmocka_unit_test(test_global_init_once_cleanup_harmless),
      cmocka_unit_test(test_options_new_and_free),
      cmocka_unit_test(test_setters_bad_handles),
      cmocka_unit_test(test_setters_validate),
      cmocka_unit_test(test_failed_setter_keeps_previous_value),
      cmocka_unit_test(test_client_new_errors),
      cmocka_unit_test(test_client_getters),
      cmocka_unit_test(test_client_bad_handles),
      cmocka_unit_test(test_last_error_is_per_thread),
      cmocka_unit_test(test_message_pointer_survives_success),
      cmocka_unit_test(test_error_snapshot),
      cmocka_unit_test(test_getters_leave_the_record),
      cmocka_unit_test(test_job_keeps_its_error),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
