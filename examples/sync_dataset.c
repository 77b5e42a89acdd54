/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Imports a URL as a dataset that keeps itself up to date: the seed's
 * `dataset_manager.create(URL_TO_DATASET, SYNC_TIME)`.
 *
 *   sync_dataset URL [SYNC_TIME_SECONDS]     (at least 900)
 */
#include "common.h"

int main(int argc, char **argv) {
  long sync_time = 0;
  if (!sync_args(argc, argv, &sync_time)) return 2;
  carto_import_client *client = client_from_env();
  if (!client) return 1;
  carto_import_dataset_list *datasets = NULL;
  carto_import_dataset *d = NULL;
  int rc = 0;
  if (carto_import_dataset_create_sync(&datasets, client, argv[1], sync_time, NULL, 600000, NULL,
                                       NULL) != 0 ||
      carto_import_dataset_list_get(&d, datasets, 0) != 0) {
    rc = report_failure("creating the sync dataset");
  } else {
    printf("dataset %s: %s, %lld rows, synced every %ld s by sync table %s\n",
           carto_import_dataset_get_string(d, "id"), carto_import_dataset_get_string(d, "name"),
           carto_import_dataset_get_int(d, "row_count", -1), sync_time,
           carto_import_dataset_get_string(d, "synchronization_id"));
  }
  carto_import_dataset_free(d);
  carto_import_dataset_list_free(datasets);
  carto_import_client_free(client);
  return rc;
}
