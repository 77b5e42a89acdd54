#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# Compressed uploads on a shaped link (figures only, never pass/fail; docs/benchmarks.md).
#
# In a private network namespace (unshare -n, so nothing else is shaped), loopback is limited
# with tc tbf to each RATE, carto-import-server runs inside, and each file is uploaded,
# alternating, RUNS times by: curl -F, then the library (bench/upload.c: job_new_file + job_run)
# with the upload compression NONE, GZIP and AUTO. Wall time, CPU time (user+sys) and peak RSS
# (GNU time), median per tool. Files: a generated points CSV (ROWS rows: names, categories,
# coordinates, values, timestamps; 2.5 M rows = about 180 MB) and a GeoJSON of FEATURES points.
# The server fails each job at once (--max-file-size 1): only the upload is measured.
#
# usage: sudo bench/link_bench.sh [BUILD_DIR]      (default: build; needs root for unshare/tc)
# env:   RATES ("100mbit 1gbit"), RUNS (3), ROWS (2500000), FEATURES (1000000), KEEP=1
set -euo pipefail

BUILD=$(cd "${1:-build}" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
if [ "${LINK_BENCH_INSIDE:-}" != 1 ]; then
  [ "$(id -u)" = 0 ] || { echo "needs root (unshare -n, tc)" >&2; exit 2; }
  for tool in "$BUILD/server/carto-import-server" "$BUILD/bench/carto_bench_upload" /usr/bin/time \
              curl python3 tc ip unshare; do
    command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
  done
  exec unshare -n env LINK_BENCH_INSIDE=1 bash "$0" "$BUILD"
fi

SERVER=$BUILD/server/carto-import-server
UPLOAD=$BUILD/bench/carto_bench_upload
RATES=${RATES:-"100mbit 1gbit"}
RUNS=${RUNS:-3}
ROWS=${ROWS:-2500000}
FEATURES=${FEATURES:-1000000}
KEY=bench-master-key
. "$HERE/server.sh"
make_work carto-link-bench

ip link set lo up
echo "== machine: $(nproc) cores, $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $(curl --version | sed -n 1p)"

python3 - "$WORK" "$ROWS" "$FEATURES" <<'EOF'
import random, sys
work, rows, features = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(42)
cats = ["restaurant", "school", "park", "museum", "pharmacy", "station", "library", "hotel"]
words = ["North", "Old", "Green", "River", "Hill", "Market", "King", "Lake", "Mill", "Bridge"]
def row(i):
    return (i, f"{rng.choice(words)} {rng.choice(words)} {rng.randrange(1000)}", rng.choice(cats),
            round(rng.uniform(-60, 70), 5), round(rng.uniform(-180, 180), 5),
            round(rng.uniform(0, 10000), 1),
            f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}T"
            f"{rng.randrange(24):02d}:{rng.randrange(60):02d}")
with open(f"{work}/points.csv", "w") as f:
    f.write("id,name,category,lat,lon,value,observed_at\n")
    for i in range(rows):
        f.write("%d,%s,%s,%s,%s,%s,%s\n" % row(i))
with open(f"{work}/points.geojson", "w") as f:
    f.write('{"type":"FeatureCollection","features":[\n')
    for i in range(features):
        r = row(i)
        f.write('%s{"type":"Feature","properties":{"id":%d,"name":"%s","category":"%s",'
                '"value":%s,"observed_at":"%s"},"geometry":{"type":"Point","coordinates":[%s,%s]}}\n'
                % ("," if i else "", r[0], r[1], r[2], r[5], r[6], r[4], r[3]))
    f.write("]}\n")
EOF
for f in points.csv points.geojson; do
  echo "== $f: $(stat -c %s "$WORK/$f") bytes, gzip -1: $(gzip -1 -c "$WORK/$f" | wc -c) bytes"
done

# run TOOL FILE: one timed upload; appends "wall cpu rss_kib wire_bytes" to $WORK/TOOL.times
run() {
  local tool=$1 file=$2 wire
  if [ "$tool" = curl ]; then
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" curl -sS -o "$WORK/out" -F "file=@$file" \
      "${CARTO_API_URL}api/v1/imports?api_key=$KEY"
    grep -q item_queue_id "$WORK/out" || { echo "curl failed: $(cat "$WORK/out")" >&2; exit 1; }
    wire=$(stat -c %s "$file")
  else
    BENCH_COMPRESSION=$tool /usr/bin/time -f "%e %U %S %M" -o "$WORK/time" "$UPLOAD" "$file" \
      >"$WORK/out"
    wire=$(cut -d' ' -f5 "$WORK/out")
  fi
  read -r wall user sys rss <"$WORK/time"
  echo "$wall $(python3 -c "print(round($user + $sys, 2))") $rss $wire" >>"$WORK/$tool.times"
  echo "    $tool: ${wall}s wall, cpu $(python3 -c "print(round($user + $sys, 2))")s, peak RSS ${rss} KiB, body $wire bytes"
  wait_idle
}

for rate in $RATES; do
  burst=$([ "$rate" = 1gbit ] && echo 1mb || echo 256kb)
  tc qdisc replace dev lo root tbf rate "$rate" burst "$burst" latency 50ms
  echo "== link: loopback shaped by $(tc qdisc show dev lo)"
  start_server "$WORK/data" --max-file-size 1 --max-upload-bytes 4294967296 \
    --max-concurrent-imports 100
  for f in points.csv points.geojson; do
    rm -f "$WORK"/*.times
    echo "== $rate $f ($RUNS runs, alternating)"
    for i in $(seq "$RUNS"); do
      for tool in curl none gzip auto; do run "$tool" "$WORK/$f"; done
    done
    python3 - "$WORK" "$rate" "$f" <<'EOF'
import statistics, sys
work, rate, name = sys.argv[1:]
def load(t):
    rows = [list(map(float, l.split())) for l in open(f"{work}/{t}.times")]
    return [statistics.median(c) for c in zip(*rows)], [r[0] for r in rows]
curl = load("curl")[0][0]
for t in ("curl", "none", "gzip", "auto"):
    (wall, cpu, rss, wire), walls = load(t)
    print(f"RESULT {rate} {name} {t:5s} median {wall:6.2f} s  ({curl / wall:4.2f}x curl)  "
          f"cpu {cpu:5.2f} s  peak RSS {rss / 1024:5.1f} MiB  body {wire / 1e6:6.1f} MB  "
          f"runs {' '.join(f'{w:.2f}' for w in walls)}")
EOF
  done
  stop_server
  tc qdisc del dev lo root
done
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
