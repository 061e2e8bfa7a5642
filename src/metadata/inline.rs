//! A front-matter value as the reader sees it: markup becomes its text, Obsidian
//! wiki-links become the names they show, and the first link's address is kept
//! (an author's page). Metadata is shown as text, never as HTML, so markup left in
//! a value would otherwise be printed as written (`By <a href=…>Halulu</a>`).
//!
//! What counts as markup is chosen so that titles about markup keep their words:
//! HTML only when an element is closed by its end tag (`<b>x</b>`), a comment or a
//! `<br>` is there (`Understanding <div> elements` stays as written); Markdown is
//! read inline only (pulldown-cmark, with what would open a block at the start
//! escaped, so `1. Introduction` or `# tag` stay as written).

use crate::text::{collapse_whitespace, decode_entities, html_to_text, Breaks};
use pulldown_cmark::{Event, Options, Parser, Tag};
use std::borrow::Cow;

/// A value's text, and the address of the first link in it, as written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Plain {
    /// The text, trimmed; white space collapsed to single spaces where the value
    /// spans lines or holds markup.
    pub text: String,
    /// The first link's address (`href`, a Markdown link's destination), unchecked.
    pub link: Option<String>,
}

/// The text a value shows and its first link.
pub(crate) fn plain(value: &str) -> Plain {
    let value = wikilinks(value);
    if is_html(&value) {
        return Plain {
            text: html_to_text(&value, Breaks::OneLine),
            link: first_href(&value),
        };
    }
    if !value.contains(['*', '_', '`', '[', '<', '\\', '&', '~']) {
        // Spaces stay as written on one line (as the generators show a title); a value
        // over several lines becomes one.
        let text = if value.contains(['\n', '\r', '\t']) {
            collapse_whitespace(&value)
        } else {
            value.trim().to_string()
        };
        return Plain { text, link: None };
    }
    markdown(&collapse_whitespace(&value))
}

/// Obsidian wiki-links (`[[Note]]`, `[[Note|shown]]`, `![[embed]]`) as the text
/// Obsidian shows for them: the alias, else the note's name (`Note > Heading` for a
/// link to a heading).
fn wikilinks(s: &str) -> Cow<'_, str> {
    if !s.contains("[[") {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find("[[") {
        let after = &rest[open + 2..];
        let Some(close) = after.find("]]") else {
            break;
        };
        let inner = &after[..close];
        let before = &rest[..open];
        if inner.contains(['[', ']', '\n']) || inner.trim().is_empty() {
            out.push_str(&rest[..open + 2]);
            rest = after;
            continue;
        }
        out.push_str(before.strip_suffix('!').unwrap_or(before));
        let (target, alias) = match inner.split_once('|') {
            Some((t, a)) => (t, a.trim()),
            None => (inner, ""),
        };
        if alias.is_empty() {
            let (note, heading) = target.split_once('#').unwrap_or((target, ""));
            match (note.trim(), heading.trim()) {
                (note, "") => out.push_str(note),
                ("", heading) => out.push_str(heading),
                (note, heading) => {
                    out.push_str(note);
                    out.push_str(" > ");
                    out.push_str(heading);
                }
            }
        } else {
            out.push_str(alias);
        }
        rest = &after[close + 2..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Does the value hold HTML someone typed in: a comment, a `<br>`, or an element
/// closed by its end tag?
fn is_html(s: &str) -> bool {
    if !s.contains('<') {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    if lower.contains("<!--") && lower.contains("-->")
        || ["<br>", "<br/>", "<br />"]
            .iter()
            .any(|b| lower.contains(b))
    {
        return true;
    }
    let mut from = 0;
    while let Some(i) = lower[from..].find("</") {
        let at = from + i + 2;
        let name_len = lower[at..]
            .bytes()
            .take_while(u8::is_ascii_alphanumeric)
            .count();
        let name = &lower[at..at + name_len];
        let closes = lower[at + name_len..].trim_start().starts_with('>');
        if name_len > 0 && closes && opens(&lower[..at - 2], name) {
            return true;
        }
        from = at;
    }
    false
}

/// Is there a start tag `<name …>` in `before`?
fn opens(before: &str, name: &str) -> bool {
    let tag = format!("<{name}");
    before.match_indices(&tag).any(|(i, _)| {
        matches!(
            before.as_bytes().get(i + tag.len()),
            Some(b'>' | b'/' | b' ' | b'\t' | b'\n')
        )
    })
}

/// The `href` of the first `<a>` element, character references decoded.
fn first_href(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find("<a") {
        let at = from + i + 2;
        from = at;
        if !lower[at..].starts_with([' ', '\t', '\n']) {
            continue;
        }
        let end = lower[at..].find('>').map_or(lower.len(), |e| at + e);
        if let Some(v) = attribute(&html[at..end], &lower[at..end], "href") {
            return Some(decode_entities(v).into_owned());
        }
    }
    None
}

/// The value of attribute `name` in a start tag's inside (`lower` is the same text
/// lowercased, for finding the name), quoted or not.
fn attribute<'a>(tag: &'a str, lower: &str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let preceded = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = tag[from..].trim_start();
        let Some(value) = rest.strip_prefix('=').map(str::trim_start) else {
            continue;
        };
        if !preceded {
            continue;
        }
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let inner = &value[1..];
                &inner[..inner.find(q).unwrap_or(inner.len())]
            }
            _ => {
                let end = value.find(char::is_whitespace).unwrap_or(value.len());
                &value[..end]
            }
        });
    }
    None
}

