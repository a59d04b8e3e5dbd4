#!/usr/bin/env bash
# Builds the shipped WebAssembly into www/pkg/, installing what is missing.
# The wasm is built as a cdylib only (`cargo rustc --crate-type cdylib`):
# a cdylib+rlib crate-type makes it ~40% larger. It is built without the
# default features: the tagger's trainer and the evaluation code (feature
# `train`) stay out of the browser.
#
# The English data (tagger model, clusters, gazetteer, casing list, idf)
# is not embedded (feature `embedded` off): it goes into www/lang/en.bin
# (scripts/build-packs.mjs), which the worker fetches when needed.
#
# `scripts/build-wasm.sh --diagnostics` also builds, into
# www/pkg-diagnostics/ (never shipped: not in git, not in `npm run pack`),
# the same wasm with the `diagnostics` feature: the benchmark exports
# (textStats, entityStats, reuseStats) `npm run bench` reads, and
# panicForTests, which the page's crash-recovery test calls.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_rust
ensure_wasm_bindgen
ensure_npm

# build_one OUT_DIR [cargo feature flags...]
build_one() {
  local out="$1"; shift
  say "building the release wasm into $out ($*)"
  cargo rustc --lib --release --target wasm32-unknown-unknown --crate-type cdylib --quiet "$@"
  rm -rf "$out"
  wasm-bindgen --target web --out-dir "$out" --out-name corroborate \
    target/wasm32-unknown-unknown/release/corroborate.wasm
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    --strip-debug --strip-producers \
    "$out/corroborate_bg.wasm" -o "$out/corroborate_bg.wasm"
  cp types/report.d.ts "$out/report.d.ts"
  local raw gz
  raw=$(stat -c %s "$out/corroborate_bg.wasm")
  gz=$(gzip -9c "$out/corroborate_bg.wasm" | wc -c)
  say "$out/corroborate_bg.wasm: $raw bytes, $gz gzipped"
}

if [ "${1:-}" = "--diagnostics" ]; then
  # with the English data embedded, so the benchmarks need no pack
  build_one www/pkg-diagnostics --no-default-features --features diagnostics,embedded
fi
# the shipped build last, so target/ holds it
build_one www/pkg --no-default-features
# the language data the shipped wasm leaves out (feature `embedded`): packs
# the worker fetches from the same origin when an article needs them
say "building the language packs into www/lang"
node scripts/build-packs.mjs www/lang
