//! Text and HTML, both ways, in one place: escaping text for HTML, decoding
//! character references, the plain text of HTML, and where the tags of
//! serialized HTML stand. Every stage that writes or
//! reads HTML text uses these (site syntax, documents, metadata, outline, the
//! fragment); only the safe Markdown writer keeps its own escaping, because it
//! must match html5ever's serializer byte for byte.

use std::borrow::Cow;

/// Escapes text for an HTML text node or a quoted attribute value: `& < > " '`.
///
/// # Examples
/// ```
/// assert_eq!(folio::fragment::escape(r#"<a href="x">Tom's</a>"#), "&lt;a href=&quot;x&quot;&gt;Tom&#39;s&lt;/a&gt;");
/// ```
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    escape_into(&mut out, s);
    out
}

/// [`escape`], appended to `out`.
pub(crate) fn escape_into(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
}

/// Decodes the character references people and serializers write: `&amp; &lt;
/// &gt; &quot; &apos; &nbsp;` and every numeric one (`&#25991;`, `&#x4e2d;`).
/// Anything else (`&unknown;`, a lone `&`, `&#0;`) stays as written.
pub(crate) fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match reference(after) {
            Some((c, used)) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character a reference stands for (`after` follows its `&`), and its length.
fn reference(after: &str) -> Option<(char, usize)> {
    let end = after.find(';').filter(|&e| e <= 10)?;
    let name = &after[..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code).filter(|c| *c != '\0')?
        }
    };
    Some((c, end + 1))
}

/// How the edges of block elements show in [`html_to_text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Breaks {
    /// A line break at the end of each paragraph, heading, list item, `div`, table
    /// part and at each `<br>`; white space kept as it stands. The text of a body,
    /// for counts, the language guess, heading labels and the excerpt.
    Lines,
    /// A space at both edges of every block element, then white space collapsed to
    /// single spaces: one line from HTML someone typed into a value (a summary).
    OneLine,
}

/// Elements whose end is a line break in [`Breaks::Lines`] (besides `<br>`).
const LINE_ENDS: [&str; 25] = [
    "p",
    "pre",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "dt",
    "dd",
    "summary",
    "details",
    "section",
    "blockquote",
];

/// Whether the end of element `name` is a line break in a body's text.
pub(crate) fn ends_line(name: &str) -> bool {
    LINE_ENDS.iter().any(|e| e.eq_ignore_ascii_case(name))
}
/// Elements whose edges separate words in [`Breaks::OneLine`].
const WORD_EDGES: [&str; 16] = [
    "br",
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "blockquote",
];

/// The text of HTML: tags and comments removed, character references decoded,
/// block edges marked as `breaks` says. Works on sanitized output and on HTML
/// someone wrote: a `<` that opens no tag is text.
pub(crate) fn html_to_text(html: &str, breaks: Breaks) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt + 1..];
        let Some(len) = markup_len(after) else {
            out.push('<');
            rest = after;
            continue;
        };
        let closing = after.starts_with('/');
        let name = after
            .trim_start_matches('/')
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or("");
        let is = |list: &[&str]| list.iter().any(|e| e.eq_ignore_ascii_case(name));
        match breaks {
            Breaks::Lines if (closing && ends_line(name)) || (!closing && is(&["br"])) => {
                out.push('\n')
            }
            Breaks::OneLine if is(&WORD_EDGES) => out.push(' '),
            _ => {}
        }
        rest = &after[len..];
    }
    out.push_str(rest);
    let text = match decode_entities(&out) {
        Cow::Borrowed(_) => out,
        Cow::Owned(decoded) => decoded,
    };
    match breaks {
        Breaks::Lines => text,
        Breaks::OneLine => collapse_whitespace(&text),
    }
}

/// The text of sanitized HTML as [`html_to_text`] reads it with [`Breaks::Lines`],
/// and where the text of each `<pre>`, of the footnotes' `<section>` and of each
/// footnote reference lies in it (not prose, which a preview skips).
pub(crate) fn body_text(html: &str) -> (String, Vec<std::ops::Range<usize>>) {
    let mut out = String::with_capacity(html.len() / 2);
    let mut skip = Vec::new();
    // Open `<pre>` and `<section>` elements, each with whether it is skipped.
    let mut open: Vec<(&str, bool)> = Vec::new();
    let mut from = 0;
    let mut pos = 0;
    for (start, end) in tag_spans(html) {
        out.push_str(&decode_entities(&html[pos..start]));
        pos = end;
        let tag = &html[start + 1..end];
        let closing = tag.starts_with('/');
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or("");
        if matches!(name, "pre" | "section" | "sup") {
            let skipping = open.iter().any(|o| o.1);
            if closing {
                if open.pop().is_some_and(|o| o.1) && !open.iter().any(|o| o.1) {
                    skip.push(from..out.len());
                }
            } else {
                let skipped = name == "pre"
                    || tag.contains("class=\"footnotes\"")
                    || tag.contains("class=\"footnote-ref\"");
                if skipped && !skipping {
                    from = out.len();
                }
                open.push((name, skipped));
            }
        }
        if (closing && ends_line(name)) || (!closing && name == "br") {
            out.push('\n');
        }
    }
    out.push_str(&decode_entities(&html[pos..]));
    (out, skip)
}

