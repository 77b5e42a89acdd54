/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Lists the account's current (unfinished) import jobs: the seed's
 * `FileImportJobManager.all()`. */
#include "common.h"

int main(void) {
  carto_import_client *client = client_from_env();
  if (!client) return 1;
  carto_import_string_list *ids = NULL;
  int rc = 0;
  if (carto_import_job_list(&ids, client) != 0) {
    rc = report_failure("listing import jobs");
  } else {
    printf("%zu import job(s) running\n", carto_import_string_list_count(ids));
    for (size_t i = 0; i < carto_import_string_list_count(ids); ++i) {
      carto_import_job *job = NULL;
      if (carto_import_job_attach(&job, client, carto_import_string_list_get(ids, i)) != 0) {
        rc = report_failure("reading an import job");
        continue;
      }
      printf("  %s: %s (%s)\n", carto_import_job_id(job), carto_import_job_state_name(job),
             carto_import_job_get_string(job, "display_name"));
      carto_import_job_free(job);
    }
  }
  carto_import_string_list_free(ids);
  carto_import_client_free(client);
  return rc;
}
