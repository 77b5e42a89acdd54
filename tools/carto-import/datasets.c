/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* datasets list | show | update | delete */
#include <string.h>

#include "cli.h"

int cmd_datasets_list(cli_ctx *ctx, const cli_args *args) {
  carto_import_dataset_list *list = NULL;
  int rc = 0;
  (void)args;
  carto_import_client *client = cli_client(ctx, &rc);
  if (!client) return rc;
  if (carto_import_dataset_list_all(&list, client) != 0) return cli_fail(ctx, "listing datasets");
  size_t count = 0;
  carto_import_dataset **datasets = cli_datasets(list, &count);
  cli_list(ctx, &CLI_DATASET, "datasets", (const void *const *)datasets, count);
  cli_free_datasets(datasets, count);
  carto_import_dataset_list_free(list);
  return 0;
}

/* The dataset the first argument names; NULL after reporting why. (The argument is not
 * repeated: the library's message names it, redacted when it is a secret such as the key
 * typed in the wrong place.) */
static carto_import_dataset *get_dataset(cli_ctx *ctx, const cli_args *args, int *rc) {
  carto_import_dataset *dataset = NULL;
  carto_import_client *client = cli_client(ctx, rc);
  if (client && carto_import_dataset_get(&dataset, client, args->positional[0]) != 0)
    *rc = cli_fail(ctx, "finding dataset");
  return dataset;
}

int cmd_datasets_show(cli_ctx *ctx, const cli_args *args) {
  int rc = 0;
  carto_import_dataset *dataset = get_dataset(ctx, args, &rc);
  if (dataset) cli_show(ctx, &CLI_DATASET, dataset);
  carto_import_dataset_free(dataset);
  return rc;
}

/* Every option of `datasets update` sets the dataset field of its name ('-' as '_'). */
int cmd_datasets_update(cli_ctx *ctx, const cli_args *args) {
  const cli_option *opts = args->cmd->options;
  int rc = 0, given = 0;
  for (int i = 0; opts[i].name; ++i) given |= args->values[i] != NULL;
  if (!given) return cli_usage_error(ctx, "nothing to change: give --name, --privacy, ...");
  const char *privacy = cli_opt(args, "privacy");
  if (privacy && cli_choice(ctx, "privacy", privacy, CLI_PRIVACY) < 0) return CLI_EXIT_USAGE;
  carto_import_dataset *dataset = get_dataset(ctx, args, &rc);
  for (int i = 0; dataset && rc == 0 && opts[i].name; ++i) {
    char field[32], what[64];
    const char *value = args->values[i];
    if (!value) continue;
    snprintf(field, sizeof field, "%s", opts[i].name);
    for (char *c = field; *c; ++c) *c = *c == '-' ? '_' : *c;
    if (!*value && strcmp(field, "name") != 0 && strcmp(field, "privacy") != 0) value = NULL;
    snprintf(what, sizeof what, "setting --%s", opts[i].name);
    if (carto_import_dataset_set_string(dataset, field, value) != 0) rc = cli_fail(ctx, what);
  }
  if (dataset && rc == 0 && carto_import_dataset_save(dataset) != 0)
    rc = cli_fail(ctx, "saving the dataset");
  if (dataset && rc == 0) cli_show(ctx, &CLI_DATASET, dataset);
  carto_import_dataset_free(dataset);
  return rc;
}

int cmd_datasets_delete(cli_ctx *ctx, const cli_args *args) {
  int rc = 0;
  carto_import_dataset *dataset = get_dataset(ctx, args, &rc);
  if (!dataset) return rc;
  const int status = cli_opt(args, "force") ? carto_import_dataset_force_delete(dataset)
                                            : carto_import_dataset_delete(dataset);
  if (status == 0 && ctx->json) {
    printf("{\"deleted\": %s}\n", cli_json_or_null(carto_import_dataset_json(dataset)));
  } else if (status == 0) {
    printf("deleted dataset %s (%s)\n", carto_import_dataset_get_string(dataset, "name"),
           carto_import_dataset_get_string(dataset, "id"));
  } else {
    rc = cli_fail(ctx, "deleting the dataset");
    if (status == CARTO_IMPORT_EINUSE)
      cli_note(ctx, "  use --force to delete it anyway (with the maps that use only it)");
  }
  carto_import_dataset_free(dataset);
  return rc;
}
