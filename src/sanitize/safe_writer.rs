//! Markdown written by one writer in three modes, with no HTML parser in between:
//! * **safe**: the fast path for Markdown that holds no raw HTML, where sanitizing
//!   would take about three quarters of the whole render. The output is byte for
//!   byte what [`super::Sanitizer`] makes of the unsafe mode's output for the same
//!   nodes: every element's attributes go through [`Policy::attributes`], which
//!   replays ammonia's own steps with the same policy data, and text is escaped the way
//!   html5ever serializes it. Anything it cannot vouch for (raw HTML other than a
//!   lone comment, a link inside a link, characters the HTML parser would rewrite)
//!   makes it give up with `None`, and the caller takes the parser path;
//! * **unsafe**: pulldown-cmark's own HTML writer, mirrored (raw HTML written as it
//!   stands), plus Folio's elements: the input of that parser path;
//! * **text**: the safe mode's decisions without its HTML: the plain text, headings,
//!   links and `<!-- more -->` mark that the safe mode also gives, for an index that
//!   needs no HTML.
//!
//! Tests compare the modes over the CommonMark spec, the corpus and generated
//! Markdown: safe against sanitizing unsafe, unsafe against pulldown-cmark's writer,
//! text against safe.

use super::policy::{
    filter_attribute, GENERIC_ATTRIBUTES, ID_PREFIX, IMAGE_ATTRIBUTES, LINK_REL,
    SET_ATTRIBUTE_VALUES, TAGS, TAG_ATTRIBUTES, TAG_ATTRIBUTE_VALUES, URL_SCHEMES,
};
use crate::article::{Link, LinkKind};
use crate::text::{collapse_whitespace, ends_line, relative_target, slug};
use crate::web_url::{ParseError, Url};
use pulldown_cmark::{Alignment, CodeBlockKind, Event, LinkType, Tag, TagEnd};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

/// What the writer takes: pulldown-cmark's events, and the elements Folio adds that
/// pulldown-cmark has no event for (callouts, footnotes, highlights).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node<'a> {
    /// One of pulldown-cmark's events.
    Md(Event<'a>),
    /// The start tag of one of Folio's elements (the policy still applies to it).
    Open(Element),
    /// Its end tag.
    Close(&'static str, Layout),
}

/// One of Folio's elements: its tag, attributes as written, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Element {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub layout: Layout,
}

/// Where an element stands, for the newlines around it (as pulldown-cmark writes
/// its own elements).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// In running text: no newline.
    Inline,
    /// A block of text (`<p>`): on a line of its own, a newline after its end tag.
    Block,
    /// A block holding blocks (`<blockquote>`): a newline after each tag too.
    Container,
}

/// Which output the writer gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Safe HTML (and its text), or nothing when it cannot vouch for it.
    Safe,
    /// Unsafe HTML for the sanitizer; never gives up.
    Unsafe,
    /// The safe mode's text, headings and links, without the HTML.
    Text,
}

/// A heading as written: level, the id it was given in the Markdown (prefixed, as
/// the policy leaves it), its text, and where it stands in the HTML and the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    pub level: u8,
    pub id: Option<String>,
    pub text: String,
    pub html: Range<usize>,
    pub text_at: Range<usize>,
}

/// A place in the output: a byte offset in the HTML and one in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mark {
    pub html: usize,
    pub text: usize,
}

/// What the writer gives: the HTML (empty in text mode), the text as the HTML's
/// text would read (empty in unsafe mode), and what it noted on the way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Written {
    pub html: String,
    pub text: String,
    /// Where the text of code blocks and of the footnotes lies in `text` (not
    /// prose, which an excerpt skips).
    pub skip: Vec<Range<usize>>,
    pub headings: Vec<Heading>,
    /// The first heading is the first thing written: the body opens with it.
    pub opens_with_heading: bool,
    /// Relative references, in order (none when URLs resolve against a base).
    pub links: Vec<Link>,
    /// Where Hexo's `<!-- more -->` stood.
    pub more: Option<Mark>,
    /// A math span held a backtick: its `$` were the author's dollars, the math
    /// span swallowed a code span's start (`$x … `$y``), so the Markdown should be
    /// read again without math.
    pub doubtful_math: bool,
}

/// What the policy allows ([`super::policy`]'s lists), as sets for the writer's lookups.
pub(super) struct Policy {
    tags: HashSet<&'static str>,
    generic: HashSet<&'static str>,
    tag_attributes: HashMap<&'static str, HashSet<&'static str>>,
    tag_attribute_values: HashMap<&'static str, HashMap<&'static str, HashSet<&'static str>>>,
    set_values: HashMap<&'static str, Vec<(&'static str, &'static str)>>,
    schemes: HashSet<&'static str>,
}

pub(super) static POLICY: LazyLock<Policy> = LazyLock::new(Policy::new);

