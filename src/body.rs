//! Stage 4: the body as HTML. Markdown has its site syntax expanded
//! ([`crate::site_syntax`]) and is read by pulldown-cmark ([`markdown`]); where it
//! holds no raw HTML the sanitizer's safe writer writes it safe at once (or only
//! its text, when no HTML is wanted), otherwise it comes out raw. An HTML body stays
//! HTML (so indented markup after blank lines is not read as a code block): a whole
//! page gives its article part and head ([`document`]), a fragment has its CMS
//! cruft fixed ([`cms`]). Raw HTML is made safe only by the next stage,
//! [`crate::sanitize`].

pub(crate) mod cms;
pub(crate) mod document;
mod format;
pub(crate) mod markdown;

pub use format::detect_format;

use crate::article::Format;
use crate::sanitize::{more_comment, Content, Mode, Sanitizer};
use crate::site_syntax::UnknownTag;
use crate::warning::{Warning, WarningCode};
use document::DocMeta;
use std::borrow::Cow;

/// The body, and what it holds besides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Body<'a> {
    /// The whole body (raw HTML borrowed from `body` where it is that as it stands).
    pub content: Content<'a>,
    /// Where the body is raw: the raw HTML before `<!-- more -->`, when the author
    /// marked one and it was asked for (written bodies note the mark themselves).
    pub before_more: Option<String>,
    /// What a whole HTML document says about itself.
    pub doc: DocMeta,
    /// What was odd in it: tags and shortcodes Folio does not know.
    pub warnings: Vec<Warning>,
}

/// Renders the body in the given format. `sanitizer` writes safe what it can
/// vouch for (and resolves its URLs); `html` says whether its HTML is wanted (not
/// for an index, which only needs its text); `want_excerpt` whether the part before
/// `<!-- more -->` is (it is not when the front matter gives a summary); `first_line`
/// is the body's first line in the file, to name lines in warnings.
pub(crate) fn render<'a>(
    body: &'a str,
    format: Format,
    sanitizer: &Sanitizer,
    html: bool,
    want_excerpt: bool,
    first_line: usize,
) -> Body<'a> {
    match format {
        Format::Markdown => {
            let expanded = crate::site_syntax::expand(body, markdown::code_ranges);
            let warnings = unknown_tag_warnings(body, first_line, &expanded.unknown);
            let md = markdown::dollar_lines(&expanded.text);
            let (content, before_more) = from_markdown(&md, sanitizer, html, want_excerpt);
            Body {
                content,
                before_more,
                doc: DocMeta::default(),
                warnings,
            }
        }
        // A build without the HTML tier reads no HTML body: it notes the tier as missing
        // (the render fails `not-ready`) and leaves the page's readers out of the module.
        Format::Html if !cfg!(feature = "html") => {
            crate::tier::missing(crate::tier::Tier::Html);
            Body {
                content: Content::Raw(Cow::Borrowed("")),
                before_more: None,
                doc: DocMeta::default(),
                warnings: Vec::new(),
            }
        }
        Format::Html if document::is_document(body) => {
            let (html, doc) = document::extract(body);
            Body {
                content: Content::Raw(Cow::Owned(promoted(html))),
                before_more: None,
                doc,
                warnings: Vec::new(),
            }
        }
        Format::Html => Body {
            content: Content::Raw(cms::promote_cms_bold(body)),
            before_more: want_excerpt
                .then(|| more_comment(body))
                .flatten()
                .map(|at| body[..at].to_string()),
            doc: DocMeta::default(),
            warnings: Vec::new(),
        },
    }
}

/// A page's article part with its CMS bold promoted: the same string when there is
/// none to promote (no copy of a big body).
fn promoted(html: String) -> String {
    match cms::promote_cms_bold(&html) {
        Cow::Owned(promoted) => Some(promoted),
        Cow::Borrowed(_) => None,
    }
    .unwrap_or(html)
}

