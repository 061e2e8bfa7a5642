//! Stage 6: the outline of sanitized HTML: heading ids and the table of contents,
//! plain text, and CJK-aware counts and reading time.
//!
//! It reads the sanitizer's serialized output (html5ever's: lowercase tags, quoted
//! attributes, `&amp; &lt; &gt; &quot; &nbsp;` escapes), so a small scanner is exact here.

use crate::article::{Stats, TocEntry};
use crate::sanitize::ID_PREFIX;
use crate::text::{
    collapse_whitespace, decode_entities, escape, html_to_text, is_cjk, tag_spans, Breaks,
};
use std::collections::HashSet;

/// Sanitized HTML with heading ids, and what was measured on it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Outline {
    /// The HTML, every heading carrying an `id`.
    pub html: String,
    /// One entry per heading.
    pub toc: Vec<TocEntry>,
    /// Counts and reading time.
    pub stats: Stats,
    /// The body's plain text.
    pub text: String,
}

/// Chinese is read at about 400 characters a minute, English at about 200 words.
const CJK_CHARS_PER_MINUTE: usize = 400;
const WORDS_PER_MINUTE: usize = 200;

/// Gives every heading an id (keeping one the article set), builds the TOC and counts.
pub(crate) fn outline(html: &str) -> Outline {
    let mut out = String::with_capacity(html.len() + 64);
    let mut toc = Vec::new();
    let mut used: HashSet<String> = HashSet::new();
    let mut pos = 0;
    let headings = tag_spans(html).filter_map(|(at, end)| {
        let b = html.as_bytes();
        let level = *b.get(at + 2)?;
        let ok = b[at + 1] == b'h'
            && (b'1'..=b'6').contains(&level)
            && matches!(b.get(at + 3), Some(b' ' | b'>'));
        ok.then(|| (at, end, level - b'0'))
    });
    for (at, open_end, level) in headings {
        if at < pos {
            continue;
        }
        let close = format!("</h{level}>");
        let inner_end = html[open_end..]
            .find(&close)
            .map_or(html.len(), |e| open_end + e);
        let text = collapse_whitespace(&html_to_text(&html[open_end..inner_end], Breaks::Lines));
        let open_tag = &html[at..open_end];
        out.push_str(&html[pos..at]);
        let id = match attr_value(open_tag, "id") {
            Some(id) => {
                out.push_str(open_tag);
                decode_entities(id).into_owned()
            }
            None => {
                let id = unique_id(&slug(&text), &mut used);
                out.push_str(&open_tag[..open_tag.len() - 1]);
                out.push_str(&format!(" id=\"{}\">", escape(&id)));
                id
            }
        };
        used.insert(id.clone());
        toc.push(TocEntry { level, id, text });
        pos = open_end;
    }
    out.push_str(&html[pos..]);
    let text = html_to_text(html, Breaks::Lines);
    let stats = count(&text);
    Outline {
        html: out,
        toc,
        stats,
        text,
    }
}

fn attr_value<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

fn unique_id(base: &str, used: &mut HashSet<String>) -> String {
    let base = if base.is_empty() { "section" } else { base };
    let mut id = format!("{ID_PREFIX}{base}");
    let mut n = 1;
    while used.contains(&id) {
        id = format!("{ID_PREFIX}{base}-{n}");
        n += 1;
    }
    id
}

/// GitHub-style slug that keeps CJK and other letters: lowercase, spaces to `-`, punctuation dropped.
fn slug(text: &str) -> String {
    let mut s = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            s.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '_') && !s.ends_with('-') {
            s.push('-');
        }
    }
    s.trim_matches('-').to_string()
}

/// Counts characters and words; each CJK character is a word.
fn count(text: &str) -> Stats {
    let (mut chars, mut cjk, mut words, mut in_word) = (0, 0, 0, false);
    for c in text.chars() {
        if c.is_whitespace() {
            in_word = false;
            continue;
        }
        chars += 1;
        if is_cjk(c) {
            in_word = false;
            if c.is_alphanumeric() {
                cjk += 1;
            }
        } else if c.is_alphanumeric() {
            if !in_word {
                words += 1;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
    let minutes =
        (cjk as f64 / CJK_CHARS_PER_MINUTE as f64 + words as f64 / WORDS_PER_MINUTE as f64).ceil();
    Stats {
        chars,
        words: words + cjk,
        reading_minutes: if chars == 0 {
            0
        } else {
            (minutes as usize).max(1)
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_ids_and_text_is_counted() {
        let o = outline("<h2>Hello &amp; bye</h2><p>你好世界 and two</p>");
        assert_eq!(o.toc[0].id, "user-content-hello-bye");
        assert_eq!(o.toc[0].text, "Hello & bye");
        assert!(o.html.starts_with(r#"<h2 id="user-content-hello-bye">"#));
        assert_eq!(o.stats.words, 2 + 4 + 2);
        assert_eq!(o.text, "Hello & bye\n你好世界 and two\n");
    }

    #[test]
    fn duplicate_and_empty_headings_get_unique_ids() {
        let o = outline("<h1>A</h1><h2>A</h2><h3></h3><h3>!!</h3>");
        let ids: Vec<_> = o.toc.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "user-content-a",
                "user-content-a-1",
                "user-content-section",
                "user-content-section-1"
            ]
        );
    }

    #[test]
    fn existing_ids_are_kept() {
        let o = outline(r#"<h2 id="user-content-x">T</h2><h2>x</h2>"#);
        assert_eq!(o.toc[0].id, "user-content-x");
        assert_eq!(o.toc[1].id, "user-content-x-1");
    }

    #[test]
    fn cjk_slugs_and_counts() {
        assert_eq!(slug("跨境电商 综试区！"), "跨境电商-综试区");
        let s = count("中文八个字符字符 two words");
        assert_eq!((s.words, s.reading_minutes), (10, 1));
        assert_eq!(count("").reading_minutes, 0);
    }

    #[test]
    fn hr_and_header_tags_are_not_headings() {
        let o = outline("<hr><header>x</header><h7>y</h7>");
        assert!(o.toc.is_empty());
    }
}
