/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* No secret in any message: the API key and a connector's password run through every failure
 * path of the C API (local refusals, server errors that echo them, failed jobs whose error text
 * quotes them) and never appear in any part of the last error. The server is the scripted stub,
 * so that it can echo what a careless server would. (The fault matrix checks every operation x
 * fault for the same two secrets.) */
#include "it_support.h"
#include "stub_server.h"

#define PW "Pw-5r4e-SECRET-c"
#define ID "11111111-2222-3333-4444-555555555555"
#define BASIC "ZGVtbzppdC1LM3ktOWY4ZTdkNmM1YjRhLXMzY3IzdA==" /* demo:IT_API_KEY */
#define CONNECTOR "{\"provider\":\"postgres\",\"connection\":{\"password\":\"" PW "\"},\"table\":\"t\"}"

/* Every string of the last error, none holding a secret. */
static void assert_no_secret(void) {
  assert_no_key_in_last_error(IT_API_KEY);
  assert_no_key_in_last_error(PW);
  assert_no_key_in_last_error(BASIC);
}

/* Replies that echo the secrets, as a careless server or proxy would. */
static const char *const kEchoes[] = {
    "{\"errors\":{\"imports\":\"bad connector " "{\\\"connection\\\":{\\\"password\\\":\\\"" PW
    "\\\"}} for api_key=" IT_API_KEY "\"}}",
    "{\"error\":\"Authorization: Basic " BASIC " refused\"}",
    "{\"errors\":[\"apiKey: " IT_API_KEY ", source ftp://u:" PW "@db/x\"]}",
    "<html>api_key=" IT_API_KEY "&password=" PW "</html>",
};

static void test_local_refusals(void **state) {
  (void)state;
  stub_server *s = stub_start();
  assert_non_null(s);
  carto_import_client *client = it_client_from(options_for(stub_base_url(s, IT_USER), IT_API_KEY));
  carto_import_dataset_list *list = NULL;
  carto_import_job *job = NULL;
  carto_import_sync *sync = NULL;
  carto_import_options *opts = NULL;
  assert_ok(carto_import_options_new(&opts));

  /* A connector after white space is a connector, never taken for a path and quoted. */
  assert_status(carto_import_dataset_create(&list, client, "  \n\t{\"connection\":{\"password\":\""
                                            PW "\"}", NULL, 1000, NULL, NULL),
                CARTO_IMPORT_EINVAL);
  assert_no_secret();
  assert_status(carto_import_dataset_create_sync(&list, client, " {\"password\":\"" PW "\"}", 900,
                                                 NULL, 1000, NULL, NULL),
                CARTO_IMPORT_EINVAL);
  assert_no_secret();
  /* URLs with credentials and schemes no server fetches. */
  assert_status(carto_import_dataset_create(&list, client, "gopher://u:" PW "@h/x", NULL, 1000,
                                            NULL, NULL),
                CARTO_IMPORT_EIO);
  assert_no_secret();
  assert_status(carto_import_job_new_url(&job, client, "gopher://u:" PW "@h/x", NULL),
                CARTO_IMPORT_EINVAL);
  assert_no_secret();
  assert_status(carto_import_sync_create(&sync, client, "gopher://u:" PW "@h/x", 900, NULL),
                CARTO_IMPORT_EINVAL);
  assert_no_secret();
  assert_status(carto_import_options_set_base_url(opts, "https://u:" PW "@h.carto.com/"),
                CARTO_IMPORT_EINVAL);
  assert_no_secret();
  assert_status(carto_import_job_attach(&job, client, IT_API_KEY), CARTO_IMPORT_EINVAL);
  assert_no_secret();
  assert_status(carto_import_dataset_get(NULL, client, IT_API_KEY), CARTO_IMPORT_EINVAL);
  assert_no_secret();
  assert_int_equal(stub_request_count(s), 0);

  carto_import_options_free(opts);
  carto_import_client_free(client);
  stub_stop(s);
}

static void test_server_echoes(void **state) {
  (void)state;
  stub_server *s = stub_start();
  assert_non_null(s);
  carto_import_options *opts = options_for(stub_base_url(s, IT_USER), IT_API_KEY);
  assert_ok(carto_import_options_set_retry(opts, 1, 20, 20));
  carto_import_client *client = it_client_from(opts);
  const int statuses[] = {400, 500, 200, 403};
  for (size_t i = 0; i < sizeof kEchoes / sizeof kEchoes[0]; ++i) {
    carto_import_dataset_list *list = NULL;
    carto_import_sync *sync = NULL;
    stub_push(s, statuses[i], NULL, kEchoes[i]);
    assert_true(carto_import_dataset_create(&list, client, " " CONNECTOR, NULL, 5000, NULL,
                                            NULL) < 0);
    assert_no_secret();
    stub_push(s, statuses[i], NULL, kEchoes[i]);
    assert_true(carto_import_sync_create_connector(&sync, client, "\n" CONNECTOR, 900, NULL) < 0);
    assert_no_secret();
    stub_push(s, statuses[i], NULL, kEchoes[i]);
    assert_true(carto_import_client_verify(client) < 0);
    assert_no_secret();
  }

  /* The key passed where a name goes (local refusals above stop at the NULL out first): the
   * library quotes a name it did not find, and the server echoes it. */
  carto_import_dataset *ds = NULL;
  stub_push(s, 404, NULL, "{\"errors\":\"Visualization " IT_API_KEY " not found\"}");
  assert_status(carto_import_dataset_get(&ds, client, IT_API_KEY), CARTO_IMPORT_ENOTFOUND);
  assert_no_secret();

  /* A failed job whose error text quotes the secrets, title, explanation and source. */
  stub_push(s, 200, NULL, "{\"item_queue_id\":\"" ID "\",\"success\":true}");
  stub_push(s, 200, NULL,
            "{\"id\":\"" ID "\",\"state\":\"failure\",\"success\":false,\"error_code\":1500,"
            "\"get_error_text\":{\"title\":\"api_key=" IT_API_KEY "\",\"what_about\":"
            "\"cannot connect with password " PW " (\\\"password\\\":\\\"" PW "\\\")\","
            "\"source\":\"Basic " BASIC "\"}}");
  carto_import_dataset_list *list = NULL;
  assert_status(carto_import_dataset_create(&list, client, "\r\n" CONNECTOR, NULL, 5000, NULL,
                                            NULL),
                CARTO_IMPORT_EREMOTE);
  assert_no_secret(); /* the password in prose too: the client knows its connectors' */
  assert_contains(carto_import_last_error_remote_source(), "Basic [REDACTED]");
  assert_contains(carto_import_last_error_remote_explanation(), "\"password\":\"[REDACTED]\"");
  assert_int_equal(stub_unexpected(s), 0);
  carto_import_client_free(client);
  stub_stop(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_local_refusals),
      cmocka_unit_test(test_server_echoes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
