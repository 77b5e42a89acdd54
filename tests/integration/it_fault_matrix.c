/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026, the libcarto_import authors */
/* The fault matrix: every operation of the C API x every way a server can fail (refused, reset,
 * hang, drip, 5xx, 429 with and without Retry-After, truncated, non-JSON, wrong types, huge
 * numbers, missing fields, redirect loop, restart) ends in a typed error (or, where the fault
 * leaves a usable reply, success) within its deadline. Run with tight options for every cell,
 * and with the default options for every cell that does not wait on a silent server; three
 * silent or dripping servers are met with the default options (in threads, alongside), the
 * deadline the library promises: CARTO_IMPORT_ETIMEDOUT within 2 minutes.
 *
 * The server is the scripted loopback stub (tests/support/stub_server.h): the replies of each
 * operation are scripted, its first request gets the fault. Takes about 100 s (the default
 * deadlines), a few minutes under valgrind. */
#include <pthread.h>

#include "it_support.h"
#include "stub_server.h"

#define ID "11111111-2222-3333-4444-555555555555"
#define VIZ "{\"id\":\"" ID "\",\"name\":\"t\",\"map_id\":\"" ID "\",\"type\":\"table\"," \
            "\"privacy\":\"PRIVATE\",\"dependent_visualizations_count\":0}"
#define SYNC "{\"id\":\"" ID "\",\"state\":\"success\",\"interval\":3600,\"visualization_id\":\"" \
             ID "\",\"ran_at\":\"2020-01-01T00:00:00+00:00\"}"
#define JOB_PENDING "{\"id\":\"" ID "\",\"state\":\"pending\"}"
#define JOB_COMPLETE "{\"id\":\"" ID "\",\"state\":\"complete\",\"success\":true," \
                     "\"table_names\":[\"t\"]}"
#define CREATED "{\"item_queue_id\":\"" ID "\",\"success\":true}"
#define TABLE "{\"table_visualization\":{\"id\":\"" ID "\"}}"
#define NO_CONTENT "" /* a 204 */
#define PW "Pw-matrix-SECRET-77"
#define CONNECTOR "{\"provider\":\"postgres\",\"connection\":{\"password\":\"" PW "\"},\"table\":\"t\"}"

/* Replies with every member a client reads, mistyped, absurdly large, or absent. */
static const char kWrongTypes[] =
    "{\"id\":1,\"map_id\":2,\"name\":3,\"type\":4,\"privacy\":5,\"state\":6,\"success\":\"yes\","
    "\"item_queue_id\":7,\"imports\":{},\"visualizations\":\"x\",\"synchronizations\":8,"
    "\"total_entries\":\"9\",\"total_user_entries\":[],\"interval\":\"x\",\"enqueued\":\"true\","
    "\"table_visualization\":[],\"visualization_id\":10,\"table_names\":11}";
static const char kHugeNumbers[] =
    "{\"id\":\"" ID "\",\"map_id\":\"" ID "\",\"name\":\"t\",\"type\":\"table\","
    "\"privacy\":\"PRIVATE\",\"state\":\"complete\",\"success\":true,\"item_queue_id\":\"" ID "\","
    "\"imports\":[],\"visualizations\":[],\"synchronizations\":[],\"total_entries\":1e300,"
    "\"total_user_entries\":1e300,\"interval\":1e308,\"error_code\":-1e308,"
    "\"dependent_visualizations_count\":1e300,\"row_count\":123456789012345678901234567890,"
    "\"enqueued\":true,\"table_visualization\":{\"id\":\"" ID "\"},\"visualization_id\":\"" ID
    "\",\"retried_times\":1e300,\"table_names\":[\"t\"]}";
static const char kMissing[] = "{}";

typedef struct handles {
  carto_import_job *job;
  carto_import_dataset *dataset;
  carto_import_sync *sync;
} handles;

typedef struct matrix {
  stub_server *stub;
  int port;
  carto_import_client *client;
  char *dir, *file;
  int attempts;
  long bound_ms; /* the deadline every cell must meet */
} matrix;

