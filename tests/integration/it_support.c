/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* Support for the integration tests: servers, test hooks, clients, files. See it_support.h. */
#define _GNU_SOURCE /* pipe2, O_CLOEXEC */
#include "it_support.h"

#include <cjson/cJSON.h>
#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* ---- misc ------------------------------------------------------------------------------------ */

void it_sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
}

static char *xstrdup(const char *s) {
  char *d = strdup(s);
  if (!d) fail_msg("out of memory");
  return d;
}

static char *path_join(const char *dir, const char *name) {
  const size_t n = strlen(dir) + strlen(name) + 2;
  char *p = malloc(n);
  if (!p) fail_msg("out of memory");
  snprintf(p, n, "%s/%s", dir, name);
  return p;
}

/* ---- child processes -------------------------------------------------------------------------- */

/* Starts argv with its stdout on a pipe (returned in *out_fd) and stderr on /dev/null when
 * quiet_stderr. The child dies with the test process. */
static pid_t spawn(char *const *argv, int *out_fd, int quiet_stderr) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) fail_msg("pipe: %s", strerror(errno));
  const pid_t pid = fork();
  if (pid < 0) fail_msg("fork: %s", strerror(errno));
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    dup2(fds[1], STDOUT_FILENO);
    if (quiet_stderr) {
      const int null = open("/dev/null", O_WRONLY);
      if (null >= 0) dup2(null, STDERR_FILENO);
    }
    execv(argv[0], argv);
    fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
    _exit(127);
  }
  close(fds[1]);
  *out_fd = fds[0];
  return pid;
}

/* Reads the child's next stdout line (up to size-1 chars) within timeout_ms. */
static int read_line(int fd, char *line, size_t size, long timeout_ms) {
  size_t n = 0;
  const double end = now_ms() + (double)timeout_ms;
  while (n + 1 < size) {
    const double left = end - now_ms();
    if (left <= 0) break;
    struct pollfd p = {fd, POLLIN, 0};
    const int r = poll(&p, 1, (int)left);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    char c;
    const ssize_t got = read(fd, &c, 1);
    if (got <= 0) break;
    if (c == '\n') {
      line[n] = '\0';
      return 0;
    }
    line[n++] = c;
  }
  line[n] = '\0';
  return -1;
}

/* Sends sig to `target` and waits for the child `pid` (the same process, or the launcher of
 * the server `target`), SIGKILL after 10 s. */
static void reap_after(pid_t pid, pid_t target, int sig) {
  if (pid <= 0) return;
  kill(target > 0 ? target : pid, sig);
  for (int i = 0; i < 500; ++i) {  /* 10 s, then SIGKILL */
    const pid_t r = waitpid(pid, NULL, WNOHANG);
    if (r == pid || (r < 0 && errno == ECHILD)) return;
    it_sleep_ms(20);
  }
  kill(pid, SIGKILL);
  waitpid(pid, NULL, 0);
}

static void reap(pid_t pid, int sig) { reap_after(pid, pid, sig); }

/* ---- servers ---------------------------------------------------------------------------------- */

/* Through tests/support/with_server.py (the project's one server launcher), which prints the
 * server's first line and its pid, and dies with the test (the server with it). */
