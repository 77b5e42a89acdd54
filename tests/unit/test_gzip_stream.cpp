// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// The upload compressor: its output is one gzip member that zlib (and gzip, Python, GDAL) read
// back to the file's bytes, across block boundaries, for empty and one-byte files, after a
// rewind; counters; the adaptive policy's two ends; the file-name rules.
#include "core/gzip_stream.hpp"

#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <thread>

#include "carto_import.h"
#include "core/error.hpp"
#include "unit.hpp"

using carto::GzipStream;

namespace {

std::string g_dir;

std::string write_file(const std::string &name, const std::string &data) {
  const std::string path = g_dir + "/" + name;
  std::ofstream(path, std::ios::binary) << data;
  return path;
}

// Text that compresses (CSV rows) with stretches of random bytes that do not.
std::string sample(size_t n, unsigned seed = 1) {
  std::mt19937 rng(seed);
  std::string s;
  s.reserve(n);
  while (s.size() < n) {
    if (rng() % 8 == 0) {
      for (int i = 0; i < 300 && s.size() < n; ++i) s += static_cast<char>(rng() & 0xff);
    } else {
      s += std::to_string(rng() % 100000) + ",place " + std::to_string(rng() % 977) + "," +
           std::to_string(rng() % 180) + ".25,-3.5\n";
    }
  }
  s.resize(n);
  return s;
}

std::string read_all(GzipStream &gz, size_t chunk) {
  std::string out, buf(chunk, '\0');
  for (;;) {
    const size_t k = gz.read(&buf[0], chunk);
    if (k == 0) return out;
    out.append(buf, 0, k);
  }
}

// Inflates one gzip member; fails unless it is exactly one member that ends the input.
std::string gunzip(const std::string &gz) {
  z_stream z{};
  assert_int_equal(inflateInit2(&z, 15 + 16), Z_OK);
  z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(gz.data()));
  z.avail_in = static_cast<uInt>(gz.size());
  std::string out;
  char buf[65536];
  int rc;
  do {
    z.next_out = reinterpret_cast<Bytef *>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) fail_msg("inflate: %d %s", rc, z.msg ? z.msg : "");
    out.append(buf, sizeof buf - z.avail_out);
  } while (rc != Z_STREAM_END);
  assert_int_equal(z.avail_in, 0);  // one member, nothing after it
  inflateEnd(&z);
  return out;
}

GzipStream::Tuning tuning(size_t block, int threads) {
  GzipStream::Tuning t;
  t.block_bytes = block;
  t.threads = threads;
  return t;
}

void check_round_trip(const std::string &data, GzipStream::Policy policy, size_t block,
                      int threads, size_t chunk) {
  const std::string path = write_file("in.bin", data);
  GzipStream gz(path, policy, tuning(block, threads));
  assert_int_equal(gz.input_total(), static_cast<long long>(data.size()));
  const std::string out = read_all(gz, chunk);
  if (gunzip(out) != data)
    fail_msg("round trip differs: %zu bytes, block %zu, %d threads, reads of %zu", data.size(),
             block, threads, chunk);
  assert_int_equal(gz.input_done(), static_cast<long long>(data.size()));
  assert_int_equal(gz.output_done(), static_cast<long long>(out.size()));
  assert_int_equal(gz.read(nullptr, 0), 0);
}

void test_round_trip_block_boundaries(void **) {
  const size_t block = 40000;  // over the 32 KiB dictionary: the priming spans one block
  for (size_t n : {block - 1, block, block + 1, 2 * block, 3 * block + 7, size_t{1} << 20})
    for (int threads : {1, 2, 3})
      check_round_trip(sample(n), GzipStream::Policy::always, block, threads, 65536);
}

void test_small_blocks_and_reads(void **) {
  // Blocks smaller than the dictionary: the dictionary is made of several earlier blocks.
  check_round_trip(sample(300000, 2), GzipStream::Policy::always, 1000, 2, 7);
  check_round_trip(sample(100000, 3), GzipStream::Policy::always, 4096, 4, 1);
}

void test_empty_and_one_byte(void **) {
  for (auto policy : {GzipStream::Policy::always, GzipStream::Policy::adaptive}) {
    check_round_trip("", policy, 1000, 2, 3);
    check_round_trip("x", policy, 1000, 2, 1);
    check_round_trip("x", policy, 1000, 1, 65536);
  }
  // The empty file: a header, an empty final block, a zero CRC and size: 20 bytes.
  GzipStream gz(write_file("empty", ""), GzipStream::Policy::always);
  assert_int_equal(read_all(gz, 100).size(), 20);
}

void test_compresses(void **) {
  std::string text;
  while (text.size() < (2u << 20)) text += "1234,a place with a long name,40.416775,-3.703790\n";
  text.resize(2u << 20);
  const std::string path = write_file("text.csv", text);
  GzipStream gz(path, GzipStream::Policy::always, tuning(64 << 10, 2));
  const std::string out = read_all(gz, 1 << 20);
  assert_true(out.size() * 10 < text.size());
  assert_true(gunzip(out) == text);
  assert_int_equal(gz.blocks_deflated(), 32);
  assert_int_equal(gz.blocks_stored(), 0);
}