type Attributes = Vec<(&'static str, String)>;

impl Policy {
    fn new() -> Self {
        Policy {
            tags: TAGS.into(),
            generic: GENERIC_ATTRIBUTES.into(),
            tag_attributes: TAG_ATTRIBUTES
                .iter()
                .map(|&(tag, names)| (tag, names.iter().copied().collect()))
                .collect(),
            tag_attribute_values: TAG_ATTRIBUTE_VALUES
                .iter()
                .map(|&(tag, name, values)| {
                    (tag, [(name, values.iter().copied().collect())].into())
                })
                .collect(),
            set_values: SET_ATTRIBUTE_VALUES
                .iter()
                .map(|&(tag, name, value)| (tag, vec![(name, value)]))
                .collect(),
            schemes: URL_SCHEMES.into(),
        }
    }

    /// ammonia's allowlist test for one attribute (before its URL check).
    fn allowed(&self, tag: &str, name: &str, value: &str) -> bool {
        self.generic.contains(name)
            || self
                .tag_attributes
                .get(tag)
                .is_some_and(|set| set.contains(name))
            || self
                .tag_attribute_values
                .get(tag)
                .and_then(|values| values.get(name))
                .is_some_and(|vs| vs.iter().any(|v| v.to_lowercase() == value.to_lowercase()))
    }

    /// One ammonia pass over an element's attributes, step by step as its
    /// `clean_child` and `adjust_node_attributes` take them (including the order
    /// `swap_remove` leaves behind).
    fn pass(
        &self,
        tag: &'static str,
        mut attrs: Attributes,
        base: Option<&Url>,
        urls: &mut UrlKinds,
    ) -> Attributes {
        attrs.retain(|(name, value)| {
            if !self.allowed(tag, name, value) {
                false
            } else if is_url_attribute(name) {
                match urls.kind(value, &self.schemes) {
                    UrlKind::Absolute { allowed } => allowed,
                    UrlKind::Relative => true,
                    UrlKind::Broken => false,
                }
            } else {
                true
            }
        });
        for &(name, value) in self.set_values.get(tag).into_iter().flatten() {
            match attrs.iter_mut().find(|(n, _)| *n == name) {
                Some(attr) => attr.1 = value.to_string(),
                None => attrs.push((name, value.to_string())),
            }
        }
        if tag == "a" {
            attrs.push(("rel", LINK_REL.to_string()));
        }
        for (name, value) in &mut attrs {
            if *name == "id" && !value.starts_with(ID_PREFIX) {
                value.insert_str(0, ID_PREFIX);
            }
        }
        let mut dropped = Vec::new();
        for (i, (name, value)) in attrs.iter_mut().enumerate() {
            match filter_attribute(tag, name, value) {
                None => dropped.push(i),
                Some(new) if *new != **value => *value = new.into_owned(),
                Some(_) => {}
            }
        }
        for i in dropped.into_iter().rev() {
            attrs.swap_remove(i);
        }
        let mut dropped = Vec::new();
        for (i, (name, value)) in attrs.iter_mut().enumerate() {
            if is_url_attribute(name) && urls.kind(value, &self.schemes) == UrlKind::Relative {
                match base {
                    None => {}
                    Some(b) => match b.join(value) {
                        Ok(u) => *value = u.to_string(),
                        Err(_) => dropped.push(i),
                    },
                }
            }
        }
        for i in dropped.into_iter().rev() {
            attrs.swap_remove(i);
        }
        attrs
    }

    /// The attributes an element ends up with after `sanitize`'s two passes.
    pub(super) fn attributes(
        &self,
        tag: &'static str,
        attrs: Attributes,
        base: Option<&Url>,
    ) -> Attributes {
        // Each URL is read once, not in each of the passes' two looks at it.
        let mut urls = UrlKinds::default();
        let once = self.pass(tag, attrs, base, &mut urls);
        self.pass(tag, once, base, &mut urls)
    }
}

/// What the URL parser makes of an attribute's value, as a pass asks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UrlKind {
    /// A URL with a scheme, one the policy allows or not.
    Absolute { allowed: bool },
    /// A relative reference (no scheme, no base).
    Relative,
    /// Neither: the parser refuses it.
    Broken,
}

/// The URL values of one element already read, with what the parser made of them:
/// two passes look at each value twice (most often unchanged), and a parse is the
/// costliest step of a link (in the light tier, a call to the browser's `URL`).
#[derive(Default)]
struct UrlKinds(Vec<(String, UrlKind)>);

impl UrlKinds {
    fn kind(&mut self, value: &str, schemes: &HashSet<&'static str>) -> UrlKind {
        if let Some((_, kind)) = self.0.iter().find(|(v, _)| v == value) {
            return *kind;
        }
        let kind = match Url::parse(value) {
            Ok(u) => UrlKind::Absolute {
                allowed: schemes.contains(u.scheme()),
            },
            Err(ParseError::RelativeUrlWithoutBase) => UrlKind::Relative,
            Err(_) => UrlKind::Broken,
        };
        self.0.push((value.to_string(), kind));
        kind
    }
}

/// ammonia's URL attributes, for the elements this writer emits.
fn is_url_attribute(name: &str) -> bool {
    name == "href" || name == "src"
}

/// Writes `nodes` in `mode`; `None` (never in unsafe mode) when only the HTML
/// parser can tell what they mean. `capacity` is a guess at the output's length
/// (from the input's), to spare reallocations of a big output.
pub(super) fn write<'a>(
    nodes: impl Iterator<Item = Node<'a>>,
    mode: Mode,
    base: Option<&Url>,
    capacity: usize,
) -> Option<Written> {
    let mut w = Writer {
        mode,
        out: Written::default(),
        end_newline: true,
        table_head: false,
        alignments: Vec::new(),
        cell: 0,
        links: 0,
        policy: &POLICY,
        base,
        unsure: false,
        started: false,
        heading: None,
        skip_from: 0,
        skipping: 0,
        elements: Vec::new(),
    };
    if mode != Mode::Text {
        w.out.html.reserve(capacity);
    }
    if mode != Mode::Unsafe {
        // (The text is shorter than the source: two thirds of the HTML's room.)
        w.out.text.reserve(capacity * 2 / 3);
    }
    let mut iter = nodes;
    while let Some(node) = iter.next() {
        make_room(&mut w.out.html);
        make_room(&mut w.out.text);
        let done = match node {
            Node::Md(event) => w.event(event, &mut iter),
            Node::Open(el) => w.element(el),
            Node::Close(tag, layout) => {
                w.close(tag, layout);
                Some(())
            }
        };
        if done.is_none() || w.unsure {
            return None;
        }
    }
    Some(w.out)
}

