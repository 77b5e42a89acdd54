/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Failures end to end: every failed import maps to CARTO_IMPORT_EREMOTE with the server's CARTO
 * error; refusals map to their own codes (slots, keys, unknown jobs). */
#include "it_support.h"

static const char *const kTinyMaxFile[] = {"--max-file-size", "1000", NULL};
static const char *const kOneSlot[] = {"--max-concurrent-imports", "1", "--step-delay-ms", "300",
                                       NULL};

/* Checks the last error is the failed import `code` with this title, blamed on the user. */
static void assert_remote_failure(int code, const char *title) {
  assert_int_equal(carto_import_last_error_code(), CARTO_IMPORT_EREMOTE);
  assert_int_equal(carto_import_last_error_remote_code(), code);
  assert_str_eq(carto_import_last_error_remote_title(), title);
  assert_str_eq(carto_import_last_error_remote_source(), "user");
  const char *explanation = carto_import_last_error_remote_explanation();
  assert_non_null(explanation);
  assert_true(strlen(explanation) > 10);
  char code_text[16];
  snprintf(code_text, sizeof code_text, "%d", code);
  assert_contains(carto_import_last_error_message(), code_text);
  assert_contains(carto_import_last_error_message(), title);
}

/* Imports `path` as a job and expects it to fail with `code`; checks the job's own fields. */
static void expect_job_failure(it_fixture *fx, const char *path_or_url, int is_url, int code,
                               const char *title) {
  carto_import_job *job = NULL;
  if (is_url)
    assert_ok(carto_import_job_new_url(&job, fx->client, path_or_url, NULL));
  else
    assert_ok(carto_import_job_new_file(&job, fx->client, path_or_url, NULL));
  assert_ok(carto_import_job_run(job, NULL, NULL));
  assert_status(carto_import_job_wait(job, 60000, NULL, NULL), CARTO_IMPORT_EREMOTE);
  assert_remote_failure(code, title);
  /* The snapshot of the same failure, from the job: its fields and the job's id. */
  carto_import_error *e = NULL;
  assert_ok(carto_import_job_last_error(job, &e));
  assert_int_equal(carto_import_error_get_code(e), CARTO_IMPORT_EREMOTE);
  assert_int_equal(carto_import_error_get_remote_code(e), code);
  assert_str_eq(carto_import_error_get_remote_title(e), title);
  assert_str_eq(carto_import_error_get_remote_source(e), "user");
  assert_str_eq(carto_import_error_get_message(e), carto_import_last_error_message());
  assert_str_eq(carto_import_error_get_job_id(e), carto_import_job_id(job));
  carto_import_error_free(e);
  assert_int_equal(carto_import_job_state(job), CARTO_IMPORT_STATE_FAILURE);
  assert_int_equal(carto_import_job_success(job), 0);
  assert_int_equal(carto_import_job_error_code(job), code);
  assert_str_eq(carto_import_job_get_string(job, "error_title"), title);
  assert_str_eq(carto_import_job_get_string(job, "error_source"), "user");
  assert_non_null(carto_import_job_get_string(job, "error_explanation"));
  assert_null(carto_import_job_get_string(job, "table_name"));
  carto_import_job_free(job);
}

/* The same through dataset_create: no list, the same error. */
static void expect_create_failure(it_fixture *fx, const char *path_or_url, int code,
                                  const char *title) {
  carto_import_dataset_list *list = NULL;
  assert_status(carto_import_dataset_create(&list, fx->client, path_or_url, NULL, 60000, NULL,
                                            NULL),
                CARTO_IMPORT_EREMOTE);
  assert_null(list);
  assert_remote_failure(code, title);
}

static void test_unsupported_file_1002(void **state) {
  it_fixture *fx = *state;
  char *path = it_write_file(fx->dir, "notes.xyz", "this is not a dataset\n");
  expect_job_failure(fx, path, 0, 1002, "Unsupported/Unrecognized file type");
  expect_create_failure(fx, path, 1002, "Unsupported/Unrecognized file type");
  free(path);
}

static void test_empty_file_1005(void **state) {
  it_fixture *fx = *state;
  char *path = it_write_file(fx->dir, "empty.csv", "");
  expect_job_failure(fx, path, 0, 1005, "Empty file");
  expect_create_failure(fx, path, 1005, "Empty file");
  free(path);
}

