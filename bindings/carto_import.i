/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* carto_import.i — the SWIG interface shared by every language binding of libcarto_import.
 *
 * Language-neutral: each handle of the C API becomes a class (common/macros.i) whose methods
 * call the C functions; everything a language does its own way lives in
 * bindings/<lang>/carto_import_<lang>.i, which %includes this file after providing the
 * typemaps listed in common/macros.i:
 *   - carto_import_status results raise the language's exception (mapped once, from
 *     carto_import_last_error_*), else return nothing;
 *   - `Box **OUT` parameters become returned objects owned by the target language;
 *   - (carto_import_progress_cb progress, void *userdata) takes a callable (trampoline);
 *   - `int *OUTPUT` (SWIG's typemaps.i) becomes a returned value.
 * Methods that block on the network are listed with %threadallow (Python -threads releases
 * the GIL only there); the rest are cheap and keep it.
 *
 * Lifetimes: the C library keeps whatever a handle needs alive, so objects may be collected in
 * any order. close() frees a handle early and is idempotent; a closed handle raises.
 */

%{
#include <stdbool.h>
#include <stdlib.h>
#include "carto_import.h"

/* NULL-tolerant accessor of a box's handle, for optional arguments. */
#define CARTO_IMPORT_H_OF(box) ((box) ? (box)->h : NULL)

/* ---- the one mapping of status codes to exception classes ------------------------------------
 * A class is named by its stem: Java appends "Exception" (AuthException), Ruby "Error"
 * (CartoImport::AuthError); the root ("") is CartoImportException / CartoImport::Error.
 * Codes not listed take their range's class (docs/errors.md): a code appended to the header
 * later still lands in the right family. Python's carto_import/exceptions.py takes it through
 * error_class_name / error_class_parent, like Ruby's and Java's classes. */
typedef struct carto_import_error_class {
  int code;           /* a status code; 0 ends the table */
  const char *stem;   /* the class */
  const char *parent; /* its superclass ("": the root) */
} carto_import_error_class;

static const carto_import_error_class carto_import_error_classes[] = {
    {CARTO_IMPORT_ERROR, "", ""},
    {CARTO_IMPORT_EINVAL, "InvalidArgument", ""},
    {CARTO_IMPORT_ENOMEM, "OutOfMemory", ""},
    {CARTO_IMPORT_EBADHANDLE, "InvalidHandle", ""},
    {CARTO_IMPORT_EIO, "File", ""},
    {CARTO_IMPORT_EINSECURE, "InsecureConnection", "InvalidArgument"},
    {CARTO_IMPORT_ENETWORK, "Network", ""},
    {CARTO_IMPORT_ETIMEDOUT, "Timeout", ""},
    {CARTO_IMPORT_ETLS, "Tls", "Network"},
    {CARTO_IMPORT_EHTTP, "Http", ""},
    {CARTO_IMPORT_EAUTH, "Auth", "Http"},
    {CARTO_IMPORT_EFORBIDDEN, "Forbidden", "Http"},
    {CARTO_IMPORT_ENOTFOUND, "NotFound", "Http"},
    {CARTO_IMPORT_ERATELIMIT, "RateLimit", "Http"},
    {CARTO_IMPORT_EBADREQUEST, "BadRequest", "Http"},
    {CARTO_IMPORT_ESERVER, "Server", "Http"},
    {CARTO_IMPORT_EPROTOCOL, "Protocol", ""},
    {CARTO_IMPORT_EREMOTE, "RemoteImport", ""},
    {CARTO_IMPORT_EINUSE, "InUse", ""},
    {CARTO_IMPORT_ECANCELED, "Cancelled", ""},
    {CARTO_IMPORT_EINTERNAL, "Internal", ""},
    {0, NULL, NULL}};

/* The class of a status code: its own, else its range's, else the root. Never NULL. */
static inline const carto_import_error_class *carto_import_error_class_of(int code) {
  static const struct { int low, high, family; } ranges[] = {
      {-19, -10, CARTO_IMPORT_ENETWORK}, {-29, -20, CARTO_IMPORT_EHTTP},
      {-39, -30, CARTO_IMPORT_EPROTOCOL}, {-49, -40, CARTO_IMPORT_EREMOTE},
      {-59, -50, CARTO_IMPORT_ECANCELED}};
  const carto_import_error_class *c;
  size_t i;
  for (c = carto_import_error_classes; c->stem; c++)
    if (c->code == code) return c;
  for (i = 0; i < sizeof ranges / sizeof *ranges; i++)
    if (code >= ranges[i].low && code <= ranges[i].high)
      return carto_import_error_class_of(ranges[i].family);
  return &carto_import_error_classes[0];
}

/* Everything an exception carries: the one place that reads a failure, from the snapshot
 * taken of the thread's last-error record (carto_import_last_error_take) right after the
 * failing call, when it belongs to this failure (its code is `code`); else only the code and a
 * message. `message` overrides the record's message (e.g. "this Client is closed"); code 0
 * means the record's own code. The strings are borrowed from the snapshot or static: build
 * the exception, then carto_import_error_info_release(). */
typedef struct carto_import_error_info {
  int code;
  const char *message;
  int http_status, remote_code;
  const char *title, *explanation, *source, *job_id;
  long retry_after, limit, remaining, reset; /* -1: not sent */
  carto_import_error *snapshot;              /* owned; NULL when the record was not used */
} carto_import_error_info;

static inline void carto_import_error_info_get(carto_import_error_info *e, int code,
                                               const char *message) {
  carto_import_error *s = NULL;
  int own;
  if (carto_import_last_error_take(&s) != 0) s = NULL; /* out of memory: the code alone */
  if (code == 0) code = carto_import_error_get_code(s);
  if (code == 0) code = CARTO_IMPORT_ERROR;
  own = !message && s && carto_import_error_get_code(s) == code;
  if (!own) {
    carto_import_error_free(s);
    s = NULL;
  }
  e->snapshot = s;
  e->code = code;
  e->message = message ? message : own ? carto_import_error_get_message(s)
                                       : carto_import_strerror(code);
  /* (the accessors give 0, NULL and -1 for a NULL snapshot) */
  e->http_status = carto_import_error_get_http_status(s);
  e->remote_code = carto_import_error_get_remote_code(s);
  e->title = carto_import_error_get_remote_title(s);
  e->explanation = carto_import_error_get_remote_explanation(s);
  e->source = carto_import_error_get_remote_source(s);
  e->job_id = carto_import_error_get_job_id(s);
  e->retry_after = carto_import_error_get_retry_after(s);
  carto_import_error_get_rate_limit(s, &e->limit, &e->remaining, &e->reset);
}

static inline void carto_import_error_info_release(carto_import_error_info *e) {
  carto_import_error_free(e->snapshot);
  e->snapshot = NULL;
}
%}

%include <stdint.i>
%include <typemaps.i>
%include "common/macros.i"

/* ---- constants: the header's enums and #defines, prefix stripped (EINVAL, STATE_COMPLETE,
 *      PRIVACY_PUBLIC, AUTH_BASIC, SYNC_MIN_INTERVAL...). Its functions are wrapped below. -- */
#define CARTO_IMPORT_API
%ignore CARTO_IMPORT_H;
%rename("$ignore", %$isfunction, regexmatch$name="^carto_import_") "";
%rename("%(strip:[CARTO_IMPORT_])s", %$isenumitem) "";
%rename("%(strip:[CARTO_IMPORT_])s", %$isconstant) "";
%include "carto_import.h"

/* ---- library functions ---------------------------------------------------------------- */
%rename(version) cib_version;
%rename(version_num) cib_version_num;
%rename(strerror) cib_strerror;
%rename(state_string) cib_state_string;
%rename(state_is_final) cib_state_is_final;
%rename(error_class_name) cib_error_class_name;
%rename(error_class_parent) cib_error_class_parent;
%inline %{
/** The stem of the exception class of a status code ("Auth", "NotFound"; "" for the root):
 *  the classes a binding defines follow carto_import_error_classes. */
static const char *cib_error_class_name(int code) {
  return carto_import_error_class_of(code)->stem;
}
/** The stem of the superclass of that class ("" for the root and its direct subclasses). */
static const char *cib_error_class_parent(int code) {
  return carto_import_error_class_of(code)->parent;
}
%}
%inline %{
/** The library's version string, e.g. "0.2.0". */
static const char *cib_version(void) { return carto_import_version(); }
/** The library's version as 0xMMmmpp. */
static unsigned int cib_version_num(void) { return carto_import_version_num(); }
/** A fixed English description of a status code. */
static const char *cib_strerror(int code) { return carto_import_strerror(code); }
/** The name of a state ("complete", ...). */
static const char *cib_state_string(int state) { return carto_import_state_string(state); }
/** True when a state ends a wait. */
static bool cib_state_is_final(int state) { return carto_import_state_is_final(state) != 0; }
%}

/* ---- the handle classes ------------------------------------------------------------------ */
%rename(Options) CartoOptions;
%rename(Client) CartoClient;
%rename(Params) CartoParams;
%rename(ImportJob) CartoImportJob;
%rename(Dataset) CartoDataset;
%rename(DatasetList) CartoDatasetList;
%rename(SyncTable) CartoSyncTable;
%rename(SyncList) CartoSyncList;
%rename(StringList) CartoStringList;

CARTO_IMPORT_HANDLE_C(CartoOptions, carto_import_options, carto_import_options_free)
CARTO_IMPORT_HANDLE_C(CartoClient, carto_import_client, carto_import_client_free)
CARTO_IMPORT_HANDLE_C(CartoParams, carto_import_params, carto_import_params_free)
CARTO_IMPORT_HANDLE_C(CartoImportJob, carto_import_job, carto_import_job_free)
CARTO_IMPORT_HANDLE_C(CartoDataset, carto_import_dataset, carto_import_dataset_free)
CARTO_IMPORT_HANDLE_C(CartoDatasetList, carto_import_dataset_list, carto_import_dataset_list_free)
CARTO_IMPORT_HANDLE_C(CartoSyncTable, carto_import_sync, carto_import_sync_free)
CARTO_IMPORT_HANDLE_C(CartoSyncList, carto_import_sync_list, carto_import_sync_list_free)
CARTO_IMPORT_HANDLE_C(CartoStringList, carto_import_string_list, carto_import_string_list_free)

/* (before the classes: a class's members take the typemaps in force where it is declared) */
%apply int *OUTPUT { int *outcome, int *syncing };

CARTO_IMPORT_CHECK_OPEN(CartoOptions)
CARTO_IMPORT_CHECK_OPEN(CartoClient)
CARTO_IMPORT_CHECK_OPEN(CartoParams)
CARTO_IMPORT_CHECK_OPEN(CartoImportJob)
CARTO_IMPORT_CHECK_OPEN(CartoDataset)
CARTO_IMPORT_CHECK_OPEN(CartoDatasetList)
CARTO_IMPORT_CHECK_OPEN(CartoSyncTable)
CARTO_IMPORT_CHECK_OPEN(CartoSyncList)
CARTO_IMPORT_CHECK_OPEN(CartoStringList)
/* Optional arguments may be omitted (NULL), not closed. */
%typemap(check) const struct CartoParams *params, const struct CartoOptions *options,
                const CartoParams *params, const CartoOptions *options {
  if ($1 && !$1->h) { CARTO_IMPORT_CLOSED_ERROR("$1_basetype"); }
}

CARTO_IMPORT_HANDLE(CartoOptions, carto_import_options, carto_import_options_free)
CARTO_IMPORT_HANDLE(CartoClient, carto_import_client, carto_import_client_free)
CARTO_IMPORT_HANDLE(CartoParams, carto_import_params, carto_import_params_free)
CARTO_IMPORT_HANDLE(CartoImportJob, carto_import_job, carto_import_job_free)
CARTO_IMPORT_HANDLE(CartoDataset, carto_import_dataset, carto_import_dataset_free)
CARTO_IMPORT_HANDLE(CartoDatasetList, carto_import_dataset_list, carto_import_dataset_list_free)
CARTO_IMPORT_HANDLE(CartoSyncTable, carto_import_sync, carto_import_sync_free)
CARTO_IMPORT_HANDLE(CartoSyncList, carto_import_sync_list, carto_import_sync_list_free)
CARTO_IMPORT_HANDLE(CartoStringList, carto_import_string_list, carto_import_string_list_free)


/* Constructors return NULL on failure: the language's CARTO_IMPORT_CONSTRUCTOR_FAILED raises. */
%define CARTO_IMPORT_CONSTRUCTOR_CHECK(Box)
%exception Box::Box {
  $action
  if (!result) { CARTO_IMPORT_CONSTRUCTOR_FAILED; }
}
%enddef
CARTO_IMPORT_CONSTRUCTOR_CHECK(CartoOptions)
CARTO_IMPORT_CONSTRUCTOR_CHECK(CartoClient)
CARTO_IMPORT_CONSTRUCTOR_CHECK(CartoParams)

%extend CartoOptions {
  /** New options with the defaults (TLS verified, 3 attempts, no request timeout...). */
  CartoOptions() {
    carto_import_options *h = NULL;
    CartoOptions *box = NULL;
    carto_import_status rc = carto_import_options_new(&h);
    return CartoOptions_out(&box, rc, h) < 0 ? NULL : box;
  }
}
%extend CartoClient {
  /** A client for one account, built from options (which are copied). */
  CartoClient(const CartoOptions *options) {
    carto_import_client *h = NULL;
    CartoClient *box = NULL;
    carto_import_status rc = carto_import_client_new(&h, CARTO_IMPORT_H_OF(options));
    return CartoClient_out(&box, rc, h) < 0 ? NULL : box;
  }
}
%extend CartoParams {
  /** Import parameters with nothing set: the server's defaults apply. */
  CartoParams() {
    carto_import_params *h = NULL;
    CartoParams *box = NULL;
    carto_import_status rc = carto_import_params_new(&h);
    return CartoParams_out(&box, rc, h) < 0 ? NULL : box;
  }
}

/* Everything below is cheap unless listed here: these wait on the network. */
%nothreadallow;
%threadallow CartoClient::verify;
%threadallow CartoClient::attach;
%threadallow CartoClient::import_jobs;
%threadallow CartoClient::import_dataset;
%threadallow CartoClient::import_sync_dataset;
%threadallow CartoClient::list_datasets;
%threadallow CartoClient::filter_datasets;
%threadallow CartoClient::get_dataset;
%threadallow CartoClient::create_sync;
%threadallow CartoClient::create_sync_connector;
%threadallow CartoClient::get_sync;
%threadallow CartoClient::list_syncs;
%threadallow CartoImportJob::run;
%threadallow CartoImportJob::refresh;
%threadallow CartoImportJob::wait;
%threadallow CartoImportJob::datasets;
%threadallow CartoDataset::save;
%threadallow CartoDataset::refresh;
%threadallow CartoDataset::remove;
%threadallow CartoDataset::force_remove;
%threadallow CartoSyncTable::refresh;
%threadallow CartoSyncTable::wait;
%threadallow CartoSyncTable::force;
%threadallow CartoSyncTable::is_syncing;
%threadallow CartoSyncTable::set_interval;
%threadallow CartoSyncTable::remove;
%threadallow CartoSyncTable::dataset;

%extend CartoOptions {
  /** The account's URL, any CARTO form (https://USER.carto.com/...). */
  carto_import_status set_base_url(const char *url) {
    return carto_import_options_set_base_url($self->h, url);
  }
  /** The account's master API key. */
  carto_import_status set_api_key(const char *api_key) {
    return carto_import_options_set_api_key($self->h, api_key);
  }
  /** AUTH_BASIC (an Authorization header, the default) or AUTH_QUERY. */
  carto_import_status set_auth_mode(int mode) {
    return carto_import_options_set_auth_mode($self->h, mode);
  }
  /** Whether TLS certificates are verified (default true). */
  carto_import_status set_verify_tls(bool verify) {
    return carto_import_options_set_verify_tls($self->h, verify);
  }
  /** A PEM file of the certificate authorities to trust. */
  carto_import_status set_ca_bundle(const char *path) {
    return carto_import_options_set_ca_bundle($self->h, path);
  }
  /** Whether the API key may go over plain http to a host that is not loopback (default false). */
  carto_import_status set_allow_insecure_http(bool allow) {
    return carto_import_options_set_allow_insecure_http($self->h, allow);
  }
  /** Time allowed to connect, in milliseconds (default 10000). */
  carto_import_status set_connect_timeout_ms(long ms) {
    return carto_import_options_set_connect_timeout_ms($self->h, ms);
  }
  /** Timeout of each attempt of a request without a file, in ms (default 30000; 0: none). */
  carto_import_status set_request_timeout_ms(long ms) {
    return carto_import_options_set_request_timeout_ms($self->h, ms);
  }
  /** The limit of all the requests without a file of one call (ms; 0: none). */
  carto_import_status set_call_timeout_ms(long ms) {
    return carto_import_options_set_call_timeout_ms($self->h, ms);
  }
  /** The most entries a listing may claim (its total). */
  carto_import_status set_max_list_entries(long long entries) {
    return carto_import_options_set_max_list_entries($self->h, entries);
  }
  /** Stall detection: below bytes_per_second for seconds fails (0, 0: off). */
  carto_import_status set_low_speed(long bytes_per_second, long seconds) {
    return carto_import_options_set_low_speed($self->h, bytes_per_second, seconds);
  }
  /** Text appended to the User-Agent header. */
  carto_import_status set_user_agent_suffix(const char *suffix) {
    return carto_import_options_set_user_agent_suffix($self->h, suffix);
  }
  /** Retry policy: attempts, then the backoff range in milliseconds. */
  carto_import_status set_retry(int max_attempts, long base_backoff_ms, long max_backoff_ms) {
    return carto_import_options_set_retry($self->h, max_attempts, base_backoff_ms, max_backoff_ms);
  }
  /** The interval between polls of a wait: first and largest, in milliseconds. */
  carto_import_status set_poll_interval_ms(long initial_ms, long max_ms) {
    return carto_import_options_set_poll_interval_ms($self->h, initial_ms, max_ms);
  }
  /** COMPRESSION_AUTO (default), COMPRESSION_GZIP or COMPRESSION_NONE: gzip files as sent. */
  carto_import_status set_upload_compression(int mode) {
    return carto_import_options_set_upload_compression($self->h, mode);
  }
}

%extend CartoParams {
  /** Whether the server guesses column types. */
  carto_import_status set_type_guessing(bool enable) {
    return carto_import_params_set_type_guessing($self->h, enable);
  }
  /** Whether quoted fields are type-guessed too. */
  carto_import_status set_quoted_fields_guessing(bool enable) {
    return carto_import_params_set_quoted_fields_guessing($self->h, enable);
  }
  /** Whether the server guesses geometry from the content. */
  carto_import_status set_content_guessing(bool enable) {
    return carto_import_params_set_content_guessing($self->h, enable);
  }
  /** Whether a map is created with the dataset. */
  carto_import_status set_create_vis(bool enable) {
    return carto_import_params_set_create_vis($self->h, enable);
  }
  /** A PRIVACY_* value. */
  carto_import_status set_privacy(int privacy) {
    return carto_import_params_set_privacy($self->h, privacy);
  }
  /** A COLLISION_* value: what happens when the table name is taken. */
  carto_import_status set_collision_strategy(int strategy) {
    return carto_import_params_set_collision_strategy($self->h, strategy);
  }
  /** Any other Import API parameter (table_name, sql, ...), as a string; NULL removes it. */
  carto_import_status set_string(const char *name, const char *value) {
    return carto_import_params_set_string($self->h, name, value);
  }
}

%extend CartoClient {
  /** The account's username, derived from the base URL. */
  const char *username() const { return carto_import_client_username($self->h); }
  /** The normalised base URL (ending in '/'). */
  const char *base_url() const { return carto_import_client_base_url($self->h); }
  /** Checks the server accepts the API key as the account's master key. */
  carto_import_status verify() { return carto_import_client_verify($self->h); }

  /** Prepares an import of a local file (path used as given); run() sends it. */
  carto_import_status import_file(CartoImportJob **OUT, const char *path,
                                  const CartoParams *params) {
    carto_import_job *h = NULL;
    CARTO_IMPORT_OUT(CartoImportJob, OUT, h,
                     carto_import_job_new_file(&h, $self->h, path, CARTO_IMPORT_H_OF(params)));
  }
  /** Prepares an import of a URL the server fetches. */
  carto_import_status import_url(CartoImportJob **OUT, const char *url,
                                 const CartoParams *params) {
    carto_import_job *h = NULL;
    CARTO_IMPORT_OUT(CartoImportJob, OUT, h,
                     carto_import_job_new_url(&h, $self->h, url, CARTO_IMPORT_H_OF(params)));
  }
  /** Prepares an import from an external database (connector JSON). */
  carto_import_status import_connector(CartoImportJob **OUT, const char *connector_json,
                                       const CartoParams *params) {
    carto_import_job *h = NULL;
    CARTO_IMPORT_OUT(CartoImportJob, OUT, h,
                     carto_import_job_new_connector(&h, $self->h, connector_json,
                                                    CARTO_IMPORT_H_OF(params)));
  }
  /** Attaches to an existing import job by its id and fetches its state. */
  carto_import_status attach(CartoImportJob **OUT, const char *id) {
    carto_import_job *h = NULL;
    CARTO_IMPORT_OUT(CartoImportJob, OUT, h, carto_import_job_attach(&h, $self->h, id));
  }
  /** The ids of the account's unfinished import jobs. */
  carto_import_status import_jobs(CartoStringList **OUT) {
    carto_import_string_list *h = NULL;
    CARTO_IMPORT_OUT(CartoStringList, OUT, h, carto_import_job_list(&h, $self->h));
  }
  /** Imports a file, URL or connector and waits: the datasets it created. */
  carto_import_status import_dataset(CartoDatasetList **OUT, const char *path_or_url,
                                     const CartoParams *params, long timeout_ms,
                                     carto_import_progress_cb progress, void *userdata) {
    carto_import_dataset_list *h = NULL;
    CARTO_IMPORT_OUT(CartoDatasetList, OUT, h,
                     carto_import_dataset_create(&h, $self->h, path_or_url,
                                                 CARTO_IMPORT_H_OF(params), timeout_ms,
                                                 progress, userdata));
  }
  /** Creates a sync table from a URL or connector JSON, waits for its first run: its
   *  dataset (interval 0 imports a connector once). */
  carto_import_status import_sync_dataset(CartoDatasetList **OUT, const char *source,
                                          long interval_seconds, const CartoParams *params,
                                          long timeout_ms, carto_import_progress_cb progress,
                                          void *userdata) {
    carto_import_dataset_list *h = NULL;
    CARTO_IMPORT_OUT(CartoDatasetList, OUT, h,
                     carto_import_dataset_create_sync(&h, $self->h, source, interval_seconds,
                                                      CARTO_IMPORT_H_OF(params), timeout_ms,
                                                      progress, userdata));
  }
  /** All the account's datasets. */
  carto_import_status list_datasets(CartoDatasetList **OUT) {
    carto_import_dataset_list *h = NULL;
    CARTO_IMPORT_OUT(CartoDatasetList, OUT, h, carto_import_dataset_list_all(&h, $self->h));
  }
  /** The account's datasets that match `query` (URL-encoded GET /api/v1/viz parameters such
   *  as "q=roads&privacy=public"), every page. */
  carto_import_status filter_datasets(CartoDatasetList **OUT, const char *query) {
    carto_import_dataset_list *h = NULL;
    CARTO_IMPORT_OUT(CartoDatasetList, OUT, h,
                     carto_import_dataset_list_filter(&h, $self->h, query));
  }
  /** One dataset by its id or name. */
  carto_import_status get_dataset(CartoDataset **OUT, const char *id_or_name) {
    carto_import_dataset *h = NULL;
    CARTO_IMPORT_OUT(CartoDataset, OUT, h, carto_import_dataset_get(&h, $self->h, id_or_name));
  }
  /** Creates a sync table from a URL. */
  carto_import_status create_sync(CartoSyncTable **OUT, const char *url, long interval_seconds,
                                  const CartoParams *params) {
    carto_import_sync *h = NULL;
    CARTO_IMPORT_OUT(CartoSyncTable, OUT, h,
                     carto_import_sync_create(&h, $self->h, url, interval_seconds,
                                              CARTO_IMPORT_H_OF(params)));
  }
  /** Creates a sync table from an external database (connector JSON). */
  carto_import_status create_sync_connector(CartoSyncTable **OUT, const char *connector_json,
                                            long interval_seconds, const CartoParams *params) {
    carto_import_sync *h = NULL;
    CARTO_IMPORT_OUT(CartoSyncTable, OUT, h,
                     carto_import_sync_create_connector(&h, $self->h, connector_json,
                                                        interval_seconds,
                                                        CARTO_IMPORT_H_OF(params)));
  }
  /** One sync table by its id. */
  carto_import_status get_sync(CartoSyncTable **OUT, const char *id) {
    carto_import_sync *h = NULL;
    CARTO_IMPORT_OUT(CartoSyncTable, OUT, h, carto_import_sync_get(&h, $self->h, id));
  }
  /** All the account's sync tables. */
  carto_import_status list_syncs(CartoSyncList **OUT) {
    carto_import_sync_list *h = NULL;
    CARTO_IMPORT_OUT(CartoSyncList, OUT, h, carto_import_sync_list_all(&h, $self->h));
  }
}

%extend CartoImportJob {
  /** Starts the import: sends the file (with progress) or the URL. */
  carto_import_status run(carto_import_progress_cb progress, void *userdata) {
    return carto_import_job_run($self->h, progress, userdata);
  }
  /** Fetches the job's state and fields. */
  carto_import_status refresh() { return carto_import_job_refresh($self->h); }
  /** Waits until the job is final; raises when it failed, got stuck or timed out. */
  carto_import_status wait(long timeout_ms, carto_import_progress_cb progress, void *userdata) {
    return carto_import_job_wait($self->h, timeout_ms, progress, userdata);
  }
  /** The datasets of a completed job, one per table. */
  carto_import_status datasets(CartoDatasetList **OUT) {
    carto_import_dataset_list *h = NULL;
    CARTO_IMPORT_OUT(CartoDatasetList, OUT, h, carto_import_job_datasets(&h, $self->h));
  }
  const char *id() const { return carto_import_job_id($self->h); }
  int state() const { return carto_import_job_state($self->h); }
  const char *state_name() const { return carto_import_job_state_name($self->h); }
  int success() const { return carto_import_job_success($self->h); }
  int error_code() const { return carto_import_job_error_code($self->h); }
  /** A string field of the object as last fetched; NULL when absent. */
  const char *get_string(const char *field) const {
    return carto_import_job_get_string($self->h, field);
  }
  /** An integer field of the object as last fetched, else fallback. */
  long long get_int(const char *field, long long fallback) const {
    return carto_import_job_get_int($self->h, field, fallback);
  }
  const char *json() const { return carto_import_job_json($self->h); }
  /** How the file was sent: COMPRESSION_GZIP or COMPRESSION_NONE (AUTO before it ran). */
  int upload_compression() const { return carto_import_job_upload_compression($self->h); }
  /** Bytes of the request body sent (compressed when it was). */
  long long upload_bytes_sent() const { return carto_import_job_upload_bytes_sent($self->h); }
}

%extend CartoDataset {
  /** A string field of the object as last fetched; NULL when absent. */
  const char *get_string(const char *field) const {
    return carto_import_dataset_get_string($self->h, field);
  }
  /** An integer field of the object as last fetched, else fallback. */
  long long get_int(const char *field, long long fallback) const {
    return carto_import_dataset_get_int($self->h, field, fallback);
  }
  int privacy() const { return carto_import_dataset_privacy($self->h); }
  const char *json() const { return carto_import_dataset_json($self->h); }
  /** Changes an editable field locally; save() sends it. */
  carto_import_status set_string(const char *field, const char *value) {
    return carto_import_dataset_set_string($self->h, field, value);
  }
  /** Sends the changed fields. */
  carto_import_status save() { return carto_import_dataset_save($self->h); }
  /** Fetches the object again. */
  carto_import_status refresh() { return carto_import_dataset_refresh($self->h); }
  /** Deletes the dataset, unless maps depend on it. A lost reply whose retry gets 404 is
   *  success: the dataset is gone (docs/errors.md). */
  carto_import_status remove() { return carto_import_dataset_delete($self->h); }
  /** Deletes the dataset even when maps depend on it (a lost reply then 404: success). */
  carto_import_status force_remove() { return carto_import_dataset_force_delete($self->h); }
}

%extend CartoDatasetList {
  /** The number of items. */
  size_t count() const { return carto_import_dataset_list_count($self->h); }
  carto_import_status get(CartoDataset **OUT, size_t i) const {
    carto_import_dataset *h = NULL;
    CARTO_IMPORT_OUT(CartoDataset, OUT, h, carto_import_dataset_list_get(&h, $self->h, i));
  }
}

%extend CartoSyncTable {
  /** Fetches the object again. */
  carto_import_status refresh() { return carto_import_sync_refresh($self->h); }
  carto_import_status wait(long timeout_ms, carto_import_progress_cb progress, void *userdata) {
    return carto_import_sync_wait($self->h, timeout_ms, progress, userdata);
  }
  /** Asks the server to sync now; outcome is a FORCE_* value. */
  carto_import_status force(int *outcome) { return carto_import_sync_force($self->h, outcome); }
  carto_import_status is_syncing(int *syncing) {
    return carto_import_sync_is_syncing($self->h, syncing);
  }
  /** Changes how often it syncs (seconds, >= SYNC_MIN_INTERVAL). */
  carto_import_status set_interval(long interval_seconds) {
    return carto_import_sync_set_interval($self->h, interval_seconds);
  }
  /** Stops syncing; the table stays as a normal dataset (a lost reply then 404: success). */
  carto_import_status remove() { return carto_import_sync_delete($self->h); }
  carto_import_status dataset(CartoDataset **OUT) {
    carto_import_dataset *h = NULL;
    CARTO_IMPORT_OUT(CartoDataset, OUT, h, carto_import_sync_dataset(&h, $self->h));
  }
  const char *id() const { return carto_import_sync_id($self->h); }
  int state() const { return carto_import_sync_state($self->h); }
  const char *state_name() const { return carto_import_sync_state_name($self->h); }
  /** A string field of the object as last fetched; NULL when absent. */
  const char *get_string(const char *field) const {
    return carto_import_sync_get_string($self->h, field);
  }
  /** An integer field of the object as last fetched, else fallback. */
  long long get_int(const char *field, long long fallback) const {
    return carto_import_sync_get_int($self->h, field, fallback);
  }
  const char *json() const { return carto_import_sync_json($self->h); }
}

%extend CartoSyncList {
  /** The number of items. */
  size_t count() const { return carto_import_sync_list_count($self->h); }
  carto_import_status get(CartoSyncTable **OUT, size_t i) const {
    carto_import_sync *h = NULL;
    CARTO_IMPORT_OUT(CartoSyncTable, OUT, h, carto_import_sync_list_get(&h, $self->h, i));
  }
}

%extend CartoStringList {
  /** The number of items. */
  size_t count() const { return carto_import_string_list_count($self->h); }
  const char *get(size_t i) const { return carto_import_string_list_get($self->h, i); }
}

%threadallow;
