/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* carto_import_client_verify() against the loopback stub: the exact request it sends, and the
 * mapping of every error reply. The API key never appears in an error. */
#include <stdio.h>

#include "test_assert.h"
#include "stub_server.h"

/* Distinctive, so that a leak anywhere is found by strstr. */
#define KEY "Zq7-leakcheck-9f8e7d6c5b4a"
#define IMPORTS_OK "{\"imports\":[]}"

struct fixture {
  stub_server *stub;
  carto_import_client *client;
};

static carto_import_client *make_client(stub_server *stub, int auth_mode, const char *suffix,
                                        int attempts) {
  carto_import_options *o = options_for(stub_base_url(stub, "demo"), KEY);
  carto_import_client *c = NULL;
  assert_ok(carto_import_options_set_auth_mode(o, auth_mode));
  assert_ok(carto_import_options_set_retry(o, attempts, 1, 10));
  if (suffix) assert_ok(carto_import_options_set_user_agent_suffix(o, suffix));
  assert_ok(carto_import_client_new(&c, o));
  carto_import_options_free(o);
  return c;
}

static int setup(void **state) {
  struct fixture *f = calloc(1, sizeof *f);
  if (!f) return -1;
  f->stub = stub_start();
  if (!f->stub) return -1;
  f->client = make_client(f->stub, CARTO_IMPORT_AUTH_BASIC, NULL, 1);
  *state = f;
  return 0;
}

static int teardown(void **state) {
  struct fixture *f = *state;
  carto_import_client_free(f->client);
  const int rc = stub_stop_checked(f->stub);
  free(f);
  return rc;
}

