//! Stage 4: decides whether the body is Markdown or HTML and turns it into
//! (still unsafe) HTML. Markdown goes through [`crate::markdown`]; an HTML body
//! is passed on as HTML so that indented markup after blank lines is not read as
//! a code block, with CMS bold markers turned into real `<strong>`.

use crate::sanitize::Html;
use crate::Format;
use std::borrow::Cow;
use url::Url;

/// Metadata found in a whole HTML document's `<head>` (empty for fragments and Markdown).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocMeta {
    /// `<title>`.
    pub title: Option<String>,
    /// `<meta name="author">`.
    pub author: Option<String>,
    /// `<meta name="description">`.
    pub description: Option<String>,
    /// `<meta name="keywords">`, split at commas.
    pub keywords: Vec<String>,
    /// `<html lang>`.
    pub lang: Option<String>,
}

/// The body as HTML: raw, or already safe where the Markdown held no raw HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    /// The whole body.
    pub html: Html,
    /// The part before `<!-- more -->`, when the author marked one.
    pub summary_html: Option<Html>,
    /// What a whole HTML document says about itself.
    pub doc: DocMeta,
}

const HTML_EXTENSIONS: [&str; 4] = ["html", "htm", "xhtml", "shtml"];

/// Block-level tags that, opening a body, mark it as hand-written or scraped HTML.
const BLOCK_TAGS: [&str; 22] = [
    "div",
    "p",
    "section",
    "article",
    "main",
    "table",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "blockquote",
    "style",
    "header",
    "center",
    "font",
    "span",
    "html",
];

/// Decides how to read the body: by extension for HTML files, otherwise by content.
///
/// A `.md` file whose body opens with a block tag and ends with a closing tag, with
/// no Markdown headings, lists or fences at the start of a line, is HTML.
///
/// # Examples
/// ```
/// use folio::{body::detect_format, Format};
/// assert_eq!(detect_format("<div>\n<p>x</p>\n\n    <p>y</p>\n</div>", Some("a.md")), Format::Html);
/// assert_eq!(detect_format("# Title\n\n<div>x</div>", Some("a.md")), Format::Markdown);
/// assert_eq!(detect_format("anything", Some("page.HTML")), Format::Html);
/// ```
pub fn detect_format(body: &str, file_name: Option<&str>) -> Format {
    let ext = file_name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    if ext.as_deref().is_some_and(|e| HTML_EXTENSIONS.contains(&e)) {
        return Format::Html;
    }
    let t = body.trim();
    let lower_start: String = t.chars().take(16).collect::<String>().to_ascii_lowercase();
    if lower_start.starts_with("<!doctype html") || lower_start.starts_with("<html") {
        return Format::Html;
    }
    let opens_with_block = t.strip_prefix('<').is_some_and(|rest| {
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        BLOCK_TAGS.contains(&name.as_str())
    });
    if !opens_with_block || !t.ends_with('>') {
        return Format::Markdown;
    }
    let markdown_lines = t
        .lines()
        .filter(|l| {
            let l = l.trim_start();
            l.starts_with("# ")
                || l.starts_with("## ")
                || l.starts_with("```")
                || l.starts_with("- ")
                || l.starts_with("* ")
                || l.starts_with("> ")
                || l.starts_with("![")
        })
        .count();
    if markdown_lines == 0 {
        Format::Html
    } else {
        Format::Markdown
    }
}

/// Renders the body in the given format to HTML. Markdown without raw HTML comes
/// out safe already ([`crate::sanitize::markdown`]); the rest is raw, for the
/// sanitizer. `base` resolves relative URLs in what comes out safe.
pub fn render(body: &str, format: Format, base: Option<&Url>) -> Body {
    match format {
        Format::Markdown => {
            let body = crate::plugins::expand(body);
            let body = body.as_ref();
            let summary_html =
                more_marker(body).map(|at| crate::sanitize::markdown(&body[..at], base));
            Body {
                html: crate::sanitize::markdown(body, base),
                summary_html,
                doc: DocMeta::default(),
            }
        }
        Format::Html if crate::document::is_document(body) => {
            let (html, doc) = crate::document::extract(body);
            Body {
                html: Html::Raw(promote_cms_bold(&html).into_owned()),
                summary_html: None,
                doc,
            }
        }
        Format::Html => Body {
            html: Html::Raw(promote_cms_bold(body).into_owned()),
            summary_html: more_marker(body).map(|at| Html::Raw(body[..at].to_string())),
            doc: DocMeta::default(),
        },
    }
}