/// One line of inline Markdown as text, with its first link's destination.
fn markdown(line: &str) -> Plain {
    let guarded = guard_block_start(line);
    let mut text = String::with_capacity(line.len());
    let mut link = None;
    let events = Parser::new_ext(&guarded, Options::ENABLE_STRIKETHROUGH);
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Start(Tag::Link { dest_url, .. }) if link.is_none() => {
                link = Some(dest_url.into_string());
            }
            _ => {}
        }
    }
    Plain {
        text: collapse_whitespace(&text),
        link,
    }
}

/// Escapes what would open a block at the start of the line (a heading, a quote,
/// a list item, a thematic break, a fence, an HTML block, a link definition), so that
/// the line is read as one paragraph of inline Markdown.
fn guard_block_start(line: &str) -> Cow<'_, str> {
    let b = line.as_bytes();
    let followed_by_space = |i: usize| b.get(i).is_none_or(|c| *c == b' ' || *c == b'\t');
    let hashes = b.iter().take_while(|c| **c == b'#').count();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let escape_at = match b.first() {
        Some(b'#') if hashes <= 6 && followed_by_space(hashes) => Some(0),
        Some(b'>') => Some(0),
        Some(b'-' | b'+' | b'*') if followed_by_space(1) => Some(0),
        Some(b'-' | b'*' | b'_') if is_thematic_break(line) => Some(0),
        Some(b'`' | b'~') if line.starts_with("```") || line.starts_with("~~~") => Some(0),
        Some(b'<') => {
            let tag = &line[..line.find('>').unwrap_or(line.len())];
            (!tag.contains([':', '@'])).then_some(0)
        }
        Some(b'[') if line.find("]:").is_some_and(|i| !line[..i].contains(']')) => Some(0),
        Some(b'0'..=b'9')
            if digits <= 9
                && matches!(b.get(digits), Some(b'.' | b')'))
                && followed_by_space(digits + 1) =>
        {
            Some(digits)
        }
        _ => None,
    };
    match escape_at {
        Some(i) => Cow::Owned(format!("{}\\{}", &line[..i], &line[i..])),
        None => Cow::Borrowed(line),
    }
}

/// Three or more of one of `-`, `*`, `_` with only spaces between.
fn is_thematic_break(line: &str) -> bool {
    let Some(c) = line.chars().next() else {
        return false;
    };
    line.chars().all(|x| x == c || x == ' ') && line.chars().filter(|x| *x == c).count() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(v: &str) -> String {
        plain(v).text
    }

    #[test]
    fn html_becomes_its_text_and_its_link() {
        let p = plain(r#"<a href="https://halu.lu" target="_blank">Halulu</a>"#);
        assert_eq!(p.text, "Halulu");
        assert_eq!(p.link.as_deref(), Some("https://halu.lu"));
        let p = plain("<A TARGET=x HREF='/a?b=1&amp;c=2'>Ann</A> &amp; Bob");
        assert_eq!(p.text, "Ann & Bob");
        assert_eq!(p.link.as_deref(), Some("/a?b=1&c=2"));
        assert_eq!(text("One<br>two"), "One two");
        assert_eq!(text("<b>Bold</b> title <!-- note -->"), "Bold title");
        let p = plain("<abbr>x</abbr> <a>no href</a>");
        assert_eq!((p.text.as_str(), p.link), ("x no href", None));
    }

    #[test]
    fn words_about_markup_stay_as_written() {
        for v in [
            "Understanding <div> elements",
            "<Video> component in React",
            "a < b && c > d",
            "Vec<String> vs &str",
            "1. Introduction",
            "# not a heading",
            "- dash first",
            "+ plus",
            "* star item",
            "---",
            "> quoted",
            "[1]: footnote-like",
            "```fence",
            "C:\\Users\\me",
            "snake_case_names",
            "5 * 3 = 15",
            "Right to repair_ what can you do_",
            "[中文] 《长恨歌》",
            "AT&T",
            "2) second",
        ] {
            assert_eq!(text(v), v, "{v}");
        }
    }

    #[test]
    fn inline_markdown_becomes_its_text() {
        assert_eq!(
            text("Using *emphasis* and **strong**"),
            "Using emphasis and strong"
        );
        assert_eq!(text("The `git rebase` command"), "The git rebase command");
        assert_eq!(text("~~old~~ new"), "old new");
        assert_eq!(text("Tom &amp; Jerry &#x4e2d;"), "Tom & Jerry 中");
        assert_eq!(text("*Emphasis* first"), "Emphasis first");
        assert_eq!(text("![alt text](a.png) here"), "alt text here");
        let p = plain("[Steph Ango](https://stephango.com)");
        assert_eq!(p.text, "Steph Ango");
        assert_eq!(p.link.as_deref(), Some("https://stephango.com"));
        let p = plain("<https://example.com/me>");
        assert_eq!(p.text, "https://example.com/me");
        assert_eq!(p.link.as_deref(), Some("https://example.com/me"));
        assert_eq!(text("  a \n  b  "), "a b");
    }

    #[test]
    fn wiki_links_show_their_names() {
        assert_eq!(text("[[Steph Ango]]"), "Steph Ango");
        assert_eq!(text("[[Clippings|My clippings]]"), "My clippings");
        assert_eq!(text("![[cover.png]]"), "cover.png");
        assert_eq!(text("[[Note#Part two]]"), "Note > Part two");
        assert_eq!(text("[[#Local]]"), "Local");
        assert_eq!(text("See [[A]] and [[B|b]]!"), "See A and b!");
        assert_eq!(text("[[unclosed"), "[[unclosed");
        assert_eq!(text("[[]] [[a[b]]"), "[[]] [[a[b]]");
    }
}
