/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* import SOURCE... [--parallel N]: several imports through one client, N threads at a time.
 *
 * Each thread takes the next source, uploads it (or sends its URL), waits for its job and
 * reports the result as it ends. On a terminal, the running imports show one progress line
 * each, in a block redrawn in place under the results; elsewhere, the plain lines of a single
 * import, prefixed by the source's name (cli_source_text()). A source refused because the
 * account's import slots are full (429) waits for a free one. One mutex guards the queue, the
 * results and the terminal. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

typedef struct slot {
  cli_progress progress; /* per running import; its label is the source's name */
  char text[512];        /* its line in the terminal's block */
  int active;
} slot;

typedef struct result {
  char name[128];         /* what is shown of the source: cli_source_text()'s name */
  int exit;               /* the source's exit status */
  char summary[64];       /* "complete", "failed (exit 6)", "started job ID", ... */
  size_t datasets;
  double seconds;
} result;

typedef struct batch {
  cli_ctx *ctx;
  carto_import_client *client;
  const carto_import_params *params;
  const char *const *sources;
  size_t count, next;
  long parallel;
  int no_wait, tty, drawn;
  long long last_draw_ms;
  slot *slots;
  result *results;
  pthread_mutex_t mu;
} batch;

typedef struct worker {
  batch *b;
  slot *s;
} worker;

/* ---- the terminal (b->mu held) ----------------------------------------------------------- */

static void clear_block(batch *b) {
  if (!b->tty || !b->drawn) return;
  fprintf(stderr, "\033[%dA\r\033[J", b->drawn);
  b->drawn = 0;
}

static void draw_block(batch *b) {
  if (!b->tty) return; /* (b->tty is false with --quiet) */
  clear_block(b);
  for (long i = 0; i < b->parallel; ++i)
    if (b->slots[i].active) {
      fprintf(stderr, "%s\n", b->slots[i].text);
      b->drawn++;
    }
  fflush(stderr);
  b->last_draw_ms = cli_now_ms();
}

/* ---- one import ---------------------------------------------------------------------------- */

static int on_progress(int state, long long done, long long total, void *userdata) {
  worker *w = userdata;
  if (!w->b->tty) return cli_on_progress(state, done, total, &w->s->progress);
  pthread_mutex_lock(&w->b->mu);
  cli_progress_text(&w->s->progress, state, done, total, w->s->text, sizeof w->s->text);
  if (cli_now_ms() - w->b->last_draw_ms >= 100) draw_block(w->b);
  pthread_mutex_unlock(&w->b->mu);
  return cli_interrupted();
}

/* Sleeps about seconds s, waking early after Ctrl-C. */
static void pause_for(long seconds) {
  for (long i = 0; i < seconds * 10 && !cli_interrupted(); ++i) {
    struct timespec tenth = {0, 100000000L};
    nanosleep(&tenth, NULL);
  }
}

/* Starts the import of source: the job, run; a refusal for lack of slots waits and tries
 * again. Returns the run's status; *job is the job (to free) whatever happened. */
static int start(worker *w, const char *source, carto_import_job **job) {
  for (;;) {
    int status = cli_job_new(job, w->b->client, source, 0, w->b->params);
    if (status == 0) status = carto_import_job_run(*job, on_progress, w);
    if (status != CARTO_IMPORT_ERATELIMIT || cli_interrupted()) return status;
    const long wait = carto_import_last_error_retry_after() > 0
                          ? carto_import_last_error_retry_after() : 2;
    carto_import_job_free(*job);
    *job = NULL;
    pthread_mutex_lock(&w->b->mu);
    snprintf(w->s->text, sizeof w->s->text, "%s: waiting for a free import slot",
             w->s->progress.label);
    if (!w->b->tty && w->s->progress.show)
      fprintf(stderr, "%s\n", w->s->text);
    draw_block(w->b);
    pthread_mutex_unlock(&w->b->mu);
    pause_for(wait);
  }
}

/* Reports source i's end (b->mu held): a JSON object on stdout with --json, else a note. */
static void report(batch *b, size_t i, int status, carto_import_job *job,
                   carto_import_dataset *const *datasets, size_t count) {
  const result *r = &b->results[i];
  char source[4096];
  clear_block(b);
  if (b->ctx->json) {
    fputs("{\"source\": ", stdout);
    json_string(stdout, cli_source_text(b->sources[i], 1, source, sizeof source));
    fprintf(stdout, ", \"exit_code\": %d, \"seconds\": %.1f, \"job\": %s, \"datasets\": [",
            r->exit, r->seconds, cli_json_or_null(job ? carto_import_job_json(job) : NULL));
    for (size_t k = 0; k < count; ++k)
      printf("%s%s", k ? ", " : "", cli_json_or_null(carto_import_dataset_json(datasets[k])));
    fputs("], \"error\": ", stdout);
    if (status != 0)
      cli_last_error_json(stdout);
    else
      fputs("null", stdout);
    fputs("}\n", stdout);
    fflush(stdout);
  } else if (status != 0 && r->exit != CLI_EXIT_CANCELED) {
    cli_fail_source(b->ctx, r->name);
  } else if (!b->ctx->quiet) {
    fprintf(stderr, "%s: %s", r->name, r->summary);
    for (size_t k = 0; k < count; ++k)
      fprintf(stderr, "%s%s", k ? ", " : ": ",
              carto_import_dataset_get_string(datasets[k], "name"));
    fprintf(stderr, " (%.1f s)\n", r->seconds);
  }
  draw_block(b);
}

