#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# The Debian packages (debian/): libcarto-import0, libcarto-import-dev, carto-import,
# carto-import-server and their -dbgsym, built with dpkg-buildpackage -us -uc -b from a copy of
# the checkout (tracked and untracked-but-not-ignored files) in a scratch folder; the .debs go
# to OUTDIR. Installs the build dependencies with apt unless CARTO_IMPORT_SKIP_DEPS=1.
# DEB_BUILD_OPTIONS is passed through (nocheck skips the unit and API tests; parallel=N).
#   sh scripts/package/deb.sh OUTDIR
set -eu
[ $# -eq 1 ] || { echo "usage: deb.sh OUTDIR" >&2; exit 2; }
top=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)

if [ "${CARTO_IMPORT_SKIP_DEPS:-0}" != 1 ]; then
  if ! command -v dpkg-buildpackage >/dev/null || ! command -v dh >/dev/null ||
     ! (cd "$top" && dpkg-checkbuilddeps >/dev/null 2>&1); then
    command -v apt-get >/dev/null || {
      echo "deb.sh: needs dpkg-dev, debhelper and debian/control's Build-Depends" >&2; exit 1; }
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -q
    $SUDO apt-get install -y -q --no-install-recommends dpkg-dev debhelper fakeroot
    $SUDO apt-get build-dep -y -q --no-install-recommends "$top"
  fi
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/carto-import-deb.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
src=$scratch/libcarto-import
mkdir "$src"
if git -C "$top" rev-parse --git-dir >/dev/null 2>&1; then
  (cd "$top" && git ls-files -z --cached --others --exclude-standard |
     xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh |
     tar --null -T - -cf -) | tar -xf - -C "$src"
else
  (cd "$top" && tar --exclude='./build*' --exclude='./_build*' -cf - .) | tar -xf - -C "$src"
fi

(cd "$src" && dpkg-buildpackage -us -uc -b)
mv "$scratch"/*.deb "$out"/
ls -l "$out"/*.deb
