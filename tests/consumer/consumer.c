/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* A program built against the installed library, as a user of the system package would. */
#include <carto_import.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  carto_import_options *opts = NULL;
  carto_import_client *client = NULL;
  if (carto_import_options_new(&opts) != 0) return 1;
  if (carto_import_options_set_base_url(opts, "https://ORG.carto.com/u/someone/") != 0 ||
      carto_import_options_set_api_key(opts, "not-a-real-key") != 0 ||
      carto_import_client_new(&client, opts) != 0) {
    fprintf(stderr, "error: %s\n", carto_import_last_error_message());
    return 1;
  }
  carto_import_options_free(opts);
  const int ok = strcmp(carto_import_client_username(client), "someone") == 0;
  printf("consumer: libcarto_import %s, user %s\n", carto_import_version(),
         carto_import_client_username(client));
  carto_import_client_free(client);
  return ok ? 0 : 1;
}