static void push_body(matrix *m, const char *body) {
  stub_push(m->stub, body[0] ? 200 : 204, NULL, body[0] ? body : NULL);
}

/* ---- operations ---------------------------------------------------------------------------- */

typedef struct op {
  const char *name;
  int (*prelude)(matrix *m, handles *h); /* scripts its own replies; 0 or a status */
  int (*run)(matrix *m, handles *h);
  const char *first;         /* the normal reply to the request that gets the fault */
  const char *rest[4];       /* the normal replies to the requests after it */
  int reads_no_body;         /* a 2xx with any JSON object is success (deletes) */
} op;

/* The preludes run in the slices' threads: no cmocka assertion there, a status instead. */
static int get_dataset(matrix *m, handles *h) {
  push_body(m, VIZ);
  return carto_import_dataset_get(&h->dataset, m->client, ID);
}
static int get_sync(matrix *m, handles *h) {
  push_body(m, SYNC);
  return carto_import_sync_get(&h->sync, m->client, ID);
}
static int attach_pending(matrix *m, handles *h) {
  push_body(m, JOB_PENDING);
  return carto_import_job_attach(&h->job, m->client, ID);
}
static int attach_complete(matrix *m, handles *h) {
  push_body(m, JOB_COMPLETE);
  return carto_import_job_attach(&h->job, m->client, ID);
}
static int new_file_job(matrix *m, handles *h) {
  return carto_import_job_new_file(&h->job, m->client, m->file, NULL);
}
static int new_url_job(matrix *m, handles *h) {
  return carto_import_job_new_url(&h->job, m->client, "https://example.com/a.csv", NULL);
}
static int new_connector_job(matrix *m, handles *h) {
  return carto_import_job_new_connector(&h->job, m->client, CONNECTOR, NULL);
}
static int edited_dataset(matrix *m, handles *h) {
  const int rc = get_dataset(m, h);
  return rc ? rc : carto_import_dataset_set_string(h->dataset, "description", "d");
}

