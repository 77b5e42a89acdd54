#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# The Debian packages end to end, on this machine: build them (sh scripts/package.sh OUT deb,
# without the package build's own test run), lint them (lintian --fail-on error), install the
# four with apt-get, build a C program with pkg-config (shared and --static) and with
# find_package(CartoImport), open two man pages, import a file with the installed carto-import
# into the installed carto-import-server, then purge them (and whatever apt pulled in) and check
# that nothing is left. Prints the lintian output and the packages' sizes.
# Usage: deb_packages.sh SOURCE_DIR C_COMPILER
#   CARTO_IMPORT_TEST_DEBS=DIR: test the .debs in DIR instead of building them
set -eu
top=$1 cc=$2
pkgs="libcarto-import0 libcarto-import-dev carto-import carto-import-server"
command -v dpkg >/dev/null && command -v apt-get >/dev/null || {
  echo "SKIP: not an apt-based system"; exit 77; }
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null && sudo -n true 2>/dev/null || {
    echo "SKIP: installing packages needs root or password-less sudo"; exit 77; }
  SUDO="sudo -n"
fi
for p in $pkgs; do
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
    echo "FAIL: $p is already installed on this machine; this test would purge it"; exit 1
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/deb_packages.XXXXXX")
installed=0
cleanup() {
  if [ "$installed" = 1 ]; then $SUDO apt-get purge -y -q $pkgs >/dev/null 2>&1 || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
out=$tmp/out

if [ -n "${CARTO_IMPORT_TEST_DEBS:-}" ]; then  # reuse packages built before (debugging)
  echo "== using the packages in $CARTO_IMPORT_TEST_DEBS"
  mkdir "$out" && cp "$CARTO_IMPORT_TEST_DEBS"/*.deb "$out"
else
  echo "== build: sh scripts/package.sh OUT deb (DEB_BUILD_OPTIONS=nocheck)"
  start=$(date +%s)
  DEB_BUILD_OPTIONS="nocheck parallel=$(nproc 2>/dev/null || echo 2)" \
    sh "$top/scripts/package.sh" "$out" deb >"$tmp/build.log" 2>&1 || {
    tail -n 60 "$tmp/build.log"; echo "FAIL: package build"; exit 1; }
  echo "built in $(($(date +%s) - start)) s"
fi
for p in $pkgs libcarto-import0-dbgsym carto-import-dbgsym carto-import-server-dbgsym; do
  ls "$out/${p}_"*.deb >/dev/null 2>&1 || { echo "FAIL: no $p package"; exit 1; }
done
echo "== sizes (file KiB, Installed-Size KiB)"
for f in "$out"/*.deb; do
  printf '%-48s %6s %6s\n' "$(basename "$f")" "$(du -k "$f" | cut -f1)" \
    "$(dpkg-deb -f "$f" Installed-Size)"
done

echo "== lintian --fail-on error"
lintian --fail-on error "$out"/*.deb || { echo "FAIL: lintian"; exit 1; }

echo "== hardening: PIE, BIND_NOW, RELRO"
dpkg-deb -x "$out/carto-import_"*.deb "$tmp/root"
dpkg-deb -x "$out/carto-import-server_"*.deb "$tmp/root"
dpkg-deb -x "$out/libcarto-import0_"*.deb "$tmp/root"
for f in "$tmp"/root/usr/bin/* "$tmp"/root/usr/lib/*/libcarto_import.so.0.*; do
  readelf -h "$f" | grep -q 'Type: *DYN' || { echo "FAIL: $f is not PIE"; exit 1; }
  readelf -d "$f" | grep -q 'BIND_NOW' || { echo "FAIL: $f lacks BIND_NOW"; exit 1; }
  readelf -l "$f" | grep -q 'GNU_RELRO' || { echo "FAIL: $f lacks RELRO"; exit 1; }
done

echo "== apt-get install the four packages"
dpkg-query -W -f='${Package}:${Architecture}\n' | sort >"$tmp/before"
installed=1
debs=""
for p in $pkgs; do debs="$debs $(ls "$out/${p}_"*.deb)"; done
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $debs \
  >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; echo "FAIL: install"; exit 1; }
