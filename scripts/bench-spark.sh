#!/usr/bin/env bash
# Corpus mode against the Spark job on one generated corpus:
#   bash scripts/bench-spark.sh [ARTICLES] [MASTER]      (defaults: 10000, local[2])
# Generates the corpus (`corroborate gen-corpus --seed 21`), times
# `corroborate corpus` and `spark-submit --master MASTER job.py` (wall clock
# and peak memory from /usr/bin/time where present), and checks that the
# two wrote the same tables. Files in bench/tmp/spark-ARTICLES/.
source "$(dirname "$0")/lib.sh"
N="${1:-10000}"
MASTER="${2:-local[2]}"
ensure_python
ensure_java
cd "$ROOT"
[ -x target/release/corroborate ] || cargo build --release --bin corroborate
[ -n "$(ls target/wheels/corroborate-*.whl 2>/dev/null)" ] || bash scripts/build-python.sh
DIR="bench/tmp/spark-$N"
rm -rf "$DIR" && mkdir -p "$DIR"
target/release/corroborate gen-corpus --articles "$N" --seed 21 --out "$DIR/corpus.jsonl"
timed() {
  if [ -x /usr/bin/time ]; then /usr/bin/time -f "%e s wall, %M KB peak" "$@"; else time "$@"; fi
}
say "corpus mode"
timed target/release/corroborate corpus "$DIR/corpus.jsonl" --out "$DIR/corpus"
say "Spark job, --master $MASTER"
export PYSPARK_PYTHON="$VENV/bin/python"
timed "$VENV/bin/spark-submit" --master "$MASTER" --driver-memory "${DRIVER_MEMORY:-2g}" \
  --conf spark.ui.enabled=false python/corroborate_spark/job.py "$DIR/corpus.jsonl" "$DIR/spark" --single-file 2>&1 \
  | grep -v -E 'WARN|^\s*$|Stage [0-9]+:' || true
"$VENV/bin/python" - "$DIR" <<'PY'
import sys
import pandas as pd
d = sys.argv[1]
ids = {"a": str, "b": str, "copier": str, "source": str}
for name in ("pairs", "passages", "provenance"):
    want = pd.read_csv(f"{d}/corpus/{name}.csv", dtype=ids, keep_default_na=False)
    got = pd.read_csv(f"{d}/spark/{name}.csv", dtype=ids, keep_default_na=False)
    pd.testing.assert_frame_equal(got, want, check_exact=True, obj=name)
    print(f"{name}: {len(want)} rows, the same in both")
PY