static int run_verify(matrix *m, handles *h) { (void)h; return carto_import_client_verify(m->client); }
static int run_job_list(matrix *m, handles *h) {
  (void)h;
  carto_import_string_list *l = NULL;
  const int rc = carto_import_job_list(&l, m->client);
  carto_import_string_list_free(l);
  return rc;
}
static int run_dataset_list(matrix *m, handles *h) {
  (void)h;
  carto_import_dataset_list *l = NULL;
  const int rc = carto_import_dataset_list_all(&l, m->client);
  carto_import_dataset_list_free(l);
  return rc;
}
static int run_dataset_get(matrix *m, handles *h) {
  return carto_import_dataset_get(&h->dataset, m->client, ID);
}
static int run_dataset_refresh(matrix *m, handles *h) { (void)m; return carto_import_dataset_refresh(h->dataset); }
static int run_dataset_save(matrix *m, handles *h) { (void)m; return carto_import_dataset_save(h->dataset); }
static int run_dataset_delete(matrix *m, handles *h) { (void)m; return carto_import_dataset_delete(h->dataset); }
static int run_dataset_force_delete(matrix *m, handles *h) {
  (void)m;
  return carto_import_dataset_force_delete(h->dataset);
}
static int run_job_run(matrix *m, handles *h) { (void)m; return carto_import_job_run(h->job, NULL, NULL); }
static int run_job_attach(matrix *m, handles *h) { return carto_import_job_attach(&h->job, m->client, ID); }
static int run_job_refresh(matrix *m, handles *h) { (void)m; return carto_import_job_refresh(h->job); }
static int run_job_wait(matrix *m, handles *h) { (void)m; return carto_import_job_wait(h->job, 0, NULL, NULL); }
static int run_job_datasets(matrix *m, handles *h) {
  (void)m;
  carto_import_dataset_list *l = NULL;
  const int rc = carto_import_job_datasets(&l, h->job);
  carto_import_dataset_list_free(l);
  return rc;
}
static int run_dataset_create(matrix *m, handles *h) {
  (void)h;
  carto_import_dataset_list *l = NULL;
  const int rc = carto_import_dataset_create(&l, m->client, m->file, NULL, 0, NULL, NULL);
  carto_import_dataset_list_free(l);
  return rc;
}
static int run_dataset_create_sync(matrix *m, handles *h) {
  (void)h;
  carto_import_dataset_list *l = NULL;
  const int rc = carto_import_dataset_create_sync(&l, m->client, "https://example.com/a.csv",
                                                  3600, NULL, 0, NULL, NULL);
  carto_import_dataset_list_free(l);
  return rc;
}
static int run_sync_create(matrix *m, handles *h) {
  return carto_import_sync_create(&h->sync, m->client, "https://example.com/a.csv", 3600, NULL);
}
static int run_sync_create_connector(matrix *m, handles *h) {
  return carto_import_sync_create_connector(&h->sync, m->client, CONNECTOR, 3600, NULL);
}
static int run_sync_get(matrix *m, handles *h) { return carto_import_sync_get(&h->sync, m->client, ID); }
static int run_sync_list(matrix *m, handles *h) {
  (void)h;
  carto_import_sync_list *l = NULL;
  const int rc = carto_import_sync_list_all(&l, m->client);
  carto_import_sync_list_free(l);
  return rc;
}
static int run_sync_refresh(matrix *m, handles *h) { (void)m; return carto_import_sync_refresh(h->sync); }
static int run_sync_wait(matrix *m, handles *h) { (void)m; return carto_import_sync_wait(h->sync, 0, NULL, NULL); }
static int run_sync_force(matrix *m, handles *h) {
  (void)m;
  int outcome = -1;
  return carto_import_sync_force(h->sync, &outcome);
}
static int run_sync_is_syncing(matrix *m, handles *h) {
  (void)m;
  int syncing = -1;
  return carto_import_sync_is_syncing(h->sync, &syncing);
}
static int run_sync_set_interval(matrix *m, handles *h) { (void)m; return carto_import_sync_set_interval(h->sync, 7200); }
static int run_sync_delete(matrix *m, handles *h) { (void)m; return carto_import_sync_delete(h->sync); }
static int run_sync_dataset(matrix *m, handles *h) { (void)m; return carto_import_sync_dataset(&h->dataset, h->sync); }

#define LIST "{\"visualizations\":[" VIZ "],\"total_entries\":1,\"total_user_entries\":1}"

static const op kOps[] = {
    {"verify", NULL, run_verify, "{\"imports\":[],\"success\":true}", {NULL}, 0},
    {"job_list", NULL, run_job_list, "{\"imports\":[\"" ID "\"],\"success\":true}", {NULL}, 0},
    {"dataset_list_all", NULL, run_dataset_list, LIST, {NULL}, 0},
    {"dataset_get", NULL, run_dataset_get, VIZ, {NULL}, 0},
    {"dataset_refresh", get_dataset, run_dataset_refresh, VIZ, {NULL}, 0},
    /* The update's reply is not read: the dataset is fetched again after it. */
    {"dataset_save", edited_dataset, run_dataset_save, VIZ, {VIZ, NULL}, 1},
    {"dataset_delete", get_dataset, run_dataset_delete, VIZ, {NO_CONTENT, NULL}, 0},
    {"dataset_force_delete", get_dataset, run_dataset_force_delete, NO_CONTENT, {NULL}, 1},
    {"job_run(file)", new_file_job, run_job_run, CREATED, {NULL}, 0},
    {"job_run(url)", new_url_job, run_job_run, CREATED, {NULL}, 0},
    {"job_run(connector)", new_connector_job, run_job_run, CREATED, {NULL}, 0},
    {"job_attach", NULL, run_job_attach, JOB_PENDING, {NULL}, 0},
    {"job_refresh", attach_pending, run_job_refresh, JOB_COMPLETE, {NULL}, 0},
    {"job_wait", attach_pending, run_job_wait, JOB_COMPLETE, {NULL}, 0},
    {"job_datasets", attach_complete, run_job_datasets, TABLE, {VIZ, NULL}, 0},
    {"dataset_create", NULL, run_dataset_create, CREATED, {JOB_COMPLETE, TABLE, VIZ, NULL}, 0},
    {"dataset_create_sync", NULL, run_dataset_create_sync, SYNC, {SYNC, VIZ, NULL}, 0},
    {"sync_create", NULL, run_sync_create, SYNC, {NULL}, 0},
    {"sync_create_connector", NULL, run_sync_create_connector, SYNC, {NULL}, 0},
    {"sync_get", NULL, run_sync_get, SYNC, {NULL}, 0},
    {"sync_list_all", NULL, run_sync_list, "{\"synchronizations\":[" SYNC "],\"total_entries\":1}", {NULL}, 0},
    {"sync_refresh", get_sync, run_sync_refresh, SYNC, {NULL}, 0},
    {"sync_wait", get_sync, run_sync_wait, SYNC, {NULL}, 0},
    {"sync_force", get_sync, run_sync_force, "{\"enqueued\":true,\"synchronization_id\":\"" ID "\"}", {SYNC, NULL}, 0},
    {"sync_is_syncing", get_sync, run_sync_is_syncing, "{\"state\":\"success\"}", {NULL}, 0},
    {"sync_set_interval", get_sync, run_sync_set_interval, SYNC, {NULL}, 0},
    {"sync_delete", get_sync, run_sync_delete, NO_CONTENT, {NULL}, 1},
    {"sync_dataset", get_sync, run_sync_dataset, VIZ, {NULL}, 0},
};
enum { OPS = sizeof kOps / sizeof kOps[0] };

