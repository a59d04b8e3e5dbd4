#!/usr/bin/env bash
# Builds the Python package (python/: PyO3 + maturin, an abi3 wheel for
# CPython 3.9 and newer) into target/wheels and installs it into .venv, so
# the tests and the Spark job use the wheel a user would install.
source "$(dirname "$0")/lib.sh"
ensure_rust
ensure_python
cd "$ROOT/python"
rm -f "$ROOT"/target/wheels/corroborate-*.whl
"$VENV/bin/maturin" build --release --quiet --interpreter "$VENV/bin/python" --out "$ROOT/target/wheels"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$ROOT"/target/wheels/corroborate-*.whl
say "installed $(basename "$ROOT"/target/wheels/corroborate-*.whl) into .venv"
