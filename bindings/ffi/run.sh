#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# Runs one FFI example (Go, Node, Rust) against the carto-import-server that with_server.py
# started (CARTO_API_URL, CARTO_API_KEY). Exits 77 (CTest: skipped) with the reason when the
# toolchain is missing, or when a package cannot be fetched the first time. Caches stay in
# WORK (the build tree), but for crates.io and npm downloads (their default user caches).
# usage: run.sh go|node|rust SOURCE_DIR WORK LIBDIR
set -eu
kind=$1 src=$2 work=$3 libdir=$4
skip() { echo "SKIP: $*"; exit 77; }
mkdir -p "$work"
case $kind in
  go)
    command -v go >/dev/null 2>&1 || skip "go not found (the Go example needs Go >= 1.21 and cgo)"
    # No dependencies: nothing is fetched (GOPROXY=off), GOTOOLCHAIN=local never downloads Go.
    export GOCACHE="$work/go-cache" GOPATH="$work/go-path" GOTOOLCHAIN=local GOPROXY=off
    export CGO_ENABLED=1 CGO_LDFLAGS="-L$libdir -Wl,-rpath,$libdir"
    cd "$src/go" && exec go test -count=1 -v . ;;
  node)
    command -v node >/dev/null 2>&1 || skip "node not found (the Node example needs Node >= 18)"
    if [ ! -d "$work/node_modules/koffi" ]; then
      command -v npm >/dev/null 2>&1 || skip "npm not found (needed once, to fetch koffi)"
      npm install --prefix "$work" --no-save --no-audit --no-fund koffi@3 >"$work/npm.log" 2>&1 ||
        skip "could not fetch koffi from the npm registry (see $work/npm.log)"
    fi
    export NODE_PATH="$work/node_modules" CARTO_IMPORT_LIB="$libdir/libcarto_import.so.0"
    exec node --test "$src/node/flow.test.cjs" ;;
  rust)
    command -v cargo >/dev/null 2>&1 || skip "cargo not found (the Rust example needs Rust >= 1.70)"
    export CARGO_TARGET_DIR="$work/target" CARTO_IMPORT_LIBDIR="$libdir" RUST_BACKTRACE=0
    cd "$src/rust"
    cargo fetch --locked >"$work/fetch.log" 2>&1 || cargo fetch --locked --offline >/dev/null 2>&1 ||
      skip "could not fetch tokio from crates.io (see $work/fetch.log)"
    exec cargo test --locked --offline -- --nocapture ;;
  *) echo "usage: run.sh go|node|rust SOURCE_DIR WORK LIBDIR" >&2; exit 2 ;;
esac
