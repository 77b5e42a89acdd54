/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Compressed uploads end to end: CSV, GeoJSON and KML sent gzip-compressed make the same table
 * (name, rows, columns, geometry) as sent as they are; progress counts the file's bytes; the
 * fallbacks when a server refuses the compressed file. */
#include <stdlib.h>

#include "it_support.h"

typedef struct progress_log {
  int calls;
  long long last_done, last_total;
} progress_log;

static int record_progress(int state, long long done, long long total, void *userdata) {
  progress_log *log = userdata;
  assert_int_equal(state, CARTO_IMPORT_STATE_SENDING);
  assert_true(done <= total);
  ++log->calls;
  log->last_done = done;
  log->last_total = total;
  return 0;
}

static char *geojson_text(int n) {
  char *s = malloc(64 + (size_t)n * 160);
  if (!s) fail_msg("out of memory");
  size_t k = (size_t)sprintf(s, "{\"type\":\"FeatureCollection\",\"features\":[");
  for (int i = 1; i <= n; ++i)
    k += (size_t)sprintf(s + k,
                         "%s{\"type\":\"Feature\",\"properties\":{\"id\":%d,\"name\":\"place %d\"},"
                         "\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.4f,%.4f]}}",
                         i > 1 ? "," : "", i, i, -3.0 - i * 0.01, 40.0 + i * 0.01);
  strcpy(s + k, "]}\n");
  return s;
}

static char *kml_text(int n) {
  char *s = malloc(256 + (size_t)n * 200);
  if (!s) fail_msg("out of memory");
  size_t k = (size_t)sprintf(s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>\n");
  for (int i = 1; i <= n; ++i)
    k += (size_t)sprintf(s + k,
                         "<Placemark><name>place %d</name><description>number %d</description>"
                         "<Point><coordinates>%.4f,%.4f</coordinates></Point></Placemark>\n",
                         i, i, -3.0 - i * 0.01, 40.0 + i * 0.01);
  strcpy(s + k, "</Document></kml>\n");
  return s;
}

/* The table as the server stored it: ogrinfo's summary of the layer (fields, geometry type,
 * feature count, extent), which names nothing that depends on how the file was sent. */
static char *table_summary(const it_fixture *fx, const char *table) {
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "ogrinfo -ro -so '%s/users/" IT_USER "/tables.gpkg' '%s' 2>&1",
           fx->srv->data_dir, table);
  FILE *p = popen(cmd, "r");
  if (!p) fail_msg("cannot run ogrinfo");
  char *out = calloc(1, 65536);
  if (!out) fail_msg("out of memory");
  size_t n = fread(out, 1, 65535, p);
  out[n] = '\0';
  pclose(p);
  return out;
}

typedef struct imported {
  char name[128];
  long long rows;
  char *summary;
} imported;

/* Imports path with the given compression through the one-call function, reads what it made,
 * then deletes the dataset so that the next import gets the same name. */
static imported import_with(it_fixture *fx, const char *path, int compression) {
  carto_import_options *opts = it_options(fx->srv);
  assert_ok(carto_import_options_set_upload_compression(opts, compression));
  carto_import_client *client = it_client_from(opts);
  carto_import_dataset_list *list = NULL;
  carto_import_dataset *ds = NULL;
  imported r;
  assert_ok(carto_import_dataset_create(&list, client, path, NULL, 60000, NULL, NULL));
  assert_int_equal(carto_import_dataset_list_count(list), 1);
  assert_ok(carto_import_dataset_list_get(&ds, list, 0));
  snprintf(r.name, sizeof r.name, "%s", carto_import_dataset_get_string(ds, "name"));
  r.rows = carto_import_dataset_get_int(ds, "row_count", -1);
  r.summary = table_summary(fx, r.name);
  assert_ok(carto_import_dataset_delete(ds));
  carto_import_dataset_free(ds);
  carto_import_dataset_list_free(list);
  carto_import_client_free(client);
  return r;
}

static void same_table(it_fixture *fx, const char *name, const char *text, const char *table,
                       long long rows) {
  char *path = it_write_file(fx->dir, name, text);
  imported plain = import_with(fx, path, CARTO_IMPORT_COMPRESSION_NONE);
  imported gz = import_with(fx, path, CARTO_IMPORT_COMPRESSION_GZIP);
  assert_str_eq(plain.name, table);
  assert_str_eq(gz.name, table);
  assert_int_equal(plain.rows, rows);
  assert_int_equal(gz.rows, rows);
  assert_contains(plain.summary, "Feature Count: ");
  assert_str_eq(gz.summary, plain.summary);
  free(plain.summary);
  free(gz.summary);
  free(path);
}

static void test_csv_same_table(void **state) {
  char *csv = it_csv_text(500);
  same_table(*state, "cmp_points.csv", csv, "cmp_points", 500);
  free(csv);
}

static void test_geojson_same_table(void **state) {
  char *json = geojson_text(300);
  same_table(*state, "cmp_features.geojson", json, "cmp_features", 300);
  free(json);
}

