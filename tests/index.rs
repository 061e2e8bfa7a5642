//! An index render (`include_html: false`) must tell a library everything a full
//! render tells it but the HTML: the same text, outline, links, counts, language,
//! title and excerpt, over the whole corpus and generated Markdown; and the
//! writer's text mode must give up exactly where its safe mode does.

use crate::corpus::{corpus_files, options_for};
use proptest::prelude::*;

/// Both renders of one file, with the text asked for.
fn both(bytes: &[u8], name: &str) -> Option<(folio::Article, folio::Article)> {
    let full = folio::Options {
        file_name: Some(name.into()),
        include_text: true,
        ..Default::default()
    };
    let index = folio::Options {
        include_html: false,
        ..full.clone()
    };
    let a = folio::render(bytes, &full).ok()?;
    let b = folio::render(bytes, &index).expect("an index render fails where a full one does not");
    Some((a, b))
}

/// Where two renders differ, but for the HTML.
fn differences(full: &folio::Article, index: &folio::Article) -> Vec<String> {
    let mut out = Vec::new();
    if !index.html.is_empty() {
        out.push("the index render wrote HTML".into());
    }
    let same_but_html = folio::Article {
        html: String::new(),
        ..full.clone()
    };
    let a = serde_json::to_value(&same_but_html).expect("serializes");
    let b = serde_json::to_value(index).expect("serializes");
    if let (Some(a), Some(b)) = (a.as_object(), b.as_object()) {
        for (key, value) in a {
            if b.get(key) != Some(value) {
                out.push(format!("{key}: full {value} / index {:?}", b.get(key)));
            }
        }
    }
    out
}

#[test]
fn an_index_render_agrees_with_a_full_one_over_the_corpus() {
    let mut checked = 0;
    let mut errors = Vec::new();
    for path in corpus_files() {
        let bytes = std::fs::read(&path).expect("readable");
        let name = options_for(&path).file_name.unwrap_or_default();
        let Some((full, index)) = both(&bytes, &name) else {
            continue;
        };
        checked += 1;
        assert!(full.text.is_some(), "{}: no text", path.display());
        let diff = differences(&full, &index);
        if !diff.is_empty() {
            errors.push(format!("{}:\n  {}", path.display(), diff.join("\n  ")));
        }
    }
    assert!(checked > 200, "only {checked} files");
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// A stray `</p>` inside a heading makes the HTML parser put an empty `<p></p>` there,
/// which tidying drops: the index's outline reads the heading as the full render does
/// (the fuzz target found this one).
#[test]
fn a_heading_with_a_stray_end_tag_has_the_same_outline_entry() {
    let (full, index) = both(b"Intro.\n\n## ab</p>cd\n\nText.\n", "post.md").expect("renders");
    assert_eq!(full.toc[0].text, "abcd");
    assert_eq!(differences(&full, &index), Vec::<String>::new());
}

#[test]
fn text_is_returned_only_when_asked() {
    let md = b"Some *text* and [a link](b.md).";
    let plain = folio::render(md, &folio::Options::default()).expect("renders");
    assert_eq!(plain.text, None);
    assert!(plain.html.contains("<em>text</em>"));
    let (full, index) = both(md, "a.md").expect("renders");
    assert_eq!(full.text.as_deref(), Some("Some text and a link."));
    assert_eq!(index.text, full.text);
    assert_eq!(index.html, "");
}

/// Markdown that every mode of the writer has to agree on.
const PIECES: &[&str] = &[
    "# ",
    "## ",
    "\n",
    "\n\n",
    "- ",
    "1. ",
    "> ",
    "> [!NOTE]\n> ",
    "> [!tip]- T\n> ",
    "```\n",
    "    code ",
    "*",
    "**",
    "`",
    "~~",
    "==",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "[[",
    "]]",
    "![[",
    "|",
    "[^1]",
    "\n[^1]: note\n",
    "$",
    "$$",
    "\\",
    "&amp;",
    "\u{a0}",
    "\r",
    "\0",
    "中文",
    "word ",
    "https://a.cn/x ",
    "www.b.org ",
    "#frag",
    "a.md",
    "<!-- more -->",
    "<b>",
    "\nTerm\n: def\n",
    "{#id}",
    "{key=v}",
    "\n---\n",
    "- [ ] ",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn the_writers_text_mode_is_its_safe_mode_without_html(
        md in prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
    ) {
        match folio::test_hooks::writer_modes(&md) {
            Ok((html, safe_text, text, same)) => {
                prop_assert_eq!(&safe_text, &text, "{:?}", md);
                prop_assert!(same, "headings, links or marks differ for {:?}", md);
                prop_assert_eq!(folio::test_hooks::html_text(&html), safe_text, "{:?}", md);
            }
            Err(both_gave_up) => prop_assert!(both_gave_up, "only one mode gave up on {:?}", md),
        }
        let bytes = md.as_bytes();
        if let Some((full, index)) = both(bytes, "gen.md") {
            let diff = differences(&full, &index);
            prop_assert!(diff.is_empty(), "{:?}: {:?}", md, diff);
        }
    }
}

/// A heading inside a block reader mode hides ("相关阅读" and its list) is in
/// neither render's table of contents.
#[test]
fn a_hidden_heading_is_left_out_of_both_tables_of_contents() {
    let page = "<h2>正文</h2><p>今天的新闻正文在这里，内容比较长。</p>\n<h3>相关阅读</h3><ul><li><a href=\"a.html\">一</a></li><li><a href=\"b.html\">二</a></li></ul>\n";
    let (full, index) = both(page.as_bytes(), "news.html").expect("renders");
    assert!(
        full.hidden.iter().any(|h| h.kind == "related"),
        "{:?}",
        full.hidden
    );
    assert_eq!(full.toc.len(), 1, "{:?}", full.toc);
    assert_eq!(differences(&full, &index), Vec::<String>::new());
}
