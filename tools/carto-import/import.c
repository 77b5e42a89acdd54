/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* import, connector import, syncs create: run an import job or create a sync table, wait for
 * it, and show the datasets it created. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Values of --collision, as carto_import_collision. */
static const char *const COLLISION[] = {"rename", "skip", "overwrite", NULL};

/* The flags that set a boolean import parameter, and the value they set. */
static const struct {
  const char *option;
  carto_import_status (*set)(carto_import_params *, int);
  int value;
} PARAM_FLAGS[] = {
    {"no-type-guessing", carto_import_params_set_type_guessing, 0},
    {"no-quoted-fields-guessing", carto_import_params_set_quoted_fields_guessing, 0},
    {"content-guessing", carto_import_params_set_content_guessing, 1},
    {"create-vis", carto_import_params_set_create_vis, 1},
};

/* Values of --compress, as carto_import_compression. */
static const char *const COMPRESSION[] = {"auto", "gzip", "none", NULL};

/* Import parameters from the command's options, and --compress into ctx->compression (for
 * the client, made after): 0, or a usage error's exit status. */
static int make_params(cli_ctx *ctx, const cli_args *a, carto_import_params **out) {
  const char *privacy = cli_opt(a, "privacy"), *collision = cli_opt(a, "collision");
  const char *compress = cli_opt(a, "compress");
  int p = -1, c = -1;
  if ((privacy && (p = cli_choice(ctx, "privacy", privacy, CLI_PRIVACY)) < 0) ||
      (collision && (c = cli_choice(ctx, "collision", collision, COLLISION)) < 0) ||
      (compress &&
       (ctx->compression = cli_choice(ctx, "compress", compress, COMPRESSION) + 1) <= 0))
    return CLI_EXIT_USAGE;
  if (carto_import_params_new(out) != 0) return cli_fail(ctx, "preparing the import");
  if (p >= 0) carto_import_params_set_privacy(*out, CARTO_IMPORT_PRIVACY_PUBLIC + p);
  if (c >= 0) carto_import_params_set_collision_strategy(*out, c);
  for (size_t i = 0; i < sizeof PARAM_FLAGS / sizeof PARAM_FLAGS[0]; ++i)
    if (cli_opt(a, PARAM_FLAGS[i].option)) PARAM_FLAGS[i].set(*out, PARAM_FLAGS[i].value);
  return 0;
}

int cli_is_url(const char *source) {
  static const char *const schemes[] = {"http://", "https://", "ftp://"};
  for (size_t s = 0; s < 3; ++s) {
    size_t i = 0;
    while (schemes[s][i] && tolower((unsigned char)source[i]) == schemes[s][i]) ++i;
    if (!schemes[s][i]) return 1;
  }
  return 0;
}

const char *cli_source_text(const char *source, int whole, char *buf, size_t size) {
  if (!cli_is_url(source)) {
    const char *slash = strrchr(source, '/');
    snprintf(buf, size, "%s", whole || !slash || !slash[1] ? source : slash + 1);
    return buf;
  }
  const char *host = strstr(source, "://") + 3;
  const size_t authority = strcspn(host, "/?#");
  const char *const path = host + authority, *const path_end = path + strcspn(path, "?#");
  for (const char *c = host; c < path; ++c)
    if (*c == '@') host = c + 1; /* past the user and password */
  if (whole) {
    snprintf(buf, size, "%.*s%.*s", (int)(strstr(source, "://") + 3 - source), source,
             (int)(path_end - host), host); /* e.g. https://example.com/data/cities.csv */
    return buf;
  }
  const char *name = path_end; /* the last segment of the path that is not empty */
  while (name > path && name[-1] == '/') --name;
  const char *const name_end = name;
  while (name > path && name[-1] != '/') --name;
  if (name == name_end) /* no path: the host */
    snprintf(buf, size, "%.*s", (int)(path - host), host);
  else
    snprintf(buf, size, "%.*s", (int)(name_end - name), name);
  return buf;
}

carto_import_status cli_job_new(carto_import_job **job, carto_import_client *client,
                                const char *source, int connector,
                                const carto_import_params *params) {
  if (connector) return carto_import_job_new_connector(job, client, source, params);
  if (cli_is_url(source)) return carto_import_job_new_url(job, client, source, params);
  return carto_import_job_new_file(job, client, source, params);
}

