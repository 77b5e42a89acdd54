/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Imports a local file or a URL (an archive may hold several files) as datasets, waiting for
 * the import: the seed's `dataset_manager.create(LOCAL_FILE_OR_URL)`.
 *
 *   import_dataset PATH_OR_URL [TIMEOUT_SECONDS]
 */
#include "common.h"

/* Shows upload progress, then each state the job goes through. */
static int show_progress(int state, long long done, long long total, void *userdata) {
  int *last_state = userdata;
  if (state == CARTO_IMPORT_STATE_SENDING)
    printf("  sent %lld of %lld bytes\n", done, total);
  else if (state != *last_state)
    printf("  %s\n", carto_import_state_string(state));
  *last_state = state;
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s PATH_OR_URL [TIMEOUT_SECONDS]\n", argv[0]);
    return 2;
  }
  const long timeout_ms = argc > 2 ? atol(argv[2]) * 1000 : 600000;
  carto_import_client *client = client_from_env();
  if (!client) return 1;

  carto_import_dataset_list *datasets = NULL;
  int rc = 0, last_state = -1;
  printf("importing %s\n", argv[1]);
  if (carto_import_dataset_create(&datasets, client, argv[1], NULL, timeout_ms, show_progress,
                                  &last_state) != 0) {
    rc = report_failure("the import");
  } else {
    for (size_t i = 0; i < carto_import_dataset_list_count(datasets); ++i) {
      carto_import_dataset *d = NULL;
      carto_import_dataset_list_get(&d, datasets, i);
      printf("dataset %s: %s, %lld rows, %s\n", carto_import_dataset_get_string(d, "id"),
             carto_import_dataset_get_string(d, "name"),
             carto_import_dataset_get_int(d, "row_count", -1),
             carto_import_dataset_get_string(d, "privacy"));
      carto_import_dataset_free(d);
    }
  }
  carto_import_dataset_list_free(datasets);
  carto_import_client_free(client);
  return rc;
}
