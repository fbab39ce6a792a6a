#!/usr/bin/env bash
# Runs every fuzz target in fuzz/ for $1 seconds each (default 120). cargo-fuzz
# needs nightly for its sanitizers; libFuzzer's coverage instrumentation works
# on stable with these flags, so the targets run here without a sanitizer
# (a panic or an assertion is still a crash that libFuzzer reports and saves).
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:-120}
export RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks"
# An explicit --target keeps the flags off build scripts and proc macros.
host=$(rustc -vV | sed -n 's/^host: //p')
cargo build --release --bins --target "$host" --target-dir target/fuzz
for target in decode_share_code read_pasted read_stored; do
  mkdir -p "corpus/$target" "artifacts/$target"
  echo "fuzz: $target for ${seconds}s"
  "target/fuzz/$host/release/$target" "corpus/$target" -max_total_time="$seconds" \
    -artifact_prefix="artifacts/$target/" -max_len=8192 -print_final_stats=1 2>&1 | tail -12
done
