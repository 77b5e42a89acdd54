#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# The whole test suite from a clean clone on Debian 12: installs the dependencies, builds with
# warnings as errors, runs every test (each C and C++ test program also under valgrind; the
# language packages built and installed in fresh environments; the Debian packages built,
# installed and purged when root or password-less sudo is there), then rebuilds with
# AddressSanitizer + UndefinedBehaviorSanitizer and runs the suite again without the bindings
# and the packages.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh

# A python3 with pytest: the one on PATH, else Debian's.
PY=python3
$PY -m pytest --version >/dev/null 2>&1 || PY=/usr/bin/python3

jobs=$(nproc 2>/dev/null || echo 2)
configure() {  # configure BUILD_DIR [cmake args...]
  dir=$1; shift
  cmake -S . -B "$dir" -G Ninja -DCARTO_IMPORT_WERROR=ON -DPython3_EXECUTABLE="$(command -v $PY)" "$@"
}

# The plain build's ctest also runs it_threads under helgrind and, with clang, builds the
# libFuzzer targets in build/fuzz and runs each for 60 s (ctest -L fuzz; tests/fuzz/README.md).
echo "== build and test (valgrind twins, helgrind and fuzz targets included)"
configure build -DCARTO_IMPORT_BUILD_PYTHON=ON -DCARTO_IMPORT_BUILD_JAVA=ON -DCARTO_IMPORT_BUILD_RUBY=ON \
  -DCARTO_IMPORT_BUILD_STATIC=ON
cmake --build build -j "$jobs"
(cd build && ctest --output-on-failure -j "$jobs")

echo "== ASan + UBSan build and test"
# The bindings load into interpreters that are not built with the sanitizers: left out here.
configure build-sanitize -DCARTO_IMPORT_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug \
  -DCARTO_IMPORT_BUILD_PYTHON=OFF -DCARTO_IMPORT_BUILD_JAVA=OFF -DCARTO_IMPORT_BUILD_RUBY=OFF
cmake --build build-sanitize -j "$jobs"
(cd build-sanitize && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
   UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j "$jobs")
