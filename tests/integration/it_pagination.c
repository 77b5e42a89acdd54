/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* dataset_list_all follows every page: 104 datasets (four zips of 26 CSV files, the most one
 * import takes) are more than one page of 100. Slow: the server imports ~100 tables. */
#include "it_support.h"

enum { ZIPS = 4, FILES_PER_ZIP = 26, TOTAL = ZIPS * FILES_PER_ZIP };

static const char *const kParallel[] = {"--workers", "4", "--max-concurrent-imports", "4", NULL};

static void test_list_all_pages(void **state) {
  it_fixture *fx = *state;
  carto_import_job *jobs[ZIPS] = {NULL};

  for (int z = 0; z < ZIPS; ++z) {
    char names[FILES_PER_ZIP][32];
    const char *files[FILES_PER_ZIP];
    for (int i = 0; i < FILES_PER_ZIP; ++i) {
      snprintf(names[i], sizeof names[i], "t%d_%02d.csv", z, i);
      char row[64];
      snprintf(row, sizeof row, "zip,file\n%d,%d\n", z, i);
      free(it_write_file(fx->dir, names[i], row));
      files[i] = names[i];
    }
    char zip_name[32];
    snprintf(zip_name, sizeof zip_name, "batch%d.zip", z);
    char *zip = it_zip(fx->dir, zip_name, files, FILES_PER_ZIP);
    assert_ok(carto_import_job_new_file(&jobs[z], fx->client, zip, NULL));
    assert_ok(carto_import_job_run(jobs[z], NULL, NULL));
    free(zip);
  }
  for (int z = 0; z < ZIPS; ++z) {
    assert_ok(carto_import_job_wait(jobs[z], 300000, NULL, NULL));
    assert_int_equal(carto_import_job_get_int(jobs[z], "tables_created_count", -1),
                     FILES_PER_ZIP);
    carto_import_job_free(jobs[z]);
  }

  it_hooks_reset(fx->srv);
  carto_import_dataset_list *all = NULL;
  assert_ok(carto_import_dataset_list_all(&all, fx->client));
  assert_int_equal(carto_import_dataset_list_count(all), TOTAL);
  /* Two pages were read, and no dataset came twice (sorted by name: t0_00 .. t3_25). */
  assert_int_equal(it_count_requests(fx->srv, "GET", "/api/v1/viz", "&page=1&"), 1);
  assert_int_equal(it_count_requests(fx->srv, "GET", "/api/v1/viz", "&page=2&"), 1);
  assert_int_equal(it_count_requests(fx->srv, "GET", "/api/v1/viz", "&page=3&"), 0);
  for (size_t i = 0; i < TOTAL; ++i) {
    carto_import_dataset *ds = NULL;
    assert_ok(carto_import_dataset_list_get(&ds, all, i));
    char expected[32];
    snprintf(expected, sizeof expected, "t%d_%02d", (int)(i / FILES_PER_ZIP),
             (int)(i % FILES_PER_ZIP));
    assert_str_eq(carto_import_dataset_get_string(ds, "name"), expected);
    carto_import_dataset_free(ds);
  }
  carto_import_dataset_list_free(all);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      IT_TEST_WITH(test_list_all_pages, kParallel),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
