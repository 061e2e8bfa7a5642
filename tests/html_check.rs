//! Checks on sanitized output: a real HTML parser (html5ever, through `scraper`)
//! lists what must not be there ([`violations`], used on the corpus and on
//! generated hostile input), and a reader of html5ever's serialization lists the
//! start tags ([`start_tags`], for the snapshots' skeletons).

use scraper::Html;

/// One start tag: its name and its attributes (name, raw value).
pub struct Tag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
}

/// Every start tag in serialized HTML.
pub fn start_tags(html: &str) -> Vec<Tag> {
    let mut tags = Vec::new();
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let start = i + off + 1;
        let mut j = start;
        let mut quoted = false;
        while j < b.len() && (quoted || b[j] != b'>') {
            if b[j] == b'"' {
                quoted = !quoted;
            }
            j += 1;
        }
        let inner = &html[start..j.min(html.len())];
        i = (j + 1).min(html.len());
        if inner.starts_with('/') || inner.starts_with('!') {
            continue;
        }
        let name: String = inner
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '/')
            .collect();
        let mut attrs = Vec::new();
        let mut rest = &inner[name.len()..];
        loop {
            rest = rest.trim_start();
            let an: String = rest
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '=' && *c != '/')
                .collect();
            if an.is_empty() {
                break;
            }
            rest = &rest[an.len()..];
            let mut value = String::new();
            if let Some(r) = rest.strip_prefix("=\"") {
                let end = r.find('"').unwrap_or(r.len());
                value = r[..end].to_string();
                rest = &r[(end + 1).min(r.len())..];
            }
            attrs.push((an.to_ascii_lowercase(), value));
        }
        tags.push(Tag {
            name: name.to_ascii_lowercase(),
            attrs,
        });
    }
    tags
}

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
    "section",
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

/// Every problem a real HTML parser finds in sanitized output.
pub fn violations(html: &str) -> Vec<String> {
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
                        || c.starts_with("markdown-alert")
                        || c.starts_with("footnote")
                        || c.starts_with("callout")
                        || c.starts_with("math")
                        || matches!(c, "wikilink" | "embed" | "is-collapsible")
                })
            {
                bad.push(format!("class {value:?}"));
            }
            if attr == "id" && !value.starts_with(folio::test_hooks::ID_PREFIX) {
                bad.push(format!("unprefixed id {value:?}"));
            }
            if ["href", "src", "cite"].contains(&attr) {
                // A scheme as the URL parser reads one (a letter, then letters, digits,
                // `+`, `-`, `.`): `x%5D:` or `a b:` start a relative path, not a scheme.
                let is_scheme = |s: &str| {
                    s.starts_with(|c: char| c.is_ascii_alphabetic())
                        && s.chars()
                            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                };
                let scheme_ok = match v.split_once(':') {
                    Some((scheme, _)) if is_scheme(scheme) => {
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
    // What the URL parser takes for a scheme is checked; a colon after other characters
    // starts a relative path (the browser resolves `x%5D:y` against the page).
    assert_eq!(violations(r#"<a href="vbscript:x">a</a>"#).len(), 1);
    assert_eq!(violations(r#"<a href="a+b.c-d:x">a</a>"#).len(), 1);
    assert!(violations(r#"<a href="x%5D:%20javascript:alert(1)">a</a>"#).is_empty());
    // Text that merely looks like markup is no violation.
    assert!(
        violations(r#"<p title="onclick=&quot;x&quot;">onclick="x" &lt;script&gt;</p>"#).is_empty()
    );
}
