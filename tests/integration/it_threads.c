/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* One client shared by 8 threads, each importing a file, listing the datasets and getting its
 * own, at the same time. CTest also runs it under helgrind (it_threads_helgrind), which must
 * report no race (tests/helgrind.supp lists the documented third-party false positives). */
#include <pthread.h>

#include "it_support.h"

#define THREADS 8

struct worker {
  carto_import_client *client;
  const char *dir;
  int index;
  char failure[512]; /* "" when every step succeeded */
};

/* Records the first failure (cmocka's assertions must stay on the main thread). */
static int failed(struct worker *w, const char *step, int rc) {
  if (rc == CARTO_IMPORT_OK) return 0;
  snprintf(w->failure, sizeof w->failure, "thread %d: %s: %d (%s) %s", w->index, step, rc,
           carto_import_strerror(rc), carto_import_last_error_message());
  return 1;
}

static void *work(void *arg) {
  struct worker *w = arg;
  char name[32], file[48];
  snprintf(name, sizeof name, "threaded_%d", w->index);
  snprintf(file, sizeof file, "%s.csv", name);
  char *path = it_write_csv(w->dir, file, 3 + w->index);
  carto_import_dataset_list *imported = NULL, *all = NULL;
  carto_import_dataset *ds = NULL;

  if (!failed(w, "import", carto_import_dataset_create(&imported, w->client, path, NULL, 120000,
                                                        NULL, NULL)) &&
      !failed(w, "list", carto_import_dataset_list_all(&all, w->client)) &&
      !failed(w, "get", carto_import_dataset_get(&ds, w->client, name))) {
    if (carto_import_dataset_get_int(ds, "row_count", -1) != 3 + w->index)
      snprintf(w->failure, sizeof w->failure, "thread %d: %s has %lld rows", w->index, name,
               carto_import_dataset_get_int(ds, "row_count", -1));
    else if (carto_import_dataset_list_count(all) < 1)
      snprintf(w->failure, sizeof w->failure, "thread %d: empty list", w->index);
  }
  carto_import_dataset_free(ds);
  carto_import_dataset_list_free(all);
  carto_import_dataset_list_free(imported);
  free(path);
  return NULL;
}

static void test_one_client_eight_threads(void **state) {
  it_fixture *fx = *state;
  pthread_t threads[THREADS];
  struct worker workers[THREADS];
  for (int i = 0; i < THREADS; ++i) {
    workers[i] = (struct worker){fx->client, fx->dir, i, ""};
    assert_int_equal(pthread_create(&threads[i], NULL, work, &workers[i]), 0);
  }
  for (int i = 0; i < THREADS; ++i) assert_int_equal(pthread_join(threads[i], NULL), 0);
  for (int i = 0; i < THREADS; ++i)
    if (workers[i].failure[0]) fail_msg("%s", workers[i].failure);

  carto_import_dataset_list *all = NULL;
  assert_ok(carto_import_dataset_list_all(&all, fx->client));
  assert_int_equal(carto_import_dataset_list_count(all), THREADS);
  carto_import_dataset_list_free(all);
}

/* Enough concurrent imports for every thread (the default, 3, would answer 429). */
static const char *const server_flags[] = {"--max-concurrent-imports", "16", "--workers", "4",
                                           NULL};

int main(void) {
  const struct CMUnitTest tests[] = {IT_TEST_WITH(test_one_client_eight_threads, server_flags)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