/// The target of a reference that stays relative in the output (not an absolute or
/// protocol-relative URL, not a `#fragment`, not empty), percent-decoded, for
/// [`crate::Article::links`]. `value` is the attribute's value as the parser reads it.
pub(crate) fn relative_target(value: &str) -> Option<String> {
    let v = value.trim();
    if v.is_empty() || v.starts_with('#') || v.starts_with("//") || v.starts_with("\\\\") {
        return None;
    }
    // A scheme (`https:`, `mailto:`) makes it absolute: no need to parse it.
    let scheme = v.find(':').is_some_and(|i| {
        i > 0
            && v[..i]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+.-".contains(&b))
            && v.as_bytes()[0].is_ascii_alphabetic()
    });
    if scheme {
        return None;
    }
    match crate::web_url::Url::parse(v) {
        Err(crate::web_url::ParseError::RelativeUrlWithoutBase) => Some(
            percent_encoding::percent_decode_str(v)
                .decode_utf8()
                .map_or_else(|_| v.to_string(), |d| d.into_owned()),
        ),
        _ => None,
    }
}

/// GitHub-style slug that keeps CJK and other letters: lowercase, spaces to `-`,
/// punctuation dropped. Heading ids are made of it.
pub(crate) fn slug(text: &str) -> String {
    let mut s = String::new();
    for c in text.trim().chars() {
        if is_letter_or_digit(c) {
            s.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '_') && !s.ends_with('-') {
            s.push('-');
        }
    }
    s.trim_matches('-').to_string()
}

/// Length of the tag, comment or declaration that `after` (what follows a `<`)
/// starts with, up to and with its `>`; `None` when the `<` starts none. Quoted
/// attribute values are skipped whole, as the HTML tokenizer reads them.
fn markup_len(after: &str) -> Option<usize> {
    let first = after.chars().next()?;
    if !(first.is_ascii_alphabetic() || matches!(first, '/' | '!' | '?')) {
        return None;
    }
    if after.starts_with("!--") {
        // `<!-->` is a whole (empty) comment, as the HTML tokenizer reads it.
        return after.find("-->").map(|e| e + 3);
    }
    let b = after.as_bytes();
    let (mut i, mut after_equals) = (0, false);
    while i < b.len() {
        match b[i] {
            b'>' => return Some(i + 1),
            b'=' => after_equals = true,
            q @ (b'"' | b'\'') if after_equals => {
                i += 1 + after[i + 1..].find(q as char)?;
                after_equals = false;
            }
            c if c.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    None
}

/// Byte spans of the tags in sanitized (html5ever-serialized) HTML. There, every
/// `<` in text is escaped and attribute values are double-quoted, so a `<` outside
/// quotes always opens a tag.
pub(crate) fn tag_spans(html: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = html.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = i + memchr::memchr(b'<', &bytes[i..])?;
        // The tag's end: the first `>` outside quotes. memchr skips a long attribute
        // value (a URL) a word at a time, where a byte-by-byte loop looked at each byte.
        let mut j = start + 1;
        let end = loop {
            let Some(at) = memchr::memchr2(b'"', b'>', &bytes[j..]) else {
                break bytes.len();
            };
            if bytes[j + at] == b'>' {
                break j + at + 1;
            }
            let value = j + at + 1;
            match memchr::memchr(b'"', &bytes[value..]) {
                Some(close) => j = value + close + 1,
                None => break bytes.len(),
            }
        };
        i = end;
        Some((start, i))
    })
}

/// Which of `needles` (at most 32) occur in
/// `haystack`: bit `i` for `needles[i]`. Each needle's first byte is found with the
/// standard library's word-at-a-time `memchr` (what searching for a `char` does),
/// where a search for a short string is a byte-by-byte two-way scan in WebAssembly.
pub(crate) fn which_occur(haystack: &str, needles: &[&str]) -> u32 {
    let mut found = 0;
    for (i, needle) in needles.iter().enumerate() {
        if find_short(haystack, needle).is_some() {
            found |= 1 << i;
        }
    }
    found
}

