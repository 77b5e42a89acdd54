/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Lists every dataset of the account (all pages): the seed's `DatasetManager.all()`. */
#include "common.h"

int main(void) {
  carto_import_client *client = client_from_env();
  if (!client) return 1;
  carto_import_dataset_list *list = NULL;
  int rc = 0;
  if (carto_import_dataset_list_all(&list, client) != 0) {
    rc = report_failure("listing datasets");
  } else {
    printf("%zu dataset(s)\n", carto_import_dataset_list_count(list));
    for (size_t i = 0; i < carto_import_dataset_list_count(list); ++i) {
      carto_import_dataset *d = NULL;
      carto_import_dataset_list_get(&d, list, i);
      printf("  %s  %-30s %8lld rows  %s\n", carto_import_dataset_get_string(d, "id"),
             carto_import_dataset_get_string(d, "name"),
             carto_import_dataset_get_int(d, "row_count", -1),
             carto_import_dataset_get_string(d, "privacy"));
      carto_import_dataset_free(d);
    }
  }
  carto_import_dataset_list_free(list);
  carto_import_client_free(client);
  return rc;
}
