#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026, the libcarto_import authors
# One fuzz target for ctest: FUZZER runs SECONDS with libFuzzer seed SEED (0: a random one) on
# the committed SEEDS, new inputs to CORPUS, crashes to ARTIFACTS. Its progress lines (thousands)
# go to LOG; printed are the seed and the final stats, or on failure the report without them.
set -u
fuzzer=$1 corpus=$2 artifacts=$3 seeds=$4 seconds=$5 seed=$6 log=$7
mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
"$fuzzer" -seed="$seed" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" "$seeds" >"$log" 2>&1
rc=$?
if [ "$rc" -eq 0 ]; then
  grep -a -E '^(INFO: Seed|stat::)' "$log"
else
  echo "fuzz target failed (exit $rc); its report, from $log:"
  grep -a -v -E '^#[0-9]+|^	NEW_FUNC' "$log" | tail -n 80
fi
exit "$rc"
