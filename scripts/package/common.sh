# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# Sourced by scripts/package/KIND.sh: top (the checkout), out (OUTDIR, absolute), version,
# scratch (build-package/KIND in the checkout: reused between runs; made by the script when it
# needs it), and deps PACKAGES... (scripts/deps.sh only: apt-get install what is missing,
# unless CARTO_IMPORT_SKIP_DEPS=1).
set -eu
[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
top=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)
version=$(sh "$top/scripts/version.sh")
scratch="$top/build-package/$(basename "$0" .sh)"

deps() {
  sh "$top/scripts/deps.sh" only "$@"
}
