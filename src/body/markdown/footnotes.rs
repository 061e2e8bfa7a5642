//! Footnotes as GitHub writes them: numbered in the order they are first referred
//! to, collected at the end in `<section class="footnotes">`, each with a link back
//! to every reference (`↩`, then `↩²` …). A definition nobody refers to is dropped,
//! as GitHub drops it.
//!
//! ```html
//! <sup class="footnote-ref"><a href="#fn-NAME" id="fnref-NAME">1</a></sup>
//! <section class="footnotes"><ol><li id="fn-NAME"><p>Text <a href="#fnref-NAME" class="footnote-backref">↩</a></p></li></ol></section>
//! ```
//!
//! (the sanitizer prefixes every id and fragment with `user-content-`).

use crate::sanitize::{Element, Layout, Node};
use pulldown_cmark::{Event, Tag, TagEnd};
use std::collections::{HashMap, HashSet, VecDeque};

/// A footnote referred to: its key (the label, lowercased), id and references so far.
struct Note {
    key: String,
    id: String,
    refs: usize,
}

/// The pass: references become links, definitions wait for the end.
pub(crate) struct Footnotes<'a, I: Iterator<Item = Node<'a>>> {
    inner: I,
    enabled: bool,
    out: VecDeque<Node<'a>>,
    /// In the order they are numbered.
    notes: Vec<Note>,
    numbers: HashMap<String, usize>,
    ids: HashSet<String>,
    definitions: HashMap<String, Vec<Node<'a>>>,
    /// Images open here (a reference in alt text is only its number).
    images: usize,
    /// The next note to write once the body has ended.
    tail: Option<usize>,
    done: bool,
}

impl<'a, I: Iterator<Item = Node<'a>>> Footnotes<'a, I> {
    pub(crate) fn new(inner: I, enabled: bool) -> Self {
        Footnotes {
            inner,
            enabled,
            out: VecDeque::new(),
            notes: Vec::new(),
            numbers: HashMap::new(),
            ids: HashSet::new(),
            definitions: HashMap::new(),
            images: 0,
            tail: None,
            done: false,
        }
    }

    /// The note's index, numbering it at its first reference.
    fn number(&mut self, label: &str) -> usize {
        let key = label.to_lowercase();
        if let Some(&i) = self.numbers.get(&key) {
            return i;
        }
        let i = self.notes.len();
        let mut id = id_of(label);
        if id.is_empty() || self.ids.contains(&id) {
            id = (i + 1).to_string();
        }
        while self.ids.contains(&id) {
            id.push('-');
            id.push_str(&(i + 1).to_string());
        }
        self.ids.insert(id.clone());
        self.numbers.insert(key.clone(), i);
        self.notes.push(Note { key, id, refs: 0 });
        i
    }

    /// A reference, as its marks (or, in an image's alt text, its number).
    fn reference(&mut self, label: &str, out: &mut Vec<Node<'a>>) {
        let i = self.number(label);
        let n = (i + 1).to_string();
        if self.images > 0 {
            out.push(Node::Md(Event::Text(format!("[{n}]").into())));
            return;
        }
        let note = &mut self.notes[i];
        note.refs += 1;
        let back = ref_id(&note.id, note.refs);
        out.push(open("sup", vec![("class", "footnote-ref".into())]));
        out.push(open(
            "a",
            vec![("href", format!("#fn-{}", note.id)), ("id", back)],
        ));
        out.push(Node::Md(Event::Text(n.into())));
        out.push(Node::Close("a", Layout::Inline));
        out.push(Node::Close("sup", Layout::Inline));
    }

    /// One node of the body or of a note: references become marks.
    fn pass(&mut self, node: Node<'a>, out: &mut Vec<Node<'a>>) {
        match node {
            Node::Md(Event::FootnoteReference(label)) => self.reference(&label, out),
            Node::Md(Event::Start(Tag::Image { .. })) => {
                self.images += 1;
                out.push(node);
            }
            Node::Md(Event::End(TagEnd::Image)) => {
                self.images = self.images.saturating_sub(1);
                out.push(node);
            }
            other => out.push(other),
        }
    }

    /// Reads a definition through to its end, keeping it (the first of a label) for later.
    fn definition(&mut self, label: &str) {
        let mut nodes = Vec::new();
        let mut depth = 0usize;
        for node in self.inner.by_ref() {
            match &node {
                Node::Md(Event::Start(Tag::FootnoteDefinition(_))) => depth += 1,
                Node::Md(Event::End(TagEnd::FootnoteDefinition)) => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                _ => {}
            }
            nodes.push(node);
        }
        self.definitions
            .entry(label.to_lowercase())
            .or_insert(nodes);
    }

    /// Note `i` as a list item, its back links in its last paragraph.
    fn item(&mut self, i: usize) {
        let Some(body) = self.definitions.remove(&self.notes[i].key) else {
            return;
        };
        let mut nodes = Vec::with_capacity(body.len() + 8);
        for node in body {
            self.pass(node, &mut nodes);
        }
        let note = &self.notes[i];
        let mut back = Vec::new();
        for r in 1..=note.refs {
            back.push(Node::Md(Event::Text(" ".into())));
            back.push(open(
                "a",
                vec![
                    ("href", format!("#{}", ref_id(&note.id, r))),
                    ("class", "footnote-backref".into()),
                ],
            ));
            back.push(Node::Md(Event::Text("↩".into())));
            if r > 1 {
                back.push(open("sup", Vec::new()));
                back.push(Node::Md(Event::Text(r.to_string().into())));
                back.push(Node::Close("sup", Layout::Inline));
            }
            back.push(Node::Close("a", Layout::Inline));
        }
        self.out.push_back(Node::Open(Element {
            tag: "li",
            attrs: vec![("id", format!("fn-{}", note.id))],
            layout: Layout::Block,
        }));
        let in_paragraph = matches!(nodes.last(), Some(Node::Md(Event::End(TagEnd::Paragraph))));
        let last = in_paragraph.then(|| nodes.pop()).flatten();
        self.out.extend(nodes);
        self.out.extend(back);
        self.out.extend(last);
        self.out.push_back(Node::Close("li", Layout::Block));
    }
}

