#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# Source coverage (llvm-cov) of the library reached by each fuzz target's corpus.
# Usage: tests/fuzz/coverage.sh [BUILD_DIR]   (default build; reads BUILD_DIR/fuzz-corpus/T and
# the committed seeds; builds BUILD_DIR/fuzz-cov with clang and -fprofile-instr-generate)
set -eu
cd "$(dirname "$0")/../.."
build=${1:-build}
cov=$build/fuzz-cov
cmake -S . -B "$cov" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER=clang \
  -DCMAKE_CXX_COMPILER=clang++ -DCARTO_IMPORT_FUZZ=ON -DCARTO_IMPORT_FUZZ_COVERAGE=ON \
  -DCARTO_IMPORT_BUILD_SERVER=OFF -DCARTO_IMPORT_BUILD_TOOLS=OFF -DCARTO_IMPORT_BUILD_EXAMPLES=OFF \
  -DCARTO_IMPORT_BUILD_PYTHON=OFF -DCARTO_IMPORT_BUILD_JAVA=OFF -DCARTO_IMPORT_BUILD_RUBY=OFF >/dev/null
cmake --build "$cov" --target carto_fuzz_targets >/dev/null
for t in responses error_reply base_url redact; do
  mkdir -p "$build/fuzz-corpus/$t"
  LLVM_PROFILE_FILE="$cov/$t.profraw" "$cov/tests/fuzz/fuzz_$t" -runs=0 \
    "$build/fuzz-corpus/$t" "tests/fuzz/corpus/$t" >/dev/null 2>&1
  llvm-profdata merge -sparse "$cov/$t.profraw" -o "$cov/$t.profdata"
  echo "== fuzz_$t: coverage of src/ by file"
  llvm-cov report "$cov/tests/fuzz/fuzz_$t" -instr-profile="$cov/$t.profdata" \
    -ignore-filename-regex='(tests|include)/'
done
