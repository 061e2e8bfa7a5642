//! Obsidian's callouts (`> [!type] Title`, foldable with `+` or `-`, nested) and
//! GitHub's alerts (`> [!NOTE]`, the same thing), in Obsidian's markup so that
//! users' CSS snippets apply:
//!
//! ```html
//! <div class="callout" data-callout="note"><div class="callout-title"><div class="callout-title-inner">Title</div></div><div class="callout-content">…</div></div>
//! <details class="callout is-collapsible" data-callout="tip" data-callout-fold="-"><summary class="callout-title">…</summary><div class="callout-content">…</div></details>
//! ```
//!
//! `data-callout` is the type lowercased, aliases kept as written; GitHub's five
//! types also carry `markdown-alert markdown-alert-TYPE`. A blockquote whose first
//! line is not a callout's stays a blockquote.

use crate::sanitize::{Element, Layout, Node};
use pulldown_cmark::{BlockQuoteKind, Event, Tag, TagEnd};
use std::collections::VecDeque;

/// GitHub's alert types, which get its classes too.
const GITHUB: [&str; 5] = ["note", "tip", "important", "warning", "caution"];

/// How an open blockquote ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quote {
    Plain,
    Callout { foldable: bool },
}

/// Where the pass stands in a callout's first paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Body,
    /// Writing the title: inline elements open in it.
    Title {
        depth: usize,
    },
}

/// The pass: blockquotes that open with `[!type]` become callouts.
pub(crate) struct Callouts<'a, I: Iterator<Item = Node<'a>>> {
    inner: I,
    enabled: bool,
    /// Nodes read ahead and given back, read before `inner`.
    pending: VecDeque<Node<'a>>,
    out: VecDeque<Node<'a>>,
    quotes: Vec<Quote>,
    state: State,
}

impl<'a, I: Iterator<Item = Node<'a>>> Callouts<'a, I> {
    pub(crate) fn new(inner: I, enabled: bool) -> Self {
        Callouts {
            inner,
            enabled,
            pending: VecDeque::new(),
            out: VecDeque::new(),
            quotes: Vec::new(),
            state: State::Body,
        }
    }

    fn read(&mut self) -> Option<Node<'a>> {
        self.pending.pop_front().or_else(|| self.inner.next())
    }

    /// The callout's opening tags, title included when it is known already.
    fn open(&mut self, kind: &str, fold: Option<char>) {
        let ty = kind.to_lowercase();
        let mut class = String::from("callout");
        if fold.is_some() {
            class.push_str(" is-collapsible");
        }
        if GITHUB.contains(&ty.as_str()) {
            class.push_str(" markdown-alert markdown-alert-");
            class.push_str(&ty);
        }
        let mut attrs = vec![("class", class), ("data-callout", ty)];
        let tag = match fold {
            Some(f) => {
                attrs.push(("data-callout-fold", f.to_string()));
                if f == '+' {
                    attrs.push(("open", String::new()));
                }
                "details"
            }
            None => "div",
        };
        self.out.push_back(Node::Open(Element {
            tag,
            attrs,
            layout: Layout::Container,
        }));
        let title = if fold.is_some() { "summary" } else { "div" };
        self.out.push_back(Node::Open(Element {
            tag: title,
            attrs: vec![("class", "callout-title".into())],
            layout: Layout::Block,
        }));
        self.out.push_back(Node::Open(Element {
            tag: "div",
            attrs: vec![("class", "callout-title-inner".into())],
            layout: Layout::Inline,
        }));
        self.quotes.push(Quote::Callout {
            foldable: fold.is_some(),
        });
    }

    /// Ends the title and opens the content.
    fn end_title(&mut self) {
        let foldable = matches!(self.quotes.last(), Some(Quote::Callout { foldable: true }));
        self.out.push_back(Node::Close("div", Layout::Inline));
        self.out.push_back(Node::Close(
            if foldable { "summary" } else { "div" },
            Layout::Block,
        ));
        self.out.push_back(Node::Open(Element {
            tag: "div",
            attrs: vec![("class", "callout-content".into())],
            layout: Layout::Container,
        }));
        self.state = State::Body;
    }

    /// A blockquote starts: a callout when GitHub's parser saw an alert or its first
    /// line reads `[!type]`; otherwise a blockquote, and what was read ahead goes back.
    fn blockquote(&mut self, start: Node<'a>, kind: Option<BlockQuoteKind>) {
        if let Some(kind) = kind {
            let name = format!("{kind:?}");
            self.open(&name, None);
            self.out
                .push_back(Node::Md(Event::Text(title_case(&name).into())));
            self.end_title();
            return;
        }
        let mut ahead = Vec::new();
        match self.read() {
            Some(p @ Node::Md(Event::Start(Tag::Paragraph))) => ahead.push(p),
            other => {
                self.quotes.push(Quote::Plain);
                self.out.push_back(start);
                if let Some(node) = other {
                    self.pending.push_front(node);
                }
                return;
            }
        }
        let mut first = String::new();
        let next = loop {
            match self.read() {
                Some(Node::Md(Event::Text(t))) => {
                    first.push_str(&t);
                    ahead.push(Node::Md(Event::Text(t)));
                }
                other => break other,
            }
        };
        let Some((kind, fold, title)) = marker(&first) else {
            self.quotes.push(Quote::Plain);
            self.out.push_back(start);
            // Back in front of what follows, in order.
            for node in ahead.into_iter().chain(next).rev() {
                self.pending.push_front(node);
            }
            return;
        };
        let (kind, title) = (kind.to_string(), title.to_string());
        self.open(&kind, fold);
        let ends_line = matches!(
            next,
            None | Some(Node::Md(
                Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph)
            ))
        );
        if title.trim().is_empty() && ends_line {
            self.out
                .push_back(Node::Md(Event::Text(title_case(&kind).into())));
        } else if !title.is_empty() {
            self.out.push_back(Node::Md(Event::Text(title.into())));
        }
        self.state = State::Title { depth: 0 };
        if let Some(node) = next {
            self.pending.push_front(node);
        }
    }
}

