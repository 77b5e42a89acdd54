/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* A server killed (SIGKILL) in the middle of a large upload, then restarted on the same data:
 * the client gets a network error, the job the server was running is failed as stuck (6671),
 * and new imports work. Slow: a large file is generated and partly sent. */
#include <signal.h>

#include "it_support.h"

/* Jobs stay unfinished long enough to be caught by the kill. */
static const char *const kVerySlow[] = {"--step-delay-ms", "60000", NULL};
static const char *const kFast[] = {"--step-delay-ms", "0", NULL};

typedef struct killer {
  it_server *srv;
  long long kill_at;
  int killed;
  long long done_at_kill;
} killer;

/* Kills the server once kill_at bytes have been sent; lets the upload go on (into the void). */
static int kill_midway(int state, long long done, long long total, void *userdata) {
  killer *k = userdata;
  (void)state;
  (void)total;
  if (!k->killed && done >= k->kill_at) {
    k->killed = 1;
    k->done_at_kill = done;
    it_server_kill(k->srv, SIGKILL);
  }
  return 0;
}

static void test_kill_during_upload_then_restart(void **state) {
  it_fixture *fx = *state;
  const long long size = under_valgrind() ? (64LL << 20) : (200LL << 20);
  char *big = it_write_big_csv(fx->dir, "huge.csv", size);
  char *small = it_write_csv(fx->dir, "small.csv", 5);
  carto_import_job *running = NULL, *upload = NULL, *stuck = NULL, *after = NULL;

  /* A job the server is running when it dies. */
  assert_ok(carto_import_job_new_file(&running, fx->client, small, NULL));
  assert_ok(carto_import_job_run(running, NULL, NULL));
  char id[40];
  snprintf(id, sizeof id, "%s", carto_import_job_id(running));

  /* The large upload, cut by the kill a quarter of the way in. */
  killer k = {fx->srv, size / 4, 0, 0};
  assert_ok(carto_import_job_new_file(&upload, fx->client, big, NULL));
  const double t0 = now_ms();
  assert_status(carto_import_job_run(upload, kill_midway, &k), CARTO_IMPORT_ENETWORK);
  assert_true(k.killed);
  assert_true(k.done_at_kill < size);
  assert_true(now_ms() - t0 < 60000 * time_scale());
  assert_contains(carto_import_last_error_message(), "api/v1/imports");
  assert_null(carto_import_job_id(upload));
  /* While the server is down: a network error too, not a hang. */
  assert_status(carto_import_job_refresh(running), CARTO_IMPORT_ENETWORK);

  /* Restarted on the same data directory (on a new port: a new client). */
  it_server_restart(fx->srv, kFast);
  carto_import_client *client = it_client(fx->srv);
  assert_ok(carto_import_job_attach(&stuck, client, id));
  assert_int_equal(carto_import_job_state(stuck), CARTO_IMPORT_STATE_FAILURE);
  assert_status(carto_import_job_wait(stuck, 60000, NULL, NULL), CARTO_IMPORT_EREMOTE);
  assert_int_equal(carto_import_last_error_remote_code(), 6671);
  assert_str_eq(carto_import_last_error_remote_title(), "Stuck import job");
  assert_str_eq(carto_import_last_error_remote_source(), "cartodb");
  assert_contains(carto_import_last_error_message(), "import the data again");
  assert_int_equal(carto_import_job_error_code(stuck), 6671);

  carto_import_string_list *ids = NULL;
  assert_ok(carto_import_job_list(&ids, client));
  assert_int_equal(carto_import_string_list_count(ids), 0);
  carto_import_string_list_free(ids);

  /* New imports work. */
  assert_ok(carto_import_job_new_file(&after, client, small, NULL));
  assert_ok(carto_import_job_run(after, NULL, NULL));
  assert_ok(carto_import_job_wait(after, 60000, NULL, NULL));
  assert_str_eq(carto_import_job_get_string(after, "table_name"), "small");
  carto_import_dataset_list *all = NULL;
  assert_ok(carto_import_dataset_list_all(&all, client));
  assert_int_equal(carto_import_dataset_list_count(all), 1);
  carto_import_dataset_list_free(all);

  carto_import_job_free(after);
  carto_import_job_free(stuck);
  carto_import_job_free(upload);
  carto_import_job_free(running);
  carto_import_client_free(client);
  free(small);
  free(big);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      IT_TEST_WITH(test_kill_during_upload_then_restart, kVerySlow),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