static void server_launch(it_server *s) {
  const char *bin = getenv("CARTO_IMPORT_SERVER");
  const char *python = getenv("CARTO_IT_PYTHON");
  const char *launcher = getenv("CARTO_IT_WITH_SERVER");
  if (!bin || !*bin) fail_msg("CARTO_IMPORT_SERVER is not set (the carto-import-server binary)");
  if (!python || !*python || !launcher || !*launcher)
    fail_msg("CARTO_IT_PYTHON or CARTO_IT_WITH_SERVER is not set (tests/support/with_server.py)");
  char flags[32][160]; /* --server-arg=FLAG */
  const char *fixed[] = {"--test-hooks", "--step-delay-ms", "0", /* the server keeps the last */
                         getenv("CARTO_IT_VERBOSE") ? NULL : "--quiet"};
  const int nfixed = fixed[3] ? 4 : 3;
  char *argv[48] = {(char *)python, (char *)launcher, (char *)bin, "--data", s->data_dir,
                    "--user", IT_USER ":" IT_API_KEY};
  int n = 7;
  for (int i = 0; i < nfixed + s->nargs; ++i) {
    const char *flag = i < nfixed ? fixed[i] : s->args[i - nfixed];
    if (snprintf(flags[i], sizeof flags[i], "--server-arg=%s", flag) >= (int)sizeof flags[i])
      fail_msg("server flag too long: %s", flag);
    argv[n++] = flags[i];
  }
  argv[n] = NULL;

  s->pid = spawn(argv, &s->out_fd, 0);
  char line[256], pid_line[32], scheme[8] = "";
  if (read_line(s->out_fd, line, sizeof line, 30000) != 0 ||
      sscanf(line, "listening on %7[a-z]://127.0.0.1:%d", scheme, &s->port) != 2 ||
      read_line(s->out_fd, pid_line, sizeof pid_line, 5000) != 0 ||
      sscanf(pid_line, "pid %d", &s->server_pid) != 1) {
    reap(s->pid, SIGKILL);
    s->pid = 0;
    it_rm_rf(s->data_dir); /* the teardown does not run after a failed setup */
    fail_msg("carto-import-server did not start: first line \"%s\"", line);
  }
  snprintf(s->root_url, sizeof s->root_url, "%s://127.0.0.1:%d", scheme, s->port);
  snprintf(s->base_url, sizeof s->base_url, "%s/user/%s/", s->root_url, IT_USER);
}

static void set_args(it_server *s, const char *const *extra_args) {
  for (int i = 0; i < s->nargs; ++i) free(s->args[i]);
  s->nargs = 0;
  for (; extra_args && *extra_args; ++extra_args) {
    if (s->nargs >= (int)(sizeof s->args / sizeof s->args[0])) fail_msg("too many server flags");
    s->args[s->nargs++] = xstrdup(*extra_args);
  }
}

it_server *it_server_start(const char *const *extra_args) {
  const char *bin = getenv("CARTO_IMPORT_SERVER");
  if (!bin || !*bin) fail_msg("CARTO_IMPORT_SERVER is not set (the carto-import-server binary)");
  it_server *s = calloc(1, sizeof *s);
  if (!s) fail_msg("out of memory");
  s->out_fd = -1;
  set_args(s, extra_args);
  char *dir = it_tmpdir();
  snprintf(s->data_dir, sizeof s->data_dir, "%s", dir);
  free(dir);
  server_launch(s);
  return s;
}

void it_server_kill(it_server *s, int sig) {
  reap_after(s->pid, s->server_pid, sig);
  s->pid = 0;
  if (s->out_fd >= 0) close(s->out_fd);
  s->out_fd = -1;
}

void it_server_restart(it_server *s, const char *const *extra_args) {
  if (s->pid) it_server_kill(s, SIGTERM);
  if (extra_args) set_args(s, extra_args);
  server_launch(s);
}

void it_server_stop(it_server *s) {
  if (!s) return;
  it_server_kill(s, SIGTERM);
  it_rm_rf(s->data_dir);
  for (int i = 0; i < s->nargs; ++i) free(s->args[i]);
  free(s);
}

/* ---- test hooks ------------------------------------------------------------------------------- */

struct buffer {
  char *data;
  size_t len;
};

static size_t on_data(char *p, size_t size, size_t n, void *userp) {
  struct buffer *b = userp;
  char *grown = realloc(b->data, b->len + size * n + 1);
  if (!grown) return 0;
  memcpy(grown + b->len, p, size * n);
  b->len += size * n;
  grown[b->len] = '\0';
  b->data = grown;
  return size * n;
}

/* One request to the server's /_test hooks; returns the status and (if out) the body. */
static long hook_request(const it_server *s, const char *method, const char *path,
                         const char *json_body, char **out) {
  char url[256];
  snprintf(url, sizeof url, "%s%s", s->root_url, path);
  CURL *h = curl_easy_init();
  if (!h) fail_msg("curl_easy_init failed");
  struct buffer b = {NULL, 0};
  struct curl_slist *headers = curl_slist_append(NULL, "Content-Type: application/json");
  curl_easy_setopt(h, CURLOPT_URL, url);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L); /* the TLS tests' servers use a test CA */
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);
  curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_data);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &b);
  if (json_body) {
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, json_body);
  }
  const CURLcode rc = curl_easy_perform(h);
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup(h);
  curl_slist_free_all(headers);
  if (rc != CURLE_OK) {
    free(b.data);
    fail_msg("%s %s: %s", method, url, curl_easy_strerror(rc));
  }
  if (out)
    *out = b.data ? b.data : xstrdup("");
  else
    free(b.data);
  return status;
}

