//! `cargo bench`: decode plus scoring of one share code, on the host.
//! bench/run.mjs reads the median from target/criterion's estimates.json.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use share_decode_bench::{english, open_share_link, sample_code};

fn open_link(c: &mut Criterion) {
    let quiz = english();
    let code = sample_code(&quiz);
    assert!(open_share_link(&quiz, &code) >= 0, "{code} must decode");
    c.bench_function("open_share_link", |b| {
        b.iter(|| open_share_link(black_box(&quiz), black_box(&code)))
    });
}

criterion_group!(benches, open_link);
criterion_main!(benches);
