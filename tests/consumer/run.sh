#!/bin/sh
# Installs the built project into a temporary prefix, then builds and runs a small C program
# against it twice: with pkg-config, and with CMake's find_package(CartoImport).
# Usage: run.sh BUILD_DIR SOURCE_DIR C_COMPILER
set -eu
build=$1 here=$2 cc=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null
libdir=$(dirname "$(find "$prefix" -name 'carto_import.pc' | head -n1)")/..
export LD_LIBRARY_PATH=$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}

echo "== pkg-config"
export PKG_CONFIG_PATH=$libdir/pkgconfig
# shellcheck disable=SC2046
"$cc" -std=c99 -Wall -Wextra -pedantic -Werror -o "$tmp/with_pkgconfig" "$here/consumer.c" \
  $(pkg-config --cflags --libs carto_import)
"$tmp/with_pkgconfig"

echo "== find_package(CartoImport)"
cmake -S "$here/project" -B "$tmp/cmake-build" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_C_COMPILER="$cc" >/dev/null
cmake --build "$tmp/cmake-build" >/dev/null
"$tmp/cmake-build/consumer"
