#!/usr/bin/env bash
# Rebuilds model/lang/<code>/freq.tsv (English and every pack language): the
# similarity terms' corpus frequencies, from the wordfreq package's word
# lists (wordfreq 3.1.1, code Apache-2.0, data CC BY-SA 4.0 by Robyn Speer and
# contributors: Wikipedia, OpenSubtitles, news, books, web text; see README
# "Data and licences"). A developer command, not part of the tests or the
# build: the generated files are committed. Needs python3, pip and cargo, and
# reaches only PyPI. The packages go into a temporary folder that is removed
# afterwards; nothing is installed into the project. Deterministic: the same
# pins give the same bytes.
#
#   bash scripts/build-lang-freq.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# wordfreq and its dependencies, pinned (the same pins as build-lexicons.sh).
PY_PKGS=(wordfreq==3.1.1 ftfy==6.3.1 wcwidth==0.9.4 langcodes==3.5.1 locate==1.1.1
  msgpack==1.2.4 regex==2026.11.15)
CODES=(en de es fr it pl ru tr ar zh)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
for tool in python3 cargo; do
  command -v "$tool" >/dev/null || { echo "error: $tool not found" >&2; exit 1; }
done

TMP="$(mktemp -d "${TMPDIR:-/tmp}/langfreq.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

say "installing ${PY_PKGS[*]} into a temporary folder"
python3 -m pip install --quiet --disable-pip-version-check --no-input --no-deps \
  --target "$TMP/py" "${PY_PKGS[@]}"

say "writing the word lists of ${CODES[*]}"
PYTHONPATH="$TMP/py" PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 \
  python3 "$ROOT/scripts/wordfreq_dump.py" --out "$TMP/lists" "${CODES[@]}"

say "building corroborate and writing model/lang/<code>/freq.tsv"
(cd "$ROOT" && cargo build --release --quiet --bin corroborate)
(cd "$ROOT" && ./target/release/corroborate build-lang-freq "$TMP/lists" --out model/lang)

for code in "${CODES[@]}"; do
  f="$ROOT/model/lang/$code/freq.tsv"
  printf '%-3s %8d bytes %7d gzipped\n' "$code" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)" >&2
done
