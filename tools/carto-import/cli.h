/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* carto-import: the command-line tool of libcarto_import. Shared declarations.
 *
 * The tool uses only the public C API (carto_import.h). Every command is one row of
 * CLI_COMMANDS (commands.c), which holds its help text, its options and its handler; --help
 * and the man page are both printed from that table. Exit codes come from one table too
 * (CLI_EXIT_CODES, output.c), derived from the library's status code ranges. */
#ifndef CARTO_IMPORT_CLI_H
#define CARTO_IMPORT_CLI_H

#include <carto_import.h>
#include <stdio.h>

#define CLI_PROG "carto-import"
#define CLI_MAX_OPTIONS 16

/* ---- the command table ------------------------------------------------------------------ */

typedef struct cli_option {
  const char *name;    /* long name without the leading "--" */
  const char *metavar; /* the value's placeholder; NULL for a flag */
  const char *help;    /* one line */
} cli_option;

struct cli_ctx;
struct cli_args;
typedef int (*cli_handler)(struct cli_ctx *ctx, const struct cli_args *args);

typedef struct cli_command {
  const char *name;        /* "import", "datasets update", ... */
  const char *synopsis;    /* the positional arguments and the main options */
  int min_args, max_args;  /* how many positional arguments it takes */
  const char *summary;     /* one line, for the command list */
  const char *description; /* paragraphs separated by blank lines; lines wrapped at 90 */
  const cli_option *options;
  const char *const *examples;
  cli_handler run;
} cli_command;

typedef struct cli_exit_code {
  int exit;                 /* the process exit status */
  const char *meaning;      /* for --help and the man page */
  int ranges[3][2];         /* library statuses [lowest, highest] mapped to it; {0, 0} ends */
} cli_exit_code;

extern const cli_command CLI_COMMANDS[];
extern const size_t CLI_COMMAND_COUNT;
extern const cli_option CLI_GLOBAL_OPTIONS[];
extern const cli_exit_code CLI_EXIT_CODES[];
extern const size_t CLI_EXIT_CODE_COUNT;
extern const char CLI_DESCRIPTION[];
extern const char CLI_ENVIRONMENT[];

enum { CLI_EXIT_OK = 0, CLI_EXIT_USAGE = 1, CLI_EXIT_INPUT = 2, CLI_EXIT_NETWORK = 3,
       CLI_EXIT_OTHER = 10, /* a status in none of CLI_EXIT_CODES's ranges */
       CLI_EXIT_CANCELED = 130 /* 128 + SIGINT, as shells report a Ctrl-C */ };

/* carto-import [GLOBAL OPTIONS] COMMAND [ARGS]: returns the exit status. (cli.c) */
int cli_main(int argc, char **argv);

/* ---- a parsed command line ------------------------------------------------------------- */

typedef struct cli_args {
  const cli_command *cmd;
  const char **positional; /* argc entries at most */
  int npositional;
  const char *values[CLI_MAX_OPTIONS]; /* per cmd->options entry; "" for a flag given */
} cli_args;

/* The value of the command's option NAME, or NULL when it was not given. */
const char *cli_opt(const cli_args *args, const char *name);

typedef struct cli_ctx {
  const char *url, *api_key, *ca_bundle;
  int insecure, json, quiet, verbose;
  long timeout_s;
  int compression; /* 1 + carto_import_compression when --compress was given, else 0 */
  const char *topic; /* the command or group being run, for "Try '... --help'" */
  carto_import_client *client;
} cli_ctx;

/* The client for the account; NULL after reporting why (the exit status is in *exit). */
carto_import_client *cli_client(cli_ctx *ctx, int *exit_status);

/* ---- errors and output (output.c) ------------------------------------------------------ */

/* Maps a library status to the exit status, through CLI_EXIT_CODES (CLI_EXIT_OTHER when no
 * range holds it). */
int cli_exit_for_status(int status);
/* Reports the last library error of this thread ("WHAT failed: MESSAGE", or MESSAGE when what
 * is NULL) and returns its exit status. */
