#!/bin/sh
# The README's first command: install the dependencies, build, start carto-import-server on a
# free port with a throwaway data directory, import the sample dataset with the library, list
# and show it, and stop the server.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
cmake -S . -B build-demo -G Ninja -DCARTO_IMPORT_BUILD_SERVER=ON -DCARTO_IMPORT_BUILD_TESTS=OFF >/dev/null
cmake --build build-demo -j "$(nproc 2>/dev/null || echo 2)"
python3 tests/support/with_server.py build-demo/server/carto-import-server --path build-demo/examples -- sh -c '
  set -e
  echo "== carto-import-server at $CARTO_API_URL"
  verify_account
  echo "== import examples/data/world_cities.csv"
  import_dataset examples/data/world_cities.csv
  echo "== list the datasets"
  list_datasets
  echo "== show one"
  get_dataset world_cities'