/* ---- faults --------------------------------------------------------------------------------- */

typedef enum fault {
  F_REFUSED, F_RESET, F_HANG, F_DRIP, F_5XX, F_429_RETRY_AFTER, F_429, F_TRUNCATED, F_NON_JSON,
  F_WRONG_TYPES, F_HUGE_NUMBERS, F_MISSING_FIELDS, F_REDIRECT_LOOP, F_RESTART, FAULTS
} fault;

static const char *const kFaultNames[FAULTS] = {
    "refused", "reset", "hang", "drip", "5xx", "429+Retry-After", "429", "truncated", "non-JSON",
    "wrong types", "huge numbers", "missing fields", "redirect loop", "restart"};

/* Scripts the fault for the op's first request: as many times as a retry may ask for it
 * (libcurl itself also retries once a request that finds a reused connection reset). */
static void inject(matrix *m, const op *o, fault f) {
  char headers[160];
  for (int i = 0; i < 2 * m->attempts; ++i) switch (f) {
      case F_RESET: stub_push_reset(m->stub); break;
      case F_HANG: stub_push_delay(m->stub, 200, NULL, o->first, 600000); break;
      case F_DRIP: stub_push_drip(m->stub, 200, NULL, 500); break; /* 2 bytes a second */
      case F_5XX: stub_push(m->stub, 503, NULL, "{\"error\":\"unavailable\"}"); break;
      case F_429_RETRY_AFTER: stub_push(m->stub, 429, "Retry-After: 1", "{\"error\":\"slow down\"}"); break;
      case F_429: stub_push(m->stub, 429, NULL, "{\"errors\":{\"imports\":\"no slot\"}}"); break;
      case F_TRUNCATED: stub_push_truncated(m->stub, 200, NULL, "{\"id\":\"11", 400); break;
      case F_NON_JSON: stub_push(m->stub, 200, "Content-Type: text/html", "<html>maintenance</html>"); break;
      case F_REDIRECT_LOOP:
        snprintf(headers, sizeof headers, "Location: %sapi/v1/imports", stub_base_url(m->stub, IT_USER));
        stub_push(m->stub, 302, headers, NULL);
        break;
      default: i = 2 * m->attempts; break; /* once, below */
    }
  switch (f) {
    case F_WRONG_TYPES: stub_push(m->stub, 200, NULL, kWrongTypes); break;
    case F_HUGE_NUMBERS: stub_push(m->stub, 200, NULL, kHugeNumbers); break;
    case F_MISSING_FIELDS: stub_push(m->stub, 200, NULL, kMissing); break;
    case F_RESTART: push_body(m, o->first); break;
    default: break;
  }
}

