/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Progress on stderr, Ctrl-C, and waiting for import jobs and sync tables.
 *
 * Waits are the library's (carto_import_job_wait, carto_import_sync_wait): they ask the
 * progress callback after every poll and at least every 100 ms, so cli_on_progress sees
 * Ctrl-C promptly and cancels. */
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

/* ---- Ctrl-C -------------------------------------------------------------------------------- */

static volatile sig_atomic_t interrupted;
static int catch_depth;
static struct sigaction previous;

static void on_sigint(int sig) {
  (void)sig;
  interrupted = 1;
}

void cli_interrupt_catch(int on) {
  if (on && catch_depth++ == 0) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND; /* a second Ctrl-C kills */
    sigaction(SIGINT, &sa, &previous);
  } else if (!on && --catch_depth == 0) {
    sigaction(SIGINT, &previous, NULL);
  }
}

int cli_interrupted(void) { return interrupted != 0; }

/* ---- progress ------------------------------------------------------------------------------ */

long long cli_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void cli_progress_init(cli_progress *p, const cli_ctx *ctx, const char *label) {
  const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");
  memset(p, 0, sizeof *p);
  p->ctx = ctx;
  p->tty = isatty(STDERR_FILENO);
  p->show = !ctx->quiet && (!ctx->json || p->tty);
  p->color = p->tty && !(no_color && *no_color) && !(term && strcmp(term, "dumb") == 0);
  p->last_state = -1;
  p->last_step = -1;
  p->started_ms = cli_now_ms();
  snprintf(p->label, sizeof p->label, "%s", label);
}

void cli_progress_end(cli_progress *p) {
  if (p->line) fputc('\n', stderr);
  p->line = 0;
}

/* Starts the terminal's line of kind `line` (1 upload, 2 state), or a new plain line. */
static void begin_line(cli_progress *p, int line) {
  if (!p->tty) return;
  if (p->line && p->line != line) fputc('\n', stderr);
  fputs("\r\033[K", stderr);
  p->line = line;
}

static const char *human_size(long long n, char *buf, size_t size) {
  static const char *const units[] = {"B", "kB", "MB", "GB", "TB"};
  double v = (double)n;
  int u = 0;
  while (v >= 1000 && u < 4) v /= 1000, ++u;
  snprintf(buf, size, u ? "%.1f %s" : "%.0f %s", v, units[u]);
  return buf;
}

/* A duration as m:ss, or h:mm:ss from an hour. */
static const char *clock_text(long long seconds, char *buf, size_t size) {
  if (seconds >= 3600)
    snprintf(buf, size, "%lld:%02lld:%02lld", seconds / 3600, seconds / 60 % 60, seconds % 60);
  else
    snprintf(buf, size, "%lld:%02lld", seconds / 60, seconds % 60);
  return buf;
}

void cli_progress_text(cli_progress *p, int state, long long done, long long total, char *buf,
                       size_t size) {
  const long long now = cli_now_ms();
  char a[32], b[32], c[40], d[32];
  if (state == CARTO_IMPORT_STATE_SENDING && total > 0) {
    enum { BAR = 20 };
    char bar[BAR + 1];
    const int percent = (int)(done * 100 / total), filled = (int)(done * BAR / total);
    if (!p->upload_start_ms) p->upload_start_ms = now;
    const long long ms = now - p->upload_start_ms;
    /* bytes/s, once it means something: after 100 ms, or at the end */
    const int known = ms >= 100 || (done >= total && ms > 0);
    const double rate = known ? (double)done * 1000.0 / (double)ms : 0;
    for (int i = 0; i < BAR; ++i) bar[i] = i < filled ? '#' : '-';
    bar[BAR] = '\0';
    snprintf(c, sizeof c, "%s/s", rate > 0 ? human_size((long long)rate, d, sizeof d) : "--");
    if (rate > 0 && done < total)
      clock_text((long long)((double)(total - done) / rate + 0.5), d, sizeof d);
    else
      snprintf(d, sizeof d, done >= total ? "0:00" : "-:--");
    snprintf(buf, size, "%s %s[%s]%s %3d%%  %s of %s  %s  ETA %s", p->label,
             p->color ? "\033[32m" : "", bar, p->color ? "\033[0m" : "", percent,
             human_size(done, a, sizeof a), human_size(total, b, sizeof b), c, d);
  } else {
    if (!p->state_start_ms) p->state_start_ms = now;
    snprintf(buf, size, "%s: %s  %s", p->label, carto_import_state_string(state),
             clock_text((now - p->state_start_ms) / 1000, a, sizeof a));
  }
}

