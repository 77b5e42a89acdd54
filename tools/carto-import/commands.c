/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* The commands, their options and help texts, the global options and the exit codes: the one
 * source of `--help` and of the man page (help.c prints both). */
#include "cli.h"

const char CLI_DESCRIPTION[] =
    "Imports files, URLs and external databases into a CARTO account, and manages its "
    "datasets, import jobs and sync tables, through the CARTO Import API.";

const char CLI_ENVIRONMENT[] =
    "CARTO_API_URL is the account's URL when --url is not given, e.g. "
    "https://USER.carto.com/ or https://HOST/user/USER/. CARTO_API_KEY is the account's "
    "master API key when --api-key is not given; prefer it to --api-key, which other users "
    "can see in the process list. The key is never printed.";

const cli_option CLI_GLOBAL_OPTIONS[] = {
    {"url", "URL", "the account's URL (default: $CARTO_API_URL)"},
    {"api-key", "KEY", "the master API key (default: $CARTO_API_KEY)"},
    {"insecure", NULL, "skip TLS verification; allow plain http"},
    {"ca-bundle", "FILE", "trust the CA certificates in FILE (PEM)"},
    {"timeout", "SECONDS", "stop waiting after SECONDS (default 600, 0: never)"},
    {"json", NULL, "JSON output (errors as JSON on stderr)"},
    {"quiet", NULL, "no progress nor messages: results and errors only"},
    {"verbose", NULL, "log each HTTP request on stderr, key removed (also -v)"},
    {"help", NULL, "show help (also after a command) and exit (also -h)"},
    {"version", NULL, "show the version and exit (also -V)"},
    {NULL, NULL, NULL}};

/* Status ranges, as carto_import.h groups them. */
const cli_exit_code CLI_EXIT_CODES[] = {
    {0, "success", {{0, 0}}},
    {1, "usage error: unknown command or option, missing argument, no URL or key", {{0, 0}}},
    {2, "invalid input: bad value, unreadable file, request rejected by the server",
     {{CARTO_IMPORT_EINVAL, CARTO_IMPORT_EINVAL},
      {CARTO_IMPORT_EINSECURE, CARTO_IMPORT_EIO},
      {CARTO_IMPORT_EBADREQUEST, CARTO_IMPORT_EBADREQUEST}}},
    {3, "network error or timeout", {{-19, CARTO_IMPORT_ENETWORK}}},
    {4, "authentication: wrong API key, or not allowed", {{CARTO_IMPORT_EFORBIDDEN,
                                                           CARTO_IMPORT_EAUTH}}},
    {5, "not found: no such dataset, job or sync table", {{CARTO_IMPORT_ENOTFOUND,
                                                           CARTO_IMPORT_ENOTFOUND}}},
    {6, "the import or sync failed (the CARTO error code is shown)",
     {{CARTO_IMPORT_EREMOTE, CARTO_IMPORT_EREMOTE}}},
    {7, "in use: maps depend on the dataset (see --force)",
     {{CARTO_IMPORT_EINUSE, CARTO_IMPORT_EINUSE}}},
    {8, "rate limited: too many requests or imports at once; try again later",
     {{CARTO_IMPORT_ERATELIMIT, CARTO_IMPORT_ERATELIMIT}}},
    {CLI_EXIT_OTHER, "any other error (server, protocol, internal)", {{0, 0}}},
    {CLI_EXIT_CANCELED, "interrupted (Ctrl-C): 128 + SIGINT, as shells report it",
     {{-59, CARTO_IMPORT_ECANCELED}}},
};
const size_t CLI_EXIT_CODE_COUNT = sizeof CLI_EXIT_CODES / sizeof CLI_EXIT_CODES[0];

/* ---- options shared by several commands ------------------------------------------------- */

#define IMPORT_PARAM_OPTIONS                                                                   \
  {"no-type-guessing", NULL, "keep every column as text"},                                     \
      {"no-quoted-fields-guessing", NULL, "keep quoted CSV fields as text"},                   \
      {"content-guessing", NULL, "find geometries in contents (e.g. city names)"}, \
      {"create-vis", NULL, "also create a map of each dataset"},                              \
      {"privacy", "public|private|link", "who may see the datasets (default: the account's)"}, \
      {"collision", "rename|skip|overwrite",                                                   \
       "when a table of that name exists (default: rename)"},                                 \
      {"no-wait", NULL, "print the job (or sync) id and return at once"}

