//! Stage 6: the outline of the sanitized body: its title heading (dropped when it
//! repeats the article's title), heading ids and the table of contents, the plain
//! text, the relative references, counts and reading time, and the excerpt.
//!
//! It reads either what the safe Markdown writer noted while writing (the text,
//! headings, links, the `<!-- more -->` mark: also when no HTML was written), or
//! the sanitizer's serialized output (html5ever's: lowercase tags, quoted
//! attributes, `&amp; &lt; &gt; &quot; &nbsp;` escapes), so a small scanner is exact.

use crate::article::{Link, LinkKind, Stats, TocEntry};
use crate::sanitize::{has_hidden, hidden_spans, tidy, Heading, Safe, ID_PREFIX};
use crate::text::{
    attr_value, body_text, collapse_whitespace, decode_entities, escape, html_to_text, is_cjk,
    is_letter_or_digit, relative_target, slug, tag_spans, Breaks,
};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The body's outline and what was measured on it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Outline {
    /// The article's title, decided before its heading was dropped from the body.
    pub title: Option<String>,
    /// The sanitized HTML, every heading carrying an `id` (empty when not asked for,
    /// unless reader mode hid some of it and it has headings: the TOC needs their ids).
    pub html: String,
    /// One entry per heading.
    pub toc: Vec<TocEntry>,
    /// Counts and reading time.
    pub stats: Stats,
    /// The body's plain text: one block a line, no blank lines.
    pub text: String,
    /// Relative references, in order.
    pub links: Vec<Link>,
    /// The plain text before `<!-- more -->`, or the opening of the body, when asked.
    pub excerpt: Option<String>,
}

/// Text with the ranges in it that are not prose (code, footnotes).
type BodyText = (String, Vec<Range<usize>>);

/// What the caller wants besides the text, TOC and counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Want {
    /// The HTML (with heading ids).
    pub html: bool,
    /// The excerpt (there is no summary).
    pub excerpt: bool,
    /// The relative references (none stay relative when a base URL resolves them).
    pub links: bool,
}

/// Chinese is read at about 400 characters a minute, English at about 200 words.
const CJK_CHARS_PER_MINUTE: usize = 400;
const WORDS_PER_MINUTE: usize = 200;

/// How long an excerpt may be, in columns (a CJK character takes two): the opening
/// of the body is a short preview; the text before `<!-- more -->` may be longer.
const PREVIEW_COLUMNS: usize = 280;
const MORE_COLUMNS: usize = 2000;

