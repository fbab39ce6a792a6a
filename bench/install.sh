#!/usr/bin/env bash
# The benchmark's npm packages (bench/package-lock.json: playwright-core,
# lighthouse, survey-core, survey-js-ui, smol-toml). Like scripts/bootstrap.sh
# does for e2e/, a stamp holds the lock file's hash so `npm ci` runs only when
# it changed. Used by `make bench`.
set -euo pipefail
cd "$(dirname "$0")"

lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.bench-lock-hash
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  echo "bench: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > "$stamp"
fi
