// SPDX-License-Identifier: BSD-3-Clause
// Copyright (c) 2026, the libcarto_import authors
// Times import_file on a generated CSV (not a CTest test). Usage: bench_engine_csv [MB]
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "engine_test.hpp"
#include "importer/importer.hpp"

int main(int argc, char **argv) {
  double mb = argc > 1 ? std::atof(argv[1]) : 100;
  TempDir dir;
  std::string csv = dir / "big.csv";
  {
    std::FILE *f = std::fopen(csv.c_str(), "w");
    std::fputs("id,name,value,latitude,longitude,day\n", f);
    long rows = 0;
    while (std::ftell(f) < static_cast<long>(mb * 1e6)) {
      ++rows;
      std::fprintf(f, "%ld,name %ld,%.3f,%.5f,%.5f,2020-01-%02ld\n", rows, rows % 1000,
                   (rows % 100000) / 7.0, -60 + (rows % 12000) / 100.0, -170 + (rows % 34000) / 100.0,
                   1 + rows % 28);
    }
    std::printf("%ld rows, %.1f MB\n", rows, std::ftell(f) / 1e6);
    std::fclose(f);
  }
  cis::UserTables store(dir / "tables.gpkg");
  cis::ImportRequest r;
  r.source_path = csv;
  r.original_name = "big.csv";
  r.work_dir = dir / "work";
  r.limits.max_rows = 100000000;
  r.limits.max_file_size = 4LL << 30;
  auto start = std::chrono::steady_clock::now();
  r.set_state = [&](const std::string &s) {
    auto now = std::chrono::steady_clock::now();
    std::printf("  %6.2f s  -> %s\n", std::chrono::duration<double>(now - start).count(), s.c_str());
  };
  cis::ImportOutcome o = cis::import_file(store, r);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (o.error_code) {
    std::printf("failed: %d %s\n", o.error_code, o.detail.c_str());
    return 1;
  }
  std::printf("imported %lld rows in %.2f s; table %lld bytes\n",
              static_cast<long long>(o.tables[0].rows), secs,
              static_cast<long long>(o.tables[0].size_bytes));
  start = std::chrono::steady_clock::now();
  cis::TableInfo t = store.describe(o.tables[0].name);
  std::printf("describe() took %.3f s\n",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return t.rows == o.tables[0].rows ? 0 : 1;
}
