//! Stage 6: the outline of sanitized HTML: heading ids and the table of contents,
//! plain text, CJK-aware counts and reading time, and the script-based language guess.
//!
//! It reads the sanitizer's serialized output (html5ever's: lowercase tags, quoted
//! attributes, `&amp; &lt; &gt; &quot; &nbsp;` escapes), so a small scanner is exact here.

use crate::markdown::is_cjk;
use crate::sanitize::ID_PREFIX;
use crate::{Stats, TocEntry};
use std::borrow::Cow;
use std::collections::HashSet;

/// Sanitized HTML with heading ids, and what was measured on it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outline {
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
///
/// # Examples
/// ```
/// let o = folio::outline::outline("<h2>Hello &amp; bye</h2><p>你好世界 and two</p>");
/// assert_eq!(o.toc[0].id, "user-content-hello-bye");
/// assert_eq!(o.toc[0].text, "Hello & bye");
/// assert!(o.html.starts_with(r#"<h2 id="user-content-hello-bye">"#));
/// assert_eq!(o.stats.words, 2 + 4 + 2);
/// ```
pub fn outline(html: &str) -> Outline {
    let mut out = String::with_capacity(html.len() + 64);
    let mut toc = Vec::new();
    let mut used: HashSet<String> = HashSet::new();
    let mut pos = 0;
    let headings = crate::sanitize::tag_spans(html).filter_map(|(at, end)| {
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
        let text = collapse_ws(&plain_text(&html[open_end..inner_end]));
        let open_tag = &html[at..open_end];
        out.push_str(&html[pos..at]);
        let id = match attr_value(open_tag, "id") {
            Some(id) => {
                out.push_str(open_tag);
                unescape(id).into_owned()
            }
            None => {
                let id = unique_id(&slug(&text), &mut used);
                out.push_str(&open_tag[..open_tag.len() - 1]);
                out.push_str(&format!(" id=\"{}\">", escape_attr(&id)));
                id
            }
        };
        used.insert(id.clone());
        toc.push(TocEntry { level, id, text });
        pos = open_end;
    }
    out.push_str(&html[pos..]);
    let text = plain_text(html);
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
pub fn slug(text: &str) -> String {
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

/// The text of sanitized HTML: tags removed, entities decoded, block ends as line breaks.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&unescape(&rest[..lt]));
        let gt = rest[lt..].find('>').map_or(rest.len(), |g| lt + g + 1);
        let tag = &rest[lt..gt];
        if tag.starts_with("</p")
            || tag.starts_with("</h")
            || tag.starts_with("<br")
            || tag.starts_with("</li")
            || tag.starts_with("</div")
            || tag.starts_with("</t")
        {
            out.push('\n');
        }
        rest = &rest[gt..];
    }
    out.push_str(&unescape(rest));
    out
}

fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&nbsp;", "\u{a0}")
            .replace("&amp;", "&"),
    )
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;")
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Counts characters and words; each CJK character is a word.
pub fn count(text: &str) -> Stats {
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

/// Guesses the language: by script for Chinese (`zh`), Japanese (`ja`, kana) and
/// Korean (`ko`, Hangul); for Latin-script text by its most common short words
/// (English, French, German, Spanish, Portuguese, Italian). `None` when unsure:
/// front matter should say.
///
/// # Examples
/// ```
/// use folio::outline::detect_lang;
/// assert_eq!(detect_lang("商务部新闻发言人").as_deref(), Some("zh"));
/// assert_eq!(detect_lang("これは日本語です").as_deref(), Some("ja"));
/// assert_eq!(detect_lang("This is the story of a post and the people in it.").as_deref(), Some("en"));
/// assert_eq!(detect_lang("Lorem ipsum dolor sit amet"), None);
/// ```
pub fn detect_lang(text: &str) -> Option<String> {
    let (mut han, mut kana, mut hangul, mut letters) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars().take(20_000) {
        match c as u32 {
            0x3040..=0x30FF => kana += 1,
            0xAC00..=0xD7AF | 0x1100..=0x11FF => hangul += 1,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => han += 1,
            _ if c.is_alphabetic() => letters += 1,
            _ => {}
        }
    }
    let cjk = han + kana + hangul;
    if cjk == 0 || cjk * 3 < letters / 4 {
        return latin_lang(text);
    }
    let lang = if kana * 10 >= cjk {
        "ja"
    } else if hangul * 2 >= cjk {
        "ko"
    } else {
        "zh"
    };
    Some(lang.to_string())
}

/// The most frequent short words of each language; a text is in the language
/// whose words make up a clear share of its first two thousand words.
const STOPWORDS: [(&str, &[&str]); 6] = [
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "in", "that", "it", "for", "with", "this", "you",
            "are", "was",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "et", "des", "est", "une", "dans", "que", "pour", "qui", "pas",
            "sur", "du",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "nicht", "ein", "mit", "den", "zu", "von", "sie",
            "auf", "ich",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "y", "es", "una", "por", "con", "para", "del", "que", "como",
            "pero", "más",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "as", "e", "um", "uma", "não", "com", "para", "do", "da", "que", "em", "são",
        ],
    ),
    (
        "it",
        &[
            "il", "di", "che", "è", "per", "non", "una", "gli", "con", "del", "della", "sono",
            "anche", "come",
        ],
    ),
];

fn latin_lang(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(2_000)
        .map(str::to_lowercase)
        .collect();
    if words.len() < 5 {
        return None;
    }
    let (lang, hits) = STOPWORDS
        .iter()
        .map(|(lang, list)| {
            (
                *lang,
                words.iter().filter(|w| list.contains(&w.as_str())).count(),
            )
        })
        .max_by_key(|(_, hits)| *hits)?;
    (hits * 10 >= words.len()).then(|| lang.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_languages_by_their_short_words() {
        let cases = [
            (
                "Le chat est dans la maison et les enfants sont dans le jardin.",
                "fr",
            ),
            (
                "Der Hund ist nicht in dem Haus und die Katze ist auf dem Dach.",
                "de",
            ),
            (
                "El perro y el gato están en la casa con los niños para jugar.",
                "es",
            ),
            (
                "The dog and the cat are in the house with the children.",
                "en",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(detect_lang(text).as_deref(), Some(want), "{text}");
        }
        assert_eq!(detect_lang("x y"), None);
        assert_eq!(detect_lang("fn main() { let x = 1; println!(x); }"), None);
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
