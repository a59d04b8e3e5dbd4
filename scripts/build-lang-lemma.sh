#!/usr/bin/env bash
# Writes lemma tables OUT_DIR/<code>/lemma.tsv (word form -> lemma) for the
# languages spacy-lookups-data has tables of (de es fr it pl ru tr), from the
# pinned wheel and the wordfreq lists (same pins as build-lang-freq.sh),
# restricted to the TOP commonest words of each list
# (scripts/build_lang_lemma.py). A developer command, not part of the tests
# or the build; reaches only PyPI; the packages go into a temporary folder
# removed afterwards. Deterministic: the same pins give the same bytes.
#
# Nothing ships from it (README "Languages", lemma tables): the default
# OUT_DIR is a scratch folder. With LEMMA_EVAL=1 it also rebuilds, through
# each term rule of RULES, the frequency tables, the dictionaries and the
# learned idf into OUT_DIR/<rule>/ (needs the dictionaries of
# build-lang-dict.sh: it runs that script's downloads) and scores each with
# eval-similarity, training and held out (--folds 5), with --features dumps
# for scripts/similarity-bootstrap.py.
#
#   OUT_DIR=/tmp/lemma bash scripts/build-lang-lemma.sh
#   LEMMA_EVAL=1 OUT_DIR=/tmp/lemma bash scripts/build-lang-lemma.sh      # every rule, about 1 minute each
#   LEMMA_EVAL=1 TOP=30000 RULES="lemma+stem lemma+cut:7" OUT_DIR=/tmp/lemma30k bash scripts/build-lang-lemma.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

LOOKUPS_PIN=spacy-lookups-data==1.0.5
CODES=(de es fr it pl ru tr)
OUT_DIR="${OUT_DIR:-/tmp/corroborate-lemma}"
TOP="${TOP:-1000000}"
LANGS=de,es,fr,it,pl,ru,tr
RULES="${RULES:-stem lemma lemma+stem lemma+cut:5 lemma+cut:6 lemma+cut:7 stem+cut:5 stem+cut:6 stem+cut:7 lemma+stem+cut:5 lemma+stem+cut:6 lemma+stem+cut:7}"
CSV="${CSV:-$ROOT/../shared/data/similarity/semeval2022-task8-train-all.csv}"

source "$ROOT/scripts/data-lib.sh"
need python3 cargo
scratch langlemma

say "downloading $LOOKUPS_PIN (a wheel of about 100 MB, read in place)"
python3 -m pip download --quiet --disable-pip-version-check --no-input --no-deps -d "$TMP/whl" "$LOOKUPS_PIN"
WHEEL="$(ls "$TMP"/whl/spacy_lookups_data-*.whl)"

say "writing the word lists of en ar zh ${CODES[*]} (${WORDFREQ_PINS[*]})"
wordfreq_lists "$TMP/lists" en ar zh "${CODES[@]}"

say "writing $OUT_DIR/lemma/<code>/lemma.tsv (the $TOP commonest words of each list)"
PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 python3 "$ROOT/scripts/build_lang_lemma.py" \
  --wheel "$WHEEL" --lists "$TMP/lists" --out "$OUT_DIR/lemma" --top "$TOP" "${CODES[@]}"
for code in "${CODES[@]}"; do
  f="$OUT_DIR/lemma/$code/lemma.tsv"
  printf '%-3s %8d bytes %7d gzipped\n' "$code" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)" >&2
done

[ "${LEMMA_EVAL:-0}" = 1 ] || exit 0
need apt-get dpkg-deb
# the dictionaries build-lang-dict.sh reads (pins in data-lib.sh)
fetch_dictionaries "${DICT_DEBS[@]}"

(cd "$ROOT" && cargo build --release --quiet --bin corroborate)
B="$ROOT/target/release/corroborate"
for rule in $RULES; do
  V="$OUT_DIR/${rule//:/}"
  mkdir -p "$V"
  # the languages with a table only: Arabic and Chinese keep their terms
  K=(--term-key "$rule@$LANGS" --lemma-dir "$OUT_DIR/lemma")
  say "$rule: tables into $V, then eval-similarity"
  "$B" build-lang-freq "$TMP/lists" --out "$V" "${K[@]}" >"$V/build.log"
  "$B" build-lang-dict "$TMP/x/usr/share/dictd" "$TMP/lists" --out "$V" "${K[@]}" >>"$V/build.log"
  "$B" build-lang-idf "$CSV" --out "$V" --prefix-out "$V/prefix-idf.tsv" "${K[@]}" >>"$V/build.log"
  E=(eval-similarity "$CSV" "${K[@]}" --freq-dir "$V" --dict-dir "$V" --idf-dir "$V")
  "$B" "${E[@]}" --features "$V/training.csv" >"$V/training.txt"
  "$B" "${E[@]}" --folds 5 --features "$V/heldout.csv" >"$V/heldout.txt"
  printf '%s\n' "$rule" >&2
  paste <(sed -n '/^pair/,$p' "$V/training.txt" | awk '{print $1, $2, $3}') \
    <(sed -n '/^pair/,$p' "$V/heldout.txt" | awk '{print $3}') >&2
done