static void test_url_not_found_1100(void **state) {
  it_fixture *fx = *state;
  char url[160];
  /* The server's own unknown routes answer 404. */
  snprintf(url, sizeof url, "%s/no/such/file.csv", fx->srv->root_url);
  carto_import_job *job = NULL;
  assert_ok(carto_import_job_new_url(&job, fx->client, url, NULL));
  assert_ok(carto_import_job_run(job, NULL, NULL));
  assert_status(carto_import_job_wait(job, 60000, NULL, NULL), CARTO_IMPORT_EREMOTE);
  assert_remote_failure(1100, "Download file not found");
  assert_str_eq(carto_import_job_get_string(job, "http_response_code"), "404");
  assert_str_eq(carto_import_job_get_string(job, "display_name"), "file.csv");
  carto_import_job_free(job);
  expect_create_failure(fx, url, 1100, "Download file not found");
}

static void test_too_big_6666(void **state) {
  it_fixture *fx = *state;
  char *csv = it_csv_text(60); /* about 2 KB, over --max-file-size 1000 */
  char *path = it_write_file(fx->dir, "big.csv", csv);
  assert_true(strlen(csv) > 1000);
  expect_job_failure(fx, path, 0, 6666, "Dataset too big");
  /* The advice fits the failure. */
  assert_contains(carto_import_last_error_message(), "smaller");
  free(path);
  free(csv);
}

static void test_duplicated_column_2005(void **state) {
  it_fixture *fx = *state;
  char *path = it_write_file(fx->dir, "dup.csv", "a,b,a\n1,2,3\n4,5,6\n");
  expect_job_failure(fx, path, 0, 2005, "Duplicated column");
  expect_create_failure(fx, path, 2005, "Duplicated column");
  free(path);
}

/* With every import slot taken, creating a job is refused with 429: ERATELIMIT (no retry when
 * the client allows one attempt). Once the slot frees up, imports work again. */
static void test_import_slots_exhausted(void **state) {
  it_fixture *fx = *state;
  char *csv = it_csv_text(3);
  char *first = it_write_file(fx->dir, "first.csv", csv);
  char *second = it_write_file(fx->dir, "second.csv", csv);
  carto_import_options *opts = it_options(fx->srv);
  assert_ok(carto_import_options_set_retry(opts, 1, 20, 200));
  carto_import_client *once = it_client_from(opts);
  carto_import_job *a = NULL, *b = NULL, *c = NULL;

  assert_ok(carto_import_job_new_file(&a, fx->client, first, NULL));
  assert_ok(carto_import_job_run(a, NULL, NULL));
  assert_ok(carto_import_job_new_file(&b, once, second, NULL));
  assert_status(carto_import_job_run(b, NULL, NULL), CARTO_IMPORT_ERATELIMIT);
  assert_int_equal(carto_import_last_error_http_status(), 429);
  assert_int_equal(carto_import_last_error_retry_after(), -1);
  assert_int_equal(carto_import_last_error_rate_limit(NULL, NULL, NULL), 0);
  assert_contains(carto_import_last_error_remote_explanation(), "import slots");
  assert_null(carto_import_job_id(b));
  assert_int_equal(it_count_requests(fx->srv, "POST", "/api/v1/imports", NULL), 2);

  assert_ok(carto_import_job_wait(a, 60000, NULL, NULL));
  assert_ok(carto_import_job_new_file(&c, once, second, NULL));
  assert_ok(carto_import_job_run(c, NULL, NULL));
  assert_ok(carto_import_job_wait(c, 60000, NULL, NULL));
  assert_str_eq(carto_import_job_get_string(c, "table_name"), "second");

  carto_import_job_free(a);
  carto_import_job_free(b);
  carto_import_job_free(c);
  carto_import_client_free(once);
  free(first);
  free(second);
  free(csv);
}

