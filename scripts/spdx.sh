#!/bin/sh
# The license notice of every tracked source file:
#   SPDX-License-Identifier: BSD-3-Clause
#   Copyright (c) 2026, the libcarto_import authors
# in the file's comment syntax, at the top (after a #! line).
#   sh scripts/spdx.sh           adds it where it is missing (idempotent)
#   sh scripts/spdx.sh --check   lists the files without it; exit 1 if any (test spdx_headers)
# Source files: C, C++, SWIG, Java, Go, Rust, JavaScript, Python, Ruby (and gemspecs), shell,
# CMake, templates (*.in), TOML, the
# version script, valgrind suppressions, debian/rules and the extension-less scripts with a #!.
# Not: docs, man pages, data, generated ABI baselines, debian/ metadata.
set -eu
cd "$(dirname "$0")/.."
git rev-parse --git-dir >/dev/null 2>&1 || { echo "SKIP: not a git checkout"; exit 77; }
id="SPDX-License-Identifier: BSD-3-Clause"
copyright="Copyright (c) 2026, the libcarto_import authors"
check=0
[ "${1:-}" = --check ] && check=1

style() {  # prints c, cpp or hash for a source file, nothing for others
  case $1 in
    debian/rules|debian/gen-symbols) echo hash; return ;;
    debian/*) return ;;
  esac
  case ${1##*/} in
    *.c|*.h|*.i|*.map) echo c ;;
    *.cpp|*.hpp|*.java|*.go|*.rs|*.js|*.cjs) echo cpp ;;
    CMakeLists.txt|*.py|*.pyi|*.rb|*.gemspec|*.sh|*.cmake|*.in|*.toml|*.supp) echo hash ;;
    *.*) ;;
    *) if head -c 2 "$1" | grep -q '^#!'; then echo hash; fi ;;
  esac
}

missing=0
for f in $(git ls-files); do
  [ -f "$f" ] || continue
  s=$(style "$f")
  [ -n "$s" ] || continue
  head -n 5 "$f" | grep -q "SPDX-License-Identifier:" && continue
  missing=$((missing + 1))
  if [ $check = 1 ]; then echo "no SPDX header: $f"; continue; fi
  case $s in
    c) notice="/* $id\n * $copyright */" ;;
    cpp) notice="// $id\n// $copyright" ;;
    hash) notice="# $id\n# $copyright" ;;
  esac
  tmp=$f.spdx-tmp
  if head -n 1 "$f" | grep -q '^#!'; then
    { head -n 1 "$f"; printf '%b\n' "$notice"; tail -n +2 "$f"; } >"$tmp"
  else
    { printf '%b\n' "$notice"; cat "$f"; } >"$tmp"
  fi
  cat "$tmp" >"$f" && rm -f "$tmp"  # keeps the file's mode
done
if [ $check = 1 ]; then
  [ $missing = 0 ] || { echo "$missing files: run sh scripts/spdx.sh"; exit 1; }
  echo "every source file has its SPDX header"
else
  echo "spdx: added the header to $missing files"
fi
