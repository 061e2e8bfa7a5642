//! Stage 5: the one place where HTML becomes safe. Everything the page inserts
//! has passed through [`sanitize`]; nothing else in Folio emits markup from input.
//!
//! # Policy
//! * **Elements**: ammonia's default allowlist (text structure, lists, tables,
//!   figures, `details`, ruby …) plus `input` for task-list checkboxes. Any other
//!   element is unwrapped: its text stays, the tag goes (`<font>`, `<center>` …).
//! * **Removed with their content**: `script`, `style`, `template`, `noscript`,
//!   `iframe`, `object`, `embed`, `frameset`, `noframes`, `noembed`, `xmp`,
//!   `svg`, `math`, `title`, `textarea`, `select`, `button`, `form`, `label`.
//!   Also every comment.
//! * **Attributes**: `lang`, `dir`, `title` anywhere; `id` anywhere but prefixed
//!   with [`ID_PREFIX`] so an article cannot clobber the page's globals; `class`
//!   only as `language-*` on `code`/`pre`, `markdown-alert-*` on `blockquote` and
//!   pulldown-cmark's `footnote-*`; never `style` (the page's CSP forbids inline
//!   styles; table alignment uses `align`); element-specific ones
//!   such as `img[src alt width height]`, `a[href title]`, `td[colspan rowspan]`.
//! * **URLs**: `http`, `https`, `mailto` and relative ones; `data:` only for
//!   raster images in `img[src]`. Protocol-relative `//host/x` becomes `https://`.
//!   Relative URLs resolve against the base URL when one is given (and is `http(s)`).
//! * **Links** get `rel="noopener noreferrer nofollow"`; **images** get
//!   `referrerpolicy="no-referrer" loading="lazy" decoding="async"` so hot-link
//!   protected pictures load and nothing tells their host who reads.

mod events;
mod stable;

use ammonia::{Builder, UrlRelative};
use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;
use url::Url;

/// Prefix of every element id in sanitized output.
pub const ID_PREFIX: &str = "user-content-";

const RASTER_DATA: [&str; 7] = [
    "data:image/png",
    "data:image/jpeg",
    "data:image/jpg",
    "data:image/gif",
    "data:image/webp",
    "data:image/avif",
    "data:image/bmp",
];

/// Removed together with everything inside them.
const DROP_WITH_CONTENT: [&str; 19] = [
    "script", "style", "template", "noscript", "iframe", "object", "embed", "frameset", "noframes",
    "noembed", "xmp", "svg", "math", "title", "textarea", "select", "button", "form", "label",
];

/// The base that relative URLs resolve against: only an `http`/`https` one. Against
/// any other (a `file:` page, say) they would become URLs the policy refuses, so they
/// are left relative, for the browser to resolve against the page.
fn resolving(base: Option<&Url>) -> Option<&Url> {
    base.filter(|b| matches!(b.scheme(), "http" | "https"))
}

/// Every link's `rel`.
const LINK_REL: &str = "noopener noreferrer nofollow";

