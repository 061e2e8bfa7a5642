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

/// The unsafe mode of Folio's writer mirrors pulldown-cmark's own HTML writer byte
/// for byte (table alignment aside, written as `align`), over every spec example,
/// with no extension and with Folio's (but footnotes and wiki links, which Folio
/// writes its own way, as the spec files show).
#[test]
fn the_unsafe_writer_mirrors_pulldown_cmark() {
    use pulldown_cmark::Options;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/commonmark-spec/spec.txt");
    let spec = std::fs::read_to_string(&path).expect("commonmark-spec is installed (npm ci)");
    let mut extended = folio::test_hooks::markdown_options();
    extended.remove(Options::ENABLE_FOOTNOTES | Options::ENABLE_WIKILINKS);
    let extras = "| a | b |\n|:-:|--:|\n| 1 | 2 |\n\n- [x] done\n\n# H {#id .c key=v}\n\nTerm\n: def\n\n$x$ $$y$$ ~~d~~\n\n> [!NOTE]\n> n\n";
    let mut differ = Vec::new();
    for (n, md) in examples(&spec)
        .iter()
        .map(|e| e.markdown.as_str())
        .chain([extras])
        .enumerate()
    {
        for options in [Options::empty(), extended] {
            let (theirs, ours) = folio::test_hooks::pulldown_html(md, options);
            if theirs != ours {
                differ.push(format!("{n}: {md:?}\n theirs {theirs:?}\n ours   {ours:?}"));
            }
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}
