//! Two inline extensions pulldown-cmark does not have, as passes over its events:
//! Obsidian's `==highlight==` (a `<mark>`) and GFM's extended autolinks (`https://…`
//! and `www.…` in text become links; never inside code, a link or an image).

use crate::sanitize::{Element, Layout, Node};
use crate::text::is_cjk;
use memchr::memmem::Finder;
use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};
use std::collections::VecDeque;
use std::sync::LazyLock;

/// Whether a node belongs to running text (a run of them lies within one block).
fn is_inline(node: &Node<'_>) -> bool {
    match node {
        Node::Md(event) => match event {
            Event::Text(_)
            | Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::InlineHtml(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::FootnoteReference(_) => true,
            Event::Start(tag) => is_inline_tag(tag),
            Event::End(end) => matches!(
                end,
                TagEnd::Emphasis
                    | TagEnd::Strong
                    | TagEnd::Strikethrough
                    | TagEnd::Superscript
                    | TagEnd::Subscript
                    | TagEnd::Link
                    | TagEnd::Image
            ),
            _ => false,
        },
        Node::Open(el) => el.layout == Layout::Inline,
        Node::Close(_, layout) => *layout == Layout::Inline,
    }
}

fn is_inline_tag(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

/// `==text==` as `<mark>`: the events of each run of running text are read whole,
/// and a `==` opens where it is followed by a non-space and closes where it follows
/// one, pairing within the same element (as emphasis pairs).
pub(crate) struct Highlights<'a, I: Iterator<Item = Node<'a>>> {
    inner: I,
    enabled: bool,
    out: VecDeque<Node<'a>>,
    /// In a code block, whose text is code.
    in_code: bool,
}

impl<'a, I: Iterator<Item = Node<'a>>> Highlights<'a, I> {
    pub(crate) fn new(inner: I, enabled: bool) -> Self {
        Highlights {
            inner,
            enabled,
            out: VecDeque::new(),
            in_code: false,
        }
    }
}

impl<'a, I: Iterator<Item = Node<'a>>> Iterator for Highlights<'a, I> {
    type Item = Node<'a>;

    fn next(&mut self) -> Option<Node<'a>> {
        if let Some(node) = self.out.pop_front() {
            return Some(node);
        }
        let node = self.inner.next()?;
        match &node {
            Node::Md(Event::Start(Tag::CodeBlock(_))) => self.in_code = true,
            Node::Md(Event::End(TagEnd::CodeBlock)) => self.in_code = false,
            _ => {}
        }
        if !self.enabled || self.in_code || !is_inline(&node) {
            return Some(node);
        }
        let mut run = vec![node];
        let after = loop {
            match self.inner.next() {
                Some(n) if is_inline(&n) => run.push(n),
                other => break other,
            }
        };
        let has_marks = run
            .iter()
            .any(|n| matches!(n, Node::Md(Event::Text(t)) if t.contains("==")));
        if has_marks {
            self.out.extend(highlight(run));
        } else {
            self.out.extend(run);
        }
        self.out.extend(after);
        self.out.pop_front()
    }
}

/// One `==` in a text event: where, in which element, and what it can do.
struct Delimiter {
    node: usize,
    at: usize,
    container: usize,
    opens: bool,
    closes: bool,
}