void it_fault(const it_server *s, const char *rules_json) {
  char *body = NULL;
  const long status = hook_request(s, "POST", "/_test/faults", rules_json, &body);
  if (status / 100 != 2) {
    fprintf(stderr, "POST /_test/faults %s -> %ld %s\n", rules_json, status, body);
    free(body);
    fail_msg("the server refused the fault rule");
  }
  free(body);
}

void it_hooks_reset(const it_server *s) {
  const long faults = hook_request(s, "DELETE", "/_test/faults", NULL, NULL);
  const long requests = hook_request(s, "DELETE", "/_test/requests", NULL, NULL);
  if (faults / 100 != 2 || requests / 100 != 2)
    fail_msg("DELETE /_test/faults -> %ld, DELETE /_test/requests -> %ld", faults, requests);
}

int it_count_requests(const it_server *s, const char *method, const char *path_part,
                      const char *query_part) {
  char *body = NULL;
  assert_int_equal(hook_request(s, "GET", "/_test/requests", NULL, &body), 200);
  cJSON *doc = cJSON_Parse(body);
  free(body);
  const cJSON *list = cJSON_GetObjectItemCaseSensitive(doc, "requests");
  if (!cJSON_IsArray(list)) {
    cJSON_Delete(doc);
    fail_msg("GET /_test/requests: no requests list");
  }
  int count = 0;
  const cJSON *r = NULL;
  cJSON_ArrayForEach(r, list) {
    const char *m = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r, "method"));
    const char *p = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r, "path"));
    const char *q = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r, "query"));
    if (m && p && strcmp(m, method) == 0 && strstr(p, path_part) &&
        (!query_part || (q && strstr(q, query_part))))
      ++count;
  }
  cJSON_Delete(doc);
  return count;
}

/* ---- clients ---------------------------------------------------------------------------------- */

carto_import_options *it_options(const it_server *s) {
  carto_import_options *opts = NULL;
  assert_ok(carto_import_options_new(&opts));
  assert_ok(carto_import_options_set_base_url(opts, s->base_url));
  assert_ok(carto_import_options_set_api_key(opts, IT_API_KEY));
  assert_ok(carto_import_options_set_retry(opts, 3, 20, 200));
  assert_ok(carto_import_options_set_poll_interval_ms(opts, 20, 200));
  return opts;
}

carto_import_client *it_client_from(carto_import_options *opts) {
  carto_import_client *client = NULL;
  const int rc = carto_import_client_new(&client, opts);
  carto_import_options_free(opts);
  assert_ok(rc);
  return client;
}

carto_import_client *it_client(const it_server *s) { return it_client_from(it_options(s)); }

/* ---- files ------------------------------------------------------------------------------------ */

char *it_tmpdir(void) {
  const char *base = getenv("TMPDIR");
  char *tmpl = path_join(base && *base ? base : "/tmp", "carto-it-XXXXXX");
  if (!mkdtemp(tmpl)) fail_msg("mkdtemp: %s", strerror(errno));
  return tmpl;
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)st;
  (void)flag;
  (void)ftw;
  remove(path);
  return 0;
}