/// The outline of the safe body. `before_more` is the sanitized HTML before
/// `<!-- more -->` (where the body was raw); `title` decides the article's title
/// from the body's first `<h1>` text, before a heading that repeats it is dropped.
pub(crate) fn outline(
    body: Safe,
    before_more: Option<String>,
    want: Want,
    title: impl FnOnce(Option<&str>) -> Option<String>,
) -> Outline {
    let mut o = Outline::default();
    let (raw_text, code, more): (String, Vec<Range<usize>>, Option<BodyText>);
    match body {
        Safe::Written(mut w) => {
            let first_h1 = w.headings.iter().find(|h| h.level == 1);
            o.title = title(first_h1.map(|h| h.text.as_str()));
            let opening = w.opens_with_heading.then(|| w.headings.first()).flatten();
            let mut more_at = w.more.map(|m| m.text);
            if opening.is_some_and(|h| same_title(&h.text, o.title.as_deref())) {
                let h = w.headings.remove(0);
                if !w.html.is_empty() {
                    w.html.replace_range(h.html.clone(), "");
                }
                let cut = h.text_at.clone();
                w.text.replace_range(cut.clone(), "");
                w.skip = w.skip.iter().map(|r| shift(r, &cut)).collect();
                more_at = more_at.map(|m| shift(&(m..m), &cut).start);
            }
            more = more_at.map(|m| {
                let code = w.skip.iter().filter(|r| r.end <= m).cloned().collect();
                (w.text[..m].to_string(), code)
            });
            if want.html {
                let html = std::mem::take(&mut w.html);
                (o.html, o.toc) = with_ids(tidy(html.into()).into_owned());
            } else {
                o.toc = ids(w
                    .headings
                    .iter()
                    .map(|h: &Heading| (h.level, h.id.clone(), h.text.clone())));
            }
            if want.links {
                o.links = w.links;
            }
            (raw_text, code) = (w.text, w.skip);
        }
        // Only the `html` tier sanitizes raw HTML: in a lighter one this body is empty and
        // the render fails `not-ready`, so its readers are left out of the module.
        Safe::Html(_) if !cfg!(feature = "html") => return o,
        Safe::Html(mut clean) => {
            if want.links {
                o.links = links(&clean);
            }
            let first_h1 = heading_spans(&clean).find(|h| h.level == 1);
            o.title = title(first_h1.as_ref().map(|h| h.text.as_str()));
            drop_title_heading(&mut clean, o.title.as_deref());
            more = before_more.map(|mut part| {
                drop_title_heading(&mut part, o.title.as_deref());
                body_text(&part)
            });
            (raw_text, code) = body_text(&clean);
            // A heading inside a block reader mode hid is left out of the TOC by its id
            // in the HTML (`assemble`), so such a body is written with ids here too.
            if want.html || (has_heading(&clean) && has_hidden(&clean)) {
                (o.html, o.toc) = with_ids(tidy(clean.into()).into_owned());
            } else if has_heading(&clean) {
                // As the full render reads the tidied HTML. Tidying drops empty `<p>` and
                // `<div>` wrappers (such as the `<p></p>` a stray `</p>` in a heading
                // makes) and blank lines, so headings without either wrapper in them
                // keep their text (white space is collapsed in it) and need no tidying.
                let spans: Vec<HeadingSpan> = heading_spans(&clean).collect();
                let wrapped = spans.iter().any(|h| {
                    let inner = &clean[h.open_end..h.end];
                    inner.contains("<p") || inner.contains("<div")
                });
                o.toc = if wrapped {
                    ids(heading_spans(&tidy(clean.as_str().into()))
                        .map(|h| (h.level, h.id, h.text)))
                } else {
                    ids(spans.into_iter().map(|h| (h.level, h.id, h.text)))
                };
            }
        }
    }
    if want.excerpt {
        let from_more = more.and_then(|(text, code)| {
            let text = prose(&text, &code, usize::MAX);
            let prose: Vec<&str> = lines(&text).collect();
            (!prose.is_empty()).then(|| preview(&prose, MORE_COLUMNS))
        });
        o.excerpt = from_more.or_else(|| {
            let text = prose(&raw_text, &code, 4 * PREVIEW_COLUMNS);
            let prose: Vec<&str> = lines(&text).collect();
            (!prose.is_empty()).then(|| preview(&prose, PREVIEW_COLUMNS))
        });
    }
    o.text = joined_lines(raw_text);
    o.stats = count(&o.text);
    o
}

/// The lines of a text that hold something, trimmed, joined by `\n`: written over the
/// text itself (each line moves towards the start), since a second text beside a big
/// body's was the core's peak.
fn joined_lines(text: String) -> String {
    let mut bytes = text.into_bytes();
    let (mut read, mut write) = (0, 0);
    while read < bytes.len() {
        let end = bytes[read..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |at| read + at);
        // Not yet written over (`write` stays at or behind `read`): the line as it was,
        // whole characters between line breaks.
        let (start, len) =
            std::str::from_utf8(&bytes[read..end]).map_or((read, end - read), |line| {
                let lead = line.len() - line.trim_start().len();
                (read + lead, line.trim().len())
            });
        if len > 0 {
            if write > 0 {
                bytes[write] = b'\n';
                write += 1;
            }
            bytes.copy_within(start..start + len, write);
            write += len;
        }
        read = end + 1;
    }
    bytes.truncate(write);
    String::from_utf8(bytes)
        .unwrap_or_else(|bad| String::from_utf8_lossy(bad.as_bytes()).into_owned())
}

/// A range moved for `cut` having been taken out of the text before it.
fn shift(r: &Range<usize>, cut: &Range<usize>) -> Range<usize> {
    let len = cut.end - cut.start;
    let at = |p: usize| {
        if p >= cut.end {
            p - len
        } else {
            p.min(cut.start)
        }
    };
    at(r.start)..at(r.end)
}

/// The lines of a text that hold something, trimmed.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').map(str::trim).filter(|l| !l.is_empty())
}

