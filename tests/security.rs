//! Property tests over generated hostile input: rendering never panics, sanitizing
//! is idempotent, and re-parsing the output with a real HTML parser (html5ever,
//! through `scraper`) finds only allowed elements, attributes and URL schemes.

use proptest::prelude::*;
use scraper::Html;

/// Pieces that attacks and broken files are made of; the generator strings them together.
pub const PIECES: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//x.js>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<template><script>alert(1)</script></template>",
    "<a href=\"javascript:alert(1)\">",
    "<a href=\"&#x6A;avascript:alert(1)\">",
    "<a href=\"java\tscript:x\">",
    "<a href=\" vbscript:x\">",
    "<iframe src=\"data:text/html,<script>alert(1)</script>\">",
    "<object data=x>",
    "<embed src=x>",
    "<base href=//evil/>",
    "<meta http-equiv=refresh content=\"0;url=//evil\">",
    "<form action=//evil><input name=q>",
    "<button formaction=javascript:x>",
    "<div style=\"background:url(javascript:x)\">",
    "<p style=\"x:expression(alert(1))\">",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "</p>",
    "<p>",
    "<div>",
    "</div>",
    "\"",
    "'",
    "<",
    ">",
    "&",
    "&lt;",
    "&#0;",
    "\0",
    "\n",
    "\n\n",
    "    ",
    "\t",
    "# ",
    "- ",
    "> ",
    "```",
    "~~~",
    "|a|\n|-|\n",
    "[x](javascript:alert(1))",
    "[x]: javascript:alert(1)\n",
    "[x]",
    "![i](javascript:x)",
    "<javascript:alert(1)>",
    "<https://ok.example/>",
    "{% raw %}",
    "{{< x >}}",
    "---\n",
    "+++\n",
    "title: \"",
    ";;;\n",
    "{\"title\":",
    "*",
    "_",
    "`",
    "\\",
    "中文",
    "　　",
    "\u{2060}",
    "\r\n",
    "\r",
    "<h2>",
    "</h2>",
    "<h2 id=x>",
    "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
    "<img src=\"data:image/png;base64,AAAA\">",
    "<a href=#top>",
    "<link rel=import href=x>",
    "<style>*{}</style>",
    "<xmp><img src=x onerror=1></xmp>",
    "<select><img src=x onerror=1>",
    "<table><td><img src=x onerror=1>",
    "<font cms-style=\"strong-Bold\">",
    "</font>",
    "<!-- more -->",
    "x",
];

const ALLOWED_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "acronym",
    "area",
    "article",
    "aside",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "li",
    "map",
    "mark",
    "nav",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "rtc",
    "ruby",
    "s",
    "samp",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "time",
    "tfoot",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "wbr",
    // The fragment parser wraps everything in these:
    "html",
    "body",
    "head",
];

pub fn hostile() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..48).prop_map(|v| v.concat())
}

/// Every problem a real HTML parser finds in sanitized output.
fn violations(html: &str) -> Vec<String> {
    let doc = Html::parse_fragment(html);
    let mut bad = Vec::new();
    for node in doc.tree.nodes() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        let name = el.name();
        if !ALLOWED_ELEMENTS.contains(&name) {
            bad.push(format!("element <{name}>"));
        }
        for (attr, value) in el.attrs() {
            let v: String = value
                .chars()
                .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
                .collect();
            let v = v.to_ascii_lowercase();
            if attr.starts_with("on")
                || attr == "srcdoc"
                || attr == "formaction"
                || attr == "action"
            {
                bad.push(format!("attribute {attr} on <{name}>"));
            }
            if attr == "style" {
                bad.push(format!("style {value:?}"));
            }
            if attr == "class"
                && !value.split(' ').all(|c| {
                    c.starts_with("language-")
                        || c.starts_with("markdown-alert-")
                        || c.starts_with("footnote-")
                })
            {
                bad.push(format!("class {value:?}"));
            }
            if attr == "id" && !value.starts_with(folio::sanitize::ID_PREFIX) {
                bad.push(format!("unprefixed id {value:?}"));
            }
            if ["href", "src", "cite"].contains(&attr) {
                let scheme_ok = match v.split_once(':') {
                    Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
                        matches!(scheme, "http" | "https" | "mailto")
                            || (scheme == "data"
                                && name == "img"
                                && attr == "src"
                                && !v.starts_with("data:image/svg"))
                    }
                    _ => true,
                };
                if !scheme_ok {
                    bad.push(format!("URL {attr}={value:?} on <{name}>"));
                }
            }
        }
    }
    bad
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn rendering_hostile_markdown_is_safe(input in hostile()) {
        if let Ok(article) = folio::render(input.as_bytes(), &folio::Options::default()) {
            let bad = violations(&article.html);
            prop_assert!(bad.is_empty(), "{bad:?} in {:?}", article.html);
        }
    }

    #[test]
    fn rendering_hostile_html_is_safe(input in hostile()) {
        let opts = folio::Options { file_name: Some("page.html".into()), ..Default::default() };
        if let Ok(article) = folio::render(input.as_bytes(), &opts) {
            let bad = violations(&article.html);
            prop_assert!(bad.is_empty(), "{bad:?} in {:?}", article.html);
        }
    }

    #[test]
    fn sanitizing_is_idempotent(input in hostile()) {
        let once = folio::sanitize::sanitize(&input, None);
        prop_assert_eq!(folio::sanitize::sanitize(&once, None), once);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = folio::render(&bytes, &folio::Options::default());
    }
}

#[test]
fn the_checker_catches_what_it_must() {
    assert_eq!(violations(r#"<p onclick="x">a</p>"#).len(), 1);
    assert_eq!(violations(r#"<a href="java&#x09;script:x">a</a>"#).len(), 1);
    assert_eq!(
        violations(r#"<img src="data:image/svg+xml,x"><iframe></iframe>"#).len(),
        2
    );
    assert!(
        violations(r#"<a href="https://a/b:c">x</a><img src="data:image/png;base64,AA">"#)
            .is_empty()
    );
}
