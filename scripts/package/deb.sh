#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# The Debian packages (debian/): libcarto-import0, libcarto-import-dev, carto-import,
# carto-import-server and their -dbgsym, built with dpkg-buildpackage -us -uc -b from a copy of
# the checkout (tracked and untracked-but-not-ignored files) in a temporary folder; the .debs go
# to OUTDIR. Installs the build dependencies with apt unless CARTO_IMPORT_SKIP_DEPS=1.
# DEB_BUILD_OPTIONS is passed through (nocheck skips the unit and API tests; parallel=N).
#   sh scripts/package/deb.sh OUTDIR
. "$(dirname "$0")/common.sh"
deps dpkg-dev debhelper fakeroot
if [ "${CARTO_IMPORT_SKIP_DEPS:-0}" != 1 ] && ! (cd "$top" && dpkg-checkbuilddeps >/dev/null 2>&1); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get build-dep -y -q --no-install-recommends "$top"
fi

# Not the scratch folder of common.sh: the copy and its build are removed at the end.
work=$(mktemp -d "${TMPDIR:-/tmp}/carto-import-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT
src=$work/libcarto-import
mkdir "$src"
if git -C "$top" rev-parse --git-dir >/dev/null 2>&1; then
  (cd "$top" && git ls-files -z --cached --others --exclude-standard |
     xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh |
     tar --null -T - -cf -) | tar -xf - -C "$src"
else
  (cd "$top" && tar --exclude='./build*' --exclude='./_build*' -cf - .) | tar -xf - -C "$src"
fi

(cd "$src" && dpkg-buildpackage -us -uc -b)
mv "$work"/*.deb "$out"/
ls -l "$out"/*.deb