int cli_on_progress(int state, long long done, long long total, void *userdata) {
  cli_progress *p = userdata;
  char a[32], b[32], text[512];
  const long long now = cli_now_ms();
  if (p->show && state == CARTO_IMPORT_STATE_SENDING && total > 0) {
    const int percent = (int)(done * 100 / total);
    /* a terminal shows every percent and refreshes the rate twice a second; plain output
     * every 25% */
    const int step = p->tty ? percent : percent / 25;
    if (step != p->last_step || (p->tty && now - p->last_draw_ms >= 500)) {
      p->last_step = step;
      p->last_draw_ms = now;
      if (p->tty) {
        cli_progress_text(p, state, done, total, text, sizeof text);
        begin_line(p, 1);
        fputs(text, stderr);
      } else {
        fprintf(stderr, "%s: %3d%% (%s of %s)\n", p->label, percent,
                human_size(done, a, sizeof a), human_size(total, b, sizeof b));
      }
    }
  } else if (p->show && state != CARTO_IMPORT_STATE_SENDING &&
             (state != p->last_state || (p->tty && now - p->last_draw_ms >= 1000))) {
    p->last_draw_ms = now;
    if (p->tty) {
      cli_progress_text(p, state, done, total, text, sizeof text);
      begin_line(p, 2);
      fputs(text, stderr);
    } else {
      fprintf(stderr, "%s: %s\n", p->label, carto_import_state_string(state));
    }
  }
  if (state != CARTO_IMPORT_STATE_SENDING) p->last_state = state;
  fflush(stderr);
  return cli_interrupted();
}

/* ---- waiting ------------------------------------------------------------------------------- */

long cli_timeout_ms(const cli_ctx *ctx) {
  return ctx->timeout_s <= INT_MAX / 1000 ? ctx->timeout_s * 1000 : 0;
}

int cli_wait(const cli_ctx *ctx, const cli_waitable *w, void *obj, cli_progress *p) {
  const char *id = w->id(obj);
  const long timeout_ms = cli_timeout_ms(ctx);
  const long long deadline = timeout_ms ? cli_now_ms() + timeout_ms : 0;
  char what[128];
  int rc = 0;
  snprintf(what, sizeof what, "%s %s", w->what, id);
  snprintf(p->label, sizeof p->label, "%s", what);
  cli_interrupt_catch(1);
  const int status = w->wait(obj, timeout_ms, cli_on_progress, p);
  cli_progress_end(p);
  if (status == CARTO_IMPORT_ECANCELED && cli_interrupted())
    rc = cli_error(ctx, CLI_EXIT_CANCELED,
                   "interrupted: stopped waiting; %s goes on on the server (see '" CLI_PROG
                   " %s %s')", what, w->resume, id);
  /* (the deadline's ETIMEDOUT, not a stalled transfer's: the library stops with less than a
   *  millisecond left by its own clock, so allow for a little skew) */
  else if (status == CARTO_IMPORT_ETIMEDOUT && deadline && cli_now_ms() + 100 >= deadline)
    rc = cli_error(ctx, CLI_EXIT_NETWORK,
                   "timed out after %ld s: %s is still '%s'; it goes on on the server (see '"
                   CLI_PROG " %s %s')",
                   ctx->timeout_s, what, carto_import_state_string(w->state(obj)), w->resume, id);
  else if (status == CARTO_IMPORT_EREMOTE) /* the failure's details are in the last error */
    rc = cli_fail(ctx, NULL);
  else if (status != 0)
    rc = cli_fail(ctx, "waiting");
  cli_interrupt_catch(0);
  return rc;
}

/* ---- what can be waited for ---------------------------------------------------------------- */

static const char *job_id(const void *o) { return carto_import_job_id(o); }
static carto_import_status job_refresh(void *o) { return carto_import_job_refresh(o); }
static int job_state(const void *o) { return carto_import_job_state(o); }
static carto_import_status job_wait(void *o, long timeout_ms, carto_import_progress_cb cb,
                                    void *userdata) {
  return carto_import_job_wait(o, timeout_ms, cb, userdata);
}

static const char *sync_id(const void *o) { return carto_import_sync_id(o); }
static carto_import_status sync_refresh(void *o) { return carto_import_sync_refresh(o); }
static int sync_state(const void *o) { return carto_import_sync_state(o); }
static carto_import_status sync_wait(void *o, long timeout_ms, carto_import_progress_cb cb,
                                     void *userdata) {
  return carto_import_sync_wait(o, timeout_ms, cb, userdata);
}

const cli_waitable CLI_JOB_WAIT = {"import job", "jobs wait", job_id, job_refresh, job_state,
                                   job_wait};
const cli_waitable CLI_SYNC_WAIT = {"sync table", "syncs show", sync_id, sync_refresh,
                                    sync_state, sync_wait};
