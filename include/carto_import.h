/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/**
 * @file carto_import.h
 * @brief libcarto_import, the whole public contract.
 *
 * Import data into CARTO (the Import API v1: import jobs, sync tables, connectors, datasets)
 * from C or from any language with a C FFI. Plain C99; compiles as C and as C++.
 *
 * Conventions (docs/ownership.md, docs/threading.md, docs/errors.md say more):
 *  - Every function that can fail returns a carto_import_status: 0 on success, a negative
 *    carto_import_error_code on failure. Details of the last failure on the calling thread are
 *    read with carto_import_last_error_*(), right after the failing call, or taken as an owned
 *    carto_import_error with carto_import_last_error_take() (readable from any thread). Calls
 *    on a job, dataset, sync table or list also keep their failure on that handle
 *    (carto_import_job_last_error() and the like). docs/ffi.md says which to use when.
 *  - Only the functions that return carto_import_status set the thread's last error (they
 *    clear it first, and fill it on failure), but for carto_import_last_error_take(), which
 *    only clears what it took, and the carto_import_X_last_error() readers, which never change
 *    it. Getters, frees, strerror, state_string, the carto_import_last_error_*() readers and
 *    the carto_import_error_* accessors cannot fail and leave it alone (a NULL handle just
 *    gives the documented value).
 *  - Objects are opaque handles created by carto_import_X_new(&out, ...) (out-parameter first)
 *    and released by carto_import_X_free(), which accepts NULL and never fails.
 *  - Every string argument is copied in; the caller may free it as soon as the call returns.
 *  - Strings returned as const char * are borrowed: owned by the handle they came from and
 *    valid until the next call that changes that handle, or until it is freed.
 *  - Objects may be freed in any order: a handle keeps what it needs of its parent alive.
 *  - A handle may be used by one thread at a time; a client may be shared by many threads.
 *  - The API key never appears in an error message, a log line or debug output.
 */
#ifndef CARTO_IMPORT_H
#define CARTO_IMPORT_H

#include <stddef.h>

/* ---- version --------------------------------------------------------------------------- */

/** Major version of this header. */
#define CARTO_IMPORT_VERSION_MAJOR 0
/** Minor version of this header. */
#define CARTO_IMPORT_VERSION_MINOR 2
/** Patch version of this header. */
#define CARTO_IMPORT_VERSION_PATCH 0
/** The header's version as 0xMMmmpp, comparable with carto_import_version_num(). */
#define CARTO_IMPORT_VERSION_NUM                                                               \
  ((CARTO_IMPORT_VERSION_MAJOR << 16) | (CARTO_IMPORT_VERSION_MINOR << 8) |                    \
   CARTO_IMPORT_VERSION_PATCH)
/** True when the header is at least version x.y.z. */
#define CARTO_IMPORT_AT_LEAST_VERSION(x, y, z)                                                 \
  (CARTO_IMPORT_VERSION_NUM >= (((x) << 16) | ((y) << 8) | (z)))

/* ---- export macro ---------------------------------------------------------------------- */

/** Marks a symbol exported by the shared library. */
#ifdef CARTO_IMPORT_API
/* defined by the includer (e.g. empty, for a tool that reads declarations) */
#elif defined(_WIN32) && !defined(CARTO_IMPORT_STATIC)
#  ifdef CARTO_IMPORT_BUILDING
#    define CARTO_IMPORT_API __declspec(dllexport)
#  else
#    define CARTO_IMPORT_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && !defined(CARTO_IMPORT_STATIC)
#  define CARTO_IMPORT_API __attribute__((visibility("default")))
#else
#  define CARTO_IMPORT_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- types ----------------------------------------------------------------------------- */

/** Configuration from which a client is built. Mutable; not shared between threads. */
typedef struct carto_import_options carto_import_options;
/** A connection to one CARTO account. Immutable once built; safe to share between threads. */
typedef struct carto_import_client carto_import_client;

/** Parameters of an import (guessing, privacy, collision strategy...). */
typedef struct carto_import_params carto_import_params;
/** An import job: a file, URL or connector import, created, run and polled. */
typedef struct carto_import_job carto_import_job;
/** A dataset: a table and its dataset visualization, as the account lists them. */
typedef struct carto_import_dataset carto_import_dataset;
/** A list of datasets (the result of a listing, or of a multi-table import). */
typedef struct carto_import_dataset_list carto_import_dataset_list;
/** A sync table: a dataset kept up to date from a URL or an external database. */
typedef struct carto_import_sync carto_import_sync;
/** A list of sync tables. */
typedef struct carto_import_sync_list carto_import_sync_list;
/** A list of strings (e.g. the ids of the running import jobs). */
typedef struct carto_import_string_list carto_import_string_list;
/** An owned copy of one failure's details, readable from any thread (since 0.2). */
typedef struct carto_import_error carto_import_error;

/** The return type of every function that can fail: 0 or a negative carto_import_error_code. */
typedef int carto_import_status;

/**
 * Status codes. Append-only: a code is never renumbered nor reused. Codes are grouped in
 * ranges so that a binding can map a whole range to one exception class:
 *   -1 .. -9    the call itself or the local machine (arguments, memory, files)
 *   -10 .. -19  the network (DNS, connect, TLS, timeouts)
 *   -20 .. -29  an HTTP error status from the server
 *   -30 .. -39  a reply that does not follow the protocol
 *   -40 .. -49  the remote job or object (a failed import, a refused operation)
 *   -50 .. -59  the caller stopped the operation
 *   -99         a bug in libcarto_import
 */
typedef enum carto_import_error_code {
  CARTO_IMPORT_OK = 0,            /**< Success. */
  CARTO_IMPORT_ERROR = -1,        /**< Unspecified failure; see the message. */
  CARTO_IMPORT_EINVAL = -2,       /**< Invalid argument (NULL, out of range, malformed URL). */
  CARTO_IMPORT_ENOMEM = -3,       /**< Out of memory. */
  CARTO_IMPORT_EBADHANDLE = -4,   /**< Handle is NULL, already freed, or of the wrong type. */
  CARTO_IMPORT_EIO = -5,          /**< A local file could not be opened or read. */
  CARTO_IMPORT_EINSECURE = -6,    /**< Refused to send the API key over plain http. */
  CARTO_IMPORT_ENETWORK = -10,    /**< DNS, connection or transfer failure. */
  CARTO_IMPORT_ETIMEDOUT = -11,   /**< A timeout, stall or the caller's deadline expired. */
  CARTO_IMPORT_ETLS = -12,        /**< TLS handshake or certificate verification failed. */
  CARTO_IMPORT_EHTTP = -20,       /**< Unexpected HTTP status; see the HTTP status. */
  CARTO_IMPORT_EAUTH = -21,       /**< 401: wrong API key, or not the account's master key. */
  CARTO_IMPORT_EFORBIDDEN = -22,  /**< 403: the key may not do this. */
  CARTO_IMPORT_ENOTFOUND = -23,   /**< 404: no such job, dataset, table or endpoint. */
  CARTO_IMPORT_ERATELIMIT = -24,  /**< 429: too many requests or import slots in use. */
  CARTO_IMPORT_EBADREQUEST = -25, /**< 400 or 422: the server rejected the parameters. */
  CARTO_IMPORT_ESERVER = -26,     /**< 5xx: the server failed. */
  CARTO_IMPORT_EPROTOCOL = -30,   /**< The reply is not what the CARTO protocol specifies. */
  CARTO_IMPORT_EREMOTE = -40,     /**< The import or sync failed; see the remote code. */
  CARTO_IMPORT_EINUSE = -41,      /**< Refused: the object is in use (e.g. dependent maps). */
  CARTO_IMPORT_ECANCELED = -50,   /**< A callback returned non-zero. */
  CARTO_IMPORT_EINTERNAL = -99    /**< A bug in libcarto_import; please report it. */
} carto_import_error_code;

/* ---- library ----------------------------------------------------------------------------- */

/**
 * @brief The library's version string, e.g. "0.1.0".
 * Ownership: static storage. Threads: any. Errors: none.
 * @since 0.1
 */
CARTO_IMPORT_API const char *carto_import_version(void);

/**
 * @brief The library's version as 0xMMmmpp, to compare with CARTO_IMPORT_VERSION_NUM.
 * Threads: any. Errors: none.
 * @since 0.1
 */
CARTO_IMPORT_API unsigned int carto_import_version_num(void);

/**
 * @brief Initialises global state (libcurl's curl_global_init), exactly once per process;
 *        later calls return 0 at once. carto_import_client_new() calls it for you, and no
 *        libcurl handle is made before it.
 * Threads: any (the library's own calls are serialised); but libcurl requires that no other
 *          libcurl user initialises at the same time, so a program that also uses libcurl
 *          directly should call it (or curl_global_init()) before starting threads.
 * @return 0, or CARTO_IMPORT_ENOMEM / CARTO_IMPORT_ERROR when libcurl cannot initialise (the
 *         next call tries again).
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_global_init(void);

/**
 * @brief Does nothing: libcurl's global state stays until the process exits, because
 *        curl_global_cleanup() is not thread-safe and objects may outlive every client. Kept
 *        so that programs written for counted init/cleanup pairs still link and work.
 * Threads: any. Errors: none.
 * @since 0.1
 */
CARTO_IMPORT_API void carto_import_global_cleanup(void);

/* ---- errors ------------------------------------------------------------------------------ */