static void test_kml_same_table(void **state) {
  char *kml = kml_text(200);
  same_table(*state, "cmp_marks.kml", kml, "cmp_marks", 200);
  free(kml);
}

/* The job API with the default (AUTO): a CSV goes compressed, as NAME.gz; progress reports the
 * file's bytes; the body sent is smaller than the file. */
static void test_auto_job(void **state) {
  it_fixture *fx = *state;
  char *csv = it_csv_text(3000);
  char *path = it_write_file(fx->dir, "auto.csv", csv);
  const long long size = (long long)strlen(csv);
  carto_import_job *job = NULL;
  progress_log log = {0};
  assert_ok(carto_import_job_new_file(&job, fx->client, path, NULL));
  assert_int_equal(carto_import_job_upload_compression(job), CARTO_IMPORT_COMPRESSION_AUTO);
  assert_int_equal(carto_import_job_upload_bytes_sent(job), 0);
  assert_ok(carto_import_job_run(job, record_progress, &log));
  assert_int_equal(carto_import_job_upload_compression(job), CARTO_IMPORT_COMPRESSION_GZIP);
  assert_true(log.calls >= 1);
  assert_int_equal(log.last_total, size);
  assert_int_equal(log.last_done, size);
  const long long sent = carto_import_job_upload_bytes_sent(job);
  assert_true(sent > 0 && sent < size / 2);
  assert_ok(carto_import_job_wait(job, 60000, NULL, NULL));
  assert_str_eq(carto_import_job_get_string(job, "display_name"), "auto.csv.gz");
  assert_str_eq(carto_import_job_get_string(job, "table_name"), "auto");
  carto_import_job_free(job);

  /* An archive is never compressed again, whatever the mode. */
  const char *files[] = {"auto.csv"};
  char *zip = it_zip(fx->dir, "auto.zip", files, 1);
  carto_import_options *opts = it_options(fx->srv);
  assert_ok(carto_import_options_set_upload_compression(opts, CARTO_IMPORT_COMPRESSION_GZIP));
  carto_import_client *client = it_client_from(opts);
  assert_ok(carto_import_job_new_file(&job, client, zip, NULL));
  assert_ok(carto_import_job_run(job, NULL, NULL));
  assert_int_equal(carto_import_job_upload_compression(job), CARTO_IMPORT_COMPRESSION_NONE);
  assert_ok(carto_import_job_wait(job, 60000, NULL, NULL));
  assert_str_eq(carto_import_job_get_string(job, "display_name"), "auto.zip");
  carto_import_job_free(job);
  carto_import_client_free(client);
  free(zip);
  free(path);
  free(csv);
}

static void test_option_validation(void **state) {
  (void)state;
  carto_import_options *opts = NULL;
  assert_ok(carto_import_options_new(&opts));
  assert_status(carto_import_options_set_upload_compression(opts, 3), CARTO_IMPORT_EINVAL);
  assert_status(carto_import_options_set_upload_compression(opts, -1), CARTO_IMPORT_EINVAL);
  assert_ok(carto_import_options_set_upload_compression(opts, CARTO_IMPORT_COMPRESSION_NONE));
  carto_import_options_free(opts);
  assert_status(carto_import_options_set_upload_compression(NULL, 0), CARTO_IMPORT_EBADHANDLE);
  assert_int_equal(carto_import_job_upload_bytes_sent(NULL), 0);
}

/* Runs a job for path through client and waits for it; returns the job (the caller frees it)
 * and the wait's status in *rc. */
static carto_import_job *run_job(carto_import_client *client, const char *path, int *rc) {
  carto_import_job *job = NULL;
  assert_ok(carto_import_job_new_file(&job, client, path, NULL));
  assert_ok(carto_import_job_run(job, NULL, NULL));
  *rc = carto_import_job_wait(job, 60000, NULL, NULL);
  return job;
}

/* A tiny and an empty file sent gzip-compressed: the server only ever gunzips a lone
 * NAME.csv.gz (it took a small CSV for an mtree archive, and an empty one for nothing: both
 * failed with 1002), so the tiny one imports and the empty one fails as it does uncompressed. */
