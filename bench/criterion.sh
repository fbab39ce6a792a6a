#!/usr/bin/env bash
# The host micro-benchmark of opening a share link (decode plus scoring, with
# the real content): bench/share-decode, a crate with its own workspace. It
# builds into the root target/ and writes criterion's estimates where
# bench/run.mjs reads them (target/bench-share-decode/criterion). Used by
# `make bench`; short warm-up and measurement keep the whole run in budget.
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TARGET_DIR="$PWD/target/bench-share-decode"
export CRITERION_HOME="$CARGO_TARGET_DIR/criterion"
export SHARE_DECODE_CONTENT="$CARGO_TARGET_DIR/content-en.bin"
# The content in the app's compact form, unoptimised: see bench/share-decode/Cargo.toml.
cargo run --quiet --manifest-path bench/share-decode/Cargo.toml --features encode-content \
  --bin encode-content -- "$SHARE_DECODE_CONTENT"
cargo bench --manifest-path bench/share-decode/Cargo.toml --bench share_decode -- \
  --warm-up-time 1 --measurement-time 3
