//! Stage 4: the body as HTML. Markdown has its site syntax expanded
//! ([`crate::site_syntax`]) and is read by pulldown-cmark ([`markdown`]); where it
//! holds no raw HTML the sanitizer's safe writer writes it safe at once, otherwise
//! it comes out raw. An HTML body stays HTML (so indented markup after blank lines
//! is not read as a code block): a whole page gives its article part and head
//! ([`document`]), a fragment has its CMS cruft fixed ([`cms`]). Raw HTML is made
//! safe only by the next stage, [`crate::sanitize`].

pub(crate) mod cms;
pub(crate) mod document;
mod format;
pub(crate) mod markdown;

pub use format::detect_format;

use crate::article::Format;
use crate::sanitize::{Html, Sanitizer};
use document::DocMeta;

/// The body as HTML: raw, or already safe where the Markdown held no raw HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Body {
    /// The whole body.
    pub html: Html,
    /// The part before `<!-- more -->`, when the author marked one and it was asked for.
    pub excerpt: Option<Html>,
    /// What a whole HTML document says about itself.
    pub doc: DocMeta,
}

/// Renders the body in the given format. `sanitizer` writes safe what it can
/// vouch for (and resolves its URLs); `want_excerpt` says whether the part before
/// `<!-- more -->` is needed (it is not when the front matter gives a summary).
pub(crate) fn render(
    body: &str,
    format: Format,
    sanitizer: &Sanitizer,
    want_excerpt: bool,
) -> Body {
    match format {
        Format::Markdown => {
            let body = crate::site_syntax::expand(body, markdown::code_ranges);
            let body = body.as_ref();
            Body {
                html: to_html(body, sanitizer),
                excerpt: before_more(body, want_excerpt).map(|part| to_html(part, sanitizer)),
                doc: DocMeta::default(),
            }
        }
        Format::Html if document::is_document(body) => {
            let (html, doc) = document::extract(body);
            Body {
                html: Html::Raw(cms::promote_cms_bold(&html).into_owned()),
                excerpt: None,
                doc,
            }
        }
        Format::Html => Body {
            html: Html::Raw(cms::promote_cms_bold(body).into_owned()),
            excerpt: before_more(body, want_excerpt).map(|part| Html::Raw(part.to_string())),
            doc: DocMeta::default(),
        },
    }
}

/// Markdown as HTML: written safe straight from its events when the sanitizer can
/// vouch for them; otherwise pulldown-cmark's raw HTML, for the sanitizer. The
/// events are streamed, never collected (they would take more memory than the
/// HTML of a big article), so where the writer gives up, parsing starts over.
fn to_html(md: &str, sanitizer: &Sanitizer) -> Html {
    let events = markdown::events(md, markdown::options());
    match sanitizer.write_markdown(events, md.len() + md.len() / 4) {
        Some(clean) => Html::Clean(clean),
        None => Html::Raw(markdown::unsafe_html(md)),
    }
}

/// The text before Hexo's `<!-- more -->` excerpt marker, if there is one and it is wanted.
fn before_more(body: &str, wanted: bool) -> Option<&str> {
    wanted
        .then(|| more_marker(body))
        .flatten()
        .map(|at| &body[..at])
}

/// Byte offset of Hexo's `<!-- more -->` excerpt marker, if any.
fn more_marker(body: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = body[from..].find("<!--") {
        let at = from + i;
        let rest = &body[at + 4..];
        let inner = rest.split_once("-->").map(|(c, _)| c.trim());
        if inner == Some("more") {
            return Some(at);
        }
        from = at + 4;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markdown(md: &str, want_excerpt: bool) -> Body {
        render(md, Format::Markdown, &Sanitizer::new(None), want_excerpt)
    }

    #[test]
    fn more_marker_gives_the_excerpt_when_asked() {
        let text = "Intro text.\n\n<!-- more -->\n\nRest.";
        let body = markdown(text, true);
        assert_eq!(
            body.excerpt,
            Some(Html::Clean("<p>Intro text.</p>\n".into()))
        );
        assert!(matches!(&body.html, Html::Clean(h) if h.contains("Rest.")));
        assert_eq!(markdown(text, false).excerpt, None);
        assert_eq!(markdown("No marker <!-- less -->", true).excerpt, None);
        let html = render(text, Format::Html, &Sanitizer::new(None), true);
        assert_eq!(html.excerpt, Some(Html::Raw("Intro text.\n\n".into())));
    }

    #[test]
    fn markdown_with_raw_html_comes_out_raw() {
        let body = markdown("[x](javascript:alert(1)) ![a](//i.cn/p.png)", false);
        assert_eq!(body.html, Html::Clean(r#"<p><a rel="noopener noreferrer nofollow">x</a> <img src="https://i.cn/p.png" alt="a" referrerpolicy="no-referrer" loading="lazy" decoding="async"></p>
"#.into()));
        assert!(matches!(markdown("<b>raw</b>", false).html, Html::Raw(_)));
    }
}
