#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# The README's first command: install the dependencies, build the library, carto-import-server
# and the carto-import tool, start the server on a free port with a throwaway data directory,
# import the sample dataset shipped in the repo, list and show it, and stop the server.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh demo
cmake -S . -B build-demo -G Ninja -DCARTO_IMPORT_BUILD_SERVER=ON -DCARTO_IMPORT_BUILD_TOOLS=ON \
  -DCARTO_IMPORT_BUILD_TESTS=OFF -DCARTO_IMPORT_BUILD_EXAMPLES=OFF >/dev/null
cmake --build build-demo -j "$(nproc 2>/dev/null || echo 2)" --target carto-import-server carto-import
python3 tests/support/with_server.py build-demo/server/carto-import-server \
  --path build-demo/tools --server-arg=--quiet -- sh -c '
  set -e
  echo "== carto-import-server is at $CARTO_API_URL"
  echo "== carto-import import examples/data/world_cities.csv"
  carto-import import examples/data/world_cities.csv
  echo "== carto-import datasets list"
  carto-import datasets list
  echo "== carto-import datasets show world_cities"
  carto-import datasets show world_cities'
