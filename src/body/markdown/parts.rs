//! A big Markdown body read a part at a time. pulldown-cmark keeps a tree of the
//! whole text while its events are read (48 bytes a node: about six times a 10 MB
//! body), so a body over [`PARTS_ABOVE`] is cut before headings that nothing can run
//! on past, and each part is parsed alone: the same events, a part's tree at a time.
//!
//! A cut is safe before an ATX heading at the start of a line after a blank line:
//! the blank line and an unindented heading end every block but a fenced code block
//! and an HTML block of kinds 1–5 (`<!--`, `<pre>`, `<script>`…), and a part whose
//! last block is one of those still open at its end is read again, longer. What
//! pulldown-cmark resolves across the whole text stays in one part: a footnote's
//! references and definition are never cut apart, and a text that may define a link
//! reference (`[label]: url`) is read whole.

use pulldown_cmark::{Event, OffsetIter, Options, Parser, TagEnd};
use std::collections::HashMap;
use std::ops::Range;

/// Bodies above this many bytes are read in parts.
pub(crate) const PARTS_ABOVE: usize = 1 << 20;
/// The least size of a part: it ends at the first safe cut after this many bytes.
pub(crate) const PART: usize = 64 << 10;

/// An event with its byte range in the whole text.
pub(crate) type Ranged<'a> = (Event<'a>, Range<usize>);

/// pulldown-cmark's events of `markdown` with their byte ranges, read whole or, for
/// a body over [`PARTS_ABOVE`], in parts of at least [`PART`] bytes.
pub(crate) fn events(markdown: &str, options: Options) -> Events<'_> {
    let part = (markdown.len() > PARTS_ABOVE).then_some(PART);
    events_in_parts(markdown, options, part)
}

/// The same, in parts of at least `part` bytes where it is given and cuts allow.
pub(crate) fn events_in_parts(markdown: &str, options: Options, part: Option<usize>) -> Events<'_> {
    let parts = part.and_then(|part| {
        Some(Parts::new(
            markdown,
            options,
            part,
            footnote_spans(markdown)?,
        ))
    });
    Events(match parts {
        Some(parts) => Inner::Parts(parts),
        None => Inner::Whole(Box::new(
            Parser::new_ext(markdown, options).into_offset_iter(),
        )),
    })
}

/// The events, from one parser or from one part's parser after another.
pub(crate) struct Events<'a>(Inner<'a>);

enum Inner<'a> {
    /// Boxed: a parser is five times the size of the parts' state.
    Whole(Box<OffsetIter<'a>>),
    Parts(Parts<'a>),
}

impl Events<'_> {
    /// How many parts have been read so far (a text read whole is one).
    #[cfg(any(test, feature = "test-hooks"))]
    pub(crate) fn parts(&self) -> usize {
        match &self.0 {
            Inner::Whole(_) => 1,
            Inner::Parts(parts) => parts.count,
        }
    }
}

impl<'a> Iterator for Events<'a> {
    type Item = Ranged<'a>;

    fn next(&mut self) -> Option<Ranged<'a>> {
        match &mut self.0 {
            Inner::Whole(events) => events.next(),
            Inner::Parts(parts) => parts.next(),
        }
    }
}

struct Parts<'a> {
    markdown: &'a str,
    options: Options,
    part: usize,
    /// Where the next part starts.
    from: usize,
    /// Spans no cut may fall inside (each footnote's references and definition),
    /// disjoint and in order.
    bound: Vec<Range<usize>>,
    /// The current part's events not yet given out.
    read: std::vec::IntoIter<Ranged<'a>>,
    /// How many parts have been read.
    count: usize,
}

impl<'a> Iterator for Parts<'a> {
    type Item = Ranged<'a>;

    fn next(&mut self) -> Option<Ranged<'a>> {
        loop {
            if let Some(event) = self.read.next() {
                return Some(event);
            }
            if self.from >= self.markdown.len() {
                return None;
            }
            self.read = self.next_part().into_iter();
        }
    }
}

impl<'a> Parts<'a> {
    /// Parts of at least `part` bytes, no cut inside the `bound` spans.
    fn new(markdown: &'a str, options: Options, part: usize, bound: Vec<Range<usize>>) -> Self {
        Parts {
            markdown,
            options,
            part: part.max(1),
            from: 0,
            bound,
            read: Vec::new().into_iter(),
            count: 0,
        }
    }

