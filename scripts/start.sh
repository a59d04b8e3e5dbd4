#!/usr/bin/env bash
# `npm start`: install what is missing, build the wasm, serve www/.
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/build-wasm.sh"
exec node "$ROOT/scripts/serve.mjs" --port "${PORT:-8080}"
