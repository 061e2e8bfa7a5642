//! The one integration-test binary: CLI, corpus, CommonMark spec and Folio's own
//! spec files. Run with `cargo test --test integration` (`make test` runs it all).
#![cfg(not(target_arch = "wasm32"))]

mod architecture;
mod cli;
mod commonmark;
mod contract;
mod corpus;
mod fidelity;
mod html_check;
mod index;
mod reader;
mod robustness;
mod security;
mod shortcuts;
mod snapshots;
mod spec;