/**
 * @brief A fixed English description of a status code ("invalid argument", ...).
 * Ownership: static storage. Threads: any. Errors: unknown codes give "unknown error".
 * @since 0.1
 */
CARTO_IMPORT_API const char *carto_import_strerror(int code);

/**
 * @brief The status code of the last failed call on this thread; 0 when none.
 * Only meaningful right after a call returned a negative status. Threads: per thread.
 * @since 0.1
 */
CARTO_IMPORT_API int carto_import_last_error_code(void);

/**
 * @brief A message describing the last failure on this thread and what to do next.
 * Never contains the API key. Ownership: thread-local, borrowed; valid until the next call
 * into the library on this thread (every call that can fail starts by clearing the record).
 * Never NULL: "" when there is no error.
 * @since 0.1
 */
CARTO_IMPORT_API const char *carto_import_last_error_message(void);

/**
 * @brief The HTTP status of the reply behind the last failure on this thread; 0 if none.
 * @since 0.1
 */
CARTO_IMPORT_API int carto_import_last_error_http_status(void);

/**
 * @brief The CARTO error code of the last failure on this thread (PROTOCOL §2.5, e.g. 1002
 *        "Unsupported/Unrecognized file type", 6671 "Stuck import job"); 0 if none.
 * @since 0.1
 */
CARTO_IMPORT_API int carto_import_last_error_remote_code(void);

/**
 * @brief The server's title for the CARTO error code of the last failure; NULL if none.
 * Ownership: thread-local, borrowed, as carto_import_last_error_message().
 * @since 0.1
 */
CARTO_IMPORT_API const char *carto_import_last_error_remote_title(void);

/**
 * @brief The server's explanation for the CARTO error code of the last failure, or the
 *        server's own error text for a rejected request; NULL if none.
 * Ownership: thread-local, borrowed, as carto_import_last_error_message().
 * @since 0.1
 */
CARTO_IMPORT_API const char *carto_import_last_error_remote_explanation(void);

/**
 * @brief Who the server blames for the last failure: "user", "cartodb" or "external";
 *        NULL if the server did not say.
 * Ownership: thread-local, borrowed, as carto_import_last_error_message().
 * @since 0.1
 */
CARTO_IMPORT_API const char *carto_import_last_error_remote_source(void);

/**
 * @brief Seconds the server asked to wait (Retry-After) in the reply behind the last
 *        failure on this thread; -1 if it sent none.
 * @since 0.1
 */
CARTO_IMPORT_API long carto_import_last_error_retry_after(void);

/**
 * @brief The Carto-Rate-Limit-* headers of the reply behind the last failure on this thread.
 * @param[out] limit      Carto-Rate-Limit-Limit, or -1 when absent. May be NULL.
 * @param[out] remaining  Carto-Rate-Limit-Remaining, or -1 when absent. May be NULL.
 * @param[out] reset      Carto-Rate-Limit-Reset (seconds), or -1 when absent. May be NULL.
 * @return 1 when the reply carried all three headers, 0 otherwise.
 * @since 0.1
 */
CARTO_IMPORT_API int carto_import_last_error_rate_limit(long *limit, long *remaining,
                                                        long *reset);

/**
 * @brief Forgets the last error of this thread. Errors: none.
 * @since 0.1
 */
CARTO_IMPORT_API void carto_import_last_error_clear(void);

/* ---- error snapshots: errors that survive thread hops ------------------------------------ */

/**
 * @brief Moves the last error of the calling thread into a new snapshot, which any thread may
 *        read and which lives until carto_import_error_free(). Call it right after the
 *        failing call, on the same OS thread (in Go: inside runtime.LockOSThread(), or in the
 *        same cgo call; in Node: in the same synchronous code; in Rust: before any .await).
 *        The thread's record is then cleared. The snapshot carries every field of the record,
 *        and the job id when the failure concerns an import job.
 * @param[out] out  the snapshot, or NULL when the thread has no error (code 0).
 *                  Ownership: caller frees it with carto_import_error_free().
 * @return 0; CARTO_IMPORT_EINVAL (out is NULL); CARTO_IMPORT_ENOMEM (the record is kept).
 *         Never changes the thread's record but by taking it.
 * Threads: per thread, as the record.
 * @since 0.2
 */
CARTO_IMPORT_API carto_import_status carto_import_last_error_take(carto_import_error **out);

/** @brief Frees a snapshot; NULL is accepted. @since 0.2 */
CARTO_IMPORT_API void carto_import_error_free(carto_import_error *error);

/**
 * @brief The snapshot's status code (a negative carto_import_error_code); 0 for NULL.
 * The carto_import_error_get_*() accessors: Threads: any (a snapshot is immutable).
 * Errors: none; they never touch the thread's last error. Strings are borrowed from the
 * snapshot, valid until it is freed.
 * @since 0.2
 */
CARTO_IMPORT_API int carto_import_error_get_code(const carto_import_error *error);

/** @brief The message, as carto_import_last_error_message(); never NULL ("" for NULL).
 *  @since 0.2 */
CARTO_IMPORT_API const char *carto_import_error_get_message(const carto_import_error *error);

/** @brief The HTTP status of the reply behind the failure; 0 if none. @since 0.2 */
CARTO_IMPORT_API int carto_import_error_get_http_status(const carto_import_error *error);

/** @brief The CARTO error code (PROTOCOL §2.5); 0 if none. @since 0.2 */
CARTO_IMPORT_API int carto_import_error_get_remote_code(const carto_import_error *error);

/** @brief The server's title for the CARTO error code; NULL if none. @since 0.2 */
CARTO_IMPORT_API const char *carto_import_error_get_remote_title(const carto_import_error *error);

/** @brief The server's explanation, or its own error text; NULL if none. @since 0.2 */
CARTO_IMPORT_API const char *carto_import_error_get_remote_explanation(
    const carto_import_error *error);

/** @brief "user", "cartodb" or "external"; NULL if the server did not say. @since 0.2 */
CARTO_IMPORT_API const char *carto_import_error_get_remote_source(const carto_import_error *error);

/** @brief Seconds the server asked to wait (Retry-After); -1 if none. @since 0.2 */
CARTO_IMPORT_API long carto_import_error_get_retry_after(const carto_import_error *error);

/**
 * @brief The Carto-Rate-Limit-* headers, as carto_import_last_error_rate_limit(): each out
 *        parameter (may be NULL) gets its header or -1.
 * @return 1 when the reply carried all three headers, 0 otherwise.
 * @since 0.2
 */
CARTO_IMPORT_API int carto_import_error_get_rate_limit(const carto_import_error *error,
                                                       long *limit, long *remaining,
                                                       long *reset);

/**
 * @brief The id of the import job the failure concerns (a job that failed, timed out, was
 *        canceled while waited for, or was created although the caller canceled too late);
 *        NULL when the failure concerns no job that has an id.
 * @since 0.2
 */
CARTO_IMPORT_API const char *carto_import_error_get_job_id(const carto_import_error *error);

/* ---- options ----------------------------------------------------------------------------- */

/**
 * @brief Creates an options object with the defaults: TLS verified; API key sent with HTTP
 *        Basic auth; connect timeout 10 s; requests without a file: 30 s per attempt and 90 s
 *        per call, retries included; uploads: no time limit, but the stall rule (less than
 *        1024 bytes/s for 60 s aborts); 3 attempts with backoff from 500 ms up to 30 s;
 *        listings of at most 100000 entries. So, with the defaults, a server that accepts and
 *        never answers, or drips its reply, makes every call fail with CARTO_IMPORT_ETIMEDOUT
 *        within about 90 s (a wait with a timeout of its own: within that timeout, or 90 s
 *        after the server went silent). The setters below say more about each.
 * @param[out] out  the new object. Ownership: caller frees it with carto_import_options_free().
 * @return 0, CARTO_IMPORT_EINVAL (out is NULL), CARTO_IMPORT_ENOMEM.
 * Threads: the object may be used by one thread at a time.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_options_new(carto_import_options **out);

/**
 * @brief Frees an options object. NULL is accepted. Clients built from it are unaffected.
 * @since 0.1
 */
CARTO_IMPORT_API void carto_import_options_free(carto_import_options *opts);

/**
 * @brief Sets the account's base URL, in any CARTO form:
 *        "https://USER.carto.com/", "https://ORG.carto.com/u/USER/",
 *        "https://HOST/user/USER/" (on-premises; also http://127.0.0.1:PORT/user/USER/).
 *        The username is derived as the server derives it: the /u/ or /user/ path segment
 *        when present, otherwise the host's first label (a leading "www." is skipped).
 *        A missing trailing slash is added. The URL is never lower-cased.
 * @return 0, CARTO_IMPORT_EINVAL (not http(s), no host, no username, query or fragment),
 *         CARTO_IMPORT_EBADHANDLE, CARTO_IMPORT_ENOMEM.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_options_set_base_url(carto_import_options *opts,
                                                                     const char *url);

/**
 * @brief Sets the account's master API key (required by the Import API).
 *        The key is kept out of every message; pass NULL to clear it.
 * @return 0, CARTO_IMPORT_EINVAL (empty, or contains control characters),
 *         CARTO_IMPORT_EBADHANDLE, CARTO_IMPORT_ENOMEM.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_options_set_api_key(carto_import_options *opts,
                                                                    const char *api_key);

/**
 * @brief How the API key is sent. CARTO_IMPORT_AUTH_BASIC (default) sends an HTTP Basic
 *        Authorization header (username:key), which keeps the key out of URLs and proxy
 *        logs. CARTO_IMPORT_AUTH_QUERY sends it as the api_key query parameter, as the
 *        official Python SDK does, for proxies that strip Authorization headers.
 * @return 0, CARTO_IMPORT_EINVAL (unknown mode), CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_options_set_auth_mode(carto_import_options *opts,
                                                                      int mode);
/** API key in an HTTP Basic Authorization header (the default). */
#define CARTO_IMPORT_AUTH_BASIC 0
/** API key in the api_key query parameter. */
#define CARTO_IMPORT_AUTH_QUERY 1

