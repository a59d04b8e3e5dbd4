#!/usr/bin/env bash
# Runs one fuzz target for a while, niced, on a corpus seeded from fuzz/seeds/.
# Usage (from fuzz/): bash run.sh TARGET SECONDS [extra libFuzzer flags]
set -euo pipefail
cd "$(dirname "$0")"
t="$1"; secs="$2"; shift 2
mkdir -p "corpus/$t" "artifacts/$t" logs
cp -n seeds/"$t"/* "corpus/$t/" || true
RUSTC_BOOTSTRAP=1 cargo fuzz build -s none "$t"
exec nice -n 19 ./target/x86_64-unknown-linux-gnu/release/"$t" "corpus/$t" \
  -artifact_prefix="artifacts/$t/" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 "$@"