void test_rewind(void **) {
  const std::string data = sample(500000, 4);
  const std::string path = write_file("rw.bin", data);
  GzipStream gz(path, GzipStream::Policy::always, tuning(16384, 2));
  const std::string whole = read_all(gz, 8192);
  gz.rewind();
  assert_int_equal(gz.input_done(), 0);
  assert_int_equal(gz.output_done(), 0);
  assert_true(read_all(gz, 4096) == whole);  // the same bytes again
  // Rewinding midway, with blocks still being compressed, starts over cleanly.
  for (size_t stop : {size_t{1}, size_t{5}, size_t{20000}, size_t{100000}}) {
    gz.rewind();
    std::string part(stop, '\0');
    size_t got = 0;
    while (got < stop) got += gz.read(&part[got], stop - got);
    gz.rewind();
    assert_true(read_all(gz, 65536) == whole);
  }
  assert_true(gunzip(whole) == data);
}

void test_adaptive_fast_reader_stores(void **) {
  // A reader that never waits is a link faster than any compressor: after the probe, blocks
  // go stored, and the stream is still one valid member.
  const std::string data = sample(6u << 20, 5);
  GzipStream::Tuning t = tuning(64 << 10, 2);
  t.probe_bytes = 1 << 20;
  GzipStream gz(write_file("fast.csv", data), GzipStream::Policy::adaptive, t);
  const std::string out = read_all(gz, 1 << 20);
  assert_true(gunzip(out) == data);
  assert_true(gz.blocks_deflated() >= 16);  // the probe
  assert_true(gz.blocks_stored() > 0);
}

void test_adaptive_slow_reader_deflates(void **) {
  if (std::getenv("CARTO_IMPORT_TEST_UNDER_VALGRIND")) {
    skip();  // under valgrind deflate itself runs at a slow link's pace: nothing to decide
  }
  // A reader taking 8 KiB per 2 ms (4 MB/s) is a link slower than any compressor: once the
  // link is measured (the first 256 KiB sent), every block is deflated.
  const std::string text = sample(3u << 20, 6);
  GzipStream::Tuning t = tuning(16 << 10, 2);
  t.probe_bytes = 512 << 10;
  GzipStream gz(write_file("slow.csv", text), GzipStream::Policy::adaptive, t);
  std::string out, buf(8192, '\0');
  while (size_t k = gz.read(&buf[0], buf.size())) {
    out.append(buf, 0, k);
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  assert_true(gunzip(out) == text);
  assert_true(gz.blocks_stored() * 10 < gz.blocks_deflated());
}

bool have(const char *tool) {
  return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

void test_other_readers(void **) {
  // gzip -t, Python's gzip module and GDAL's /vsigzip/ read the stream back to the file.
  std::string csv = "id,name,lat,lon\n";
  for (int i = 0; i < 50000; ++i)
    csv += std::to_string(i) + ",place " + std::to_string(i % 977) + ",40.4,-3.7\n";
  const std::string in = write_file("points.csv", csv);
  GzipStream gz(in, GzipStream::Policy::always, tuning(20000, 2));
  const std::string out = read_all(gz, 65536);
  const std::string gzpath = write_file("points.csv.gz", out);
  if (have("gzip"))
    assert_int_equal(std::system(("gzip -t '" + gzpath + "'").c_str()), 0);
  if (have("python3"))
    assert_int_equal(std::system(("python3 -c 'import gzip,sys; "
                                  "sys.exit(gzip.open(sys.argv[1]).read() != open(sys.argv[2],\"rb\").read())' '" +
                                  gzpath + "' '" + in + "'")
                                     .c_str()),
                     0);
  if (have("ogrinfo"))
    assert_int_equal(std::system(("ogrinfo -ro -so -al '/vsigzip/" + gzpath +
                                  "' | grep -q 'Feature Count: 50000'")
                                     .c_str()),
                     0);
}

void test_missing_file(void **) {
  try {
    GzipStream gz(g_dir + "/nope.csv", GzipStream::Policy::always);
    fail_msg("no error");
  } catch (const carto::Error &e) {
    assert_int_equal(e.code(), CARTO_IMPORT_EIO);
    assert_contains(e.what(), "nope.csv");
  }
}

void test_names(void **) {
  for (const char *n : {"a.csv", "B.CSV", "x.tsv", "t.txt", "p.geojson", "p.json", "k.kml",
                        "g.gpx", "m.osm", "d.sql", "dir.v1/x.js"})
    assert_true(carto::gains_from_gzip(n));
  for (const char *n : {"a.zip", "a.gz", "a.csv.gz", "a.kmz", "a.tgz", "a.bz2", "a.gpkg",
                        "a.xlsx", "a.shp", "README", "dir.csv/file", "a.tif"})
    assert_false(carto::gains_from_gzip(n));
  for (const char *n : {"a.zip", "a.CSV.GZ", "a.tgz", "a.tar", "a.kmz", "a.bz2", "a.rar"})
    assert_true(carto::gzip_would_hide(n));
  for (const char *n : {"a.csv", "a.gpkg", "a.xlsx", "README"})
    assert_false(carto::gzip_would_hide(n));
}

int setup(void **) {
  char tmpl[] = "/tmp/carto-gzip-XXXXXX";
  if (!mkdtemp(tmpl)) return -1;
  g_dir = tmpl;
  return 0;
}

int teardown(void **) {
  return std::system(("rm -rf '" + g_dir + "'").c_str()) == 0 ? 0 : -1;
}

}  // namespace

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_round_trip_block_boundaries),
      cmocka_unit_test(test_small_blocks_and_reads),
      cmocka_unit_test(test_empty_and_one_byte),
      cmocka_unit_test(test_compresses),
      cmocka_unit_test(test_rewind),
      cmocka_unit_test(test_adaptive_fast_reader_stores),
      cmocka_unit_test(test_adaptive_slow_reader_deflates),
      cmocka_unit_test(test_other_readers),
      cmocka_unit_test(test_missing_file),
      cmocka_unit_test(test_names),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
