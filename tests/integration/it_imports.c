/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Imports end to end: files, URLs, archives, attaching, listing, deadlines, cancellation. */
#include "it_support.h"

static const char *const kSlow[] = {"--step-delay-ms", "300", NULL};
/* A job lasts over 7 s: longer than a deadline that leaves room for a slow upload. */
static const char *const kSlower[] = {"--step-delay-ms", "1500", NULL};

/* Records the progress callbacks it receives; cancels at call number cancel_at (0: never). */
typedef struct progress_log {
  int calls;
  int cancel_at;
  int states[64];
  long long done[64], total[64];
} progress_log;

static int record_progress(int state, long long done, long long total, void *userdata) {
  progress_log *log = userdata;
  if (log->calls < 64) {
    log->states[log->calls] = state;
    log->done[log->calls] = done;
    log->total[log->calls] = total;
  }
  ++log->calls;
  return log->cancel_at > 0 && log->calls >= log->cancel_at;
}

static int in_list(const carto_import_string_list *list, const char *s) {
  for (size_t i = 0; i < carto_import_string_list_count(list); ++i)
    if (strcmp(carto_import_string_list_get(list, i), s) == 0) return 1;
  return 0;
}

static int job_listed(carto_import_client *client, const char *id) {
  carto_import_string_list *ids = NULL;
  assert_ok(carto_import_job_list(&ids, client));
  const int found = in_list(ids, id);
  carto_import_string_list_free(ids);
  return found;
}

/* A file import: progress while sending, the job's fields, and its dataset. */
static void test_file_import(void **state) {
  it_fixture *fx = *state;
  char *csv = it_csv_text(10);
  char *path = it_write_file(fx->dir, "it_points.csv", csv);
  const long long size = (long long)strlen(csv);
  carto_import_job *job = NULL;
  progress_log log = {0};

  assert_ok(carto_import_job_new_file(&job, fx->client, path, NULL));
  assert_int_equal(carto_import_job_state(job), CARTO_IMPORT_STATE_NEW);
  assert_null(carto_import_job_id(job));
  assert_ok(carto_import_job_run(job, record_progress, &log));
  assert_non_null(carto_import_job_id(job));
  assert_int_equal(strlen(carto_import_job_id(job)), 36);
  assert_true(log.calls >= 1);
  for (int i = 0; i < log.calls && i < 64; ++i) {
    assert_int_equal(log.states[i], CARTO_IMPORT_STATE_SENDING);
    assert_true(log.total[i] >= size); /* the multipart body is a little larger than the file */
  }
  assert_int_equal(log.done[(log.calls < 64 ? log.calls : 64) - 1], log.total[0]);

  assert_ok(carto_import_job_wait(job, 60000, NULL, NULL));
  assert_int_equal(carto_import_job_state(job), CARTO_IMPORT_STATE_COMPLETE);
  assert_str_eq(carto_import_job_state_name(job), "complete");
  assert_int_equal(carto_import_job_success(job), 1);
  assert_int_equal(carto_import_job_error_code(job), 0);
  assert_str_eq(carto_import_job_get_string(job, "table_name"), "it_points");
  /* AUTO sends a CSV gzip-compressed: the job is named after the file sent. */
  assert_str_eq(carto_import_job_get_string(job, "display_name"), "it_points.csv.gz");
  assert_str_eq(carto_import_job_get_string(job, "data_type"), "file");
  assert_str_eq(carto_import_job_get_string(job, "id"), carto_import_job_id(job));
  assert_non_null(carto_import_job_get_string(job, "table_id"));
  assert_int_equal(carto_import_job_get_int(job, "tables_created_count", -1), 1);
  assert_null(carto_import_job_get_string(job, "error_title"));
  assert_contains(carto_import_job_json(job), "\"state\":\"complete\"");

  carto_import_dataset_list *list = NULL;
  carto_import_dataset *ds = NULL;
  assert_ok(carto_import_job_datasets(&list, job));
  assert_int_equal(carto_import_dataset_list_count(list), 1);
  assert_ok(carto_import_dataset_list_get(&ds, list, 0));
  assert_str_eq(carto_import_dataset_get_string(ds, "name"), "it_points");
  assert_str_eq(carto_import_dataset_get_string(ds, "table_id"),
                carto_import_job_get_string(job, "table_id"));
  assert_int_equal(carto_import_dataset_get_int(ds, "row_count", -1), 10);
  assert_str_eq(carto_import_dataset_get_string(ds, "type"), "table");

  carto_import_dataset_free(ds);
  carto_import_dataset_list_free(list);
  carto_import_job_free(job);
  free(path);
  free(csv);
}