/* The outcomes a cell may have. */
static int allowed(const op *o, fault f, int rc) {
  switch (f) {
    case F_REFUSED:
    case F_RESET: return rc == CARTO_IMPORT_ENETWORK;
    case F_HANG:
    case F_DRIP: return rc == CARTO_IMPORT_ETIMEDOUT;
    case F_5XX: return rc == CARTO_IMPORT_ESERVER;
    case F_429_RETRY_AFTER:
    case F_429: return rc == CARTO_IMPORT_ERATELIMIT;
    case F_TRUNCATED: return rc == CARTO_IMPORT_ENETWORK || rc == CARTO_IMPORT_EPROTOCOL;
    case F_NON_JSON: return rc == CARTO_IMPORT_EPROTOCOL;
    case F_WRONG_TYPES:
    case F_MISSING_FIELDS:
      return rc == CARTO_IMPORT_EPROTOCOL || (o->reads_no_body && rc == CARTO_IMPORT_OK);
    case F_HUGE_NUMBERS: return rc == CARTO_IMPORT_OK || rc == CARTO_IMPORT_EPROTOCOL;
    case F_REDIRECT_LOOP: return rc == CARTO_IMPORT_EHTTP;
    case F_RESTART: return rc == CARTO_IMPORT_OK || rc == CARTO_IMPORT_ENETWORK;
    default: return 0;
  }
}

static void free_handles(handles *h) {
  carto_import_job_free(h->job);
  carto_import_dataset_free(h->dataset);
  carto_import_sync_free(h->sync);
  memset(h, 0, sizeof *h);
}

/* Whether the key or the connector's password is in any part of the last error. */
static int secret_in_last_error(void) {
  return last_error_part_with(IT_API_KEY) || last_error_part_with(PW);
}

/* 599 is the stub's answer to a request it had no reply for: not a fault of the cell but a
 * late request of an earlier one that took the cell's reply (seen under valgrind). */
static int harness_race(void) { return carto_import_last_error_http_status() == 599; }

/* Runs one cell; says in `line` how it misbehaved, and in *race whether a late request may be
 * why. */
static void cell_once(matrix *m, const op *o, fault f, char *line, size_t cap, int *race) {
  handles h = {NULL, NULL, NULL};
  /* Requests of the last cell that the client gave up on may still reach the stub: let them. */
  stub_wait_quiet(m->stub, (int)(50 * time_scale()));
  stub_clear(m->stub);
  const int prelude = o->prelude ? o->prelude(m, &h) : 0;
  if (prelude != CARTO_IMPORT_OK) {
    snprintf(line, cap, "%s x %s: the prelude failed: %d (%s)\n", o->name, kFaultNames[f],
             prelude, carto_import_last_error_message());
    *race = harness_race();
    free_handles(&h);
    return;
  }
  if (f == F_REFUSED || f == F_RESTART) stub_stop(m->stub), m->stub = NULL;
  if (f == F_RESTART) m->stub = stub_start_on(m->port);
  if (m->stub) inject(m, o, f);
  if (f == F_RESTART || f == F_HUGE_NUMBERS || f == F_WRONG_TYPES || f == F_MISSING_FIELDS)
    for (int i = 0; i < 4 && o->rest[i]; ++i) push_body(m, o->rest[i]);
  const double t0 = now_ms();
  const int rc = o->run(m, &h);
  const double elapsed = now_ms() - t0;
  const int code = carto_import_last_error_code();
  const char *msg = carto_import_last_error_message();
  *race = !allowed(o, f, rc) && harness_race();
  if (!allowed(o, f, rc))
    snprintf(line, cap, "%s x %s: %d (%s): %s\n", o->name, kFaultNames[f], rc,
             carto_import_strerror(rc), msg);
  else if (rc != CARTO_IMPORT_OK && (code != rc || !msg[0]))
    snprintf(line, cap, "%s x %s: status %d but last error %d \"%s\"\n", o->name,
             kFaultNames[f], rc, code, msg);
  else if (elapsed > m->bound_ms * time_scale())
    snprintf(line, cap, "%s x %s: %.0f ms, more than %ld ms\n", o->name,
             kFaultNames[f], elapsed, m->bound_ms);
  else if (rc != CARTO_IMPORT_OK && secret_in_last_error())
    snprintf(line, cap, "%s x %s: a secret in \"%s\"\n", o->name, kFaultNames[f], msg);
  free_handles(&h);
  if (!m->stub) m->stub = stub_start_on(m->port);
  if (!m->stub) abort(); /* the port was taken: nothing more can run */
}

