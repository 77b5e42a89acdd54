#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# Benchmarks of libcarto_import against carto-import-server (figures only, never pass/fail).
#
#  1. Upload: a generated CSV (1 GiB by default) sent by the library (bench/upload.c:
#     carto_import_job_new_file + carto_import_job_run) and by `curl -F file=@...` to the same
#     endpoint, alternately, RUNS times each: wall time and peak RSS (GNU time's %M), median.
#  2. Completion latency: N small imports waited with carto_import_job_wait, with the default
#     polling, with set_poll_interval_ms(25, 250) and (25, 100): the delay between the server marking the
#     job complete (meta.sqlite imports.updated_at) and the wait returning (client clock).
#
# usage: bench/upload_bench.sh [BUILD_DIR]      (default: build)
# env:   SIZE_MIB (1024), RUNS (3), IMPORTS (30), KEEP=1 keeps the work directory,
#        BENCH_COMPRESSION (none: the library sends the same bytes as curl; the file, one
#        repeated row, would otherwise go gzip-compressed 50 times smaller, see link_bench.sh)
set -euo pipefail

BUILD=${1:-build}
SERVER=$BUILD/server/carto-import-server
UPLOAD=$BUILD/bench/carto_bench_upload
POLL=$BUILD/bench/carto_bench_poll_latency
SIZE_MIB=${SIZE_MIB:-1024}
RUNS=${RUNS:-3}
IMPORTS=${IMPORTS:-30}
TIME=/usr/bin/time
KEY=bench-master-key

for tool in "$SERVER" "$UPLOAD" "$POLL" "$TIME" curl python3; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (GNU time: apt-get install time)" >&2; exit 2; }
done

. "$(dirname "$0")/server.sh"
make_work carto-bench

median() { python3 -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }

echo "== machine: $(nproc) cores, $(free -g | awk '/^Mem/{print $2}') GiB, $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $(curl --version | sed -n 1p)"

# ---- 1. upload ----------------------------------------------------------------------------
CSV=$WORK/big.csv
# `yes` repeats one 60-byte row: about 1 s for 1 GiB. (yes dies of SIGPIPE: no pipefail here.)
( set +o pipefail
  { echo "id,name,lat,lon"; yes "123456,a place with a reasonably long name,40.416775,-3.703790"; } \
    | head -c $((SIZE_MIB * 1048576)) >"$CSV" )
BYTES=$(stat -c %s "$CSV")
echo "== upload: $BYTES bytes, $RUNS runs each, alternating"

start_server "$WORK/data-upload" --max-upload-bytes $((BYTES * 2)) --max-concurrent-imports 100
lib_t=(); lib_m=(); curl_t=(); curl_m=()
for run in $(seq "$RUNS"); do
  BENCH_COMPRESSION=${BENCH_COMPRESSION:-none} "$TIME" -f "%e %M" -o "$WORK/time" "$UPLOAD" "$CSV" \
    >"$WORK/out"
  read -r t m <"$WORK/time"; lib_t+=("$t"); lib_m+=("$m")
  echo "  run $run library: ${t}s, peak RSS ${m} KiB ($(cut -d' ' -f3 "$WORK/out") MiB/s by its own clock)"
  wait_idle
  "$TIME" -f "%e %M" -o "$WORK/time" curl -sS -o "$WORK/curl.out" -F "file=@$CSV" \
    "${CARTO_API_URL}api/v1/imports?api_key=$KEY"
  grep -q item_queue_id "$WORK/curl.out" || { echo "curl upload failed: $(cat "$WORK/curl.out")" >&2; exit 1; }
  read -r t m <"$WORK/time"; curl_t+=("$t"); curl_m+=("$m")
  echo "  run $run curl:    ${t}s, peak RSS ${m} KiB"
  wait_idle
done
stop_server

LT=$(median "${lib_t[@]}"); CT=$(median "${curl_t[@]}")
LM=$(median "${lib_m[@]}"); CM=$(median "${curl_m[@]}")
python3 - "$BYTES" "$LT" "$CT" "$LM" "$CM" <<'EOF'
import sys
b, lt, ct, lm, cm = int(sys.argv[1]), *map(float, sys.argv[2:])
mib = b / 1048576
print(f"upload median: library {lt:.2f} s = {mib/lt:.0f} MiB/s, peak RSS {lm/1024:.1f} MiB")
print(f"               curl    {ct:.2f} s = {mib/ct:.0f} MiB/s, peak RSS {cm/1024:.1f} MiB")
print(f"               library/curl throughput = {ct/lt:.3f} (target >= 0.95); "
      f"library peak RSS {'<' if lm < 32*1024 else '>='} 32 MiB (target < 32 MiB)")
EOF
rm -f "$CSV"

# ---- 2. completion latency ------------------------------------------------------------------
SMALL=$WORK/small.csv
printf 'id,name,lat,lon\n1,a,40.4,-3.7\n2,b,41.4,2.2\n3,c,37.4,-6.0\n' >"$SMALL"
echo "== completion latency: $IMPORTS imports each, server with its default --step-delay-ms 250"
start_server "$WORK/data-poll"
"$POLL" "$SMALL" "$IMPORTS" >"$WORK/poll-default"
"$POLL" "$SMALL" "$IMPORTS" 25 250 >"$WORK/poll-fast"
"$POLL" "$SMALL" "$IMPORTS" 25 100 >"$WORK/poll-faster"
stop_server
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$WORK/data-poll/meta.sqlite" "$WORK/poll-default" "$WORK/poll-fast" "$WORK/poll-faster" <<'EOF'
import sqlite3, statistics, sys
db = sqlite3.connect(sys.argv[1])
done = dict(db.execute("SELECT id, updated_at FROM imports WHERE state = 'complete'"))
for label, path in (("default poll (a tenth of the time waited, 50..1000 ms)", sys.argv[2]),
                    ("poll_interval_ms(25, 250)", sys.argv[3]),
                    ("poll_interval_ms(25, 100)", sys.argv[4])):
    delays = sorted((float(t) - done[i]) * 1000 for i, t in (l.split() for l in open(path)))
    p90 = delays[min(len(delays) - 1, round(0.9 * (len(delays) - 1)))]
    print(f"latency {label}: n={len(delays)} median {statistics.median(delays):.0f} ms, "
          f"p90 {p90:.0f} ms, min {delays[0]:.0f} ms, max {delays[-1]:.0f} ms")
EOF
