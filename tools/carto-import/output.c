/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Errors, exit statuses, and how datasets, jobs and sync tables are shown. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* ---- exit statuses ---------------------------------------------------------------------- */

int cli_exit_for_status(int status) {
  if (status == 0) return CLI_EXIT_OK;
  for (size_t i = 0; i < CLI_EXIT_CODE_COUNT; ++i)
    for (int r = 0; r < 3 && CLI_EXIT_CODES[i].ranges[r][0] != 0; ++r)
      if (status >= CLI_EXIT_CODES[i].ranges[r][0] && status <= CLI_EXIT_CODES[i].ranges[r][1])
        return CLI_EXIT_CODES[i].exit;
  return CLI_EXIT_OTHER;
}

/* ---- JSON ------------------------------------------------------------------------------- */

void json_string(FILE *f, const char *s) {
  if (!s) {
    fputs("null", f);
    return;
  }
  fputc('"', f);
  for (const unsigned char *c = (const unsigned char *)s; *c; ++c) {
    if (*c == '"' || *c == '\\')
      fprintf(f, "\\%c", *c);
    else if (*c == '\n')
      fputs("\\n", f);
    else if (*c < 0x20)
      fprintf(f, "\\u%04x", *c);
    else
      fputc(*c, f);
  }
  fputc('"', f);
}

const char *cli_json_or_null(const char *json) { return json ? json : "null"; }

/* ---- errors ------------------------------------------------------------------------------ */

typedef struct report {
  int exit, status, http, remote;
  const char *title, *explanation, *source;
  long retry_after;
} report;

/* Writes r as the JSON object of an error: {"exit_code": ..., "message": ..., ...}. */
static void error_object(FILE *f, const report *r, const char *message) {
  fprintf(f, "{\"exit_code\": %d, \"message\": ", r->exit);
  json_string(f, message);
  if (r->status) {
    fprintf(f, ", \"status\": %d, \"status_text\": ", r->status);
    json_string(f, carto_import_strerror(r->status));
  }
  if (r->http) fprintf(f, ", \"http_status\": %d", r->http);
  if (r->retry_after >= 0) fprintf(f, ", \"retry_after\": %ld", r->retry_after);
  if (r->remote) {
    fprintf(f, ", \"carto_error\": {\"code\": %d, \"title\": ", r->remote);
    json_string(f, r->title);
    fputs(", \"explanation\": ", f);
    json_string(f, r->explanation);
    fputs(", \"source\": ", f);
    json_string(f, r->source);
    fputc('}', f);
  }
  fputc('}', f);
}

/* The report of this thread's last library error. */
static report last_error_report(void) {
  const int status = carto_import_last_error_code();
  const report r = {cli_exit_for_status(status ? status : CARTO_IMPORT_ERROR),
                    status,
                    carto_import_last_error_http_status(),
                    carto_import_last_error_remote_code(),
                    carto_import_last_error_remote_title(),
                    carto_import_last_error_remote_explanation(),
                    carto_import_last_error_remote_source(),
                    carto_import_last_error_retry_after()};
  return r;
}

void cli_last_error_json(FILE *f) {
  const report r = last_error_report();
  error_object(f, &r, carto_import_last_error_message());
}

/* Prints "carto-import: MESSAGE" and the details of r, or the JSON error document. */
static int emit(const cli_ctx *ctx, const report *r, const char *message) {
  if (ctx && ctx->json) {
    fputs("{\"error\": ", stderr);
    error_object(stderr, r, message);
    fputs("}\n", stderr);
    return r->exit;
  }
  fprintf(stderr, CLI_PROG ": %s\n", message);
  if (r->remote) {
    fprintf(stderr, "  CARTO error %d: %s", r->remote, r->title ? r->title : "(no title)");
    fprintf(stderr, r->source ? " (source: %s)\n" : "\n", r->source);
  }
  /* the library's message usually includes the explanation already */
  if (r->explanation && *r->explanation && !strstr(message, r->explanation))
    fprintf(stderr, "  %s\n", r->explanation);
  if (r->retry_after >= 0) fprintf(stderr, "  the server asks to retry after %ld s\n",
                                   r->retry_after);
  return r->exit;
}

/* Reports the last library error as "PREFIX SEPARATOR MESSAGE" (MESSAGE without a prefix). */
static int fail(const cli_ctx *ctx, const char *prefix, const char *separator) {
  const report r = last_error_report();
  char message[2048];
  snprintf(message, sizeof message, "%s%s%s", prefix ? prefix : "", prefix ? separator : "",
           carto_import_last_error_message());
  return emit(ctx, &r, message);
}

