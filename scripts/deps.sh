#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# Installs what libcarto_import needs on Debian 12 (and other apt-based systems), skipping what
# is there. Run as root, or with sudo available. CARTO_IMPORT_SKIP_DEPS=1 skips it all, for
# machines where the dependencies came another way; elsewhere it says what to install.
#   deps.sh         everything: build, test, bindings, packages (what scripts/test.sh needs)
#   deps.sh demo    only what scripts/demo.sh needs: the library, the server and the tool
#   deps.sh only PACKAGE...   these Debian packages (what scripts/package/KIND.sh needs)
set -eu
demo="build-essential cmake ninja-build pkg-config ca-certificates python3
  libcurl4-openssl-dev libcjson-dev
  libcpp-httplib-dev libssl-dev zlib1g-dev libbrotli-dev libgdal-dev libsqlite3-dev libarchive-dev"
# The package test (tests/package) builds, lints and installs the .debs; pkg-config --static
# needs the -dev packages of libcurl's own dependencies.
tests="git libcmocka-dev gdal-bin abigail-tools valgrind python3-dev python3-pytest python3-venv curl zip unzip
  swig postgresql doxygen ruby-dev ruby-minitest openjdk-17-jdk-headless maven openssl
  clang libclang-rt-14-dev llvm
  dpkg-dev debhelper fakeroot lintian man-db
  libnghttp2-dev libidn2-dev librtmp-dev libssh2-1-dev libpsl-dev libkrb5-dev libldap2-dev
  libzstd-dev"
mode=${1:-all}
case "$mode" in
  demo) packages=$demo ;;
  all) packages="$demo $tests" ;;
  only) shift; packages="$*" ;;
  *) echo "usage: deps.sh [demo|all|only PACKAGE...]" >&2; exit 1 ;;
esac
if [ "${CARTO_IMPORT_SKIP_DEPS:-0}" = 1 ]; then
  echo "deps: skipped (CARTO_IMPORT_SKIP_DEPS=1)"; exit 0
fi
if ! command -v apt-get >/dev/null || ! command -v dpkg-query >/dev/null; then
  if [ "$mode" = only ]; then
    # shellcheck disable=SC2086
    echo "deps: not an apt-based system. Install the equivalents of these Debian packages," \
         "then run again with CARTO_IMPORT_SKIP_DEPS=1:" $packages >&2
    exit 1
  fi
  cat >&2 <<'END'
deps: not an apt-based system. Install these yourself, then run again with
CARTO_IMPORT_SKIP_DEPS=1:
  build (demo): a C99 and C++17 compiler, CMake >= 3.18, Ninja, pkg-config, Python 3,
    libcurl >= 7.68, cJSON and zlib (with headers and .pc files); for carto-import-server also
    cpp-httplib, OpenSSL, brotli, GDAL, SQLite 3 and libarchive
  tests: CMocka, GDAL's command-line tools, libabigail (abidiff), valgrind, pytest, curl, zip,
    unzip, PostgreSQL, Doxygen, openssl (TLS certificates), clang with libFuzzer (fuzzing); for
    the bindings SWIG >= 4, Python 3 headers, Ruby headers with minitest, a JDK >= 11 and
    Maven (the Debian package test needs dpkg, debhelper and lintian: it is skipped elsewhere)
END
  exit 1
fi
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && { echo "deps: all packages present"; exit 0; }
echo "deps: installing$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