/// The text without what is not prose (`skip`: code, footnotes), up to about `most`
/// bytes of prose.
fn prose(text: &str, skip: &[Range<usize>], most: usize) -> String {
    let mut out = String::new();
    let mut pos = 0;
    for r in skip.iter().chain([&(text.len()..text.len())]) {
        if r.start >= pos {
            out.push_str(&text[pos..r.start]);
        }
        pos = pos.max(r.end);
        if out.len() >= most {
            break;
        }
    }
    out
}

/// Lines as one short text: whole lines while they fit in `columns` (a CJK
/// character takes two), then the next cut at a word (or at a character in CJK
/// text), with `…`.
fn preview(lines: &[&str], columns: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for line in lines {
        if !out.is_empty() {
            out.push('\n');
            used += 1;
        }
        for (i, c) in line.char_indices() {
            let width = if is_cjk(c) { 2 } else { 1 };
            if used + width > columns {
                let mut cut = &line[..i];
                if !is_cjk(c) && !c.is_whitespace() {
                    // In the middle of a word: back to its start, unless the line is one word.
                    if let Some(space) = cut.rfind(char::is_whitespace) {
                        cut = &cut[..space];
                    }
                }
                out.push_str(cut.trim_end());
                out.push('…');
                return out;
            }
            used += width;
        }
        out.push_str(line);
    }
    out
}

/// Whether a heading's text is the article's title: the same words, ignoring case,
/// white space and character references.
fn same_title(heading: &str, title: Option<&str>) -> bool {
    let norm = |s: &str| collapse_whitespace(&decode_entities(s)).to_lowercase();
    title.is_some_and(|t| !t.trim().is_empty() && norm(heading) == norm(t))
}

/// Drops the heading the sanitized body opens with (after wrappers such as
/// `<article>`) when its text is the title.
fn drop_title_heading(html: &mut String, title: Option<&str>) {
    if let Some(span) = opening_heading(html, title) {
        let end = if html[span.end..].starts_with('\n') {
            span.end + 1
        } else {
            span.end
        };
        html.replace_range(span.start..end, "");
    }
}

/// Where the heading the body opens with stands, if its text is the title. Blocks reader
/// mode hid before it (a breadcrumb trail above a page's heading) count as nothing.
fn opening_heading(html: &str, title: Option<&str>) -> Option<Range<usize>> {
    const WRAPPERS: [&str; 7] = [
        "<div", "<article", "<section", "<header", "<main", "<hgroup", "<span",
    ];
    let mut hidden = hidden_spans(html).into_iter().peekable();
    let mut pos = 0;
    for (start, end) in tag_spans(html) {
        if start < pos {
            continue; // inside a hidden block
        }
        if !html[pos..start].trim().is_empty() {
            return None;
        }
        while hidden.next_if(|h| h.end <= start).is_some() {}
        if let Some(block) = hidden.next_if(|h| h.start == start) {
            pos = block.end;
            continue;
        }
        pos = end;
        let tag = &html[start..end];
        if heading_level(tag).is_some() {
            let h = heading_spans(&html[start..]).next()?;
            let text = h.text;
            return same_title(&text, title).then_some(start..start + h.end);
        }
        let wrapper = WRAPPERS.iter().any(|w| {
            tag.starts_with(w) && matches!(tag.as_bytes().get(w.len()), Some(b' ' | b'>'))
        });
        if !wrapper {
            return None;
        }
    }
    None
}

/// Whether sanitized HTML holds a heading's start tag (its text has every `<`
/// escaped, and tidying only takes tags away: without one, there is no TOC).
fn has_heading(html: &str) -> bool {
    html.as_bytes()
        .windows(3)
        .any(|w| w[0] == b'<' && w[1] == b'h' && (b'1'..=b'6').contains(&w[2]))
}

/// The level of a heading's start tag.
fn heading_level(tag: &str) -> Option<u8> {
    let b = tag.as_bytes();
    let level = *b.get(2)?;
    (b[0] == b'<'
        && b[1] == b'h'
        && (b'1'..=b'6').contains(&level)
        && matches!(b.get(3), Some(b' ' | b'>')))
    .then(|| level - b'0')
}

/// A heading of serialized HTML: where its start tag and element end, its level,
/// its own id (decoded), its text.
struct HeadingSpan {
    open_end: usize,
    end: usize,
    level: u8,
    id: Option<String>,
    text: String,
}

