#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# The library exports exactly the symbols listed in the version script, all carto_import_*.
# Usage: exports.sh LIBRARY VERSION_SCRIPT
set -eu
lib=$1 map=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
nm -D --defined-only "$lib" | awk '$2 != "A" {sub(/@.*/, "", $3); print $3}' | sort > "$tmp/exported"
sed -n 's/^[[:space:]]*\(carto_import_[a-z0-9_]*\);.*/\1/p' "$map" | sort > "$tmp/listed"
status=0
if grep -v '^carto_import_' "$tmp/exported"; then
  echo "FAIL: symbols outside the carto_import_ prefix are exported (above)"; status=1
fi
if ! diff -u "$tmp/listed" "$tmp/exported"; then
  echo "FAIL: exports differ from $map (- listed only, + exported only)"; status=1
fi
nm -D --defined-only "$lib" | awk '$2 == "A" {print $3}' | grep -qv '^carto_import_' && {
  echo "FAIL: a version node is not named carto_import_*"; status=1; }
[ $status -eq 0 ] && echo "exports: $(wc -l < "$tmp/exported") symbols, all listed in $(basename "$map")"
exit $status