/// `haystack.find(needle)` for a short needle: its first byte (when ASCII) found with
/// `memchr`, the rest compared (see [`which_occur`]).
pub(crate) fn find_short(haystack: &str, needle: &str) -> Option<usize> {
    let first = match needle.as_bytes().first() {
        Some(&b) if b.is_ascii() => char::from(b),
        _ => return haystack.find(needle),
    };
    let mut from = 0;
    while let Some(at) = haystack[from..].find(first) {
        if haystack[from + at..].starts_with(needle) {
            return Some(from + at);
        }
        from += at + 1;
    }
    None
}

/// `haystack.contains(needle)` for a short haystack (a label, a word): a plain
/// comparison at each byte, without the setup of a two-way search,
/// which costs more than the search itself on a few dozen bytes.
pub(crate) fn has(haystack: &str, needle: &str) -> bool {
    needle.is_empty()
        || haystack
            .as_bytes()
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
}

/// The value of attribute `name` in a serialized start tag (`<a href="x">`): what
/// follows the first ` name="`, up to the next `"`, still escaped. Found at each space
/// with `memchr`, without building the key or setting up a two-way search.
pub(crate) fn attr_value<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let mut from = 0;
    while let Some(space) = tag[from..].find(' ') {
        let at = from + space + 1;
        let value = tag[at..]
            .strip_prefix(name)
            .and_then(|rest| rest.strip_prefix("=\""));
        if let Some(value) = value {
            return value.find('"').map(|len| &value[..len]);
        }
        from = at;
    }
    None
}

/// White space runs as single spaces, none at either end.
pub(crate) fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Blocks where every character is a letter (accented Latin, basic Cyrillic, kana, CJK
/// ideographs, Hangul syllables), and punctuation and spaces where none is (Latin-1's,
/// general punctuation, CJK and full-width punctuation).
/// A test holds them to the Unicode tables over every `char`.
#[inline]
fn common_letter(c: char) -> Option<bool> {
    match c as u32 {
        0xC0..=0xD6
        | 0xD8..=0xF6
        | 0xF8..=0x24F
        | 0x410..=0x44F
        | 0x3041..=0x3096
        | 0x30A1..=0x30FA
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7A3 => Some(true),
        0xA0..=0xA9
        | 0xAB..=0xB1
        | 0xB6..=0xB8
        | 0xBB
        | 0xBF
        | 0xD7
        | 0xF7
        | 0x2000..=0x2027
        | 0x3000..=0x3004
        | 0x3008..=0x3011
        | 0xFF01..=0xFF0F
        | 0xFF1A..=0xFF20 => Some(false),
        _ => None,
    }
}

/// [`char::is_alphabetic`], answered without its slow table search for ASCII and
/// the common CJK blocks (most of an article's letters).
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    common_letter(c).unwrap_or_else(|| c.is_alphabetic())
}

/// [`char::is_alphanumeric`], answered as [`is_letter`] is.
#[inline]
pub(crate) fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    common_letter(c).unwrap_or_else(|| c.is_alphanumeric())
}