/* Runs one cell (again, once, when a late request of an earlier cell took its reply); appends
 * a line to `failures` when it misbehaves. */
static void cell(matrix *m, const op *o, fault f, char *failures, size_t cap) {
  char line[512] = "";
  int race = 0;
  cell_once(m, o, f, line, sizeof line, &race);
  if (race) line[0] = '\0', cell_once(m, o, f, line, sizeof line, &race);
  if (line[0] && strlen(failures) + strlen(line) < cap) strcat(failures, line);
}

static carto_import_options *stub_options(stub_server *s) {
  return options_for(stub_base_url(s, IT_USER), IT_API_KEY);
}

/* Tight options (10 times looser under valgrind, which slows the stub as much as the client). */
static carto_import_options *stub_options_tight(stub_server *s) {
  carto_import_options *opts = stub_options(s);
  const long scale = (long)time_scale();
  assert_ok(carto_import_options_set_retry(opts, 3, 20, 200));
  assert_ok(carto_import_options_set_connect_timeout_ms(opts, 1000 * scale));
  assert_ok(carto_import_options_set_request_timeout_ms(opts, 500 * scale));
  assert_ok(carto_import_options_set_call_timeout_ms(opts, 3000 * scale));
  assert_ok(carto_import_options_set_low_speed(opts, 1024, scale));
  assert_ok(carto_import_options_set_poll_interval_ms(opts, 20, 200));
  return opts;
}

static void matrix_setup(matrix *m, carto_import_options *(*options)(stub_server *), long bound_ms) {
  memset(m, 0, sizeof *m);
  m->stub = stub_start();
  assert_non_null(m->stub);
  m->port = stub_port(m->stub);
  m->client = it_client_from(options(m->stub));
  m->dir = it_tmpdir();
  m->file = it_write_file(m->dir, "points.csv", "id,name\n1,a\n2,b\n");
  m->attempts = 3;
  m->bound_ms = bound_ms;
}

static void matrix_teardown(matrix *m) {
  carto_import_client_free(m->client);
  stub_stop(m->stub);
  it_rm_rf(m->dir);
  free(m->dir);
  free(m->file);
}

/* A share of the operations, run by a thread with a stub and a client of its own (the waits of
 * the cells are mostly backoff and timeouts: threads make the matrix take minutes less). */
typedef struct slice {
  int first, step;
  int silent; /* with the hang and drip cells */
  carto_import_options *(*options)(stub_server *);
  long bound_ms;
  int cells;
  double spent[FAULTS];
  char failures[1 << 14];
} slice;

static void *run_slice(void *arg) {
  slice *sl = arg;
  matrix m;
  matrix_setup(&m, sl->options, sl->bound_ms);
  for (int o = sl->first; o < OPS; o += sl->step)
    for (int f = 0; f < FAULTS; ++f) {
      if (!sl->silent && (f == F_HANG || f == F_DRIP)) continue;
      const double t0 = now_ms();
      cell(&m, &kOps[o], (fault)f, sl->failures, sizeof sl->failures);
      sl->spent[f] += now_ms() - t0;
      ++sl->cells;
    }
  matrix_teardown(&m);
  return NULL;
}

enum { SLICES = 4 };

/* Runs every cell in SLICES threads; reports the time each fault took (summed) and fails with
 * the list of the cells that misbehaved. A failed assertion inside a thread (a prelude's
 * scripted call) aborts the test. */