/// Tidies sanitized HTML: drops the `<p>` and `<div>` wrappers (without
/// attributes) that hold nothing but whitespace once CMS cruft is gone, and
/// collapses runs of blank lines. Runs after [`crate::sanitize::sanitize`], whose
/// well-formed output it keeps well formed.
///
/// # Examples
/// ```
/// let html = "<div><p>\u{3000} </p><div>\n</div></div>\n\n\n\n<p>Text</p><div id=\"a\"></div>";
/// assert_eq!(folio::body::tidy(html), "\n\n<p>Text</p><div id=\"a\"></div>");
/// ```
pub fn tidy(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    // Open `<p>`/`<div>`: name, where it starts in `out`, where its content starts,
    // and whether it is plain (an attribute such as an id keeps it).
    let mut open: Vec<(&str, usize, usize, bool)> = Vec::new();
    let mut in_pre = 0usize;
    let mut pos = 0;
    for (start, end) in crate::sanitize::tag_spans(html) {
        push_text(&mut out, &html[pos..start], in_pre > 0);
        let tag = &html[start..end];
        pos = end;
        let name_end = tag
            .find(|c: char| c.is_ascii_whitespace() || c == '>')
            .unwrap_or(tag.len());
        match &tag[..name_end] {
            "<p" | "<div" => {
                let at = out.len();
                out.push_str(tag);
                open.push((&tag[1..name_end], at, out.len(), name_end + 1 == tag.len()));
                continue;
            }
            "</p" | "</div" if open.last().is_some_and(|o| o.0 == &tag[2..name_end]) => {
                if let Some((_, at, content, true)) = open.pop() {
                    if is_blank(&out[content..]) {
                        out.truncate(at);
                        continue;
                    }
                }
            }
            "<pre" => in_pre += 1,
            "</pre" => in_pre = in_pre.saturating_sub(1),
            _ => {}
        }
        out.push_str(tag);
    }
    push_text(&mut out, &html[pos..], in_pre > 0);
    out
}

/// Only whitespace (full-width spaces and `&nbsp;` included).
fn is_blank(s: &str) -> bool {
    s.split("&nbsp;")
        .all(|p| p.trim_matches(|c: char| c.is_whitespace()).is_empty())
}

/// Appends text; outside `<pre>`, no more than one blank line stands in a row.
fn push_text(out: &mut String, text: &str, verbatim: bool) {
    if verbatim {
        out.push_str(text);
        return;
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            let line_start = out.trim_end_matches([' ', '\t']).len();
            if out[..line_start].ends_with("\n\n") {
                out.truncate(line_start);
            } else {
                out.push('\n');
            }
        }
        out.push_str(line);
    }
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

/// News CMSes (Sina's among them) mark bold labels as `<font cms-style="… strong-Bold">`;
/// the sanitizer drops `<font>`, so those become `<strong>` first.
fn promote_cms_bold(html: &str) -> Cow<'_, str> {
    if !html.contains("strong-Bold") {
        return Cow::Borrowed(html);
    }
    // ASCII lowercasing keeps byte offsets, so `lower` indexes `html`.
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut open_is_bold: Vec<bool> = Vec::new();
    let mut pos = 0;
    let next_tag = |from: usize| {
        let open = lower[from..].find("<font");
        let close = lower[from..].find("</font");
        let first = match (open, close) {
            (Some(o), Some(c)) => Some(o.min(c)),
            (o, c) => o.or(c),
        };
        first.map(|i| from + i)
    };
    while let Some(at) = next_tag(pos) {
        let end = lower[at..].find('>').map_or(html.len(), |e| at + e + 1);
        out.push_str(&html[pos..at]);
        let tag = &html[at..end];
        if lower[at..].starts_with("</") {
            out.push_str(if open_is_bold.pop() == Some(true) {
                "</strong>"
            } else {
                tag
            });
        } else {
            let bold = lower[at..end].contains("strong-bold");
            out.push_str(if bold { "<strong>" } else { tag });
            open_is_bold.push(bold);
        }
        pos = end;
    }
    out.push_str(&html[pos..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cms_bold_fonts_become_strong_and_others_stay() {
        let html = r#"<p><font cms-style="font-L strong-Bold">发言人：</font>正文<font color=red>红</font></p>"#;
        assert_eq!(
            promote_cms_bold(html),
            r#"<p><strong>发言人：</strong>正文<font color=red>红</font></p>"#
        );
        let nested = r#"<font a><FONT cms-style="strong-Bold">b</FONT></font>"#;
        assert_eq!(
            promote_cms_bold(nested),
            "<font a><strong>b</strong></font>"
        );
    }

    #[test]
    fn unclosed_bold_font_does_not_panic() {
        assert_eq!(
            promote_cms_bold(r#"x<font cms-style="strong-Bold""#),
            "x<strong>"
        );
        assert_eq!(promote_cms_bold("</font>strong-Bold"), "</font>strong-Bold");
    }

    #[test]
    fn more_marker_gives_summary() {
        let body = render(
            "Intro text.\n\n<!-- more -->\n\nRest.",
            Format::Markdown,
            None,
        );
        assert_eq!(
            body.summary_html,
            Some(Html::Clean("<p>Intro text.</p>\n".into()))
        );
        assert!(body.html.as_str().contains("Rest."));
        assert_eq!(
            render("No marker <!-- less -->", Format::Markdown, None).summary_html,
            None
        );
    }

    #[test]
    fn format_detection() {
        assert_eq!(
            detect_format("\n<div>\n<p>a</p>\n</div>\n  ", None),
            Format::Html
        );
        assert_eq!(
            detect_format("<div>x</div>\n\n- list\n\n<p>y</p>", None),
            Format::Markdown
        );
        assert_eq!(
            detect_format("<!DOCTYPE html><title>x</title>", None),
            Format::Html
        );
        assert_eq!(detect_format("<img src=x> text", None), Format::Markdown);
        assert_eq!(detect_format("plain text", None), Format::Markdown);
    }
}
