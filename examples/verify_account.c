/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Checks that the account is reachable and that the API key is its master key. */
#include "common.h"

int main(void) {
  carto_import_client *client = client_from_env();
  if (!client) return 1;
  const int rc = carto_import_client_verify(client) == 0 ? 0 : report_failure("verifying the key");
  if (rc == 0)
    printf("libcarto_import %s: the key is the master key of '%s' at %s\n",
           carto_import_version(), carto_import_client_username(client),
           carto_import_client_base_url(client));
  carto_import_client_free(client);
  return rc;
}