/// The first and last character next to node `i` of the run, as seen from a `==`
/// at its edge: text gives its character, a line break or the run's edge a space,
/// other inline markup a letter (it is not white space).
fn neighbour(run: &[Node<'_>], i: usize, before: bool) -> Option<char> {
    let j = if before { i.checked_sub(1)? } else { i + 1 };
    match run.get(j)? {
        Node::Md(Event::Text(t)) => {
            if before {
                t.chars().next_back()
            } else {
                t.chars().next()
            }
        }
        Node::Md(Event::SoftBreak | Event::HardBreak) => None,
        _ => Some('a'),
    }
}

fn highlight<'a>(run: Vec<Node<'a>>) -> Vec<Node<'a>> {
    let mut delimiters = Vec::new();
    let (mut stack, mut next_id, mut images) = (vec![0usize], 1usize, 0usize);
    for (i, node) in run.iter().enumerate() {
        match node {
            Node::Md(Event::Start(tag)) => {
                stack.push(next_id);
                next_id += 1;
                if matches!(tag, Tag::Image { .. }) {
                    images += 1;
                }
            }
            Node::Md(Event::End(end)) => {
                stack.pop();
                if *end == TagEnd::Image {
                    images = images.saturating_sub(1);
                }
            }
            Node::Md(Event::Text(t)) if images == 0 => {
                let b = t.as_bytes();
                let mut k = 0;
                while k < b.len() {
                    if b[k] != b'=' {
                        k += 1;
                        continue;
                    }
                    let start = k;
                    while k < b.len() && b[k] == b'=' {
                        k += 1;
                    }
                    if k - start != 2 {
                        continue;
                    }
                    let prev = match t[..start].chars().next_back() {
                        Some(c) => Some(c),
                        None => neighbour(&run, i, true),
                    };
                    let next = match t[k..].chars().next() {
                        Some(c) => Some(c),
                        None => neighbour(&run, i, false),
                    };
                    delimiters.push(Delimiter {
                        node: i,
                        at: start,
                        container: *stack.last().unwrap_or(&0),
                        opens: next.is_some_and(|c| !c.is_whitespace()),
                        closes: prev.is_some_and(|c| !c.is_whitespace()),
                    });
                }
            }
            _ => {}
        }
    }
    // Pair closers with the nearest opener in the same element.
    let mut openers: Vec<usize> = Vec::new();
    let mut role: Vec<Option<bool>> = vec![None; delimiters.len()];
    for (d, delim) in delimiters.iter().enumerate() {
        if delim.closes {
            if let Some(pos) = openers
                .iter()
                .rposition(|&o| delimiters[o].container == delim.container)
            {
                role[openers[pos]] = Some(true);
                role[d] = Some(false);
                openers.truncate(pos);
                continue;
            }
        }
        if delim.opens {
            openers.push(d);
        }
    }
    if role.iter().all(Option::is_none) {
        return run;
    }
    let mut out = Vec::with_capacity(run.len() + 4);
    let mut marks = delimiters
        .iter()
        .zip(&role)
        .filter_map(|(d, r)| r.map(|open| (d.node, d.at, open)))
        .peekable();
    for (i, node) in run.into_iter().enumerate() {
        if marks.peek().is_none_or(|m| m.0 != i) {
            out.push(node);
            continue;
        }
        let Node::Md(Event::Text(t)) = node else {
            out.push(node);
            continue;
        };
        let mut from = 0;
        while let Some(&(_, at, open)) = marks.peek().filter(|m| m.0 == i) {
            marks.next();
            if at > from {
                out.push(Node::Md(Event::Text(t[from..at].to_string().into())));
            }
            out.push(if open {
                Node::Open(Element {
                    tag: "mark",
                    attrs: Vec::new(),
                    layout: Layout::Inline,
                })
            } else {
                Node::Close("mark", Layout::Inline)
            });
            from = at + 2;
        }
        if from < t.len() {
            out.push(Node::Md(Event::Text(t[from..].to_string().into())));
        }
    }
    out
}

/// GFM's extended autolinks in text outside links, images and HTML links: text
/// events in a row are read as one (pulldown-cmark splits text at `_`, `*`, `[` …).
pub(crate) struct Autolinks<'a, I: Iterator<Item = Node<'a>>> {
    inner: std::iter::Peekable<I>,
    enabled: bool,
    out: VecDeque<Node<'a>>,
    /// Markdown links and images open here.
    links: usize,
    /// `<a>` elements opened by inline HTML and not closed.
    html_links: usize,
    /// In a code block, whose text is code.
    in_code: bool,
}

impl<'a, I: Iterator<Item = Node<'a>>> Autolinks<'a, I> {
    pub(crate) fn new(inner: I, enabled: bool) -> Self {
        Autolinks {
            inner: inner.peekable(),
            enabled,
            out: VecDeque::new(),
            links: 0,
            html_links: 0,
            in_code: false,
        }
    }
}