/**
 * @brief Verify the server's TLS certificate and host name (1, the default) or not (0, for
 *        on-premises servers with self-signed certificates; prefer set_ca_bundle()).
 * @return 0, CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_options_set_verify_tls(carto_import_options *opts,
                                                                       int verify);

/**
 * @brief Path of a PEM file of CA certificates to trust instead of the system's; NULL to
 *        reset. The file is read when requests are made: a missing or unreadable file, like
 *        a certificate from another CA or for another host name, makes requests fail with
 *        CARTO_IMPORT_ETLS, whose message names the cause.
 * @return 0, CARTO_IMPORT_EINVAL (empty string), CARTO_IMPORT_EBADHANDLE, CARTO_IMPORT_ENOMEM.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_options_set_ca_bundle(carto_import_options *opts,
                                                                      const char *path);

/**
 * @brief Allow the API key over plain http to a host that is not loopback (1), or refuse
 *        (0, the default: such requests fail with CARTO_IMPORT_EINSECURE). http to
 *        127.0.0.0/8, ::1 and "localhost" is always allowed.
 * @return 0, CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_options_set_allow_insecure_http(
    carto_import_options *opts, int allow);

/**
 * @brief Time allowed to establish a connection, in milliseconds (default 10000).
 * @return 0, CARTO_IMPORT_EINVAL (ms <= 0), CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_options_set_connect_timeout_ms(
    carto_import_options *opts, long ms);

/**
 * @brief Time allowed for one attempt of an HTTP request that sends no file (every request
 *        but the upload of carto_import_job_run()), in milliseconds; default 30000; 0 means no
 *        limit. An attempt that times out is retried as set_retry() says, within the call
 *        timeout. Uploads have no time limit (a large file on a slow link may take hours):
 *        the stall rule of set_low_speed() watches them instead.
 * @return 0, CARTO_IMPORT_EINVAL (ms < 0), CARTO_IMPORT_EBADHANDLE.
 * @since 0.1 (before 0.2 the default was 0 and the limit applied to uploads too)
 */
CARTO_IMPORT_API carto_import_status carto_import_options_set_request_timeout_ms(
    carto_import_options *opts, long ms);

/**
 * @brief Time allowed for the requests that send no file of one call, attempts and waits
 *        between them included, in milliseconds; default 90000; 0 means no limit.
 *        It bounds every call that has no timeout of its own (verify, listings with all their
 *        pages, get, refresh, save, delete, force...) and each request of a wait or of a
 *        one-call import (carto_import_job_wait() with timeout_ms 0 waits as long as the job
 *        runs, but a poll the server does not answer fails within this time). Failing calls
 *        return CARTO_IMPORT_ETIMEDOUT.
 * @return 0, CARTO_IMPORT_EINVAL (ms < 0), CARTO_IMPORT_EBADHANDLE.
 * @since 0.2
 */
CARTO_IMPORT_API carto_import_status carto_import_options_set_call_timeout_ms(
    carto_import_options *opts, long ms);

/**
 * @brief The most entries a listing may claim (carto_import_dataset_list_all(),
 *        carto_import_dataset_list_filter(), carto_import_sync_list_all(),
 *        carto_import_job_list()); default 100000. A reply that claims more fails with
 *        CARTO_IMPORT_EPROTOCOL instead of filling memory.
 * @return 0, CARTO_IMPORT_EINVAL (entries < 1), CARTO_IMPORT_EBADHANDLE.
 * @since 0.2
 */
CARTO_IMPORT_API carto_import_status carto_import_options_set_max_list_entries(
    carto_import_options *opts, long long entries);

/**
 * @brief Stall detection: a transfer slower than bytes_per_second for seconds in a row is
 *        aborted with CARTO_IMPORT_ETIMEDOUT (default 1024 bytes/s for 60 s, so a server that
 *        drips its reply, or stops reading an upload, is given up). It is the only time
 *        limit of an upload. 0, 0 disables it.
 * @return 0, CARTO_IMPORT_EINVAL (negative values), CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_options_set_low_speed(carto_import_options *opts,
                                                                      long bytes_per_second,
                                                                      long seconds);

/**
 * @brief Text appended to the User-Agent ("libcarto_import/0.1.0 SUFFIX"), so that bindings
 *        and applications can identify themselves; NULL to clear.
 * @return 0, CARTO_IMPORT_EINVAL (control characters), CARTO_IMPORT_EBADHANDLE,
 *         CARTO_IMPORT_ENOMEM.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_options_set_user_agent_suffix(
    carto_import_options *opts, const char *suffix);

/**
 * @brief Retry policy. A request that is safe to repeat (GET, PUT, DELETE; a POST only when
 *        it provably never reached the server, or was refused with 429) is tried up to
 *        max_attempts times in all (default 3) when the connection fails, times out or the
 *        server answers 429, 502, 503 or 504. The wait before attempt n is a random time in
 *        [0, min(max_backoff_ms, base_backoff_ms * 2^(n-1))] ("full jitter"; defaults 500 ms
 *        and 30000 ms), or the server's Retry-After capped at max_backoff_ms; never past the
 *        call's deadline (set_call_timeout_ms()). A DELETE whose reply was lost and whose
 *        retry gets 404 succeeds: the object is gone, as asked.
 * @param opts  the options; copied.
 * @param max_attempts     1 disables retries; at most 20.
 * @param base_backoff_ms  > 0.
 * @param max_backoff_ms   >= base_backoff_ms.
 * @return 0, CARTO_IMPORT_EINVAL, CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_options_set_retry(carto_import_options *opts,
                                                                  int max_attempts,
                                                                  long base_backoff_ms,
                                                                  long max_backoff_ms);

/**
 * @brief How often waits poll a job: every tenth of the time waited so far, but at least
 *        every max_ms and at most every initial_ms (defaults 50 and 1000). So the end of a
 *        short job is noticed within tens of milliseconds, while a long one costs few
 *        requests.
 * @return 0, CARTO_IMPORT_EINVAL (initial_ms <= 0 or max_ms < initial_ms),
 *         CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_options_set_poll_interval_ms(
    carto_import_options *opts, long initial_ms, long max_ms);

/**
 * @brief Receives one line of text per HTTP request attempt: see
 *        carto_import_options_set_debug_callback().
 * @param line  e.g. `POST /user/demo/api/v1/imports?privacy=public -> 200, 1048853 B sent,
 *              312 B received, 85 ms, attempt 1`: the method, the path and query (the API key
 *              is never in them, and every secret the library knows is replaced by
 *              `[REDACTED]`), then the HTTP status (or, when no reply came, the
 *              carto_import_strerror() text of the failure, e.g. `timed out`), the bytes sent (headers and
 *              body) and received (body), the time taken and the attempt's number (2 and more
 *              are retries). Valid only during the call: copy it to keep it.
 * @param userdata  as given to carto_import_options_set_debug_callback().
 * @since 0.2
 */
typedef void carto_import_debug_fn(const char *line, void *userdata);
/** @brief A pointer to a carto_import_debug_fn. @since 0.2 */
typedef carto_import_debug_fn *carto_import_debug_cb;

/**
 * @brief Calls `callback` after every HTTP request attempt of clients made from these options
 *        (a log of what is sent, for `--verbose` output and troubleshooting). Off by default.
 *
 * Threads: the callback runs on the thread that made the request, so when several threads
 * share a client it may run concurrently with itself; it must be thread-safe and quick (the
 * request's thread waits for it). It must not call back into the library with the same
 * client, and must not unwind (no exception, longjmp or panic through it).
 * @param opts  the options to change.
 * @param callback  NULL turns the log off.
 * @param userdata  passed as is to the callback; the caller keeps it valid while clients made
 *                  from these options exist.
 * @return 0, CARTO_IMPORT_EBADHANDLE.
 * @since 0.2
 */
CARTO_IMPORT_API carto_import_status carto_import_options_set_debug_callback(
    carto_import_options *opts, carto_import_debug_cb callback, void *userdata);

/** How local files are sent (carto_import_options_set_upload_compression()). */
typedef enum carto_import_compression {
  CARTO_IMPORT_COMPRESSION_AUTO = 0,  /**< Default: gzip text formats while it pays (below). */
  CARTO_IMPORT_COMPRESSION_GZIP = 1,  /**< gzip every file but archives, whatever the link. */
  CARTO_IMPORT_COMPRESSION_NONE = 2   /**< Send files as they are. */
} carto_import_compression;

