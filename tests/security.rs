//! Property tests over generated hostile input: rendering never panics, sanitizing
//! is idempotent, and re-parsing the output with a real HTML parser (html5ever,
//! through `scraper`) finds only allowed elements, attributes and URL schemes.

use crate::html_check::violations;
use proptest::prelude::*;

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

pub fn hostile() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..48).prop_map(|v| v.concat())
}

/// Renders generated input as a file called `name`; it must render (an error would
/// let the safety check pass without looking at anything). NUL bytes, which make
/// a file binary, are dropped, and an empty file gets one character.
fn render_hostile(input: &str, name: &str) -> Result<folio::Article, TestCaseError> {
    let mut text = input.replace('\0', "");
    if text.is_empty() {
        text.push('x');
    }
    let options = folio::Options {
        file_name: Some(name.into()),
        ..Default::default()
    };
    folio::render(text.as_bytes(), &options)
        .map_err(|e| TestCaseError::fail(format!("{text:?} was refused: {e}")))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn rendering_hostile_markdown_is_safe(input in hostile()) {
        let article = render_hostile(&input, "post.md")?;
        let bad = violations(&article.html);
        prop_assert!(bad.is_empty(), "{bad:?} in {:?}", article.html);
    }

    #[test]
    fn rendering_hostile_html_is_safe(input in hostile()) {
        let article = render_hostile(&input, "page.html")?;
        let bad = violations(&article.html);
        prop_assert!(bad.is_empty(), "{bad:?} in {:?}", article.html);
    }

    #[test]
    fn sanitizing_is_idempotent(input in hostile()) {
        let once = folio::test_hooks::sanitize(&input, None);
        prop_assert_eq!(folio::test_hooks::sanitize(&once, None), once);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = folio::render(&bytes, &folio::Options::default());
    }
}
