#!/usr/bin/env bash
# Builds the library's search index (crates/search-index, its own workspace) into
# www/library/search-index.wasm, the module the search worker loads (search-wasm.js).
# Raw exports, no wasm-bindgen: a plain cargo build for wasm32 is the whole build. Its table
# of character classes (src/classes.rs) is committed, made by scripts/gen-search-classes.mjs
# from tokenize.js's expressions; tests/unit/search-rust-tokenize.test.mjs fails if they part.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --release --target wasm32-unknown-unknown --manifest-path crates/search-index/Cargo.toml
cp crates/search-index/target/wasm32-unknown-unknown/release/folio_search_index.wasm www/library/search-index.wasm
echo "search index: www/library/search-index.wasm ($(wc -c < www/library/search-index.wasm) bytes)"
