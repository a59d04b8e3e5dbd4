# Shared helpers for the project's scripts: each `ensure_*` installs what is
# missing and does nothing when it is already there (idempotent).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

ensure_rust() {
  command -v cargo >/dev/null || die "cargo not found: install Rust with rustup (https://rustup.rs) first"
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
}

# The wasm-bindgen version pinned in Cargo.lock; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_bindgen() {
  local want have
  want="$(wasm_bindgen_version)"
  [ -n "$want" ] || die "cannot find wasm-bindgen in Cargo.lock"
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (had: ${have:-none}); takes a few minutes"
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

ensure_npm() {
  command -v npm >/dev/null || die "npm not found: install Node.js 18 or newer first"
  if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/node_modules/@playwright/test" ] \
     || [ "$ROOT/package.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    # a checkout whose node_modules links to another's must not reinstall
    # through the link: `npm ci` would empty the other checkout's packages
    [ -L "$ROOT/node_modules" ] && die "node_modules is a link to another checkout and is out of date: replace it with its own (npm ci)"
    say "installing npm packages"
    (cd "$ROOT" && if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi)
  fi
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return; fi
  say "installing Chromium and ChromeDriver from apt"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  if ! command -v apt-get >/dev/null; then
    die "Chromium is missing and this machine has no apt-get: install chromium and chromedriver, or set CHROMIUM_PATH and CHROMEDRIVER"
  fi
  $sudo apt-get update -qq || die "apt-get update failed: cannot install Chromium"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null \
    || die "apt-get install chromium chromium-driver failed"
}

# The Python virtual environment the scripts use (.venv, gitignored), with
# the pinned packages of python/requirements-dev.txt (maturin, pytest, mypy,
# pandas, pyarrow, PySpark). Reinstalls only when that file changes.
VENV="$ROOT/.venv"
ensure_python() {
  local req="$ROOT/python/requirements-dev.txt" stamp="$ROOT/.venv/.requirements-dev.txt"
  if ! command -v python3 >/dev/null; then
    apt_install python3 python3-venv
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating the Python virtual environment in .venv"
    python3 -m venv "$VENV" 2>/dev/null || { apt_install python3-venv && rm -rf "$VENV" && python3 -m venv "$VENV"; }
  fi
  if ! cmp -s "$req" "$stamp"; then
    say "installing the Python packages of python/requirements-dev.txt (PySpark is about 400 MB)"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req"
    cp "$req" "$stamp"
  fi
}

# Java for PySpark (Spark 4 needs Java 17 or newer), from apt where missing.
ensure_java() {
  command -v java >/dev/null && return
  apt_install default-jre-headless
}

apt_install() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  command -v apt-get >/dev/null || die "$* missing and this machine has no apt-get: install them first"
  say "installing $* from apt"
  $sudo apt-get update -qq || die "apt-get update failed: cannot install $*"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null || die "apt-get install $* failed"
}
