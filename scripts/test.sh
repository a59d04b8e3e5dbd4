#!/usr/bin/env bash
# `npm test`: installs what the tests need, then runs every check and stops
# at the first failure. Ends with one line `N passed, N failed` for the run.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
PASSED=0
FAILED=0
LOG="$(mktemp -d)"
trap 'rm -rf "$LOG"' EXIT

finish() {
  echo
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ] && [ "${1:-0}" -eq 0 ]
  exit $?
}

# Runs a check that is not a test suite (fmt, clippy, build): one pass or fail.
check() {
  local name="$1"; shift
  say "$name"
  if "$@"; then
    PASSED=$((PASSED + 1))
  else
    echo "FAILED: $name" >&2
    FAILED=$((FAILED + 1))
    finish 1
  fi
}

# Runs cargo test and adds up its `test result:` lines.
cargo_suite() {
  local name="$1"; shift
  say "$name"
  local out="$LOG/cargo.out" status=0
  "$@" 2>&1 | tee "$out" || status=${PIPESTATUS[0]}
  local p f
  p=$(grep -Eo 'test result: [A-Za-z]+\. [0-9]+ passed; [0-9]+ failed' "$out" | awk '{s+=$4} END {print s+0}')
  f=$(grep -Eo 'test result: [A-Za-z]+\. [0-9]+ passed; [0-9]+ failed' "$out" | awk '{s+=$6} END {print s+0}')
  PASSED=$((PASSED + p))
  FAILED=$((FAILED + f))
  if [ "$status" -ne 0 ]; then
    [ "$f" -gt 0 ] || FAILED=$((FAILED + 1))
    echo "FAILED: $name" >&2
    finish 1
  fi
}

# Runs pytest and adds up its closing line (`N passed, N failed, N errors`;
# skips are neither, and pytest prints their reasons with -rs).
pytest_suite() {
  local name="$1"; shift
  say "$name"
  local out="$LOG/pytest.out" status=0
  "$@" 2>&1 | tee "$out" || status=${PIPESTATUS[0]}
  local p f e
  # awk, not grep: a count missing from the line (no errors) is not a failure under pipefail
  read -r p f e < <(awk '/[0-9]+ (passed|failed|errors?)/ { line = $0 }
    END { n = split(line, w, /[ ,]+/); p = f = e = 0
      for (i = 2; i <= n; i++) { if (w[i] == "passed") p = w[i-1]; if (w[i] == "failed") f = w[i-1]; if (w[i] ~ /^errors?$/) e = w[i-1] }
      print p + 0, f + 0, e + 0 }' "$out")
  PASSED=$((PASSED + p))
  FAILED=$((FAILED + f + e))
  if [ "$status" -ne 0 ]; then
    [ $((f + e)) -gt 0 ] || FAILED=$((FAILED + 1))
    echo "FAILED: $name" >&2
    finish 1
  fi
}

say "setting up (idempotent)"
ensure_rust
ensure_wasm_bindgen
ensure_npm
ensure_chromium
ensure_python
ensure_java
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

check "cargo fmt --check" cargo fmt --all -- --check
check "clippy (native)" cargo clippy --all-targets --quiet -- -D warnings
check "clippy (wasm32, shipped)" cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --quiet -- -D warnings
check "clippy (wasm32, all features, wasm tests)" cargo clippy --target wasm32-unknown-unknown --lib --test wasm --all-features --quiet -- -D warnings
check "clippy (native, shipped features)" cargo clippy --lib --no-default-features --quiet -- -D warnings
check "rustdoc" env RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet
# property tests draw their cases from a fixed seed here, so a run is
# reproducible (plain `cargo test` draws new cases each time: that is where
# new failures are found, then pinned in tests/*.proptest-regressions)
export PROPTEST_RNG_SEED="${PROPTEST_RNG_SEED:-20261130}"
cargo_suite "cargo test (unit, integration, doc)" cargo test
# the Python package (python/: its own crate, so pyo3 stays out of the core's
# checks above), then pytest against the CLI that `cargo test` just built
check "cargo fmt --check (python/)" cargo fmt --manifest-path python/Cargo.toml -- --check
check "clippy (python/)" env PYO3_PYTHON="$VENV/bin/python" cargo clippy --manifest-path python/Cargo.toml --quiet -- -D warnings
check "build and install the Python wheel" bash scripts/build-python.sh
check "mypy --strict (python/)" bash -c "cd python && '$VENV/bin/mypy'"
pytest_suite "pytest: the package, corpus mode, the Spark job in local[2]" \
  env CORROBORATE_CLI="$ROOT/target/debug/corroborate" bash -c "cd python && '$VENV/bin/pytest' -q -rs"
cargo_suite "wasm-bindgen tests in headless Chromium" \
  env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --test wasm
check "build the shipped wasm (and the diagnostics build the crash test uses)" bash scripts/build-wasm.sh --diagnostics

say "Playwright end-to-end tests in Chromium"
mkdir -p test-results
status=0
npx playwright test || status=$?
read -r p f < <(node -e '
  const fs = require("fs");
  try {
    const s = JSON.parse(fs.readFileSync("test-results/e2e.json", "utf8")).stats;
    console.log((s.expected || 0) + (s.flaky || 0), s.unexpected || 0);
  } catch (e) { console.log(0, 0); }
')
PASSED=$((PASSED + p))
FAILED=$((FAILED + f))
if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then FAILED=$((FAILED + 1)); fi
finish "$status"