/* A wrong key: EAUTH with HTTP 401 for every kind of call; the wrong key is not echoed either. */
static void test_bad_key(void **state) {
  it_fixture *fx = *state;
  carto_import_options *opts = it_options(fx->srv);
  assert_ok(carto_import_options_set_api_key(opts, "wrong-key-0123456789"));
  carto_import_client *bad = it_client_from(opts);
  char *path = it_write_file(fx->dir, "denied.csv", "a,b\n1,2\n");

  assert_status(carto_import_client_verify(bad), CARTO_IMPORT_EAUTH);
  assert_int_equal(carto_import_last_error_http_status(), 401);
  assert_null(strstr(carto_import_last_error_message(), "wrong-key-0123456789"));

  carto_import_job *job = NULL;
  assert_ok(carto_import_job_new_file(&job, bad, path, NULL));
  assert_status(carto_import_job_run(job, NULL, NULL), CARTO_IMPORT_EAUTH);
  assert_int_equal(carto_import_last_error_http_status(), 401);
  assert_null(carto_import_job_id(job));
  carto_import_job_free(job);

  carto_import_string_list *ids = NULL;
  assert_status(carto_import_job_list(&ids, bad), CARTO_IMPORT_EAUTH);
  assert_int_equal(carto_import_last_error_http_status(), 401);
  assert_null(ids);

  /* The right key works against the same server, and nothing was imported. */
  assert_ok(carto_import_client_verify(fx->client));
  carto_import_dataset_list *list = NULL;
  assert_ok(carto_import_dataset_list_all(&list, fx->client));
  assert_int_equal(carto_import_dataset_list_count(list), 0);
  carto_import_dataset_list_free(list);

  /* Listing and showing datasets use optional auth (PROTOCOL §1.2): the server answers a wrong
   * key as an anonymous caller, with public datasets only. The library notices and says the key
   * was not accepted, even when a public dataset exists. */
  carto_import_params *params = NULL;
  assert_ok(carto_import_params_new(&params));
  assert_ok(carto_import_params_set_privacy(params, CARTO_IMPORT_PRIVACY_PUBLIC));
  assert_ok(carto_import_dataset_create(&list, fx->client, path, params, 60000, NULL, NULL));
  carto_import_dataset *ds = NULL;
  assert_ok(carto_import_dataset_list_get(&ds, list, 0));
  carto_import_dataset_list_free(list);
  carto_import_params_free(params);
  list = NULL;
  assert_int_equal(carto_import_dataset_list_all(&list, bad), CARTO_IMPORT_EAUTH);
  assert_null(list);
  carto_import_dataset *seen = NULL;
  assert_int_equal(carto_import_dataset_get(&seen, bad, carto_import_dataset_get_string(ds, "id")),
                   CARTO_IMPORT_EAUTH);
  assert_null(seen);
  carto_import_dataset_free(ds);

  carto_import_client_free(bad);
  free(path);
}

/* An unknown job id: ENOTFOUND (HTTP 404); a string that is not a job id: EINVAL, no request. */
static void test_unknown_job(void **state) {
  it_fixture *fx = *state;
  carto_import_job *job = NULL;
  assert_status(carto_import_job_attach(&job, fx->client, "0b8c1d62-3f7e-4a5b-9c0d-1e2f3a4b5c6d"),
                CARTO_IMPORT_ENOTFOUND);
  assert_int_equal(carto_import_last_error_http_status(), 404);
  assert_contains(carto_import_last_error_message(), "0b8c1d62-3f7e-4a5b-9c0d-1e2f3a4b5c6d");
  assert_null(job);
  assert_status(carto_import_job_attach(&job, fx->client, "not-a-job"), CARTO_IMPORT_EINVAL);
  assert_null(job);
  assert_int_equal(it_count_requests(fx->srv, "GET", "/api/v1/imports/", NULL), 1);
}

/* With the key in the query string (AUTH_QUERY), failures still never show it. */
static void test_key_never_in_messages_with_query_auth(void **state) {
  it_fixture *fx = *state;
  carto_import_options *opts = it_options(fx->srv);
  assert_ok(carto_import_options_set_auth_mode(opts, CARTO_IMPORT_AUTH_QUERY));
  assert_ok(carto_import_options_set_retry(opts, 1, 20, 200));
  carto_import_client *client = it_client_from(opts);
  carto_import_dataset *ds = NULL;
  carto_import_dataset_list *list = NULL;

  /* The key does travel in the query string... */
  assert_ok(carto_import_client_verify(client));
  assert_int_equal(it_count_requests(fx->srv, "GET", "/api/v1/imports", "api_key=REDACTED"), 1);
  /* ...but not into any message: HTTP errors, protocol errors, network errors. */
  assert_status(carto_import_dataset_get(&ds, client, "no_such_dataset"), CARTO_IMPORT_ENOTFOUND);
  it_fault(fx->srv, "{\"method\":\"GET\",\"path\":\"/api/v1/viz\",\"nth\":1,\"action\":\"malformed\"}");
  assert_status(carto_import_dataset_list_all(&list, client), CARTO_IMPORT_EPROTOCOL);
  it_fault(fx->srv, "{\"method\":\"GET\",\"path\":\"/api/v1/viz\",\"action\":\"drop\"}");
  assert_status(carto_import_dataset_list_all(&list, client), CARTO_IMPORT_ENETWORK);
  it_hooks_reset(fx->srv);
  it_fault(fx->srv, "{\"method\":\"GET\",\"path\":\"/api/v1/viz\",\"action\":\"status\","
                    "\"status\":500}");
  assert_status(carto_import_dataset_list_all(&list, client), CARTO_IMPORT_ESERVER);
  assert_int_equal(carto_import_last_error_http_status(), 500);
  assert_null(list);
  carto_import_client_free(client);
}

