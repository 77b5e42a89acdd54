/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Runs N small imports one after the other and, for each, prints the job id and the wall-clock
 * time (epoch seconds) at which carto_import_job_wait returned, to compare with the time the
 * server marked the job complete (its meta.sqlite imports.updated_at; same machine, same clock).
 *
 *   CARTO_API_URL=... CARTO_API_KEY=... poll_latency FILE N [INITIAL_MS MAX_MS]
 */
#define _POSIX_C_SOURCE 200809L
#include <time.h>

#include "common.h"

int main(int argc, char **argv) {
  if (argc != 3 && argc != 5) {
    fprintf(stderr, "usage: %s FILE N [INITIAL_MS MAX_MS]\n", argv[0]);
    return 2;
  }
  const int n = atoi(argv[2]);
  carto_import_client *client =
      bench_client(argc == 5 ? atol(argv[3]) : 0, argc == 5 ? atol(argv[4]) : 0);
  if (!client) return 1;
  int rc = 0;
  for (int i = 0; i < n && rc == 0; ++i) {
    carto_import_job *job = NULL;
    if (carto_import_job_new_file(&job, client, argv[1], NULL) != 0 ||
        carto_import_job_run(job, NULL, NULL) != 0 || carto_import_job_wait(job, 0, NULL, NULL) != 0) {
      rc = bench_fail("an import");
    } else {
      struct timespec now;
      clock_gettime(CLOCK_REALTIME, &now);
      printf("%s %.6f\n", carto_import_job_id(job), (double)now.tv_sec + (double)now.tv_nsec / 1e9);
      fflush(stdout);
    }
    carto_import_job_free(job);
  }
  carto_import_client_free(client);
  return rc;
}