int cli_fail(const cli_ctx *ctx, const char *what) { return fail(ctx, what, " failed: "); }

int cli_fail_source(const cli_ctx *ctx, const char *name) { return fail(ctx, name, ": "); }

static int verror(const cli_ctx *ctx, int exit_status, const char *hint, const char *fmt,
                  va_list ap) {
  char message[2048];
  const int n = vsnprintf(message, sizeof message, fmt, ap);
  if (hint && n >= 0 && (size_t)n < sizeof message)
    snprintf(message + n, sizeof message - (size_t)n, "%s", hint);
  const report r = {exit_status, 0, 0, 0, NULL, NULL, NULL, -1};
  return emit(ctx, &r, message);
}

int cli_error(const cli_ctx *ctx, int exit_status, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  verror(ctx, exit_status, NULL, fmt, ap);
  va_end(ap);
  return exit_status;
}

int cli_usage_error(const cli_ctx *ctx, const char *fmt, ...) {
  char hint[128];
  snprintf(hint, sizeof hint, "\nTry '" CLI_PROG "%s%s --help'.", ctx && ctx->topic ? " " : "",
           ctx && ctx->topic ? ctx->topic : "");
  va_list ap;
  va_start(ap, fmt);
  verror(ctx, CLI_EXIT_USAGE, ctx && ctx->json ? NULL : hint, fmt, ap);
  va_end(ap);
  return CLI_EXIT_USAGE;
}