/**
 * @brief Whether local files are gzip-compressed as they are sent. A compressed file is read
 *        and compressed on the fly (never a temporary file; memory stays bounded, both cores
 *        used) and sent as BASENAME.gz, which CARTO unpacks: the table is the same (same name,
 *        rows, columns, geometry); only the import job's and dataset's display_name ends in
 *        ".gz".
 *        CARTO_IMPORT_COMPRESSION_AUTO compresses only the formats that gain (csv, tsv, txt,
 *        geojson, json, js, kml, gpx, osm, sql), never archives or binary formats, and while
 *        sending decides block by block (256 KiB) to deflate it or to store it as is: a block
 *        is deflated only while the measured compression rate beats the measured rate of the
 *        link, so the upload is never slower than CARTO_IMPORT_COMPRESSION_NONE by more than
 *        the gzip framing and its first MiB, always deflated to measure the compressor (where
 *        the link outruns the compressor nearly every block is stored; on a 100 Mbit/s link
 *        nearly every block is deflated).
 *        CARTO_IMPORT_COMPRESSION_GZIP deflates every block of every file except archives and
 *        compressed files (zip, gz, tgz, bz2, kmz, rar, tar, carto, xz, 7z, zst), which are
 *        sent as they are in every mode.
 *        When the server refuses the compressed upload (HTTP 415), carto_import_job_run()
 *        sends the file once more uncompressed; when an import of a compressed file fails as
 *        an unsupported file type (CARTO error 1002 or 1003), the one-call
 *        carto_import_dataset_create() imports it once more uncompressed. Either says so in
 *        the job's "warnings" object (carto_import_job_json()), as "upload_compression".
 * @param opts  the options; copied.
 * @param mode  a carto_import_compression value.
 * @return 0, CARTO_IMPORT_EINVAL (unknown mode), CARTO_IMPORT_EBADHANDLE.
 * @since 0.2
 */
CARTO_IMPORT_API carto_import_status carto_import_options_set_upload_compression(
    carto_import_options *opts, int mode);

/* ---- client ------------------------------------------------------------------------------ */

/**
 * @brief Builds a client from options, which are copied: the options may be freed or changed
 *        right after. Calls carto_import_global_init().
 * @param opts  the options; copied.
 * @param[out] out  the new client. Ownership: caller frees it with carto_import_client_free().
 * @return 0, CARTO_IMPORT_EINVAL (no base URL, no API key), CARTO_IMPORT_EINSECURE (plain
 *         http to a non-loopback host without set_allow_insecure_http), CARTO_IMPORT_EBADHANDLE,
 *         CARTO_IMPORT_ENOMEM.
 * Threads: the client may be shared by any number of threads; it keeps a pool of
 *          connections that are reused between requests.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_client_new(carto_import_client **out,
                                                           const carto_import_options *opts);

/**
 * @brief Releases the caller's reference to a client. NULL is accepted. Objects created from
 *        the client keep working after it is freed.
 * Threads: no other thread may be using this handle.
 * @since 0.1
 */
CARTO_IMPORT_API void carto_import_client_free(carto_import_client *client);

/**
 * @brief The account's username, derived from the base URL.
 * Ownership: borrowed from the client; valid until it is freed. NULL if client is invalid.
 * @since 0.1
 */
CARTO_IMPORT_API const char *carto_import_client_username(const carto_import_client *client);

/**
 * @brief The normalised base URL (always ending in '/').
 * Ownership: borrowed from the client; valid until it is freed. NULL if client is invalid.
 * @since 0.1
 */
CARTO_IMPORT_API const char *carto_import_client_base_url(const carto_import_client *client);

/**
 * @brief Checks the server can be reached and accepts the API key as the master key, with
 *        one cheap authenticated request (GET api/v1/imports).
 * @return 0, CARTO_IMPORT_EAUTH (wrong or non-master key), CARTO_IMPORT_ENOTFOUND (no CARTO
 *         API at that base URL), network, HTTP and protocol errors, CARTO_IMPORT_EBADHANDLE.
 * Threads: any; the client may be shared.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_client_verify(carto_import_client *client);


/* ---- import parameters ------------------------------------------------------------------- */

/** Privacy of an imported dataset, or of a dataset (carto_import_dataset_privacy()). */
typedef enum carto_import_privacy {
  CARTO_IMPORT_PRIVACY_DEFAULT = 0,  /**< Not sent: the account's default. */
  CARTO_IMPORT_PRIVACY_PUBLIC = 1,   /**< Anyone can see it. */
  CARTO_IMPORT_PRIVACY_PRIVATE = 2,  /**< Only the owner. */
  CARTO_IMPORT_PRIVACY_LINK = 3,     /**< Anyone with the link. */
  CARTO_IMPORT_PRIVACY_PASSWORD = 4  /**< Password-protected (reported for datasets only). */
} carto_import_privacy;

/** What an import does when a table of the same name exists. */
typedef enum carto_import_collision {
  CARTO_IMPORT_COLLISION_RENAME = 0,    /**< Default: the new table is name_1, name_2, ... */
  CARTO_IMPORT_COLLISION_SKIP = 1,      /**< Keep the existing table, import nothing into it. */
  CARTO_IMPORT_COLLISION_OVERWRITE = 2  /**< Replace the existing table. */
} carto_import_collision;

/**
 * @brief Creates import parameters with nothing set: the server's defaults apply (type and
 *        quoted-field guessing on, content guessing off, no map, the account's privacy,
 *        rename on collision). Only what is set is sent; booleans go as true/false.
 * @param[out] out  Ownership: caller frees it with carto_import_params_free().
 * @return 0, CARTO_IMPORT_EINVAL, CARTO_IMPORT_ENOMEM.
 * Threads: one thread at a time. Parameters are copied by the calls that take them.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_params_new(carto_import_params **out);

/** @brief Frees import parameters; NULL is accepted. @since 0.1 */
CARTO_IMPORT_API void carto_import_params_free(carto_import_params *params);

/**
 * @brief Guess column types (numbers, dates, booleans) from their contents (default on).
 * @return 0, CARTO_IMPORT_EBADHANDLE. @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_params_set_type_guessing(carto_import_params *params,
                                                                         int enable);

/**
 * @brief Also guess the types of quoted CSV fields (default on).
 * @return 0, CARTO_IMPORT_EBADHANDLE. @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_params_set_quoted_fields_guessing(
    carto_import_params *params, int enable);

/**
 * @brief Guess geometries from contents, e.g. country or city names (default off).
 * @return 0, CARTO_IMPORT_EBADHANDLE. @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_params_set_content_guessing(
    carto_import_params *params, int enable);

/**
 * @brief Also create a map from the imported dataset (default off).
 * @return 0, CARTO_IMPORT_EBADHANDLE. @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_params_set_create_vis(carto_import_params *params,
                                                                      int enable);

/**
 * @brief Privacy of the imported dataset (and map): a carto_import_privacy value other than
 *        PASSWORD; CARTO_IMPORT_PRIVACY_DEFAULT leaves it to the account.
 * @return 0, CARTO_IMPORT_EINVAL, CARTO_IMPORT_EBADHANDLE. @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_params_set_privacy(carto_import_params *params,
                                                                   int privacy);

/**
 * @brief What to do when a table of the same name exists: a carto_import_collision value.
 * @return 0, CARTO_IMPORT_EINVAL, CARTO_IMPORT_EBADHANDLE. @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_params_set_collision_strategy(
    carto_import_params *params, int strategy);

/**
 * @brief Any other Import API parameter, sent as a string with the ones above (in the query
 *        string of a file upload, in the JSON body of a URL, connector or sync request).
 *
 * For the parameters the library has no setter for: `table_name` (a sync's name), `sql` and
 * `table_copy` (with `table_name`), and those a server adds later. The names that have a
 * setter above (`type_guessing`, `quoted_fields_guessing`, `content_guessing`, `create_vis`,
 * `privacy`, `collision_strategy`) and the ones the library sets itself (`url`, `interval`,
 * `connector`, `api_key`, `file`) are refused, so that each is sent once and no secret rides
 * along. Setting a name again replaces its value.
 * @param params  the parameters to change.
 * @param name  the parameter's name, as the server spells it.
 * @param value  its value (copied; UTF-8); NULL removes the parameter.
 * @return 0, CARTO_IMPORT_EINVAL (a NULL, empty or refused name), CARTO_IMPORT_EBADHANDLE,
 *         CARTO_IMPORT_ENOMEM.
 * @since 0.2
 */
CARTO_IMPORT_API carto_import_status carto_import_params_set_string(carto_import_params *params,
                                                                   const char *name,
                                                                   const char *value);

/* ---- import jobs ------------------------------------------------------------------------- */

/** States of an import job (PROTOCOL §2.4) or of a sync table (§4.6; its failure state is
 *  CARTO_IMPORT_STATE_FAILURE). Append-only. */