/* A URL import, at the job level and with the one-call dataset_create. */
static void test_url_import(void **state) {
  it_fixture *fx = *state;
  char *csv = it_csv_text(7);
  free(it_write_file(fx->dir, "it_url.csv", csv));
  fx->files = it_files_start(fx->dir);
  char url[160];
  snprintf(url, sizeof url, "%sit_url.csv", fx->files->url);

  carto_import_job *job = NULL;
  assert_ok(carto_import_job_new_url(&job, fx->client, url, NULL));
  assert_ok(carto_import_job_run(job, NULL, NULL));
  assert_ok(carto_import_job_wait(job, 60000, NULL, NULL));
  assert_str_eq(carto_import_job_get_string(job, "table_name"), "it_url");
  assert_str_eq(carto_import_job_get_string(job, "display_name"), "it_url.csv");
  assert_str_eq(carto_import_job_get_string(job, "data_type"), "url");
  assert_str_eq(carto_import_job_get_string(job, "original_url"), url);
  assert_int_equal(carto_import_job_get_int(job, "tables_created_count", -1), 1);
  carto_import_job_free(job);

  /* Again through dataset_create: the default collision strategy renames the table. */
  carto_import_dataset_list *list = NULL;
  carto_import_dataset *ds = NULL;
  assert_ok(carto_import_dataset_create(&list, fx->client, url, NULL, 60000, NULL, NULL));
  assert_int_equal(carto_import_dataset_list_count(list), 1);
  assert_ok(carto_import_dataset_list_get(&ds, list, 0));
  assert_str_eq(carto_import_dataset_get_string(ds, "name"), "it_url_1");
  assert_int_equal(carto_import_dataset_get_int(ds, "row_count", -1), 7);
  carto_import_dataset_free(ds);
  carto_import_dataset_list_free(list);
  free(csv);
}

/* A zip of three CSV files gives three tables, and the library returns the three datasets. */
static void test_zip_gives_several_datasets(void **state) {
  it_fixture *fx = *state;
  const char *names[] = {"alpha.csv", "beta.csv", "gamma.csv"};
  for (int i = 0; i < 3; ++i) {
    char *csv = it_csv_text(3 + i);
    free(it_write_file(fx->dir, names[i], csv));
    free(csv);
  }
  char *zip = it_zip(fx->dir, "three.zip", names, 3);

  carto_import_job *job = NULL;
  assert_ok(carto_import_job_new_file(&job, fx->client, zip, NULL));
  assert_ok(carto_import_job_run(job, NULL, NULL));
  assert_ok(carto_import_job_wait(job, 60000, NULL, NULL));
  assert_int_equal(carto_import_job_get_int(job, "tables_created_count", -1), 3);
  assert_str_eq(carto_import_job_get_string(job, "display_name"), "three.zip");

  /* The server made the three datasets... */
  carto_import_dataset_list *all = NULL;
  assert_ok(carto_import_dataset_list_all(&all, fx->client));
  assert_int_equal(carto_import_dataset_list_count(all), 3);
  carto_import_dataset_list_free(all);

  /* ...and the job's datasets are all of them, not only the first. */
  carto_import_dataset_list *list = NULL;
  assert_ok(carto_import_job_datasets(&list, job));
  const size_t n = carto_import_dataset_list_count(list);
  int seen[3] = {0, 0, 0};
  for (size_t i = 0; i < n; ++i) {
    carto_import_dataset *ds = NULL;
    assert_ok(carto_import_dataset_list_get(&ds, list, i));
    const char *name = carto_import_dataset_get_string(ds, "name");
    for (int k = 0; k < 3; ++k)
      if (name && strncmp(name, names[k], strlen(names[k]) - 4) == 0) seen[k]++;
    carto_import_dataset_free(ds);
  }
  carto_import_dataset_list_free(list);
  carto_import_job_free(job);
  free(zip);
  if (n != 3)
    fail_msg("carto_import_job_datasets returned %zu dataset(s) for an import that created 3 "
             "tables", n);
  assert_int_equal(seen[0] + seen[1] + seen[2], 3);
}

/* One handle runs the job, a second one (another client) attaches to it by id and waits. */
static void test_attach_and_wait_from_second_handle(void **state) {
  it_fixture *fx = *state;
  char *path = it_write_csv(fx->dir, "attached.csv", 5);
  carto_import_job *job = NULL, *other = NULL;
  carto_import_client *second = it_client(fx->srv);

  assert_ok(carto_import_job_new_file(&job, fx->client, path, NULL));
  assert_ok(carto_import_job_run(job, NULL, NULL));
  assert_ok(carto_import_job_attach(&other, second, carto_import_job_id(job)));
  assert_str_eq(carto_import_job_id(other), carto_import_job_id(job));
  assert_false(carto_import_state_is_final(carto_import_job_state(other)));
  assert_int_equal(carto_import_job_success(other), -1);

  assert_ok(carto_import_job_wait(other, 60000, NULL, NULL));
  assert_int_equal(carto_import_job_state(other), CARTO_IMPORT_STATE_COMPLETE);
  assert_str_eq(carto_import_job_get_string(other, "table_name"), "attached");

  /* The first handle sees the same end once it asks. */
  assert_ok(carto_import_job_refresh(job));
  assert_int_equal(carto_import_job_state(job), CARTO_IMPORT_STATE_COMPLETE);
  assert_str_eq(carto_import_job_get_string(job, "table_id"),
                carto_import_job_get_string(other, "table_id"));

  carto_import_job_free(other);
  carto_import_job_free(job);
  carto_import_client_free(second);
  free(path);
}