/* Shows what an import created: {"KEY": OBJECT, "datasets": [...]}, or a table. */
static void show_created(const cli_ctx *ctx, const char *key, const char *object_json,
                         carto_import_dataset *const *datasets, size_t count) {
  if (!ctx->json) {
    cli_list(ctx, &CLI_DATASET, "datasets", (const void *const *)datasets, count);
    return;
  }
  printf("{\"%s\": %s, \"datasets\": [", key, cli_json_or_null(object_json));
  for (size_t i = 0; i < count; ++i)
    printf("%s%s", i ? ", " : "", cli_json_or_null(carto_import_dataset_json(datasets[i])));
  printf("]}\n");
}

/* Shows a job or sync table started with --no-wait: its id, or {"KEY": OBJECT}. */
static int show_started(const cli_ctx *ctx, const char *key, const cli_waitable *w,
                        const cli_kind *kind, void *obj) {
  if (!ctx->json) {
    printf("%s\n", w->id(obj));
    cli_note(ctx, "started %s %s; see '" CLI_PROG " %s %s'", w->what, w->id(obj), w->resume,
             w->id(obj));
  } else if (w->refresh(obj) != 0) { /* the reply that started it has only its id */
    return cli_fail(ctx, "reading what was started");
  } else {
    printf("{\"%s\": %s}\n", key, cli_json_or_null(kind->json(obj)));
  }
  return 0;
}

int cli_finish_job(cli_ctx *ctx, carto_import_job *job, cli_progress *p) {
  int rc = cli_wait(ctx, &CLI_JOB_WAIT, job, p);
  carto_import_dataset_list *list = NULL;
  if (rc) return rc;
  if (carto_import_job_datasets(&list, job) != 0) return cli_fail(ctx, "reading the datasets");
  size_t count = 0;
  carto_import_dataset **datasets = cli_datasets(list, &count);
  if (count == 0 && carto_import_job_error_code(job))
    cli_note(ctx, "no dataset was created: CARTO error %d: %s", carto_import_job_error_code(job),
             carto_import_job_get_string(job, "error_title"));
  if (carto_import_job_get_string(job, "derived_visualization_id"))
    cli_note(ctx, "created map %s", carto_import_job_get_string(job, "derived_visualization_id"));
  show_created(ctx, "job", carto_import_job_json(job), datasets, count);
  cli_free_datasets(datasets, count);
  carto_import_dataset_list_free(list);
  return 0;
}

static int run_job(cli_ctx *ctx, carto_import_client *client, const char *source, int connector,
                   const carto_import_params *params, int no_wait) {
  carto_import_job *job = NULL;
  cli_progress p;
  char name[sizeof p.label - sizeof "uploading "] = ""; /* so "uploading NAME" always fits */
  int status, rc = 0;
  /* The source is not repeated, only its name: a URL or a connector may hold a password,
   * and the library's message names the source (redacted) whenever it is the cause. */
  const char *const what = connector         ? "the connector import"
                           : cli_is_url(source) ? "importing the URL"
                                                : "importing the file";
  if (!connector) cli_source_text(source, 0, name, sizeof name);
  if (cli_job_new(&job, client, source, connector, params) != 0) return cli_fail(ctx, what);

  cli_progress_init(&p, ctx, "");
  snprintf(p.label, sizeof p.label, "uploading %s", connector ? "the connector" : name);
  cli_interrupt_catch(1);
  status = carto_import_job_run(job, cli_on_progress, &p);
  cli_progress_end(&p);
  if (status == 0 && carto_import_job_upload_compression(job) == CARTO_IMPORT_COMPRESSION_GZIP)
    cli_note(ctx, "sent gzip-compressed as %s.gz: %lld bytes", name,
             carto_import_job_upload_bytes_sent(job));
  if (status == CARTO_IMPORT_ECANCELED && cli_interrupted())
    rc = cli_error(ctx, CLI_EXIT_CANCELED, "interrupted: the upload was canceled");
  else if (status != 0)
    rc = cli_fail(ctx, what);
  else if (no_wait)
    rc = show_started(ctx, "job", &CLI_JOB_WAIT, &CLI_JOB, job);
  else if ((rc = cli_finish_job(ctx, job, &p)) == 0)
    cli_note(ctx, "imported %s in %.1f s", connector ? "it" : name,
             (double)(cli_now_ms() - p.started_ms) / 1000.0);
  cli_interrupt_catch(0);
  carto_import_job_free(job);
  return rc;
}

