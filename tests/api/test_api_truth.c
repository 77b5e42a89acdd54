/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Retries that tell the truth and listings that stop, against the loopback stub: a DELETE whose
 * reply was lost, a viz reply without map_id, a POST whose reply was lost, and listings whose
 * pages make no progress (repeated ids, totals that change or cannot be reached, too many). */
#include <stdio.h>

#include "test_assert.h"
#include "stub_server.h"

#define KEY "Xk4-truth-leakcheck-27182818"
#define ID "11111111-2222-3333-4444-555555555555"
#define ID2 "11111111-2222-3333-4444-666666666666"
#define VIZ_OF(id) "{\"id\":\"" id "\",\"name\":\"t\",\"map_id\":\"" ID "\",\"type\":\"table\"," \
                   "\"privacy\":\"PRIVATE\",\"dependent_visualizations_count\":0}"
#define SYNC_OF(id) "{\"id\":\"" id "\",\"state\":\"success\",\"interval\":900}"

#undef TEST_ON_ERROR_STATUS
#define TEST_ON_ERROR_STATUS() assert_no_key(KEY)
static void assert_no_key(const char *key) {
  assert_not_contains(carto_import_last_error_message(), key);
}

static carto_import_client *client_of(stub_server *s, long max_list_entries) {
  carto_import_options *o = options_for(stub_base_url(s, "demo"), KEY);
  assert_ok(carto_import_options_set_retry(o, 3, 1, 5));
  assert_ok(carto_import_options_set_request_timeout_ms(o, 2000 * (long)time_scale()));
  if (max_list_entries > 0) assert_ok(carto_import_options_set_max_list_entries(o, max_list_entries));
  carto_import_client *c = NULL;
  assert_ok(carto_import_client_new(&c, o));
  carto_import_options_free(o);
  return c;
}

static int setup(void **state) {
  *state = stub_start();
  return *state ? 0 : -1;
}

static int teardown(void **state) { return stub_stop_checked(*state); }

/* ---- retries that tell the truth --------------------------------------------------------- */

/* The 204 of a DELETE is lost (the connection dies after the request went out); the retry
 * finds nothing: the object is gone, as asked. For datasets (plain and forced) and syncs. */
static void test_delete_whose_reply_was_lost(void **state) {
  stub_server *s = *state;
  carto_import_client *c = client_of(s, 0);
  carto_import_dataset *ds = NULL;
  carto_import_sync *sync = NULL;
  stub_push(s, 200, NULL, VIZ_OF(ID));
  assert_ok(carto_import_dataset_get(&ds, c, ID));
  stub_push(s, 200, NULL, VIZ_OF(ID)); /* the dependent-maps check */
  stub_push_close(s);
  stub_push(s, 404, NULL, "{\"errors\":\"Visualization does not exist\"}");
  assert_ok(carto_import_dataset_delete(ds));
  stub_push_reset(s);
  stub_push(s, 404, NULL, NULL);
  assert_ok(carto_import_dataset_force_delete(ds));
  stub_push(s, 200, NULL, SYNC_OF(ID));
  assert_ok(carto_import_sync_get(&sync, c, ID));
  stub_push(s, 503, NULL, NULL); /* a refusal is not a lost reply: */
  stub_push(s, 404, NULL, NULL); /* ... this 404 means it never existed */
  assert_status(carto_import_sync_delete(sync), CARTO_IMPORT_ENOTFOUND);
  stub_push(s, 504, NULL, NULL); /* a gateway that lost the reply */
  stub_push(s, 404, NULL, NULL);
  assert_ok(carto_import_sync_delete(sync));
  /* A first attempt that gets 404 is a 404. */
  stub_push(s, 404, NULL, NULL);
  assert_status(carto_import_dataset_force_delete(ds), CARTO_IMPORT_ENOTFOUND);
  carto_import_sync_free(sync);
  carto_import_dataset_free(ds);
  carto_import_client_free(c);
}

/* A viz reply without map_id: EPROTOCOL, unless it has the public view's shape (then the key
 * was not accepted: EAUTH). */
static void test_viz_without_map_id(void **state) {
  stub_server *s = *state;
  carto_import_client *c = client_of(s, 0);
  carto_import_dataset *ds = NULL;
  stub_push(s, 200, NULL, "{\"id\":\"" ID "\",\"name\":\"t\",\"type\":\"table\",\"privacy\":\"PRIVATE\"}");
  assert_status(carto_import_dataset_get(&ds, c, ID), CARTO_IMPORT_EPROTOCOL);
  assert_contains(carto_import_last_error_message(), "map_id");
  stub_push(s, 200, NULL, "{\"id\":\"" ID "\",\"map_id\":null,\"privacy\":\"PUBLIC\"}");
  assert_status(carto_import_dataset_get(&ds, c, ID), CARTO_IMPORT_EPROTOCOL);
  stub_push(s, 200, NULL, "{\"id\":\"" ID "\",\"privacy\":\"PUBLIC\",\"auth_tokens\":[]}");
  assert_status(carto_import_dataset_get(&ds, c, ID), CARTO_IMPORT_EPROTOCOL);
  stub_push(s, 200, NULL, "{\"id\":\"" ID "\",\"name\":\"t\",\"type\":\"table\",\"privacy\":\"PUBLIC\","
                          "\"kind\":\"geom\"}");
  assert_status(carto_import_dataset_get(&ds, c, ID), CARTO_IMPORT_EAUTH);
  assert_null(ds);
  carto_import_client_free(c);
}

