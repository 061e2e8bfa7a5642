//! The one integration-test binary: corpus, spec and CLI tests.
//! Run with `cargo test --test integration`.