/// From this capacity on, an output grows by a quarter ([`make_room`]), not by doubling.
const STEP_FROM: usize = 1 << 20;

/// Grows a big output by a quarter before it fills up, so that `String`'s doubling
/// does not leave up to half of it unused while the parser's tree is alive too (a
/// WebAssembly memory never shrinks: that peak is what a big article costs). An event
/// that writes more than the room left still grows it as `String` does.
fn make_room(out: &mut String) {
    let capacity = out.capacity();
    if capacity >= STEP_FROM && capacity - out.len() < capacity / 16 {
        out.reserve_exact(capacity / 4);
    }
}

/// Mirrors pulldown-cmark's `HtmlWriter` (the same newlines between blocks, so the
/// same whitespace text), with ammonia's attributes and html5ever's escaping in
/// safe mode.
struct Writer<'p> {
    mode: Mode,
    out: Written,
    end_newline: bool,
    table_head: bool,
    alignments: Vec<Alignment>,
    cell: usize,
    /// Links open around the current position.
    links: usize,
    policy: &'p Policy,
    base: Option<&'p Url>,
    /// Set when a value holds a character the HTML parser would rewrite.
    unsure: bool,
    /// Something other than white space has been written.
    started: bool,
    /// The heading being written: its index in `out.headings`.
    heading: Option<usize>,
    /// Where the text that is not prose (code, footnotes) being written starts, and
    /// how many such elements are open.
    skip_from: usize,
    skipping: usize,
    /// For each of Folio's elements open: whether it is not prose.
    elements: Vec<bool>,
}

