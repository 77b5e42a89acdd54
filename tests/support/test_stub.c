/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Self-test of the stub server, driven by plain libcurl: scripting, recording, multipart
 * re-assembly, broken replies (truncated, closed, reset, dripping), the empty-queue answer, a
 * restart on the same port, and a prompt stop. */
#define _POSIX_C_SOURCE 200809L

/* clang-format off */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
/* clang-format on */

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "stub_server.h"

struct reply {
  long status;
  CURLcode rc;
  char body[4096];
  size_t len;
  char headers[4096];
  size_t hlen;
};

static size_t on_body(char *d, size_t size, size_t n, void *userp) {
  struct reply *r = userp;
  size_t len = size * n;
  if (r->len + len >= sizeof r->body) len = sizeof r->body - 1 - r->len;
  memcpy(r->body + r->len, d, len);
  r->len += len;
  r->body[r->len] = '\0';
  return size * n;
}

static size_t on_header(char *d, size_t size, size_t n, void *userp) {
  struct reply *r = userp;
  size_t len = size * n;
  if (r->hlen + len >= sizeof r->headers) len = sizeof r->headers - 1 - r->hlen;
  memcpy(r->headers + r->hlen, d, len);
  r->hlen += len;
  r->headers[r->hlen] = '\0';
  return size * n;
}

/* One request; method NULL = GET; body NULL = none; upload_path: multipart field "file". */
static struct reply fetch(const char *url, const char *method, const char *body,
                          const char *upload_path) {
  struct reply r;
  memset(&r, 0, sizeof r);
  CURL *h = curl_easy_init();
  struct curl_slist *hdrs = curl_slist_append(NULL, "X-Test: One");
  hdrs = curl_slist_append(hdrs, "Content-Type: application/json");
  curl_mime *mime = NULL;
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &r);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &r);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 20000L);
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
  if (upload_path) {
    mime = curl_mime_init(h);
    curl_mimepart *part = curl_mime_addpart(mime);
    curl_mime_name(part, "file");
    curl_mime_filedata(part, upload_path);
    curl_mime_filename(part, "data.csv");
    curl_mime_type(part, "text/csv");
    part = curl_mime_addpart(mime);
    curl_mime_name(part, "privacy");
    curl_mime_data(part, "public", CURL_ZERO_TERMINATED);
    curl_easy_setopt(h, CURLOPT_MIMEPOST, mime);
  } else {
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
    if (body) curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
  }
  if (method) curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
  r.rc = curl_easy_perform(h);
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r.status);
  curl_mime_free(mime);
  curl_slist_free_all(hdrs);
  curl_easy_cleanup(h);
  return r;
}

static char *url_of(stub_server *s, const char *rest) {
  static char buf[256];
  snprintf(buf, sizeof buf, "%s%s", stub_base_url(s, "demo"), rest);
  return buf;
}

static int setup(void **state) {
  *state = stub_start();
  return *state ? 0 : -1;
}

static int teardown(void **state) {
  stub_stop(*state);
  return 0;
}

static void test_base_url(void **state) {
  stub_server *s = *state;
  char expected[64];
  assert_true(stub_port(s) > 0);
  snprintf(expected, sizeof expected, "http://127.0.0.1:%d/user/alice/", stub_port(s));
  assert_string_equal(stub_base_url(s, "alice"), expected);
  snprintf(expected, sizeof expected, "http://127.0.0.1:%d/", stub_port(s));
  assert_string_equal(stub_base_url(s, NULL), expected);
}