    /// The next part's events. A part read again is at least twice as long as the
    /// one before, so an open block that runs far costs at most twice its reading.
    fn next_part(&mut self) -> Vec<Ranged<'a>> {
        let (len, from) = (self.markdown.len(), self.from);
        let mut at = from.saturating_add(self.part);
        loop {
            let end = self.cut_after(at).unwrap_or(len);
            let events: Vec<Ranged<'a>> = Parser::new_ext(&self.markdown[from..end], self.options)
                .into_offset_iter()
                .map(|(event, range)| (event, range.start + from..range.end + from))
                .collect();
            if end == len || !runs_on(&events, end) {
                self.from = end;
                self.count += 1;
                return events;
            }
            at = (end + 1).max(from.saturating_add((end - from).saturating_mul(2)));
        }
    }

    /// The first safe cut at or after `at`: the start of an ATX heading's line after a
    /// blank line, outside every footnote's span.
    fn cut_after(&self, at: usize) -> Option<usize> {
        let text = self.markdown;
        let mut at = at;
        if at >= text.len() {
            return None;
        }
        while !text.is_char_boundary(at) {
            at += 1;
        }
        while let Some(found) = text.get(at..)?.find("\n#") {
            let cut = at + found + 1;
            if heading_at(text, cut) && blank_before(text, cut) && !inside(&self.bound, cut) {
                return Some(cut);
            }
            at = cut;
        }
        None
    }
}

/// Whether a part's last top-level block is a code or HTML block that took in the
/// blank line at its end: one still open, which would run on into the next part.
fn runs_on(events: &[Ranged<'_>], end: usize) -> bool {
    let mut depth = 0usize;
    let mut last_open = false;
    for (event, range) in events {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    last_open =
                        matches!(tag, TagEnd::CodeBlock | TagEnd::HtmlBlock) && range.end >= end;
                }
            }
            _ if depth == 0 => last_open = false,
            _ => {}
        }
    }
    last_open
}