static void import_one(worker *w, size_t i) {
  batch *b = w->b;
  const char *source = b->sources[i];
  result *r = &b->results[i];
  carto_import_job *job = NULL;
  carto_import_dataset_list *list = NULL;
  carto_import_dataset **datasets = NULL;
  size_t count = 0;

  pthread_mutex_lock(&b->mu);
  cli_progress_init(&w->s->progress, b->ctx, "");
  snprintf(w->s->progress.label, sizeof w->s->progress.label, "%s", r->name);
  snprintf(w->s->text, sizeof w->s->text, "%s: starting", w->s->progress.label);
  w->s->active = 1;
  pthread_mutex_unlock(&b->mu);

  const long long started = cli_now_ms();
  int status = start(w, source, &job);
  if (status == 0 && b->no_wait) {
    snprintf(r->summary, sizeof r->summary, "started job %s", carto_import_job_id(job));
  } else if (status == 0) {
    status = carto_import_job_wait(job, cli_timeout_ms(b->ctx), on_progress, w);
    if (status == 0) status = carto_import_job_datasets(&list, job);
    if (status == 0) datasets = cli_datasets(list, &count);
    snprintf(r->summary, sizeof r->summary, "%s", status == 0 ? "complete" : "failed");
  }
  r->exit = status == CARTO_IMPORT_ECANCELED && cli_interrupted() ? CLI_EXIT_CANCELED
                                                                   : cli_exit_for_status(status);
  if (status != 0)
    snprintf(r->summary, sizeof r->summary, "%s (exit %d)",
             r->exit == CLI_EXIT_CANCELED ? "interrupted" : "failed", r->exit);
  r->datasets = count;
  r->seconds = (double)(cli_now_ms() - started) / 1000.0;

  pthread_mutex_lock(&b->mu);
  w->s->active = 0;
  report(b, i, status, job, datasets, count);
  pthread_mutex_unlock(&b->mu);
  cli_free_datasets(datasets, count);
  carto_import_dataset_list_free(list);
  carto_import_job_free(job);
}

static void *work(void *arg) {
  worker *w = arg;
  for (;;) {
    pthread_mutex_lock(&w->b->mu);
    const size_t i = w->b->next < w->b->count && !cli_interrupted() ? w->b->next++ : SIZE_MAX;
    pthread_mutex_unlock(&w->b->mu);
    if (i == SIZE_MAX) return NULL;
    import_one(w, i);
  }
}

/* ---- the batch ----------------------------------------------------------------------------- */

/* The table on stdout: a row per source, its columns as wide as their longest text. */
static void print_summary(const batch *b) {
  size_t width = 6, result_width = 18;
  for (size_t i = 0; i < b->count; ++i) {
    if (strlen(b->results[i].name) > width) width = strlen(b->results[i].name);
    if (strlen(b->results[i].summary) > result_width) result_width = strlen(b->results[i].summary);
  }
  printf("%-*s  %-*s  %8s  %s\n", (int)width, "SOURCE", (int)result_width, "RESULT", "DATASETS",
         "TIME");
  for (size_t i = 0; i < b->count; ++i) {
    const result *r = &b->results[i];
    if (!r->summary[0]) /* never started: interrupted first */
      printf("%-*s  %-*s  %8s  %s\n", (int)width, r->name, (int)result_width, "not started", "-",
             "-");
    else
      printf("%-*s  %-*s  %8zu  %.1f s\n", (int)width, r->name, (int)result_width, r->summary,
             r->datasets, r->seconds);
  }
}

int cli_import_batch(cli_ctx *ctx, carto_import_client *client, const carto_import_params *params,
                     const char *const *sources, size_t count, long parallel, int no_wait) {
  batch b;
  memset(&b, 0, sizeof b);
  b.ctx = ctx;
  b.client = client;
  b.params = params;
  b.sources = sources;
  b.count = count;
  b.parallel = parallel < (long)count ? parallel : (long)count;
  b.no_wait = no_wait;
  b.tty = isatty(STDERR_FILENO) && !ctx->quiet;
  b.slots = calloc((size_t)b.parallel, sizeof *b.slots);
  b.results = calloc(count, sizeof *b.results);
  worker *workers = calloc((size_t)b.parallel, sizeof *workers);
  pthread_t *threads = calloc((size_t)b.parallel, sizeof *threads);
  int rc = 0;
  if (!b.slots || !b.results || !workers || !threads ||
      pthread_mutex_init(&b.mu, NULL) != 0) {
    rc = cli_error(ctx, cli_exit_for_status(CARTO_IMPORT_ENOMEM), "out of memory");
  } else {
    long started = 0;
    for (size_t i = 0; i < count; ++i)
      cli_source_text(sources[i], 0, b.results[i].name, sizeof b.results[i].name);
    cli_interrupt_catch(1);
    for (long t = 0; t < b.parallel; ++t) {
      workers[t].b = &b;
      workers[t].s = &b.slots[t];
      if (pthread_create(&threads[t], NULL, work, &workers[t]) != 0) break;
      started++;
    }
    if (started == 0) work(&workers[0]); /* no thread to be had: one at a time, here */
    for (long t = 0; t < started; ++t) pthread_join(threads[t], NULL);
    pthread_mutex_lock(&b.mu);
    clear_block(&b);
    pthread_mutex_unlock(&b.mu);
    for (size_t i = 0; i < count; ++i) {
      const int exit = b.results[i].summary[0] ? b.results[i].exit : CLI_EXIT_CANCELED;
      if (exit > rc) rc = exit;
    }
    if (!ctx->json) print_summary(&b);
    cli_interrupt_catch(0);
    pthread_mutex_destroy(&b.mu);
  }
  free(threads);
  free(workers);
  free(b.results);
  free(b.slots);
  return rc;
}