static void test_scripted_replies_in_order(void **state) {
  stub_server *s = *state;
  stub_push(s, 201, "X-One: 1\r\nRetry-After: 5\nContent-Type: text/plain", "first");
  stub_push(s, 404, NULL, NULL);
  assert_int_equal(stub_pending(s), 2);

  struct reply r = fetch(url_of(s, "api/v1/imports?a=1&b=x%20y&b=2"), NULL, NULL, NULL);
  assert_int_equal(r.rc, CURLE_OK);
  assert_int_equal(r.status, 201);
  assert_string_equal(r.body, "first");
  assert_non_null(strstr(r.headers, "X-One: 1\r\n"));
  assert_non_null(strstr(r.headers, "Retry-After: 5\r\n"));
  assert_non_null(strstr(r.headers, "Content-Type: text/plain"));

  r = fetch(url_of(s, "x"), "DELETE", NULL, NULL);
  assert_int_equal(r.status, 404);
  assert_int_equal(r.len, 0);
  assert_int_equal(stub_pending(s), 0);

  assert_int_equal(stub_request_count(s), 2);
  assert_string_equal(stub_request_method(s, 0), "GET");
  assert_string_equal(stub_request_path(s, 0), "/user/demo/api/v1/imports");
  assert_string_equal(stub_request_query(s, 0), "a=1&b=x%20y&b=2");
  assert_string_equal(stub_request_param(s, 0, "b"), "x y");
  assert_null(stub_request_param(s, 0, "c"));
  assert_string_equal(stub_request_header(s, 0, "x-test"), "One");
  assert_string_equal(stub_request_header(s, 0, "X-TEST"), "One");
  assert_null(stub_request_header(s, 0, "X-Absent"));
  assert_string_equal(stub_request_method(s, 1), "DELETE");
  assert_string_equal(stub_request_query(s, 1), "");
  /* Out of range. */
  assert_null(stub_request_method(s, 2));
  assert_null(stub_request_path(s, 2));
  assert_null(stub_request_body(s, 2));
  assert_int_equal(stub_request_body_length(s, 2), 0);
  assert_int_equal(stub_unexpected(s), 0);
}

static void test_json_body_recorded(void **state) {
  stub_server *s = *state;
  stub_push(s, 200, NULL, "{\"ok\":true}");
  stub_push(s, 200, NULL, "{}");
  struct reply r = fetch(url_of(s, "api/v1/imports"), NULL, "{\"url\":\"https://x/y.csv\"}", NULL);
  assert_int_equal(r.status, 200);
  assert_string_equal(r.body, "{\"ok\":true}");
  assert_non_null(strstr(r.headers, "application/json"));
  r = fetch(url_of(s, "api/v1/synchronizations/1"), "PUT", "{\"interval\":3600}", NULL);
  assert_int_equal(r.status, 200);
  assert_string_equal(stub_request_method(s, 0), "POST");
  assert_string_equal(stub_request_body(s, 0), "{\"url\":\"https://x/y.csv\"}");
  assert_int_equal(stub_request_body_length(s, 0), strlen("{\"url\":\"https://x/y.csv\"}"));
  assert_string_equal(stub_request_method(s, 1), "PUT");
  assert_string_equal(stub_request_body(s, 1), "{\"interval\":3600}");
}

static void test_multipart_reassembled(void **state) {
  stub_server *s = *state;
  char path[] = "/tmp/stub_selftest_XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  FILE *fp = fdopen(fd, "w");
  fputs("name,value\na,1\n", fp);
  fclose(fp);
  stub_push(s, 200, NULL, "{\"success\":true}");
  struct reply r = fetch(url_of(s, "api/v1/imports"), NULL, NULL, path);
  remove(path);
  assert_int_equal(r.status, 200);
  const char *ct = stub_request_header(s, 0, "Content-Type");
  assert_non_null(ct);
  const char *boundary = strstr(ct, "boundary=");
  assert_non_null(boundary);
  boundary += 9;
  char expected[1024];
  snprintf(expected, sizeof expected,
           "--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"data.csv\"\r\n"
           "Content-Type: text/csv\r\n\r\nname,value\na,1\n\r\n"
           "--%s\r\nContent-Disposition: form-data; name=\"privacy\"\r\n\r\npublic\r\n"
           "--%s--\r\n",
           boundary, boundary, boundary);
  assert_string_equal(stub_request_body(s, 0), expected);
}

static void test_empty_queue_is_599(void **state) {
  stub_server *s = *state;
  struct reply r = fetch(url_of(s, "surprise"), NULL, NULL, NULL);
  assert_int_equal(r.status, 599);
  assert_int_equal(r.len, 0);
  assert_int_equal(stub_unexpected(s), 1);
  assert_int_equal(stub_request_count(s), 1); /* recorded all the same */
}