impl<'a, I: Iterator<Item = Node<'a>>> Iterator for Autolinks<'a, I> {
    type Item = Node<'a>;

    fn next(&mut self) -> Option<Node<'a>> {
        if let Some(node) = self.out.pop_front() {
            return Some(node);
        }
        let node = self.inner.next()?;
        if !self.enabled {
            return Some(node);
        }
        match &node {
            Node::Md(Event::Start(Tag::CodeBlock(_))) => self.in_code = true,
            Node::Md(Event::End(TagEnd::CodeBlock)) => self.in_code = false,
            Node::Md(Event::Start(Tag::Link { .. } | Tag::Image { .. })) => self.links += 1,
            Node::Md(Event::End(TagEnd::Link | TagEnd::Image)) => {
                self.links = self.links.saturating_sub(1)
            }
            Node::Md(Event::InlineHtml(h)) => {
                let lower = h.get(..3).unwrap_or(h).to_ascii_lowercase();
                if lower.starts_with("<a ") || lower.starts_with("<a>") {
                    self.html_links += 1;
                } else if lower.starts_with("</a") {
                    self.html_links = self.html_links.saturating_sub(1);
                }
            }
            _ => {}
        }
        let Node::Md(Event::Text(first)) = node else {
            return Some(node);
        };
        if self.links > 0 || self.html_links > 0 || self.in_code {
            return Some(Node::Md(Event::Text(first)));
        }
        let mut text = first;
        while let Some(Node::Md(Event::Text(_))) = self.inner.peek() {
            if let Some(Node::Md(Event::Text(more))) = self.inner.next() {
                let mut joined = text.into_string();
                joined.push_str(&more);
                text = joined.into();
            }
        }
        let found = find_autolinks(&text);
        if found.is_empty() {
            return Some(Node::Md(Event::Text(text)));
        }
        let mut from = 0;
        for (start, end, www) in found {
            if start > from {
                self.out
                    .push_back(Node::Md(Event::Text(text[from..start].to_string().into())));
            }
            let shown = &text[start..end];
            let href = if www {
                format!("http://{shown}")
            } else {
                shown.to_string()
            };
            self.out.push_back(Node::Md(Event::Start(Tag::Link {
                link_type: LinkType::Autolink,
                dest_url: href.into(),
                title: CowStr::Borrowed(""),
                id: CowStr::Borrowed(""),
            })));
            self.out
                .push_back(Node::Md(Event::Text(shown.to_string().into())));
            self.out.push_back(Node::Md(Event::End(TagEnd::Link)));
            from = end;
        }
        if from < text.len() {
            self.out
                .push_back(Node::Md(Event::Text(text[from..].to_string().into())));
        }
        self.out.pop_front()
    }
}

/// The autolinks in a text, as (start, end, is a `www.` link).
fn find_autolinks(text: &str) -> Vec<(usize, usize, bool)> {
    let mut found = Vec::new();
    let mut from = 0;
    // The next `://` and `www.` at or after `from`: each searched again only once passed
    // (a search for `w` alone stops at every letter w of English text).
    static SCHEME: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("://"));
    static WWW: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("www."));
    let next =
        |finder: &Finder, from: usize| finder.find(&text.as_bytes()[from..]).map(|i| from + i);
    let (mut scheme, mut www) = (next(&SCHEME, 0), next(&WWW, 0));
    loop {
        // The next `http://`, `https://` or `www.`, found by its `://` or `www.`.
        if scheme.is_some_and(|s| s < from) {
            scheme = next(&SCHEME, from);
        }
        if www.is_some_and(|w| w < from) {
            www = next(&WWW, from);
        }
        let (at, prefix, www) = match (scheme, www) {
            (Some(s), w) if w.is_none_or(|w| s < w) => {
                from = s + 3;
                if text[..s].ends_with("https") {
                    (s - 5, 8, false)
                } else if text[..s].ends_with("http") {
                    (s - 4, 7, false)
                } else {
                    continue;
                }
            }
            (_, Some(w)) => {
                from = w + 4;
                (w, 0, true)
            }
            _ => break,
        };
        let before = text[..at].chars().next_back();
        if !before.is_none_or(|c| c.is_whitespace() || "*_~(\"'".contains(c) || is_cjk(c)) {
            continue;
        }
        let Some(end) = link_end(&text[at..], prefix) else {
            continue;
        };
        if found.last().is_some_and(|&(_, e, _)| at < e) {
            continue;
        }
        found.push((at, at + end, www));
        from = from.max(at + end);
    }
    found
}