/// One warning per tag or shortcode name Folio does not know, on the line of its
/// first use, with how often it is used.
fn unknown_tag_warnings(body: &str, first_line: usize, unknown: &[UnknownTag]) -> Vec<Warning> {
    let mut firsts: Vec<(&UnknownTag, usize)> = Vec::new();
    for u in unknown {
        match firsts
            .iter_mut()
            .find(|(f, _)| f.name == u.name && f.dialect == u.dialect)
        {
            Some((_, count)) => *count += 1,
            None => firsts.push((u, 1)),
        }
    }
    let mut line = first_line;
    let mut counted = 0;
    firsts
        .into_iter()
        .map(|(u, count)| {
            // `unknown` is in reading order, so lines are counted once, forwards.
            let at = u.at.clamp(counted, body.len());
            line += body.as_bytes()[counted..at]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            counted = at;
            let what = match u.dialect {
                "hugo" => "Hugo shortcode",
                "zola" => "Zola shortcode",
                _ => "Hexo or Jekyll tag",
            };
            let times = if count > 1 {
                format!(" (used {count} times)")
            } else {
                String::new()
            };
            Warning::new(
                WarningCode::SyntaxUnknown,
                format!("The {what} “{}”{times} is not one Folio knows: it was left out (anything inside it is still shown).", u.name),
            )
            .with("name", u.name.clone())
            .with("dialect", u.dialect)
            .with("count", count.to_string())
            .at(Some(line))
        })
        .collect()
}