static void test_truncated_and_closed(void **state) {
  stub_server *s = *state;
  stub_push_truncated(s, 200, NULL, "{\"imp", 100);
  stub_push_close(s);
  stub_push(s, 200, NULL, "fine");
  struct reply r = fetch(url_of(s, "a"), NULL, NULL, NULL);
  assert_int_equal(r.rc, CURLE_PARTIAL_FILE);
  assert_int_equal(r.status, 200);
  assert_string_equal(r.body, "{\"imp");
  assert_non_null(strstr(r.headers, "Content-Length: 100"));
  r = fetch(url_of(s, "b"), NULL, NULL, NULL);
  assert_int_equal(r.rc, CURLE_GOT_NOTHING);
  assert_int_equal(r.len + r.hlen, 0);
  r = fetch(url_of(s, "c"), NULL, NULL, NULL);
  assert_int_equal(r.rc, CURLE_OK);
  assert_string_equal(r.body, "fine");
  assert_int_equal(stub_request_count(s), 3);
  assert_string_equal(stub_request_path(s, 1), "/user/demo/b");
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static void test_delay_and_wait(void **state) {
  stub_server *s = *state;
  stub_push_delay(s, 200, NULL, "late", 50);
  struct reply r = fetch(url_of(s, "slow"), NULL, NULL, NULL);
  assert_int_equal(r.rc, CURLE_OK);
  assert_string_equal(r.body, "late");
  assert_int_equal(stub_wait_requests(s, 1, 10), 1);
  assert_int_equal(stub_wait_requests(s, 2, 10), 1); /* times out with what there is */
}

/* A GET that gives up after timeout_ms; returns libcurl's code, the status and the body's size. */
static CURLcode fetch_briefly(const char *url, long timeout_ms, long *status, size_t *len) {
  struct reply r;
  memset(&r, 0, sizeof r);
  CURL *h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &r);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout_ms);
  const CURLcode rc = curl_easy_perform(h);
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, status);
  curl_easy_cleanup(h);
  *len = r.len;
  return rc;
}

/* A reset (not a clean close), a reply that drips until the client leaves, stub_clear(), and
 * stub_start_on() on the port of a stopped stub. */
static void test_reset_drip_clear_restart(void **state) {
  stub_server *s = *state;
  long status = 0;
  size_t len = 0;
  stub_push_reset(s);
  assert_int_equal(fetch_briefly(url_of(s, "reset"), 20000, &status, &len), CURLE_RECV_ERROR);
  assert_int_equal(len, 0);

  stub_push_drip(s, 200, NULL, 100);
  assert_int_equal(fetch_briefly(url_of(s, "drip"), 1000, &status, &len),
                   CURLE_OPERATION_TIMEDOUT);
  assert_int_equal(status, 200);
  assert_true(len >= 1 && len < 20); /* a byte every 100 ms */

  stub_push(s, 200, NULL, "forgotten");
  stub_clear(s);
  assert_int_equal(stub_pending(s), 0);

  const int port = stub_port(s);
  stub_stop(s);
  s = *state = stub_start_on(port);
  assert_non_null(s);
  assert_int_equal(stub_port(s), port);
  stub_push(s, 200, NULL, "again");
  assert_int_equal(fetch_briefly(url_of(s, "restarted"), 20000, &status, &len), CURLE_OK);
  assert_int_equal(len, 5);
}

static void test_stop_interrupts_a_delay(void **state) {
  (void)state;
  stub_server *s = stub_start();
  assert_non_null(s);
  stub_push_delay(s, 200, NULL, "never", 600000);
  /* A client that sends its request and goes away; the stub's handler keeps "sleeping" on the
   * delay. A raw socket, not a client timeout: under valgrind on a busy machine a short timeout
   * could expire before the request is even sent. */
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  assert_true(fd >= 0);
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((uint16_t)stub_port(s));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  assert_int_equal(connect(fd, (struct sockaddr *)&addr, sizeof addr), 0);
  static const char request[] = "GET /user/demo/x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  assert_int_equal(send(fd, request, sizeof request - 1, 0), (ssize_t)(sizeof request - 1));
  assert_int_equal(stub_wait_requests(s, 1, 20000), 1);
  close(fd);
  const double t0 = now_ms();
  stub_stop(s);
  const double elapsed = now_ms() - t0;
  if (elapsed > 60000.0) fail_msg("stub_stop() took %.0f ms", elapsed);
  stub_stop(NULL);
}

int main(void) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
  const struct CMUnitTest tests[] = {
      T(test_base_url),
      T(test_scripted_replies_in_order),
      T(test_json_body_recorded),
      T(test_multipart_reassembled),
      T(test_empty_queue_is_599),
      T(test_truncated_and_closed),
      T(test_delay_and_wait),
      T(test_reset_drip_clear_restart),
      cmocka_unit_test(test_stop_interrupts_a_delay),
  };
  const int failed = cmocka_run_group_tests(tests, NULL, NULL);
  curl_global_cleanup();
  return failed;
}
