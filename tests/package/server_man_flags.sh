#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# Every flag of `carto-import-server --help` has an entry in carto-import-server(1).
# Usage: server_man_flags.sh SERVER MAN_PAGE
set -eu
server=$1 page=$2
missing=""
for flag in $("$server" --help | grep -o -- '--[a-z][a-z0-9-]*' | sort -u); do
  escaped=$(printf '%s' "$flag" | sed 's/-/\\\\-/g')
  grep -q -- "^\.B[IR]* *$escaped\b" "$page" || missing="$missing $flag"
done
[ -z "$missing" ] || { echo "not in $(basename "$page"):$missing (add a .TP entry)"; exit 1; }
echo "every flag of --help is in $(basename "$page")"
