// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The engine's pure parts: table naming (§2.6), the error catalogue (§2.5), the CSV pre-scan;
// and the common layer's library wrappers (crypto, URL encoding, ids, file names).
#include <set>

#include "importer/engine.hpp"
#include "engine_test.hpp"
#include "common/crypto.hpp"
#include "common/files.hpp"
#include "common/ids.hpp"
#include "common/url.hpp"

using namespace cis;

static void test_propose_table_name(void **) {
  assert_str(propose_table_name("My Data File"), "my_data_file");
  assert_str(propose_table_name("Ñandú café"), "nandu_cafe");
  assert_str(propose_table_name("2019 sales"), "table_2019_sales");
  assert_str(propose_table_name("_private"), "table_private");
  assert_str(propose_table_name("a--b..c"), "a_b_c");
  assert_str(propose_table_name("select"), "select_t");
  assert_str(propose_table_name("TABLE"), "table_t");
  assert_str(propose_table_name("layergroup"), "layergroup_t");
  assert_str(propose_table_name("all"), "all_t");
  assert_str(propose_table_name("spatial_ref_sys"), "spatial_ref_sys_t");
  assert_str(propose_table_name("gpkg_contents"), "table_gpkg_contents");
  assert_str(propose_table_name(""), "untitled_table");
  assert_str(propose_table_name("???"), "untitled_table");
  assert_str(propose_table_name("日本"), "untitled_table");
  std::string longname(100, 'a');
  assert_int_equal(propose_table_name(longname).size(), 63);
}

static void test_unique_table_name(void **) {
  std::set<std::string> taken = {"roads", "roads_1", std::string(63, 'x')};
  auto is_taken = [&](const std::string &n) { return taken.count(n) > 0; };
  assert_str(unique_table_name("rivers", is_taken), "rivers");
  assert_str(unique_table_name("roads", is_taken), "roads_2");
  std::string u = unique_table_name(std::string(63, 'x'), is_taken);
  assert_int_equal(u.size(), 63);
  assert_str(u.substr(61), "_1");
}

static void test_launder_column_name(void **) {
  assert_str(launder_column_name("Population 2020"), "population_2020");
  assert_str(launder_column_name("1990"), "_1990");
  assert_str(launder_column_name("%%"), "column");
  assert_str(launder_column_name("Año"), "ano");
}

static void test_error_catalogue(void **) {
  const int codes[] = {1,    1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1011,
                       1012, 1013, 1014, 1015, 1016, 1017, 1018, 1019, 1020, 1021, 1022, 1023,
                       1100, 1101, 1102, 1103, 1500, 1501, 1502, 2001, 2002, 2003, 2004, 2005,
                       2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 3007, 3008, 3009,
                       3101, 3201, 3202, 6666, 6667, 6668, 6669, 6670, 6671, 8001, 8002, 8003,
                       8004, 8005, 8006, 8007, 8008, 99999};
  for (int code : codes) {
    const ErrorInfo *e = error_info(code);
    if (!e) fail_msg("no entry for %d", code);
    assert_int_equal(e->code, code);
    assert_true(std::string(e->what_about).size() > 20);
    std::string source = e->source;
    assert_true(source == "user" || source == "cartodb" || source == "external");
  }
  assert_null(error_info(1010));
  assert_null(error_info(9999));
  assert_null(error_info(0));
  assert_null(error_info(4242));
  assert_str(error_info(1002)->title, "Unsupported/Unrecognized file type");
  assert_str(error_info(8002)->title,
             "You have reached the limit of datasets for your plan. Upgrade your account to get "
             "unlimited datasets");
  assert_str(error_info(6671)->source, "cartodb");
  assert_str(error_info(1009)->source, "external");
  assert_str(error_info(1012)->source, "external");
  assert_str(error_info(99999)->title, "Unknown");
}

