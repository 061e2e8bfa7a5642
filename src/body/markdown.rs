//! Markdown read with pulldown-cmark (CommonMark + GFM, math, wiki links,
//! definition lists): its events (with Chinese and Japanese line breaks joined),
//! Folio's extensions as passes over them ([`inline`]: highlights and autolinks;
//! [`callouts`]; [`footnotes`]), and where its code lies.
//!
//! The sanitizer's writer turns the nodes into HTML: safe where it can vouch for
//! them, otherwise **unsafe** HTML in which raw HTML passes through verbatim, which
//! only [`crate::sanitize`] makes safe.

mod callouts;
mod footnotes;
mod inline;
mod parts;

use crate::sanitize::Node;
use crate::text::{is_cjk, which_occur};
use pulldown_cmark::{Event, Options, Tag, TagEnd};
use std::borrow::Cow;

/// The extensions Folio turns on: GFM tables, task lists, strikethrough, footnotes,
/// alerts (`> [!NOTE]`), `{#id .class}` heading attributes, math (`$…$`, `$$…$$`,
/// kept as written for the reader to typeset), Obsidian wiki links and definition
/// lists. With `ENABLE_GFM`, Folio's own passes run too (callouts, `==highlight==`,
/// autolinks); with `ENABLE_FOOTNOTES`, footnotes are collected at the end.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_MATH
        | Options::ENABLE_WIKILINKS
        | Options::ENABLE_DEFINITION_LIST
}

/// The unsafe HTML of Markdown, with Folio's extensions.
#[cfg(any(test, feature = "test-hooks"))]
pub(crate) fn unsafe_html(markdown: &str) -> String {
    unsafe_html_with(markdown, options())
}

/// The same with exactly the given pulldown-cmark options (the spec tests use none).
#[cfg(any(test, feature = "test-hooks"))]
pub(crate) fn unsafe_html_with(markdown: &str, options: Options) -> String {
    crate::sanitize::Sanitizer::new(None)
        .write_markdown(
            nodes(markdown, options),
            crate::sanitize::Mode::Unsafe,
            markdown.len() + markdown.len() / 4,
        )
        .map(|w| w.html)
        .unwrap_or_default()
}

/// [`nodes_with`], the openers found here.
#[cfg(any(test, feature = "test-hooks"))]
pub(crate) fn nodes(markdown: &str, options: Options) -> impl Iterator<Item = Node<'_>> {
    nodes_with(markdown, options, Openers::of(markdown))
}

/// What Folio's passes look for in a text before they run (see [`nodes_with`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Openers(u32);

impl Openers {
    /// The openers in `markdown`, found in one call.
    pub(crate) fn of(markdown: &str) -> Openers {
        Openers(which_occur(markdown, &["==", "://", "www.", "[!", "[^"]))
    }
}

/// The parsed Markdown as the writer takes it, as a stream: pulldown-cmark's events
/// with Chinese and Japanese line breaks joined, then Folio's passes (each runs only
/// where the text holds what it looks for, `openers`, found once for a body read twice).
pub(crate) fn nodes_with(
    markdown: &str,
    options: Options,
    openers: Openers,
) -> impl Iterator<Item = Node<'_>> {
    let has = openers.0;
    let folio = options.contains(Options::ENABLE_GFM);
    let events = parts::events(markdown, options).map(|(event, range)| match event {
        // Pandoc's rule, which pulldown-cmark lacks: a `$` followed by a digit
        // closes no math (`$1,$2` are awk's fields, `$5,$10` prices).
        Event::InlineMath(_) if markdown[range.end..].starts_with(|c: char| c.is_ascii_digit()) => {
            Event::Text(markdown[range].into())
        }
        other => other,
    });
    let events = JoinCjkLines::new(events).map(Node::Md);
    let marks = inline::Highlights::new(events, folio && has & 1 != 0);
    let links = inline::Autolinks::new(marks, folio && has & 0b110 != 0);
    let callouts = callouts::Callouts::new(links, folio && has & 0b1000 != 0);
    footnotes::Footnotes::new(
        callouts,
        options.contains(Options::ENABLE_FOOTNOTES) && has & 0b10000 != 0,
    )
}

/// pulldown-cmark's events of `markdown` (as their debug text, with byte ranges),
/// read whole or in parts of at least `part` bytes however small the text, and how
/// many parts were read: to prove that parts give what the whole does.
#[cfg(any(test, feature = "test-hooks"))]
pub(crate) fn events_in_parts(markdown: &str, part: Option<usize>) -> (usize, Vec<String>) {
    let mut events = parts::events_in_parts(markdown, options(), part);
    let listed = events.by_ref().map(|e| format!("{e:?}")).collect();
    (events.parts(), listed)
}

/// Hexo posts write display math as a `$` alone on a line, the TeX, and a `$`
/// alone on a line (MathJax reads it so). Math cannot open before a line break in
/// pulldown-cmark, so its `\\` would become a line break: such a pair, in one
/// paragraph and outside code, is written `$$` instead, which reads as display math.
pub(crate) fn dollar_lines(md: &str) -> Cow<'_, str> {
    let lone = |line: &str| line.trim() == "$";
    if !md.contains('$') || md.split('\n').filter(|l| lone(l)).nth(1).is_none() {
        return Cow::Borrowed(md);
    }
    let code = code_ranges(md);
    let in_code = |at: usize| code.iter().any(|&(s, e)| (s..e).contains(&at));
    let mut pairs = Vec::new();
    let mut open: Option<usize> = None;
    let mut at = 0;
    for line in md.split('\n') {
        if line.trim().is_empty() {
            open = None;
        } else if lone(line) && !in_code(at) {
            match open.take() {
                Some(start) => pairs.extend([start, at]),
                None => open = Some(at),
            }
        }
        at += line.len() + 1;
    }
    if pairs.is_empty() {
        return Cow::Borrowed(md);
    }
    let mut out = String::with_capacity(md.len() + pairs.len());
    let mut pos = 0;
    for line_start in pairs {
        let dollar = line_start + md[line_start..].find('$').unwrap_or(0);
        out.push_str(&md[pos..dollar]);
        out.push('$');
        pos = dollar;
    }
    out.push_str(&md[pos..]);
    Cow::Owned(out)
}

