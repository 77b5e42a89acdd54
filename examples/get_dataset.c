/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Fetches one dataset by id or name: the seed's `DatasetManager.get(DATASET_ID)`.
 *
 *   get_dataset ID_OR_NAME
 */
#include "common.h"

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s ID_OR_NAME\n", argv[0]);
    return 2;
  }
  carto_import_client *client = client_from_env();
  if (!client) return 1;
  carto_import_dataset *d = NULL;
  int rc = 0;
  if (carto_import_dataset_get(&d, client, argv[1]) != 0) {
    rc = report_failure("getting the dataset");
  } else {
    printf("id:         %s\n", carto_import_dataset_get_string(d, "id"));
    printf("name:       %s\n", carto_import_dataset_get_string(d, "name"));
    printf("privacy:    %s\n", carto_import_dataset_get_string(d, "privacy"));
    printf("table:      %s\n", carto_import_dataset_get_string(d, "table_id"));
    printf("rows:       %lld\n", carto_import_dataset_get_int(d, "row_count", -1));
    printf("size:       %lld bytes\n", carto_import_dataset_get_int(d, "size", -1));
    printf("maps using: %lld\n", carto_import_dataset_get_int(d, "dependent_visualizations_count", 0));
    printf("updated:    %s\n", carto_import_dataset_get_string(d, "updated_at"));
  }
  carto_import_dataset_free(d);
  carto_import_client_free(client);
  return rc;
}