/// The headings of sanitized HTML, in order (one nested in another is skipped).
fn heading_spans(html: &str) -> impl Iterator<Item = HeadingSpan> + '_ {
    let mut after = 0;
    tag_spans(html).filter_map(move |(at, open_end)| {
        if at < after {
            return None;
        }
        let level = heading_level(&html[at..open_end])?;
        let close = format!("</h{level}>");
        let inner_end = html[open_end..]
            .find(&close)
            .map_or(html.len(), |e| open_end + e);
        let end = (inner_end + close.len()).min(html.len());
        after = open_end;
        Some(HeadingSpan {
            open_end,
            end,
            level,
            id: attr_value(&html[at..open_end], "id").map(|id| decode_entities(id).into_owned()),
            text: collapse_whitespace(&html_to_text(&html[open_end..inner_end], Breaks::Lines)),
        })
    })
}

/// The TOC for headings (level, own id, text): each keeps the id it has, the others
/// get one from their text, unique in the article.
fn ids(headings: impl Iterator<Item = (u8, Option<String>, String)>) -> Vec<TocEntry> {
    let mut used: HashSet<String> = HashSet::new();
    // Per slug, the suffix to try first: those below it are taken, and stay taken (ids
    // are only ever added), so a changelog's hundred "Bug fixes" are not quadratic.
    let mut next: HashMap<String, usize> = HashMap::new();
    headings
        .map(|(level, id, text)| {
            let id = id.unwrap_or_else(|| unique_id(slug(&text), &used, &mut next));
            used.insert(id.clone());
            TocEntry { level, id, text }
        })
        .collect()
}

/// Gives every heading of sanitized HTML an id (keeping one the article set); the
/// HTML and its TOC. The ids go into the HTML's own buffer, moving what follows each
/// from the end backwards: a copy of a big body beside it was the core's peak (the
/// writer leaves room, so the buffer rarely grows). HTML whose headings all have one
/// is given back as it is.
fn with_ids(html: String) -> (String, Vec<TocEntry>) {
    let spans: Vec<HeadingSpan> = heading_spans(&html).collect();
    let toc = ids(spans
        .iter()
        .map(|h| (h.level, h.id.clone(), h.text.clone())));
    if spans.iter().all(|h| h.id.is_some()) {
        return (html, toc);
    }
    // Each added id replaces its tag's closing `>` with ` id="…">`.
    let added: Vec<(usize, String)> = spans
        .iter()
        .zip(&toc)
        .filter(|(h, _)| h.id.is_none())
        .map(|(h, entry)| (h.open_end - 1, format!(" id=\"{}\"", escape(&entry.id))))
        .collect();
    let more: usize = added.iter().map(|(_, id)| id.len()).sum();
    let mut bytes = html.into_bytes();
    let mut src_end = bytes.len();
    bytes.reserve_exact(more);
    bytes.resize(src_end + more, 0);
    let mut dst_end = bytes.len();
    for (at, id) in added.iter().rev() {
        let tail = src_end - at;
        bytes.copy_within(*at..src_end, dst_end - tail);
        dst_end -= tail + id.len();
        bytes[dst_end..dst_end + id.len()].copy_from_slice(id.as_bytes());
        src_end = *at;
    }
    debug_assert_eq!(src_end, dst_end);
    // Whole characters were moved and ASCII put between them: still UTF-8.
    let html = String::from_utf8(bytes)
        .unwrap_or_else(|bad| String::from_utf8_lossy(bad.as_bytes()).into_owned());
    (html, toc)
}

/// The relative references of sanitized HTML: `a[href]` (a wiki link or embed by
/// its class) and `img[src]`, in order.
fn links(html: &str) -> Vec<Link> {
    let mut out = Vec::new();
    for (start, end) in tag_spans(html) {
        let tag = &html[start..end];
        let (attr, kind) = if tag.starts_with("<a ") {
            let class = attr_value(tag, "class").unwrap_or("");
            let kind = if class.split(' ').any(|c| c == "embed") {
                LinkKind::Embed
            } else if class.split(' ').any(|c| c == "wikilink") {
                LinkKind::Wikilink
            } else {
                LinkKind::Link
            };
            ("href", kind)
        } else if tag.starts_with("<img ") {
            ("src", LinkKind::Image)
        } else {
            continue;
        };
        if let Some(target) =
            attr_value(tag, attr).and_then(|v| relative_target(&decode_entities(v)))
        {
            out.push(Link { kind, target });
        }
    }
    out
}