/// A line break inside a paragraph of Chinese or Japanese text is not a word
/// break: browsers would show it as a space between two characters, so it is dropped
/// (becomes an empty text event). The break after an Obsidian callout's `[!type] 标题`
/// line stays: it ends the callout's title (callouts.rs).
struct JoinCjkLines<'a, I: Iterator<Item = Event<'a>>> {
    inner: std::iter::Peekable<I>,
    /// The last event given out was text ending in a CJK character.
    after_cjk: bool,
    /// The last event given out opened a blockquote.
    after_quote: bool,
    /// The text so far of a blockquote's first line, while it is being read.
    quote_line: Option<String>,
}

impl<'a, I: Iterator<Item = Event<'a>>> JoinCjkLines<'a, I> {
    fn new(inner: I) -> Self {
        Self {
            inner: inner.peekable(),
            after_cjk: false,
            after_quote: false,
            quote_line: None,
        }
    }

    /// Follows a blockquote's first line; true at a soft break that ends a callout's
    /// `[!type]` line.
    fn ends_callout_line(&mut self, event: &Event<'a>) -> bool {
        let after_quote = std::mem::replace(
            &mut self.after_quote,
            matches!(event, Event::Start(Tag::BlockQuote(_))),
        );
        match event {
            Event::Start(Tag::Paragraph) if after_quote => self.quote_line = Some(String::new()),
            Event::Text(t) => {
                if let Some(line) = &mut self.quote_line {
                    line.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => {
                let line = self.quote_line.take();
                return matches!(event, Event::SoftBreak)
                    && line.is_some_and(|l| l.trim_start().starts_with("[!"));
            }
            _ => {}
        }
        false
    }
}

impl<'a, I: Iterator<Item = Event<'a>>> Iterator for JoinCjkLines<'a, I> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        let event = self.inner.next()?;
        let callout_line = self.ends_callout_line(&event);
        let event = match event {
            Event::SoftBreak
                if self.after_cjk
                    && !callout_line
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

/// Byte ranges of code blocks, code spans and math, sorted and disjoint: where
/// site syntax is left alone.
pub(crate) fn code_ranges(src: &str) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for (event, range) in parts::events(src, options()) {
        if matches!(
            event,
            Event::Start(Tag::CodeBlock(_))
                | Event::Code(_)
                | Event::InlineMath(_)
                | Event::DisplayMath(_)
        ) {
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
        // In a blockquote too, but for a callout's `[!type] 标题` line, whose break ends its title.
        assert_eq!(
            unsafe_html("> 引文第一行\n> 第二行"),
            "<blockquote>\n<p>引文第一行第二行</p>\n</blockquote>\n"
        );
        assert!(
            unsafe_html("> [!tip] *注意* 提示\n> 带上现金。").contains("<p>带上现金。</p>"),
            "a title with emphasis ends at its line too"
        );
        assert_eq!(
            unsafe_html("> [!note] 提示\n> 带上现金。"),
            concat!(
                r#"<div class="callout markdown-alert markdown-alert-note" data-callout="note">"#,
                "\n",
                r#"<div class="callout-title"><div class="callout-title-inner">提示</div></div>"#,
                "\n",
                r#"<div class="callout-content">"#,
                "\n<p>带上现金。</p>\n</div>\n</div>\n"
            )
        );
    }

    #[test]
    fn gfm_extensions_are_on() {
        let html =
            unsafe_html("- [x] done\n- [ ] todo\n\nText[^1]\n\n[^1]: Note\n\n> [!NOTE]\n> Alert");
        assert!(html.contains(r#"type="checkbox""#), "{html}");
        assert!(html.contains(r#"<section class="footnotes">"#), "{html}");
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
    fn dollars_before_a_digit_close_no_math() {
        assert_eq!(
            unsafe_html("**$1,$2** and $x$"),
            "<p><strong>$1,$2</strong> and <span class=\"math math-inline\">x</span></p>\n"
        );
    }

    #[test]
    fn display_math_between_lone_dollars_is_read_as_math() {
        let md = "Then:\n$\na \\\\\nb\n$\n\n    $\n    code\n    $\n";
        assert_eq!(
            dollar_lines(md),
            "Then:\n$$\na \\\\\nb\n$$\n\n    $\n    code\n    $\n"
        );
        let html = unsafe_html(&dollar_lines(md));
        assert!(
            html.contains(r#"<span class="math math-display">"#),
            "{html}"
        );
        assert!(!html.contains("<br"), "{html}");
        // Not across a blank line, and a single one stays.
        assert!(matches!(dollar_lines("$\n\nx\n$"), Cow::Borrowed(_)));
        assert!(matches!(dollar_lines("a\n$\nb"), Cow::Borrowed(_)));
    }

    #[test]
    fn raw_html_passes_through_until_sanitized() {
        assert!(unsafe_html("<script>x</script>").contains("<script>"));
    }
}