/// The attribute filter: runs after ammonia's allowlist and scheme checks.
fn filter_attribute<'a>(element: &str, attribute: &str, value: &'a str) -> Option<Cow<'a, str>> {
    match attribute {
        "class" => {
            let keep: Vec<&str> = value
                .split_ascii_whitespace()
                .filter(|c| match element {
                    "code" | "pre" => c.starts_with("language-"),
                    "blockquote" => c.starts_with("markdown-alert-"),
                    "sup" => *c == "footnote-reference" || *c == "footnote-definition-label",
                    "div" => *c == "footnote-definition",
                    _ => false,
                })
                .filter(|c| {
                    c.chars()
                        .all(|ch| ch.is_ascii_alphanumeric() || "-_+#.".contains(ch))
                })
                .collect();
            (!keep.is_empty()).then(|| Cow::Owned(keep.join(" ")))
        }
        "type" if element == "input" => Some(Cow::Borrowed("checkbox")),
        // ammonia allows `cite` but does not treat it as a URL: hold it to the same schemes.
        "cite" => match Url::parse(value.trim()) {
            Ok(u) if !matches!(u.scheme(), "http" | "https") => None,
            _ => Some(Cow::Borrowed(value)),
        },
        "href" | "src" => {
            let v = value.trim();
            let lower = v.get(..16).unwrap_or(v).to_ascii_lowercase();
            if lower.starts_with("data:") {
                let raster = element == "img"
                    && attribute == "src"
                    && RASTER_DATA
                        .iter()
                        .any(|p| v.len() > p.len() && v[..p.len()].eq_ignore_ascii_case(p));
                return raster.then_some(Cow::Borrowed(value));
            }
            if v.starts_with("//") {
                // Only if the result is a URL: a second look would drop it otherwise,
                // and the output would not be a fixed point.
                let https = format!("https:{v}");
                return Url::parse(&https).is_ok().then_some(Cow::Owned(https));
            }
            if attribute == "href" && v.starts_with('#') && v.len() > 1 {
                // Fragment links point at prefixed ids (footnotes, headings).
                let frag = &v[1..];
                if !frag.starts_with(ID_PREFIX) {
                    return Some(Cow::Owned(format!("#{ID_PREFIX}{frag}")));
                }
            }
            Some(Cow::Borrowed(value))
        }
        _ => Some(Cow::Borrowed(value)),
    }
}

fn builder(base: Option<&Url>) -> Builder<'static> {
    let mut b = Builder::default();
    b.add_tags(["input"])
        .rm_clean_content_tags(["script", "style"])
        .add_clean_content_tags(DROP_WITH_CONTENT)
        .add_generic_attributes(["dir", "id"])
        .add_tag_attributes("code", ["class"])
        .add_tag_attributes("pre", ["class"])
        .add_tag_attributes("blockquote", ["class"])
        .add_tag_attributes("sup", ["class"])
        .add_tag_attributes("div", ["class"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("img", ["title"])
        .add_tag_attributes("a", ["title"])
        .add_tag_attribute_values("input", "disabled", [""])
        .set_tag_attribute_value("input", "disabled", "")
        .add_url_schemes(["data"])
        .rm_url_schemes([
            "ftp",
            "tel",
            "sms",
            "irc",
            "ircs",
            "xmpp",
            "webcal",
            "magnet",
            "news",
            "nntp",
            "geo",
            "im",
            "bitcoin",
            "callto",
            "gopher",
            "mms",
            "sip",
            "sips",
            "ssh",
            "svn",
            "git",
            "urn",
            "openpgp4fpr",
            "matrix",
            "wtai",
            "feed",
        ])
        .link_rel(Some(LINK_REL))
        .id_prefix(Some(ID_PREFIX))
        .strip_comments(true)
        .attribute_filter(filter_attribute);
    b.url_relative(match resolving(base) {
        Some(u) => UrlRelative::RewriteWithBase(u.clone()),
        None => UrlRelative::PassThrough,
    });
    b
}

static DEFAULT: LazyLock<Builder<'static>> = LazyLock::new(|| builder(None));

/// Cleans an HTML fragment according to the policy above.
///
/// # Examples
/// ```
/// let out = folio::sanitize::sanitize(r#"<p onclick="x()">Hi<script>bad()</script><img src="//a.cn/p.png"></p>"#, None);
/// assert_eq!(out, r#"<p>Hi<img src="https://a.cn/p.png" referrerpolicy="no-referrer" loading="lazy" decoding="async"></p>"#);
/// // Attribute values may hold `<img`; only real tags are touched.
/// let out = folio::sanitize::sanitize(r#"<a title="<img x>" href="/a">t</a>"#, None);
/// assert_eq!(out, r#"<a title="&lt;img x&gt;" href="/a" rel="noopener noreferrer nofollow">t</a>"#);
/// ```
pub fn sanitize(html: &str, base: Option<&Url>) -> String {
    clean(html, base, true)
}

/// [`sanitize`] without its shortcut: always two ammonia passes. The reference that
/// tests hold the shortcut to (the output must be the same).
pub fn sanitize_twice(html: &str, base: Option<&Url>) -> String {
    clean(html, base, false)
}

fn clean(html: &str, base: Option<&Url>, shortcut: bool) -> String {
    let base = resolving(base);
    let owned;
    let builder: &Builder = match base {
        None => &DEFAULT,
        Some(_) => {
            owned = builder(base);
            &owned
        }
    };
    // Unwrapping disallowed elements can leave a tree no parser would build (an `h2`
    // inside an `h2`), and so can the parser's own error recovery (`<a><table><a>`);
    // a second pass gives the tree the browser will see, so the output is a fixed
    // point: sanitizing it again changes nothing. When the first pass's tree is one
    // the parser would build as it stands, the second pass is skipped.
    let once = builder.clean(html).to_string();
    let twice = if shortcut && stable::is_parser_stable(&once) {
        once
    } else {
        builder.clean(&once).to_string()
    };
    add_image_attributes(&twice)
}

/// HTML on its way to the page: either still to be sanitized, or written safe
/// already by [`markdown`]'s fast path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Html {
    /// Unsafe: may hold anything the input held.
    Raw(String),
    /// Safe: exactly what [`sanitize`] would have made of the raw HTML.
    Clean(String),
}

