/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* jobs list | show | wait */
#include <stdlib.h>

#include "cli.h"

int cmd_jobs_list(cli_ctx *ctx, const cli_args *args) {
  carto_import_string_list *ids = NULL;
  int rc = 0;
  (void)args;
  carto_import_client *client = cli_client(ctx, &rc);
  if (!client) return rc;
  if (carto_import_job_list(&ids, client) != 0) return cli_fail(ctx, "listing import jobs");
  const size_t count = carto_import_string_list_count(ids);
  carto_import_job **jobs = calloc(count ? count : 1, sizeof *jobs);
  size_t n = 0;
  if (!jobs) rc = cli_error(ctx, cli_exit_for_status(CARTO_IMPORT_ENOMEM), "out of memory");
  for (; jobs && rc == 0 && n < count; ++n)
    if (carto_import_job_attach(&jobs[n], client, carto_import_string_list_get(ids, n)) != 0)
      rc = cli_fail(ctx, "reading an import job");
  if (rc == 0) cli_list(ctx, &CLI_JOB, "jobs", (const void *const *)jobs, count);
  for (size_t i = 0; i < n; ++i) carto_import_job_free(jobs[i]);
  free(jobs);
  carto_import_string_list_free(ids);
  return rc;
}

/* The import job the first argument names; NULL after reporting why. */
static carto_import_job *attach(cli_ctx *ctx, const cli_args *args, int *rc) {
  carto_import_job *job = NULL;
  carto_import_client *client = cli_client(ctx, rc);
  if (client && carto_import_job_attach(&job, client, args->positional[0]) != 0)
    *rc = cli_fail(ctx, "finding the import job");
  return job;
}

int cmd_jobs_show(cli_ctx *ctx, const cli_args *args) {
  int rc = 0;
  carto_import_job *job = attach(ctx, args, &rc);
  if (job) cli_show(ctx, &CLI_JOB, job);
  carto_import_job_free(job);
  return rc;
}

int cmd_jobs_wait(cli_ctx *ctx, const cli_args *args) {
  int rc = 0;
  carto_import_job *job = attach(ctx, args, &rc);
  if (job) {
    cli_progress p;
    cli_progress_init(&p, ctx, "");
    rc = cli_finish_job(ctx, job, &p);
  }
  carto_import_job_free(job);
  return rc;
}
