#!/usr/bin/env bash
# Installs whatever this project needs and is missing, at the pinned versions,
# and nothing else. Idempotent: takes seconds when everything is present.
# Used by `make serve`, `make test` and `make build`.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal wasm-bindgen in Cargo.lock
WASM_PACK_VERSION=0.15.1

export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"

say() { printf 'bootstrap: %s\n' "$*"; }
fail() { printf 'bootstrap: %s\n' "$*" >&2; exit 1; }

for tool in cargo rustup node npm; do
  command -v "$tool" >/dev/null || fail "$tool is missing. Install Rust with rustup (https://rustup.rs) and Node.js 20 or newer with npm, then run this again."
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding rustup component $component"
    rustup component add "$component"
  fi
done

# install_cargo_tool BINARY CRATE VERSION [cargo install flags...]
# A binary at another version is replaced, never silently used.
install_cargo_tool() {
  local binary=$1 crate=$2 version=$3
  shift 3
  local found
  found=$("$binary" --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$found" != "$version" ]; then
    say "installing $crate $version (found: ${found:-none}); this takes a few minutes once"
    cargo install "$crate" --version "$version" --force "$@"
  fi
}
install_cargo_tool trunk trunk "$TRUNK_VERSION" --locked
# Not --locked: one dependency in wasm-bindgen-cli's lock file is gone from the registry.
install_cargo_tool wasm-bindgen wasm-bindgen-cli "$WASM_BINDGEN_VERSION"
install_cargo_tool wasm-pack wasm-pack "$WASM_PACK_VERSION" --locked

# Node tooling (Playwright, axe-core, binaryen's wasm-opt) from e2e/package-lock.json.
# The stamp holds the lock file's hash, so `npm ci` runs only when it changed.
lock_hash=$(sha256sum e2e/package-lock.json | cut -d' ' -f1)
stamp=e2e/node_modules/.bootstrap-lock-hash
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  say "installing npm packages (npm ci)"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" > "$stamp"
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Chromium and ChromeDriver from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    fail "Chromium and ChromeDriver are missing. Install them (Debian/Ubuntu: sudo apt-get install chromium chromium-driver) and run this again."
  fi
fi

say "ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-pack --version), wasm-opt $(wasm-opt --version | awk '{print $3}'), $(chromium --version 2>/dev/null | head -1)"