/* The POST that creates a job or a sync is cut after it was sent: not repeated, and the
 * message says where to look for what the server may have created. */
static void test_post_whose_reply_was_lost(void **state) {
  stub_server *s = *state;
  carto_import_client *c = client_of(s, 0);
  carto_import_job *job = NULL;
  carto_import_sync *sync = NULL;
  assert_ok(carto_import_job_new_url(&job, c, "https://example.com/a.csv", NULL));
  stub_push_close(s);
  assert_status(carto_import_job_run(job, NULL, NULL), CARTO_IMPORT_ENETWORK);
  assert_contains(carto_import_last_error_message(), "may have created the import job");
  assert_contains(carto_import_last_error_message(), "carto_import_job_list");
  assert_int_equal(stub_request_count(s), 1);
  stub_push(s, 502, NULL, NULL);
  assert_status(carto_import_job_run(job, NULL, NULL), CARTO_IMPORT_ESERVER);
  assert_contains(carto_import_last_error_message(), "carto_import_job_list");
  stub_push(s, 400, NULL, "{\"errors\":{\"imports\":\"bad\"}}"); /* a refusal: no such hint */
  assert_status(carto_import_job_run(job, NULL, NULL), CARTO_IMPORT_EBADREQUEST);
  assert_not_contains(carto_import_last_error_message(), "carto_import_job_list");
  stub_push_reset(s);
  assert_status(carto_import_sync_create(&sync, c, "https://example.com/a.csv", 900, NULL),
                CARTO_IMPORT_ENETWORK);
  assert_contains(carto_import_last_error_message(), "carto_import_sync_list_all");
  assert_int_equal(stub_request_count(s), 4);
  carto_import_job_free(job);
  carto_import_client_free(c);
}

/* ---- listings that stop ------------------------------------------------------------------- */

/* A page of `n` datasets with ids first..first+n-1 and the given totals. */
static char *page(int first, int n, const char *total) {
  static char buf[1 << 16];
  size_t len = (size_t)snprintf(buf, sizeof buf, "{\"visualizations\":[");
  for (int i = 0; i < n; ++i)
    len += (size_t)snprintf(buf + len, sizeof buf - len,
                            "%s{\"id\":\"viz-%d\",\"name\":\"t%d\",\"map_id\":\"m\"}",
                            i ? "," : "", first + i, first + i);
  snprintf(buf + len, sizeof buf - len,
           "],\"total_entries\":%s,\"total_user_entries\":%s}", total, total);
  return buf;
}

static void expect_list_error(stub_server *s, carto_import_client *c, const char *what) {
  carto_import_dataset_list *list = NULL;
  assert_status(carto_import_dataset_list_all(&list, c), CARTO_IMPORT_EPROTOCOL);
  assert_null(list);
  assert_contains(carto_import_last_error_message(), what);
  stub_clear(s);
}

static void test_listing_without_progress(void **state) {
  stub_server *s = *state;
  carto_import_client *c = client_of(s, 0);
  carto_import_dataset_list *list = NULL;
  /* A good listing of two pages. */
  stub_push(s, 200, NULL, page(0, 100, "150"));
  stub_push(s, 200, NULL, page(100, 50, "150"));
  assert_ok(carto_import_dataset_list_all(&list, c));
  assert_int_equal(carto_import_dataset_list_count(list), 150);
  carto_import_dataset_list_free(list);
  /* The same page again, claiming 10^9 entries: over the limit at once. */
  stub_push(s, 200, NULL, page(0, 100, "1000000000"));
  expect_list_error(s, c, "more than the limit of 100000");
  /* The same page again, with a reachable total: a repeated id. */
  stub_push(s, 200, NULL, page(0, 100, "300"));
  stub_push(s, 200, NULL, page(0, 100, "300"));
  expect_list_error(s, c, "viz-0 was already listed");
  /* A total that changes between pages. */
  stub_push(s, 200, NULL, page(0, 100, "300"));
  stub_push(s, 200, NULL, page(100, 100, "301"));
  expect_list_error(s, c, "total_entries changed from 300 to 301");
  /* A total that cannot be reached: an empty page before it. */
  stub_push(s, 200, NULL, page(0, 100, "300"));
  stub_push(s, 200, NULL, page(100, 0, "300"));
  expect_list_error(s, c, "an empty page after 100 of 300");
  /* More than the total allows, and more than a page holds. */
  stub_push(s, 200, NULL, page(0, 100, "120"));
  stub_push(s, 200, NULL, page(100, 30, "120"));
  expect_list_error(s, c, "more datasets than the total of 120");
  stub_push(s, 200, NULL, page(0, 101, "300"));
  expect_list_error(s, c, "101 items on a page of 100");
  carto_import_client_free(c);
  /* A lower limit, set by the caller. */
  c = client_of(s, 99);
  stub_push(s, 200, NULL, page(0, 100, "100"));
  expect_list_error(s, c, "more than the limit of 99");
  carto_import_client_free(c);
}

