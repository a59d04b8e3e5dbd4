#!/usr/bin/env bash
# `npm run bench`: benchmarks (never part of `npm test`). Criterion on the
# native build, then the shipped wasm under node.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
say "criterion benchmarks (native)"
cargo bench --bench pipeline -- --noplot "$@"
bash scripts/build-wasm.sh --diagnostics
say "the page's first load, gzipped (budget 1 MB)"
node bench/first-load.mjs
say "text stages in wasm under node"
node bench/text-wasm.mjs
say "entity recognition in wasm under node, beside compromise and wink-nlp"
node bench/ner-wasm.mjs
say "reuse engine in wasm under node, beside diff-match-patch and jsdiff"
cargo run --release --quiet --example reuse_corpus
node bench/reuse-wasm.mjs
say "the page's main thread under the largest inputs (longest task, in Chromium)"
node bench/page-responsiveness.mjs 3