for p in $pkgs; do dpkg -L "$p"; done | sort -u >"$tmp/files"
grep -q /usr/lib/.*/libcarto_import.so.0 "$tmp/files" || { echo "FAIL: no shared library"; exit 1; }
grep -q /usr/share/man/man1/carto-import-server.1.gz "$tmp/files" ||
  { echo "FAIL: carto-import-server.1 not installed (dpkg path-exclude on /usr/share/man?)"; exit 1; }

echo "== a C program with pkg-config"
cflags="-std=c99 -Wall -Wextra -pedantic -Werror"
here=$top/tests/consumer
# shellcheck disable=SC2046,SC2086
"$cc" $cflags -o "$tmp/shared" "$here/consumer.c" $(pkg-config --cflags --libs carto_import)
"$tmp/shared"
readelf -d "$tmp/shared" | grep -q 'NEEDED.*libcarto_import.so.0' || { echo "FAIL: not shared"; exit 1; }

echo "== statically with pkg-config --static (C only)"
libdir=$(pkg-config --variable=libdir carto_import)
# shellcheck disable=SC2046,SC2086
"$cc" $cflags -DCARTO_IMPORT_STATIC -o "$tmp/static" "$here/consumer.c" \
  $(pkg-config --cflags carto_import) "$libdir/libcarto_import.a" \
  $(pkg-config --static --libs carto_import | sed 's/-lcarto_import\b//')
"$tmp/static"
! readelf -d "$tmp/static" | grep -q 'NEEDED.*libcarto_import' || { echo "FAIL: not static"; exit 1; }

echo "== find_package(CartoImport): CartoImport::carto_import, and _static from project(x C)"
for p in project static; do
  cmake -S "$here/$p" -B "$tmp/cmake-$p" -DCMAKE_C_COMPILER="$cc" >/dev/null
  cmake --build "$tmp/cmake-$p" >/dev/null
  "$tmp/cmake-$p/consumer"
done

echo "== man carto-import-server, man carto_import_job_wait"
MANPAGER=cat MANWIDTH=80 man carto-import-server 2>/dev/null | grep -q -- '--allow-url-schemes' ||
  { echo "FAIL: man carto-import-server"; exit 1; }
MANPAGER=cat MANWIDTH=80 man carto_import_job_wait 2>/dev/null | grep -q 'carto_import_job_wait' ||
  { echo "FAIL: man carto_import_job_wait"; exit 1; }
echo "both open"

echo "== the installed carto-import imports a file into the installed carto-import-server"
python3 "$top/tests/support/with_server.py" /usr/bin/carto-import-server --server-arg=--quiet \
  --expect world_cities -- sh -c "
  set -e
  /usr/bin/carto-import import '$top/examples/data/world_cities.csv'
  /usr/bin/carto-import datasets list"

echo "== apt-get purge, and what apt pulled in"
dpkg-query -W -f='${Package}:${Architecture}\n' | sort >"$tmp/during"
pulled=$(comm -13 "$tmp/before" "$tmp/during" | grep -v -e '^libcarto-import' -e '^carto-import' || true)
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get purge -y -q $pkgs $pulled >"$tmp/purge.log" 2>&1 ||
  { cat "$tmp/purge.log"; echo "FAIL: purge"; exit 1; }
installed=0
dpkg-query -W -f='${Package}:${Architecture}\n' | sort >"$tmp/after"
diff -u "$tmp/before" "$tmp/after" || { echo "FAIL: the installed package set changed"; exit 1; }
left=""
while read -r f; do
  [ "$f" = /. ] && continue
  [ -e "$f" ] || [ -L "$f" ] || continue
  [ -d "$f" ] && dpkg -S "$f" >/dev/null 2>&1 && continue  # a directory other packages own
  left="$left $f"
done <"$tmp/files"
[ -z "$left" ] || { echo "FAIL: left after purge:$left"; exit 1; }
for p in $pkgs; do
  ! dpkg -s "$p" >/dev/null 2>&1 || { echo "FAIL: $p still known to dpkg"; exit 1; }
done
echo "nothing left"