static void test_sync_and_job_lists(void **state) {
  stub_server *s = *state;
  carto_import_client *c = client_of(s, 2);
  carto_import_sync_list *syncs = NULL;
  carto_import_string_list *jobs = NULL;
  stub_push(s, 200, NULL, "{\"synchronizations\":[" SYNC_OF(ID) "," SYNC_OF(ID2) "],\"total_entries\":2}");
  assert_ok(carto_import_sync_list_all(&syncs, c));
  assert_int_equal(carto_import_sync_list_count(syncs), 2);
  carto_import_sync_list_free(syncs);
  stub_push(s, 200, NULL, "{\"synchronizations\":[" SYNC_OF(ID) "," SYNC_OF(ID) "],\"total_entries\":2}");
  assert_status(carto_import_sync_list_all(&syncs, c), CARTO_IMPORT_EPROTOCOL);
  assert_contains(carto_import_last_error_message(), "listed twice");
  stub_push(s, 200, NULL, "{\"synchronizations\":[" SYNC_OF(ID) "],\"total_entries\":1000000000}");
  assert_status(carto_import_sync_list_all(&syncs, c), CARTO_IMPORT_EPROTOCOL);
  stub_push(s, 200, NULL, "{\"synchronizations\":[" SYNC_OF(ID) "," SYNC_OF(ID2) "," SYNC_OF(ID)
                          "],\"total_entries\":3}");
  assert_status(carto_import_sync_list_all(&syncs, c), CARTO_IMPORT_EPROTOCOL);
  assert_contains(carto_import_last_error_message(), "more than the limit of 2");
  assert_null(syncs);
  stub_push(s, 200, NULL, "{\"imports\":[\"" ID "\",\"" ID "\"],\"success\":true}");
  assert_status(carto_import_job_list(&jobs, c), CARTO_IMPORT_EPROTOCOL);
  assert_contains(carto_import_last_error_message(), "listed twice");
  stub_push(s, 200, NULL, "{\"imports\":[\"a\",\"b\",\"c\"],\"success\":true}");
  assert_status(carto_import_job_list(&jobs, c), CARTO_IMPORT_EPROTOCOL);
  assert_null(jobs);
  carto_import_client_free(c);
}

/* A listing that pages on (new ids, a reachable total) meets the call's deadline. */
static void test_listing_meets_the_deadline(void **state) {
  stub_server *s = *state;
  carto_import_options *o = options_for(stub_base_url(s, "demo"), KEY);
  assert_ok(carto_import_options_set_call_timeout_ms(o, 300));
  carto_import_client *c = NULL;
  assert_ok(carto_import_client_new(&c, o));
  carto_import_options_free(o);
  for (int i = 0; i < 50; ++i) stub_push_delay(s, 200, NULL, page(i * 100, 100, "100000"), 50);
  carto_import_dataset_list *list = NULL;
  assert_status(carto_import_dataset_list_all(&list, c), CARTO_IMPORT_ETIMEDOUT);
  assert_true(stub_request_count(s) < 50);
  stub_clear(s);
  carto_import_client_free(c);
}

/* A NULL out-parameter is refused before the requests whose result it would receive. */
static void test_null_out_sends_nothing(void **state) {
  stub_server *s = *state;
  carto_import_client *c = client_of(s, 0);
  carto_import_sync *sync = NULL;
  carto_import_job *job = NULL;
  stub_push(s, 200, NULL, "{\"id\":\"" ID "\",\"state\":\"success\",\"interval\":900,"
                          "\"visualization_id\":\"" ID2 "\"}");
  assert_ok(carto_import_sync_get(&sync, c, ID));
  stub_push(s, 200, NULL, "{\"id\":\"" ID "\",\"state\":\"complete\",\"success\":true,"
                          "\"table_name\":\"t\"}");
  assert_ok(carto_import_job_attach(&job, c, ID));
  const size_t before = stub_request_count(s);
  assert_status(carto_import_sync_dataset(NULL, sync), CARTO_IMPORT_EINVAL);
  assert_status(carto_import_job_datasets(NULL, job), CARTO_IMPORT_EINVAL);
  assert_int_equal(stub_request_count(s), before);
  carto_import_job_free(job);
  carto_import_sync_free(sync);
  carto_import_client_free(c);
}

int main(void) {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
  const struct CMUnitTest tests[] = {
      T(test_delete_whose_reply_was_lost), T(test_viz_without_map_id),
      T(test_post_whose_reply_was_lost),   T(test_listing_without_progress),
      T(test_sync_and_job_lists),          T(test_listing_meets_the_deadline),
      T(test_null_out_sends_nothing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
