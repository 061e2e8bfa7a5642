//! The CommonMark 0.31 spec examples, from the npm package `commonmark-spec`
//! (installed by `make test`), through the Markdown stage with sanitizing off.

use crate::spec::{examples, normalize, Example};
use std::path::Path;

#[test]
fn commonmark_spec_examples_pass() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/commonmark-spec/spec.txt");
    let spec = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{} is missing: run `npm ci` (make test does it)",
            path.display()
        )
    });
    let all = examples(&spec);
    assert!(
        all.len() >= 600,
        "only {} examples parsed from the spec",
        all.len()
    );
    let failed: Vec<&Example> = all
        .iter()
        .filter(|e| {
            normalize(&folio::test_hooks::unsafe_commonmark_html(&e.markdown)) != normalize(&e.html)
        })
        .collect();
    let passed = all.len() - failed.len();
    for e in &failed {
        eprintln!("spec example {} ({}) differs", e.number, e.section);
    }
    eprintln!("CommonMark spec: {passed} of {} examples pass", all.len());
    // ARCHITECTURE.md claims every example: a new failure is a regression to look at.
    assert!(
        failed.is_empty(),
        "{} of {} CommonMark examples differ",
        failed.len(),
        all.len()
    );
}
