/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Uploads one file with carto_import_job_new_file + carto_import_job_run (no wait: the upload
 * alone is measured) and prints "bytes seconds MiB/s job_id body_bytes_sent compressed(0/1)".
 *
 *   CARTO_API_URL=... CARTO_API_KEY=... [BENCH_COMPRESSION=auto|gzip|none] upload FILE
 */
#define _POSIX_C_SOURCE 200809L
#include <sys/stat.h>
#include <time.h>

#include "common.h"

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s FILE\n", argv[0]);
    return 2;
  }
  struct stat st;
  if (stat(argv[1], &st) != 0) {
    perror(argv[1]);
    return 2;
  }
  carto_import_client *client = bench_client(0, 0);
  if (!client) return 1;
  carto_import_job *job = NULL;
  int rc = 0;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  if (carto_import_job_new_file(&job, client, argv[1], NULL) != 0 ||
      carto_import_job_run(job, NULL, NULL) != 0) {
    rc = bench_fail("the upload");
  } else {
    clock_gettime(CLOCK_MONOTONIC, &t1);
    const double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("%lld %.3f %.1f %s %lld %d\n", (long long)st.st_size, s,
           (double)st.st_size / s / 1048576.0, carto_import_job_id(job),
           carto_import_job_upload_bytes_sent(job),
           carto_import_job_upload_compression(job) == CARTO_IMPORT_COMPRESSION_GZIP);
  }
  carto_import_job_free(job);
  carto_import_client_free(client);
  return rc;
}
