#!/bin/sh
# Prints the release version (x.y.z): the one place the packaging scripts read it from.
# (pyproject.toml reads the same line with its own regex.)
sed -n 's/^project(carto_import VERSION \([0-9][0-9.]*\).*/\1/p' "$(dirname "$0")/../../CMakeLists.txt"
