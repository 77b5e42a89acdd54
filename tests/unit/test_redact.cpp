// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Keeping API keys out of messages: registered secrets, api_key= parameters, "api_key" JSON
// members, Authorization headers, and the last-error record.
#include "core/redact.hpp"

#include <chrono>
#include <cstdlib>

#include "unit.hpp"

using carto::redact;
using carto::redact_secrets;
using carto::forget_secrets;
using carto::register_secret;

namespace {

const char *const kKey = "f00dfeedcafe1234deadbeef5678abcd";
const int kOwner = 1, kOtherOwner = 2;  // their addresses stand for two clients

void test_one_secret(void **) {
  assert_str(redact("key f00d and f00d again", "f00d"), "key [REDACTED] and [REDACTED] again");
  assert_str(redact("nothing here", "f00d"), "nothing here");
  assert_str(redact("", "f00d"), "");
  // Adjacent occurrences, and a secret that is a prefix of the mask's text.
  assert_str(redact("aaaa", "aa"), "[REDACTED][REDACTED]");
  assert_str(redact("RED", "RED"), "[REDACTED]");
  // An empty secret redacts nothing (and does not loop).
  assert_str(redact("text", ""), "text");
}

void test_registry(void **) {
  const std::string msg = std::string("GET with key ") + kKey;
  assert_contains(redact_secrets(msg), kKey);  // not registered yet
  register_secret(&kOwner, kKey);
  assert_str(redact_secrets(msg), "GET with key [REDACTED]");
  // Two clients holding the same key (one of them twice): it stays until both forget it.
  register_secret(&kOtherOwner, kKey);
  register_secret(&kOtherOwner, kKey);
  forget_secrets(&kOtherOwner);
  assert_str(redact_secrets(msg), "GET with key [REDACTED]");
  forget_secrets(&kOwner);
  assert_str(redact_secrets(msg), msg);
  // Forgetting twice, or an owner without secrets, and empty secrets are harmless.
  forget_secrets(&kOwner);
  register_secret(&kOwner, "");
  assert_str(redact_secrets("a b c"), "a b c");
  forget_secrets(&kOwner);
}

void test_several_secrets(void **) {
  register_secret(&kOwner, "key-one-1111");
  register_secret(&kOwner, "key-two-2222");
  assert_str(redact_secrets("key-one-1111/key-two-2222"), "[REDACTED]/[REDACTED]");
  forget_secrets(&kOwner);
  assert_str(redact_secrets("key-one-1111/key-two-2222"), "key-one-1111/key-two-2222");
}

void test_query_parameter(void **) {
  // Any api_key parameter, registered or not, in URLs and query strings.
  assert_str(redact_secrets("https://x.carto.com/api/v1/imports?api_key=abc123&b=2"),
             "https://x.carto.com/api/v1/imports?api_key=[REDACTED]&b=2");
  assert_str(redact_secrets("?a=1&api_key=abc123"), "?a=1&api_key=[REDACTED]");
  assert_str(redact_secrets("api_key=abc#frag"), "api_key=[REDACTED]#frag");
  assert_str(redact_secrets("url 'x?api_key=abc' and \"y?API_KEY=def\" end"),
             "url 'x?api_key=[REDACTED]' and \"y?API_KEY=[REDACTED]\" end");
  assert_str(redact_secrets("api_key=a\r\napi_key=b\tapi_key=c d"),
             "api_key=[REDACTED]\r\napi_key=[REDACTED]\tapi_key=[REDACTED] d");
  // An empty value stays empty; redacting twice changes nothing.
  assert_str(redact_secrets("?api_key=&x=1"), "?api_key=&x=1");
  const std::string once = redact_secrets("?api_key=abc");
  assert_str(redact_secrets(once), once);
}

void test_json_member(void **) {
  assert_str(redact_secrets(R"({"api_key":"abc123","client":"c"})"),
             R"({"api_key":"[REDACTED]","client":"c"})");
  assert_str(redact_secrets(R"({"API_KEY":"abc"})"), R"({"API_KEY":"[REDACTED]"})");
  assert_str(redact_secrets(R"({"api_key":""})"), R"({"api_key":""})");
  // Pretty-printed JSON, and escaped quotes inside the value.
  assert_str(redact_secrets("{\n  \"api_key\" : \"abc\",\n  \"x\": 1\n}"),
             "{\n  \"api_key\" : \"[REDACTED]\",\n  \"x\": 1\n}");
  assert_str(redact_secrets(R"({"api_key":"a\"b","x":"y"})"),
             R"({"api_key":"[REDACTED]","x":"y"})");
  // Not a string value, or a truncated document: nothing to mask, nothing broken.
  assert_str(redact_secrets(R"({"api_key":null})"), R"({"api_key":null})");
  assert_str(redact_secrets(R"({"api_key")"), R"({"api_key")");
  assert_str(redact_secrets(R"({"api_key":"abc)"), R"({"api_key":"[REDACTED])");
}

void test_authorization_header(void **) {
  // The credential only: the scheme's name and what follows stay.
  assert_str(redact_secrets("Authorization: Basic ZGVtbzpLRVk=\r\nAccept: */*"),
             "Authorization: Basic [REDACTED]\r\nAccept: */*");
  assert_str(redact_secrets("authorization: bearer tok.en\n"), "authorization: bearer [REDACTED]\n");
  assert_str(redact_secrets("AUTHORIZATION:Basic ZGVtbzpLRVk="), "AUTHORIZATION:Basic [REDACTED]");
  assert_str(redact_secrets("Authorization: Token abc"), "Authorization: Token [REDACTED]");
  assert_str(redact_secrets("Authorization: abc, then more"), "Authorization: [REDACTED], then more");
  // A Basic credential anywhere, but not prose.
  assert_str(redact_secrets("sent Basic dXNlcjpwYXNz to it"), "sent Basic [REDACTED] to it");
  assert_str(redact_secrets("an HTTP Basic Authorization header"),
             "an HTTP Basic Authorization header");
}

void test_any_spelling_and_passwords(void **) {
  assert_str(redact_secrets("apiKey=abc&x=1 API-KEY: def, Api.Key=ghi apikey=jkl"),
             "apiKey=[REDACTED]&x=1 API-KEY: [REDACTED], Api.Key=[REDACTED] apikey=[REDACTED]");
  // The value only, not the rest of the sentence.
  assert_str(redact_secrets("api_key=abc; check the key"), "api_key=[REDACTED]; check the key");
  // password members of any type, plain or escaped JSON, with leading white space.
  assert_str(redact_secrets(" \n{\"connection\":{\"password\": \"p w\",\"port\":5432}}"),
             " \n{\"connection\":{\"password\": \"[REDACTED]\",\"port\":5432}}");
  assert_str(redact_secrets(R"({"password":12345,"a":1})"), R"({"password":[REDACTED],"a":1})");
  assert_str(redact_secrets(R"({\"passwd\":\"x\"})"), R"({\"passwd\":\"[REDACTED]\"})");
  assert_str(redact_secrets("db?user=u&password=pw&x=1"), "db?user=u&password=[REDACTED]&x=1");
  // Words that only look like names stay.
  assert_str(redact_secrets("a password-protected dataset; api_keys=1; the API key"),
             "a password-protected dataset; api_keys=1; the API key");
}

void test_url_userinfo(void **) {
  assert_str(redact_secrets("'gopher://u:PW@h/x' is not an http URL"),
             "'gopher://u:[REDACTED]@h/x' is not an http URL");
  assert_str(redact_secrets("ftp://user:p%40ss@host:21/f.csv"), "ftp://user:[REDACTED]@host:21/f.csv");
  assert_str(redact_secrets("postgres://u:a@b@db/x"), "postgres://u:[REDACTED]@db/x");
  // No password, or no userinfo: unchanged.
  assert_str(redact_secrets("http://a@b/ https://h:443/x"), "http://a@b/ https://h:443/x");
}

// Each "://" looks for its userinfo's '@' in its own authority only: a reply quoting many
// URL-like strings (no '@' after them) is redacted in linear time, not by searching back over
// the whole text for each one.
void test_url_userinfo_is_linear(void **) {
  std::string text = "x@y ";
  for (int i = 0; i < 200000; ++i) text += "a://";
  const auto t0 = std::chrono::steady_clock::now();
  const std::string out = redact_secrets(text);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  assert_str(out, text);
  const double limit = std::getenv("CARTO_IMPORT_TEST_UNDER_VALGRIND") ? 20.0 : 2.0;
  if (secs > limit) fail_msg("redacting %zu bytes took %.1f s", text.size(), secs);
  // Still masked: the '@' of the last authority, not one of an earlier URL.
  assert_str(redact_secrets("s://u:p@h/ t://v:w@k"), "s://u:[REDACTED]@h/ t://v:[REDACTED]@k");
  assert_str(redact_secrets("s://u@h/ t://x:y/z@k"), "s://u@h/ t://x:y/z@k");
}

void test_wipe(void **) {
  std::string s = "secret";
  const char *p = s.data();
  carto::wipe(s);
  assert_true(s.empty());
  for (int i = 0; i < 6; ++i) assert_int_equal(p[i], 0);  // small string: the buffer is kept
  std::string empty;
  carto::wipe(empty);
  assert_true(empty.empty());
}

void test_last_error_is_redacted(void **) {
  register_secret(&kOwner, kKey);
  carto::ErrorInfo info;
  info.code = CARTO_IMPORT_EBADREQUEST;
  info.message = std::string("GET api/v1/imports?api_key=") + kKey + " failed, key " + kKey;
  info.set_title(std::string("title ") + kKey);
  info.set_explanation(std::string("the server echoed ") + kKey);
  info.set_source(std::string("source ") + kKey);
  carto::set_last_error(info);
  const carto::ErrorInfo &e = carto::last_error();
  assert_int_equal(e.code, CARTO_IMPORT_EBADREQUEST);
  assert_not_contains(e.message, kKey);
  assert_not_contains(e.title, kKey);
  assert_not_contains(e.explanation, kKey);
  assert_not_contains(e.source, kKey);
  assert_contains(e.message, "[REDACTED]");
  assert_contains(e.explanation, "the server echoed [REDACTED]");
  forget_secrets(&kOwner);
  carto::clear_last_error();
}

}  // namespace

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_one_secret),
      cmocka_unit_test(test_registry),
      cmocka_unit_test(test_several_secrets),
      cmocka_unit_test(test_query_parameter),
      cmocka_unit_test(test_json_member),
      cmocka_unit_test(test_authorization_header),
      cmocka_unit_test(test_any_spelling_and_passwords),
      cmocka_unit_test(test_url_userinfo),
      cmocka_unit_test(test_url_userinfo_is_linear),
      cmocka_unit_test(test_wipe),
      cmocka_unit_test(test_last_error_is_redacted),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
