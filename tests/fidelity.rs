//! Fidelity over the real corpus: static-site syntax is rendered as what it means,
//! never left in the article as template text.

use crate::corpus::{options_for, shared_dir};
use std::path::PathBuf;

/// Removes `<pre>…</pre>` and `<code>…</code>` (sanitized HTML is well formed, and
/// neither nests inside itself).
fn outside_code(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let pre = rest.find("<pre");
        let code = rest.find("<code");
        let (at, close) = match (pre, code) {
            (Some(p), Some(c)) if p <= c => (p, "</pre>"),
            (Some(p), None) => (p, "</pre>"),
            (_, Some(c)) => (c, "</code>"),
            (None, None) => break,
        };
        out.push_str(&rest[..at]);
        match rest[at..].find(close) {
            Some(e) => rest = &rest[at + e + close.len()..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// Template markers that must not survive rendering, as they appear in sanitized HTML.
const MARKERS: [&str; 4] = ["{%", "{{&lt;", "{{%", "&#123;%"];

/// Files where a marker outside code is right, and why.
const EXCEPTIONS: [(&str, &str); 2] = [
    (
        "hugo-2013-json-fm-shortcodes.md",
        "the prose names the delimiters, written `'{{&#37;' and '%}}'` so Hugo shows them",
    ),
    (
        "hugo-even-shortcodes.md",
        "an escaped `{{%/* music */%}}` outside code, which Hugo shows as `{{% music %}}`",
    ),
];

fn static_site_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for group in ["hexo", "jekyll", "hugo", "zola", "other"] {
        let dir = shared_dir().join("corpus").join(group);
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            files.push(e.path());
        }
    }
    files.sort();
    assert!(files.len() > 100, "corpus incomplete");
    files
}

#[test]
fn no_template_syntax_is_left_outside_code() {
    let mut leftovers = Vec::new();
    for path in static_site_files() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Ok(article) = folio::render(&std::fs::read(&path).unwrap(), &options_for(&path)) else {
            continue;
        };
        let text = outside_code(&article.html);
        for m in MARKERS {
            if let Some(at) = text.find(m) {
                if EXCEPTIONS.iter().any(|(f, _)| *f == name) {
                    continue;
                }
                let from = text[..at]
                    .char_indices()
                    .rev()
                    .nth(60)
                    .map_or(0, |(i, _)| i);
                let to = text[at..]
                    .char_indices()
                    .nth(80)
                    .map_or(text.len(), |(i, _)| at + i);
                leftovers.push(format!("{name}: …{}…", &text[from..to]));
            }
        }
    }
    assert!(leftovers.is_empty(), "{}", leftovers.join("\n"));
}

#[test]
fn outside_code_drops_pre_and_code() {
    assert_eq!(
        outside_code("a<pre><code>{%x%}</code></pre>b<code>{{%</code>c"),
        "abc"
    );
}