static void run_matrix(int silent, carto_import_options *(*options)(stub_server *), long bound_ms) {
  static slice slices[SLICES];
  pthread_t threads[SLICES];
  for (int i = 0; i < SLICES; ++i) {
    slices[i] = (slice){i, SLICES, silent, options, bound_ms, 0, {0}, ""};
    assert_int_equal(pthread_create(&threads[i], NULL, run_slice, &slices[i]), 0);
  }
  int cells = 0, failed = 0;
  double spent[FAULTS] = {0};
  for (int i = 0; i < SLICES; ++i) {
    pthread_join(threads[i], NULL);
    cells += slices[i].cells;
    for (int f = 0; f < FAULTS; ++f) spent[f] += slices[i].spent[f];
    if (slices[i].failures[0]) print_error("%s", slices[i].failures), failed = 1;
  }
  print_message("%d cells; seconds per fault (all operations):", cells);
  for (int f = 0; f < FAULTS; ++f)
    if (spent[f] > 0) print_message(" %s %.1f;", kFaultNames[f], spent[f] / 1000);
  print_message("\n");
  if (failed) fail_msg("the cells above failed");
}

/* Tight options: 3 attempts 20..200 ms apart, 500 ms per attempt, 3 s per call, a stall after
 * 1 s under 1 KiB/s. Every cell must end within the call's 3 s (plus slack for the work). */
static void test_matrix_tight(void **state) {
  (void)state;
  run_matrix(1, stub_options_tight, 8000); /* 3 s, and the slack of a loaded machine */
}

/* ---- the default options, silent and dripping servers -------------------------------------- */

typedef struct silent {
  const char *what;
  fault fault;
  int (*run)(matrix *m, handles *h);
  int (*prelude)(matrix *m, handles *h);
  int rc;
  double elapsed;
  char message[512];
} silent;

static void *meet_silent_server(void *arg) {
  silent *s = arg;
  matrix m;
  matrix_setup(&m, stub_options, 120000);
  handles h = {NULL, NULL, NULL};
  if (s->prelude) s->prelude(&m, &h);
  static const op none = {"", NULL, NULL, "{}", {NULL}, 0};
  inject(&m, &none, s->fault);
  const double t0 = now_ms();
  s->rc = s->run(&m, &h);
  s->elapsed = now_ms() - t0;
  snprintf(s->message, sizeof s->message, "%s", carto_import_last_error_message());
  free_handles(&h);
  matrix_teardown(&m);
  return NULL;
}

/* Every cell but hang and drip with the defaults (Retry-After and backoff waits included), while
 * three threads meet a silent server (verify: the 180 s of old), a dripping one
 * (dataset_list_all: unbounded of old) and a dripping upload reply (the stall rule). */
static void test_matrix_defaults(void **state) {
  (void)state;
  silent cases[] = {{"verify, silent server", F_HANG, run_verify, NULL, 0, 0, ""},
                    {"dataset_list_all, drip", F_DRIP, run_dataset_list, NULL, 0, 0, ""},
                    {"job_run(file), drip", F_DRIP, run_job_run, new_file_job, 0, 0, ""}};
  enum { N = sizeof cases / sizeof cases[0] };
  pthread_t threads[N];
  for (int i = 0; i < N; ++i)
    assert_int_equal(pthread_create(&threads[i], NULL, meet_silent_server, &cases[i]), 0);

  run_matrix(0, stub_options, 20000); /* 429: 2 x Retry-After 1 s; backoff: < 1.5 s */

  for (int i = 0; i < N; ++i) {
    pthread_join(threads[i], NULL);
    print_message("%s: %d after %.1f s: %s\n", cases[i].what, cases[i].rc,
                  cases[i].elapsed / 1000, cases[i].message);
    if (cases[i].rc != CARTO_IMPORT_ETIMEDOUT)
      fail_msg("%s: %d (%s), expected ETIMEDOUT", cases[i].what, cases[i].rc, cases[i].message);
    if (cases[i].elapsed > 120000)
      fail_msg("%s: %.1f s, more than 2 minutes", cases[i].what, cases[i].elapsed / 1000);
    assert_not_contains(cases[i].message, IT_API_KEY);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_matrix_tight),
      cmocka_unit_test(test_matrix_defaults),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
