// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Decoding server replies (PROTOCOL §6): every error body shape of §6.3, the status mapping,
// Retry-After and the Carto-Rate-Limit-* headers.
#include "core/response.hpp"

#include "unit.hpp"

using carto::decode_http_error;
using carto::ErrorInfo;
using carto::HttpReply;
using carto::parse_retry_after;
using carto::server_error_text;

namespace {

const char *const kReq = "GET api/v1/imports";

HttpReply reply(long status, const std::string &body = "",
                std::map<std::string, std::string> headers = {}) {
  HttpReply r;
  r.status = status;
  r.body = body;
  r.headers = std::move(headers);
  return r;
}

void test_server_error_text_shapes(void **) {
  // Every body form of the catalogue.
  assert_str(server_error_text(R"({"errors":{"imports":"Invalid file"}})"), "Invalid file");
  assert_str(server_error_text(R"({"errors":"Invalid interval"})"), "Invalid interval");
  assert_str(server_error_text(R"({"errors":["a","b"]})"), "a; b");
  assert_str(server_error_text(R"({"error":"bad order param"})"), "bad order param");
  assert_str(server_error_text(R"({"error":["m"]})"), "m");
  assert_str(server_error_text(R"({"errors":{"callback":"Invalid callback format"}})"),
             "Invalid callback format");
  assert_str(server_error_text(R"({"error":"unverified"})"), "unverified");
  assert_str(server_error_text(R"({"errors":"Visualization does not exist","errors_cause":null})"),
             "Visualization does not exist");
  assert_str(server_error_text(R"({"status":500,"error":"Internal Server Error"})"),
             "Internal Server Error");
  assert_str(server_error_text(R"({"status":404,"error":"Not Found"})"), "Not Found");
  // SQL API and Maps API 429 bodies.
  assert_str(server_error_text(R"({"error":["You are over platform's limits"],)"
                               R"("context":"limit","detail":"rate-limit"})"),
             "You are over platform's limits");
  assert_str(server_error_text(R"({"errors":["too many requests"],"errors_with_context":)"
                               R"([{"type":"limit","subtype":"rate-limit","message":"ctx"}]})"),
             "too many requests");
  assert_str(server_error_text(R"({"errors_with_context":[{"message":"m1"},{"message":"m2"}]})"),
             "m1; m2");
  // Several members, nested lists, skipped non-strings.
  assert_str(server_error_text(R"({"errors":{"imports":"x","callback":"y"}})"), "x; y");
  assert_str(server_error_text(R"({"errors":{"imports":["x","y"]}})"), "x; y");
  assert_str(server_error_text(R"({"errors":["a",3,null,"","b"]})"), "a; b");
  // "errors" wins over "error"; an unusable "errors" falls back to "error".
  assert_str(server_error_text(R"({"errors":"first","error":"second"})"), "first");
  assert_str(server_error_text(R"({"errors":42,"error":"second"})"), "second");
  // Nothing usable.
  assert_str(server_error_text(""), "");
  assert_str(server_error_text("<html><body>Bad Gateway</body></html>"), "");
  assert_str(server_error_text("[\"a\"]"), "");
  assert_str(server_error_text("\"text\""), "");
  assert_str(server_error_text(R"({"imports":[]})"), "");
  assert_str(server_error_text(R"({"errors":{}})"), "");
  assert_str(server_error_text(R"({"error":null})"), "");
  assert_str(server_error_text("{\"errors\":\"trunc"), "");
}

void test_empty_bodies(void **) {
  struct Case {
    long status;
    int code;
    const char *says;
  } cases[] = {
      {401, CARTO_IMPORT_EAUTH, "master API key"},
      {403, CARTO_IMPORT_EFORBIDDEN, "forbidden"},
      {404, CARTO_IMPORT_ENOTFOUND, "not found"},
      {400, CARTO_IMPORT_EBADREQUEST, "rejected"},
      {422, CARTO_IMPORT_EBADREQUEST, "rejected"},
      {429, CARTO_IMPORT_ERATELIMIT, "too many requests"},
      {500, CARTO_IMPORT_ESERVER, "the server failed"},
      {502, CARTO_IMPORT_ESERVER, "the server failed"},
      {503, CARTO_IMPORT_ESERVER, "retry later"},
      {504, CARTO_IMPORT_ESERVER, "the server failed"},
      {599, CARTO_IMPORT_ESERVER, "the server failed"},
      {418, CARTO_IMPORT_EHTTP, "unexpected status"},
      {410, CARTO_IMPORT_EHTTP, "unexpected status"},
      {100, CARTO_IMPORT_EHTTP, "unexpected status"},
  };
  for (const Case &c : cases) {
    ErrorInfo e = decode_http_error(kReq, reply(c.status));
    if (e.code != c.code) fail_msg("HTTP %ld: code %d, expected %d", c.status, e.code, c.code);
    assert_int_equal(e.http_status, c.status);
    assert_contains(e.message, std::string(kReq) + ": HTTP " + std::to_string(c.status));
    assert_contains(e.message, c.says);
    assert_not_contains(e.message, "server said");
    assert_false(e.has_explanation);
    assert_false(e.has_title);
    assert_false(e.has_source);
    assert_int_equal(e.remote_code, 0);
    assert_int_equal(e.retry_after, -1);
    assert_int_equal(e.rate_limit, -1);
    assert_int_equal(e.rate_remaining, -1);
    assert_int_equal(e.rate_reset, -1);
  }
}

void test_json_bodies(void **) {
  struct Case {
    long status;
    const char *body;
    int code;
    const char *explanation;
  } cases[] = {
      {400, R"({"errors":{"imports":"Invalid file"}})", CARTO_IMPORT_EBADREQUEST, "Invalid file"},
      {400, R"({"errors":"Invalid interval"})", CARTO_IMPORT_EBADREQUEST, "Invalid interval"},
      {400, R"({"errors":["a","b"]})", CARTO_IMPORT_EBADREQUEST, "a; b"},
      {400, R"({"error":"bad order"})", CARTO_IMPORT_EBADREQUEST, "bad order"},
      {400, R"({"errors":{"callback":"Invalid callback format"}})", CARTO_IMPORT_EBADREQUEST,
       "Invalid callback format"},
      {422, R"({"errors":["name taken"]})", CARTO_IMPORT_EBADREQUEST, "name taken"},
      {403, R"({"error":"unverified"})", CARTO_IMPORT_EFORBIDDEN, "unverified"},
      {403, R"({"errors":"not editable","errors_cause":"privacy_password"})",
       CARTO_IMPORT_EFORBIDDEN, "not editable"},
      {404, R"({"status":404,"error":"Not Found"})", CARTO_IMPORT_ENOTFOUND, "Not Found"},
      {404, R"({"errors":"Visualization does not exist","errors_cause":null})",
       CARTO_IMPORT_ENOTFOUND, "Visualization does not exist"},
      {429, R"({"errors":{"imports":"already using your allowed 4 import slots"}})",
       CARTO_IMPORT_ERATELIMIT, "already using your allowed 4 import slots"},
      {500, R"({"status":500,"error":"Internal Server Error"})", CARTO_IMPORT_ESERVER,
       "Internal Server Error"},
  };
  for (const Case &c : cases) {
    ErrorInfo e = decode_http_error(kReq, reply(c.status, c.body));
    if (e.code != c.code) fail_msg("%s: code %d, expected %d", c.body, e.code, c.code);
    assert_int_equal(e.http_status, c.status);
    assert_true(e.has_explanation);
    assert_str(e.explanation, c.explanation);
    // 401 aside, the message quotes the server.
    assert_contains(e.message, std::string("(server said: ") + c.explanation + ")");
  }
  // The Import API's concurrency 429 has no Retry-After: the message says to wait for imports.
  ErrorInfo e = decode_http_error(kReq, reply(429, cases[10].body));
  assert_int_equal(e.retry_after, -1);
  assert_contains(e.message, "wait for running imports to finish");
}

void test_json_without_error_member(void **) {
  for (const char *body : {R"({"foo":1})", "[]", R"({"errors":{}})", "null"}) {
    ErrorInfo e = decode_http_error(kReq, reply(500, body));
    assert_int_equal(e.code, CARTO_IMPORT_ESERVER);
    assert_false(e.has_explanation);
    assert_not_contains(e.message, "server said");
  }
}

void test_non_json_bodies(void **) {
  ErrorInfo e = decode_http_error(
      kReq, reply(502, "<html>\r\n<body>\t502 Bad Gateway</body>\n</html>",
                  {{"content-type", "text/html"}}));
  assert_int_equal(e.code, CARTO_IMPORT_ESERVER);
  assert_int_equal(e.http_status, 502);
  assert_true(e.has_explanation);
  // Control characters become spaces; the excerpt is quoted.
  assert_str(e.explanation, "non-JSON reply: <html>  <body> 502 Bad Gateway</body> </html>");
  assert_contains(e.message, "server said: non-JSON reply: <html>");

  // A long page is cut to a short excerpt.
  const std::string page = "<html>" + std::string(5000, 'x') + "</html>";
  e = decode_http_error(kReq, reply(404, page));
  assert_int_equal(e.code, CARTO_IMPORT_ENOTFOUND);
  assert_true(e.explanation.size() < 200);
  assert_contains(e.explanation, "...");
  assert_not_contains(e.explanation, "</html>");

  e = decode_http_error(kReq, reply(400, "plain text error"));
  assert_int_equal(e.code, CARTO_IMPORT_EBADREQUEST);
  assert_str(e.explanation, "non-JSON reply: plain text error");
}

void test_redirects(void **) {
  for (long status : {301L, 302L, 303L, 307L, 308L}) {
    ErrorInfo e = decode_http_error(
        kReq, reply(status, "", {{"location", "https://demo.carto.com/api/v1/imports"}}));
    assert_int_equal(e.code, CARTO_IMPORT_EHTTP);
    assert_int_equal(e.http_status, status);
    assert_contains(e.message, "redirects to https://demo.carto.com/api/v1/imports");
    assert_contains(e.message, "set the base URL to the final address");
    assert_contains(e.message, "redirects are not followed");
  }
  ErrorInfo e = decode_http_error(kReq, reply(304));
  assert_int_equal(e.code, CARTO_IMPORT_EHTTP);
  assert_contains(e.message, "the server redirects;");
}

void test_rate_limit_headers(void **) {
  // Maps API 429: Retry-After and all three Carto-Rate-Limit-* headers.
  ErrorInfo e = decode_http_error(
      kReq, reply(429,
                  R"({"errors":["You are over platform's limits: too many requests."],)"
                  R"("errors_with_context":[{"type":"limit","subtype":"rate-limit",)"
                  R"("message":"You are over platform's limits: too many requests."}]})",
                  {{"retry-after", "7"},
                   {"carto-rate-limit-limit", "10"},
                   {"carto-rate-limit-remaining", "0"},
                   {"carto-rate-limit-reset", "12"}}));
  assert_int_equal(e.code, CARTO_IMPORT_ERATELIMIT);
  assert_int_equal(e.retry_after, 7);
  assert_int_equal(e.rate_limit, 10);
  assert_int_equal(e.rate_remaining, 0);
  assert_int_equal(e.rate_reset, 12);
  assert_contains(e.message, "retry after 7 s");
  assert_str(e.explanation, "You are over platform's limits: too many requests.");

  // Headers on any status are read; malformed or negative values are "absent".
  e = decode_http_error(kReq, reply(503, "", {{"retry-after", "-1"},
                                              {"carto-rate-limit-limit", "abc"},
                                              {"carto-rate-limit-remaining", "-5"},
                                              {"carto-rate-limit-reset", "3s"}}));
  assert_int_equal(e.retry_after, -1);
  assert_int_equal(e.rate_limit, -1);
  assert_int_equal(e.rate_remaining, -1);
  assert_int_equal(e.rate_reset, -1);

  // Only some of them.
  e = decode_http_error(kReq, reply(429, "", {{"carto-rate-limit-remaining", "3"}}));
  assert_int_equal(e.rate_limit, -1);
  assert_int_equal(e.rate_remaining, 3);
  assert_int_equal(e.rate_reset, -1);
  assert_contains(e.message, "wait for running imports");
}

void test_retry_after(void **) {
  const std::time_t now = 1445412480;  // Wed, 21 Oct 2015 07:28:00 GMT
  assert_int_equal(parse_retry_after("120", now), 120);
  assert_int_equal(parse_retry_after("0", now), 0);
  assert_int_equal(parse_retry_after("007", now), 7);
  assert_int_equal(parse_retry_after("", now), -1);
  assert_int_equal(parse_retry_after("-1", now), -1);  // Windshaft's "not limited"
  assert_int_equal(parse_retry_after("-30", now), -1);
  assert_int_equal(parse_retry_after("abc", now), -1);
  assert_int_equal(parse_retry_after("1.5", now), -1);
  assert_int_equal(parse_retry_after("5s", now), -1);
  assert_int_equal(parse_retry_after("1 2", now), -1);
  // Absurdly large values are clamped, not overflowed.
  assert_int_equal(parse_retry_after("99999999999999999999999", now), 999999999);
  // HTTP-dates, relative to now, in the three formats of RFC 9110.
  assert_int_equal(parse_retry_after("Wed, 21 Oct 2015 07:29:30 GMT", now), 90);
  assert_int_equal(parse_retry_after("Wednesday, 21-Oct-15 07:29:30 GMT", now), 90);
  assert_int_equal(parse_retry_after("Wed Oct 21 07:29:30 2015", now), 90);
  assert_int_equal(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now), 0);
  // A date in the past means "now".
  assert_int_equal(parse_retry_after("Tue, 20 Oct 2015 07:28:00 GMT", now), 0);
}

void test_protocol_error(void **) {
  carto::Error e = carto::protocol_error(kReq, "no \"imports\" list in the reply");
  assert_int_equal(e.code(), CARTO_IMPORT_EPROTOCOL);
  assert_contains(e.what(), "GET api/v1/imports: the reply does not follow the CARTO protocol");
  assert_contains(e.what(), "no \"imports\" list");
  assert_contains(e.what(), "check that the base URL points to a CARTO server");
}

void test_header_lookup(void **) {
  HttpReply r = reply(200, "", {{"retry-after", "3"}});
  assert_str(r.header("retry-after"), "3");
  assert_str(r.header("x-absent"), "");
}

}  // namespace

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_server_error_text_shapes),
      cmocka_unit_test(test_empty_bodies),
      cmocka_unit_test(test_json_bodies),
      cmocka_unit_test(test_json_without_error_member),
      cmocka_unit_test(test_non_json_bodies),
      cmocka_unit_test(test_redirects),
      cmocka_unit_test(test_rate_limit_headers),
      cmocka_unit_test(test_retry_after),
      cmocka_unit_test(test_protocol_error),
      cmocka_unit_test(test_header_lookup),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