static void test_tiny_and_empty_gzip(void **state) {
  it_fixture *fx = *state;
  carto_import_options *opts = it_options(fx->srv);
  assert_ok(carto_import_options_set_upload_compression(opts, CARTO_IMPORT_COMPRESSION_GZIP));
  carto_import_client *gz = it_client_from(opts);
  opts = it_options(fx->srv);
  assert_ok(carto_import_options_set_upload_compression(opts, CARTO_IMPORT_COMPRESSION_NONE));
  carto_import_client *plain = it_client_from(opts);
  char *tiny = it_write_file(fx->dir, "tiny.csv", "a,b\n1,2\n");
  char *empty = it_write_file(fx->dir, "empty.csv", "");
  int rc = 0;

  carto_import_job *job = run_job(gz, tiny, &rc);
  assert_ok(rc);
  assert_int_equal(carto_import_job_upload_compression(job), CARTO_IMPORT_COMPRESSION_GZIP);
  assert_str_eq(carto_import_job_get_string(job, "display_name"), "tiny.csv.gz");
  assert_str_eq(carto_import_job_get_string(job, "table_name"), "tiny");
  carto_import_job_free(job);

  job = run_job(plain, empty, &rc);
  assert_status(rc, CARTO_IMPORT_EREMOTE);
  assert_int_equal(carto_import_job_upload_compression(job), CARTO_IMPORT_COMPRESSION_NONE);
  const int plain_code = carto_import_job_error_code(job);
  carto_import_job_free(job);
  job = run_job(gz, empty, &rc);
  assert_status(rc, CARTO_IMPORT_EREMOTE);
  assert_int_equal(carto_import_job_upload_compression(job), CARTO_IMPORT_COMPRESSION_GZIP);
  assert_int_equal(carto_import_job_error_code(job), plain_code);
  assert_int_not_equal(plain_code, 1002);
  carto_import_job_free(job);

  carto_import_client_free(plain);
  carto_import_client_free(gz);
  free(tiny);
  free(empty);
}

/* A server (or proxy) answering 415 to the compressed upload: run() sends it again as it is,
 * and the job's warnings say so. */
static void test_415_sends_uncompressed(void **state) {
  it_fixture *fx = *state;
  char *path = it_write_csv(fx->dir, "refused.csv", 50);
  it_fault(fx->srv, "{\"method\":\"POST\",\"path\":\"/api/v1/imports\",\"nth\":1,"
                    "\"action\":\"status\",\"status\":415,"
                    "\"body\":\"{\\\"error\\\":\\\"Unsupported Media Type\\\"}\"}");
  carto_import_job *job = NULL;
  assert_ok(carto_import_job_new_file(&job, fx->client, path, NULL));
  assert_ok(carto_import_job_run(job, NULL, NULL));
  assert_int_equal(it_count_requests(fx->srv, "POST", "/api/v1/imports", NULL), 2);
  assert_int_equal(carto_import_job_upload_compression(job), CARTO_IMPORT_COMPRESSION_NONE);
  assert_ok(carto_import_job_wait(job, 60000, NULL, NULL));
  assert_str_eq(carto_import_job_get_string(job, "display_name"), "refused.csv");
  assert_contains(carto_import_job_json(job), "\"upload_compression\":\"the server rejected");
  carto_import_job_free(job);
  free(path);
}

/* An import of the .gz failing as an unsupported file type (1002): the one-call function
 * imports the file once more, uncompressed. */
static void test_1002_one_call_retries(void **state) {
  it_fixture *fx = *state;
  char *path = it_write_csv(fx->dir, "unsupported.csv", 50);
  /* The first poll of the job reads a failure 1002, as from a server without gzip support. */
  it_fault(fx->srv,
           "{\"method\":\"GET\",\"path\":\"/api/v1/imports/\",\"nth\":1,\"action\":\"status\","
           "\"status\":200,\"body\":\"{\\\"id\\\":\\\"x\\\",\\\"state\\\":\\\"failure\\\","
           "\\\"success\\\":false,\\\"error_code\\\":1002,\\\"get_error_text\\\":{\\\"title\\\":"
           "\\\"Unsupported/Unrecognized file type\\\",\\\"what_about\\\":\\\"\\\","
           "\\\"source\\\":\\\"user\\\"}}\"}");
  carto_import_dataset_list *list = NULL;
  carto_import_dataset *ds = NULL;
  assert_ok(carto_import_dataset_create(&list, fx->client, path, NULL, 60000, NULL, NULL));
  assert_int_equal(it_count_requests(fx->srv, "POST", "/api/v1/imports", NULL), 2);
  assert_int_equal(carto_import_dataset_list_count(list), 1);
  assert_ok(carto_import_dataset_list_get(&ds, list, 0));
  assert_int_equal(carto_import_dataset_get_int(ds, "row_count", -1), 50);
  carto_import_dataset_free(ds);
  carto_import_dataset_list_free(list);

  /* Any other failure is not retried. */
  it_hooks_reset(fx->srv);
  it_fault(fx->srv,
           "{\"method\":\"GET\",\"path\":\"/api/v1/imports/\",\"nth\":1,\"action\":\"status\","
           "\"status\":200,\"body\":\"{\\\"id\\\":\\\"x\\\",\\\"state\\\":\\\"failure\\\","
           "\\\"success\\\":false,\\\"error_code\\\":6668}\"}");
  assert_status(carto_import_dataset_create(&list, fx->client, path, NULL, 60000, NULL, NULL),
                CARTO_IMPORT_EREMOTE);
  assert_int_equal(it_count_requests(fx->srv, "POST", "/api/v1/imports", NULL), 1);
  free(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      IT_TEST(test_csv_same_table),          IT_TEST(test_geojson_same_table),
      IT_TEST(test_kml_same_table),          IT_TEST(test_auto_job),
      IT_TEST(test_option_validation),       IT_TEST(test_415_sends_uncompressed),
      IT_TEST(test_1002_one_call_retries),   IT_TEST(test_tiny_and_empty_gzip),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
