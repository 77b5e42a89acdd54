/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* The job level (the seed's FileImportJobManager): create an import job for a file or a URL,
 * run it, and poll its state explicitly until it ends.
 *
 *   import_job PATH_OR_URL
 */
#include <string.h>
#include <time.h>

#include "common.h"

static void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  nanosleep(&ts, NULL);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s PATH_OR_URL\n", argv[0]);
    return 2;
  }
  carto_import_client *client = client_from_env();
  if (!client) return 1;
  carto_import_params *params = NULL;
  carto_import_job *job = NULL;
  int rc = 0;
  const int is_url = strstr(argv[1], "://") != NULL;

  carto_import_params_new(&params);
  carto_import_params_set_privacy(params, CARTO_IMPORT_PRIVACY_PUBLIC);
  carto_import_params_set_type_guessing(params, 1);
  if ((is_url ? carto_import_job_new_url(&job, client, argv[1], params)
              : carto_import_job_new_file(&job, client, argv[1], params)) != 0 ||
      carto_import_job_run(job, NULL, NULL) != 0) {
    rc = report_failure("starting the import");
    goto done;
  }
  printf("import job %s\n", carto_import_job_id(job));
  while (!carto_import_state_is_final(carto_import_job_state(job))) {
    sleep_ms(200);
    if (carto_import_job_refresh(job) != 0) {
      rc = report_failure("refreshing the job");
      goto done;
    }
    printf("  state: %s\n", carto_import_job_state_name(job));
  }
  if (carto_import_job_state(job) == CARTO_IMPORT_STATE_COMPLETE) {
    printf("complete: table %s (%lld table(s) created)\n",
           carto_import_job_get_string(job, "table_name"),
           carto_import_job_get_int(job, "tables_created_count", 0));
  } else {
    printf("failed with CARTO error %d: %s: %s\n", carto_import_job_error_code(job),
           carto_import_job_get_string(job, "error_title"),
           carto_import_job_get_string(job, "error_explanation"));
    rc = 1;
  }
done:
  carto_import_job_free(job);
  carto_import_params_free(params);
  carto_import_client_free(client);
  return rc;
}
