#!/usr/bin/env bash
# Builds the shipped WebAssembly into www/pkg/, installing what is missing.
# The wasm is built as a cdylib only (`cargo rustc --crate-type cdylib`):
# a cdylib+rlib crate-type makes it ~40% larger.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_rust
ensure_wasm_bindgen
ensure_npm

say "building the release wasm"
cargo rustc --lib --release --target wasm32-unknown-unknown --crate-type cdylib --quiet
rm -rf www/pkg
wasm-bindgen --target web --out-dir www/pkg --out-name corroborate \
  target/wasm32-unknown-unknown/release/corroborate.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  --strip-debug --strip-producers \
  www/pkg/corroborate_bg.wasm -o www/pkg/corroborate_bg.wasm
cp types/report.d.ts www/pkg/report.d.ts
raw=$(stat -c %s www/pkg/corroborate_bg.wasm)
gz=$(gzip -9c www/pkg/corroborate_bg.wasm | wc -c)
say "www/pkg/corroborate_bg.wasm: $raw bytes, $gz gzipped"
