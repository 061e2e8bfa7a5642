//! Markdown events written straight to safe HTML, with no HTML parser in between:
//! the fast path for Markdown that holds no raw HTML, where sanitizing takes about
//! three quarters of the whole render (README "Performance").
//!
//! The output is byte for byte what [`super::Sanitizer`] makes of pulldown-cmark's
//! HTML for the same events (two ammonia passes, then the image attributes): every
//! element's attributes go through [`Policy::attributes`], which replays ammonia's
//! own steps with the same builder, and text is escaped the way html5ever serializes
//! it. Tests compare the two paths over the CommonMark spec, the corpus and generated
//! Markdown. Anything the writer cannot vouch for (raw HTML other than a lone
//! comment, a link inside a link, characters the HTML parser would rewrite) makes it
//! give up with `None`, and the caller takes the parser path.

use super::policy::{filter_attribute, DEFAULT, ID_PREFIX, IMAGE_ATTRIBUTES, LINK_REL};
use ammonia::Builder;
use pulldown_cmark::{Alignment, CodeBlockKind, Event, LinkType, Tag, TagEnd};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;
use url::Url;

/// What ammonia's builder allows, read once from the builder `sanitize` uses.
pub(super) struct Policy {
    tags: HashSet<&'static str>,
    generic: HashSet<&'static str>,
    tag_attributes: HashMap<&'static str, HashSet<&'static str>>,
    tag_attribute_values: HashMap<&'static str, HashMap<&'static str, HashSet<&'static str>>>,
    set_values: HashMap<&'static str, Vec<(&'static str, &'static str)>>,
    schemes: HashSet<&'static str>,
}

pub(super) static POLICY: LazyLock<Policy> = LazyLock::new(|| Policy::of(&DEFAULT));