/// The first of `base`, `base-1`, `base-2` … (prefixed) not in `used`, from the
/// suffix `next` remembers for `base` on.
fn unique_id(base: String, used: &HashSet<String>, next: &mut HashMap<String, usize>) -> String {
    let base = if base.is_empty() {
        "section".to_string()
    } else {
        base
    };
    let mut n = next.get(&base).copied().unwrap_or(0);
    let id = loop {
        let id = if n == 0 {
            format!("{ID_PREFIX}{base}")
        } else {
            format!("{ID_PREFIX}{base}-{n}")
        };
        if !used.contains(&id) {
            break id;
        }
        n += 1;
    };
    next.insert(base, n);
    id
}

/// What an ASCII byte is to [`count`]: 0 white space (as `char::is_whitespace`
/// says: `\t`..=`\r` and the space), 2 a letter or digit, 1 anything else.
const ASCII_CLASS: [u8; 128] = {
    let mut class = [1; 128];
    let mut b = 0;
    while b < 128 {
        if matches!(b as u8, b'\t'..=b'\r' | b' ') {
            class[b] = 0;
        } else if (b as u8).is_ascii_alphanumeric() {
            class[b] = 2;
        }
        b += 1;
    }
    class
};

/// Counts characters and words; each CJK character is a word. ASCII is read byte
/// by byte through a table, without branches, and the common Han ideographs (letters,
/// CJK, never white space) without the Unicode tests: two to three times quicker.
fn count(text: &str) -> Stats {
    let (mut chars, mut cjk, mut words, mut in_word) = (0, 0, 0, false);
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if let Some(&class) = ASCII_CLASS.get(usize::from(b)) {
            at += 1;
            chars += usize::from(class != 0);
            let word = class == 2;
            words += usize::from(word & !in_word);
            in_word = word;
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        at += c.len_utf8();
        if matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF) {
            chars += 1;
            cjk += 1;
            in_word = false;
            continue;
        }
        if c.is_whitespace() {
            in_word = false;
            continue;
        }
        chars += 1;
        if is_cjk(c) {
            in_word = false;
            if is_letter_or_digit(c) {
                cjk += 1;
            }
        } else if is_letter_or_digit(c) {
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
    fn counting_bytes_of_ascii_counts_as_chars_do() {
        // The count as `char`s give it, one at a time.
        let by_chars = |text: &str| {
            let (mut chars, mut cjk, mut words, mut in_word) = (0, 0, 0, false);
            for c in text.chars() {
                if c.is_whitespace() {
                    in_word = false;
                    continue;
                }
                chars += 1;
                if is_cjk(c) {
                    in_word = false;
                    cjk += usize::from(c.is_alphanumeric());
                } else if c.is_alphanumeric() {
                    words += usize::from(!in_word);
                    in_word = true;
                } else {
                    in_word = false;
                }
            }
            (chars, words + cjk)
        };
        let pieces = [
            "a",
            "Bc",
            "9",
            " ",
            "\t",
            "\n",
            "\x0b",
            "\x0c",
            "\r",
            "\x1f",
            "-",
            "_",
            "é",
            "中",
            "文",
            "\u{3000}",
            "\u{a0}",
            "\u{85}",
            "\u{2060}",
            "ё",
            "한",
            "か",
            "。",
            "\u{1f600}",
            "\u{ff21}",
            "٣",
            "\0",
        ];
        let mut seed = 7u32;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(seed % 13) {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                text.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
            }
            let stats = count(&text);
            assert_eq!((stats.chars, stats.words), by_chars(&text), "{text:?}");
        }
    }

    fn raw(html: &str, title: Option<&str>) -> Outline {
        let clean = crate::sanitize::Sanitizer::new(None).clean(html);
        let want = Want {
            html: true,
            excerpt: true,
            links: true,
        };
        outline(Safe::Html(clean), None, want, |_| title.map(str::to_string))
    }

    #[test]
    fn remembered_suffixes_give_the_ids_a_search_from_one_would() {
        let plain = |headings: &[(Option<&str>, &str)]| {
            let mut used: HashSet<String> = HashSet::new();
            let mut out = Vec::new();
            for (id, text) in headings {
                let id = id.map(str::to_string).unwrap_or_else(|| {
                    let base = slug(text);
                    let base = if base.is_empty() {
                        "section".into()
                    } else {
                        base
                    };
                    let mut id = format!("{ID_PREFIX}{base}");
                    let mut n = 1;
                    while used.contains(&id) {
                        id = format!("{ID_PREFIX}{base}-{n}");
                        n += 1;
                    }
                    id
                });
                used.insert(id.clone());
                out.push(id);
            }
            out
        };
        let headings = [
            (None, "A"),
            (None, "A"),
            (Some("user-content-a-2"), "x"),
            (None, "A"),
            (None, "A 1"),
            (None, "!!"),
            (None, "Section"),
            (None, "A"),
            (None, ""),
        ];
        let got: Vec<String> = ids(headings
            .iter()
            .map(|(id, text)| (2, id.map(str::to_string), text.to_string())))
        .into_iter()
        .map(|t| t.id)
        .collect();
        assert_eq!(got, plain(&headings));
        assert_eq!(got[3], "user-content-a-3");
    }

    #[test]
    fn the_index_toc_is_the_full_one_with_or_without_tidying() {
        let toc = |html: &str, want_html: bool| {
            let clean = crate::sanitize::Sanitizer::new(None).clean(html);
            let want = Want {
                html: want_html,
                excerpt: false,
                links: false,
            };
            outline(Safe::Html(clean), None, want, |_| None).toc
        };
        for html in [
            "<h2>A<p></p>B</h2><h2>A B</h2>",
            "<h2>x<div> </div>y</h2><p></p><h3>z\n\n\n\nw</h3>",
            "<h1 id=\"t\">Top</h1><div></div><h2>A &nbsp; b</h2><h2>A b</h2>",
            "<p>no heading</p><hr>",
        ] {
            let full = toc(html, true);
            assert_eq!(toc(html, false), full, "{html}");
        }
        assert_eq!(toc("<h2>A<p></p>B</h2>", false)[0].text, "AB");
    }

    #[test]
    fn headings_get_ids_and_text_is_counted() {
        let o = raw("<h2>Hello &amp; bye</h2><p>你好世界 and two</p>", None);
        assert_eq!(o.toc[0].id, "user-content-hello-bye");
        assert_eq!(o.toc[0].text, "Hello & bye");
        assert!(o.html.starts_with(r#"<h2 id="user-content-hello-bye">"#));
        assert_eq!(o.stats.words, 2 + 4 + 2);
        assert_eq!(o.text, "Hello & bye\n你好世界 and two");
    }

    #[test]
    fn duplicate_and_empty_headings_get_unique_ids() {
        let (_, toc) = with_ids("<h1>A</h1><h2>A</h2><h3></h3><h3>!!</h3>".into());
        let ids: Vec<_> = toc.iter().map(|t| t.id.as_str()).collect();
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
        let (_, toc) = with_ids(r#"<h2 id="user-content-x">T</h2><h2>x</h2>"#.into());
        assert_eq!(toc[0].id, "user-content-x");
        assert_eq!(toc[1].id, "user-content-x-1");
    }

    #[test]
    fn html_whose_headings_all_have_ids_is_given_back_not_copied() {
        let html = String::from(r#"<h2 id="user-content-x">T</h2><p>x</p>"#);
        let (at, len) = (html.as_ptr(), html.len());
        let (out, toc) = with_ids(html);
        assert_eq!((out.as_ptr(), out.len(), toc.len()), (at, len, 1));
        let (out, _) = with_ids("<h2>T</h2>".into());
        assert_eq!(out, r#"<h2 id="user-content-t">T</h2>"#);
        // Long ids are allocated for at once, not guessed at.
        let (out, _) = with_ids("<h2>跨境电商综合试验区的发展与政策研究</h2><p>x</p>".into());
        assert_eq!(out.capacity(), out.len(), "{out}");
    }

    #[test]
    fn the_text_is_its_lines_trimmed_and_joined_in_its_own_buffer() {
        let old = |t: &str| lines(t).collect::<Vec<_>>().join("\n");
        for t in [
            "",
            "\n\n",
            "  one  \n\n\ttwo\r\n\u{3000}三\u{3000}\n\u{a0}\n last",
            "x",
            "\n  lead\n",
            "中文\n\n  English  \n",
        ] {
            assert_eq!(joined_lines(t.to_string()), old(t), "{t:?}");
        }
        let mut text = String::with_capacity(64);
        text.push_str("  a  \n\n b ");
        let at = text.as_ptr();
        let out = joined_lines(text);
        assert_eq!((out.as_str(), out.as_ptr()), ("a\nb", at));
    }

    #[test]
    fn ids_go_into_the_htmls_own_buffer_when_it_has_room() {
        let mut html = String::with_capacity(400);
        html.push_str(
            r#"<h2>中文 One</h2><p>é</p><h3 id="user-content-kept">K</h3><h3>Two</h3><p>end</p>"#,
        );
        let at = html.as_ptr();
        let (out, toc) = with_ids(html);
        assert_eq!(out.as_ptr(), at, "copied");
        assert_eq!(
            out,
            r#"<h2 id="user-content-中文-one">中文 One</h2><p>é</p><h3 id="user-content-kept">K</h3><h3 id="user-content-two">Two</h3><p>end</p>"#
        );
        assert_eq!(toc.len(), 3);
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
        let (_, toc) = with_ids("<hr><header>x</header><h7>y</h7>".into());
        assert!(toc.is_empty());
    }

    #[test]
    fn a_heading_that_repeats_the_title_is_dropped_from_html_toc_and_text() {
        let o = raw(
            "<article>\n<h1>The  Title &amp; more</h1>\n<p>Body</p><h2>Next</h2></article>",
            Some("the title & More"),
        );
        assert_eq!(
            o.html,
            "<article>\n<p>Body</p><h2 id=\"user-content-next\">Next</h2></article>"
        );
        assert_eq!(o.toc.len(), 1);
        assert_eq!(o.text, "Body\nNext");
        // Only the heading the body opens with, and only when it is the title.
        for (html, title) in [
            ("<p>x</p><h1>T</h1>", "T"),
            ("<h1>T</h1>", "Other"),
            ("x<h1>T</h1>", "T"),
            // A block shown before it, and one reader mode hid that holds the heading.
            ("<div><p>x</p></div><h1>T</h1>", "T"),
            ("<div data-folio-hidden=\"share\"><h1>T</h1></div>", "T"),
        ] {
            assert!(raw(html, Some(title)).html.contains("<h1"), "{html}");
        }
        // A block reader mode hid before it counts as nothing (Guangming's breadcrumb trail).
        let crumbs = "<div><div data-folio-hidden=\"breadcrumb\"><a href=\"/\"><img src=\"l.gif\"></a> &gt; <a href=\"a\">x</a></div>\n<h1>T</h1>\n<p>Body</p></div>";
        let html = raw(crumbs, Some("T")).html;
        assert!(!html.contains("<h1"), "{html}");
        assert!(html.contains("</div>\n<p>Body</p>"), "{html}");
    }

    #[test]
    fn previews_cut_at_a_word_or_a_character() {
        let words = ["word "; 80].concat();
        let p = preview(&[words.trim()], 30);
        assert_eq!(p, "word word word word word word…");
        let han = "汉".repeat(200);
        assert_eq!(preview(&[&han], 10), format!("{}…", "汉".repeat(5)));
        assert_eq!(preview(&["a", "b"], 30), "a\nb");
    }

    #[test]
    fn the_excerpt_leaves_code_out() {
        let o = raw(
            "<p>Intro</p>\n<pre><code>{{% code %}}\n</code></pre>\n<p>After</p>",
            None,
        );
        assert_eq!(o.excerpt.as_deref(), Some("Intro\nAfter"));
        assert!(o.text.contains("{{% code %}}"));
    }

    #[test]
    fn relative_references_are_listed_in_order() {
        let o = raw(
            r##"<a href="a%20b.md">x</a><img src="//cdn.x/p.png"><img src="img/p.png"><a href="https://x.cn/">y</a><a class="wikilink embed" href="Note">N</a><a href="#top">t</a>"##,
            None,
        );
        let got: Vec<(LinkKind, &str)> = o
            .links
            .iter()
            .map(|l| (l.kind, l.target.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (LinkKind::Link, "a b.md"),
                (LinkKind::Image, "img/p.png"),
                (LinkKind::Embed, "Note")
            ]
        );
    }
}