void it_rm_rf(const char *path) {
  if (path && *path) nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

char *it_write_file(const char *dir, const char *name, const char *text) {
  char *path = path_join(dir, name);
  FILE *f = fopen(path, "wb");
  if (!f) fail_msg("cannot write %s: %s", path, strerror(errno));
  const size_t n = strlen(text);
  if (fwrite(text, 1, n, f) != n || fclose(f) != 0) fail_msg("cannot write %s", path);
  return path;
}

char *it_csv_text(int rows) {
  const size_t size = 32 + (size_t)rows * 64;
  char *text = malloc(size);
  if (!text) fail_msg("out of memory");
  size_t n = (size_t)snprintf(text, size, "id,name,lat,lon\n");
  for (int i = 1; i <= rows; ++i)
    n += (size_t)snprintf(text + n, size - n, "%d,place %d,%.4f,%.4f\n", i, i,
                          40.0 + i * 0.01, -3.0 - i * 0.01);
  return text;
}

char *it_write_csv(const char *dir, const char *name, int rows) {
  char *text = it_csv_text(rows);
  char *path = it_write_file(dir, name, text);
  free(text);
  return path;
}

char *it_write_big_csv(const char *dir, const char *name, long long bytes) {
  char *path = path_join(dir, name);
  FILE *f = fopen(path, "wb");
  if (!f) fail_msg("cannot write %s: %s", path, strerror(errno));
  enum { ROW = 100, ROWS_PER_CHUNK = 10000 };
  static char chunk[ROW * ROWS_PER_CHUNK];
  /* One chunk of rows, written again and again (cheap, even under valgrind). */
  for (int r = 0; r < ROWS_PER_CHUNK; ++r) {
    char row[ROW + 16];
    /* 12 + 1 + 74 + 1 + 11 + 1 = 100 bytes */
    snprintf(row, sizeof row, "%012d,%-74.74s,%011d\n", r + 1,
             "row of the large file used to interrupt an upload", (r + 1) * 7);
    memcpy(chunk + r * ROW, row, ROW);
  }
  long long written = 0;
  fputs("id,name,value\n", f);
  while (written < bytes) {
    if (fwrite(chunk, 1, sizeof chunk, f) != sizeof chunk) fail_msg("cannot write %s", path);
    written += (long long)sizeof chunk;
  }
  if (fclose(f) != 0) fail_msg("cannot write %s", path);
  return path;
}

static int run_wait(char *const *argv) {
  int fd = -1;
  const pid_t pid = spawn(argv, &fd, 1);
  close(fd);
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

char *it_zip(const char *dir, const char *zip_name, const char *const *files, size_t n) {
  const char *zip = getenv("CARTO_IT_ZIP");
  if (!zip || !*zip) fail_msg("CARTO_IT_ZIP is not set (the zip tool)");
  char *zip_path = path_join(dir, zip_name);
  char **argv = calloc(n + 5, sizeof *argv);
  if (!argv) fail_msg("out of memory");
  size_t a = 0;
  argv[a++] = (char *)zip;
  argv[a++] = "-q";
  argv[a++] = "-j";
  argv[a++] = zip_path;
  for (size_t i = 0; i < n; ++i) argv[a++] = path_join(dir, files[i]);
  argv[a] = NULL;
  const int rc = run_wait(argv);
  for (size_t i = 4; i < a; ++i) free(argv[i]);
  free(argv);
  if (rc != 0) fail_msg("zip failed (%d)", rc);
  return zip_path;
}

/* ---- a static file server ---------------------------------------------------------------------- */

it_files *it_files_start(const char *dir) {
  const char *python = getenv("CARTO_IT_PYTHON");
  if (!python || !*python) fail_msg("CARTO_IT_PYTHON is not set");
  it_files *f = calloc(1, sizeof *f);
  if (!f) fail_msg("out of memory");
  char *argv[] = {(char *)python, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1",
                  "--directory", (char *)dir, NULL};
  f->pid = spawn(argv, &f->out_fd, 1);
  char line[256];
  const char *port = NULL;
  if (read_line(f->out_fd, line, sizeof line, 30000) == 0) port = strstr(line, " port ");
  if (!port) {
    reap(f->pid, SIGKILL);
    free(f);
    fail_msg("python http.server did not start: \"%s\"", line);
  }
  snprintf(f->url, sizeof f->url, "http://127.0.0.1:%d/", atoi(port + 6));
  return f;
}

void it_files_stop(it_files *f) {
  if (!f) return;
  reap(f->pid, SIGTERM);
  close(f->out_fd);
  free(f);
}

/* ---- fixtures ---------------------------------------------------------------------------------- */

int it_setup(void **state) {
  const char *const *flags = *state;
  it_fixture *fx = calloc(1, sizeof *fx);
  if (!fx) return -1;
  fx->srv = it_server_start(flags);
  *state = fx;
  fx->dir = it_tmpdir();
  fx->client = it_client(fx->srv);
  return 0;
}

int it_teardown(void **state) {
  it_fixture *fx = *state;
  if (!fx) return 0;
  carto_import_client_free(fx->client);
  it_files_stop(fx->files);
  it_server_stop(fx->srv);
  it_rm_rf(fx->dir);
  free(fx->dir);
  free(fx);
  return 0;
}
