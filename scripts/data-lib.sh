# Shared by the developer scripts that rebuild committed data from pinned
# packages (build-lexicons.sh, build-lang-freq.sh, build-lang-dict.sh):
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