/// An ATX heading's opening (one to six `#`, then a space, a tab or the line's end) at `at`.
fn heading_at(text: &str, at: usize) -> bool {
    let rest = &text.as_bytes()[at..];
    let hashes = rest.iter().take_while(|&&b| b == b'#').count();
    (1..=6).contains(&hashes)
        && rest
            .get(hashes)
            .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

/// Whether the line before the one starting at `at` is blank.
fn blank_before(text: &str, at: usize) -> bool {
    let Some(before) = at.checked_sub(1).map(|end| &text[..end]) else {
        return false;
    };
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    line.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\r'))
}

/// The spans no cut may fall inside, disjoint and in order: each footnote label's,
/// from its first `[^label]` to the end of its last, overlapping ones joined. `None`
/// where the text may define a link reference (a `]:` that ends no footnote's label)
/// or a footnote label runs past its line: such a text is read whole. Labels are
/// compared in lower case and without white space, so labels pulldown-cmark takes
/// for one are never told apart.
fn footnote_spans(text: &str) -> Option<Vec<Range<usize>>> {
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut by_label: HashMap<String, usize> = HashMap::new();
    let mut label_ends = Vec::new();
    let mut at = 0;
    while let Some(found) = text[at..].find("[^") {
        let start = at + found;
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let close = start + text[start..line_end].find(']')?;
        let label: String = text[start + 2..close]
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        let end = close + 1;
        label_ends.push(close);
        match by_label.get(&label) {
            Some(&i) => spans[i].end = end,
            None => {
                by_label.insert(label, spans.len());
                spans.push(start..end);
            }
        }
        at = end;
    }
    let mut at = 0;
    while let Some(found) = text[at..].find("]:") {
        let close = at + found;
        if label_ends.binary_search(&close).is_err() {
            return None;
        }
        at = close + 2;
    }
    // In order of their starts already (a label's span starts at its first use).
    let mut joined: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for span in spans {
        match joined.last_mut() {
            Some(last) if span.start < last.end => last.end = last.end.max(span.end),
            _ => joined.push(span),
        }
    }
    Some(joined)
}

/// Whether `at` falls strictly inside one of the disjoint, ordered `spans`.
fn inside(spans: &[Range<usize>], at: usize) -> bool {
    let before = spans.partition_point(|s| s.start < at);
    before > 0 && at < spans[before - 1].end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(md: &str) -> Vec<Ranged<'_>> {
        Parser::new_ext(md, super::super::options())
            .into_offset_iter()
            .collect()
    }

    fn in_parts(md: &str, part: usize) -> Vec<Ranged<'_>> {
        events_in_parts(md, super::super::options(), Some(part)).collect()
    }

    /// How many parser runs a text took in parts (its parts, and any read again).
    fn cuts(md: &str) -> usize {
        let parts =
            footnote_spans(md).map(|bound| Parts::new(md, super::super::options(), 1, bound));
        let Some(mut parts) = parts else { return 0 };
        let mut n = 0;
        while parts.from < md.len() {
            parts.next_part();
            n += 1;
        }
        n
    }

    const TRICKY: &[&str] = &[
        "# A\n\npara\n\n## B\n\ntext\n\n### C\n",
        "intro\n\n```\nopen fence\n\n# not a heading\n\nstill code\n```\n\n# After\n\nend",
        "a\n\n<!--\ncomment\n\n# in the comment\n\n-->\n\n# Out\n\nb",
        "a\n\n<pre>\nx\n\n# in pre\n\n</pre>\n\n# Out\n",
        "<script>\nlet a;\n\n# x\n</script>\n\n# y\n",
        "<div>\ndiv\n\n# after div\n",
        "- item\n\n  more\n\n# H\n\n- b\n\n- c\n\n# H2\n",
        "> quote\n>\n> more\n\n# H\n\n> again\n",
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n# H\n\n| c |\n|---|\n| 3 |\n",
        "Term\n: def\n\n# H\n\nTerm2\n: def2\n",
        "    indented\n\n# H\n\n    code\n",
        "x[^1] y\n\n[^1]: note one\n\n# H\n\nz[^2]\n\n# H2\n\n[^2]: later\n\n# H3\n\n[^Note]: first\n\n# H4\n\nw[^note]\n",
        "Setext\n======\n\n# H\n\nSub\n---\n",
        "$x$ and $$\ny\n$$\n\n# H\n\n$1,$2\n",
        "#hashtag\n\n#no heading\n\n####### seven\n\n#\n\n# ok\n",
        "中文段落\n第二行\n\n# 标题\n\n中文\n续\n",
        "text\r\n\r\n# crlf\r\n\r\nmore\r\n",
        "```\nnever closed\n\n# a\n\n# b\n\n# c\n",
    ];

    #[test]
    fn parts_give_the_events_of_the_whole() {
        for md in TRICKY {
            for part in [1, 3, 10, 40] {
                assert_eq!(in_parts(md, part), whole(md), "{md:?} in parts of {part}");
            }
        }
    }

    #[test]
    fn cuts_fall_before_headings_and_nowhere_else() {
        assert_eq!(cuts("# A\n\npara\n\n## B\n\ntext\n\n### C\n"), 3);
        // An open fence is read again until it closes; the text's end closes it.
        assert_eq!(cuts("```\nopen\n\n# a\n\n# b\n```\n\n# c\n"), 2);
        assert_eq!(cuts("a\n## no blank line before\n\n#x\n"), 1);
        // A footnote's reference and definition are never cut apart.
        assert_eq!(cuts("a[^1]\n\n# H\n\n[^1]: n\n\n# H2\n"), 2);
        // A text that may define a link reference is read whole.
        assert_eq!(cuts("[a]: /u\n\n# H\n\n[a]\n"), 0);
        assert_eq!(cuts("a[^1\n\n# H\n]\n"), 0);
    }

    #[test]
    fn footnote_spans_are_joined_where_they_overlap() {
        let md = "a[^1] b[^2]\n\n[^1]: x\n\nc[^3]\n\n[^2]: y\n\n[^3]: z\n\nd[^4] [^4]: w";
        let spans = footnote_spans(md).unwrap();
        let end2 = md.find("[^2]:").unwrap() + 4;
        let (start4, end4) = (md.find("[^4]").unwrap(), md.rfind("[^4]").unwrap() + 4);
        assert_eq!(spans, [1..md.find("[^3]:").unwrap() + 4, start4..end4]);
        assert!(end2 < spans[0].end);
        assert!(inside(&spans, 2) && !inside(&spans, 1) && !inside(&spans, spans[0].end));
        assert!(inside(&spans, start4 + 1) && !inside(&spans, md.len()));
    }

    #[test]
    fn a_part_starts_at_a_cut_after_its_least_size() {
        let md = "# A\n\naaaa\n\n# B\n\nbbbb\n\n# C\n";
        let mut parts = Parts::new(md, super::super::options(), 8, Vec::new());
        let first = parts.next_part();
        assert_eq!(parts.from, md.find("# B").unwrap());
        assert!(first.iter().all(|(_, r)| r.end <= parts.from));
        parts.next_part();
        assert_eq!(parts.from, md.find("# C").unwrap());
    }

    #[test]
    fn only_big_bodies_are_read_in_parts() {
        let small = "# A\n\nx\n\n# B\n";
        assert!(matches!(events(small, Options::empty()).0, Inner::Whole(_)));
        let big = small.repeat(PARTS_ABOVE / small.len() + 1);
        assert!(matches!(events(&big, Options::empty()).0, Inner::Parts(_)));
        assert_eq!(
            events(&big, Options::empty()).collect::<Vec<_>>(),
            Parser::new_ext(&big, Options::empty())
                .into_offset_iter()
                .collect::<Vec<_>>()
        );
    }
}