static const cli_option import_options[] = {
    {"parallel", "N", "import up to N of the sources at a time (default 1)"},
    {"sync-interval", "SECONDS", "sync it from the URL every SECONDS (>= 900)"},
    {"compress", "auto|gzip|none",
     "gzip a local file as it is sent (as NAME.gz): auto (default) text formats, while it is "
     "faster than the link; gzip always; none never"},
    IMPORT_PARAM_OPTIONS,
    {NULL, NULL, NULL}};

static const cli_option connector_options[] = {
    {"sync-interval", "SECONDS", "re-import every SECONDS (>= 900) if it changed"},
    IMPORT_PARAM_OPTIONS,
    {NULL, NULL, NULL}};

static const cli_option update_options[] = {
    {"name", "NAME", "rename the dataset (and its table)"},
    {"privacy", "public|private|link", "who may see it"},
    {"display-name", "TEXT", "the name shown instead of the table's"},
    {"description", "TEXT", "its description"},
    {"license", "TEXT", "its license"},
    {"attributions", "TEXT", "its attributions"},
    {"title", "TEXT", "its title"},
    {"source", "TEXT", "where its data comes from"},
    {NULL, NULL, NULL}};

static const cli_option delete_options[] = {
    {"force", NULL, "delete even when maps depend on it"},
    {NULL, NULL, NULL}};

static const cli_option sync_create_options[] = {
    {"interval", "SECONDS", "how often to sync, at least 900 (required)"},
    IMPORT_PARAM_OPTIONS,
    {NULL, NULL, NULL}};

static const cli_option no_options[] = {{NULL, NULL, NULL}};

/* ---- examples ------------------------------------------------------------------------------ */

static const char *const import_examples[] = {
    "carto-import import cities.csv --privacy link",
    "carto-import import https://example.com/rivers.zip --collision overwrite",
    "carto-import import https://example.com/daily.csv --sync-interval 3600",
    "carto-import import --parallel 4 data/*.csv", NULL};
static const char *const connector_examples[] = {"carto-import connector import roads.json",
                                                 NULL};
static const char *const list_examples[] = {"carto-import --json datasets list", NULL};
static const char *const show_examples[] = {"carto-import datasets show world_cities", NULL};
static const char *const update_examples[] = {
    "carto-import datasets update world_cities --privacy public --title Cities", NULL};
static const char *const delete_examples[] = {"carto-import datasets delete world_cities --force",
                                              NULL};
static const char *const sync_examples[] = {
    "carto-import syncs create https://example.com/daily.csv --interval 86400", NULL};
static const char *const completion_examples[] = {
    "source <(carto-import completion bash)", "source <(carto-import completion zsh)", NULL};
static const char *const force_examples[] = {"carto-import syncs force 5b1e4c0e-...", NULL};

/* ---- the commands ----------------------------------------------------------------------- */

