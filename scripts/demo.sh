#!/bin/sh
# The README's first command: install the dependencies, build, start carto-import-server on a
# free port with a throwaway data directory, use the library against it, and stop the server.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
cmake -S . -B build -G Ninja -DCARTO_IMPORT_BUILD_TESTS=OFF >/dev/null
cmake --build build -j "$(nproc 2>/dev/null || echo 2)"
python3 tests/support/with_server.py build/server/carto-import-server -- \
  sh -c 'echo "carto-import-server at $CARTO_API_URL"; build/examples/verify_account'
