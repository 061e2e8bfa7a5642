# Folio's commands. The README's two: `make serve` and `make test`.
# Every target installs what it needs first (scripts/ensure-tools.sh skips what is present).
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
PORT ?= 8080
export CARGO_TERM_COLOR ?= never

.PHONY: serve build viewer test lint-fast lint-native lint-wasm32 test-wasm-and-lint test-rust test-wasm test-oracle test-unit test-e2e test-fuzz fuzz lint bless clean dist bench bench-library screenshots

## Build the viewer, then serve www/ on http://127.0.0.1:$(PORT) with the sample article as the demo.
serve: viewer
	node scripts/serve.mjs --root www --port $(PORT)

## The viewer, and the CLI at target/release/folio.
build: viewer
	cargo build --release --bin folio

## The WASM package under www/pkg, third-party code under www/vendor, the single-file viewer
## (dist/, and www/folio.html that "Save library as one HTML file" writes into) and the
## service worker's list. The tests need no release CLI (tests/cli.rs runs cargo's own build).
viewer:
	scripts/ensure-tools.sh build
	scripts/build-wasm.sh
	node scripts/vendor.mjs
	scripts/build-search-index.sh
	node scripts/dist.mjs --out dist
	cp dist/folio.html www/folio.html
	node scripts/shell-files.mjs

## Everything CI runs: formatting and lints, the Rust tests, the viewer's build, the WASM
## API tests, the oracle, unit and browser tests. Fuzzing is `make test-fuzz` (a minute) and
## `make fuzz` (an hour): building the fuzz target from scratch took 4 of a clean clone's
## 26 minutes, against a 30-minute CI. Every step keeps both cores busy: the browser tests
## left none idle for a Rust build run beside them at the lowest priority (it starved).
test: lint-fast lint-native test-rust viewer test-wasm-and-lint test-oracle test-unit test-e2e

## Formatting and lints.
lint: lint-fast lint-native lint-wasm32

## The WASM API tests and the wasm32 lints at once: the test's build is one fat-LTO link,
## a minute on one core (61 s, 65 s of CPU), which the lints' own build fills. The lints'
## lines are prefixed with [wasm32 clippy]; either failing fails this step.
test-wasm-and-lint:
	( $(MAKE) --no-print-directory lint-wasm32 2>&1 | sed -u 's/^/[wasm32 clippy] /' ) & lint=$$!; \
	tests=0; $(MAKE) --no-print-directory test-wasm || tests=$$?; \
	wait $$lint || { echo "make: the wasm32 lints failed (their lines start with [wasm32 clippy])"; exit 1; }; \
	exit $$tests

## The quick ones: the shell's JS (types from JSDoc, ESLint) and the Rust formatting.
lint-fast:
	scripts/ensure-tools.sh test
	node scripts/vendor.mjs
	node_modules/.bin/tsc -p .
	node_modules/.bin/eslint .
	cargo fmt --all -- --check
	cargo fmt --manifest-path crates/search-index/Cargo.toml -- --check

## Clippy on the native code (the core, the CLI, tests and benchmarks).
lint-native:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --manifest-path crates/search-index/Cargo.toml --all-targets -- -D warnings

## Clippy on wasm32: the light tier's build (its own cfg paths and the binding); the full
## build's wasm32 code is the native code clippy read above plus the same binding. In a
## target dir of its own, so that it can run while another build holds target/.
lint-wasm32:
	CARGO_TARGET_DIR=target/clippy-wasm32 cargo clippy --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
	cargo clippy --manifest-path crates/search-index/Cargo.toml --lib --target wasm32-unknown-unknown -- -D warnings

## Unit, integration and CLI tests. Not the benchmarks: clippy --all-targets checks that
## they build, and `make bench` runs them.
test-rust:
	cargo test
	cargo test --doc
	cargo test --manifest-path crates/search-index/Cargo.toml

## The WASM API in headless Chromium (tests/wasm.rs; webdriver.json holds the browser flags).
## Built as the viewer's full module is (release, after `viewer`), it reuses that build's
## dependencies: about 2 min on a clean clone, where its own debug build took 4.7.
test-wasm:
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 wasm-pack test --release --headless --chrome . --test wasm

## Agreement with hexo-front-matter and gray-matter over the corpus (needs the WASM build).
test-oracle:
	node --test tests/oracle/

## The library's pure modules in Node (paths, zip bounds, tokenizer, search, link resolution).
test-unit:
	node scripts/vendor.mjs
	scripts/build-search-index.sh
	node --test tests/unit/

## Two test files at a time (each its own browser and server on a free port): 12.6 min on
## a clean clone's machine, where one at a time took 14.3. Three took 11.5, but in one CI run
## of three the demo test saw its folder's newest note read after the 1 s the viewer waits
## for it (viewer/files.js NEWEST_WAIT_MS): the machine is too loaded for timing-bound tests.
test-e2e:
	node --test --test-concurrency=2 tests/e2e/

## The pictures the README shows (docs/*.png); not part of `make test`, which changes no tracked file.
screenshots: viewer
	node scripts/screenshots.mjs

## dist/folio.html (one self-contained file that works from file://) and the npm package in dist/npm.
dist:
	scripts/ensure-tools.sh build
	scripts/build-wasm.sh
	node scripts/vendor.mjs
	node scripts/dist.mjs --out dist

## A one-minute fuzzing run of the whole render path (cargo-fuzz on stable via RUSTC_BOOTSTRAP).
FUZZ_SECONDS ?= 60
test-fuzz:
	scripts/ensure-tools.sh fuzz
	mkdir -p fuzz/corpus/render
	RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir fuzz render fuzz/corpus/render ../shared/samples -- \
	  -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -print_final_stats=1 2>&1 | tail -n 12

## The longer run: `make fuzz FUZZ_SECONDS=3600` (crashes land in fuzz/artifacts/render/).
fuzz: FUZZ_SECONDS = 3600
fuzz: test-fuzz

## Accept changed corpus snapshots after reviewing them (`git diff tests/snapshots`).
bless:
	INSTA_UPDATE=always cargo test --test integration snapshot

## Browser benchmark (Folio vs marked/markdown-it/markdown-wasm → DOMPurify), the native
## per-stage one (bench/native/, criterion) and the index render by kind of body, the CLI's (index, render -o over 100 000 files
## vs a Node script) and the library's; prints figures, writes bench/browser/results/latest.json,
## bench/cli/latest.json and bench/library/latest.json, never fails on a goal.
bench: build bench-library
	node bench/browser/run.mjs
	cargo bench --bench stages -- --noplot --quick
	cargo bench --bench index
	node bench/cli/run.mjs

## The library at archive scale (10 000 and 500 files) in headless Chromium, and the search engines compared.
bench-library: viewer
	node bench/library/run.mjs

clean:
	cargo clean
	rm -rf www/pkg www/samples node_modules