int cli_fail(const cli_ctx *ctx, const char *what);
/* The same for one source of several: "NAME: MESSAGE" (NAME as cli_source_text() gives it). */
int cli_fail_source(const cli_ctx *ctx, const char *name);
/* Reports an error of the tool itself and returns exit_status. */
int cli_error(const cli_ctx *ctx, int exit_status, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* A usage error: the message, then a hint to run --help; returns CLI_EXIT_USAGE. */
int cli_usage_error(const cli_ctx *ctx, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* A message for the user on stderr, unless --quiet or --json. */
void cli_note(const cli_ctx *ctx, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Writes this thread's last library error as a JSON object {"exit_code", "message", ...}
 * (the "error" member of --json's error document). */
void cli_last_error_json(FILE *f);
/* json, or "null" when it is NULL. */
const char *cli_json_or_null(const char *json);
/* Writes s as a JSON string (null for NULL). */
void json_string(FILE *f, const char *s);

/* ---- showing objects (output.c) -------------------------------------------------------- */

/* A field of a dataset, job or sync table, as `show` prints it (label) or as a column of
 * `list` (label, width). kind: 's' a string, 'i' a number, 'e' a number shown unless 0. */
typedef struct cli_field {
  const char *label;
  const char *name;
  char kind;
  int width;
} cli_field;

typedef struct cli_kind {
  const char *noun;  /* "dataset" */
  const cli_field *fields;  /* for show */
  const cli_field *columns; /* for list; the last one is not padded */
  const char *(*get_string)(const void *obj, const char *field);
  long long (*get_int)(const void *obj, const char *field, long long fallback);
  const char *(*json)(const void *obj);
} cli_kind;

extern const cli_kind CLI_DATASET, CLI_JOB, CLI_SYNC;

/* Copies of the datasets of a list (NULL when empty), and how to free them. */
carto_import_dataset **cli_datasets(const carto_import_dataset_list *list, size_t *count);
void cli_free_datasets(carto_import_dataset **datasets, size_t count);

void cli_show(const cli_ctx *ctx, const cli_kind *kind, const void *obj);
/* Lists objs (count of them): a table, or {"KEY": [...]} with --json. */
void cli_list(const cli_ctx *ctx, const cli_kind *kind, const char *key, const void *const *objs,
              size_t count);

/* ---- progress, Ctrl-C and waiting (progress.c) ----------------------------------------- */

typedef struct cli_progress {
  const cli_ctx *ctx;
  char label[192]; /* "uploading cities.csv", then "import job ID" */
  int show, tty;   /* show progress at all; stderr is a terminal: update one line in place */
  int color;       /* a terminal without NO_COLOR: the bar in color */
  int line;        /* the open line on a terminal: 0 none, 1 upload, 2 state */
  int last_state, last_step;
  long long started_ms;       /* when the command began (the final line's duration) */
  long long upload_start_ms;  /* the first upload callback: where the rate counts from */
  long long state_start_ms;   /* when the wait began: the elapsed time shown */
  long long last_draw_ms;
} cli_progress;

void cli_progress_init(cli_progress *p, const cli_ctx *ctx, const char *label);
/* The progress callback given to the library: shows progress, and cancels after Ctrl-C. */
int cli_on_progress(int state, long long done, long long total, void *userdata);
/* Ends the line a terminal shows, if one is open. */
void cli_progress_end(cli_progress *p);
/* What a terminal shows for (state, done, total) into buf: the upload's bar, percent, bytes,
 * rate and time left, or the state and the time waited. */
void cli_progress_text(cli_progress *p, int state, long long done, long long total, char *buf,
                       size_t size);
/* Milliseconds of a monotonic clock. */
long long cli_now_ms(void);

/* While caught (calls nest), Ctrl-C sets a flag that the progress callback checks; a second
 * Ctrl-C kills the process. */
void cli_interrupt_catch(int on);
int cli_interrupted(void);

/* Something to wait for: an import job or a sync table. */
typedef struct cli_waitable {
  const char *what;   /* "import job", "sync table" */
  const char *resume; /* the command to go on with, e.g. "jobs wait" */
  const char *(*id)(const void *obj);
  carto_import_status (*refresh)(void *obj);
  int (*state)(const void *obj);
  /* the library's wait: carto_import_job_wait or carto_import_sync_wait */
  carto_import_status (*wait)(void *obj, long timeout_ms, carto_import_progress_cb progress,
                              void *userdata);
} cli_waitable;

extern const cli_waitable CLI_JOB_WAIT, CLI_SYNC_WAIT;

/* --timeout in milliseconds for the library's waits: 0 (none) for 0, and for a timeout of
 * more than INT_MAX ms (24 days), as good as none and too long for the library's clock. */
long cli_timeout_ms(const cli_ctx *ctx);
/* Waits (the library's wait) until obj is final, within --timeout, showing its states through p
 * (its label is set here); returns 0, or the exit status after reporting a failure, timeout or
 * Ctrl-C. */
int cli_wait(const cli_ctx *ctx, const cli_waitable *w, void *obj, cli_progress *p);

/* ---- commands (cmd_*.c) -------------------------------------------------------------------- */

int cmd_import(cli_ctx *, const cli_args *);
int cmd_connector_import(cli_ctx *, const cli_args *);
int cmd_datasets_list(cli_ctx *, const cli_args *);
int cmd_datasets_show(cli_ctx *, const cli_args *);
int cmd_datasets_update(cli_ctx *, const cli_args *);
int cmd_datasets_delete(cli_ctx *, const cli_args *);
int cmd_jobs_list(cli_ctx *, const cli_args *);
int cmd_jobs_show(cli_ctx *, const cli_args *);
int cmd_jobs_wait(cli_ctx *, const cli_args *);
int cmd_syncs_create(cli_ctx *, const cli_args *);
int cmd_syncs_list(cli_ctx *, const cli_args *);
int cmd_syncs_show(cli_ctx *, const cli_args *);
int cmd_syncs_force(cli_ctx *, const cli_args *);
int cmd_syncs_set_interval(cli_ctx *, const cli_args *);
int cmd_syncs_delete(cli_ctx *, const cli_args *);
int cmd_completion(cli_ctx *, const cli_args *);

/* Values of --privacy, as carto_import_privacy from CARTO_IMPORT_PRIVACY_PUBLIC. */
extern const char *const CLI_PRIVACY[];
/* The index of value in names (three of them), or -1 after a usage error. */
int cli_choice(const cli_ctx *ctx, const char *option, const char *value,
               const char *const *names);

/* Parses a whole number of seconds given as NAME ("--timeout"); -1 after reporting a usage error. */
long cli_seconds(const cli_ctx *ctx, const char *name, const char *value);

/* Whether source is a URL, by the library's rule: http://, https:// or ftp://, any case.
 * (import.c) */
int cli_is_url(const char *source);
/* What the tool shows of a source (a path or URL), into buf: with whole, a path, or a URL
 * without its user, password, query and fragment; otherwise its name, the last segment of
 * that path (a URL's host when it has none). A URL's secrets are never in it. (import.c) */
const char *cli_source_text(const char *source, int whole, char *buf, size_t size);
/* The import job of source: a connector's JSON when connector is set, else a URL or a local
 * file, as cli_is_url() tells. (import.c) */
carto_import_status cli_job_new(carto_import_job **job, carto_import_client *client,
                                const char *source, int connector,
                                const carto_import_params *params);
/* Imports source (a path, URL, or connector JSON when connector is set): a sync table when
 * interval (the option's text) is not NULL. Options as CLI_COMMANDS's import. (import.c) */
int cli_import(cli_ctx *ctx, const cli_args *args, const char *source, int connector,
               const char *interval_option, const char *interval);
/* Imports several sources (paths or URLs), up to `parallel` at a time, through one client:
 * progress per running import, each result as it ends, then a summary (or one JSON object
 * per source); a source refused for lack of import slots waits for one. Returns the highest
 * exit status of the sources. (batch.c) */
int cli_import_batch(cli_ctx *ctx, carto_import_client *client, const carto_import_params *params,
                     const char *const *sources, size_t count, long parallel, int no_wait);
/* Waits for a job that runs, and shows the datasets it created. (import.c) */
int cli_finish_job(cli_ctx *ctx, carto_import_job *job, cli_progress *p);

/* ---- help (help.c) ------------------------------------------------------------------------- */

/* Print help; return CLI_EXIT_OK. */
int cli_help_main(FILE *f);
int cli_help_group(FILE *f, const char *group);
int cli_help_command(FILE *f, const cli_command *cmd);
void cli_man_page(FILE *f, const char *version);
/* The shell completion script for shell ("bash" or "zsh"), from the command table; returns
 * CLI_EXIT_OK, or -1 for another shell. (completion.c) */
int cli_completion_script(FILE *f, const char *shell);

#endif