typedef enum carto_import_state {
  CARTO_IMPORT_STATE_UNKNOWN = 0,    /**< A state this library does not know; see state_name. */
  CARTO_IMPORT_STATE_NEW = 1,        /**< Created locally, not yet run. */
  CARTO_IMPORT_STATE_SENDING = 2,    /**< The client is sending the file (local, not a server state). */
  CARTO_IMPORT_STATE_ENQUEUED = 3,   /**< Server: the file is not yet at the importer. */
  CARTO_IMPORT_STATE_PENDING = 4,    /**< Server: waiting for a worker. */
  CARTO_IMPORT_STATE_UPLOADING = 5,  /**< Server: a worker took it (downloading a URL). */
  CARTO_IMPORT_STATE_UNPACKING = 6,  /**< Server: decompressing. */
  CARTO_IMPORT_STATE_IMPORTING = 7,  /**< Server: loading data. */
  CARTO_IMPORT_STATE_GUESSING = 8,   /**< Server: guessing types and geometries. */
  CARTO_IMPORT_STATE_GEOCODING = 9,  /**< Server: geocoding. */
  CARTO_IMPORT_STATE_COMPLETE = 10,  /**< Final: done. */
  CARTO_IMPORT_STATE_FAILURE = 11,   /**< Final: failed; see the error code. */
  CARTO_IMPORT_STATE_STUCK = 12,     /**< Final: the server gave up on it. */
  CARTO_IMPORT_STATE_CREATED = 13,   /**< Sync table: created, not yet queued. */
  CARTO_IMPORT_STATE_QUEUED = 14,    /**< Sync table: waiting for its (first or next) run. */
  CARTO_IMPORT_STATE_SYNCING = 15,   /**< Sync table: a run is in progress. */
  CARTO_IMPORT_STATE_SUCCESS = 16    /**< Sync table: the last run succeeded. */
} carto_import_state;

/**
 * @brief The name of a state ("complete", ...); "unknown" for unknown values.
 * Ownership: static storage. Threads: any. @since 0.1
 */
CARTO_IMPORT_API const char *carto_import_state_string(int state);

/**
 * @brief 1 when a state ends a wait: complete, failure or stuck for an import job, success or
 *        failure for a sync table; else 0. @since 0.1
 */
CARTO_IMPORT_API int carto_import_state_is_final(int state);

/**
 * @brief Progress of an upload or a wait.
 * Called on the calling thread, inside the call that received it: while a file is sent, with
 * state CARTO_IMPORT_STATE_SENDING and the bytes sent so far of bytes_total (at every 1% and
 * at least every 100 ms, even when the transfer stalls); while waiting, after every poll and
 * at least every 100 ms, with the state last seen and bytes_done = bytes_total = -1 (compare
 * with the previous state to notice changes).
 * @return 0 to go on; non-zero cancels, and the call returns CARTO_IMPORT_ECANCELED.
 */
typedef int (*carto_import_progress_cb)(int state, long long bytes_done, long long bytes_total,
                                        void *userdata);

/**
 * @brief The function type of carto_import_progress_cb, for generators and FFIs that declare
 *        a callback by its prototype (koffi.proto, cgo exports).
 *
 * Callbacks must fail safely: NEVER unwind through the library (no C++ exception, longjmp,
 * Go panic, Rust panic or Python exception may leave the callback; the library's cleanup
 * would be skipped, leaking sockets and files). Catch inside the callback, remember what
 * happened in userdata, and return non-zero to stop; the call then returns
 * CARTO_IMPORT_ECANCELED and the handle is as before the call (a job that was not created can
 * run again), with one exception: a cancel after the last byte of a file was sent is too late
 * to stop the server, so the call completes the request, records the job (its id, state
 * pending) and returns CARTO_IMPORT_ECANCELED with a message saying so and the job id in the
 * error (carto_import_error_get_job_id()): wait for the job, or delete what it imports. A C++
 * exception that escapes a callback anyway is caught at the callback and counts as a cancel.
 * @since 0.2
 */
typedef int carto_import_progress_fn(int state, long long bytes_done, long long bytes_total,
                                     void *userdata);

/**
 * @brief Prepares an import of a local file; nothing is sent until carto_import_job_run().
 *        The path is used exactly as given (never lower-cased); only its basename is sent, as
 *        the file name. The file is streamed from disk when the job runs.
 * @param client  the account's client; objects created from it keep it alive.
 * @param path  the local file, used exactly as given.
 * @param params  NULL for the server's defaults; copied.
 * @param[out] out  Ownership: caller frees it with carto_import_job_free().
 * @return 0, CARTO_IMPORT_EINVAL, CARTO_IMPORT_EIO (the file cannot be opened, or is a
 *         directory), CARTO_IMPORT_EBADHANDLE, CARTO_IMPORT_ENOMEM.
 * Threads: the job is used by one thread at a time; the client may be shared.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_job_new_file(carto_import_job **out,
                                                             carto_import_client *client,
                                                             const char *path,
                                                             const carto_import_params *params);

/**
 * @brief Prepares an import of a remote file, fetched by the server (http, https or ftp).
 * @param client  the account's client; objects created from it keep it alive.
 * @param url  the URL.
 * @param params  NULL for the server's defaults; copied.
 * @param[out] out  Ownership: caller frees it with carto_import_job_free().
 * @return 0, CARTO_IMPORT_EINVAL (not an http, https or ftp URL), CARTO_IMPORT_EBADHANDLE,
 *         CARTO_IMPORT_ENOMEM.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_job_new_url(carto_import_job **out,
                                                            carto_import_client *client,
                                                            const char *url,
                                                            const carto_import_params *params);

/**
 * @brief Prepares an import from an external database (PROTOCOL §3): connector_json is the
 *        connector object, e.g. {"provider":"postgres","connection":{"server":"db",
 *        "database":"gis","username":"u","password":"p"},"table":"roads"}, or the seed's
 *        {"connector": {...}} wrapping it. It is sent as given; the server validates it.
 * @param client  the account's client; objects created from it keep it alive.
 * @param connector_json  the connector, as JSON text.
 * @param params  NULL for the server's defaults; copied.
 * @param[out] out  Ownership: caller frees it with carto_import_job_free().
 * @return 0, CARTO_IMPORT_EINVAL (not a JSON object, or no provider), CARTO_IMPORT_EBADHANDLE,
 *         CARTO_IMPORT_ENOMEM.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_job_new_connector(carto_import_job **out,
                                                                  carto_import_client *client,
                                                                  const char *connector_json,
                                                                  const carto_import_params *params);

/**
 * @brief Attaches to an existing import job by its id (e.g. saved by a process that
 *        restarted) and fetches its state.
 * @param client  the account's client; objects created from it keep it alive.
 * @param id  the id (a UUID).
 * @param[out] out  Ownership: caller frees it with carto_import_job_free().
 * @return 0, CARTO_IMPORT_EINVAL (not a job id), CARTO_IMPORT_ENOTFOUND, network, HTTP and
 *         protocol errors, CARTO_IMPORT_EBADHANDLE, CARTO_IMPORT_ENOMEM.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_job_attach(carto_import_job **out,
                                                           carto_import_client *client,
                                                           const char *id);

/** @brief Frees a job; NULL is accepted. The server-side job is not affected. @since 0.1 */
CARTO_IMPORT_API void carto_import_job_free(carto_import_job *job);

/**
 * @brief The failure of the last fallible call made on this job (run, refresh, wait,
 *        datasets), as a new snapshot; NULL when that call succeeded or none was made. For
 *        runtimes that cannot read the thread's record on the thread that failed (koffi
 *        .async, tokio tasks, goroutines): the job keeps it until its next call.
 * @param job  the job.
 * @param[out] out  Ownership: caller frees it with carto_import_error_free().
 * @return 0, CARTO_IMPORT_EINVAL (out is NULL), CARTO_IMPORT_EBADHANDLE, CARTO_IMPORT_ENOMEM.
 *         Never changes the thread's last error.
 * Threads: once the call on the job returned, any thread (one at a time, as for the job).
 * @since 0.2
 */
CARTO_IMPORT_API carto_import_status carto_import_job_last_error(const carto_import_job *job,
                                                                carto_import_error **out);

/**
 * @brief Starts the import: sends the file (streamed, with progress) or the URL. On success
 *        the job has an id and the state the server reported (usually pending).
 * @param job  the import job.
 * @param userdata  passed as is to the callback.
 * @param progress  NULL, or called while the file is sent (see carto_import_progress_cb).
 * @return 0, CARTO_IMPORT_EIO, CARTO_IMPORT_ERATELIMIT (all import slots are in use),
 *         CARTO_IMPORT_EBADREQUEST (rejected parameters), CARTO_IMPORT_EAUTH,
 *         CARTO_IMPORT_ECANCELED, network, HTTP and protocol errors, CARTO_IMPORT_EINVAL
 *         (the job already ran), CARTO_IMPORT_EBADHANDLE. The request that creates the job is
 *         never repeated once it reached the server: when its reply is lost (connection cut,
 *         timeout, 502/504), the message says that the server may have created the job all
 *         the same, and to look for it with carto_import_job_list() before importing again.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_job_run(carto_import_job *job,
                                                        carto_import_progress_cb progress,
                                                        void *userdata);

/**
 * @brief Fetches the job's current state and fields from the server.
 * @return 0 (whatever the job's state), CARTO_IMPORT_EINVAL (not run yet),
 *         CARTO_IMPORT_ENOTFOUND, network, HTTP and protocol errors, CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_job_refresh(carto_import_job *job);

/**
 * @brief Waits until the job reaches a final state, polling adaptively (see
 *        carto_import_options_set_poll_interval_ms()), and never past the caller's deadline.
 * @param job  the import job.
 * @param userdata  passed as is to the callback.
 * @param timeout_ms  how long to wait at most; 0 or negative means no limit.
 * @param progress    NULL, or called while waiting (see carto_import_progress_cb).
 * @return 0 when the job is complete; CARTO_IMPORT_EREMOTE when it failed or got stuck (the
 *         last error carries the CARTO error code, title, explanation and source);
 *         CARTO_IMPORT_ETIMEDOUT when the deadline passed first (the job goes on: wait
 *         again, or attach to it later); CARTO_IMPORT_ECANCELED; network, HTTP and protocol
 *         errors; CARTO_IMPORT_EINVAL (not run yet); CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_job_wait(carto_import_job *job, long timeout_ms,
                                                         carto_import_progress_cb progress,
                                                         void *userdata);

/**
 * @brief The job's id (the server's item_queue_id); NULL before it runs.
 * Ownership: borrowed from the job. @since 0.1
 */