static void base64(const char *in, char *out) {
  static const char tbl[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  size_t n = strlen(in), i = 0;
  for (; i + 2 < n; i += 3) {
    const unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8 |
                       (unsigned char)in[i + 2];
    *out++ = tbl[v >> 18 & 63], *out++ = tbl[v >> 12 & 63], *out++ = tbl[v >> 6 & 63],
    *out++ = tbl[v & 63];
  }
  if (n - i == 1) {
    const unsigned v = (unsigned char)in[i] << 16;
    *out++ = tbl[v >> 18 & 63], *out++ = tbl[v >> 12 & 63], *out++ = '=', *out++ = '=';
  } else if (n - i == 2) {
    const unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8;
    *out++ = tbl[v >> 18 & 63], *out++ = tbl[v >> 12 & 63], *out++ = tbl[v >> 6 & 63],
    *out++ = '=';
  }
  *out = '\0';
}

/* ---- the request ------------------------------------------------------------------------ */

static void test_request_basic_auth(void **state) {
  struct fixture *f = *state;
  carto_import_client *c = make_client(f->stub, CARTO_IMPORT_AUTH_BASIC, "mytool/2.0", 1);
  stub_push(f->stub, 200, NULL, IMPORTS_OK);
  assert_ok(carto_import_client_verify(c));
  carto_import_client_free(c);

  assert_int_equal(stub_request_count(f->stub), 1);
  assert_string_equal(stub_request_method(f->stub, 0), "GET");
  assert_string_equal(stub_request_path(f->stub, 0), "/user/demo/api/v1/imports");
  /* The key stays out of the URL by default. */
  assert_string_equal(stub_request_query(f->stub, 0), "");
  assert_null(stub_request_param(f->stub, 0, "api_key"));
  char b64[128], expected[160];
  base64("demo:" KEY, b64);
  snprintf(expected, sizeof expected, "Basic %s", b64);
  assert_string_equal(stub_request_header(f->stub, 0, "Authorization"), expected);
  snprintf(expected, sizeof expected, "libcarto_import/%s mytool/2.0", carto_import_version());
  assert_string_equal(stub_request_header(f->stub, 0, "user-agent"), expected);
  assert_string_equal(stub_request_header(f->stub, 0, "USER-AGENT"), expected);
  assert_string_equal(stub_request_header(f->stub, 0, "Accept"), "application/json");
  assert_string_equal(stub_request_body(f->stub, 0), "");
}

static void test_request_query_auth(void **state) {
  struct fixture *f = *state;
  carto_import_client *c = make_client(f->stub, CARTO_IMPORT_AUTH_QUERY, NULL, 1);
  stub_push(f->stub, 200, NULL, IMPORTS_OK);
  assert_ok(carto_import_client_verify(c));
  carto_import_client_free(c);

  assert_string_equal(stub_request_path(f->stub, 0), "/user/demo/api/v1/imports");
  assert_string_equal(stub_request_query(f->stub, 0), "api_key=" KEY);
  assert_string_equal(stub_request_param(f->stub, 0, "api_key"), KEY);
  assert_null(stub_request_header(f->stub, 0, "Authorization"));
  /* No suffix: the bare library identifier. */
  char expected[64];
  snprintf(expected, sizeof expected, "libcarto_import/%s", carto_import_version());
  assert_string_equal(stub_request_header(f->stub, 0, "User-Agent"), expected);
}

static void test_query_key_is_encoded(void **state) {
  struct fixture *f = *state;
  carto_import_options *o = NULL;
  carto_import_client *c = NULL;
  assert_ok(carto_import_options_new(&o));
  assert_ok(carto_import_options_set_base_url(o, stub_base_url(f->stub, "demo")));
  assert_ok(carto_import_options_set_api_key(o, "k&y=1 2+"));
  assert_ok(carto_import_options_set_auth_mode(o, CARTO_IMPORT_AUTH_QUERY));
  assert_ok(carto_import_client_new(&c, o));
  carto_import_options_free(o);
  stub_push(f->stub, 200, NULL, IMPORTS_OK);
  assert_ok(carto_import_client_verify(c));
  carto_import_client_free(c);
  assert_string_equal(stub_request_query(f->stub, 0), "api_key=k%26y%3D1%202%2B");
  assert_string_equal(stub_request_param(f->stub, 0, "api_key"), "k&y=1 2+");
}

/* A connector job sends the connector as given (unwrapped from {"connector": ...}), then the
 * parameters, in one JSON body. */
static void test_request_connector_body(void **state) {
  struct fixture *f = *state;
  const char *connection = "{\"server\":\"db\",\"port\":5432,\"password\":\"pw-7e3a\"}";
  char wrapped[256], expected[320];
  snprintf(wrapped, sizeof wrapped,
           " {\"connector\": {\"provider\": \"postgres\", \"connection\": %s, "
           "\"table\": \"roads\"}}", connection);
  carto_import_params *p = NULL;
  assert_ok(carto_import_params_new(&p));
  assert_ok(carto_import_params_set_type_guessing(p, 0));
  carto_import_job *job = NULL;
  assert_ok(carto_import_job_new_connector(&job, f->client, wrapped, p));
  carto_import_params_free(p);
  stub_push(f->stub, 200, NULL,
            "{\"item_queue_id\":\"11111111-2222-3333-4444-555555555555\",\"success\":true}");
  assert_ok(carto_import_job_run(job, NULL, NULL));
  carto_import_job_free(job);

  assert_string_equal(stub_request_method(f->stub, 0), "POST");
  assert_string_equal(stub_request_path(f->stub, 0), "/user/demo/api/v1/imports");
  assert_string_equal(stub_request_header(f->stub, 0, "Content-Type"), "application/json");
  snprintf(expected, sizeof expected,
           "{\"connector\":{\"provider\":\"postgres\",\"connection\":%s,\"table\":\"roads\"},"
           "\"type_guessing\":false}", connection);
  assert_string_equal(stub_request_body(f->stub, 0), expected);
}

static void test_org_url_path(void **state) {
  struct fixture *f = *state;
  carto_import_options *o = NULL;
  carto_import_client *c = NULL;
  char url[128];
  snprintf(url, sizeof url, "http://127.0.0.1:%d/u/alice", stub_port(f->stub));
  assert_ok(carto_import_options_new(&o));
  assert_ok(carto_import_options_set_base_url(o, url));
  assert_ok(carto_import_options_set_api_key(o, KEY));
  assert_ok(carto_import_client_new(&c, o));
  carto_import_options_free(o);
  assert_string_equal(carto_import_client_username(c), "alice");
  stub_push(f->stub, 200, NULL, "{\"imports\":[\"5d1bb5a2-7a72-11e7-9d89-0242ac110004\"]}");
  assert_ok(carto_import_client_verify(c));
  carto_import_client_free(c);
  assert_string_equal(stub_request_path(f->stub, 0), "/u/alice/api/v1/imports");
  char b64[128], expected[160];
  base64("alice:" KEY, b64);
  snprintf(expected, sizeof expected, "Basic %s", b64);
  assert_string_equal(stub_request_header(f->stub, 0, "Authorization"), expected);
}

/* ---- error replies ---------------------------------------------------------------------- */

static void test_401_empty(void **state) {
  struct fixture *f = *state;
  stub_push(f->stub, 401, NULL, NULL);
  assert_status(carto_import_client_verify(f->client), CARTO_IMPORT_EAUTH);
  assert_int_equal(carto_import_last_error_code(), CARTO_IMPORT_EAUTH);
  assert_int_equal(carto_import_last_error_http_status(), 401);
  assert_null(carto_import_last_error_remote_explanation());
  assert_int_equal(carto_import_last_error_retry_after(), -1);
  assert_contains(carto_import_last_error_message(), "GET api/v1/imports: HTTP 401");
  assert_contains(carto_import_last_error_message(), "master API key");
  assert_no_key_in_last_error(KEY);
  assert_int_equal(stub_request_count(f->stub), 1);
}

static void test_403_and_404(void **state) {
  struct fixture *f = *state;
  stub_push(f->stub, 403, NULL, NULL);
  assert_status(carto_import_client_verify(f->client), CARTO_IMPORT_EFORBIDDEN);
  assert_int_equal(carto_import_last_error_http_status(), 403);
  assert_no_key_in_last_error(KEY);

  stub_push(f->stub, 403, NULL, "{\"error\":\"unverified\"}");
  assert_status(carto_import_client_verify(f->client), CARTO_IMPORT_EFORBIDDEN);
  assert_string_equal(carto_import_last_error_remote_explanation(), "unverified");

  stub_push(f->stub, 404, NULL, NULL);
  assert_status(carto_import_client_verify(f->client), CARTO_IMPORT_ENOTFOUND);
  assert_int_equal(carto_import_last_error_http_status(), 404);
  assert_null(carto_import_last_error_remote_explanation());
  assert_contains(carto_import_last_error_message(), "base URL");
  assert_no_key_in_last_error(KEY);

  stub_push(f->stub, 404, NULL, "{\"status\":404,\"error\":\"Not Found\"}");
  assert_status(carto_import_client_verify(f->client), CARTO_IMPORT_ENOTFOUND);
  assert_string_equal(carto_import_last_error_remote_explanation(), "Not Found");
}

static void test_429_rate_limited(void **state) {
  struct fixture *f = *state;
  stub_push(f->stub, 429,
            "Retry-After: 7\nCarto-Rate-Limit-Limit: 10\nCarto-Rate-Limit-Remaining: 0\n"
            "Carto-Rate-Limit-Reset: 12",
            "{\"errors\":[\"You are over platform's limits: too many requests.\"],"
            "\"errors_with_context\":[{\"type\":\"limit\",\"subtype\":\"rate-limit\","
            "\"message\":\"You are over platform's limits: too many requests.\"}]}");
  assert_status(carto_import_client_verify(f->client), CARTO_IMPORT_ERATELIMIT);
  assert_int_equal(carto_import_last_error_http_status(), 429);
  assert_int_equal(carto_import_last_error_retry_after(), 7);
  assert_rate_limit(10, 0, 12);
  assert_string_equal(carto_import_last_error_remote_explanation(),
                      "You are over platform's limits: too many requests.");
  assert_contains(carto_import_last_error_message(), "retry after 7 s");
  assert_no_key_in_last_error(KEY);
}

static void test_429_import_slots(void **state) {
  struct fixture *f = *state;
  /* The Import API's own 429: no Retry-After, no rate-limit headers. */
  stub_push(f->stub, 429, NULL,
            "{\"errors\":{\"imports\":\"We're sorry but you're already using your allowed 4 "
            "import slots\"}}");
  assert_status(carto_import_client_verify(f->client), CARTO_IMPORT_ERATELIMIT);
  assert_int_equal(carto_import_last_error_retry_after(), -1);
  long limit = 0;
  assert_int_equal(carto_import_last_error_rate_limit(&limit, NULL, NULL), 0);
  assert_int_equal(limit, -1);
  assert_contains(carto_import_last_error_remote_explanation(), "4 import slots");
  assert_contains(carto_import_last_error_message(), "wait for running imports");
}

static void test_500_rails(void **state) {
  struct fixture *f = *state;
  stub_push(f->stub, 500, NULL, "{\"status\":500,\"error\":\"Internal Server Error\"}");
  assert_status(carto_import_client_verify(f->client), CARTO_IMPORT_ESERVER);
  assert_int_equal(carto_import_last_error_http_status(), 500);
  assert_string_equal(carto_import_last_error_remote_explanation(), "Internal Server Error");
  assert_contains(carto_import_last_error_message(), "server said: Internal Server Error");
  assert_not_contains(carto_import_last_error_message(), "gave up"); /* one attempt only */
  assert_no_key_in_last_error(KEY);
}

static void test_502_html(void **state) {
  struct fixture *f = *state;
  stub_push(f->stub, 502, "Content-Type: text/html",
            "<html><head><title>502 Bad Gateway</title></head></html>");
  assert_status(carto_import_client_verify(f->client), CARTO_IMPORT_ESERVER);
  assert_int_equal(carto_import_last_error_http_status(), 502);
  assert_contains(carto_import_last_error_remote_explanation(), "non-JSON reply: <html>");
  assert_contains(carto_import_last_error_remote_explanation(), "502 Bad Gateway");
  assert_no_key_in_last_error(KEY);
}

static void test_400_bad_request(void **state) {
  struct fixture *f = *state;
  stub_push(f->stub, 400, NULL, "{\"errors\":{\"callback\":\"Invalid callback format\"}}");
  assert_status(carto_import_client_verify(f->client), CARTO_IMPORT_EBADREQUEST);
  assert_int_equal(carto_import_last_error_http_status(), 400);
  assert_string_equal(carto_import_last_error_remote_explanation(), "Invalid callback format");
  assert_no_key_in_last_error(KEY);
}

static void test_redirect_not_followed(void **state) {
  struct fixture *f = *state;
  char location[128];
  snprintf(location, sizeof location, "Location: http://127.0.0.1:%d/elsewhere/",
           stub_port(f->stub));
  stub_push(f->stub, 302, location, NULL);
  assert_status(carto_import_client_verify(f->client), CARTO_IMPORT_EHTTP);
  assert_int_equal(carto_import_last_error_http_status(), 302);
  assert_contains(carto_import_last_error_message(), "/elsewhere/");
  assert_int_equal(stub_request_count(f->stub), 1); /* the key went nowhere else */
}

static void test_200_not_json(void **state) {
  struct fixture *f = *state;
  stub_push(f->stub, 200, "Content-Type: text/html", "<html>Welcome to nginx!</html>");
  assert_status(carto_import_client_verify(f->client), CARTO_IMPORT_EPROTOCOL);
  assert_contains(carto_import_last_error_message(), "not a JSON object");
  assert_contains(carto_import_last_error_message(), "CARTO server");
  assert_no_key_in_last_error(KEY);

  stub_push(f->stub, 200, NULL, "{\"imports\":[");
  assert_status(carto_import_client_verify(f->client), CARTO_IMPORT_EPROTOCOL);
  stub_push(f->stub, 200, NULL, "[]");
  assert_status(carto_import_client_verify(f->client), CARTO_IMPORT_EPROTOCOL);
}

static void test_200_without_imports(void **state) {
  struct fixture *f = *state;
  const char *bodies[] = {"{}", "{\"imports\":{}}", "{\"imports\":null}",
                          "{\"imports\":\"x\"}", "{\"visualizations\":[]}", NULL};
  for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; ++i) {
    stub_push(f->stub, 200, NULL, bodies[i]);
    assert_status(carto_import_client_verify(f->client), CARTO_IMPORT_EPROTOCOL);
    assert_contains(carto_import_last_error_message(), "imports");
    assert_no_key_in_last_error(KEY);
  }
  stub_push(f->stub, 204, NULL, NULL);
  assert_status(carto_import_client_verify(f->client), CARTO_IMPORT_EPROTOCOL);
}

