#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# Compares the built library with the committed ABI baseline (abidiff, from abigail-tools).
# Additions pass; any incompatible change fails until the baseline is regenerated in the same
# commit (ninja abi-baseline) — a deliberate, visible change.
# Usage: abicheck.sh BASELINE LIBRARY HEADERS_DIR
set -u
baseline=$1 lib=$2 headers=$3
if ! command -v abidiff >/dev/null 2>&1; then
  echo "SKIP: abidiff not found (install abigail-tools)"; exit 77
fi
abidiff --no-added-syms --headers-dir2 "$headers" "$baseline" "$lib"
rc=$?
if [ $((rc & 8)) -ne 0 ]; then
  echo "FAIL: incompatible ABI change against $baseline"; exit 1
fi
if [ $((rc & 3)) -ne 0 ]; then
  echo "FAIL: abidiff could not compare (exit $rc)"; exit 1
fi
[ $((rc & 4)) -ne 0 ] && echo "ABI: compatible changes (additions) against the baseline"
echo "ABI: no incompatible change against $(basename "$baseline")"
exit 0