type Attributes = Vec<(&'static str, String)>;

impl Policy {
    fn of(b: &Builder<'static>) -> Self {
        Policy {
            tags: b.clone_tags(),
            generic: b.clone_generic_attributes(),
            tag_attributes: b.clone_tag_attributes(),
            tag_attribute_values: b.clone_tag_attribute_values(),
            set_values: b
                .clone_set_tag_attribute_values()
                .into_iter()
                .map(|(tag, set)| {
                    let mut set: Vec<_> = set.into_iter().collect();
                    set.sort_unstable();
                    (tag, set)
                })
                .collect(),
            schemes: b.clone_url_schemes(),
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
    fn pass(&self, tag: &'static str, mut attrs: Attributes, base: Option<&Url>) -> Attributes {
        attrs.retain(|(name, value)| {
            if !self.allowed(tag, name, value) {
                false
            } else if is_url_attribute(name) {
                match Url::parse(value) {
                    Ok(u) => self.schemes.contains(u.scheme()),
                    Err(e) => e == url::ParseError::RelativeUrlWithoutBase,
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
            if is_url_attribute(name) && is_relative(value) {
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
        let once = self.pass(tag, attrs, base);
        self.pass(tag, once, base)
    }
}

/// ammonia's URL attributes, for the elements this writer emits.
fn is_url_attribute(name: &str) -> bool {
    name == "href" || name == "src"
}

fn is_relative(value: &str) -> bool {
    matches!(
        Url::parse(value),
        Err(url::ParseError::RelativeUrlWithoutBase)
    )
}

/// Writes `events` as safe HTML, or gives up (`None`) when only the HTML parser
/// can tell what they mean.
/// `capacity` is a guess at the output's length (from the input's), to spare
/// reallocations of a big output.
pub(super) fn write<'a>(
    events: impl Iterator<Item = Event<'a>>,
    base: Option<&Url>,
    capacity: usize,
) -> Option<String> {
    let mut w = Writer {
        out: String::with_capacity(capacity),
        end_newline: true,
        numbers: HashMap::new(),
        table_head: false,
        alignments: Vec::new(),
        cell: 0,
        links: 0,
        policy: &POLICY,
        base,
        unsure: false,
    };
    let mut iter = events;
    while let Some(event) = iter.next() {
        w.event(&event, &mut iter)?;
        if w.unsure {
            return None;
        }
    }
    Some(w.out)
}

/// Mirrors pulldown-cmark's `HtmlWriter` (the same newlines between blocks, so the
/// same whitespace text), with ammonia's attributes and html5ever's escaping.
struct Writer<'p> {
    out: String,
    end_newline: bool,
    numbers: HashMap<String, usize>,
    table_head: bool,
    alignments: Vec<Alignment>,
    cell: usize,
    links: usize,
    policy: &'p Policy,
    base: Option<&'p Url>,
    /// Set when a value holds a character the HTML parser would rewrite.
    unsure: bool,
}

impl Writer<'_> {
    fn write(&mut self, s: &str) {
        self.out.push_str(s);
        if !s.is_empty() {
            self.end_newline = s.ends_with('\n');
        }
    }

    /// Where a block opens, pulldown-cmark starts a new line unless one is started.
    fn line_start(&mut self) {
        if !self.end_newline {
            self.write("\n");
        }
    }

    /// A block's opening tag (with no attributes), on a line of its own.
    fn block(&mut self, s: &str) {
        self.line_start();
        self.write(s);
    }

    fn text(&mut self, text: &str) {
        self.escape(text, false);
    }

    /// html5ever's serializer: `& < >` and no-break space, plus `"` in attributes.
    fn escape(&mut self, text: &str, attribute: bool) {
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
                    self.out.push_str(&text[last..i - 1]);
                    self.out.push_str("&nbsp;");
                    last = i + 1;
                    continue;
                }
                // The parser turns CR into LF and drops or replaces NUL.
                b'\0' | b'\r' => {
                    self.unsure = true;
                    continue;
                }
                _ => continue,
            };
            self.out.push_str(&text[last..i]);
            self.out.push_str(rep);
            last = i + 1;
        }
        self.out.push_str(&text[last..]);
    }

    /// An element's start tag with the attributes the sanitizer would leave.
    fn open(&mut self, tag: &'static str, attrs: Attributes) {
        debug_assert!(self.policy.tags.contains(tag), "{tag} is not allowed");
        let attrs = self.policy.attributes(tag, attrs, self.base);
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in &attrs {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            self.escape(value, true);
            self.out.push('"');
        }
        if tag == "img" {
            self.out.push_str(IMAGE_ATTRIBUTES);
        }
        self.write(">");
    }

    fn footnote_number(&mut self, name: &str) -> usize {
        let next = self.numbers.len() + 1;
        *self.numbers.entry(name.to_string()).or_insert(next)
    }

    fn event<'a>(
        &mut self,
        event: &Event<'_>,
        rest: &mut impl Iterator<Item = Event<'a>>,
    ) -> Option<()> {
        match event {
            Event::Start(tag) => self.start(tag, rest)?,
            Event::End(tag) => self.end(*tag)?,
            Event::Text(t) => {
                self.text(t);
                self.end_newline = t.ends_with('\n');
            }
            Event::Code(t) => {
                self.write("<code>");
                self.text(t);
                self.write("</code>");
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                // Only a lone comment, which the sanitizer removes, leaving the
                // whitespace around it (as in Hexo's `<!-- more -->`).
                let (before, after) = lone_comment(html)?;
                self.text(before);
                self.text(after);
                if !html.is_empty() {
                    self.end_newline = html.ends_with('\n');
                }
            }
            Event::SoftBreak => self.write("\n"),
            Event::HardBreak => self.write("<br>\n"),
            Event::Rule => self.block("<hr>\n"),
            Event::FootnoteReference(name) => {
                if self.links > 0 {
                    return None;
                }
                self.open("sup", vec![("class", "footnote-reference".into())]);
                self.open("a", vec![("href", format!("#{name}"))]);
                let n = self.footnote_number(name);
                self.write(&n.to_string());
                self.write("</a></sup>");
            }
            Event::TaskListMarker(checked) => {
                let mut attrs: Attributes =
                    vec![("disabled", String::new()), ("type", "checkbox".into())];
                if *checked {
                    attrs.push(("checked", String::new()));
                }
                self.open("input", attrs);
                self.write("\n");
            }
            Event::InlineMath(_) | Event::DisplayMath(_) => return None,
        }
        Some(())
    }

    fn start<'a>(
        &mut self,
        tag: &Tag<'_>,
        rest: &mut impl Iterator<Item = Event<'a>>,
    ) -> Option<()> {
        match tag {
            Tag::HtmlBlock => {}
            Tag::Paragraph => self.block("<p>"),
            Tag::Heading {
                level,
                id,
                classes,
                attrs,
            } => {
                if !attrs.is_empty() {
                    return None;
                }
                let mut list = Attributes::new();
                if let Some(id) = id {
                    list.push(("id", id.to_string()));
                }
                if !classes.is_empty() {
                    let joined: Vec<&str> = classes.iter().map(|c| c.as_ref()).collect();
                    list.push(("class", joined.join(" ")));
                }
                self.line_start();
                self.open(heading(*level as usize), list);
            }
            Tag::Table(alignments) => {
                self.alignments.clone_from(alignments);
                self.write("<table>");
            }
            Tag::TableHead => {
                self.table_head = true;
                self.cell = 0;
                self.write("<thead><tr>");
            }
            Tag::TableRow => {
                self.cell = 0;
                self.write("<tr>");
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
                self.write("\n");
            }
            Tag::CodeBlock(kind) => {
                self.line_start();
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split(' ').next().unwrap_or(""),
                    CodeBlockKind::Indented => "",
                };
                self.write("<pre>");
                let attrs = if lang.is_empty() {
                    Vec::new()
                } else {
                    vec![("class", format!("language-{lang}"))]
                };
                self.open("code", attrs);
            }
            Tag::List(Some(1)) => self.block("<ol>\n"),
            Tag::List(Some(start)) => {
                self.line_start();
                self.open("ol", vec![("start", start.to_string())]);
                self.write("\n");
            }
            Tag::List(None) => self.block("<ul>\n"),
            Tag::Item => self.block("<li>"),
            Tag::Emphasis => self.write("<em>"),
            Tag::Strong => self.write("<strong>"),
            Tag::Strikethrough => self.write("<del>"),
            Tag::Superscript => self.write("<sup>"),
            Tag::Subscript => self.write("<sub>"),
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => {
                if self.links > 0 {
                    return None;
                }
                self.links += 1;
                let mut href = if *link_type == LinkType::Email {
                    String::from("mailto:")
                } else {
                    String::new()
                };
                href.push_str(&escaped_href(dest_url));
                let mut attrs = vec![("href", href)];
                if !title.is_empty() {
                    attrs.push(("title", title.to_string()));
                }
                self.open("a", attrs);
            }
            Tag::Image {
                dest_url, title, ..
            } => {
                let alt = self.alt_text(rest);
                let mut attrs = vec![("src", escaped_href(dest_url)), ("alt", alt)];
                if !title.is_empty() {
                    attrs.push(("title", title.to_string()));
                }
                self.open("img", attrs);
            }
            Tag::FootnoteDefinition(name) => {
                self.line_start();
                self.open(
                    "div",
                    vec![
                        ("class", "footnote-definition".into()),
                        ("id", name.to_string()),
                    ],
                );
                self.open("sup", vec![("class", "footnote-definition-label".into())]);
                let n = self.footnote_number(name);
                self.write(&n.to_string());
                self.write("</sup>");
            }
            Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => return None,
        }
        Some(())
    }

    fn end(&mut self, tag: TagEnd) -> Option<()> {
        let close = match tag {
            TagEnd::HtmlBlock | TagEnd::Image => return Some(()),
            TagEnd::Paragraph => "</p>\n",
            TagEnd::Heading(level) => {
                self.write(&format!("</{}>\n", heading(level as usize)));
                return Some(());
            }
            TagEnd::Table => "</tbody></table>\n",
            TagEnd::TableHead => {
                self.table_head = false;
                "</tr></thead><tbody>\n"
            }
            TagEnd::TableRow => "</tr>\n",
            TagEnd::TableCell => {
                self.cell += 1;
                if self.table_head {
                    "</th>"
                } else {
                    "</td>"
                }
            }
            TagEnd::BlockQuote(_) => "</blockquote>\n",
            TagEnd::CodeBlock => "</code></pre>\n",
            TagEnd::List(true) => "</ol>\n",
            TagEnd::List(false) => "</ul>\n",
            TagEnd::Item => "</li>\n",
            TagEnd::Emphasis => "</em>",
            TagEnd::Strong => "</strong>",
            TagEnd::Strikethrough => "</del>",
            TagEnd::Superscript => "</sup>",
            TagEnd::Subscript => "</sub>",
            TagEnd::Link => {
                self.links -= 1;
                "</a>"
            }
            TagEnd::FootnoteDefinition => "</div>\n",
            TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::MetadataBlock(_) => return None,
        };
        self.write(close);
        Some(())
    }

    /// An image's alt text: the plain text of what the brackets hold, as
    /// pulldown-cmark's `raw_text` writes it.
    fn alt_text<'a>(&mut self, rest: &mut impl Iterator<Item = Event<'a>>) -> String {
        let mut alt = String::new();
        let mut nest = 0usize;
        for event in rest.by_ref() {
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
                    let n = self.footnote_number(&name);
                    alt.push_str(&format!("[{n}]"));
                }
                Event::TaskListMarker(true) => alt.push_str("[x]"),
                Event::TaskListMarker(false) => alt.push_str("[ ]"),
            }
        }
        alt
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
        let events = [Event::Text("a\rb".into())];
        assert_eq!(write(events.into_iter(), None, 0), None);
        let events = [Event::Text("a & b < c \u{a0}".into())];
        assert_eq!(
            write(events.into_iter(), None, 0).as_deref(),
            Some("a &amp; b &lt; c &nbsp;")
        );
    }
}