/* ---- the key never appears -------------------------------------------------------------- */

static void test_key_echoed_by_server_is_redacted(void **state) {
  struct fixture *f = *state;
  stub_push(f->stub, 400, NULL, "{\"error\":\"api key " KEY " is not valid\"}");
  assert_status(carto_import_client_verify(f->client), CARTO_IMPORT_EBADREQUEST);
  assert_no_key_in_last_error(KEY);
  assert_contains(carto_import_last_error_remote_explanation(), "api key [REDACTED] is not");

  stub_push(f->stub, 500, "Content-Type: text/html", "<pre>params: {api_key: " KEY "}</pre>");
  assert_status(carto_import_client_verify(f->client), CARTO_IMPORT_ESERVER);
  assert_no_key_in_last_error(KEY);

  stub_push(f->stub, 301, "Location: https://demo.carto.com/api/v1/imports?api_key=" KEY, NULL);
  assert_status(carto_import_client_verify(f->client), CARTO_IMPORT_EHTTP);
  assert_no_key_in_last_error(KEY);
  assert_contains(carto_import_last_error_message(), "api_key=[REDACTED]");

  stub_push(f->stub, 403, NULL, "{\"errors\":[\"Authorization: Basic ZGVtbzpabzc=\"]}");
  assert_status(carto_import_client_verify(f->client), CARTO_IMPORT_EFORBIDDEN);
  assert_not_contains(carto_import_last_error_remote_explanation(), "ZGVtbzpabzc=");
}

