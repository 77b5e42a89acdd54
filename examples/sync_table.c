/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* The sync-table level (the seed's SyncTableJobManager): create a sync table, poll until its
 * first run succeeds, then force a sync and say whether it was enqueued, and why not.
 *
 *   sync_table URL [SYNC_TIME_SECONDS]
 */
#include <time.h>

#include "common.h"

static const char *outcome_text(int outcome) {
  switch (outcome) {
    case CARTO_IMPORT_FORCE_ENQUEUED: return "enqueued";
    case CARTO_IMPORT_FORCE_TOO_SOON: return "not enqueued: the last run is less than 15 minutes old";
    default: return "not enqueued: it is already running, or too many syncs run";
  }
}

int main(int argc, char **argv) {
  long sync_time = 0;
  if (!sync_args(argc, argv, &sync_time)) return 2;
  carto_import_client *client = client_from_env();
  if (!client) return 1;
  carto_import_sync *sync = NULL;
  int rc = 0, outcome = 0;
  if (carto_import_sync_create(&sync, client, argv[1], sync_time, NULL) != 0) {
    rc = report_failure("creating the sync table");
    goto done;
  }
  printf("sync table %s: %s\n", carto_import_sync_id(sync), carto_import_sync_state_name(sync));
  while (carto_import_sync_state(sync) != CARTO_IMPORT_STATE_SUCCESS) {
    const struct timespec tick = {0, 200 * 1000000L};
    nanosleep(&tick, NULL);
    if (carto_import_sync_refresh(sync) != 0) {
      rc = report_failure("refreshing the sync table");
      goto done;
    }
    printf("  state: %s\n", carto_import_sync_state_name(sync));
    if (carto_import_sync_state(sync) == CARTO_IMPORT_STATE_FAILURE) {
      printf("The error code is: %lld\nThe error message is: %s\n",
             carto_import_sync_get_int(sync, "error_code", 0),
             carto_import_sync_get_string(sync, "error_message"));
      rc = 1;
      goto done;
    }
  }
  printf("synced table %s\n", carto_import_sync_get_string(sync, "name"));
  if (carto_import_sync_force(sync, &outcome) != 0) {
    rc = report_failure("forcing a sync");
    goto done;
  }
  printf("force sync: %s\n", outcome_text(outcome));
done:
  carto_import_sync_free(sync);
  carto_import_client_free(client);
  return rc;
}