/* Cancels the upload at the first progress call while bytes remain (early), or once every
 * byte was sent (late). */
static int cancel_early(int state, long long done, long long total, void *userdata) {
  (void)state, (void)userdata;
  return done < total;
}
static int cancel_late(int state, long long done, long long total, void *userdata) {
  (void)state, (void)userdata;
  return done >= total;
}

/* An early cancel leaves the job as it was; a late one says the server has the job, and names
 * it in the message, the snapshot and the job's own record. */
static void test_cancel_early_and_late(void **state) {
  it_fixture *fx = *state;
  char *path = it_write_big_csv(fx->dir, "big.csv", 4LL << 20);
  carto_import_job *job = NULL;
  carto_import_error *e = NULL;
  assert_ok(carto_import_job_new_file(&job, fx->client, path, NULL));
  assert_status(carto_import_job_run(job, cancel_early, NULL), CARTO_IMPORT_ECANCELED);
  assert_null(carto_import_job_id(job));
  assert_int_equal(carto_import_job_state(job), CARTO_IMPORT_STATE_NEW);
  assert_ok(carto_import_last_error_take(&e));
  assert_null(carto_import_error_get_job_id(e));
  carto_import_error_free(e);
  carto_import_string_list *running = NULL; /* the truncated upload made no job */
  assert_ok(carto_import_job_list(&running, fx->client));
  assert_int_equal(carto_import_string_list_count(running), 0);
  carto_import_string_list_free(running);

  assert_status(carto_import_job_run(job, cancel_late, NULL), CARTO_IMPORT_ECANCELED);
  const char *id = carto_import_job_id(job);
  assert_non_null(id);
  assert_int_equal(carto_import_job_state(job), CARTO_IMPORT_STATE_PENDING);
  assert_contains(carto_import_last_error_message(), "too late");
  assert_contains(carto_import_last_error_message(), id);
  assert_ok(carto_import_last_error_take(&e));
  assert_str_eq(carto_import_error_get_job_id(e), id);
  carto_import_error_free(e);
  assert_ok(carto_import_job_last_error(job, &e));
  assert_int_equal(carto_import_error_get_code(e), CARTO_IMPORT_ECANCELED);
  assert_str_eq(carto_import_error_get_job_id(e), id);
  carto_import_error_free(e);
  /* The job goes on: it can be waited for. */
  assert_ok(carto_import_job_wait(job, 120000, NULL, NULL));
  assert_ok(carto_import_job_last_error(job, &e));
  assert_null(e);
  carto_import_job_free(job);

  /* The one-call import: the same late cancel names the job it started. */
  carto_import_dataset_list *list = NULL;
  assert_status(carto_import_dataset_create(&list, fx->client, path, NULL, 120000, cancel_late,
                                            NULL),
                CARTO_IMPORT_ECANCELED);
  assert_null(list);
  assert_ok(carto_import_last_error_take(&e));
  assert_non_null(carto_import_error_get_job_id(e));
  assert_contains(carto_import_error_get_message(e), carto_import_error_get_job_id(e));
  carto_import_error_free(e);
  free(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      IT_TEST(test_unsupported_file_1002),
      IT_TEST(test_empty_file_1005),
      IT_TEST(test_url_not_found_1100),
      IT_TEST_WITH(test_too_big_6666, kTinyMaxFile),
      IT_TEST(test_duplicated_column_2005),
      IT_TEST_WITH(test_import_slots_exhausted, kOneSlot),
      IT_TEST(test_bad_key),
      IT_TEST(test_unknown_job),
      IT_TEST(test_key_never_in_messages_with_query_auth),
      IT_TEST(test_cancel_early_and_late),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
