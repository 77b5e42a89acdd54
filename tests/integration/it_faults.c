/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Protocol violations and transient failures, injected with the server's /_test/faults hooks:
 * malformed and truncated replies, dropped connections, 503s, 429s with Retry-After. */
#include "it_support.h"

/* Imports a small file and returns the job after run (not waited). */
static carto_import_job *start_job(it_fixture *fx, carto_import_client *client, const char *name) {
  char *path = it_write_csv(fx->dir, name, 4);
  carto_import_job *job = NULL;
  assert_ok(carto_import_job_new_file(&job, client, path, NULL));
  assert_ok(carto_import_job_run(job, NULL, NULL));
  free(path);
  return job;
}

static carto_import_client *client_with_attempts(it_fixture *fx, int attempts, long max_backoff) {
  carto_import_options *opts = it_options(fx->srv);
  assert_ok(carto_import_options_set_retry(opts, attempts, 20, max_backoff));
  return it_client_from(opts);
}

/* A 200 whose body is not JSON: EPROTOCOL, for a GET and for the POST that creates a job.
 * (The POST comes last: the server's hook answers it without reading the upload, whose bytes
 * then arrive on the kept-alive connection as a bogus request; see the report.) */
static void test_malformed_reply(void **state) {
  it_fixture *fx = *state;
  carto_import_job *job = start_job(fx, fx->client, "malformed_get.csv");
  it_fault(fx->srv, "{\"method\":\"GET\",\"path\":\"/api/v1/imports/\",\"nth\":1,"
                    "\"action\":\"malformed\"}");
  assert_status(carto_import_job_wait(job, 60000, NULL, NULL), CARTO_IMPORT_EPROTOCOL);
  assert_int_equal(carto_import_last_error_http_status(), 200);
  /* Not retried: a reply that breaks the protocol is not transient. */
  assert_int_equal(it_count_requests(fx->srv, "GET", "/api/v1/imports/", NULL), 1);
  /* The fault fired once; the job can still be followed. */
  assert_ok(carto_import_job_wait(job, 60000, NULL, NULL));
  carto_import_job_free(job);

  char *path = it_write_file(fx->dir, "malformed.csv", "a,b\n1,2\n");
  it_fault(fx->srv, "{\"method\":\"POST\",\"path\":\"/api/v1/imports\",\"nth\":1,"
                    "\"action\":\"malformed\"}");
  assert_ok(carto_import_job_new_file(&job, fx->client, path, NULL));
  assert_status(carto_import_job_run(job, NULL, NULL), CARTO_IMPORT_EPROTOCOL);
  assert_int_equal(carto_import_last_error_http_status(), 200);
  assert_null(carto_import_job_id(job));
  carto_import_job_free(job);
  free(path);
}

/* A reply cut in half (the server fixes Content-Length, so HTTP is intact and the JSON is
 * broken): EPROTOCOL, and the next poll works. */
static void test_truncated_reply(void **state) {
  it_fixture *fx = *state;
  carto_import_job *job = start_job(fx, fx->client, "truncated.csv");
  it_fault(fx->srv, "{\"method\":\"GET\",\"path\":\"/api/v1/imports/\",\"nth\":1,"
                    "\"action\":\"truncate\"}");
  assert_status(carto_import_job_wait(job, 60000, NULL, NULL), CARTO_IMPORT_EPROTOCOL);
  assert_int_equal(carto_import_last_error_http_status(), 200);
  assert_ok(carto_import_job_wait(job, 60000, NULL, NULL));
  assert_int_equal(carto_import_job_state(job), CARTO_IMPORT_STATE_COMPLETE);

  carto_import_dataset_list *list = NULL;
  it_fault(fx->srv, "{\"method\":\"GET\",\"path\":\"/api/v1/viz\",\"nth\":1,\"action\":\"truncate\"}");
  assert_status(carto_import_dataset_list_all(&list, fx->client), CARTO_IMPORT_EPROTOCOL);
  assert_null(list);
  carto_import_job_free(job);
}

/* A connection closed without a reply: a GET is retried (and succeeds), ENETWORK when the
 * attempts run out; a POST that reached the server is never repeated. */