CARTO_IMPORT_API const char *carto_import_job_id(const carto_import_job *job);

/**
 * @brief The job's state as last seen (CARTO_IMPORT_STATE_UNKNOWN for an invalid handle).
 *        Returned as the enum type since 0.2 (an int before: same ABI). @since 0.1
 */
CARTO_IMPORT_API carto_import_state carto_import_job_state(const carto_import_job *job);

/**
 * @brief The job's state as the server spelled it ("importing"...); "new" before it runs.
 * Ownership: borrowed from the job. @since 0.1
 */
CARTO_IMPORT_API const char *carto_import_job_state_name(const carto_import_job *job);

/**
 * @brief TRI-STATE, not a boolean: 1 when the server reported success, 0 when it reported
 *        failure, **-1 while the job is not final** (and for an invalid handle). `if
 *        (carto_import_job_success(job))` is true for a job still running: compare with 1.
 * @since 0.1
 */
CARTO_IMPORT_API int carto_import_job_success(const carto_import_job *job);

/**
 * @brief The CARTO error code of a failed job (PROTOCOL §2.5), 0 when none. @since 0.1
 */
CARTO_IMPORT_API int carto_import_job_error_code(const carto_import_job *job);

/**
 * @brief A string field of the job as last seen, by its PROTOCOL §2.2 name: "table_name",
 *        "table_id", "visualization_id", "derived_visualization_id", "display_name",
 *        "data_type", "synchronization_id", "original_url", "user_id", "queue_id",
 *        "http_response_code", ... and, for failed jobs, "error_title", "error_explanation"
 *        and "error_source" (from get_error_text).
 * @return the value, or NULL when the field is absent, null or not a string.
 * Ownership: borrowed from the job. @since 0.1
 */
CARTO_IMPORT_API const char *carto_import_job_get_string(const carto_import_job *job,
                                                        const char *field);

/**
 * @brief A numeric or boolean field of the job as last seen ("tables_created_count",
 *        "error_code", "type_guessing", "create_visualization", "is_raster", ...; booleans
 *        give 0 or 1).
 * @return the value, or `fallback` when the field is absent, null or not a number/boolean.
 * @since 0.1
 */
CARTO_IMPORT_API long long carto_import_job_get_int(const carto_import_job *job, const char *field,
                                                   long long fallback);

/**
 * @brief The job's last reply from the server, as JSON text; NULL before it runs.
 *        Useful for fields this API does not name (e.g. "warnings").
 * Ownership: borrowed from the job. @since 0.1
 */
CARTO_IMPORT_API const char *carto_import_job_json(const carto_import_job *job);

/**
 * @brief How the job's file was sent: CARTO_IMPORT_COMPRESSION_GZIP (as BASENAME.gz) or
 *        CARTO_IMPORT_COMPRESSION_NONE; CARTO_IMPORT_COMPRESSION_AUTO before it runs and for
 *        URL, connector and attached jobs. May be called from the job's progress callback.
 * @since 0.2
 */
CARTO_IMPORT_API int carto_import_job_upload_compression(const carto_import_job *job);

/**
 * @brief Bytes of the request body sent so far for the job's file (compressed bytes when it
 *        is compressed; the multipart framing included), while it runs (from its progress
 *        callback, which itself reports bytes of the original file) and after; 0 before it
 *        runs and for jobs without a file.
 * @since 0.2
 */
CARTO_IMPORT_API long long carto_import_job_upload_bytes_sent(const carto_import_job *job);

/**
 * @brief The ids of the account's unfinished import jobs (newest first), as the server lists
 *        them (PROTOCOL §2.3). Within the call timeout (set_call_timeout_ms()).
 * @param client  the account's client; objects created from it keep it alive.
 * @param[out] out  Ownership: caller frees it with carto_import_string_list_free().
 * @return 0, network, HTTP and protocol errors (CARTO_IMPORT_EPROTOCOL also for an id listed
 *         twice, or more than set_max_list_entries() ids), CARTO_IMPORT_EBADHANDLE,
 *         CARTO_IMPORT_ENOMEM.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_job_list(carto_import_string_list **out,
                                                         carto_import_client *client);

/* ---- string lists -------------------------------------------------------------------------- */

/** @brief Number of strings in a list; 0 for NULL or an invalid handle. @since 0.1 */
CARTO_IMPORT_API size_t carto_import_string_list_count(const carto_import_string_list *list);

/**
 * @brief The string at index i; NULL when i is out of range.
 * Ownership: borrowed from the list. @since 0.1
 */
CARTO_IMPORT_API const char *carto_import_string_list_get(const carto_import_string_list *list,
                                                         size_t i);

/** @brief Frees a string list; NULL is accepted. @since 0.1 */
CARTO_IMPORT_API void carto_import_string_list_free(carto_import_string_list *list);

/* ---- datasets ---------------------------------------------------------------------------- */

/**
 * @brief Imports a local file, a URL or an external database and returns its datasets once
 *        the import completes: one per table created (an archive may hold several). A string
 *        starting with http://, https:// or ftp:// (any case) is a URL; a JSON object (its
 *        '{' may follow white space) is a connector (JSON, as for carto_import_job_new_connector()); anything else is a
 *        local path, used exactly as given.
 * @param client  the account's client; objects created from it keep it alive.
 * @param path_or_url  a local path, a URL or a connector.
 * @param userdata  passed as is to the callback.
 * @param params      NULL for the server's defaults; copied.
 * @param timeout_ms  the deadline for the whole call; 0 or negative means no limit.
 * @param progress    NULL, or called while sending and while waiting (see
 *                    carto_import_progress_cb).
 * @param[out] out    Ownership: caller frees it with carto_import_dataset_list_free().
 * @return 0; the errors of carto_import_job_new_*, _run and _wait (a failed import is
 *         CARTO_IMPORT_EREMOTE with the CARTO error code; a deadline is CARTO_IMPORT_ETIMEDOUT,
 *         and its message names the job id to attach to); CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_dataset_create(
    carto_import_dataset_list **out, carto_import_client *client, const char *path_or_url,
    const carto_import_params *params, long timeout_ms, carto_import_progress_cb progress,
    void *userdata);

/**
 * @brief The datasets of a completed import job, one per table it created.
 * @param job  the import job.
 * @param[out] out  Ownership: caller frees it with carto_import_dataset_list_free().
 * @return 0, CARTO_IMPORT_EINVAL (the job is not complete), network, HTTP and protocol
 *         errors, CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_job_datasets(carto_import_dataset_list **out,
                                                             carto_import_job *job);

/**
 * @brief Lists all the account's own datasets, following every page (of 100), all of them
 *        within the call timeout (set_call_timeout_ms()).
 * @param client  the account's client; objects created from it keep it alive.
 * @param[out] out  Ownership: caller frees it with carto_import_dataset_list_free().
 * @return 0, network, HTTP and protocol errors, CARTO_IMPORT_EBADHANDLE, CARTO_IMPORT_ENOMEM.
 *         The pages must make progress: a dataset listed twice, a total_entries that changes
 *         between pages, that the pages cannot reach (an empty page before it) or overshoot,
 *         or that exceeds set_max_list_entries() stops the listing with
 *         CARTO_IMPORT_EPROTOCOL. CARTO_IMPORT_EAUTH when the server answers as to an
 *         anonymous caller (no total_user_entries: the key was not accepted).
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_dataset_list_all(carto_import_dataset_list **out,
                                                                 carto_import_client *client);

/**
 * @brief Lists the account's own datasets that match a query, following every page.
 *
 * The parameters of `GET /api/v1/viz` that narrow or order the listing (`q`, `privacy`,
 * `tags`, `order`, `order_direction`, `per_page`, `shared`, `locked`, ...) are sent with each
 * page, as carto-python's `DatasetManager.filter()` sends them. `per_page`, `order` and
 * `order_direction` replace the defaults of carto_import_dataset_list_all() (100, `name`,
 * `asc`); `page` is the listing's own and is ignored; `type=table`, `exclude_shared=true` and
 * `with_dependent_visualizations=1` are always sent (a dataset is a table's visualization).
 * @param client  the account's client; objects created from it keep it alive.
 * @param query  URL-encoded `name=value` pairs joined by `&` (a leading `?` allowed), e.g.
 *               `"q=cities&privacy=public"`; NULL or "" lists all, like
 *               carto_import_dataset_list_all().
 * @param[out] out  Ownership: caller frees it with carto_import_dataset_list_free().
 * @return 0, network, HTTP and protocol errors, CARTO_IMPORT_EINVAL (a parameter without a
 *         name), CARTO_IMPORT_EBADHANDLE, CARTO_IMPORT_ENOMEM.
 * @since 0.2
 */
CARTO_IMPORT_API carto_import_status carto_import_dataset_list_filter(
    carto_import_dataset_list **out, carto_import_client *client, const char *query);