/// Where an autolink that starts `s` ends (its domain begins after `prefix`
/// bytes), or `None` when its domain is not valid.
fn link_end(s: &str, prefix: usize) -> Option<usize> {
    let domain_end = s[prefix..]
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.')))
        .map_or(s.len(), |e| prefix + e);
    // In Chinese or Japanese text a link is followed by no space: a link that does
    // not start with CJK ends at the first CJK character.
    let cjk_ends = !s[prefix..].starts_with(is_cjk);
    let domain_end = if cjk_ends {
        s[prefix..domain_end]
            .find(is_cjk)
            .map_or(domain_end, |e| prefix + e)
    } else {
        domain_end
    };
    let mut end = s[domain_end..]
        .find(|c: char| {
            c.is_whitespace() || c == '<' || is_wide_punctuation(c) || (cjk_ends && is_cjk(c))
        })
        .map_or(s.len(), |e| domain_end + e);
    // Trailing punctuation is not part of the link; nor is an unbalanced `)`, nor
    // what looks like an entity before a final `;`.
    loop {
        let link = &s[..end];
        let Some(last) = link.chars().next_back() else {
            break;
        };
        let unbalanced = last == ')' && link.matches(')').count() > link.matches('(').count();
        if "?!.,:*_~'\"".contains(last) || unbalanced {
            end -= 1;
        } else if last == ';' {
            let body = &link[..link.len() - 1];
            let word = body.len()
                - body
                    .trim_end_matches(|c: char| c.is_ascii_alphanumeric())
                    .len();
            if word > 0 && body[..body.len() - word].ends_with('&') {
                end -= word + 2;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    valid_domain(&s[prefix..end.min(domain_end)]).then_some(end)
}

/// GFM's valid domain: segments of letters, digits, `-` and `_` between periods, at
/// least one period, no `_` in the last two segments.
fn valid_domain(domain: &str) -> bool {
    let segments: Vec<&str> = domain.split('.').collect();
    segments.len() >= 2
        && segments.iter().all(|seg| !seg.is_empty())
        && segments.iter().rev().take(2).all(|seg| !seg.contains('_'))
}

/// Full-width punctuation and quotes that end a link in Chinese or Japanese text.
fn is_wide_punctuation(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40
        | 0xFF5B..=0xFF65 | 0x2018..=0x201F | 0x2026)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<&str> {
        find_autolinks(text)
            .into_iter()
            .map(|(s, e, _)| &text[s..e])
            .collect()
    }

    #[test]
    fn autolinks_end_where_gfm_ends_them() {
        assert_eq!(links("see https://a.com/x."), ["https://a.com/x"]);
        assert_eq!(links("(www.a.org/b_(c))"), ["www.a.org/b_(c)"]);
        assert_eq!(links("www.a.org/b)"), ["www.a.org/b"]);
        assert_eq!(links("https://a.com/&hl;"), ["https://a.com/"]);
        assert_eq!(
            links("访问https://例子.测试/页，然后"),
            ["https://例子.测试/页"]
        );
        assert_eq!(links("(http://li2z.cn)整理"), ["http://li2z.cn"]);
        assert_eq!(links("见https://a.cn/x了解"), ["https://a.cn/x"]);
        assert!(links("xhttps://a.com www.a_b.c http://localhost").is_empty());
        assert!(links("ahttps://a.com").is_empty());
        // Several in a row, another scheme skipped, `www.` inside a URL not found again.
        assert_eq!(
            links("ftp://x.org https://www.a.com www.b.org, ahttp://c.io"),
            ["https://www.a.com", "www.b.org"]
        );
        assert_eq!(
            links("(https://a.com) www.b.org http://c.io"),
            ["https://a.com", "www.b.org", "http://c.io"]
        );
        assert!(links("x://www.a.com").is_empty());
    }
}
