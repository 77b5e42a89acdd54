#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# The project's version, whose one home is project(carto_import VERSION ...) in CMakeLists.txt.
#   sh scripts/version.sh             prints it (e.g. 0.2.0): for pyproject, the gem, scripts
#   sh scripts/version.sh set X.Y.Z   sets it there and in its two literal copies:
#                                     carto_import.h's macros (CMake refuses to configure when
#                                     they differ) and pom.xml's default revision (for a plain
#                                     `mvn verify`; test version_copies compares it, and
#                                     debian/changelog, which is written by hand)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
current=$(sed -n 's/^project(carto_import VERSION \([0-9]*\.[0-9]*\.[0-9]*\).*/\1/p' "$top/CMakeLists.txt")
[ -n "$current" ] || { echo "version.sh: no project(carto_import VERSION x.y.z) in CMakeLists.txt" >&2; exit 1; }
case "${1:-}" in
  "") echo "$current" ;;
  set)
    new=${2:?usage: version.sh set X.Y.Z}
    echo "$new" | grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+$' || { echo "version.sh: '$new' is not X.Y.Z" >&2; exit 2; }
    major=${new%%.*} rest=${new#*.}
    minor=${rest%%.*} patch=${rest#*.}
    sed -i "s/^project(carto_import VERSION $current/project(carto_import VERSION $new/" "$top/CMakeLists.txt"
    sed -i -e "s/^#define CARTO_IMPORT_VERSION_MAJOR .*/#define CARTO_IMPORT_VERSION_MAJOR $major/" \
           -e "s/^#define CARTO_IMPORT_VERSION_MINOR .*/#define CARTO_IMPORT_VERSION_MINOR $minor/" \
           -e "s/^#define CARTO_IMPORT_VERSION_PATCH .*/#define CARTO_IMPORT_VERSION_PATCH $patch/" \
           "$top/include/carto_import.h"
    sed -i "s|<revision>[^<]*</revision>|<revision>$new</revision>|" "$top/bindings/java/pom.xml"
    echo "$current -> $new (also add a debian/changelog entry and a CHANGELOG.md section, and" \
         "regenerate docs/man/carto-import.1: ninja carto-import-man)" ;;
  *) echo "usage: version.sh [set X.Y.Z]" >&2; exit 2 ;;
esac