impl Writer<'_> {
    fn html(&self) -> bool {
        self.mode != Mode::Text
    }

    fn text_sink(&self) -> bool {
        self.mode != Mode::Unsafe
    }

    fn mark(&self) -> Mark {
        Mark {
            html: self.out.html.len(),
            text: self.out.text.len(),
        }
    }

    /// A newline, in the HTML and in its text.
    fn nl(&mut self) {
        if self.html() {
            self.out.html.push('\n');
        }
        if self.text_sink() {
            self.out.text.push('\n');
        }
        self.end_newline = true;
    }

    /// Where a block opens, pulldown-cmark starts a new line unless one is started.
    fn line_start(&mut self) {
        if !self.end_newline {
            self.nl();
        }
    }

    /// A start tag with no attributes.
    fn start(&mut self, tag: &str) {
        self.started = true;
        if self.html() {
            self.out.html.push('<');
            self.out.html.push_str(tag);
            self.out.html.push('>');
        }
        self.end_newline = false;
    }

    /// An element with no content and no end tag (`<br>`, `<hr>`), as each mode writes it.
    fn void(&mut self, tag: &str) {
        self.started = true;
        if self.html() {
            self.out.html.push('<');
            self.out.html.push_str(tag);
            self.out.html.push_str(if self.mode == Mode::Unsafe {
                " />"
            } else {
                ">"
            });
        }
        if self.text_sink() && tag == "br" {
            self.out.text.push('\n');
        }
        self.end_newline = false;
    }

    fn end(&mut self, tag: &str) {
        if self.html() {
            self.out.html.push_str("</");
            self.out.html.push_str(tag);
            self.out.html.push('>');
        }
        if self.text_sink() && ends_line(tag) {
            self.out.text.push('\n');
        }
        self.end_newline = false;
    }

    /// Text, escaped as the mode writes it. Does not touch `end_newline` (the
    /// caller knows whether it was a text event).
    fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if !self.started && !text.trim().is_empty() {
            self.started = true;
        }
        match self.mode {
            Mode::Unsafe => {
                let _ = pulldown_cmark_escape::escape_html_body_text(&mut self.out.html, text);
            }
            Mode::Safe => {
                escape_into(&mut self.out.html, text, false, &mut self.unsure);
                self.out.text.push_str(text);
            }
            Mode::Text => {
                if text.contains(['\0', '\r']) {
                    self.unsure = true;
                }
                self.out.text.push_str(text);
            }
        }
    }

    /// An element's start tag with its attributes: as the sanitizer would leave
    /// them (safe), as written (unsafe), or none at all (text, which still gives up
    /// where safe mode would).
    fn open(&mut self, tag: &'static str, attrs: Attributes) {
        self.started = true;
        match self.mode {
            Mode::Safe => {
                debug_assert!(self.policy.tags.contains(tag), "{tag} is not allowed");
                let attrs = self.policy.attributes(tag, attrs, self.base);
                let html = &mut self.out.html;
                html.push('<');
                html.push_str(tag);
                for (name, value) in &attrs {
                    html.push(' ');
                    html.push_str(name);
                    html.push_str("=\"");
                    escape_into(html, value, true, &mut self.unsure);
                    html.push('"');
                }
                if tag == "img" {
                    html.push_str(IMAGE_ATTRIBUTES);
                }
                html.push('>');
            }
            Mode::Unsafe => {
                let html = &mut self.out.html;
                html.push('<');
                html.push_str(tag);
                for (name, value) in &attrs {
                    html.push(' ');
                    html.push_str(name);
                    html.push_str("=\"");
                    let _ = if is_url_attribute(name) {
                        pulldown_cmark_escape::escape_href(&mut *html, value)
                    } else {
                        pulldown_cmark_escape::escape_html(&mut *html, value)
                    };
                    html.push('"');
                }
                html.push_str(match tag {
                    "img" => " />",
                    "input" => "/>",
                    _ => ">",
                });
            }
            Mode::Text => {
                // Only a value holding CR or NUL can make safe mode give up; where
                // one does, ask the policy whether it survives.
                if attrs.iter().any(|(_, v)| v.contains(['\0', '\r'])) {
                    let kept = self.policy.attributes(tag, attrs, self.base);
                    if kept.iter().any(|(_, v)| v.contains(['\0', '\r'])) {
                        self.unsure = true;
                    }
                }
            }
        }
        self.end_newline = false;
    }

    /// An element that is not prose opens (`true`) or closes: its text is noted as
    /// such, the outermost one's.
    fn skip(&mut self, open: bool) {
        if open {
            if self.skipping == 0 {
                self.skip_from = self.out.text.len();
            }
            self.skipping += 1;
        } else if self.skipping > 0 {
            self.skipping -= 1;
            if self.skipping == 0 {
                self.out.skip.push(self.skip_from..self.out.text.len());
            }
        }
    }

    /// Notes a reference when it stays relative in the output.
    fn note_link(&mut self, kind: LinkKind, value: &str) {
        if self.base.is_some() {
            return;
        }
        if let Some(target) = relative_target(value) {
            self.out.links.push(Link { kind, target });
        }
    }

    /// The value of `href`/`src` for `dest` as each mode writes it: as written for
    /// the unsafe writer (which percent-encodes it), else as the parser reads that.
    fn url(&self, dest: &str) -> String {
        if self.mode == Mode::Unsafe {
            dest.to_string()
        } else {
            escaped_href(dest)
        }
    }

    fn element(&mut self, el: Element) -> Option<()> {
        if el.tag == "a" {
            if self.links > 0 && self.mode != Mode::Unsafe {
                return None;
            }
            self.links += 1;
            if let Some((_, href)) = el.attrs.iter().find(|(n, _)| *n == "href") {
                let class = el.attrs.iter().find(|(n, _)| *n == "class");
                let kind = match class.map(|(_, c)| c.as_str()) {
                    Some(c) if c.split(' ').any(|c| c == "embed") => LinkKind::Embed,
                    Some(c) if c.split(' ').any(|c| c == "wikilink") => LinkKind::Wikilink,
                    _ => LinkKind::Link,
                };
                let value = if self.mode == Mode::Unsafe {
                    href.clone()
                } else {
                    escaped_href(href)
                };
                self.note_link(kind, &value);
            }
        }
        if el.layout != Layout::Inline {
            self.line_start();
        }
        let not_prose = matches!(el.tag, "section" | "sup")
            && el
                .attrs
                .iter()
                .any(|(n, v)| *n == "class" && (v == "footnotes" || v == "footnote-ref"));
        self.elements.push(not_prose);
        if not_prose {
            self.skip(true);
        }
        self.open(el.tag, el.attrs);
        if el.layout == Layout::Container {
            self.nl();
        }
        Some(())
    }

    fn close(&mut self, tag: &'static str, layout: Layout) {
        if tag == "a" {
            self.links = self.links.saturating_sub(1);
        }
        if layout == Layout::Container {
            self.line_start();
        }
        self.end(tag);
        if layout != Layout::Inline {
            self.nl();
        }
        if self.elements.pop() == Some(true) {
            self.skip(false);
        }
    }

    fn event<'a>(
        &mut self,
        event: Event<'a>,
        rest: &mut impl Iterator<Item = Node<'a>>,
    ) -> Option<()> {
        match event {
            Event::Start(tag) => self.start_tag(tag, rest)?,
            Event::End(tag) => self.end_tag(tag)?,
            Event::Text(t) => {
                self.text(&t);
                self.end_newline = t.ends_with('\n');
            }
            Event::Code(t) => {
                self.start("code");
                self.text(&t);
                self.end("code");
            }
            Event::InlineMath(t) => self.math("math math-inline", &t),
            Event::DisplayMath(t) => self.math("math math-display", &t),
            Event::Html(html) | Event::InlineHtml(html) => self.raw_html(&html)?,
            Event::SoftBreak => self.nl(),
            Event::HardBreak => {
                self.void("br");
                self.nl();
            }
            Event::Rule => {
                self.line_start();
                self.void("hr");
                self.nl();
            }
            Event::FootnoteReference(name) => {
                // Footnotes are Folio's elements by now (`body::markdown`); a stray
                // reference reads as written.
                self.text(&format!("[^{name}]"));
                self.end_newline = false;
            }
            Event::TaskListMarker(checked) => {
                let mut attrs: Attributes =
                    vec![("disabled", String::new()), ("type", "checkbox".into())];
                if checked {
                    attrs.push(("checked", String::new()));
                }
                self.open("input", attrs);
                self.nl();
            }
        }
        Some(())
    }

    fn math(&mut self, class: &str, tex: &str) {
        if tex.contains('`') {
            self.out.doubtful_math = true;
        }
        self.open("span", vec![("class", class.to_string())]);
        if self.mode == Mode::Unsafe {
            let _ = pulldown_cmark_escape::escape_html(&mut self.out.html, tex);
            self.started = true;
        } else {
            self.text(tex);
        }
        self.end("span");
    }

    /// Raw HTML: written as it stands in unsafe mode; otherwise only a lone comment
    /// (which the sanitizer removes, leaving the whitespace around it) is vouched for.
    /// Either way, a `<!-- more -->` in it is noted.
    fn raw_html(&mut self, html: &str) -> Option<()> {
        if self.mode == Mode::Unsafe {
            if self.out.more.is_none() {
                if let Some(at) = more_comment(html) {
                    self.out.more = Some(Mark {
                        html: self.out.html.len() + at,
                        text: 0,
                    });
                }
            }
            self.out.html.push_str(html);
            self.started = true;
        } else {
            let (before, after) = lone_comment(html)?;
            self.text(before);
            if self.out.more.is_none() && more_comment(html).is_some() {
                self.out.more = Some(self.mark());
            }
            self.text(after);
        }
        if !html.is_empty() {
            self.end_newline = html.ends_with('\n');
        }
        Some(())
    }

    fn start_tag<'a>(
        &mut self,
        tag: Tag<'a>,
        rest: &mut impl Iterator<Item = Node<'a>>,
    ) -> Option<()> {
        match tag {
            Tag::HtmlBlock => {}
            Tag::Paragraph => {
                self.line_start();
                self.start("p");
            }
            Tag::Heading {
                level,
                id,
                classes,
                attrs,
            } => {
                if !attrs.is_empty() && self.mode != Mode::Unsafe {
                    return None;
                }
                self.line_start();
                let opening = !self.started;
                let mut list = Attributes::new();
                if let Some(id) = &id {
                    list.push(("id", id.to_string()));
                }
                if !classes.is_empty() {
                    let joined: Vec<&str> = classes.iter().map(|c| c.as_ref()).collect();
                    list.push(("class", joined.join(" ")));
                }
                let at = self.mark();
                if opening && self.out.headings.is_empty() {
                    self.out.opens_with_heading = true;
                }
                self.heading = Some(self.out.headings.len());
                self.out.headings.push(Heading {
                    level: level as u8,
                    id: id.map(|id| prefixed(&id)),
                    text: String::new(),
                    html: at.html..at.html,
                    text_at: at.text..at.text,
                });
                if self.mode == Mode::Unsafe && !attrs.is_empty() {
                    self.unsafe_heading(heading(level as usize), &list, &attrs);
                } else {
                    self.open(heading(level as usize), list);
                }
            }
            Tag::Table(alignments) => {
                self.alignments = alignments;
                self.start("table");
            }
            Tag::TableHead => {
                self.table_head = true;
                self.cell = 0;
                self.start("thead");
                self.start("tr");
            }
            Tag::TableRow => {
                self.cell = 0;
                self.start("tr");
            }
            Tag::TableCell => {
                let side = match self.alignments.get(self.cell) {
                    Some(Alignment::Left) => Some("left"),
                    Some(Alignment::Center) => Some("center"),
                    Some(Alignment::Right) => Some("right"),
                    _ => None,
                };
                let attrs = side.map(|s| ("align", s.to_string())).into_iter().collect();
                self.open(if self.table_head { "th" } else { "td" }, attrs);
            }
            Tag::BlockQuote(kind) => {
                self.line_start();
                let class = kind.map(|k| {
                    let name = format!("{k:?}").to_ascii_lowercase();
                    ("class", format!("markdown-alert-{name}"))
                });
                self.open("blockquote", class.into_iter().collect());
                self.nl();
            }
            Tag::CodeBlock(kind) => {
                self.line_start();
                let lang = match &kind {
                    CodeBlockKind::Fenced(info) => info.split(' ').next().unwrap_or(""),
                    CodeBlockKind::Indented => "",
                };
                self.start("pre");
                let attrs = if lang.is_empty() {
                    Vec::new()
                } else {
                    vec![("class", format!("language-{lang}"))]
                };
                self.open("code", attrs);
                self.skip(true);
            }
            Tag::List(Some(1)) => {
                self.line_start();
                self.start("ol");
                self.nl();
            }
            Tag::List(Some(start)) => {
                self.line_start();
                self.open("ol", vec![("start", start.to_string())]);
                self.nl();
            }
            Tag::List(None) => {
                self.line_start();
                self.start("ul");
                self.nl();
            }
            Tag::Item => {
                self.line_start();
                self.start("li");
            }
            Tag::DefinitionList => {
                self.line_start();
                self.start("dl");
                self.nl();
            }
            Tag::DefinitionListTitle => {
                self.line_start();
                self.start("dt");
            }
            Tag::DefinitionListDefinition => {
                self.line_start();
                self.start("dd");
            }
            Tag::Emphasis => self.start("em"),
            Tag::Strong => self.start("strong"),
            Tag::Strikethrough => self.start("del"),
            Tag::Superscript => self.start("sup"),
            Tag::Subscript => self.start("sub"),
            Tag::Link {
                link_type: LinkType::WikiLink { has_pothole },
                dest_url,
                ..
            } => self.wikilink(&dest_url, has_pothole, rest)?,
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => {
                if self.links > 0 && self.mode != Mode::Unsafe {
                    return None;
                }
                self.links += 1;
                let mut href = if link_type == LinkType::Email {
                    String::from("mailto:")
                } else {
                    String::new()
                };
                href.push_str(&self.url(&dest_url));
                if link_type != LinkType::Email {
                    let value = escaped_href(&dest_url);
                    self.note_link(LinkKind::Link, &value);
                }
                let mut attrs = vec![("href", href)];
                if !title.is_empty() {
                    attrs.push(("title", title.to_string()));
                }
                self.open("a", attrs);
            }
            Tag::Image {
                link_type: LinkType::WikiLink { has_pothole },
                dest_url,
                ..
            } => self.wiki_embed(&dest_url, has_pothole, rest)?,
            Tag::Image {
                dest_url, title, ..
            } => {
                let alt = alt_text(rest);
                self.note_link(LinkKind::Image, &escaped_href(&dest_url));
                let mut attrs = vec![("src", self.url(&dest_url)), ("alt", alt)];
                if !title.is_empty() {
                    attrs.push(("title", title.to_string()));
                }
                self.open("img", attrs);
            }
            Tag::FootnoteDefinition(_) => {
                // Footnotes are Folio's elements by now; a stray definition is a block.
                self.line_start();
                self.start("div");
            }
            Tag::MetadataBlock(_) => return None,
        }
        Some(())
    }

    fn end_tag(&mut self, tag: TagEnd) -> Option<()> {
        match tag {
            TagEnd::HtmlBlock | TagEnd::Image => {}
            TagEnd::Paragraph => self.end_block("p"),
            TagEnd::Heading(level) => {
                let text_end = self.out.text.len();
                self.end_block(heading(level as usize));
                if let Some(h) = self
                    .heading
                    .take()
                    .and_then(|i| self.out.headings.get_mut(i))
                {
                    h.text = collapse_whitespace(&self.out.text[h.text_at.start..text_end]);
                    h.html.end = self.out.html.len();
                    h.text_at.end = self.out.text.len();
                }
            }
            TagEnd::Table => {
                self.end("tbody");
                self.end_block("table");
            }
            TagEnd::TableHead => {
                self.table_head = false;
                self.end("tr");
                self.end("thead");
                self.start("tbody");
                self.nl();
            }
            TagEnd::TableRow => self.end_block("tr"),
            TagEnd::TableCell => {
                self.cell += 1;
                self.end(if self.table_head { "th" } else { "td" });
            }
            TagEnd::BlockQuote(_) => self.end_block("blockquote"),
            TagEnd::CodeBlock => {
                self.skip(false);
                self.end("code");
                self.end_block("pre");
            }
            TagEnd::List(true) => self.end_block("ol"),
            TagEnd::List(false) => self.end_block("ul"),
            TagEnd::Item => self.end_block("li"),
            TagEnd::DefinitionList => self.end_block("dl"),
            TagEnd::DefinitionListTitle => self.end_block("dt"),
            TagEnd::DefinitionListDefinition => self.end_block("dd"),
            TagEnd::Emphasis => self.end("em"),
            TagEnd::Strong => self.end("strong"),
            TagEnd::Strikethrough => self.end("del"),
            TagEnd::Superscript => self.end("sup"),
            TagEnd::Subscript => self.end("sub"),
            TagEnd::Link => {
                self.links = self.links.saturating_sub(1);
                self.end("a");
            }
            TagEnd::FootnoteDefinition => self.end_block("div"),
            TagEnd::MetadataBlock(_) => return None,
        }
        Some(())
    }

    /// A heading's start tag with custom attributes (`{#id .class key=value}`), as
    /// pulldown-cmark writes it, for the sanitizer (which drops what it does not allow).
    fn unsafe_heading(
        &mut self,
        tag: &str,
        list: &Attributes,
        attrs: &[(
            pulldown_cmark::CowStr<'_>,
            Option<pulldown_cmark::CowStr<'_>>,
        )],
    ) {
        let html = &mut self.out.html;
        html.push('<');
        html.push_str(tag);
        let custom = attrs
            .iter()
            .map(|(n, v)| (n.as_ref(), v.as_deref().unwrap_or("")));
        for (name, value) in list.iter().map(|(n, v)| (*n, v.as_str())).chain(custom) {
            html.push(' ');
            let _ = pulldown_cmark_escape::escape_html(&mut *html, name);
            html.push_str("=\"");
            let _ = pulldown_cmark_escape::escape_html(&mut *html, value);
            html.push('"');
        }
        html.push('>');
        self.started = true;
        self.end_newline = false;
    }

    /// An end tag and the newline pulldown-cmark writes after a block.
    fn end_block(&mut self, tag: &str) {
        self.end(tag);
        self.nl();
    }

    /// Obsidian's `[[Note]]`, `[[Note|label]]`, `[[Note#Heading]]`, `[[#Heading]]`:
    /// a link of class `wikilink` to the note as written (percent-encoded), for the
    /// library to resolve, showing its label as plain text (or the target as
    /// Obsidian shows it, `Note › Heading`); a heading of this note is a link to its id.
    fn wikilink<'a>(
        &mut self,
        dest: &str,
        has_pothole: bool,
        rest: &mut impl Iterator<Item = Node<'a>>,
    ) -> Option<()> {
        let label = alt_text(rest);
        if dest.trim().is_empty() {
            let written = if has_pothole {
                format!("[[{dest}|{label}]]")
            } else {
                format!("[[{dest}]]")
            };
            self.text(&written);
            self.end_newline = false;
            return Some(());
        }
        if self.links > 0 && self.mode != Mode::Unsafe {
            return None;
        }
        let href = match dest.strip_prefix('#') {
            // Percent-encoded as the parser path's link is (a CJK heading's slug).
            Some(heading) => self.url(&format!("#{}", slug(heading))),
            None => {
                self.note_link(LinkKind::Wikilink, &escaped_href(dest));
                self.url(dest)
            }
        };
        let shown = if has_pothole && !label.trim().is_empty() {
            label
        } else {
            wiki_label(dest)
        };
        self.open("a", vec![("class", "wikilink".into()), ("href", href)]);
        self.text(&shown);
        self.end("a");
        Some(())
    }

    /// Obsidian's `![[…]]`: an image when it names one (`|300` or `|300x200` is its
    /// size), otherwise `<a class="wikilink embed">`, a placeholder the library
    /// replaces with the note.
    fn wiki_embed<'a>(
        &mut self,
        dest: &str,
        has_pothole: bool,
        rest: &mut impl Iterator<Item = Node<'a>>,
    ) -> Option<()> {
        let label = alt_text(rest);
        if dest.trim().is_empty() {
            self.text(&format!("![[{label}]]"));
            self.end_newline = false;
            return Some(());
        }
        let value = escaped_href(dest);
        if is_image_name(dest) {
            self.note_link(LinkKind::Image, &value);
            let size = has_pothole.then(|| image_size(&label)).flatten();
            let alt = match size {
                Some(_) => dest.rsplit('/').next().unwrap_or(dest).to_string(),
                None if has_pothole => label,
                None => dest.rsplit('/').next().unwrap_or(dest).to_string(),
            };
            let mut attrs = vec![("src", self.url(dest)), ("alt", alt)];
            if let Some((width, height)) = size {
                attrs.push(("width", width));
                if let Some(h) = height {
                    attrs.push(("height", h));
                }
            }
            self.open("img", attrs);
            return Some(());
        }
        if self.links > 0 && self.mode != Mode::Unsafe {
            return None;
        }
        self.note_link(LinkKind::Embed, &value);
        let shown = if has_pothole && !label.trim().is_empty() {
            label
        } else {
            wiki_label(dest)
        };
        self.open(
            "a",
            vec![("class", "wikilink embed".into()), ("href", self.url(dest))],
        );
        self.text(&shown);
        self.end("a");
        Some(())
    }
}

