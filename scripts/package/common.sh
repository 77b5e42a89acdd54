# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# Sourced by scripts/package/KIND.sh: top (the checkout), out (OUTDIR, absolute), version,
# scratch (build-package/KIND in the checkout: reused between runs), and deps PACKAGES...
# (apt-get install what is missing, unless CARTO_IMPORT_SKIP_DEPS=1).
set -eu
[ $# -ge 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
top=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)
version=$(sh "$top/scripts/version.sh")
scratch="$top/build-package/$(basename "$0" .sh)"
mkdir -p "$scratch"

deps() {
  [ "${CARTO_IMPORT_SKIP_DEPS:-0}" = 1 ] && return 0
  missing=""
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -q
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
}