/**
 * @brief Fetches one dataset by its id or its name.
 * @param client  the account's client; objects created from it keep it alive.
 * @param id_or_name  the dataset's id or name.
 * @param[out] out  Ownership: caller frees it with carto_import_dataset_free().
 * @return 0, CARTO_IMPORT_ENOTFOUND, network, HTTP and protocol errors, CARTO_IMPORT_EINVAL,
 *         CARTO_IMPORT_EBADHANDLE. A reply without map_id is CARTO_IMPORT_EAUTH when it has
 *         the public view's shape (a public item without auth_tokens: the server took the
 *         caller for anonymous, so the key was not accepted), else CARTO_IMPORT_EPROTOCOL.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_dataset_get(carto_import_dataset **out,
                                                            carto_import_client *client,
                                                            const char *id_or_name);

/** @brief Number of datasets in a list; 0 for NULL or an invalid handle. @since 0.1 */
CARTO_IMPORT_API size_t carto_import_dataset_list_count(const carto_import_dataset_list *list);

/**
 * @brief A copy of the dataset at index i, as its own handle.
 * @param list  the list.
 * @param i  the index, from 0.
 * @param[out] out  Ownership: caller frees it with carto_import_dataset_free().
 * @return 0, CARTO_IMPORT_EINVAL (i out of range), CARTO_IMPORT_EBADHANDLE,
 *         CARTO_IMPORT_ENOMEM.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_dataset_list_get(carto_import_dataset **out,
                                                                 const carto_import_dataset_list *list,
                                                                 size_t i);

/** @brief Frees a dataset list; NULL is accepted. @since 0.1 */
CARTO_IMPORT_API void carto_import_dataset_list_free(carto_import_dataset_list *list);

/** @brief Frees a dataset; NULL is accepted. The remote dataset is not affected. @since 0.1 */
CARTO_IMPORT_API void carto_import_dataset_free(carto_import_dataset *dataset);

/**
 * @brief The failure of the last fallible call on this dataset (set_string, save, refresh,
 *        delete, force_delete), as carto_import_job_last_error() does for jobs.
 * @return 0, CARTO_IMPORT_EINVAL, CARTO_IMPORT_EBADHANDLE, CARTO_IMPORT_ENOMEM. @since 0.2
 */
CARTO_IMPORT_API carto_import_status carto_import_dataset_last_error(
    const carto_import_dataset *dataset, carto_import_error **out);

/**
 * @brief The failure of the last carto_import_dataset_list_get() on this list, as
 *        carto_import_job_last_error() does for jobs.
 * @return 0, CARTO_IMPORT_EINVAL, CARTO_IMPORT_EBADHANDLE, CARTO_IMPORT_ENOMEM. @since 0.2
 */
CARTO_IMPORT_API carto_import_status carto_import_dataset_list_last_error(
    const carto_import_dataset_list *list, carto_import_error **out);

/**
 * @brief A string field of the dataset as last fetched, by its PROTOCOL §5.2 name: "id",
 *        "name", "display_name", "description", "privacy" (PUBLIC, PRIVATE, LINK, PASSWORD),
 *        "type", "created_at", "updated_at", "license", "attributions", "source", "title",
 *        "url"; and "table_id", "table_name", "synchronization_id" from its nested objects.
 * @return the value, or NULL when absent, null or not a string.
 * Ownership: borrowed from the dataset. @since 0.1
 */
CARTO_IMPORT_API const char *carto_import_dataset_get_string(const carto_import_dataset *dataset,
                                                            const char *field);

/**
 * @brief A numeric or boolean field of the dataset: "row_count" and "size" (from its table),
 *        "dependent_visualizations_count", "locked" (0/1), "version".
 * @return the value, or `fallback` when absent, null or not a number/boolean. @since 0.1
 */
CARTO_IMPORT_API long long carto_import_dataset_get_int(const carto_import_dataset *dataset,
                                                       const char *field, long long fallback);

/**
 * @brief The dataset's privacy (DEFAULT when unknown). Returned as the enum type since 0.2
 *        (an int before: same ABI).
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_privacy carto_import_dataset_privacy(
    const carto_import_dataset *dataset);

/**
 * @brief The dataset as JSON text, as last fetched (or as changed by the setters).
 * Ownership: borrowed from the dataset. @since 0.1
 */
CARTO_IMPORT_API const char *carto_import_dataset_json(const carto_import_dataset *dataset);

/**
 * @brief Changes an editable string field locally; carto_import_dataset_save() sends it.
 *        Editable: "name" (renames the table), "display_name", "description", "privacy"
 *        ("public", "private", "link", any case), "license", "attributions", "source",
 *        "title". value NULL sets the field to null (not allowed for name and privacy).
 * @return 0, CARTO_IMPORT_EINVAL (not editable, or a bad value), CARTO_IMPORT_EBADHANDLE,
 *         CARTO_IMPORT_ENOMEM.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_dataset_set_string(carto_import_dataset *dataset,
                                                                   const char *field,
                                                                   const char *value);

/**
 * @brief Sends the fields changed by the setters (PUT api/v1/viz/ID) and takes the server's
 *        reply as the dataset's new state.
 * @return 0, CARTO_IMPORT_EBADREQUEST, CARTO_IMPORT_EFORBIDDEN, CARTO_IMPORT_ENOTFOUND,
 *         network, HTTP and protocol errors, CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_dataset_save(carto_import_dataset *dataset);

/**
 * @brief Fetches the dataset again from the server (discarding unsaved changes).
 * @return 0, CARTO_IMPORT_ENOTFOUND, network, HTTP and protocol errors,
 *         CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_dataset_refresh(carto_import_dataset *dataset);

/**
 * @brief Deletes the dataset (its table, its sync and the maps that depend only on it),
 *        unless maps depend on it: the server is asked first, and the call refuses with
 *        CARTO_IMPORT_EINUSE, saying how many maps depend on it. Both requests share one call
 *        timeout (set_call_timeout_ms()). When the DELETE's reply is lost and its retry finds
 *        nothing (404), the call succeeds: the dataset is gone, which is what was asked.
 * @return 0, CARTO_IMPORT_EINUSE, CARTO_IMPORT_ENOTFOUND, CARTO_IMPORT_EFORBIDDEN, network,
 *         HTTP and protocol errors, CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_dataset_delete(carto_import_dataset *dataset);

/**
 * @brief Deletes the dataset even when maps depend on it (they are deleted too when they
 *        depend only on it). A lost reply whose retry gets 404 is success, as above.
 * @return 0, CARTO_IMPORT_ENOTFOUND, CARTO_IMPORT_EFORBIDDEN, network, HTTP and protocol
 *         errors, CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_dataset_force_delete(carto_import_dataset *dataset);


/* ---- sync tables ------------------------------------------------------------------------- */

/** The shortest interval between runs of a sync table that servers accept, in seconds. */
#define CARTO_IMPORT_SYNC_MIN_INTERVAL 900

/** What happened to a request to sync now (carto_import_sync_force()). */
typedef enum carto_import_force_outcome {
  CARTO_IMPORT_FORCE_ENQUEUED = 0,  /**< A run was queued. */
  CARTO_IMPORT_FORCE_TOO_SOON = 1,  /**< The last run is less than 15 minutes old. */
  CARTO_IMPORT_FORCE_BUSY = 2       /**< It is already queued or syncing, or the account runs
                                         its maximum of concurrent syncs. */
} carto_import_force_outcome;

/**
 * @brief Creates a sync table from a URL: the server imports it now and again every
 *        interval_seconds (at least CARTO_IMPORT_SYNC_MIN_INTERVAL) when the source changed.
 * @param client  the account's client; objects created from it keep it alive.
 * @param url  the URL.
 * @param interval_seconds  seconds between runs, at least CARTO_IMPORT_SYNC_MIN_INTERVAL.
 * @param params  NULL for the server's defaults; copied (privacy and collision strategy do not
 *                apply to syncs and are not sent).
 * @param[out] out  Ownership: caller frees it with carto_import_sync_free().
 * @return 0, CARTO_IMPORT_EINVAL (interval too short, not a URL), CARTO_IMPORT_EBADREQUEST,
 *         CARTO_IMPORT_EAUTH (also: sync tables not enabled for the account), network, HTTP
 *         and protocol errors, CARTO_IMPORT_EBADHANDLE. As for carto_import_job_run(), a
 *         create whose reply was lost is not repeated; the message says to look for the sync
 *         table with carto_import_sync_list_all() before creating it again.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_sync_create(carto_import_sync **out,
                                                            carto_import_client *client,
                                                            const char *url, long interval_seconds,
                                                            const carto_import_params *params);

/**
 * @brief Creates a sync table from an external database: connector_json as for
 *        carto_import_job_new_connector(), re-imported every interval_seconds when the remote
 *        data changed.
 * @param client  the account's client; objects created from it keep it alive.
 * @param connector_json  the connector, as JSON text.
 * @param interval_seconds  seconds between runs, at least CARTO_IMPORT_SYNC_MIN_INTERVAL.
 * @param params  NULL for the server's defaults; copied.
 * @param[out] out  Ownership: caller frees it with carto_import_sync_free().
 * @return as carto_import_sync_create().
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_sync_create_connector(
    carto_import_sync **out, carto_import_client *client, const char *connector_json,
    long interval_seconds, const carto_import_params *params);

/**
 * @brief Fetches a sync table by its id.
 * @param client  the account's client; objects created from it keep it alive.
 * @param id  the id (a UUID).
 * @param[out] out  Ownership: caller frees it with carto_import_sync_free().
 * @return 0, CARTO_IMPORT_ENOTFOUND, CARTO_IMPORT_EAUTH (not the caller's), network, HTTP and
 *         protocol errors, CARTO_IMPORT_EINVAL, CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_sync_get(carto_import_sync **out,
                                                         carto_import_client *client,
                                                         const char *id);

/**
 * @brief Lists the account's sync tables (one reply), within the call timeout
 *        (set_call_timeout_ms()).
 * @param client  the account's client; objects created from it keep it alive.
 * @param[out] out  Ownership: caller frees it with carto_import_sync_list_free().
 * @return 0, network, HTTP and protocol errors (CARTO_IMPORT_EPROTOCOL also for a sync table
 *         listed twice, a total_entries other than the count listed, or more than
 *         set_max_list_entries()), CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_sync_list_all(carto_import_sync_list **out,
                                                              carto_import_client *client);

/** @brief Number of sync tables in a list; 0 for NULL or an invalid handle. @since 0.1 */
CARTO_IMPORT_API size_t carto_import_sync_list_count(const carto_import_sync_list *list);

