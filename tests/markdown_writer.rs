//! The safe Markdown writer (the fast path of `sanitize::markdown`) against the
//! parser path it stands in for, `sanitize(markdown::to_html(..))`: wherever the
//! writer answers, the bytes must be the same. Over the CommonMark spec, the corpus
//! and generated Markdown, with and without a base URL.

use crate::corpus::corpus_files;
use crate::spec::examples;
use folio::sanitize::{markdown, sanitize, Html};
use proptest::prelude::*;
use std::path::Path;
use url::Url;

fn base() -> Url {
    Url::parse("https://blog.example.cn/2024/06/post/").expect("a valid base")
}

/// Checks one input both ways; true when the writer answered (the fast path).
fn same_both_ways(md: &str, base: Option<&Url>) -> Result<bool, String> {
    let parser_path = || sanitize(&folio::markdown::to_html(md), base);
    match markdown(md, base) {
        Html::Clean(fast) => {
            let slow = parser_path();
            if fast != slow {
                return Err(format!(
                    "{md:?} (base {base:?})\n writer: {fast:?}\n parser: {slow:?}"
                ));
            }
            Ok(true)
        }
        Html::Raw(raw) if raw == folio::markdown::to_html(md) => Ok(false),
        Html::Raw(raw) => Err(format!("{md:?}: the raw HTML differs: {raw:?}")),
    }
}

#[test]
fn the_writer_matches_the_parser_path_on_the_commonmark_spec() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/commonmark-spec/spec.txt");
    let spec = std::fs::read_to_string(&path).expect("commonmark-spec is installed (npm ci)");
    let all = examples(&spec);
    let b = base();
    let mut fast = 0;
    let mut errors = Vec::new();
    for e in &all {
        for base in [None, Some(&b)] {
            match same_both_ways(&e.markdown, base) {
                Ok(taken) => fast += usize::from(taken && base.is_none()),
                Err(msg) => errors.push(format!("example {}: {msg}", e.number)),
            }
        }
    }
    eprintln!(
        "safe Markdown writer: {fast} of {} spec examples",
        all.len()
    );
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // Most examples hold no raw HTML: the writer must answer for them, or it is not
    // the fast path it claims to be.
    assert!(
        fast * 10 >= all.len() * 7,
        "the writer answered only {fast} times"
    );
}

#[test]
fn the_writer_matches_the_parser_path_on_the_corpus() {
    let b = base();
    let (mut markdown_files, mut fast) = (0, 0);
    let mut errors = Vec::new();
    for path in corpus_files() {
        let Some(text) = std::fs::read(&path)
            .ok()
            .and_then(|bytes| folio::decode::decode(&bytes).ok())
            .map(|d| d.text)
        else {
            continue;
        };
        let split = folio::front_matter::split(&text);
        let name = path.file_name().and_then(|n| n.to_str());
        if folio::body::detect_format(split.body, name) != folio::Format::Markdown {
            continue;
        }
        markdown_files += 1;
        let md = folio::plugins::expand(split.body);
        for base in [None, Some(&b)] {
            match same_both_ways(&md, base) {
                Ok(taken) => fast += usize::from(taken && base.is_none()),
                Err(msg) => errors.push(format!("{}: {msg}", path.display())),
            }
        }
    }
    eprintln!("safe Markdown writer: {fast} of {markdown_files} Markdown corpus files");
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(markdown_files > 0 && fast > 0, "the writer never answered");
}

/// Markdown syntax and the values the URL and text policies care about.
const PIECES: &[&str] = &[
    "# ",
    "## ",
    "###### ",
    "\n",
    "\n\n",
    "- ",
    "* ",
    "1. ",
    "3) ",
    "> ",
    "> [!NOTE]\n> ",
    "> [!WARNING]\n",
    "```rust\n",
    "```c++ x\n",
    "```\n",
    "~~~\n",
    "    code ",
    "*",
    "**",
    "_",
    "__",
    "`",
    "``",
    "~~",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "<https://a.cn/x?a=1&b=2>",
    "<mailto:a@b.cn>",
    "<a@b.cn>",
    "[^1]",
    "[^n]",
    "\n[^1]: note\n",
    "\n[^n]: ",
    "\n| a | b |\n|:--|:-:|\n| 1 | 2 |\n",
    "| c |",
    "- [ ] ",
    "- [x] ",
    "\n---\n",
    "***",
    "\\",
    "&amp;",
    "&#0;",
    "&#13;",
    "&nbsp;",
    "&lt;b&gt;",
    "\u{a0}",
    "中文",
    "第二行",
    "\"",
    "'",
    "<",
    ">",
    "&",
    "javascript:alert(1)",
    "JaVaScRiPt:x",
    "//img.cn/a.png",
    "data:image/png;base64,AA",
    "data:text/html,x",
    "#frag",
    "#user-content-x",
    "mailto:x@y.cn",
    "tel:123",
    " \"title\"",
    " 'the \"t\"'",
    "{#id .cls}",
    "{#id key=v}",
    "{.a .b}",
    "<!-- more -->",
    "<!-- a -- b -->",
    "<!-->",
    "<b>",
    "</p>",
    "text",
    "word ",
    " ",
    "  ",
    "\t",
    "http://例子.测试/",
    "https://x.cn/a b",
    "%20",
    "../up.png",
    "/root",
    "?q=1",
    "[x]: /url \"t\"\n",
    "[x]",
    "[x][]",
    "\r\n",
    "\u{0}",
    "\u{200b}",
    "😀",
];

fn markdownish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn the_writer_matches_the_parser_path_on_generated_markdown(md in markdownish()) {
        let b = base();
        for base in [None, Some(&b)] {
            if let Err(msg) = same_both_ways(&md, base) {
                prop_assert!(false, "{}", msg);
            }
        }
    }
}
