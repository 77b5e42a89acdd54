/*
 * carto_import.h — libcarto_import, the whole public contract.
 *
 * Import data into CARTO (the Import API v1: import jobs, sync tables, connectors, datasets)
 * from C or from any language with a C FFI. Plain C99; compiles as C and as C++.
 *
 * Conventions (docs/ownership.md, docs/threading.md, docs/errors.md say more):
 *  - Every function that can fail returns a carto_import_status: 0 on success, a negative
 *    carto_import_error_code on failure. Details of the last failure on the calling thread are
 *    read with carto_import_last_error_*(), right after the failing call.
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
#define CARTO_IMPORT_VERSION_MINOR 1
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
#if defined(_WIN32) && !defined(CARTO_IMPORT_STATIC)
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
 * @brief Initialises global state (libcurl). Reference-counted: call it once per
 *        carto_import_global_cleanup(). carto_import_client_new() calls it for you.
 * Threads: call it before starting threads that use the library; it is not thread-safe
 *          with respect to other libcurl users initialising at the same time.
 * @return 0, or CARTO_IMPORT_ENOMEM / CARTO_IMPORT_ERROR when libcurl cannot initialise.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_global_init(void);

/**
 * @brief Releases what carto_import_global_init() acquired, when the count drops to zero.
 * Threads: as carto_import_global_init(). Errors: none.
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
 * Never contains the API key. Ownership: thread-local, borrowed; valid until the next
 * failing call on this thread. Never NULL: "" when there is no error.
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

/* ---- options ----------------------------------------------------------------------------- */

/**
 * @brief Creates an options object with the defaults: TLS verified, connect timeout 10 s,
 *        request timeout 0 (none: uploads may take long), stall detection 1 byte/s over 60 s,
 *        3 attempts with backoff from 500 ms up to 30 s, API key sent with HTTP Basic auth.
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
 *        reset. The file is read when requests are made.
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
 * @brief Time allowed for one whole HTTP request, in milliseconds; 0 (the default) means no
 *        limit, relying on stall detection, so that large uploads are not cut off.
 * @return 0, CARTO_IMPORT_EINVAL (ms < 0), CARTO_IMPORT_EBADHANDLE.
 * @since 0.1
 */
CARTO_IMPORT_API carto_import_status carto_import_options_set_request_timeout_ms(
    carto_import_options *opts, long ms);

/**
 * @brief Stall detection: a transfer slower than bytes_per_second for seconds in a row is
 *        aborted with CARTO_IMPORT_ETIMEDOUT (default 1 byte/s for 60 s). 0, 0 disables it.
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
 *        it provably never reached the server) is tried up to max_attempts times in all when
 *        the connection fails or the server answers 429, 502, 503 or 504. The wait before
 *        attempt n is a random time in [0, min(max_backoff_ms, base_backoff_ms * 2^(n-1))]
 *        ("full jitter"), or the server's Retry-After capped at max_backoff_ms.
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

/* ---- client ------------------------------------------------------------------------------ */

/**
 * @brief Builds a client from options, which are copied: the options may be freed or changed
 *        right after. Calls carto_import_global_init() (and its cleanup on free).
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

#ifdef __cplusplus
}
#endif

#endif /* CARTO_IMPORT_H */