impl<'a, I: Iterator<Item = Node<'a>>> Iterator for Callouts<'a, I> {
    type Item = Node<'a>;

    fn next(&mut self) -> Option<Node<'a>> {
        loop {
            if let Some(node) = self.out.pop_front() {
                return Some(node);
            }
            let node = self.read()?;
            if !self.enabled {
                return Some(node);
            }
            if let State::Title { depth } = self.state {
                match node {
                    Node::Md(Event::SoftBreak | Event::HardBreak) if depth == 0 => {
                        self.end_title();
                        self.out.push_back(Node::Md(Event::Start(Tag::Paragraph)));
                    }
                    Node::Md(Event::End(TagEnd::Paragraph)) => self.end_title(),
                    // Folio's inline elements (a highlight's `<mark>`) nest like
                    // pulldown-cmark's: a line break inside one does not end the title.
                    Node::Md(Event::Start(_))
                    | Node::Open(Element {
                        layout: Layout::Inline,
                        ..
                    }) => {
                        self.state = State::Title { depth: depth + 1 };
                        self.out.push_back(node);
                    }
                    Node::Md(Event::End(_)) | Node::Close(_, Layout::Inline) => {
                        self.state = State::Title {
                            depth: depth.saturating_sub(1),
                        };
                        self.out.push_back(node);
                    }
                    other => self.out.push_back(other),
                }
                continue;
            }
            match node {
                Node::Md(Event::Start(Tag::BlockQuote(kind))) => {
                    let start = Node::Md(Event::Start(Tag::BlockQuote(kind)));
                    self.blockquote(start, kind);
                }
                Node::Md(Event::End(TagEnd::BlockQuote(kind))) => match self.quotes.pop() {
                    Some(Quote::Callout { foldable }) => {
                        self.out.push_back(Node::Close("div", Layout::Container));
                        self.out.push_back(Node::Close(
                            if foldable { "details" } else { "div" },
                            Layout::Container,
                        ));
                    }
                    _ => return Some(Node::Md(Event::End(TagEnd::BlockQuote(kind)))),
                },
                other => return Some(other),
            }
        }
    }
}

/// A callout's first line: `[!type]`, then `+` or `-`, then the title.
fn marker(line: &str) -> Option<(&str, Option<char>, &str)> {
    let rest = line.strip_prefix("[!")?;
    let close = rest.find(']')?;
    let kind = &rest[..close];
    let valid = !kind.is_empty()
        && kind.chars().count() <= 32
        && kind
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    if !valid {
        return None;
    }
    let after = &rest[close + 1..];
    let (fold, title) = match after.chars().next() {
        Some(c @ ('+' | '-')) => (Some(c), &after[1..]),
        _ => (None, after),
    };
    if !title.is_empty() && !title.starts_with(char::is_whitespace) {
        return None;
    }
    Some((kind, fold, title.trim_start()))
}

/// The default title of a callout: its type with a capital (`tldr` → `Tldr`).
fn title_case(kind: &str) -> String {
    let lower = kind.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_line_names_type_fold_and_title() {
        assert_eq!(marker("[!note] Hi"), Some(("note", None, "Hi")));
        assert_eq!(marker("[!FAQ]- Why?"), Some(("FAQ", Some('-'), "Why?")));
        assert_eq!(marker("[!tip]+"), Some(("tip", Some('+'), "")));
        assert_eq!(marker("[!note]x"), None);
        assert_eq!(marker("[!a b] x"), None);
        assert_eq!(marker("[note] x"), None);
        assert_eq!(title_case("tldr"), "Tldr");
        assert_eq!(title_case("NOTE"), "Note");
    }
}