void cli_note(const cli_ctx *ctx, const char *fmt, ...) {
  if (ctx->quiet || ctx->json) return;
  va_list ap;
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

/* ---- datasets, jobs, sync tables --------------------------------------------------------- */

/* kind 's': a string; 'i': a number; 'e': a number shown only when not zero. */
static const cli_field dataset_fields[] = {
    {"id", "id", 's', 0}, {"name", "name", 's', 0}, {"display name", "display_name", 's', 0},
    {"privacy", "privacy", 's', 0}, {"rows", "row_count", 'i', 0}, {"size", "size", 'i', 0},
    {"dependent maps", "dependent_visualizations_count", 'i', 0},
    {"title", "title", 's', 0}, {"description", "description", 's', 0},
    {"license", "license", 's', 0}, {"attributions", "attributions", 's', 0},
    {"source", "source", 's', 0}, {"sync table", "synchronization_id", 's', 0},
    {"created", "created_at", 's', 0}, {"updated", "updated_at", 's', 0}, {NULL, NULL, 0, 0}};
static const cli_field dataset_columns[] = {
    {"ID", "id", 's', 36}, {"PRIVACY", "privacy", 's', 8}, {"ROWS", "row_count", 'i', 9},
    {"MAPS", "dependent_visualizations_count", 'i', 5}, {"NAME", "name", 's', 0},
    {NULL, NULL, 0, 0}};

static const cli_field job_fields[] = {
    {"id", "id", 's', 0}, {"state", "state", 's', 0}, {"name", "display_name", 's', 0},
    {"type", "data_type", 's', 0}, {"url", "original_url", 's', 0},
    {"table", "table_name", 's', 0}, {"tables created", "tables_created_count", 'e', 0},
    {"map", "derived_visualization_id", 's', 0}, {"sync table", "synchronization_id", 's', 0},
    {"error code", "error_code", 'e', 0}, {"error", "error_title", 's', 0},
    {"explanation", "error_explanation", 's', 0}, {NULL, NULL, 0, 0}};
static const cli_field job_columns[] = {
    {"ID", "id", 's', 36}, {"STATE", "state", 's', 11}, {"NAME", "display_name", 's', 0},
    {NULL, NULL, 0, 0}};

static const cli_field sync_fields[] = {
    {"id", "id", 's', 0}, {"name", "name", 's', 0}, {"state", "state", 's', 0},
    {"url", "url", 's', 0}, {"interval", "interval", 'i', 0}, {"last run", "ran_at", 's', 0},
    {"next run", "run_at", 's', 0}, {"error code", "error_code", 'e', 0},
    {"error", "error_message", 's', 0}, {"retries", "retried_times", 'e', 0},
    {"dataset", "visualization_id", 's', 0}, {"import job", "data_import_id", 's', 0},
    {NULL, NULL, 0, 0}};
static const cli_field sync_columns[] = {
    {"ID", "id", 's', 36}, {"STATE", "state", 's', 9}, {"INTERVAL", "interval", 'i', 9},
    {"NAME", "name", 's', 0}, {NULL, NULL, 0, 0}};

static const char *dataset_str(const void *o, const char *f) {
  return carto_import_dataset_get_string(o, f);
}
static long long dataset_int(const void *o, const char *f, long long fb) {
  return carto_import_dataset_get_int(o, f, fb);
}
static const char *dataset_json(const void *o) { return carto_import_dataset_json(o); }

static const char *job_str(const void *o, const char *f) {
  if (strcmp(f, "id") == 0) return carto_import_job_id(o);
  if (strcmp(f, "state") == 0) return carto_import_job_state_name(o);
  return carto_import_job_get_string(o, f);
}
static long long job_int(const void *o, const char *f, long long fb) {
  return carto_import_job_get_int(o, f, fb);
}
static const char *job_json(const void *o) { return carto_import_job_json(o); }

static const char *sync_str(const void *o, const char *f) {
  if (strcmp(f, "id") == 0) return carto_import_sync_id(o);
  if (strcmp(f, "state") == 0) return carto_import_sync_state_name(o);
  return carto_import_sync_get_string(o, f);
}
static long long sync_int(const void *o, const char *f, long long fb) {
  return carto_import_sync_get_int(o, f, fb);
}
static const char *sync_json(const void *o) { return carto_import_sync_json(o); }

const cli_kind CLI_DATASET = {"dataset", dataset_fields, dataset_columns, dataset_str,
                              dataset_int, dataset_json};
const cli_kind CLI_JOB = {"import job", job_fields, job_columns, job_str, job_int, job_json};
const cli_kind CLI_SYNC = {"sync table", sync_fields, sync_columns, sync_str, sync_int,
                           sync_json};

carto_import_dataset **cli_datasets(const carto_import_dataset_list *list, size_t *count) {
  const size_t n = carto_import_dataset_list_count(list);
  carto_import_dataset **datasets = n ? calloc(n, sizeof *datasets) : NULL;
  *count = 0;
  while (datasets && *count < n && carto_import_dataset_list_get(&datasets[*count], list, *count) == 0)
    ++*count;
  return datasets;
}

void cli_free_datasets(carto_import_dataset **datasets, size_t count) {
  for (size_t i = 0; i < count; ++i) carto_import_dataset_free(datasets[i]);
  free(datasets);
}

/* The field's value as text in buf; NULL when absent (or zero, for kind 'e'). */
static const char *field_text(const cli_kind *kind, const cli_field *f, const void *obj,
                              char *buf, size_t size) {
  if (f->kind == 's') return kind->get_string(obj, f->name);
  const long long v = kind->get_int(obj, f->name, LLONG_MIN);
  if (v == LLONG_MIN || (f->kind == 'e' && v == 0)) return NULL;
  snprintf(buf, size, "%lld", v);
  return buf;
}

void cli_show(const cli_ctx *ctx, const cli_kind *kind, const void *obj) {
  if (ctx->json) {
    printf("%s\n", cli_json_or_null(kind->json(obj)));
    return;
  }
  char buf[32];
  for (const cli_field *f = kind->fields; f->label; ++f) {
    const char *text = field_text(kind, f, obj, buf, sizeof buf);
    if (text && *text) printf("%-15s %s\n", f->label, text);
  }
}

void cli_list(const cli_ctx *ctx, const cli_kind *kind, const char *key, const void *const *objs,
              size_t count) {
  if (ctx->json) {
    printf("{\"%s\": [", key);
    for (size_t i = 0; i < count; ++i)
      printf("%s%s", i ? ", " : "", cli_json_or_null(kind->json(objs[i])));
    printf("]}\n");
    return;
  }
  if (count == 0) {
    cli_note(ctx, "no %ss", kind->noun);
    return;
  }
  char buf[32];
  for (size_t row = 0; row <= count; ++row)  /* the header, then one row per object */
    for (const cli_field *c = kind->columns; c->label; ++c) {
      const char *text = row ? field_text(kind, c, objs[row - 1], buf, sizeof buf) : c->label;
      if (!text || !*text) text = "-";
      if (c[1].label)
        printf("%-*s ", c->width, text);
      else
        printf("%s\n", text);
    }
}