static void test_dropped_connection(void **state) {
  it_fixture *fx = *state;
  carto_import_job *job = start_job(fx, fx->client, "dropped.csv");
  it_fault(fx->srv, "{\"method\":\"GET\",\"path\":\"/api/v1/imports/\",\"count\":2,"
                    "\"action\":\"drop\"}");
  assert_ok(carto_import_job_wait(job, 60000, NULL, NULL));
  assert_true(it_count_requests(fx->srv, "GET", "/api/v1/imports/", NULL) >= 3);
  carto_import_job_free(job);

  it_hooks_reset(fx->srv);
  /* Fresh clients: no pooled connection that libcurl itself would retry once. */
  carto_import_client *once = client_with_attempts(fx, 1, 200);
  carto_import_client *thrice = client_with_attempts(fx, 3, 200);
  carto_import_dataset_list *list = NULL;
  it_fault(fx->srv, "{\"method\":\"GET\",\"path\":\"/api/v1/viz\",\"action\":\"drop\"}");
  assert_status(carto_import_dataset_list_all(&list, once), CARTO_IMPORT_ENETWORK);
  assert_int_equal(it_count_requests(fx->srv, "GET", "/api/v1/viz", NULL), 1);
  assert_status(carto_import_dataset_list_all(&list, thrice), CARTO_IMPORT_ENETWORK);
  assert_contains(carto_import_last_error_message(), "3 attempts");
  assert_int_equal(it_count_requests(fx->srv, "GET", "/api/v1/viz", NULL), 4);

  it_hooks_reset(fx->srv);
  it_fault(fx->srv, "{\"method\":\"POST\",\"path\":\"/api/v1/imports\",\"action\":\"drop\"}");
  char *path = it_write_csv(fx->dir, "posted.csv", 4);
  /* The client has a live pooled connection: the POST must still be sent only once. */
  assert_ok(carto_import_client_verify(fx->client));
  assert_ok(carto_import_job_new_file(&job, fx->client, path, NULL));
  assert_status(carto_import_job_run(job, NULL, NULL), CARTO_IMPORT_ENETWORK);
  assert_int_equal(it_count_requests(fx->srv, "POST", "/api/v1/imports", NULL), 1);
  assert_null(carto_import_job_id(job));
  carto_import_job_free(job);
  carto_import_client_free(once);
  carto_import_client_free(thrice);
  free(path);
}

/* 503 twice, then the real reply: the wait succeeds through the retries. A POST is not
 * retried on 503 (the server may have acted on it): ESERVER. */
static void test_503_then_200(void **state) {
  it_fixture *fx = *state;
  carto_import_job *job = start_job(fx, fx->client, "unavailable.csv");
  it_fault(fx->srv, "{\"method\":\"GET\",\"path\":\"/api/v1/imports/\",\"count\":2,"
                    "\"action\":\"status\",\"status\":503}");
  assert_ok(carto_import_job_wait(job, 60000, NULL, NULL));
  assert_int_equal(carto_import_job_state(job), CARTO_IMPORT_STATE_COMPLETE);
  assert_true(it_count_requests(fx->srv, "GET", "/api/v1/imports/", NULL) >= 3);
  carto_import_job_free(job);

  it_hooks_reset(fx->srv);
  it_fault(fx->srv, "{\"method\":\"POST\",\"path\":\"/api/v1/imports\",\"nth\":1,"
                    "\"action\":\"status\",\"status\":503}");
  char *path = it_write_file(fx->dir, "posted503.csv", "a,b\n1,2\n");
  assert_ok(carto_import_job_new_file(&job, fx->client, path, NULL));
  assert_status(carto_import_job_run(job, NULL, NULL), CARTO_IMPORT_ESERVER);
  assert_int_equal(carto_import_last_error_http_status(), 503);
  assert_int_equal(it_count_requests(fx->srv, "POST", "/api/v1/imports", NULL), 1);
  carto_import_job_free(job);
  free(path);
}

/* A 429 with Retry-After: 1 is retried after about a second (the server's wait, not the
 * client's 20 ms backoff), and succeeds. */