impl<'a, I: Iterator<Item = Node<'a>>> Iterator for Footnotes<'a, I> {
    type Item = Node<'a>;

    fn next(&mut self) -> Option<Node<'a>> {
        loop {
            if let Some(node) = self.out.pop_front() {
                return Some(node);
            }
            if !self.enabled {
                return self.inner.next();
            }
            if self.done {
                return None;
            }
            if let Some(i) = self.tail {
                if i < self.notes.len() {
                    self.tail = Some(i + 1);
                    self.item(i);
                } else {
                    self.out.push_back(Node::Close("ol", Layout::Container));
                    self.out
                        .push_back(Node::Close("section", Layout::Container));
                    self.done = true;
                }
                continue;
            }
            match self.inner.next() {
                Some(Node::Md(Event::Start(Tag::FootnoteDefinition(label)))) => {
                    self.definition(&label)
                }
                Some(node) => {
                    let mut out = Vec::new();
                    self.pass(node, &mut out);
                    self.out.extend(out);
                }
                None => {
                    let any = self
                        .notes
                        .iter()
                        .any(|n| self.definitions.contains_key(&n.key));
                    if !any {
                        self.done = true;
                        continue;
                    }
                    self.out
                        .push_back(open_block("section", vec![("class", "footnotes".into())]));
                    self.out.push_back(open_block("ol", Vec::new()));
                    self.tail = Some(0);
                }
            }
        }
    }
}

fn open<'a>(tag: &'static str, attrs: Vec<(&'static str, String)>) -> Node<'a> {
    Node::Open(Element {
        tag,
        attrs,
        layout: Layout::Inline,
    })
}

fn open_block<'a>(tag: &'static str, attrs: Vec<(&'static str, String)>) -> Node<'a> {
    Node::Open(Element {
        tag,
        attrs,
        layout: Layout::Container,
    })
}

/// The id of reference `n` (from 1) to a note.
fn ref_id(id: &str, n: usize) -> String {
    if n == 1 {
        format!("fnref-{id}")
    } else {
        format!("fnref-{id}-{n}")
    }
}

/// A label as an id: letters and digits lowercased, `-` and `_` kept, anything
/// else a single `-`.
fn id_of(label: &str) -> String {
    let mut id = String::new();
    for c in label.chars() {
        if c.is_alphanumeric() || c == '_' {
            id.extend(c.to_lowercase());
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::id_of;

    #[test]
    fn labels_become_ids() {
        assert_eq!(id_of("Note 1"), "note-1");
        assert_eq!(id_of("注释"), "注释");
        assert_eq!(id_of("--"), "");
    }
}
