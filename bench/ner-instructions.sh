#!/usr/bin/env bash
# Instructions spent on tokenization + recognition, counted by valgrind's
# callgrind instead of timed: the same count for the same binary and input
# whatever else the machine is doing, so an A/B of two commits holds on a
# shared, noisy machine where wall-clock figures swing by a third. It counts
# work, not time (cache misses and mispredicted branches are not in it):
# confirm a gain in wasm with `node bench/ner-wasm.mjs BEFORE AFTER` (paired
# rotating rounds).
#
#   bash bench/ner-instructions.sh [TARGET_DIR]   (default: target/instructions, so the
#   line-table build does not replace the normal release build in target)
#
# Runs examples/profile_ner (three passes over ~1 MB built from the seeds, or
# from tests/fixtures when ../shared is absent) and prints the total and the
# inclusive counts of the main stages.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind > /dev/null || { echo "valgrind is not installed (apt install valgrind)" >&2; exit 1; }
target="${1:-target/instructions}"
CARGO_TARGET_DIR="$target" CARGO_PROFILE_RELEASE_DEBUG=line-tables-only \
  cargo build --release --quiet --example profile_ner
inputs=(../shared/seeds/*.txt)
[ -e "${inputs[0]}" ] || inputs=(tests/fixtures/wire.txt tests/fixtures/rewrite.txt)
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$out" "$target/release/examples/profile_ner" "${inputs[@]}" 2>&1 \
  | grep -E "refs" | sed 's/^==[0-9]*== */total /'
callgrind_annotate --inclusive=yes "$out" 2>/dev/null \
  | grep -E "(recognize::tag|model::Model::sum|text::clean_article|tokenize::tokenize::\{\{closure\}\}) \[" \
  | sed -E 's/ +\/[^:]*:/  /; s/ \[.*//'