static void test_429_retry_after_honoured(void **state) {
  it_fixture *fx = *state;
  carto_import_client *patient = client_with_attempts(fx, 3, 5000);
  carto_import_dataset_list *list = NULL;
  it_fault(fx->srv, "{\"method\":\"GET\",\"path\":\"/api/v1/viz\",\"nth\":1,"
                    "\"action\":\"ratelimit\",\"retry_after\":1}");
  const double t0 = now_ms();
  assert_ok(carto_import_dataset_list_all(&list, patient));
  const double elapsed = now_ms() - t0;
  assert_true(elapsed >= 950); /* a lower bound: the library must have waited */
  assert_int_equal(it_count_requests(fx->srv, "GET", "/api/v1/viz", NULL), 2);
  carto_import_dataset_list_free(list);

  /* Retry-After is capped by the client's max backoff (here 100 ms). */
  it_hooks_reset(fx->srv);
  carto_import_client *hurried = client_with_attempts(fx, 3, 100);
  it_fault(fx->srv, "{\"method\":\"GET\",\"path\":\"/api/v1/viz\",\"nth\":1,"
                    "\"action\":\"ratelimit\",\"retry_after\":30}");
  const double t1 = now_ms();
  assert_ok(carto_import_dataset_list_all(&list, hurried));
  assert_true(now_ms() - t1 < 20000 * time_scale());
  assert_int_equal(it_count_requests(fx->srv, "GET", "/api/v1/viz", NULL), 2);
  carto_import_dataset_list_free(list);
  carto_import_client_free(hurried);
  carto_import_client_free(patient);
}

/* When the 429s outlast the attempts: ERATELIMIT with the server's Retry-After and its
 * Carto-Rate-Limit-* headers. */
static void test_429_attempts_run_out(void **state) {
  it_fixture *fx = *state;
  carto_import_client *client = client_with_attempts(fx, 2, 50);
  carto_import_dataset_list *list = NULL;
  it_fault(fx->srv, "{\"method\":\"GET\",\"path\":\"/api/v1/viz\",\"action\":\"ratelimit\","
                    "\"retry_after\":7,\"limit\":25}");
  assert_status(carto_import_dataset_list_all(&list, client), CARTO_IMPORT_ERATELIMIT);
  assert_null(list);
  assert_int_equal(carto_import_last_error_http_status(), 429);
  assert_int_equal(carto_import_last_error_retry_after(), 7);
  assert_rate_limit(25, 0, 7);
  assert_contains(carto_import_last_error_message(), "2 attempts");
  assert_int_equal(it_count_requests(fx->srv, "GET", "/api/v1/viz", NULL), 2);

  /* The same on the POST that creates a job (a 429 means nothing was done, so it may repeat). */
  it_hooks_reset(fx->srv);
  it_fault(fx->srv, "{\"method\":\"POST\",\"path\":\"/api/v1/imports\",\"action\":\"ratelimit\","
                    "\"retry_after\":3}");
  char *path = it_write_file(fx->dir, "limited.csv", "a,b\n1,2\n");
  carto_import_job *job = NULL;
  assert_ok(carto_import_job_new_file(&job, client, path, NULL));
  assert_status(carto_import_job_run(job, NULL, NULL), CARTO_IMPORT_ERATELIMIT);
  assert_int_equal(carto_import_last_error_retry_after(), 3);
  assert_int_equal(it_count_requests(fx->srv, "POST", "/api/v1/imports", NULL), 2);
  carto_import_job_free(job);
  carto_import_client_free(client);
  free(path);
}

/* A server that answers too slowly: the request timeout gives ETIMEDOUT, quickly. */
static void test_slow_reply_times_out(void **state) {
  it_fixture *fx = *state;
  carto_import_options *opts = it_options(fx->srv);
  assert_ok(carto_import_options_set_retry(opts, 1, 20, 200));
  assert_ok(carto_import_options_set_request_timeout_ms(opts, 300));
  carto_import_client *client = it_client_from(opts);
  carto_import_dataset_list *list = NULL;
  it_fault(fx->srv, "{\"method\":\"GET\",\"path\":\"/api/v1/viz\",\"nth\":1,\"action\":\"delay\","
                    "\"delay_ms\":3000}");
  const double t0 = now_ms();
  assert_status(carto_import_dataset_list_all(&list, client), CARTO_IMPORT_ETIMEDOUT);
  assert_true(now_ms() - t0 < 2500 * time_scale());
  assert_ok(carto_import_dataset_list_all(&list, client));
  carto_import_dataset_list_free(list);
  carto_import_client_free(client);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      IT_TEST(test_malformed_reply),
      IT_TEST(test_truncated_reply),
      IT_TEST(test_dropped_connection),
      IT_TEST(test_503_then_200),
      IT_TEST(test_429_retry_after_honoured),
      IT_TEST(test_429_attempts_run_out),
      IT_TEST(test_slow_reply_times_out),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