static int run_sync(cli_ctx *ctx, carto_import_client *client, const char *source, int connector,
                    long interval, const carto_import_params *params, int no_wait) {
  carto_import_sync *sync = NULL;
  carto_import_dataset *dataset = NULL;
  int rc = 0;
  const int status =
      connector ? carto_import_sync_create_connector(&sync, client, source, interval, params)
                : carto_import_sync_create(&sync, client, source, interval, params);
  if (status != 0) return cli_fail(ctx, "creating the sync table");
  if (no_wait) {
    rc = show_started(ctx, "sync", &CLI_SYNC_WAIT, &CLI_SYNC, sync);
  } else {
    cli_progress p;
    cli_progress_init(&p, ctx, "");
    rc = cli_wait(ctx, &CLI_SYNC_WAIT, sync, &p);
    if (rc == 0 && carto_import_sync_dataset(&dataset, sync) != 0)
      rc = cli_fail(ctx, "reading the synced dataset");
    if (rc == 0) {
      cli_note(ctx, "sync table %s syncs every %lld s", carto_import_sync_id(sync),
               carto_import_sync_get_int(sync, "interval", interval));
      show_created(ctx, "sync", carto_import_sync_json(sync), &dataset, 1);
    }
  }
  carto_import_dataset_free(dataset);
  carto_import_sync_free(sync);
  return rc;
}

int cli_import(cli_ctx *ctx, const cli_args *args, const char *source, int connector,
               const char *interval_option, const char *interval_text) {
  carto_import_params *params = NULL;
  long interval = 0;
  int rc = 0;
  if (interval_text && (interval = cli_seconds(ctx, interval_option, interval_text)) < 0)
    return CLI_EXIT_USAGE;
  if (interval_text && !connector && !cli_is_url(source))
    return cli_usage_error(ctx, "%s needs a URL: a local file cannot be synced",
                           interval_option);
  if ((rc = make_params(ctx, args, &params)) != 0) return rc;
  carto_import_client *client = cli_client(ctx, &rc);
  const int no_wait = cli_opt(args, "no-wait") != NULL;
  if (client && interval_text)
    rc = run_sync(ctx, client, source, connector, interval, params, no_wait);
  else if (client)
    rc = run_job(ctx, client, source, connector, params, no_wait);
  carto_import_params_free(params);
  return rc;
}

int cmd_import(cli_ctx *ctx, const cli_args *args) {
  const char *parallel_text = cli_opt(args, "parallel");
  if (args->npositional == 1 && !parallel_text)
    return cli_import(ctx, args, args->positional[0], 0, "--sync-interval",
                      cli_opt(args, "sync-interval"));
  long parallel = 1;
  if (parallel_text) {
    char *end = NULL;
    parallel = strtol(parallel_text, &end, 10);
    if (end == parallel_text || *end || parallel < 1 || parallel > 64)
      return cli_usage_error(ctx, "--parallel wants a number of imports from 1 to 64, not '%s'",
                             parallel_text);
  }
  if (cli_opt(args, "sync-interval"))
    return cli_usage_error(ctx, "--sync-interval takes one URL, not several sources");
  carto_import_params *params = NULL;
  int rc = make_params(ctx, args, &params);
  carto_import_client *client = rc ? NULL : cli_client(ctx, &rc);
  if (client)
    rc = cli_import_batch(ctx, client, params, args->positional, (size_t)args->npositional,
                          parallel, cli_opt(args, "no-wait") != NULL);
  carto_import_params_free(params);
  return rc;
}

int cmd_syncs_create(cli_ctx *ctx, const cli_args *args) {
  if (!cli_opt(args, "interval")) return cli_usage_error(ctx, "--interval SECONDS is required");
  return cli_import(ctx, args, args->positional[0], 0, "--interval", cli_opt(args, "interval"));
}

/* The contents of path ("-": stdin) as a string, or NULL after reporting why. */
static char *read_text(const cli_ctx *ctx, const char *path, int *rc) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  char *text = NULL;
  size_t size = 0, cap = 0;
  if (f) {
    for (;;) {
      if (size + 4096 + 1 > cap) {
        char *bigger = realloc(text, cap = 2 * cap + 4096 + 1);
        if (!bigger) break;
        text = bigger;
      }
      const size_t n = fread(text + size, 1, cap - size - 1, f);
      size += n;
      if (n == 0) break;
    }
    if (ferror(f) || !text) {
      free(text);
      text = NULL;
    } else {
      text[size] = '\0';
    }
    if (f != stdin) fclose(f);
  }
  if (!text) *rc = cli_error(ctx, CLI_EXIT_INPUT, "cannot read %s: %s", path, strerror(errno));
  return text;
}

int cmd_connector_import(cli_ctx *ctx, const cli_args *args) {
  int rc = 0;
  char *json = read_text(ctx, args->positional[0], &rc);
  if (!json) return rc;
  rc = cli_import(ctx, args, json, 1, "--sync-interval", cli_opt(args, "sync-interval"));
  free(json);
  return rc;
}
