/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/*
 * stub_server.h — a scripted HTTP server on the loopback interface, for tests.
 *
 * The stub binds 127.0.0.1 on an ephemeral port and answers every request, in arrival order,
 * with the next response of a FIFO queue that the test scripts beforehand. It records each
 * request (method, path, query string, headers, body) so the test can assert the exact request
 * the client made. A request that finds the queue empty is answered 599 with an empty body and
 * counted by stub_unexpected(): tests assert that count is 0.
 *
 * Plain C; usable from C and C++ tests and from helper programs.
 *
 * Strings returned as const char * are owned by the stub and stay valid until stub_stop()
 * (stub_base_url(): until the next stub_base_url() call). All functions are thread-safe.
 */
#ifndef CARTO_TEST_STUB_SERVER_H
#define CARTO_TEST_STUB_SERVER_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct stub_server stub_server;

/* Starts a server on 127.0.0.1:<ephemeral port>; NULL (with a message on stderr) on failure. */
stub_server *stub_start(void);

/* As stub_start(), on the given port (0: an ephemeral one), e.g. to restart a stopped stub
 * where its clients expect it. */
stub_server *stub_start_on(int port);

/* Stops the server, interrupts any delayed reply, and frees it. NULL is accepted. */
void stub_stop(stub_server *s);

/* A test fixture's teardown: stub_stop(), and -1 (said on stderr) when the server got
 * unexpected requests (see stub_unexpected), else 0. */
int stub_stop_checked(stub_server *s);

/* The port the server listens on. */
int stub_port(const stub_server *s);

/* "http://127.0.0.1:PORT/user/USER/", or "http://127.0.0.1:PORT/" when user is NULL. */
const char *stub_base_url(stub_server *s, const char *user);

/* ---- scripting replies (FIFO) ---------------------------------------------------------- */

/* Queues a reply. headers: NULL or "Name: value" lines separated by "\n" (or "\r\n"); a
 * Content-Type given there replaces the default "application/json". body: NULL = empty. */
void stub_push(stub_server *s, int status, const char *headers, const char *body);

/* As stub_push(), answered only after delay_ms milliseconds (cut short by stub_stop(), or
 * when the client leaves: then nothing is answered). */
void stub_push_delay(stub_server *s, int status, const char *headers, const char *body,
                     int delay_ms);

/* A server dying mid-reply: the status line and headers announce a Content-Length of
 * announced_length (> strlen(body)), only body is sent, then the connection is closed. */
void stub_push_truncated(stub_server *s, int status, const char *headers, const char *body,
                         size_t announced_length);

/* Reads the request, then closes the connection without sending a single byte. */
void stub_push_close(stub_server *s);

/* Reads the request, then resets the connection (RST: the client gets ECONNRESET). */
void stub_push_reset(stub_server *s);

/* A server dripping its reply: the status line and headers (announcing a body of 1 GiB), then
 * one byte every period_ms (500 when <= 0), until the client leaves or the stub stops. */
void stub_push_drip(stub_server *s, int status, const char *headers, int period_ms);

/* Forgets the replies not served yet and the count of unexpected requests. */
void stub_clear(stub_server *s);

/* Waits until no request arrived for quiet_ms (requests a client gave up on may reach the
 * handlers late, e.g. under valgrind). */
void stub_wait_quiet(stub_server *s, int quiet_ms);

/* Scripted replies not served yet. */
size_t stub_pending(stub_server *s);

/* Requests that arrived when the queue was empty (answered 599). */
size_t stub_unexpected(stub_server *s);

/* ---- recorded requests (0 = the first) ------------------------------------------------- */

size_t stub_request_count(stub_server *s);

/* Waits until at least n requests were recorded or timeout_ms passed; returns the count. */
size_t stub_wait_requests(stub_server *s, size_t n, int timeout_ms);

/* The method ("GET", ...); NULL when i is out of range (as for every accessor below). */
const char *stub_request_method(stub_server *s, size_t i);

/* The path as sent, without the query string, not percent-decoded. */
const char *stub_request_path(stub_server *s, size_t i);

/* The raw query string without '?'; "" when there is none. */
const char *stub_request_query(stub_server *s, size_t i);

/* A query parameter, percent-decoded; NULL when absent. */
const char *stub_request_param(stub_server *s, size_t i, const char *name);

/* A header's value (name matched case-insensitively; the first when repeated); NULL when
 * absent. */
const char *stub_request_header(stub_server *s, size_t i, const char *name);

/* The body. For multipart/form-data requests it is re-assembled from the parsed parts, in
 * order, as "--BOUNDARY\r\nContent-Disposition: form-data; name=\"N\"; filename=\"F\"\r\n
 * Content-Type: T\r\n\r\nDATA\r\n" ... "--BOUNDARY--\r\n", so tests can check each part's
 * name, filename and content. */
const char *stub_request_body(stub_server *s, size_t i);
size_t stub_request_body_length(stub_server *s, size_t i);

#ifdef __cplusplus
}
#endif

#endif /* CARTO_TEST_STUB_SERVER_H */