const cli_command CLI_COMMANDS[] = {
    {"import", "PATH|URL... [OPTION...]", 1, 1 << 30,
     "import files or URLs and show their datasets",
     "Imports a local file, or a file the server downloads (an http, https or ftp URL), and "
     "waits until the server has created its datasets; an archive may create several. Progress "
     "goes to stderr: on a terminal, one line updated in place with the upload's rate and time "
     "left, then the job's state and the time waited; otherwise plain lines.\n\n"
     "Several sources (globs included) are imported one after the other, or --parallel N at a "
     "time through one connection pool, each with its own progress line on a terminal. Each "
     "result is reported as it ends, then a summary table; with --json, one JSON object per "
     "source. A source that the server refuses because the account's import slots are full "
     "waits for a free one. The exit status is the highest of the sources'.\n\n"
     "With --sync-interval, the URL becomes a sync table, which the server imports again "
     "whenever the source changed. With --no-wait, prints the job id (or the sync table's id) "
     "and returns: wait for it later with 'jobs wait'.\n\n"
     "Ctrl-C cancels the uploads in flight; during a wait, it stops waiting and the imports "
     "go on.",
     import_options, import_examples, cmd_import},
    {"connector import", "FILE.json [OPTION...]", 1, 1,
     "import a table from an external database",
     "Imports from an external database through a CARTO connector. FILE.json holds the "
     "connector object, e.g. {\"provider\": \"postgres\", \"connection\": {\"server\": \"db\", "
     "\"database\": \"gis\", \"username\": \"u\", \"password\": \"p\"}, \"table\": \"roads\"}, "
     "or that object wrapped as {\"connector\": {...}}; '-' reads it from stdin. The server "
     "checks it. The other options are those of 'import'.",
     connector_options, connector_examples, cmd_connector_import},
    {"datasets list", "", 0, 0, "list the account's datasets",
     "Lists every dataset of the account: its id, privacy, rows, dependent maps and name.",
     no_options, list_examples, cmd_datasets_list},
    {"datasets show", "ID|NAME", 1, 1, "show one dataset",
     "Shows a dataset, found by its id or its name.", no_options, show_examples,
     cmd_datasets_show},
    {"datasets update", "ID|NAME OPTION...", 1, 1, "change a dataset's name, privacy or metadata",
     "Changes the given fields of a dataset and shows the result. An empty TEXT clears a "
     "field.",
     update_options, update_examples, cmd_datasets_update},
    {"datasets delete", "ID|NAME [--force]", 1, 1, "delete a dataset",
     "Deletes a dataset: its table, its sync table and the maps that use only it. When maps "
     "depend on it, refuses (exit status 7) unless --force is given.",
     delete_options, delete_examples, cmd_datasets_delete},
    {"jobs list", "", 0, 0, "list the unfinished import jobs",
     "Lists the account's import jobs that have not finished yet, newest first.", no_options,
     NULL, cmd_jobs_list},
    {"jobs show", "ID", 1, 1, "show an import job", "Shows an import job's state and results.",
     no_options, NULL, cmd_jobs_show},
    {"jobs wait", "ID", 1, 1, "wait for an import job and show its datasets",
     "Waits until an import job finishes (as 'import' does, within --timeout) and shows the "
     "datasets it created.",
     no_options, NULL, cmd_jobs_wait},
    {"syncs create", "URL --interval SECONDS [OPTION...]", 1, 1, "create a sync table",
     "Creates a sync table from a URL, waits for its first run and shows its dataset: the same "
     "as 'import URL --sync-interval SECONDS'.",
     sync_create_options, sync_examples, cmd_syncs_create},
    {"syncs list", "", 0, 0, "list the sync tables",
     "Lists the account's sync tables: id, state, interval and name.", no_options, NULL,
     cmd_syncs_list},
    {"syncs show", "ID", 1, 1, "show a sync table",
     "Shows a sync table: its source, state, interval, last and next run, last error.",
     no_options, NULL, cmd_syncs_show},
    {"syncs force", "ID", 1, 1, "sync now",
     "Asks the server to sync now, and says whether it queued a run. It does not when the "
     "last run is less than 15 minutes old, or when the table is already queued or syncing "
     "(or the account runs its maximum of syncs).",
     no_options, force_examples, cmd_syncs_force},
    {"syncs set-interval", "ID SECONDS", 2, 2, "change how often a table syncs",
     "Sets how often a sync table runs: every SECONDS, which must be at least 900; the next "
     "run is then SECONDS away.",
     no_options, NULL, cmd_syncs_set_interval},
    {"syncs delete", "ID", 1, 1, "stop syncing, keeping the table",
     "Deletes a sync table's definition: the dataset stays, and is no longer synced.",
     no_options, NULL, cmd_syncs_delete},
    {"completion", "bash|zsh", 1, 1, "print a shell completion script",
     "Prints a script that completes carto-import's commands and options in bash or zsh, made "
     "from the same table as this help. Load it from your shell's start-up file, e.g. "
     "'source <(carto-import completion bash)'; the Debian package installs the bash one.",
     no_options, completion_examples, cmd_completion},
};
const size_t CLI_COMMAND_COUNT = sizeof CLI_COMMANDS / sizeof CLI_COMMANDS[0];
