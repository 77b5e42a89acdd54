// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Base URLs (PROTOCOL §1.1): every form, username extraction, loopback detection, invalid
// inputs, and the percent-encoding of query strings.
#include "core/url.hpp"

#include "unit.hpp"

using carto::BaseUrl;
using carto::parse_base_url;

namespace {

struct Form {
  const char *input, *url, *username, *host;
  bool loopback;
};

const Form kForms[] = {
    // Cloud personal: the username is the host's first label.
    {"https://demo.carto.com/", "https://demo.carto.com/", "demo", "demo.carto.com", false},
    {"https://demo.carto.com", "https://demo.carto.com/", "demo", "demo.carto.com", false},
    // A leading "www." is skipped.
    {"https://www.demo.carto.com/", "https://www.demo.carto.com/", "demo",
     "www.demo.carto.com", false},
    // Organization: the /u/ or /user/ segment wins over the host.
    {"https://myorg.carto.com/u/alice/", "https://myorg.carto.com/u/alice/", "alice",
     "myorg.carto.com", false},
    {"https://myorg.carto.com/u/alice", "https://myorg.carto.com/u/alice/", "alice",
     "myorg.carto.com", false},
    {"https://myorg.carto.com/user/alice/", "https://myorg.carto.com/user/alice/", "alice",
     "myorg.carto.com", false},
    // On-premises ("subdomainless").
    {"https://carto.example.org/user/bob/", "https://carto.example.org/user/bob/", "bob",
     "carto.example.org", false},
    {"https://carto.example.org:8443/user/bob", "https://carto.example.org:8443/user/bob/",
     "bob", "carto.example.org", false},
    // An explicit default port is kept as given.
    {"https://demo.carto.com:443/", "https://demo.carto.com:443/", "demo", "demo.carto.com",
     false},
    // The URL is never lower-cased (only the scheme is).
    {"HTTPS://Demo.CARTO.com/", "https://Demo.CARTO.com/", "Demo", "Demo.CARTO.com", false},
    // Loopback forms.
    {"http://127.0.0.1:8080/user/dev/", "http://127.0.0.1:8080/user/dev/", "dev", "127.0.0.1",
     true},
    {"http://127.5.6.7/user/dev/", "http://127.5.6.7/user/dev/", "dev", "127.5.6.7", true},
    {"http://localhost:3000/user/dev", "http://localhost:3000/user/dev/", "dev", "localhost",
     true},
    {"http://[::1]:8080/user/dev", "http://[::1]:8080/user/dev/", "dev", "[::1]", true},
    {"https://[2001:db8::1]/user/x/", "https://[2001:db8::1]/user/x/", "x", "[2001:db8::1]",
     false},
    // Extra path segments after the user are kept; dot segments are resolved.
    {"https://org.carto.com/u/alice/extra/", "https://org.carto.com/u/alice/extra/", "alice",
     "org.carto.com", false},
    {"https://org.carto.com/x/../u/bob/", "https://org.carto.com/u/bob/", "bob",
     "org.carto.com", false},
    // A percent-encoded host name is decoded.
    {"https://d%65mo.carto.com/", "https://demo.carto.com/", "demo", "demo.carto.com", false},
    // "/user/" without a name: the host label, as the server does.
    {"https://org.carto.com/user/", "https://org.carto.com/user/", "org", "org.carto.com",
     false},
};

void test_forms(void **) {
  for (const Form &f : kForms) {
    BaseUrl b = parse_base_url(f.input);
    assert_str(b.url, f.url);
    assert_str(b.username, f.username);
    assert_str(b.host, f.host);
    if (b.loopback != f.loopback) fail_msg("%s: loopback should be %d", f.input, f.loopback);
    assert_str(b.scheme, std::string(f.url).rfind("https:", 0) == 0 ? "https" : "http");
    // The path is the URL's, from the slash after the host (the debug line's prefix).
    const std::string url = f.url;
    assert_str(b.path, url.substr(url.find('/', url.find("://") + 3)));
  }
}

struct Bad {
  const char *input, *why;
};

const Bad kBad[] = {
    {"", "empty"},
    {"demo.carto.com", "cannot be parsed"},
    {"ftp://demo.carto.com/", "scheme must be https or http"},
    {"file:///etc/passwd", "scheme"},
    {"https://demo.carto.com/?api_key=x", "query string"},
    {"https://demo.carto.com/#top", "fragment"},
    {"https://demo:secret@demo.carto.com/", "credentials"},
    {"https://demo carto.com/", "spaces or control characters"},
    {"https://demo.carto.com/\n", "control characters"},
    {"https://localhost/", "no username"},
    {"https://carto/", "no username"},
    {"https://10.0.0.1/", "no username"},
    {"https://.carto.com/", "no username"},
    {"https://[::1]/", "no username"},
    {"https://[::ffff:10.0.0.1]/", "no username"},
    {"https://demo.carto.com:99999/", "cannot be parsed"},
    // libcurl percent-decodes the host: what is left must be a host name, or the normalised
    // URL would parse to another host (found by fuzz_base_url).
    {"https://127.4%%%%44/user/x/", "a host name cannot have"},
    {"https://a%25b.carto.com/", "a host name cannot have"},
    {"https://de%7emo.carto.com/", "a host name cannot have"},
    {"https://de~mo.carto.com/", "a host name cannot have"},
    {"https://[fe80::1%25eth0]/user/x/", "zone id"},
};

void test_invalid(void **) {
  for (const Bad &b : kBad) {
    carto::Error e = expect_error([&] { parse_base_url(b.input); });
    assert_int_equal(e.code(), CARTO_IMPORT_EINVAL);
    assert_contains(e.what(), "invalid base URL");
    assert_contains(e.what(), b.why);
    // Every message says what a valid URL looks like.
    assert_contains(e.what(), "https://USER.carto.com/");
  }
}

void test_port_message_names_the_real_problem(void **) {
  // A bad port is not a missing scheme.
  carto::Error e = expect_error([] { parse_base_url("https://demo.carto.com:99999/"); });
  assert_not_contains(e.what(), "needs a scheme");
  e = expect_error([] { parse_base_url("demo.carto.com/user/x"); });
  assert_contains(e.what(), "needs a scheme");
}

void test_username_from(void **) {
  using carto::username_from;
  assert_str(username_from("demo.carto.com", "/"), "demo");
  assert_str(username_from("WWW.demo.carto.com", "/"), "demo");
  assert_str(username_from("org.carto.com", "/u/alice/"), "alice");
  assert_str(username_from("org.carto.com", "/user/alice/"), "alice");
  assert_str(username_from("org.carto.com", "/user/alice/api/v1/"), "alice");
  assert_str(username_from("org.carto.com", "/users/alice/"), "org");
  assert_str(username_from("org.carto.com", "/u/"), "org");
  assert_str(username_from("host", "/"), "");
  assert_str(username_from("127.0.0.1", "/"), "");
  assert_str(username_from("[::1]", "/"), "");
  assert_str(username_from("[::ffff:1.2.3.4]", "/"), "");
  assert_str(username_from("[::1]", "/user/me/"), "me");
}

void test_loopback(void **) {
  using carto::is_loopback_host;
  for (const char *h : {"localhost", "LocalHost", "app.localhost", "127.0.0.1", "127.255.0.9",
                        "::1", "[::1]"})
    if (!is_loopback_host(h)) fail_msg("%s should be loopback", h);
  for (const char *h : {"", "localhost.example.com", "127.0.0.1.nip.io", "128.0.0.1", "10.0.0.1",
                        "127.0.0", "127.0.0.1x", "::2", "[::2]", "demo.carto.com", "localhost."})
    if (is_loopback_host(h)) fail_msg("%s should not be loopback", h);
}

void test_url_encode(void **) {
  using carto::url_encode;
  assert_str(url_encode(""), "");
  assert_str(url_encode("AZaz09-_.~"), "AZaz09-_.~");
  assert_str(url_encode("a b&c=d/e?f#g+h%"), "a%20b%26c%3Dd%2Fe%3Ff%23g%2Bh%25");
  assert_str(url_encode("\xc3\xa9"), "%C3%A9");  // UTF-8 bytes, upper-case hex
  assert_str(url_encode(std::string("a\0b", 3)), "a%00b");
}

void test_encode_query(void **) {
  using carto::encode_query;
  assert_str(encode_query({}), "");
  assert_str(encode_query({{"a", "1"}}), "a=1");
  assert_str(encode_query({{"a", "1"}, {"b", "x y"}}), "a=1&b=x%20y");
  assert_str(encode_query({{"k&=", "v&="}, {"empty", ""}}), "k%26%3D=v%26%3D&empty=");
  // Order is kept; repeated keys are allowed.
  assert_str(encode_query({{"z", "1"}, {"a", "2"}, {"z", "3"}}), "z=1&a=2&z=3");
}

void test_decode_query(void **) {
  using carto::decode_query;
  using carto::QueryParams;
  const auto same = [](const QueryParams &got, const QueryParams &want) {
    assert_int_equal(got.size(), want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      assert_str(got[i].first, want[i].first);
      assert_str(got[i].second, want[i].second);
    }
  };
  same(decode_query(""), {});
  same(decode_query("?"), {});
  same(decode_query("a=1&b=x%20y"), {{"a", "1"}, {"b", "x y"}});
  // A leading '?', '+' as a space, empty items skipped, a name without '=' has an empty value.
  same(decode_query("?q=no+such%2Bthing&&flag&e="),
       {{"q", "no such+thing"}, {"flag", ""}, {"e", ""}});
  // Order and repeated names are kept; '=' after the first belongs to the value.
  same(decode_query("z=1&a=2&z=a%3Db=c"), {{"z", "1"}, {"a", "2"}, {"z", "a=b=c"}});
  // The inverse of encode_query.
  const QueryParams odd = {{"k&=", "v&= %"}, {"\xc3\xa9", "\xc3\xa9"}};
  same(decode_query(carto::encode_query(odd)), odd);
  for (const char *bad : {"=y", "q=x&=y", "%3d=1&=", "q=1&=&r=2"}) {
    carto::Error e = expect_error([&] { decode_query(bad); });
    assert_int_equal(e.code(), CARTO_IMPORT_EINVAL);
    assert_contains(e.what(), "has no name");
  }
}

}  // namespace

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_forms),
      cmocka_unit_test(test_invalid),
      cmocka_unit_test(test_port_message_names_the_real_problem),
      cmocka_unit_test(test_username_from),
      cmocka_unit_test(test_loopback),
      cmocka_unit_test(test_url_encode),
      cmocka_unit_test(test_encode_query),
      cmocka_unit_test(test_decode_query),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
