//! The policy of [`super`] as Folio's own data (which elements, attributes, classes
//! and URLs stay), read by the safe Markdown writer and turned into ammonia's builder
//! (the `html` feature) from the same lists; the steps ammonia cannot take; the
//! attributes every image gets; the same URL policy for URLs from metadata.

#[cfg(feature = "html")]
use crate::text::tag_spans;
use crate::web_url::{ParseError, Url};
#[cfg(feature = "html")]
use ammonia::{Builder, UrlRelative};
use std::borrow::Cow;
use std::collections::HashSet;
#[cfg(feature = "html")]
use std::sync::LazyLock;

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

/// Elements that stay: ammonia's default allowlist (text structure, lists, tables,
/// figures, `details`, ruby …) plus `input` (task lists) and `section` (footnotes).
pub(super) const TAGS: [&str; 77] = [
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
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Attributes allowed on every element (`id` gets [`ID_PREFIX`]).
pub(super) const GENERIC_ATTRIBUTES: [&str; 5] = ["lang", "title", "dir", "id", HIDDEN];

/// Attributes allowed on one element (classes then pass [`filter_attribute`]).
pub(super) const TAG_ATTRIBUTES: [(&str, &[&str]); 27] = [
    ("a", &["href", "hreflang", "title", "class"]),
    ("bdo", &["dir"]),
    ("blockquote", &["cite", "class"]),
    ("code", &["class"]),
    ("col", &["align", "char", "charoff", "span"]),
    ("colgroup", &["align", "char", "charoff", "span"]),
    ("del", &["cite", "datetime"]),
    (
        "details",
        &["class", "open", "data-callout", "data-callout-fold"],
    ),
    ("div", &["class", "data-callout", "data-callout-fold"]),
    ("hr", &["align", "size", "width"]),
    ("img", &["align", "alt", "height", "src", "width", "title"]),
    ("input", &["type", "checked", "disabled"]),
    ("ins", &["cite", "datetime"]),
    ("ol", &["start"]),
    ("pre", &["class"]),
    ("q", &["cite"]),
    ("section", &["class"]),
    ("span", &["class"]),
    ("summary", &["class"]),
    ("sup", &["class"]),
    ("table", &["align", "char", "charoff", "summary"]),
    ("tbody", &["align", "char", "charoff"]),
    (
        "td",
        &["align", "char", "charoff", "colspan", "headers", "rowspan"],
    ),
    ("tfoot", &["align", "char", "charoff"]),
    (
        "th",
        &[
            "align", "char", "charoff", "colspan", "headers", "rowspan", "scope",
        ],
    ),
    ("thead", &["align", "char", "charoff"]),
    ("tr", &["align", "char", "charoff"]),
];

/// Attributes allowed on one element with exactly these values (element,
/// attribute, values).
pub(super) const TAG_ATTRIBUTE_VALUES: [(&str, &str, &[&str]); 1] = [("input", "disabled", &[""])];

/// Attributes every such element gets, with this value (element, attribute, value):
/// a task list's checkbox is never live.
pub(super) const SET_ATTRIBUTE_VALUES: [(&str, &str, &str); 1] = [("input", "disabled", "")];

/// URL schemes an absolute `href`/`src` may have before [`filter_attribute`]
/// narrows them (`data:` to raster images in `img[src]`).
pub(super) const URL_SCHEMES: [&str; 8] = [
    "data", "ftps", "http", "https", "mailto", "mx", "smsto", "url",
];

/// Removed together with everything inside them.
#[cfg(feature = "html")]
pub(super) const DROP_WITH_CONTENT: [&str; 19] = [
    "script", "style", "template", "noscript", "iframe", "object", "embed", "frameset", "noframes",
    "noembed", "xmp", "svg", "math", "title", "textarea", "select", "button", "form", "label",
];

/// Every link's `rel`.
pub(super) const LINK_REL: &str = "noopener noreferrer nofollow";

/// The attribute filter: runs after ammonia's allowlist and scheme checks.
pub(super) fn filter_attribute<'a>(
    element: &str,
    attribute: &str,
    value: &'a str,
) -> Option<Cow<'a, str>> {
    match attribute {
        "class" => {
            let keep: Vec<&str> = value
                .split_ascii_whitespace()
                .filter(|c| match element {
                    "code" | "pre" => c.starts_with("language-"),
                    "blockquote" => c.starts_with("markdown-alert-"),
                    "sup" => *c == "footnote-ref",
                    "a" => matches!(*c, "wikilink" | "embed" | "footnote-backref"),
                    "span" => matches!(*c, "math" | "math-inline" | "math-display"),
                    "section" => *c == "footnotes",
                    "summary" => *c == "callout-title",
                    "div" => {
                        matches!(
                            *c,
                            "callout" | "callout-title" | "callout-title-inner" | "callout-content"
                        ) || is_alert_class(c)
                    }
                    "details" => matches!(*c, "callout" | "is-collapsible") || is_alert_class(c),
                    _ => false,
                })
                .filter(|c| {
                    c.chars()
                        .all(|ch| ch.is_ascii_alphanumeric() || "-_+#.".contains(ch))
                })
                .collect();
            (!keep.is_empty()).then(|| Cow::Owned(keep.join(" ")))
        }
        // A task list's checkbox stays one; any other input (a page's hidden fields, a
        // search or mail box) becomes a hidden one: the reader sees no dead control.
        "type" if element == "input" => Some(Cow::Borrowed(
            if value.trim().eq_ignore_ascii_case("checkbox") {
                "checkbox"
            } else {
                "hidden"
            },
        )),
        HIDDEN => HIDDEN_KINDS
            .contains(&value)
            .then_some(Cow::Borrowed(value)),
        // A callout's type and fold, as Obsidian writes them.
        "data-callout" => (!value.is_empty()
            && value.chars().count() <= 32
            && value
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_'))
        .then_some(Cow::Borrowed(value)),
        "data-callout-fold" => matches!(value, "+" | "-").then_some(Cow::Borrowed(value)),
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

/// GitHub's alert classes: `markdown-alert` and `markdown-alert-TYPE`.
fn is_alert_class(class: &str) -> bool {
    class == "markdown-alert" || class.starts_with("markdown-alert-")
}

/// The ammonia builder of the policy, from the lists above; relative URLs resolve
/// against `base` (an `http(s)` one, as [`super::Sanitizer::new`] chose it) or stay
/// as written.
#[cfg(feature = "html")]
pub(super) fn builder(base: Option<&Url>) -> Builder<'static> {
    let mut b = Builder::default();
    b.tags(TAGS.into())
        .clean_content_tags(DROP_WITH_CONTENT.into())
        .generic_attributes(GENERIC_ATTRIBUTES.into())
        .tag_attributes(
            TAG_ATTRIBUTES
                .iter()
                .map(|&(tag, names)| (tag, names.iter().copied().collect()))
                .collect(),
        )
        .tag_attribute_values(
            TAG_ATTRIBUTE_VALUES
                .iter()
                .map(|&(tag, name, values)| {
                    let values = values.iter().copied().collect();
                    (tag, [(name, values)].into())
                })
                .collect(),
        )
        .set_tag_attribute_values(
            SET_ATTRIBUTE_VALUES
                .iter()
                .map(|&(tag, name, value)| (tag, [(name, value)].into()))
                .collect(),
        )
        .url_schemes(URL_SCHEMES.into())
        .link_rel(Some(LINK_REL))
        .id_prefix(Some(ID_PREFIX))
        .strip_comments(true)
        .attribute_filter(filter_attribute);
    b.url_relative(match base {
        Some(u) => UrlRelative::RewriteWithBase(u.clone()),
        None => UrlRelative::PassThrough,
    });
    b
}

/// The attribute reader mode marks a hidden block with (`sanitize/boilerplate.rs`); its
/// value is one of [`HIDDEN_KINDS`]. Part of the policy: the sanitizer allows exactly these.
pub(crate) const HIDDEN: &str = "data-folio-hidden";

/// Every kind of boilerplate, in the order the Article reports them.
pub(crate) const HIDDEN_KINDS: [&str; 11] = [
    "app-promo",
    "video-player",
    "share",
    "comments",
    "poll",
    "related",
    "subscribe",
    "page-label",
    "breadcrumb",
    "tracking-pixel",
    "page-hidden",
];

/// The builder without a base URL, made once per process.
#[cfg(feature = "html")]
pub(super) static DEFAULT: LazyLock<Builder<'static>> = LazyLock::new(|| builder(None));

/// Attributes every image gets, in a fixed order (ammonia's own setter uses a
/// hash map, whose order would change from run to run).
pub(super) const IMAGE_ATTRIBUTES: &str =
    r#" referrerpolicy="no-referrer" loading="lazy" decoding="async""#;

/// Adds [`IMAGE_ATTRIBUTES`] to every `<img>` of sanitized HTML (given back as it is,
/// not copied, when it has none).
#[cfg(feature = "html")]
pub(super) fn add_image_attributes(html: String) -> String {
    if memchr::memmem::find(html.as_bytes(), b"<img").is_none() {
        return html;
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut pos = 0;
    for (start, end) in tag_spans(&html) {
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

/// Moves `rel` back to the end of every link's attributes. ammonia appends `rel`,
/// then may drop an attribute before it (a class the filter refuses) with
/// `swap_remove`, which moves `rel` into its place; a second pass would drop `rel`
/// and append it again. This gives what that pass gives, without it.
#[cfg(feature = "html")]
pub(super) fn rel_last(html: String) -> String {
    let rel = format!(" rel=\"{LINK_REL}\"");
    let misplaced = |tag: &str| {
        tag.starts_with("<a ") && tag.contains(&rel) && !tag.ends_with(&format!("{rel}>"))
    };
    if !tag_spans(&html).any(|(s, e)| misplaced(&html[s..e])) {
        return html;
    }
    let mut out = String::with_capacity(html.len());
    let mut pos = 0;
    for (start, end) in tag_spans(&html) {
        let tag = &html[start..end];
        if misplaced(tag) {
            out.push_str(&html[pos..start]);
            out.push_str(&tag[..tag.len() - 1].replacen(&rel, "", 1));
            out.push_str(&rel);
            out.push('>');
            pos = end;
        }
    }
    out.push_str(&html[pos..]);
    out
}

/// Checks a URL from metadata (a cover image, say) against the same scheme policy,
/// resolving it against `base` (an `http(s)` one) when it is relative. `None`
/// means "do not use it".
pub(super) fn safe_url(raw: &str, base: Option<&Url>) -> Option<String> {
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
        Err(ParseError::RelativeUrlWithoutBase) => match base {
            Some(b) => b.join(v).ok().map(String::from),
            None => Some(v.to_string()),
        },
        Err(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{rel_last, safe_url};

    #[test]
    fn rel_goes_back_to_the_end_of_a_link() {
        let moved = r#"<a rel="noopener noreferrer nofollow" href="/y">x</a><a href="/z" rel="noopener noreferrer nofollow">y</a>"#;
        assert_eq!(
            rel_last(moved.to_string()),
            r#"<a href="/y" rel="noopener noreferrer nofollow">x</a><a href="/z" rel="noopener noreferrer nofollow">y</a>"#
        );
        let fine = r#"<p title="rel"><a href="/z" rel="noopener noreferrer nofollow">y</a></p>"#;
        assert_eq!(rel_last(fine.to_string()), fine);
    }
    use url::Url;

    #[test]
    fn metadata_urls_meet_the_same_policy() {
        assert_eq!(safe_url("javascript:alert(1)", None), None);
        assert_eq!(
            safe_url("//img.cn/a.png", None).as_deref(),
            Some("https://img.cn/a.png")
        );
        assert_eq!(safe_url("a.png", None).as_deref(), Some("a.png"));
        assert_eq!(safe_url("data:image/svg+xml,x", None), None);
        let web = Url::parse("https://blog.example.cn/posts/").unwrap();
        assert_eq!(
            safe_url("c.png", Some(&web)).as_deref(),
            Some("https://blog.example.cn/posts/c.png")
        );
    }
}
