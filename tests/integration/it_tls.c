/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* TLS end to end: carto-import-server with --tls-cert/--tls-key and certificates from a
 * throwaway CA made at test time (tests/support/make_tls_certs.sh, the openssl command).
 * An unknown CA and a certificate for another host are CARTO_IMPORT_ETLS naming the cause; the
 * CA bundle option makes the first succeed; verify_tls(0) connects to either. */
#include "it_support.h"

static char *certs; /* the directory of make_tls_certs.sh's files */

static char *cert_path(const char *name) {
  static char path[512];
  snprintf(path, sizeof path, "%s/%s", certs, name);
  return path;
}

/* The server flags of each certificate (DIR/NAME.pem and DIR/NAME.key), filled in by
 * make_certs before the tests run: the fixtures' prestates. */
static char pem[2][600], key[2][600];
static const char *server_flags[] = {"--tls-cert", pem[0], "--tls-key", key[0], NULL};
static const char *other_flags[] = {"--tls-cert", pem[1], "--tls-key", key[1], NULL};

static int make_certs(void **state) {
  (void)state;
  const char *script = getenv("CARTO_IT_MAKE_CERTS");
  if (!script || !*script) fail_msg("CARTO_IT_MAKE_CERTS is not set (make_tls_certs.sh)");
  certs = it_tmpdir();
  char cmd[1024];
  snprintf(cmd, sizeof cmd, "sh '%s' '%s'", script, certs);
  if (system(cmd) != 0) fail_msg("%s failed (is the openssl command installed?)", cmd);
  const char *names[] = {"server", "other"};
  for (int i = 0; i < 2; ++i) {
    snprintf(pem[i], sizeof pem[i], "%s.pem", cert_path(names[i]));
    snprintf(key[i], sizeof key[i], "%s.key", cert_path(names[i]));
  }
  return 0;
}

static int remove_certs(void **state) {
  (void)state;
  it_rm_rf(certs);
  free(certs);
  return 0;
}

/* The fixture of a test: its TLS server, a client with the default options, a directory. */
static it_fixture *tls_fixture(void **state) {
  it_fixture *fx = *state;
  assert_contains(fx->srv->base_url, "https://127.0.0.1:");
  return fx;
}

/* A client of s that trusts the CA certificates in DIR/ca_file. */
static carto_import_client *client_trusting(const it_server *s, const char *ca_file) {
  carto_import_options *opts = it_options(s);
  assert_ok(carto_import_options_set_ca_bundle(opts, cert_path(ca_file)));
  return it_client_from(opts);
}

static void test_unknown_ca_is_etls(void **state) {
  it_fixture *fx = tls_fixture(state);
  assert_status(carto_import_client_verify(fx->client), CARTO_IMPORT_ETLS);
  /* libcurl's words for the cause, then what to do. */
  assert_contains(carto_import_last_error_message(), "unable to get local issuer certificate");
  assert_contains(carto_import_last_error_message(), "CA bundle");
}

static void test_ca_bundle_imports_lists_gets(void **state) {
  it_fixture *fx = tls_fixture(state);
  carto_import_client *client = client_trusting(fx->srv, "ca.pem");
  assert_ok(carto_import_client_verify(client));

  char *path = it_write_csv(fx->dir, "over_tls.csv", 5);
  carto_import_dataset_list *imported = NULL, *all = NULL;
  carto_import_dataset *ds = NULL;
  assert_ok(carto_import_dataset_create(&imported, client, path, NULL, 60000, NULL, NULL));
  assert_int_equal(carto_import_dataset_list_count(imported), 1);
  assert_ok(carto_import_dataset_list_all(&all, client));
  assert_int_equal(carto_import_dataset_list_count(all), 1);
  assert_ok(carto_import_dataset_get(&ds, client, "over_tls"));
  assert_int_equal(carto_import_dataset_get_int(ds, "row_count", -1), 5);

  carto_import_dataset_free(ds);
  carto_import_dataset_list_free(all);
  carto_import_dataset_list_free(imported);
  free(path);
  carto_import_client_free(client);
}

static void test_missing_ca_bundle_is_etls(void **state) {
  it_fixture *fx = tls_fixture(state);
  carto_import_client *client = client_trusting(fx->srv, "no-such-ca.pem");
  assert_status(carto_import_client_verify(client), CARTO_IMPORT_ETLS);
  carto_import_client_free(client);
}

static void test_other_host_is_etls_even_with_the_ca(void **state) {
  it_fixture *fx = tls_fixture(state);
  carto_import_client *client = client_trusting(fx->srv, "ca.pem");
  assert_status(carto_import_client_verify(client), CARTO_IMPORT_ETLS);
  assert_contains(carto_import_last_error_message(), "host name");
  carto_import_client_free(client);
}

/* Run with either certificate. */
static void test_verify_off_connects(void **state) {
  it_fixture *fx = tls_fixture(state);
  carto_import_options *opts = it_options(fx->srv);
  assert_ok(carto_import_options_set_verify_tls(opts, 0));
  carto_import_client *client = it_client_from(opts);
  assert_ok(carto_import_client_verify(client));
  carto_import_client_free(client);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      IT_TEST_WITH(test_unknown_ca_is_etls, server_flags),
      IT_TEST_WITH(test_ca_bundle_imports_lists_gets, server_flags),
      IT_TEST_WITH(test_missing_ca_bundle_is_etls, server_flags),
      IT_TEST_WITH(test_other_host_is_etls_even_with_the_ca, other_flags),
      IT_TEST_WITH(test_verify_off_connects, server_flags),
      IT_TEST_WITH(test_verify_off_connects, other_flags),
  };
  return cmocka_run_group_tests(tests, make_certs, remove_certs);
}
