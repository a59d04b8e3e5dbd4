#!/usr/bin/env bash
# `npm run bench`: benchmarks (never part of `npm test`).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
say "criterion benchmarks (native)"
cargo bench --bench pipeline -- --noplot "$@"
