/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* syncs list | show | force | set-interval | delete (syncs create is in import.c) */
#include <stdlib.h>

#include "cli.h"

int cmd_syncs_list(cli_ctx *ctx, const cli_args *args) {
  carto_import_sync_list *list = NULL;
  int rc = 0;
  (void)args;
  carto_import_client *client = cli_client(ctx, &rc);
  if (!client) return rc;
  if (carto_import_sync_list_all(&list, client) != 0) return cli_fail(ctx, "listing sync tables");
  const size_t count = carto_import_sync_list_count(list);
  carto_import_sync **syncs = calloc(count ? count : 1, sizeof *syncs);
  size_t n = 0;
  if (!syncs) rc = cli_error(ctx, cli_exit_for_status(CARTO_IMPORT_ENOMEM), "out of memory");
  while (syncs && n < count && carto_import_sync_list_get(&syncs[n], list, n) == 0) ++n;
  if (rc == 0) cli_list(ctx, &CLI_SYNC, "syncs", (const void *const *)syncs, n);
  for (size_t i = 0; i < n; ++i) carto_import_sync_free(syncs[i]);
  free(syncs);
  carto_import_sync_list_free(list);
  return rc;
}

/* The sync table the first argument names; NULL after reporting why. */
static carto_import_sync *get_sync(cli_ctx *ctx, const cli_args *args, int *rc) {
  carto_import_sync *sync = NULL;
  carto_import_client *client = cli_client(ctx, rc);
  if (client && carto_import_sync_get(&sync, client, args->positional[0]) != 0)
    *rc = cli_fail(ctx, "finding the sync table");
  return sync;
}

int cmd_syncs_show(cli_ctx *ctx, const cli_args *args) {
  int rc = 0;
  carto_import_sync *sync = get_sync(ctx, args, &rc);
  if (sync) cli_show(ctx, &CLI_SYNC, sync);
  carto_import_sync_free(sync);
  return rc;
}

/* What carto_import_sync_force()'s outcomes mean, by carto_import_force_outcome value. */
static const struct {
  const char *reason; /* for --json; NULL when enqueued */
  const char *text;
} FORCE_OUTCOMES[] = {
    {NULL, "a run was queued"},
    {"too soon", "not queued: the last run is less than 15 minutes old"},
    {"busy", "not queued: it is already queued or syncing, or the account runs its maximum "
             "of syncs"},
};

int cmd_syncs_force(cli_ctx *ctx, const cli_args *args) {
  int rc = 0, outcome = CARTO_IMPORT_FORCE_ENQUEUED;
  carto_import_sync *sync = get_sync(ctx, args, &rc);
  if (sync && carto_import_sync_force(sync, &outcome) != 0) rc = cli_fail(ctx, "forcing a sync");
  if (sync && rc == 0) {
    if (outcome < 0 || outcome > CARTO_IMPORT_FORCE_BUSY) outcome = CARTO_IMPORT_FORCE_BUSY;
    if (ctx->json) {
      printf("{\"id\": ");
      json_string(stdout, carto_import_sync_id(sync));
      printf(", \"enqueued\": %s, \"reason\": ", outcome ? "false" : "true");
      json_string(stdout, FORCE_OUTCOMES[outcome].reason);
      printf("}\n");
    } else {
      printf("sync table %s: %s\n", carto_import_sync_id(sync), FORCE_OUTCOMES[outcome].text);
    }
  }
  carto_import_sync_free(sync);
  return rc;
}

int cmd_syncs_set_interval(cli_ctx *ctx, const cli_args *args) {
  int rc = 0;
  const long interval = cli_seconds(ctx, "SECONDS", args->positional[1]);
  if (interval < 0) return CLI_EXIT_USAGE;
  carto_import_sync *sync = get_sync(ctx, args, &rc);
  if (sync && carto_import_sync_set_interval(sync, interval) != 0)
    rc = cli_fail(ctx, "changing the interval");
  if (sync && rc == 0) cli_show(ctx, &CLI_SYNC, sync);
  carto_import_sync_free(sync);
  return rc;
}

int cmd_syncs_delete(cli_ctx *ctx, const cli_args *args) {
  int rc = 0;
  carto_import_sync *sync = get_sync(ctx, args, &rc);
  if (sync && carto_import_sync_delete(sync) != 0) rc = cli_fail(ctx, "deleting the sync table");
  if (sync && rc == 0 && ctx->json)
    printf("{\"deleted\": %s}\n", cli_json_or_null(carto_import_sync_json(sync)));
  else if (sync && rc == 0)
    printf("deleted sync table %s; its dataset stays, no longer synced\n",
           carto_import_sync_id(sync));
  carto_import_sync_free(sync);
  return rc;
}
