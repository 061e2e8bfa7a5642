//! Reads the tags of sanitized output (html5ever's serialization: text `<` is always
//! escaped, attribute values are double-quoted) to check what survived sanitizing.

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

/// Problems that must never appear in sanitized output; empty means safe.
pub fn unsafe_parts(html: &str) -> Vec<String> {
    let mut bad = Vec::new();
    for t in start_tags(html) {
        if [
            "script", "style", "iframe", "object", "embed", "base", "meta", "link", "form", "svg",
            "math", "template",
        ]
        .contains(&t.name.as_str())
        {
            bad.push(format!("<{}>", t.name));
        }
        for (a, v) in &t.attrs {
            if a.starts_with("on") || a == "style" {
                bad.push(format!("<{} {a}=\"{v}\">", t.name));
            }
            let lower: String = v
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            if [
                "href",
                "src",
                "action",
                "formaction",
                "xlink:href",
                "poster",
                "cite",
            ]
            .contains(&a.as_str())
                && (lower.starts_with("javascript:")
                    || lower.starts_with("vbscript:")
                    || (lower.starts_with("data:")
                        && !(t.name == "img" && lower.starts_with("data:image/"))))
            {
                bad.push(format!("<{} {a}=\"{v}\">", t.name));
            }
        }
    }
    bad
}

#[test]
fn checker_finds_what_it_must() {
    let bad = unsafe_parts(
        r#"<p onclick="x">a</p><a href=" javascript:x">b</a><script></script><img src="data:image/png;base64,AA">"#,
    );
    assert_eq!(bad.len(), 3, "{bad:?}");
    assert!(
        unsafe_parts(r#"<p title="onclick=&quot;x&quot;">onclick="x" &lt;script&gt;</p>"#)
            .is_empty()
    );
}
