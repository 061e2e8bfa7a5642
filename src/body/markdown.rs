//! Markdown read with pulldown-cmark (CommonMark + GFM): its events (with Chinese
//! and Japanese line breaks joined), where its code lies, and pulldown-cmark's own
//! HTML for them.
//!
//! That HTML is **unsafe**: raw HTML in the Markdown passes through verbatim. Only
//! [`crate::sanitize`] makes it safe (its safe writer takes the events instead,
//! when it can).

use crate::text::is_cjk;
use pulldown_cmark::{html, Event, Options, Parser, Tag};

/// The extensions Folio turns on: GFM tables, task lists, strikethrough,
/// footnotes, alerts (`> [!NOTE]`) and `{#id .class}` heading attributes.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// pulldown-cmark's (unsafe) HTML for Markdown, with Folio's extensions.
pub(crate) fn unsafe_html(markdown: &str) -> String {
    unsafe_html_with(markdown, options())
}

/// The same with exactly the given pulldown-cmark options (the spec tests use none).
pub(crate) fn unsafe_html_with(markdown: &str, options: Options) -> String {
    write(
        events(markdown, options),
        options,
        markdown.len() + markdown.len() / 4,
    )
}

/// The parsed Markdown, with Chinese and Japanese line breaks joined, as a stream.
pub(crate) fn events(markdown: &str, options: Options) -> impl Iterator<Item = Event<'_>> {
    JoinCjkLines {
        inner: Parser::new_ext(markdown, options).peekable(),
        after_cjk: false,
    }
}

/// pulldown-cmark's HTML for the events (table alignment as `align`): unsafe.
fn write<'a>(events: impl Iterator<Item = Event<'a>>, options: Options, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    html::push_html(&mut out, events);
    if options.contains(Options::ENABLE_TABLES) && out.contains(" style=\"text-align: ") {
        out = align_attributes(&out);
    }
    out
}

/// Table column alignment as the `align` attribute rather than an inline style,
/// which the viewer's Content-Security-Policy (no inline styles) would block.
fn align_attributes(html: &str) -> String {
    ["left", "center", "right"]
        .iter()
        .fold(html.to_string(), |acc, side| {
            acc.replace(
                &format!(" style=\"text-align: {side}\""),
                &format!(" align=\"{side}\""),
            )
        })
}

/// A line break inside a paragraph of Chinese or Japanese text is not a word
/// break: browsers would show it as a space between two characters, so it is dropped
/// (becomes an empty text event).
struct JoinCjkLines<'a, I: Iterator<Item = Event<'a>>> {
    inner: std::iter::Peekable<I>,
    /// The last event given out was text ending in a CJK character.
    after_cjk: bool,
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for JoinCjkLines<'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        let event = match self.inner.next()? {
            Event::SoftBreak
                if self.after_cjk
                    && matches!(self.inner.peek(),
                        Some(Event::Text(t)) if t.chars().next().is_some_and(is_cjk)) =>
            {
                Event::Text("".into())
            }
            other => other,
        };
        self.after_cjk =
            matches!(&event, Event::Text(t) if t.chars().next_back().is_some_and(is_cjk));
        Some(event)
    }
}

/// Byte ranges of code blocks and code spans, sorted and disjoint: where site
/// syntax is left alone.
pub(crate) fn code_ranges(src: &str) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for (event, range) in Parser::new_ext(src, options()).into_offset_iter() {
        if matches!(event, Event::Start(Tag::CodeBlock(_)) | Event::Code(_)) {
            if ranges.last().is_some_and(|&(_, e)| range.start < e) {
                continue;
            }
            ranges.push((range.start, range.end));
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_line_breaks_join_without_space() {
        assert_eq!(
            unsafe_html("中文第一行\n第二行"),
            "<p>中文第一行第二行</p>\n"
        );
        assert_eq!(
            unsafe_html("English line\nnext"),
            "<p>English line\nnext</p>\n"
        );
        assert_eq!(unsafe_html("中文\nEnglish"), "<p>中文\nEnglish</p>\n");
    }

    #[test]
    fn gfm_extensions_are_on() {
        let html =
            unsafe_html("- [x] done\n- [ ] todo\n\nText[^1]\n\n[^1]: Note\n\n> [!NOTE]\n> Alert");
        assert!(html.contains(r#"type="checkbox""#), "{html}");
        assert!(html.contains("footnote-definition"), "{html}");
        assert!(html.contains("markdown-alert-note"), "{html}");
    }

    #[test]
    fn table_alignment_is_an_attribute_not_a_style() {
        let html = unsafe_html("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |");
        assert!(
            html.contains(
                r#"<th align="left">a</th><th align="center">b</th><th align="right">c</th>"#
            ),
            "{html}"
        );
        assert!(!html.contains("style="), "{html}");
    }

    #[test]
    fn extensions_render() {
        let html = unsafe_html("| a |\n|---|\n| ~~b~~ |");
        assert!(html.contains("<table>") && html.contains("<del>b</del>"));
        assert!(!unsafe_html_with("~~b~~", Options::empty()).contains("<del>"));
    }

    #[test]
    fn code_is_found_as_blocks_and_spans() {
        let md = "a `x` b\n\n```\ncode\n```\n\n    indented\n";
        let ranges = code_ranges(md);
        let found: Vec<&str> = ranges.iter().map(|&(s, e)| &md[s..e]).collect();
        assert_eq!(found, ["`x`", "```\ncode\n```", "indented\n"]);
    }

    #[test]
    fn raw_html_passes_through_until_sanitized() {
        assert!(unsafe_html("<script>x</script>").contains("<script>"));
    }
}
