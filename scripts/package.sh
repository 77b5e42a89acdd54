#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# Builds release packages from this checkout into OUTDIR.
#   sh scripts/package.sh OUTDIR [deb] [python] [java] [ruby]     (no kind: all of them)
# Each kind is scripts/package/KIND.sh, called as `sh scripts/package/KIND.sh OUTDIR`; it
# installs its own build dependencies on Debian (like scripts/deps.sh) unless
# CARTO_IMPORT_SKIP_DEPS=1, and writes only into OUTDIR and its own scratch folder.
set -eu
[ $# -ge 1 ] || { echo "usage: package.sh OUTDIR [deb] [python] [java] [ruby]" >&2; exit 2; }
top=$(cd "$(dirname "$0")/.." && pwd)
out=$1; shift
mkdir -p "$out"
out=$(cd "$out" && pwd)
kinds=${*:-deb python java ruby}
for kind in $kinds; do
  script="$top/scripts/package/$kind.sh"
  [ -f "$script" ] || { echo "package.sh: unknown kind '$kind' (no $script)" >&2; exit 2; }
  echo "== package: $kind"
  sh "$script" "$out"
done