/* A running job is listed; a finished one is not. */
static void test_job_list_shows_running_job(void **state) {
  it_fixture *fx = *state;
  char *path = it_write_csv(fx->dir, "listed.csv", 5);
  carto_import_job *job = NULL;

  assert_false(job_listed(fx->client, "00000000-0000-4000-8000-000000000000"));
  assert_ok(carto_import_job_new_file(&job, fx->client, path, NULL));
  assert_ok(carto_import_job_run(job, NULL, NULL));
  assert_true(job_listed(fx->client, carto_import_job_id(job)));
  assert_ok(carto_import_job_wait(job, 60000, NULL, NULL));
  assert_false(job_listed(fx->client, carto_import_job_id(job)));

  carto_import_job_free(job);
  free(path);
}

/* A wait that runs out of time returns ETIMEDOUT soon after the deadline; the job goes on, and a
 * second wait sees it complete. */
static void test_wait_deadline(void **state) {
  it_fixture *fx = *state;
  char *path = it_write_csv(fx->dir, "deadline.csv", 5);
  carto_import_job *job = NULL;

  assert_ok(carto_import_job_new_file(&job, fx->client, path, NULL));
  assert_ok(carto_import_job_run(job, NULL, NULL));
  const double t0 = now_ms();
  assert_status(carto_import_job_wait(job, 150, NULL, NULL), CARTO_IMPORT_ETIMEDOUT);
  const double elapsed = now_ms() - t0;
  assert_int_equal(carto_import_last_error_code(), CARTO_IMPORT_ETIMEDOUT);
  assert_contains(carto_import_last_error_message(), carto_import_job_id(job));
  assert_true(elapsed < 150 + 2000 * time_scale()); /* generous: the server is slowed, not us */
  assert_false(carto_import_state_is_final(carto_import_job_state(job)));

  assert_ok(carto_import_job_wait(job, 0, NULL, NULL));
  assert_int_equal(carto_import_job_state(job), CARTO_IMPORT_STATE_COMPLETE);
  carto_import_job_free(job);
  free(path);
}

/* dataset_create's deadline: ETIMEDOUT, and the message names the job to attach to. */
static void test_dataset_create_deadline_names_job(void **state) {
  it_fixture *fx = *state;
  char *path = it_write_csv(fx->dir, "late.csv", 5);
  carto_import_dataset_list *list = NULL;

  const long deadline = (long)(400 * time_scale());
  assert_status(carto_import_dataset_create(&list, fx->client, path, NULL, deadline, NULL, NULL),
                CARTO_IMPORT_ETIMEDOUT);
  assert_null(list);
  char message[1024];
  snprintf(message, sizeof message, "%s", carto_import_last_error_message());
  carto_import_string_list *ids = NULL;
  assert_ok(carto_import_job_list(&ids, fx->client));
  assert_int_equal(carto_import_string_list_count(ids), 1);
  char id[40];
  snprintf(id, sizeof id, "%s", carto_import_string_list_get(ids, 0));
  carto_import_string_list_free(ids);
  assert_contains(message, id);

  carto_import_job *job = NULL;
  assert_ok(carto_import_job_attach(&job, fx->client, id));
  assert_ok(carto_import_job_wait(job, 60000, NULL, NULL));
  assert_str_eq(carto_import_job_get_string(job, "table_name"), "late");
  carto_import_job_free(job);
  free(path);
}

/* The upload's progress callback cancels: ECANCELED, no job id, nothing created. */
static void test_cancel_from_upload_progress(void **state) {
  it_fixture *fx = *state;
  char *path = it_write_big_csv(fx->dir, "canceled.csv", 8 << 20);
  carto_import_job *job = NULL;
  progress_log log = {0};
  log.cancel_at = 1;

  assert_ok(carto_import_job_new_file(&job, fx->client, path, NULL));
  assert_status(carto_import_job_run(job, record_progress, &log), CARTO_IMPORT_ECANCELED);
  assert_int_equal(log.calls, 1);
  assert_true(log.done[0] < log.total[0]);
  assert_null(carto_import_job_id(job));

  carto_import_string_list *ids = NULL;
  assert_ok(carto_import_job_list(&ids, fx->client));
  assert_int_equal(carto_import_string_list_count(ids), 0);
  carto_import_string_list_free(ids);
  carto_import_dataset_list *all = NULL;
  assert_ok(carto_import_dataset_list_all(&all, fx->client));
  assert_int_equal(carto_import_dataset_list_count(all), 0);
  carto_import_dataset_list_free(all);
  /* The request was not repeated after the cancel. */
  assert_int_equal(it_count_requests(fx->srv, "POST", "/api/v1/imports", NULL), 1);

  carto_import_job_free(job);
  free(path);
}

