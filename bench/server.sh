# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# Shared by the benchmark scripts (sourced by bash): a scratch folder, and carto-import-server
# started, waited for, stopped. Needs SERVER (the binary) and KEY (the account's key).

# make_work NAME: a scratch folder in WORK, removed at exit (KEEP=1 keeps it), with the server
# stopped if it still runs.
make_work() {
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/$1-XXXXXX")
  SERVER_PID=
  trap cleanup EXIT
}

cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] && echo "kept $WORK" || rm -rf "$WORK"
}

# start_server DATA_DIR FLAGS... : starts the server through tests/support/with_server.py (the
# project's one launcher: it keeps DATA_DIR), sets SERVER_PID (the launcher's: a kill stops
# both) and CARTO_API_URL.
start_server() {
  local data=$1 flag; shift
  for flag; do shift; set -- "$@" "--server-arg=$flag"; done
  mkdir -p "$data"
  python3 "${BASH_SOURCE[0]%/*}/../tests/support/with_server.py" "$SERVER" --data "$data" \
    --user "bench:$KEY" --server-arg=--quiet "$@" >"$WORK/server.out" &
  SERVER_PID=$!
  for _ in $(seq 300); do
    grep -q '^listening on ' "$WORK/server.out" 2>/dev/null && break
    sleep 0.05
  done
  local root
  root=$(sed -n 's/^listening on //p' "$WORK/server.out")
  [ -n "$root" ] || { echo "the server did not start" >&2; exit 1; }
  export CARTO_API_URL="$root/user/bench/" CARTO_API_KEY=$KEY
}

stop_server() {
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
}

# Waits until the server runs no import (so that runs do not overlap).
wait_idle() {
  for _ in $(seq 600); do
    curl -s "${CARTO_API_URL}api/v1/imports?api_key=$KEY" | grep -q '"imports":\[\]' && return
    sleep 0.1
  done
  echo "imports still running" >&2
}
