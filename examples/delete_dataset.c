/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Deletes a dataset: the seed's `DatasetManager.get(DATASET_ID).delete()`. Refuses when maps
 * depend on it, unless --force is given (`force_delete()`).
 *
 *   delete_dataset [--force] ID_OR_NAME
 */
#include <string.h>

#include "common.h"

int main(int argc, char **argv) {
  const int force = argc > 2 && strcmp(argv[1], "--force") == 0;
  if (argc < 2 + force) {
    fprintf(stderr, "usage: %s [--force] ID_OR_NAME\n", argv[0]);
    return 2;
  }
  carto_import_client *client = client_from_env();
  if (!client) return 1;
  carto_import_dataset *d = NULL;
  int rc = 0;
  if (carto_import_dataset_get(&d, client, argv[1 + force]) != 0)
    rc = report_failure("getting the dataset");
  else if ((force ? carto_import_dataset_force_delete(d) : carto_import_dataset_delete(d)) != 0)
    rc = report_failure("deleting the dataset");
  else
    printf("deleted dataset %s\n", argv[1 + force]);
  carto_import_dataset_free(d);
  carto_import_client_free(client);
  return rc;
}
