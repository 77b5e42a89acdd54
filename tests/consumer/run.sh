#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# Installs the built project into a temporary prefix (and checks that nothing went outside it),
# then builds and runs a small C program against it: with pkg-config and with CMake's
# find_package(CartoImport), and, when the static archive is built, statically from a C-only
# project and with pkg-config --static.
# Usage: run.sh BUILD_DIR SOURCE_DIR C_COMPILER
set -eu
build=$1 here=$2 cc=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
outside=$(grep -v "^$prefix/" "$build/install_manifest.txt" || true)
[ -z "$outside" ] || { echo "installed outside the prefix:"; echo "$outside"; exit 1; }
libdir=$(dirname "$(find "$prefix" -name 'carto_import.pc' | head -n1)")/..
export LD_LIBRARY_PATH=$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export PKG_CONFIG_PATH=$libdir/pkgconfig
cflags="-std=c99 -Wall -Wextra -pedantic -Werror"

echo "== pkg-config"
# shellcheck disable=SC2046,SC2086
"$cc" $cflags -o "$tmp/with_pkgconfig" "$here/consumer.c" $(pkg-config --cflags --libs carto_import)
"$tmp/with_pkgconfig"

echo "== find_package(CartoImport)"
cmake -S "$here/project" -B "$tmp/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_C_COMPILER="$cc" >/dev/null
cmake --build "$tmp/cmake-build" >/dev/null
"$tmp/cmake-build/consumer"

if [ ! -f "$libdir/libcarto_import.a" ]; then
  echo "== static: skipped, the build has no static archive (-DCARTO_IMPORT_BUILD_STATIC=ON)"
  exit 0
fi
static_only() {  # the program must not need libcarto_import.so
  if readelf -d "$1" | grep -q 'NEEDED.*libcarto_import'; then echo "$1 links the .so"; exit 1; fi
  "$1"
}
echo "== pkg-config --static, C only"
# shellcheck disable=SC2046,SC2086
"$cc" $cflags -DCARTO_IMPORT_STATIC -o "$tmp/static_pkgconfig" "$here/consumer.c" \
  $(pkg-config --cflags carto_import) "$libdir/libcarto_import.a" \
  $(pkg-config --static --libs-only-other --libs-only-l carto_import | sed 's/-lcarto_import//')
static_only "$tmp/static_pkgconfig"

echo "== CartoImport::carto_import_static from project(... C)"
cmake -S "$here/static" -B "$tmp/static-build" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_C_COMPILER="$cc" >/dev/null
cmake --build "$tmp/static-build" >/dev/null
static_only "$tmp/static-build/consumer"