/* Cancels a wait at the first change of state it is told about. */
static int cancel_on_change(int state, long long done, long long total, void *userdata) {
  progress_log *log = userdata;
  const int changed = log->calls > 0 && state != log->states[0];
  record_progress(state, done, total, userdata);
  return changed;
}

/* The wait's callback cancels when the state changes: ECANCELED; the job goes on, and waiting
 * again (the callback asked after every poll) ends with complete. */
static void test_cancel_from_wait_callback(void **state) {
  it_fixture *fx = *state;
  char *path = it_write_csv(fx->dir, "waited.csv", 5);
  carto_import_job *job = NULL;
  progress_log log = {0};

  assert_ok(carto_import_job_new_file(&job, fx->client, path, NULL));
  assert_ok(carto_import_job_run(job, NULL, NULL));
  assert_status(carto_import_job_wait(job, 60000, cancel_on_change, &log), CARTO_IMPORT_ECANCELED);
  assert_true(log.calls >= 2 && log.calls <= 64);
  const int at_cancel = log.states[log.calls - 1];
  assert_true(at_cancel != log.states[0]);
  for (int i = 0; i < log.calls - 1; ++i) assert_int_equal(log.states[i], log.states[0]);
  for (int i = 0; i < log.calls; ++i) assert_true(log.done[i] == -1 && log.total[i] == -1);
  assert_int_equal(carto_import_job_state(job), at_cancel);
  assert_false(carto_import_state_is_final(at_cancel));
  assert_contains(carto_import_last_error_message(), carto_import_job_id(job));

  progress_log again = {0};
  assert_ok(carto_import_job_wait(job, 60000, record_progress, &again));
  assert_true(again.calls >= 1);
  assert_int_equal(again.states[(again.calls < 64 ? again.calls : 64) - 1],
                   CARTO_IMPORT_STATE_COMPLETE);
  assert_int_equal(carto_import_job_state(job), CARTO_IMPORT_STATE_COMPLETE);

  carto_import_job_free(job);
  free(path);
}

/* A job runs once; a job that has not run cannot be waited on or refreshed. */
static void test_job_lifecycle_misuse(void **state) {
  it_fixture *fx = *state;
  char *csv = it_csv_text(2);
  char *path = it_write_file(fx->dir, "once.csv", csv);
  carto_import_job *job = NULL;

  assert_ok(carto_import_job_new_file(&job, fx->client, path, NULL));
  assert_status(carto_import_job_wait(job, 1000, NULL, NULL), CARTO_IMPORT_EINVAL);
  assert_status(carto_import_job_refresh(job), CARTO_IMPORT_EINVAL);
  assert_ok(carto_import_job_run(job, NULL, NULL));
  assert_status(carto_import_job_run(job, NULL, NULL), CARTO_IMPORT_EINVAL);
  assert_ok(carto_import_job_wait(job, 60000, NULL, NULL));
  assert_int_equal(it_count_requests(fx->srv, "POST", "/api/v1/imports", NULL), 1);

  carto_import_job *missing = NULL;
  char *nowhere = NULL;
  {
    const size_t n = strlen(fx->dir) + 32;
    nowhere = malloc(n);
    assert_non_null(nowhere);
    snprintf(nowhere, n, "%s/does-not-exist.csv", fx->dir);
  }
  assert_status(carto_import_job_new_file(&missing, fx->client, nowhere, NULL), CARTO_IMPORT_EIO);
  assert_null(missing);
  free(nowhere);
  carto_import_job_free(job);
  free(path);
  free(csv);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      IT_TEST(test_file_import),
      IT_TEST(test_url_import),
      IT_TEST(test_zip_gives_several_datasets),
      IT_TEST_WITH(test_attach_and_wait_from_second_handle, kSlow),
      IT_TEST_WITH(test_job_list_shows_running_job, kSlow),
      IT_TEST_WITH(test_wait_deadline, kSlow),
      IT_TEST_WITH(test_dataset_create_deadline_names_job, kSlower),
      IT_TEST(test_cancel_from_upload_progress),
      IT_TEST_WITH(test_cancel_from_wait_callback, kSlow),
      IT_TEST(test_job_lifecycle_misuse),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
