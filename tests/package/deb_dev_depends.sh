#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# libcarto-import-dev's Depends (debian/control) bring what the installed files need on a
# machine that has nothing else: the package of every module carto_import.pc requires (found
# here with pkg-config, named by dpkg -S), since `pkg-config --cflags carto_import` fails when
# one is missing, and pkg-config itself, which CartoImportConfig.cmake loads for cJSON.
# Usage: deb_dev_depends.sh SOURCE_DIR       (77 where dpkg or pkg-config is missing)
set -eu
top=$1
command -v dpkg >/dev/null && command -v pkg-config >/dev/null || {
  echo "SKIP: needs dpkg and pkg-config"; exit 77; }
# The Depends field of the -dev paragraph, continuation lines included, as one word per line.
depends=$(awk '/^Package: / { dev = ($2 == "libcarto-import-dev") }
               dev && /^[A-Za-z-]+:/ { inside = ($1 == "Depends:") }
               dev && inside' "$top/debian/control" |
          sed 's/^Depends://; s/([^)]*)//g' | tr ',|' '\n\n' | tr -d ' \t' | grep -v '^$')
[ -n "$depends" ] || { echo "FAIL: no Depends for libcarto-import-dev in debian/control"; exit 1; }
missing=""
modules=$(sed -n 's/^Requires\(\.private\)\{0,1\}: *//p' "$top/pkgconfig/carto_import.pc.in" | tr ',' ' ')
for m in $modules; do
  dir=$(pkg-config --variable=pcfiledir "$m") || { echo "SKIP: $m.pc is not installed here"; exit 77; }
  pkg=$(dpkg -S "$dir/$m.pc" 2>/dev/null | head -n1 | cut -d: -f1) || true
  [ -n "$pkg" ] || { echo "SKIP: no package owns $dir/$m.pc"; exit 77; }
  echo "$depends" | grep -qx "$pkg" && echo "$m: $pkg" || missing="$missing $pkg($m)"
done
if grep -q 'find_dependency(PkgConfig)' "$top/cmake/CartoImportConfig.cmake.in"; then
  echo "$depends" | grep -qx pkg-config && echo "CartoImportConfig.cmake: pkg-config" ||
    missing="$missing pkg-config(CartoImportConfig.cmake)"
fi
[ -z "$missing" ] || { echo "FAIL: libcarto-import-dev does not depend on:$missing"; exit 1; }
echo "libcarto-import-dev depends on what carto_import.pc and CartoImportConfig.cmake need"
