/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Imports a table from an external database (the seed's `connection={"connector": ...}`
 * examples), once or as a sync table with an interval.
 *
 *   connector_import CONNECTOR.json [INTERVAL_SECONDS]
 *
 * CONNECTOR.json holds e.g. {"connector": {"provider": "postgres", "connection": {"server":
 * "127.0.0.1", "database": "gis", "username": "u", "password": "p"}, "table": "roads"}}.
 */
#include "common.h"

static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  char *text = NULL;
  long size;
  if (!f) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
      (text = malloc((size_t)size + 1)) != NULL) {
    text[fread(text, 1, (size_t)size, f)] = '\0';
  }
  fclose(f);
  return text;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s CONNECTOR.json [INTERVAL_SECONDS]\n", argv[0]);
    return 2;
  }
  const long interval = argc > 2 ? atol(argv[2]) : 0;
  char *connector = read_file(argv[1]);
  if (!connector) {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  carto_import_client *client = client_from_env();
  carto_import_dataset_list *datasets = NULL;
  int rc = 0;
  if (!client) {
    rc = 1;
  } else if (carto_import_dataset_create_sync(&datasets, client, connector, interval, NULL, 600000,
                                              NULL, NULL) != 0) {
    rc = report_failure("the connector import");
  } else {
    for (size_t i = 0; i < carto_import_dataset_list_count(datasets); ++i) {
      carto_import_dataset *d = NULL;
      carto_import_dataset_list_get(&d, datasets, i);
      printf("dataset %s: %s, %lld rows%s%s\n", carto_import_dataset_get_string(d, "id"),
             carto_import_dataset_get_string(d, "name"),
             carto_import_dataset_get_int(d, "row_count", -1),
             interval ? ", synced by " : "",
             interval ? carto_import_dataset_get_string(d, "synchronization_id") : "");
      carto_import_dataset_free(d);
    }
  }
  carto_import_dataset_list_free(datasets);
  carto_import_client_free(client);
  free(connector);
  return rc;
}
