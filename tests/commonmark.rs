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
    let share = passed as f64 / all.len() as f64;
    eprintln!(
        "CommonMark spec: {passed} of {} examples pass ({:.2}%)",
        all.len(),
        share * 100.0
    );
    assert!(
        share >= 0.99,
        "only {:.2}% of the CommonMark examples pass",
        share * 100.0
    );
}
