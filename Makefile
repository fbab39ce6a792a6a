# Two commands matter: `make serve` and `make test`. Both install what is missing first.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
# wasm-opt from npm's binaryen must come first: Debian's is too old for today's wasm.
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/e2e/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: serve test build bootstrap lint test-host check-fuzz test-browser dist check-size crash-dist test-e2e test-e2e-nginx serve-nginx screenshots bench prerender fuzz

## serve: install what is missing, then serve the app on http://127.0.0.1:8080/
serve: bootstrap
	@echo "Serving the quiz at http://127.0.0.1:8080/"
	trunk serve

## test: install what is missing, then run every check and all three test layers
test: bootstrap
	$(MAKE) --no-print-directory lint test-host check-fuzz test-browser dist check-size crash-dist test-e2e test-e2e-nginx

## build: a release build into dist/
build: bootstrap
	$(MAKE) --no-print-directory dist

bootstrap:
	@bash scripts/bootstrap.sh

# The targets below assume the bootstrap has run.
lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p alliance-quiz --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p quiz-core -- -D warnings

test-host:
	cargo test --workspace

# The fuzz targets and the share-link benchmark (their own workspaces) must
# keep building against the core; `make fuzz` and `make bench` run them.
check-fuzz:
	cargo check --manifest-path fuzz/Cargo.toml --bins
	cargo check --manifest-path bench/share-decode/Cargo.toml --lib

## fuzz: each fuzz target for FUZZ_SECONDS (default 120), with libFuzzer and coverage on stable Rust (no sanitizer)
FUZZ_SECONDS ?= 120
fuzz:
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

test-browser:
	wasm-pack test --headless --chrome

dist:
	trunk build --release

# What a first visit downloads, brotli 11, against the size budget (scripts/check-size.mjs).
check-size:
	node scripts/check-size.mjs dist

# dist/ with an app that panics on request (`--features crash-test`), for
# e2e/specs/crash-page.test.mjs: target/crash-dist/, never dist/.
crash-dist:
	node scripts/crash-build.mjs

# Two spec files at a time (each in its own Chromium and server): on two
# cores it took 5 min 40 s instead of 6 min 26 s (under load); every wait is
# on a condition, so a slower machine waits longer rather than failing.
test-e2e:
	node --test --test-concurrency=2 e2e/specs/*.test.mjs

# The specs that must also hold behind a real web server with the real
# headers (deploy/nginx.conf, the build's content security policy).
# Longest first, so that the two workers finish together.
NGINX_SPECS := embed hostile-addresses share-links whole-visit hostile-messages crash-page hostile-embed-options
test-e2e-nginx:
	E2E_SERVER=nginx node --test --test-concurrency=2 $(NGINX_SPECS:%=e2e/specs/%.test.mjs)

## serve-nginx: serve dist/ with nginx and deploy/nginx.conf on http://127.0.0.1:8081/ (after `make build`)
serve-nginx:
	bash scripts/nginx.sh dist 8081

## prerender: build, write the landing page as the app renders it into index.html (scripts/prerender.mjs), build again with it
prerender: bootstrap
	$(MAKE) --no-print-directory dist
	node scripts/prerender.mjs
	$(MAKE) --no-print-directory dist

## screenshots: landing, question, results (en, nl, dark), the printed report and the widget's first frame, into screenshots/
screenshots: build
	node e2e/screenshots.mjs

## bench: issue 7's benchmark (release build, criterion, Chromium, Lighthouse, two baselines) into bench/results/latest.json; not part of `make test`; BENCH_RUNS=3 for a quick run
# The measured build is dist/'s with the `bench` feature (it exports
# `bench_open_share_link` for the in-page share-link figure), in its own folder.
# trunk takes the features from index.html's data-cargo-features and ignores
# `--features`, so the build reads a copy of index.html that adds `bench`
# (next to it, for the relative asset paths; trunk still writes index.html).
bench: bootstrap
	@bash bench/install.sh
	sed 's/data-cargo-features="split"/data-cargo-features="split,bench"/' index.html > index.bench.html
	grep -q 'data-cargo-features="split,bench"' index.bench.html
	trunk build index.bench.html --release --dist target/bench-dist; status=$$?; rm -f index.bench.html; exit $$status
	@bash bench/criterion.sh
	node bench/run.mjs --dist target/bench-dist
	node bench/languages.mjs --dist target/bench-dist
