// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The error model: strerror for every code, the per-thread last-error record, the C
// boundary (guard) and the registry of live handles.
#include <cstring>
#include <set>
#include <stdexcept>
#include <thread>

#include "capi/guard.hpp"
#include "unit.hpp"

using namespace carto;

namespace {

void test_strerror_every_code(void **) {
  struct {
    int code;
    const char *text;
  } codes[] = {
      {CARTO_IMPORT_OK, "success"},
      {CARTO_IMPORT_ERROR, "unspecified error"},
      {CARTO_IMPORT_EINVAL, "invalid argument"},
      {CARTO_IMPORT_ENOMEM, "out of memory"},
      {CARTO_IMPORT_EBADHANDLE, "invalid, freed or wrong-type handle"},
      {CARTO_IMPORT_EIO, "local file cannot be read"},
      {CARTO_IMPORT_EINSECURE, "refused to send the API key over plain http"},
      {CARTO_IMPORT_ENETWORK, "network error"},
      {CARTO_IMPORT_ETIMEDOUT, "timed out"},
      {CARTO_IMPORT_ETLS, "TLS error"},
      {CARTO_IMPORT_EHTTP, "unexpected HTTP status"},
      {CARTO_IMPORT_EAUTH, "authentication failed"},
      {CARTO_IMPORT_EFORBIDDEN, "forbidden"},
      {CARTO_IMPORT_ENOTFOUND, "not found"},
      {CARTO_IMPORT_ERATELIMIT, "rate limited"},
      {CARTO_IMPORT_EBADREQUEST, "request rejected by the server"},
      {CARTO_IMPORT_ESERVER, "server error"},
      {CARTO_IMPORT_EPROTOCOL, "protocol error"},
      {CARTO_IMPORT_EREMOTE, "remote operation failed"},
      {CARTO_IMPORT_EINUSE, "object in use"},
      {CARTO_IMPORT_ECANCELED, "canceled"},
      {CARTO_IMPORT_EINTERNAL, "internal error"},
  };
  std::set<std::string> seen;
  for (const auto &c : codes) {
    assert_string_equal(strerror_text(c.code), c.text);
    assert_string_equal(carto_import_strerror(c.code), c.text);
    seen.insert(c.text);
  }
  assert_int_equal(seen.size(), sizeof codes / sizeof codes[0]);  // all distinct
  // Every other value in the code ranges, and far outside them, is "unknown error".
  for (int code = -120; code <= 5; ++code) {
    bool known = false;
    for (const auto &c : codes) known = known || c.code == code;
    if (!known) assert_string_equal(carto_import_strerror(code), "unknown error");
  }
  assert_string_equal(carto_import_strerror(12345), "unknown error");
  assert_string_equal(carto_import_strerror(-2147483647 - 1), "unknown error");
}

void test_last_error_record(void **) {
  clear_last_error();
  assert_int_equal(last_error().code, 0);
  assert_string_equal(carto_import_last_error_message(), "");
  assert_null(carto_import_last_error_remote_title());
  assert_null(carto_import_last_error_remote_explanation());
  assert_null(carto_import_last_error_remote_source());
  assert_int_equal(carto_import_last_error_retry_after(), -1);
  long l = 0, r = 0, s = 0;
  assert_int_equal(carto_import_last_error_rate_limit(&l, &r, &s), 0);
  assert_int_equal(l, -1);
  assert_int_equal(r, -1);
  assert_int_equal(s, -1);

  ErrorInfo info;
  info.code = CARTO_IMPORT_EREMOTE;
  info.message = "the import failed";
  info.http_status = 200;
  info.remote_code = 1002;
  info.set_title("Unsupported/Unrecognized file type");
  info.set_explanation("explained");
  info.set_source("user");
  info.retry_after = 4;
  info.rate_limit = 10;
  info.rate_remaining = 0;
  info.rate_reset = 9;
  set_last_error(info);
  assert_int_equal(carto_import_last_error_code(), CARTO_IMPORT_EREMOTE);
  assert_string_equal(carto_import_last_error_message(), "the import failed");
  assert_int_equal(carto_import_last_error_http_status(), 200);
  assert_int_equal(carto_import_last_error_remote_code(), 1002);
  assert_string_equal(carto_import_last_error_remote_title(),
                      "Unsupported/Unrecognized file type");
  assert_string_equal(carto_import_last_error_remote_explanation(), "explained");
  assert_string_equal(carto_import_last_error_remote_source(), "user");
  assert_int_equal(carto_import_last_error_retry_after(), 4);
  assert_int_equal(carto_import_last_error_rate_limit(&l, &r, &s), 1);
  assert_int_equal(l, 10);
  assert_int_equal(r, 0);
  assert_int_equal(s, 9);
  assert_int_equal(carto_import_last_error_rate_limit(nullptr, nullptr, nullptr), 1);

  // An empty explanation that the server did send is "", not NULL.
  ErrorInfo empty;
  empty.code = CARTO_IMPORT_EBADREQUEST;
  empty.set_explanation("");
  set_last_error(empty);
  assert_non_null(carto_import_last_error_remote_explanation());
  assert_string_equal(carto_import_last_error_remote_explanation(), "");

  carto_import_last_error_clear();
  assert_int_equal(carto_import_last_error_code(), 0);
  assert_int_equal(carto_import_last_error_http_status(), 0);
  assert_int_equal(carto_import_last_error_remote_code(), 0);
  assert_null(carto_import_last_error_remote_explanation());
  assert_int_equal(carto_import_last_error_retry_after(), -1);
}

void test_clear_keeps_message_pointer_valid(void **) {
  // The message is "valid until the next failing call": clearing (which every successful call
  // does) must not free the buffer a caller still holds (valgrind would see the read).
  ErrorInfo info;
  info.code = CARTO_IMPORT_ENETWORK;
  info.message = std::string(200, 'm');  // heap-allocated, not in the small-string buffer
  info.set_explanation(std::string(200, 'e'));
  set_last_error(info);
  const char *msg = carto_import_last_error_message();
  const char *expl = carto_import_last_error_remote_explanation();
  clear_last_error();
  // Reading them is defined (valgrind checks): they are empty now, not dangling.
  assert_true(std::strlen(msg) <= 200);
  assert_true(std::strlen(expl) <= 200);
  assert_string_equal(carto_import_last_error_message(), "");
}

void test_last_error_is_per_thread(void **) {
  ErrorInfo info;
  info.code = CARTO_IMPORT_EAUTH;
  info.message = "main thread error";
  set_last_error(info);

  int other_code_before = 99, other_code_after = 99;
  std::string other_msg_before = "x", other_msg_after;
  std::thread t([&] {
    other_code_before = carto_import_last_error_code();
    other_msg_before = carto_import_last_error_message();
    ErrorInfo mine;
    mine.code = CARTO_IMPORT_ETIMEDOUT;
    mine.message = "worker error";
    set_last_error(mine);
    other_code_after = carto_import_last_error_code();
    other_msg_after = carto_import_last_error_message();
  });
  t.join();
  assert_int_equal(other_code_before, 0);
  assert_str(other_msg_before, "");
  assert_int_equal(other_code_after, CARTO_IMPORT_ETIMEDOUT);
  assert_str(other_msg_after, "worker error");
  // The worker's error did not touch this thread's record.
  assert_int_equal(carto_import_last_error_code(), CARTO_IMPORT_EAUTH);
  assert_string_equal(carto_import_last_error_message(), "main thread error");
  clear_last_error();
}

void test_guard(void **) {
  // Success clears the previous error.
  set_last_error(Error(CARTO_IMPORT_EIO, "old").info());
  assert_int_equal(capi::guard([] {}), CARTO_IMPORT_OK);
  assert_int_equal(carto_import_last_error_code(), 0);

  // carto::Error: its code and message; the status equals the recorded code.
  int rc = capi::guard([] { throw Error(CARTO_IMPORT_ENOTFOUND, "no such job"); });
  assert_int_equal(rc, CARTO_IMPORT_ENOTFOUND);
  assert_int_equal(carto_import_last_error_code(), rc);
  assert_string_equal(carto_import_last_error_message(), "no such job");

  rc = capi::guard([] { throw std::bad_alloc(); });
  assert_int_equal(rc, CARTO_IMPORT_ENOMEM);
  assert_int_equal(carto_import_last_error_code(), CARTO_IMPORT_ENOMEM);
  assert_string_equal(carto_import_last_error_message(), "out of memory");

  rc = capi::guard([] { throw std::runtime_error("boom"); });
  assert_int_equal(rc, CARTO_IMPORT_EINTERNAL);
  assert_contains(carto_import_last_error_message(), "boom");
  assert_contains(carto_import_last_error_message(), "please report");

  rc = capi::guard([] { throw 42; });
  assert_int_equal(rc, CARTO_IMPORT_EINTERNAL);
  assert_contains(carto_import_last_error_message(), "unknown exception");

  // A failure is never reported as success, even with a bogus code.
  rc = capi::guard([] { throw Error(0, "zero"); });
  assert_int_equal(rc, CARTO_IMPORT_EINTERNAL);
  rc = capi::guard([] { throw Error(7, "positive"); });
  assert_int_equal(rc, CARTO_IMPORT_EINTERNAL);
  assert_int_equal(carto_import_last_error_code(), CARTO_IMPORT_EINTERNAL);

  // guard_value: the value, or on_error; a getter cannot fail, so the record stays (0.2).
  assert_int_equal(capi::guard_value(-1, [] { return 5; }), 5);
  assert_int_equal(capi::guard_value(-1, []() -> int { throw Error(CARTO_IMPORT_EINVAL, "x"); }),
                   -1);
  assert_int_equal(carto_import_last_error_code(), CARTO_IMPORT_EINTERNAL);
  clear_last_error();
}

struct Thing {
  int value;
};

void test_handle_registry(void **) {
  int a = 0, b = 0;
  assert_false(capi::is_live(&a, capi::Kind::client));
  capi::register_handle(&a, capi::Kind::client);
  assert_true(capi::is_live(&a, capi::Kind::client));
  assert_false(capi::is_live(&a, capi::Kind::options));  // wrong type
  assert_false(capi::is_live(&b, capi::Kind::client));
  assert_false(capi::is_live(nullptr, capi::Kind::client));
  capi::unregister_handle(&a);
  assert_false(capi::is_live(&a, capi::Kind::client));
  capi::unregister_handle(&a);  // twice: harmless

  // checked(): NULL, freed and wrong-type handles are EBADHANDLE with a clear message.
  Error e = expect_error(
      [] { capi::checked(static_cast<Thing *>(nullptr), capi::Kind::job, "job"); });
  assert_int_equal(e.code(), CARTO_IMPORT_EBADHANDLE);
  assert_str(e.what(), "job is NULL");
  e = expect_error([&] { capi::checked(&a, capi::Kind::job, "job"); });
  assert_int_equal(e.code(), CARTO_IMPORT_EBADHANDLE);
  assert_contains(e.what(), "already freed?");

  // make_handle / free_handle: live until freed, then not.
  Thing *t = nullptr;
  capi::make_handle(&t, capi::Kind::params, 7);
  assert_non_null(t);
  assert_int_equal(t->value, 7);
  assert_true(capi::is_live(t, capi::Kind::params));
  assert_ptr_equal(capi::checked(t, capi::Kind::params, "params"), t);
  const void *freed = t;
  capi::free_handle(t, capi::Kind::job);  // wrong kind: ignored, still live
  assert_true(capi::is_live(t, capi::Kind::params));
  capi::free_handle(t, capi::Kind::params);
  assert_false(capi::is_live(freed, capi::Kind::params));
  capi::free_handle(static_cast<Thing *>(nullptr), capi::Kind::params);

  e = expect_error(
      [] { capi::make_handle(static_cast<Thing **>(nullptr), capi::Kind::params, 1); });
  assert_int_equal(e.code(), CARTO_IMPORT_EINVAL);
  assert_str(e.what(), "out must not be NULL");
}

void test_c_handles_after_free(void **) {
  carto_import_options *o = nullptr;
  assert_int_equal(carto_import_options_new(&o), 0);
  assert_true(capi::is_live(o, capi::Kind::options));
  carto_import_options_free(o);
  assert_false(capi::is_live(o, capi::Kind::options));
  // The freed pointer is rejected, not dereferenced.
  assert_int_equal(carto_import_options_set_verify_tls(o, 1), CARTO_IMPORT_EBADHANDLE);
  carto_import_options_free(o);  // double free: ignored
}

}  // namespace

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_strerror_every_code),
      cmocka_unit_test(test_last_error_record),
      cmocka_unit_test(test_clear_keeps_message_pointer_valid),
      cmocka_unit_test(test_last_error_is_per_thread),
      cmocka_unit_test(test_guard),
      cmocka_unit_test(test_handle_registry),
      cmocka_unit_test(test_c_handles_after_free),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
