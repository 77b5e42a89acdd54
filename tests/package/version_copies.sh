#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# The copies of the version that CMake does not check agree with `sh scripts/version.sh`:
# pom.xml's default revision (`sh scripts/version.sh set` writes it), the upstream part of
# debian/changelog's first entry and a CHANGELOG.md section (both written by hand).
# Usage: version_copies.sh SOURCE_DIR
set -eu
top=$1
version=$(sh "$top/scripts/version.sh")
bad=""
pom=$(sed -n 's|.*<revision>\([^<]*\)</revision>.*|\1|p' "$top/bindings/java/pom.xml")
[ "$pom" = "$version" ] || bad="$bad pom.xml:'$pom'"
deb=$(sed -n '1s/^[^ ]* (\([^)-]*\)-[^)]*).*/\1/p' "$top/debian/changelog")
[ "$deb" = "$version" ] || bad="$bad debian/changelog:'$deb'"
grep -q "^## $version\b" "$top/CHANGELOG.md" || bad="$bad CHANGELOG.md:'no ## $version section'"
[ -z "$bad" ] || { echo "FAIL: not $version:$bad (sh scripts/version.sh set $version)"; exit 1; }
echo "pom.xml, debian/changelog and CHANGELOG.md say $version"