/// What Obsidian shows for a link to `Note#Heading`: `Note › Heading`.
fn wiki_label(target: &str) -> String {
    let target = target.trim();
    let target = target.strip_prefix('#').unwrap_or(target);
    target
        .split('#')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" › ")
}

/// `300` or `300x200`: an embedded image's size in Obsidian.
fn image_size(label: &str) -> Option<(String, Option<String>)> {
    let label = label.trim();
    let (w, h) = match label.split_once('x') {
        Some((w, h)) => (w, Some(h)),
        None => (label, None),
    };
    let number = |s: &str| !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit());
    (number(w) && h.is_none_or(number)).then(|| (w.to_string(), h.map(str::to_string)))
}

/// A file name an `<img>` can show.
fn is_image_name(target: &str) -> bool {
    let path = target.split('#').next().unwrap_or(target).trim();
    let lower = path.to_ascii_lowercase();
    [
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".svg",
    ]
    .iter()
    .any(|e| lower.ends_with(e))
}

/// An id as the policy leaves it: with Folio's prefix.
fn prefixed(id: &str) -> String {
    if id.starts_with(ID_PREFIX) {
        id.to_string()
    } else {
        format!("{ID_PREFIX}{id}")
    }
}

/// html5ever's serializer: `& < >` and no-break space, plus `"` in attributes.
/// Sets `unsure` for characters the parser rewrites (CR, NUL).
fn escape_into(out: &mut String, text: &str, attribute: bool, unsure: &mut bool) {
    let bytes = text.as_bytes();
    let mut last = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' if attribute => "&quot;",
            0xA0 if i > 0 && bytes[i - 1] == 0xC2 => {
                // U+00A0 is C2 A0 in UTF-8; C2 was copied with the text before it.
                out.push_str(&text[last..i - 1]);
                out.push_str("&nbsp;");
                last = i + 1;
                continue;
            }
            // The parser turns CR into LF and drops or replaces NUL.
            b'\0' | b'\r' => {
                *unsure = true;
                continue;
            }
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&text[last..]);
}