impl Html {
    /// The safe HTML: sanitizes raw HTML, passes clean HTML on.
    pub fn into_clean(self, base: Option<&Url>) -> String {
        match self {
            Html::Raw(html) => sanitize(&html, base),
            Html::Clean(html) => html,
        }
    }

    /// The HTML as it stands (raw or clean).
    pub fn as_str(&self) -> &str {
        match self {
            Html::Raw(html) | Html::Clean(html) => html,
        }
    }
}

/// Renders Markdown with Folio's extensions. Markdown holding no raw HTML (or only
/// comments) is written safe straight from its events, with the same result as
/// [`sanitize`] over [`crate::markdown::to_html`] at a fraction of the cost; other
/// Markdown comes back [`Html::Raw`], to be sanitized.
///
/// # Examples
/// ```
/// use folio::sanitize::{markdown, Html};
/// let html = markdown("[x](javascript:alert(1)) ![a](//i.cn/p.png)", None);
/// assert_eq!(html, Html::Clean(r#"<p><a rel="noopener noreferrer nofollow">x</a> <img src="https://i.cn/p.png" alt="a" referrerpolicy="no-referrer" loading="lazy" decoding="async"></p>
/// "#.into()));
/// assert!(matches!(markdown("<b>raw</b>", None), Html::Raw(_)));
/// ```
pub fn markdown(md: &str, base: Option<&Url>) -> Html {
    // Streamed, never collected: the events of a big article would take more memory
    // than its HTML. Where the writer gives up, pulldown-cmark's writer starts over.
    let events = crate::markdown::events(md, crate::markdown::options());
    match events::write(events, resolving(base), md.len() + md.len() / 4) {
        Some(clean) => Html::Clean(clean),
        None => Html::Raw(crate::markdown::to_html(md)),
    }
}

/// Attributes every image gets, in a fixed order (ammonia's own setter uses a
/// hash map, whose order would change from run to run).
const IMAGE_ATTRIBUTES: &str = r#" referrerpolicy="no-referrer" loading="lazy" decoding="async""#;

fn add_image_attributes(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut pos = 0;
    for (start, end) in tag_spans(html) {
        let tag = &html[start..end];
        if tag.starts_with("<img") && matches!(tag.as_bytes().get(4), Some(b' ' | b'>' | b'/')) {
            let close = if tag.ends_with("/>") {
                end - 2
            } else {
                end - 1
            };
            out.push_str(&html[pos..close]);
            out.push_str(IMAGE_ATTRIBUTES);
            pos = close;
        }
    }
    out.push_str(&html[pos..]);
    out
}

