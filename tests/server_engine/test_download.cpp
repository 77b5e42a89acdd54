// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// download() against a local HTTP server (http_fixture.py): status codes, redirects, schemes,
// limits, conditional requests, checksums and file names. fetch_database()'s failures (its
// successes need a PostgreSQL server: tests/server/test_connectors.py).
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <functional>

#include "engine_test.hpp"
#include "importer/importer.hpp"

using cis::DownloadRequest;
using cis::DownloadResult;

namespace {

// The fixture server, started once for the whole group.
pid_t server_pid = -1;
std::string base;

int start_server(void **) {
  const char *python = getenv("CIS_TEST_PYTHON");
  const char *script = SOURCE_DIR "/http_fixture.py";
  int fds[2];
  if (pipe(fds) != 0) return -1;
  server_pid = fork();
  if (server_pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    execlp(python && *python ? python : "python3", "python3", script, static_cast<char *>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  FILE *out = fdopen(fds[0], "r");
  int port = 0;
  bool ok = out && std::fscanf(out, "%d", &port) == 1 && port > 0;
  if (out) std::fclose(out);
  base = "http://127.0.0.1:" + std::to_string(port);
  return ok ? 0 : -1;
}

int stop_server(void **) {
  if (server_pid > 0) {
    kill(server_pid, SIGTERM);
    waitpid(server_pid, nullptr, 0);
  }
  return 0;
}

DownloadResult get(const std::string &url, const std::function<void(DownloadRequest &)> &tweak = {}) {
  static TempDir dir;
  DownloadRequest r;
  r.url = url;
  r.dest_dir = dir / "downloads";
  r.timeout_seconds = 10;
  r.allow_private = true;  // http_fixture.py listens on loopback, on a port of its choice
  r.allowed_ports.clear();
  if (tweak) tweak(r);
  return cis::download(r);
}

}  // namespace

static void test_download_ok(void **) {
  DownloadResult r = get(base + "/data.csv");
  assert_int_equal(r.error_code, 0);
  assert_int_equal(r.http_status, 200);
  assert_false(r.not_modified);
  assert_str(r.file_name, "data.csv");
  assert_str(read_file(r.path), "name,n\na,1\n");
  assert_str(r.etag, "\"v1\"");
  assert_str(r.last_modified, "Wed, 21 Oct 2015 07:28:00 GMT");
  // sha256("name,n\na,1\n")
  assert_str(r.checksum, "813ce090180e354f59fd4e90b8822a655f917c7f78c049b613c77097da255aeb");
}

static void test_download_conditional(void **) {
  DownloadResult r = get(base + "/data.csv", [](DownloadRequest &q) { q.if_none_match = "\"v1\""; });
  assert_int_equal(r.error_code, 0);
  assert_int_equal(r.http_status, 304);
  assert_true(r.not_modified);
  assert_str(r.path, "");
  assert_str(r.etag, "\"v1\"");
  r = get(base + "/data.csv", [](DownloadRequest &q) {
    q.if_modified_since = "Wed, 21 Oct 2015 07:28:00 GMT";
  });
  assert_true(r.not_modified);
  assert_str(r.last_modified, "Wed, 21 Oct 2015 07:28:00 GMT");
  r = get(base + "/data.csv", [](DownloadRequest &q) { q.if_none_match = "\"old\""; });
  assert_false(r.not_modified);
  assert_int_equal(r.http_status, 200);
}

static void test_download_errors(void **) {
  DownloadResult r = get(base + "/missing");
  assert_int_equal(r.error_code, 1100);
  assert_int_equal(r.http_status, 404);
  assert_int_equal(get(base + "/private").error_code, 1101);
  assert_int_equal(get(base + "/forbidden").error_code, 1101);
  r = get(base + "/error");
  assert_int_equal(r.error_code, 1001);
  assert_int_equal(r.http_status, 500);
  assert_int_equal(get(base + "/loop").error_code, 1001);      // more than 5 redirects
  assert_int_equal(get(base + "/to-file").error_code, 1001);   // redirect to a refused scheme
  assert_int_equal(get("file:///etc/passwd").error_code, 1001);
  assert_int_equal(get("gopher://127.0.0.1/").error_code, 1001);
  assert_int_equal(get(base + "/data.csv", [](DownloadRequest &q) { q.allowed_schemes = {"https"}; }).error_code, 1001);
  assert_int_equal(get("http://cis-test-host.invalid/x.csv").error_code, 1102);
  assert_int_equal(get(base + "/slow", [](DownloadRequest &q) { q.timeout_seconds = 1; }).error_code, 1020);
  assert_int_equal(get(base + "/big", [](DownloadRequest &q) { q.max_bytes = 1 << 20; }).error_code, 6666);
  assert_int_equal(get(base + "/big-unsized", [](DownloadRequest &q) { q.max_bytes = 1 << 20; }).error_code, 6666);
  assert_int_equal(get(base + "/big-unsized").error_code, 0);
}

// Production's rules (--allow-private-urls off): the address connected to is checked, whatever
// name led there, and a redirect's port before it is followed.
static void test_download_production_rules(void **) {
  const long port = std::strtol(base.substr(base.rfind(':') + 1).c_str(), nullptr, 10);
  auto public_only = [port](DownloadRequest &q) {
    q.allow_private = false;
    q.allowed_ports = {port};
  };
  for (const char *host : {"127.0.0.1", "localhost"}) {  // a name resolving to loopback: DNS rebinding
    DownloadResult r = get(std::string("http://") + host + ":" + std::to_string(port) + "/data.csv", public_only);
    assert_int_equal(r.error_code, 1001);
    assert_true(r.detail.find("refused") == 0);
  }
  auto any_address = [port](DownloadRequest &q) { q.allowed_ports = {port}; };
  assert_int_equal(get(base + "/data.csv", any_address).error_code, 0);
  DownloadResult r = get(base + "/to-other-port", any_address);
  assert_int_equal(r.error_code, 1001);
  assert_true(r.detail.find("refused") == 0);  // not "could not connect": never tried
  r = get(base + "/data.csv", [](DownloadRequest &q) { q.allowed_ports = {21, 80, 443}; });
  assert_int_equal(r.error_code, 1001);
  assert_true(r.detail.find("refused") == 0);
}

static void test_download_file_names(void **) {
  DownloadResult r = get(base + "/redirect");
  assert_int_equal(r.error_code, 0);
  assert_str(r.file_name, "redirect");  // the URL the user gave names the file
  assert_str(get(base + "/disposition").file_name, "report 2020.csv");
  assert_str(get(base + "/disposition-star").file_name, "caf\xC3\xA9.csv");
  assert_str(get(base + "/dir/name%20with%20spaces.csv").file_name, "name with spaces.csv");
  assert_str(get(base + "/api/v2/sql?q=select+1&filename=tornado&format=GPKG").file_name, "tornado.gpkg");
  assert_str(get(base + "/api/v2/sql?q=select+1&format=csv").file_name, "sql.csv");
  assert_str(get(base + "/noext").file_name, "noext.csv");
  assert_str(get(base + "/").file_name, "download");
  assert_str(get(base + "/dir/").file_name, "dir");  // trailing '/'s ignored, as in display_name
  r = get(base + "/..%2F..%2Fetc%2Fpasswd.csv");  // decoded slashes never leave dest_dir
  assert_str(r.file_name, "passwd.csv");
}

namespace {

// A loopback port nothing listens on.
int closed_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
  getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
  close(fd);
  return ntohs(a.sin_port);
}

void test_database_failures(void **) {
  TempDir dir;
  cis::DatabaseRequest req;
  req.host = "127.0.0.1";
  req.port = closed_port();
  req.database = "gis";
  req.username = "u";
  req.password = "it's a \\ secret";  // quoted for libpq, never in a message
  req.sslmode = "disable";
  req.table = "roads";
  req.name = "roads";
  req.dest_dir = dir.path();
  req.connect_timeout_seconds = 2;
  cis::DatabaseResult r = cis::fetch_database(req);
  assert_int_equal(r.error_code, 1500);
  assert_true(r.detail.find("cannot connect") != std::string::npos);
  assert_true(r.detail.find("secret") == std::string::npos);
  assert_true(r.checksum.empty());
  req.host = "no-such-host.invalid";
  r = cis::fetch_database(req);
  assert_int_equal(r.error_code, 1500);
  assert_true(r.detail.find("secret") == std::string::npos);
}

}  // namespace

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_database_failures),
      cmocka_unit_test(test_download_ok),
      cmocka_unit_test(test_download_conditional),
      cmocka_unit_test(test_download_errors),
      cmocka_unit_test(test_download_production_rules),
      cmocka_unit_test(test_download_file_names),
  };
  return cmocka_run_group_tests(tests, start_server, stop_server);
}