/// An image's alt text: the plain text of what the brackets hold, as
/// pulldown-cmark's `raw_text` writes it.
fn alt_text<'a>(rest: &mut impl Iterator<Item = Node<'a>>) -> String {
    let mut alt = String::new();
    let mut nest = 0usize;
    for node in rest.by_ref() {
        let Node::Md(event) = node else {
            continue;
        };
        match event {
            Event::Start(_) => nest += 1,
            Event::End(_) => {
                if nest == 0 {
                    break;
                }
                nest -= 1;
            }
            Event::Html(_) => {}
            Event::InlineHtml(t) | Event::Code(t) | Event::Text(t) => alt.push_str(&t),
            Event::InlineMath(t) => {
                alt.push('$');
                alt.push_str(&t);
                alt.push('$');
            }
            Event::DisplayMath(t) => {
                alt.push_str("$$");
                alt.push_str(&t);
                alt.push_str("$$");
            }
            Event::SoftBreak | Event::HardBreak | Event::Rule => alt.push(' '),
            Event::FootnoteReference(name) => {
                alt.push_str("[^");
                alt.push_str(&name);
                alt.push(']');
            }
            Event::TaskListMarker(true) => alt.push_str("[x]"),
            Event::TaskListMarker(false) => alt.push_str("[ ]"),
        }
    }
    alt
}