/// Byte spans of the tags in sanitized (html5ever-serialized) HTML. There, every
/// `<` in text is escaped and attribute values are double-quoted, so a `<` outside
/// quotes always opens a tag.
pub(crate) fn tag_spans(html: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = html.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = i + html[i..].find('<')?;
        let mut j = start + 1;
        let mut quoted = false;
        while j < bytes.len() {
            match bytes[j] {
                b'"' => quoted = !quoted,
                b'>' if !quoted => break,
                _ => {}
            }
            j += 1;
        }
        i = (j + 1).min(bytes.len());
        Some((start, i))
    })
}

/// Checks a URL from metadata (a cover image, say) against the same scheme policy,
/// resolving it against `base` when it is relative. `None` means "do not use it".
///
/// # Examples
/// ```
/// use folio::sanitize::safe_url;
/// assert_eq!(safe_url("javascript:alert(1)", None), None);
/// assert_eq!(safe_url("//img.cn/a.png", None).as_deref(), Some("https://img.cn/a.png"));
/// assert_eq!(safe_url("a.png", None).as_deref(), Some("a.png"));
/// ```
pub fn safe_url(raw: &str, base: Option<&Url>) -> Option<String> {
    let v = raw.trim();
    if v.is_empty() || v.chars().any(|c| c.is_control()) {
        return None;
    }
    if let Some(rest) = v.strip_prefix("//") {
        return Url::parse(&format!("https://{rest}"))
            .ok()
            .map(String::from);
    }
    match Url::parse(v) {
        Ok(u) => {
            let ok: HashSet<&str> = ["http", "https"].into();
            let raster = u.scheme() == "data"
                && RASTER_DATA
                    .iter()
                    .any(|p| v.to_ascii_lowercase().starts_with(p));
            (ok.contains(u.scheme()) || raster).then(|| u.to_string())
        }
        Err(url::ParseError::RelativeUrlWithoutBase) => match resolving(base) {
            Some(b) => b.join(v).ok().map(String::from),
            None => Some(v.to_string()),
        },
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{markdown, sanitize, Html};
    use url::Url;

    #[test]
    fn a_protocol_relative_url_that_is_no_url_is_dropped() {
        // Found by the fuzzer: `https:` + this is no URL, so a second pass dropped it,
        // and one pass would have kept it (the output was not a fixed point).
        let out = sanitize(
            r#"<img src="//h    .a img{width:74px;}"><a href="//a b">x</a>"#,
            None,
        );
        assert!(!out.contains("src=") && !out.contains("href="), "{out}");
        assert_eq!(sanitize(&out, None), out);
        assert!(sanitize(r#"<img src="//img.cn/a.png">"#, None)
            .contains(r#"src="https://img.cn/a.png""#));
    }

    #[test]
    fn relative_urls_resolve_only_against_an_http_base() {
        let web = Url::parse("https://blog.example.cn/posts/").unwrap();
        let file = Url::parse("file:///home/reader/posts/").unwrap();
        let html = r#"<a href="a.html">a</a><img src="p.png">"#;
        let on_web = sanitize(html, Some(&web));
        assert!(
            on_web.contains(r#"href="https://blog.example.cn/posts/a.html""#),
            "{on_web}"
        );
        // Against a file: base they would become file: URLs, which the policy refuses:
        // they stay relative instead, as the browser resolves them against the page.
        let on_disk = sanitize(html, Some(&file));
        assert!(
            on_disk.contains(r#"href="a.html""#) && on_disk.contains(r#"src="p.png""#),
            "{on_disk}"
        );
        assert_eq!(sanitize(&on_disk, Some(&file)), on_disk);
        let Html::Clean(md) = markdown("[a](a.html)", Some(&file)) else {
            panic!("no raw HTML here")
        };
        assert!(md.contains(r#"href="a.html""#), "{md}");
        assert_eq!(
            super::safe_url("c.png", Some(&file)).as_deref(),
            Some("c.png")
        );
    }
}