/// Han, kana, Hangul and CJK punctuation: scripts written without spaces between words.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x31BF
        | 0x31C0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_occur_finds_what_each_search_would() {
        let needles = ["==", "://", "www.", "[!", "[^", "&#123;%"];
        for hay in [
            "",
            "plain text",
            "a == b",
            "see https://x.cn and www.y.cn [!note] [^1]",
            "=",
            "[",
            "&#123;% x",
            "&#123 [^",
            "中文==中文",
        ] {
            let want = needles
                .iter()
                .enumerate()
                .filter(|(_, n)| hay.contains(*n))
                .fold(0, |m, (i, _)| m | 1 << i);
            assert_eq!(which_occur(hay, &needles), want, "{hay}");
        }
    }

    #[test]
    fn the_fast_letter_tests_agree_with_unicode_for_every_char() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{:X}", c as u32);
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{:X}", c as u32);
        }
    }

    #[test]
    fn tag_spans_end_each_tag_at_its_first_unquoted_gt() {
        // The byte-by-byte reading the memchr search replaced.
        fn by_bytes(html: &str) -> Vec<(usize, usize)> {
            let b = html.as_bytes();
            let (mut out, mut i) = (Vec::new(), 0);
            while let Some(at) = html[i..].find('<') {
                let (start, mut j, mut quoted) = (i + at, i + at + 1, false);
                while j < b.len() && (quoted || b[j] != b'>') {
                    quoted ^= b[j] == b'"';
                    j += 1;
                }
                i = (j + 1).min(b.len());
                out.push((start, i));
            }
            out
        }
        for html in [
            "",
            "text only",
            r#"<p>a</p><img src="x>y" alt="">b<a href="&quot;>" title="t">c</a>"#,
            r#"<a href="unclosed>never"#,
            "<p",
            "<",
            "a<b>c<",
            r#"<a x="1"y="2">中文</a><br>"#,
            r#"<div title="">"<"</div>"#,
        ] {
            assert_eq!(
                tag_spans(html).collect::<Vec<_>>(),
                by_bytes(html),
                "{html}"
            );
        }
    }

    #[test]
    fn find_short_is_find() {
        for (hay, needle) in [
            ("", "://"),
            ("a://b://", "://"),
            ("w ww www www.x", "www."),
            ("中文www.", "www."),
            ("::/", "://"),
        ] {
            assert_eq!(find_short(hay, needle), hay.find(needle), "{hay} {needle}");
        }
    }

    #[test]
    fn attribute_values_are_read_after_the_first_key() {
        let plain = |tag: &str, name: &str| {
            let key = format!(" {name}=\"");
            let start = tag.find(&key)? + key.len();
            let end = tag[start..].find('"')? + start;
            Some(tag[start..end].to_string())
        };
        for (tag, name) in [
            (r#"<a href="x" class="y">"#, "href"),
            (r#"<a class="y" href="x">"#, "href"),
            (r#"<a data-href="x" href="y">"#, "href"),
            (r#"<a title="a href=&quot;z" href="y">"#, "href"),
            (r#"<img src="p.png" alt="">"#, "alt"),
            (r#"<img src="p.png">"#, "alt"),
            (r#"<p id="unclosed>"#, "id"),
            (r#"<h2  id="two spaces">"#, "id"),
        ] {
            assert_eq!(
                attr_value(tag, name).map(str::to_string),
                plain(tag, name),
                "{tag}"
            );
        }
    }

    #[test]
    fn has_is_contains() {
        for (hay, needle) in [
            ("", "a"),
            ("a", "a"),
            ("分享到", "分享"),
            ("shar", "share"),
            ("x share y", "share"),
            ("扫一扫", "扫二"),
        ] {
            assert_eq!(has(hay, needle), hay.contains(needle), "{hay} {needle}");
        }
    }

    #[test]
    fn relative_targets_are_what_has_no_scheme() {
        assert_eq!(
            relative_target(" img/a%20b.png ").as_deref(),
            Some("img/a b.png")
        );
        assert_eq!(
            relative_target("../Note.md#part").as_deref(),
            Some("../Note.md#part")
        );
        assert_eq!(relative_target("a/b:c").as_deref(), Some("a/b:c"));
        for absolute in [
            "https://a.com/x",
            "mailto:a@b.c",
            "C:\\x",
            "x-y.z+w:1",
            "//cdn.a/x",
            "#top",
            "",
            "http://[bad",
        ] {
            assert_eq!(relative_target(absolute), None, "{absolute}");
        }
    }

    #[test]
    fn escaping_covers_text_and_attributes() {
        assert_eq!(
            escape(r#"<b a="x">Tom's & co</b>"#),
            "&lt;b a=&quot;x&quot;&gt;Tom&#39;s &amp; co&lt;/b&gt;"
        );
        assert_eq!(escape("plain 中文"), "plain 中文");
    }

    #[test]
    fn references_decode_once_and_odd_ones_stay() {
        assert_eq!(
            decode_entities("a &lt; b &unknown; &#x4e2d;&#25991; &amp;lt;"),
            "a < b &unknown; 中文 &lt;"
        );
        assert_eq!(
            decode_entities("&#0; &#xFFFFFFFF; & &nbsp;"),
            "&#0; &#xFFFFFFFF; & \u{a0}"
        );
        assert!(matches!(decode_entities("no references"), Cow::Borrowed(_)));
    }

    #[test]
    fn sanitized_html_becomes_lines() {
        let html = "<h2 id=\"x\">A &amp; B</h2>\n<p>One<br>two</p><ul>\n<li>i</li>\n</ul><p title=\"a>b\">x&nbsp;<tt>c</tt>d</p>";
        assert_eq!(
            html_to_text(html, Breaks::Lines),
            "A & B\n\nOne\ntwo\n\ni\n\nx\u{a0}cd\n"
        );
    }

    #[test]
    fn typed_html_becomes_one_line() {
        let one = |s| html_to_text(s, Breaks::OneLine);
        assert_eq!(
            one("<p>One<br>two &amp; <b>th</b>ree</p><!-- x > y -->"),
            "One two & three"
        );
        assert_eq!(
            one("a < b &unknown; &#x4e2d;&#25991;"),
            "a < b &unknown; 中文"
        );
        assert_eq!(
            one("Intro<p>More</p><ul><li>a<li>b</ul>end"),
            "Intro More a b end"
        );
        assert_eq!(one("unclosed <b"), "unclosed <b");
        assert_eq!(one("<p></p>"), "");
        assert_eq!(one("<a title='x>y'>link</a> <3"), "link <3");
    }
}