fn heading(level: usize) -> &'static str {
    ["h1", "h2", "h3", "h4", "h5", "h6"][level.clamp(1, 6) - 1]
}

/// A URL as pulldown-cmark writes it into `href`/`src` (percent-encoding what is
/// not URL-safe), read back the way the HTML parser reads the attribute.
fn escaped_href(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    if pulldown_cmark_escape::escape_href(&mut out, url).is_err() {
        return url.to_string();
    }
    if out.contains('&') {
        out.replace("&amp;", "&").replace("&#x27;", "'")
    } else {
        out
    }
}

/// Splits raw HTML that is exactly one complete comment (with whitespace around it)
/// into that whitespace; `None` for anything else.
fn lone_comment(html: &str) -> Option<(&str, &str)> {
    let start = html.len() - html.trim_start().len();
    let end = html.trim_end().len();
    let comment = html.get(start..end)?;
    let inner = comment.strip_prefix("<!--")?.strip_suffix("-->")?;
    let simple = !inner.starts_with('>')
        && !inner.starts_with("->")
        && !inner.contains("--")
        && !inner.contains("<!")
        && !inner.contains(['\0', '\r']);
    simple.then(|| (&html[..start], &html[end..]))
}

/// Where Hexo's excerpt marker `<!-- more -->` starts in raw HTML, if it holds one.
pub(crate) fn more_comment(html: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = html[from..].find("<!--") {
        let at = from + i;
        let rest = &html[at + 4..];
        if rest.split_once("-->").map(|(c, _)| c.trim()) == Some("more") {
            return Some(at);
        }
        from = at + 4;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn safe(events: Vec<Event<'_>>) -> Option<String> {
        write(events.into_iter().map(Node::Md), Mode::Safe, None, 0).map(|w| w.html)
    }

    #[test]
    fn a_big_output_grows_by_quarters_not_by_doubling() {
        // 2.4 MB of HTML from 1 MiB reserved: doubling would end at 4 MiB.
        let md = "Some *text* here, and more of it.\n\n".repeat(60_000);
        let nodes = || pulldown_cmark::Parser::new(&md).map(Node::Md);
        let w = write(nodes(), Mode::Safe, None, STEP_FROM).expect("written");
        assert!(w.html.len() > 2 * STEP_FROM, "{}", w.html.len());
        // At most about 5/16 left unused (doubling: up to a half).
        let spare = |s: &String| (s.capacity() - s.len()) as f64 / s.capacity() as f64;
        assert!(
            spare(&w.html) < 0.32,
            "{} of {}",
            w.html.len(),
            w.html.capacity()
        );
        assert!(
            spare(&w.text) < 0.32,
            "{} of {}",
            w.text.len(),
            w.text.capacity()
        );
        let small = write(nodes(), Mode::Safe, None, 0).expect("written");
        assert_eq!((w.html, w.text), (small.html, small.text));
    }

    #[test]
    fn a_url_is_read_once_per_element_and_as_the_parser_reads_it() {
        let schemes = &POLICY.schemes;
        let mut urls = UrlKinds::default();
        assert_eq!(
            urls.kind("https://a.cn/x", schemes),
            UrlKind::Absolute { allowed: true }
        );
        assert_eq!(
            urls.kind("javascript:alert(1)", schemes),
            UrlKind::Absolute { allowed: false }
        );
        assert_eq!(urls.kind("img/a.png", schemes), UrlKind::Relative);
        assert_eq!(urls.kind("http://[::1", schemes), UrlKind::Broken);
        assert_eq!(
            urls.kind("https://a.cn/x", schemes),
            UrlKind::Absolute { allowed: true }
        );
        assert_eq!(urls.0.len(), 4, "a value seen before is not parsed again");
        // Both passes over a link keep it, or drop it, as before.
        let attrs = |href: &str| POLICY.attributes("a", vec![("href", href.into())], None);
        assert_eq!(
            attrs("https://a.cn/x")[0],
            ("href", "https://a.cn/x".to_string())
        );
        assert!(attrs("javascript:alert(1)")
            .iter()
            .all(|(n, _)| *n != "href"));
        assert!(attrs("http://[::1").iter().all(|(n, _)| *n != "href"));
    }

    #[test]
    fn every_tag_the_writer_emits_is_allowed() {
        for tag in [
            "p",
            "h1",
            "h6",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "blockquote",
            "pre",
            "code",
            "ol",
            "ul",
            "li",
            "em",
            "strong",
            "del",
            "sup",
            "sub",
            "a",
            "img",
            "div",
            "input",
            "br",
            "hr",
            "span",
            "dl",
            "dt",
            "dd",
            "mark",
            "section",
            "details",
            "summary",
        ] {
            assert!(POLICY.tags.contains(tag), "{tag}");
        }
    }

    #[test]
    fn links_get_the_policy_of_the_sanitizer() {
        let attrs = |href: &str| POLICY.attributes("a", vec![("href", href.into())], None);
        assert_eq!(
            attrs("//a.cn/x"),
            [
                ("href", "https://a.cn/x".to_string()),
                ("rel", "noopener noreferrer nofollow".into())
            ]
        );
        assert_eq!(
            attrs("javascript:alert(1)"),
            [("rel", "noopener noreferrer nofollow".to_string())]
        );
        assert_eq!(attrs("#note")[0].1, "#user-content-note");
    }

    #[test]
    fn only_a_lone_simple_comment_is_dropped() {
        assert_eq!(lone_comment("<!-- more -->\n"), Some(("", "\n")));
        assert_eq!(lone_comment("  <!--x-->"), Some(("  ", "")));
        for html in [
            "<!-- a --> <b>",
            "<!-->",
            "<!--->",
            "<!-- a -- b -->",
            "<!-- a",
            "<div>",
            "<!-- <!-- -->",
        ] {
            assert_eq!(lone_comment(html), None, "{html}");
        }
    }

    #[test]
    fn values_the_parser_would_rewrite_make_the_writer_give_up() {
        assert_eq!(safe(vec![Event::Text("a\rb".into())]), None);
        assert_eq!(
            safe(vec![Event::Text("a & b < c \u{a0}".into())]).as_deref(),
            Some("a &amp; b &lt; c &nbsp;")
        );
        let text = write(
            [Node::Md(Event::Text("a\rb".into()))].into_iter(),
            Mode::Text,
            None,
            0,
        );
        assert_eq!(text, None, "text mode gives up where safe mode does");
    }

    #[test]
    fn wiki_labels_and_sizes_read_as_obsidian_shows_them() {
        assert_eq!(wiki_label("Note#Heading#Sub"), "Note › Heading › Sub");
        assert_eq!(wiki_label("#Heading"), "Heading");
        assert_eq!(image_size("300"), Some(("300".into(), None)));
        assert_eq!(
            image_size("300x200"),
            Some(("300".into(), Some("200".into())))
        );
        assert_eq!(image_size("a caption"), None);
        assert!(is_image_name("a/b.PNG") && !is_image_name("Note"));
    }

    #[test]
    fn the_more_comment_is_found_in_raw_html() {
        assert_eq!(more_comment("x <!-- more --> y"), Some(2));
        assert_eq!(more_comment("<!--more-->"), Some(0));
        assert_eq!(more_comment("<!-- less -->"), None);
    }
}
