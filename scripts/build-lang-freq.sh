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

source "$ROOT/scripts/data-lib.sh"
CODES=(en de es fr it pl ru tr ar zh)

need python3 cargo
scratch langfreq

say "writing the word lists of ${CODES[*]} (${WORDFREQ_PINS[*]}, installed into a temporary folder)"
wordfreq_lists "$TMP/lists" "${CODES[@]}"

say "building corroborate and writing model/lang/<code>/freq.tsv"
(cd "$ROOT" && cargo build --release --quiet --bin corroborate)
(cd "$ROOT" && ./target/release/corroborate build-lang-freq "$TMP/lists" --out model/lang)

for code in "${CODES[@]}"; do
  f="$ROOT/model/lang/$code/freq.tsv"
  printf '%-3s %8d bytes %7d gzipped\n' "$code" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)" >&2
done