/**
 * @brief A copy of the sync table at index i, as its own handle.
 * @param list  the list.
 * @param i  the index, from 0.
 * @param[out] out  Ownership: caller frees it with carto_import_sync_free().
 * @return 0, CARTO_IMPORT_EINVAL (out of range), CARTO_IMPORT_EBADHANDLE, CARTO_IMPORT_ENOMEM.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_sync_list_get(carto_import_sync **out,
                                                              const carto_import_sync_list *list,
                                                              size_t i);

/** @brief Frees a sync list; NULL is accepted. @since 0.1 */
CARTO_IMPORT_API void carto_import_sync_list_free(carto_import_sync_list *list);

/** @brief Frees a sync handle; NULL is accepted. The sync table goes on. @since 0.1 */
CARTO_IMPORT_API void carto_import_sync_free(carto_import_sync *sync);

/**
 * @brief The failure of the last fallible call on this sync table (refresh, wait, force,
 *        is_syncing, set_interval, delete, dataset), as carto_import_job_last_error().
 * @return 0, CARTO_IMPORT_EINVAL, CARTO_IMPORT_EBADHANDLE, CARTO_IMPORT_ENOMEM. @since 0.2
 */
CARTO_IMPORT_API carto_import_status carto_import_sync_last_error(const carto_import_sync *sync,
                                                                 carto_import_error **out);

/**
 * @brief The failure of the last carto_import_sync_list_get() on this list, as
 *        carto_import_job_last_error().
 * @return 0, CARTO_IMPORT_EINVAL, CARTO_IMPORT_EBADHANDLE, CARTO_IMPORT_ENOMEM. @since 0.2
 */
CARTO_IMPORT_API carto_import_status carto_import_sync_list_last_error(
    const carto_import_sync_list *list, carto_import_error **out);

/**
 * @brief Fetches the sync table's current state and fields.
 * @return 0, CARTO_IMPORT_ENOTFOUND, network, HTTP and protocol errors,
 *         CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_sync_refresh(carto_import_sync *sync);

/**
 * @brief Waits until the sync table is neither created, queued nor syncing, polling as
 *        carto_import_job_wait() does.
 * @param sync  the sync table.
 * @param userdata  passed as is to the callback.
 * @param timeout_ms  how long to wait at most; 0 or negative means no limit.
 * @param progress    NULL, or called while waiting (with sync states).
 * @return 0 when the last run succeeded; CARTO_IMPORT_EREMOTE when it failed (the last error
 *         carries the CARTO error code and message); CARTO_IMPORT_ETIMEDOUT;
 *         CARTO_IMPORT_ECANCELED; network, HTTP and protocol errors; CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_sync_wait(carto_import_sync *sync,
                                                          long timeout_ms,
                                                          carto_import_progress_cb progress,
                                                          void *userdata);

/**
 * @brief Asks the server to sync now (PUT .../sync_now), then refreshes the handle (as
 *        carto_import_sync_refresh()). The server refuses, without an error, when the last
 *        run is less than 15 minutes old or too many syncs run.
 * @param sync  the sync table.
 * @param[out] outcome  a carto_import_force_outcome value. May be NULL.
 * @return 0 whether or not it was enqueued (see outcome), CARTO_IMPORT_ENOTFOUND, network,
 *         HTTP and protocol errors, CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_sync_force(carto_import_sync *sync, int *outcome);

/**
 * @brief Asks the server whether the sync table is syncing now (GET .../sync_now), and
 *        updates the handle's state.
 * @param sync  the sync table.
 * @param[out] syncing  1 when queued or syncing, else 0. May be NULL.
 * @return 0, CARTO_IMPORT_ENOTFOUND, network, HTTP and protocol errors,
 *         CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_sync_is_syncing(carto_import_sync *sync,
                                                                int *syncing);

/**
 * @brief Changes how often the sync table runs; the next run is then interval_seconds away.
 *        The handle takes the server's reply as its state and fields.
 * @return 0, CARTO_IMPORT_EINVAL (below CARTO_IMPORT_SYNC_MIN_INTERVAL), network, HTTP and
 *         protocol errors, CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_sync_set_interval(carto_import_sync *sync,
                                                                  long interval_seconds);

/**
 * @brief Stops syncing: deletes the sync definition and keeps its table as a normal dataset.
 *        When the reply is lost and the retry finds nothing (404), the call succeeds.
 * @return 0, CARTO_IMPORT_ENOTFOUND, network, HTTP and protocol errors,
 *         CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_sync_delete(carto_import_sync *sync);

/** @brief The sync table's id. Ownership: borrowed from the handle. @since 0.1 */
CARTO_IMPORT_API const char *carto_import_sync_id(const carto_import_sync *sync);

/** @brief The state as last seen (CREATED, QUEUED, SYNCING, SUCCESS, FAILURE, or UNKNOWN).
 *         Returned as the enum type since 0.2 (an int before: same ABI). @since 0.1 */
CARTO_IMPORT_API carto_import_state carto_import_sync_state(const carto_import_sync *sync);

/** @brief The state as the server spelled it. Ownership: borrowed from the handle.
 *  @since 0.1 */
CARTO_IMPORT_API const char *carto_import_sync_state_name(const carto_import_sync *sync);

/**
 * @brief A string field as last seen, by its PROTOCOL §4.6 name: "name", "url",
 *        "error_message", "run_at", "ran_at", "modified_at", "etag", "checksum",
 *        "service_name", "service_item_id", "visualization_id", "log_id", "user_id",
 *        "created_at", "updated_at"; and "data_import_id", the id of the import job the
 *        create call started.
 * @return the value, or NULL when absent, null or not a string.
 * Ownership: borrowed from the handle. @since 0.1
 */
CARTO_IMPORT_API const char *carto_import_sync_get_string(const carto_import_sync *sync,
                                                         const char *field);

/**
 * @brief A numeric or boolean field: "interval", "retried_times", "error_code",
 *        "type_guessing", "quoted_fields_guessing", "content_guessing",
 *        "from_external_source".
 * @return the value, or `fallback` when absent, null or not a number/boolean. @since 0.1
 */
CARTO_IMPORT_API long long carto_import_sync_get_int(const carto_import_sync *sync,
                                                    const char *field, long long fallback);

/** @brief The sync table as JSON text, as last seen. Ownership: borrowed. @since 0.1 */
CARTO_IMPORT_API const char *carto_import_sync_json(const carto_import_sync *sync);

/**
 * @brief The dataset the sync table keeps up to date (after its first successful run).
 * @param sync  the sync table.
 * @param[out] out  Ownership: caller frees it with carto_import_dataset_free().
 * @return 0, CARTO_IMPORT_EINVAL (no successful run yet), CARTO_IMPORT_ENOTFOUND, network,
 *         HTTP and protocol errors, CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_sync_dataset(carto_import_dataset **out,
                                                             carto_import_sync *sync);

/**
 * @brief The seed's dataset_manager.create(URL, SYNC_TIME) and its connector form: creates a
 *        sync table from a URL, or from a connector when source is a JSON object (as for
 *        carto_import_job_new_connector()), waits for its first run, and returns its dataset.
 *        With interval_seconds 0, a connector is imported once (no sync), as a plain import.
 * @param client  the account's client; objects created from it keep it alive.
 * @param source  a URL, or a connector as JSON text.
 * @param interval_seconds  seconds between runs, at least CARTO_IMPORT_SYNC_MIN_INTERVAL.
 * @param params  NULL for the server's defaults; copied.
 * @param progress  NULL, or a callback (see carto_import_progress_cb).
 * @param userdata  passed as is to the callback.
 * @param timeout_ms  the deadline for the whole call; 0 or negative means no limit.
 * @param[out] out  Ownership: caller frees it with carto_import_dataset_list_free().
 * @return 0; the errors of carto_import_sync_create(), _wait(), and carto_import_job_*.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_dataset_create_sync(
    carto_import_dataset_list **out, carto_import_client *client, const char *source,
    long interval_seconds, const carto_import_params *params, long timeout_ms,
    carto_import_progress_cb progress, void *userdata);

#ifdef __cplusplus
}
#endif

#endif /* CARTO_IMPORT_H */