/// Markdown written safe (or as text only) straight from its nodes when the
/// sanitizer can vouch for them; otherwise its unsafe HTML, for the sanitizer, and
/// the raw part before `<!-- more -->` if wanted. The nodes are streamed, never
/// collected (they would take more memory than the HTML of a big article), so
/// where the writer gives up, parsing starts over. So it does, without math, when
/// a math span turns out to be dollars around code (`$scope … `$apply``).
fn from_markdown(
    md: &str,
    sanitizer: &Sanitizer,
    html: bool,
    want_excerpt: bool,
) -> (Content<'static>, Option<String>) {
    // Prose's HTML runs to ~1.35× its Markdown and its text under 1×: the writer reserves
    // 1.5× and 1× once (pages not written to cost nothing), since in WebAssembly each
    // growth left the smaller buffer as a hole (the 10 MB post: 64 MiB of memory, not 39).
    let capacity = md.len() + md.len() / 2;
    let mode = if html { Mode::Safe } else { Mode::Text };
    let mut options = markdown::options();
    let openers = markdown::Openers::of(md);
    let raw = loop {
        let write = |mode| {
            let nodes = markdown::nodes_with(md, options, openers);
            sanitizer.write_markdown(nodes, mode, capacity)
        };
        let written = match write(mode) {
            Some(written) => Ok(written),
            None => Err(write(Mode::Unsafe).unwrap_or_default()),
        };
        let doubtful = match &written {
            Ok(w) | Err(w) => w.doubtful_math,
        };
        if doubtful && options.contains(pulldown_cmark::Options::ENABLE_MATH) {
            options.remove(pulldown_cmark::Options::ENABLE_MATH);
            continue;
        }
        match written {
            Ok(written) => return (Content::Written(written), None),
            Err(raw) => break raw,
        }
    };
    let before = want_excerpt
        .then_some(raw.more)
        .flatten()
        .map(|m| raw.html[..m.html].to_string());
    (Content::Raw(Cow::Owned(raw.html)), before)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markdown(md: &str, want_excerpt: bool) -> Body<'_> {
        render(
            md,
            Format::Markdown,
            &Sanitizer::new(None),
            true,
            want_excerpt,
            1,
        )
    }

    #[test]
    fn a_big_bodys_outputs_are_reserved_once_and_never_grow() {
        // In WebAssembly each growth left the smaller buffer behind as a hole the next
        // could not use: the 10 MB post's memory was 64 MiB where 39 serve.
        let block = "## Section: 跨境电商 综试区\n\nSome *emphasis*, plain words that run on for a \
            while as prose does, a [link](https://example.com/42/word.html) and 中文文本，标点。\n\n\
            More text in a second paragraph, with `code()` and **strong** words, and then more \
            words again, 跨境电商综合试验区已达132个，覆盖全国。\n\n- an item\n- another *item*\n\n";
        let md = block.repeat(1_500_000 / block.len());
        let Content::Written(w) = markdown(&md, false).content else {
            panic!("written safe");
        };
        let reserved = md.len() + md.len() / 2;
        assert!(
            w.html.len() > md.len() * 5 / 4,
            "{} of {}",
            w.html.len(),
            md.len()
        );
        assert_eq!(w.html.capacity(), reserved, "the HTML grew");
        assert_eq!(w.text.capacity(), reserved * 2 / 3, "the text grew");
    }

    #[test]
    fn the_more_mark_is_noted_or_the_part_before_it_kept() {
        let text = "Intro text.\n\n<!-- more -->\n\nRest.";
        let Content::Written(w) = markdown(text, true).content else {
            panic!("a comment alone is written safe");
        };
        let at = w.more.expect("the mark is noted");
        assert_eq!(&w.html[..at.html], "<p>Intro text.</p>\n");
        assert_eq!(&w.text[..at.text], "Intro text.\n\n");
        assert!(w.html.contains("Rest."));
        let raw = markdown("Intro <b>x</b>.\n\n<!-- more -->\n\nRest.", true);
        assert_eq!(raw.before_more.as_deref(), Some("<p>Intro <b>x</b>.</p>\n"));
        assert_eq!(
            markdown("Intro <b>x</b>.\n\n<!-- more -->", false).before_more,
            None
        );
        let html = render(text, Format::Html, &Sanitizer::new(None), true, true, 1);
        assert_eq!(html.before_more.as_deref(), Some("Intro text.\n\n"));
    }

    #[test]
    fn markdown_with_raw_html_comes_out_raw() {
        let body = markdown("[x](javascript:alert(1)) ![a](//i.cn/p.png)", false);
        assert_eq!(body.content.into_html(), crate::sanitize::Html::Clean(r#"<p><a rel="noopener noreferrer nofollow">x</a> <img src="https://i.cn/p.png" alt="a" referrerpolicy="no-referrer" loading="lazy" decoding="async"></p>
"#.into()));
        assert!(matches!(
            markdown("<b>raw</b>", false).content,
            Content::Raw(_)
        ));
    }

    #[test]
    fn an_html_body_is_not_copied_to_be_sanitized() {
        let body = "<p>Text <b>bold</b></p>";
        let raw = render(body, Format::Html, &Sanitizer::new(None), true, false, 1).content;
        assert!(matches!(raw, Content::Raw(Cow::Borrowed(r)) if std::ptr::eq(r, body)));
        // CMS bold to promote makes a new text; so does a whole page's article part,
        // though not twice.
        let cms = r#"<p><font cms-style="font-L strong-Bold">B</font></p>"#;
        let raw = render(cms, Format::Html, &Sanitizer::new(None), true, false, 1).content;
        assert!(matches!(raw, Content::Raw(Cow::Owned(r)) if r.contains("<strong>")));
        assert_eq!(promoted("<p>x</p>".into()), "<p>x</p>");
        assert_eq!(
            promoted(cms.into()),
            cms::promote_cms_bold(cms).into_owned()
        );
    }

    #[test]
    fn unknown_tags_are_one_warning_per_name_on_the_line_of_the_first_use() {
        let md = "Intro.\n\n{% tabs a %}\nx\n{% endtabs %}\n\n{{< gallery >}}\n{% tabs b %}y{% endtabs %}\n";
        let body = render(md, Format::Markdown, &Sanitizer::new(None), true, false, 10);
        let got: Vec<(Option<usize>, &str, &str, &str)> = body
            .warnings
            .iter()
            .map(|w| {
                (
                    w.line,
                    w.params["dialect"].as_str(),
                    w.params["name"].as_str(),
                    w.params["count"].as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some(12), "liquid", "tabs", "2"),
                (Some(16), "hugo", "gallery", "1")
            ]
        );
        assert!(body.warnings[0]
            .message
            .contains("tag “tabs” (used 2 times)"));
        assert!(body.warnings[1]
            .message
            .contains("shortcode “gallery” is not"));
        // An HTML body has no site syntax.
        let html = render(md, Format::Html, &Sanitizer::new(None), true, false, 1);
        assert!(html.warnings.is_empty());
    }

    #[test]
    fn without_html_only_the_text_is_written() {
        let body = render(
            "# A\n\n*b* [c](d.md)",
            Format::Markdown,
            &Sanitizer::new(None),
            false,
            true,
            1,
        );
        let Content::Written(w) = body.content else {
            panic!("written");
        };
        assert_eq!((w.html.as_str(), w.text.as_str()), ("", "A\n\nb c\n\n"));
        assert_eq!(w.links.len(), 1);
    }
}