static void test_key_never_in_errors_query_mode(void **state) {
  struct fixture *f = *state;
  carto_import_client *c = make_client(f->stub, CARTO_IMPORT_AUTH_QUERY, NULL, 1);
  const int statuses[] = {401, 403, 404, 429, 500, 502, 503, 418};
  for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; ++i) {
    stub_push(f->stub, statuses[i], NULL, NULL);
    assert_true(carto_import_client_verify(c) < 0);
    assert_int_equal(carto_import_last_error_http_status(), statuses[i]);
    assert_no_key_in_last_error(KEY);
  }
  stub_push(f->stub, 200, NULL, "not json " KEY);
  assert_status(carto_import_client_verify(c), CARTO_IMPORT_EPROTOCOL);
  assert_no_key_in_last_error(KEY);
  carto_import_client_free(c);
}

int main(void) {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
  const struct CMUnitTest tests[] = {
      T(test_request_basic_auth),
      T(test_request_query_auth),
      T(test_query_key_is_encoded),
      T(test_request_connector_body),
      T(test_org_url_path),
      T(test_401_empty),
      T(test_403_and_404),
      T(test_429_rate_limited),
      T(test_429_import_slots),
      T(test_500_rails),
      T(test_502_html),
      T(test_400_bad_request),
      T(test_redirect_not_followed),
      T(test_200_not_json),
      T(test_200_without_imports),
      T(test_key_echoed_by_server_is_redacted),
      T(test_key_never_in_errors_query_mode),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