static void test_sha256(void **) {
  Sha256 empty;
  assert_str(empty.hex(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  Sha256 abc;
  abc.update("abc", 3);
  assert_str(abc.hex(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Sha256 split;  // 56 bytes, fed unevenly: the padding spills into a second block
  std::string s = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  split.update(s.data(), 5);
  split.update(s.data() + 5, s.size() - 5);
  assert_str(split.hex(), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void test_base64(void **) {
  std::string out;
  assert_true(base64_decode("YWxpY2U6c2VjcmV0", out));
  assert_str(out, "alice:secret");
  assert_true(base64_decode("YQ==", out) && out == "a");
  assert_true(base64_decode("YQ", out) && out == "a");    // padding optional
  assert_true(base64_decode("YWI=", out) && out == "ab");
  assert_true(base64_decode("", out) && out.empty());
  assert_true(base64_decode("YWJjZ", out) && out == "abc");  // a lone last character: no byte
  assert_true(base64_decode(std::string("AP8="), out) && out == std::string("\0\xFF", 2));
  assert_false(base64_decode("!!!", out));
  assert_false(base64_decode("YW Jj", out));     // no whitespace inside
  assert_false(base64_decode("YQ==YQ==", out));  // no data after the padding
  assert_false(base64_decode("YQ===", out));
}

static void test_secrets_and_ids(void **) {
  assert_true(constant_time_equals("secret", "secret"));
  assert_false(constant_time_equals("secreT", "secret"));
  assert_false(constant_time_equals("secret", "secret2"));
  assert_false(constant_time_equals("", "x"));
  assert_true(constant_time_equals("", ""));
  std::string token = random_hex(20);
  assert_int_equal(token.size(), 20);
  assert_true(token.find_first_not_of("0123456789abcdef") == std::string::npos);
  assert_true(token != random_hex(20));
  for (int i = 0; i < 64; i++) {
    std::string id = new_uuid();
    assert_true(is_uuid(id));
    assert_int_equal(id[14], '4');                                       // version 4
    assert_true(std::string("89ab").find(id[19]) != std::string::npos);  // RFC 4122 variant
  }
}

static void test_url_helpers(void **) {
  assert_str(url_decode("a+b%2Bc%20d"), "a b+c d");  // '+' is a space, %2B a plus
  assert_str(url_decode_path("a+b%2Fc"), "a+b/c");
  assert_str(url_decode("100%+%zz%4"), "100% %zz%4");  // malformed escapes stay
  assert_str(url_decode("%00x"), std::string("\0x", 2));
  assert_str(url_encode("a b/c~d.e-f_g"), "a%20b%2Fc~d.e-f_g");
  auto q = query_params("a=1&&b=x%3Dy+z&c&=v&d=e=f");
  assert_int_equal(q.size(), 5);
  assert_str(q[0].first, "a");
  assert_str(q[0].second, "1");
  assert_str(q[1].second, "x=y z");
  assert_str(q[2].first, "c");
  assert_str(q[2].second, "");
  assert_str(q[3].first, "");
  assert_str(q[4].second, "e=f");  // the name ends at the first '='
  assert_str(url_basename("https://h/dir/caf%C3%A9%20x.csv?q=1#f"), "caf\xC3\xA9 x.csv");
  assert_str(url_basename("http://h/a+b/"), "a+b");
  assert_str(url_basename("http://h"), "");
  assert_str(url_basename("http://h/"), "");
}

static void test_safe_file_name(void **) {
  assert_str(safe_file_name("C:\\dir\\my file.csv"), "my file.csv");
  assert_str(safe_file_name("../../etc/passwd"), "passwd");
  assert_str(safe_file_name("  a\tb\x7F.csv  "), "ab.csv");  // control characters, outer spaces
  assert_str(safe_file_name("x/.."), "");
  assert_str(safe_file_name("x/."), "");
  assert_str(safe_file_name("dir/"), "");
  std::string tail = safe_file_name(std::string(150, 'a') + std::string(60, '\xE2') + "\xE2\x82\xAC");
  assert_true(tail.size() <= kMaxFileNameBytes);
}

static CsvScan scan(const std::string &content, CsvScanOptions o = {}) {
  TempDir dir;
  write_file(dir / "x.csv", content);
  return scan_csv(dir / "x.csv", o);
}

static void test_csv_scan_types(void **) {
  CsvScan s = scan("\xEF\xBB\xBFi,r,b,d,dt,zip,s,q,empty\n"
                   "1,1.5,true,2020-01-02,2020-01-02 10:00:00,007,x,\"5\",\n"
                   "-2,3,FALSE,2020/12/31,2020-01-02T10:00:00Z,010,\"multi\nline\",6,\n");
  assert_int_equal(s.error_code, 0);
  assert_int_equal(s.rows, 2);
  assert_int_equal(s.columns.size(), 9);
  assert_str(s.columns[0].name, "i");
  assert_int_equal(s.columns[0].type, OFTInteger64);
  assert_int_equal(s.columns[1].type, OFTReal);
  assert_int_equal(s.columns[2].type, OFTInteger);
  assert_int_equal(s.columns[2].subtype, OFSTBoolean);
  assert_int_equal(s.columns[3].type, OFTDate);
  assert_int_equal(s.columns[4].type, OFTDateTime);
  assert_int_equal(s.columns[5].type, OFTString);  // leading zeros: an identifier
  assert_int_equal(s.columns[6].type, OFTString);
  assert_int_equal(s.columns[7].type, OFTInteger64);
  assert_int_equal(s.columns[8].type, OFTString);  // no values at all

  CsvScanOptions strict;
  strict.quoted_fields_guessing = false;
  s = scan("q\n\"5\"\n", strict);
  assert_int_equal(s.columns[0].type, OFTString);
  CsvScanOptions none;
  none.type_guessing = false;
  s = scan("n\n5\n", none);
  assert_int_equal(s.columns[0].type, OFTString);
  // A value far down the file that does not fit still decides the type.
  std::string big = "n\n";
  for (int i = 0; i < 200000; ++i) big += std::to_string(i) + "\n";
  s = scan(big + "abc\n");
  assert_int_equal(s.columns[0].type, OFTString);
}

static void test_csv_scan_errors(void **) {
  assert_int_equal(scan("a,b\n1,\"2\n3,4\n").error_code, 2003);   // unclosed quote
  assert_int_equal(scan("a,b\n1,2,3\n").error_code, 2003);        // more fields than header
  assert_int_equal(scan("a,b\n1,2,,\n").error_code, 0);           // trailing empty fields
  assert_int_equal(scan("a,b,A\n1,2,3\n").error_code, 2005);      // duplicated (any case)
  assert_int_equal(scan("\n\n").error_code, 1005);
  CsvScanOptions o;
  o.limits.max_rows = 2;
  assert_int_equal(scan("a\n1\n2\n", o).error_code, 0);
  assert_int_equal(scan("a\n1\n2\n3\n", o).error_code, 6668);
  o.limits.max_columns = 3;
  assert_int_equal(scan("a,b,c,d\n", o).error_code, 2004);
  CsvScan semi = scan("a;b\n1;2\n");
  assert_int_equal(semi.columns.size(), 2);
  CsvScan latin1 = scan("name\ncaf\xE9\n");
  assert_false(latin1.utf8);
  assert_true(scan("name\ncaf\xC3\xA9\n").utf8);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_propose_table_name), cmocka_unit_test(test_unique_table_name),
      cmocka_unit_test(test_launder_column_name), cmocka_unit_test(test_error_catalogue),
      cmocka_unit_test(test_sha256),             cmocka_unit_test(test_base64),
      cmocka_unit_test(test_secrets_and_ids),    cmocka_unit_test(test_url_helpers),
      cmocka_unit_test(test_safe_file_name),     cmocka_unit_test(test_csv_scan_types),
      cmocka_unit_test(test_csv_scan_errors),
  };
  return cmocka_run_group_tests(tests, nullptr, nullptr);
}
