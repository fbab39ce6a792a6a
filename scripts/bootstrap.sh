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

# install_cargo_tool BINARY CRATE VERSION MINUTES [cargo install flags...]
# A binary at another version is replaced, never silently used. MINUTES is
# how long the compile took on a fresh 2-core machine, said before it starts.
install_cargo_tool() {
  local binary=$1 crate=$2 version=$3 minutes=$4
  shift 4
  local found
  found=$("$binary" --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$found" != "$version" ]; then
    say "installing $crate $version (found: ${found:-none}): compiling it takes about $minutes minutes on 2 cores, once"
    local start=$SECONDS
    cargo install "$crate" --version "$version" --force "$@"
    say "installed $crate $version in $(( (SECONDS - start) / 60 )) min $(( (SECONDS - start) % 60 )) s"
  fi
}
missing=()
for tool in "trunk $TRUNK_VERSION" "wasm-bindgen $WASM_BINDGEN_VERSION" "wasm-pack $WASM_PACK_VERSION"; do
  set -- $tool
  [ "$("$1" --version 2>/dev/null | awk '{print $2}' || true)" = "$2" ] || missing+=("$1")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "first run: installing ${missing[*]} (about 20 minutes in all on a fresh 2-core machine; later runs take seconds)"
fi
install_cargo_tool trunk trunk "$TRUNK_VERSION" 13 --locked
# Not --locked: one dependency in wasm-bindgen-cli's lock file is gone from the registry.
install_cargo_tool wasm-bindgen wasm-bindgen-cli "$WASM_BINDGEN_VERSION" 4
install_cargo_tool wasm-pack wasm-pack "$WASM_PACK_VERSION" 3 --locked

# Node tooling (Playwright, axe-core, binaryen's wasm-opt) from e2e/package-lock.json.
# The stamp holds the lock file's hash, so `npm ci` runs only when it changed.
lock_hash=$(sha256sum e2e/package-lock.json | cut -d' ' -f1)
stamp=e2e/node_modules/.bootstrap-lock-hash
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  say "installing npm packages (npm ci: Playwright's driver, axe-core, binaryen's wasm-opt, terser; under a minute)"
  (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" > "$stamp"
fi

# poppler-utils: pdftotext, pdfinfo and pdftoppm read the printed report in
# the end-to-end tests (e2e/support/pdf.mjs).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftotext >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Chromium, ChromeDriver and poppler-utils from Debian (a minute or two)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver poppler-utils >/dev/null
  else
    fail "Chromium, ChromeDriver or poppler-utils is missing. Install them (Debian/Ubuntu: sudo apt-get install chromium chromium-driver poppler-utils) and run this again."
  fi
fi

# nginx and its brotli_static module: `make test-e2e-nginx` serves the build
# with deploy/nginx.conf (scripts/nginx.sh). Without the module nginx.sh
# serves the .gz files only.
if ! [ -x /usr/sbin/nginx ] || ! [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing nginx and its brotli_static module from Debian (under a minute)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx libnginx-mod-http-brotli-static >/dev/null
  else
    fail "nginx is missing. Install it (Debian/Ubuntu: sudo apt-get install nginx libnginx-mod-http-brotli-static) and run this again."
  fi
fi

say "ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-pack --version), wasm-opt $(wasm-opt --version | awk '{print $3}'), $(chromium --version 2>/dev/null | head -1)"
