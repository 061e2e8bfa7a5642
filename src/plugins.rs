//! Static-site syntax in Markdown bodies, rendered as what it means before
//! pulldown-cmark sees the text: Hexo tag plugins and Jekyll/Liquid tags
//! (`{% … %}`, `{{ … }}`), Hugo shortcodes (`{{< … >}}`, `{{% … %}}`), Zola/Tera
//! shortcodes (`{{ name(…) }}`, `{% name(…) %}…{% end %}`), kramdown attribute
//! lists (`{: .note}`) and Obsidian links (`[[…]]`, `![[…]]`).
//!
//! # How
//! One pull-parser pass finds code blocks and code spans, which are left alone
//! (except Hugo's escaped `{{</* x */>}}`, which Hugo itself shows as `{{< x >}}`
//! everywhere). A scan then cuts the rest into tokens; tags whose content is
//! literal (`raw`, `codeblock`, `highlight`, `comment` …) are taken whole at scan
//! time, other block tags are paired with their closers by a bounded stack, and
//! everything is written back as Markdown or HTML, which stays unsafe until
//! [`crate::sanitize`].
//!
//! # Choices
//! * Videos, frames, fiddles, gists and tweets become a plain link, never a frame.
//! * `{% include %}`, Liquid outputs `{{ page.x }}`, unknown inline tags and
//!   unknown shortcodes are removed quietly; unknown block tags keep their content.
//! * Notes and admonitions become a `markdown-alert-*` blockquote (the class GitHub
//!   alerts get) whose first line is the label in bold.
//! * Obsidian `![[image.png]]` becomes the (relative) image; any other embed a
//!   small `[Embedded: name]` placeholder; `[[page|alias]]` becomes its text.
//! * Relative paths (`asset_img`, `post_link`, `ref` …) stay relative, so a base
//!   URL resolves them.
//!
//! Every search is bounded and every position is visited a bounded number of
//! times, so malformed or unclosed tags cost linear time and never panic.

use std::borrow::Cow;
use std::collections::HashMap;

/// Deepest nesting of block tags rendered as blocks; deeper ones lose their wrapper.
const MAX_DEPTH: usize = 16;
/// How far the closing `%}` / `>}}` of one tag may lie from its opening.
const MAX_TAG_LEN: usize = 4096;
/// How many open tags a closer looks through for its opener.
const MAX_STACK_SEARCH: usize = 64;

/// Tags whose content is taken literally: (name, family).
const LITERAL_LIQUID: [&str; 6] = [
    "raw",
    "codeblock",
    "code",
    "highlight",
    "comment",
    "verbatim",
];
const LITERAL_HUGO: [&str; 4] = ["highlight", "code", "code-toggle", "codeblock"];
/// Liquid/Hexo tags that never have a closer (kept off the pairing stack).
const INLINE_LIQUID: [&str; 27] = [
    "img",
    "image",
    "asset_img",
    "asset_image",
    "asset_path",
    "asset_link",
    "post_link",
    "post_path",
    "post_url",
    "link",
    "youtube",
    "vimeo",
    "iframe",
    "jsfiddle",
    "gist",
    "include",
    "include_relative",
    "include_code",
    "render",
    "assign",
    "else",
    "elsif",
    "when",
    "increment",
    "decrement",
    "cycle",
    "video",
];
/// Hugo shortcodes that are never paired.
const INLINE_HUGO: [&str; 13] = [
    "figure",
    "youtube",
    "vimeo",
    "ref",
    "relref",
    "gist",
    "tweet",
    "x",
    "instagram",
    "param",
    "comment",
    "vimeo_simple",
    "twitter_simple",
];
/// Block names (Hexo, NexT and other themes, Hugo themes) shown as labelled notes.
const NOTE_NAMES: [&str; 16] = [
    "note",
    "alert",
    "tip",
    "info",
    "warning",
    "danger",
    "success",
    "error",
    "callout",
    "noteblock",
    "admonition",
    "notice",
    "hint",
    "important",
    "caution",
    "attention",
];

/// Rewrites static-site syntax in a Markdown body (see the module docs).
///
/// # Examples
/// ```
/// let md = folio::plugins::expand("{% codeblock lang:rust %}\nfn main() {}\n{% endcodeblock %}");
/// assert_eq!(md, "```rust\nfn main() {}\n```\n\n");
/// assert_eq!(folio::plugins::expand("see [[Page|the page]]"), "see the page");
/// assert_eq!(folio::plugins::expand("no tags"), "no tags");
/// ```
pub fn expand(src: &str) -> Cow<'_, str> {
    if !src.contains("{%")
        && !src.contains("{{")
        && !src.contains("[[")
        && !src.contains("{:")
        && !src.contains("&#123;%")
    {
        return Cow::Borrowed(src);
    }
    let protected = code_ranges(src);
    let tokens = Scanner::new(src, &protected).scan();
    let pairs = pair(&tokens);
    let mut out = String::with_capacity(src.len() + src.len() / 8);
    render(
        src,
        &tokens,
        &pairs,
        0,
        tokens.len(),
        0,
        src.len(),
        0,
        &mut out,
    );
    Cow::Owned(out)
}

/// Byte ranges of code blocks and code spans, sorted and disjoint.
fn code_ranges(src: &str) -> Vec<(usize, usize)> {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for (event, range) in Parser::new_ext(src, crate::markdown::options()).into_offset_iter() {
        if matches!(event, Event::Start(Tag::CodeBlock(_)) | Event::Code(_)) {
            if ranges.last().is_some_and(|&(_, e)| range.start < e) {
                continue;
            }
            ranges.push((range.start, range.end));
        }
    }
    ranges
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Family {
    /// `{% name args %}` (Hexo, Jekyll, Liquid).
    Liquid,
    /// `{{< name >}}` / `{{% name %}}`.
    Hugo,
    /// `{% name(args) %}` … `{% end %}`.
    Zola,
}

#[derive(Debug)]
enum Kind {
    /// Replacement text, already final.
    Text(String),
    /// An opening (or stand-alone) tag.
    Open {
        family: Family,
        name: String,
        args: String,
    },
    /// A closing tag.
    Close { family: Family, name: String },
}

#[derive(Debug)]
struct Token {
    start: usize,
    end: usize,
    /// The whitespace before the tag on its line, when nothing else precedes it.
    indent: Option<String>,
    kind: Kind,
}

/// A tag as read at one position.
struct Parsed {
    end: usize,
    family: Family,
    name: String,
    args: String,
    closing: bool,
    self_closing: bool,
}

struct Scanner<'a> {
    src: &'a str,
    protected: &'a [(usize, usize)],
    tokens: Vec<Token>,
    /// For literal-tag closers that were searched for and not found: from where on
    /// searching again is pointless.
    no_closer_from: HashMap<(Family, String, bool), usize>,
}

impl<'a> Scanner<'a> {
    fn new(src: &'a str, protected: &'a [(usize, usize)]) -> Self {
        Scanner {
            src,
            protected,
            tokens: Vec::new(),
            no_closer_from: HashMap::new(),
        }
    }

    fn push_text(&mut self, start: usize, end: usize, text: String) {
        self.tokens.push(Token {
            start,
            end,
            indent: None,
            kind: Kind::Text(text),
        });
    }

    fn scan(mut self) -> Vec<Token> {
        let src = self.src;
        let bytes = src.as_bytes();
        let mut pos = 0;
        let mut next_protected = 0;
        while pos < src.len() {
            // Skip code, unescaping Hugo's escaped shortcodes inside it.
            while next_protected < self.protected.len() && self.protected[next_protected].1 <= pos {
                next_protected += 1;
            }
            if let Some(&(ps, pe)) = self.protected.get(next_protected) {
                if ps <= pos {
                    self.unescape_in_code(pos, pe);
                    pos = pe;
                    continue;
                }
            }
            let limit = self
                .protected
                .get(next_protected)
                .map_or(src.len(), |r| r.0);
            let Some(off) = src[pos..limit].find(['{', '[', '!', '&']) else {
                pos = limit;
                continue;
            };
            let at = pos + off;
            pos = match self.token_at(at) {
                Some(end) => end.max(at + 1),
                None => at + 1,
            };
            // Stay on a char boundary: candidates are ASCII, so `at + 1` is one.
            debug_assert!(src.is_char_boundary(pos) || pos >= bytes.len());
        }
        self.tokens
    }

    /// Replaces escaped Hugo/Zola shortcodes inside code with their literal form.
    fn unescape_in_code(&mut self, from: usize, to: usize) {
        let src = self.src;
        let mut pos = from;
        while let Some(off) = src[pos..to].find("{{") {
            let at = pos + off;
            pos = at + 2;
            if let Some((end, text)) = escaped_shortcode(&src[at..to]) {
                self.push_text(at, at + end, text);
                pos = at + end;
            }
        }
    }

    /// Reads a token at `at`; returns where scanning resumes.
    fn token_at(&mut self, at: usize) -> Option<usize> {
        let src = self.src;
        let rest = &src[at..];
        if rest.starts_with("{{") {
            if let Some((end, text)) = escaped_shortcode(rest) {
                self.push_text(at, at + end, text);
                return Some(at + end);
            }
            if rest.starts_with("{{<") || rest.starts_with("{{%") {
                let p = parse_hugo(rest)?;
                return Some(self.tag(at, p, 3));
            }
            return self.liquid_output(at);
        }
        if rest.starts_with("{%") {
            let p = parse_liquid(rest, 2)?;
            return Some(self.tag(at, p, 2));
        }
        if rest.starts_with("&#123;%") {
            let p = parse_liquid(rest, 7)?;
            return Some(self.tag(at, p, 7));
        }
        if rest.starts_with("{:") {
            return self.ial(at);
        }
        if rest.starts_with("![[") {
            let (len, inner) = wiki(&rest[1..])?;
            self.push_text(at, at + 1 + len, embed(inner));
            return Some(at + 1 + len);
        }
        if rest.starts_with("[[") {
            let (len, inner) = wiki(rest)?;
            let (target, alias) = inner.split_once('|').unwrap_or((inner, ""));
            let text = if alias.trim().is_empty() {
                target.trim().replace('#', " › ")
            } else {
                alias.trim().to_string()
            };
            self.push_text(at, at + len, text);
            return Some(at + len);
        }
        None
    }

    /// A parsed `{% %}` or Hugo tag: literal blocks are taken whole here.
    fn tag(&mut self, at: usize, p: Parsed, open_len: usize) -> usize {
        let indent = line_indent(self.src, at);
        let literal = !p.closing
            && !p.self_closing
            && match p.family {
                Family::Liquid => LITERAL_LIQUID.contains(&p.name.as_str()),
                Family::Hugo => LITERAL_HUGO.contains(&p.name.as_str()),
                Family::Zola => false,
            };
        if literal {
            if let Some((close_start, close_end)) = self.find_closer(&p, at + p.end, open_len == 7)
            {
                let body = &self.src[at + p.end..close_start];
                let text = literal_block(&p, body, indent.as_deref());
                self.push_text(at, close_end, text);
                return close_end;
            }
        }
        let kind = if p.closing {
            Kind::Close {
                family: p.family,
                name: p.name,
            }
        } else {
            Kind::Open {
                family: p.family,
                name: p.name,
                args: p.args,
            }
        };
        self.tokens.push(Token {
            start: at,
            end: at + p.end,
            indent,
            kind,
        });
        at + p.end
    }

    /// Finds the closer of a literal block opened by `p`, searching from `from`;
    /// the byte range of the closer. A failed search is remembered, so unclosed
    /// openers cost linear time in all.
    fn find_closer(&mut self, p: &Parsed, from: usize, encoded: bool) -> Option<(usize, usize)> {
        let src = self.src;
        let key = (p.family, p.name.clone(), encoded);
        if self.no_closer_from.get(&key).is_some_and(|&f| f <= from) {
            return None;
        }
        let needle = match (p.family, encoded) {
            (Family::Hugo, _) => "{{",
            (_, true) => "&#123;%",
            _ => "{%",
        };
        let mut pos = from;
        while let Some(off) = src[pos..].find(needle) {
            let at = pos + off;
            pos = at + needle.len();
            let q = match p.family {
                Family::Hugo => parse_hugo(&src[at..]),
                _ => parse_liquid(&src[at..], needle.len()),
            };
            if let Some(q) = q {
                if q.closing && q.name == p.name {
                    return Some((at, at + q.end));
                }
            }
        }
        self.no_closer_from.insert(key, from);
        None
    }

    /// `{{ expression }}`: a Zola shortcode call or a Liquid/Go-template output.
    fn liquid_output(&mut self, at: usize) -> Option<usize> {
        let src = self.src;
        let rest = &src[at..];
        let window = &rest[..floor_boundary(rest, MAX_TAG_LEN)];
        let close = window.find("}}")?;
        let inner = &rest[2..close];
        if inner.contains('\n') || inner.contains("{{") {
            return None;
        }
        let end = at + close + 2;
        let t = inner
            .trim()
            .trim_start_matches('-')
            .trim_end_matches('-')
            .trim();
        if let Some((name, args)) = call(t) {
            let text = zola_inline(name, &named_args(args));
            self.push_text(at, end, text);
            return Some(end);
        }
        // A template expression, not LaTeX such as `x^{{a}}` or `\frac{{1}}{2}`.
        let before = src[..at].chars().next_back();
        let plausible = t
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || "_.$\"'".contains(c))
            && !t.contains('\\')
            && !matches!(before, Some('\\' | '^' | '_' | '{'));
        if !plausible {
            return None;
        }
        // `{{ '/docs/' | relative_url }}`: a quoted literal is the path it stands for.
        let literal = split_args(t, false)
            .into_iter()
            .next()
            .filter(|_| t.starts_with(['\'', '"']))
            .unwrap_or_default();
        self.push_text(at, end, literal);
        Some(end)
    }

    /// kramdown's `{: .class}` / `{:#id}` / `{::options}` / `{:/}`: dropped; a line
    /// holding only one goes with its line break.
    fn ial(&mut self, at: usize) -> Option<usize> {
        let src = self.src;
        let rest = &src[at..];
        let line_end = rest.find('\n').unwrap_or(rest.len());
        // Looked for in bytes: 512 bytes in may fall inside a character.
        let close = rest.as_bytes()[..line_end.min(512)]
            .iter()
            .position(|&b| b == b'}')?;
        let inner = &rest[2..close];
        let first_ok = inner
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || " .#/:".contains(c));
        if !first_ok || inner.contains('{') || inner.contains("=>") {
            return None;
        }
        let mut end = at + close + 1;
        let whole_line =
            line_indent(src, at).is_some() && rest[close + 1..line_end].trim().is_empty();
        if whole_line {
            end = (at + line_end + 1).min(src.len());
        }
        self.push_text(at, end, String::new());
        Some(end)
    }
}

/// The largest char boundary at or below `max` in `s`.
fn floor_boundary(s: &str, max: usize) -> usize {
    let mut i = max.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The whitespace between the line start and `at`, if only whitespace is there.
fn line_indent(src: &str, at: usize) -> Option<String> {
    let line_start = src[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = &src[line_start..at];
    before
        .chars()
        .all(|c| c == ' ' || c == '\t')
        .then(|| before.to_string())
}

/// `{% name args %}` at the start of `s` (after an opening of `open_len` bytes).
fn parse_liquid(s: &str, open_len: usize) -> Option<Parsed> {
    let window = &s[..floor_boundary(s, MAX_TAG_LEN)];
    let body_start = open_len;
    let close = window.get(body_start..)?.find("%}")? + body_start;
    let inner = &s[body_start..close];
    if inner.contains("{%") {
        return None;
    }
    let t = inner
        .trim()
        .trim_start_matches('-')
        .trim_end_matches('-')
        .trim();
    // `{%= expr %}` (ejs-style outputs in some templates) reads as a nameless tag.
    let name_len = if t.starts_with('=') {
        1
    } else {
        t.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(t.len())
    };
    let name = &t[..name_len];
    if name.is_empty() {
        return None;
    }
    let after = &t[name_len..];
    let end = close + 2;
    if after.trim_start().starts_with('(') {
        return Some(Parsed {
            end,
            family: Family::Zola,
            name: name.to_string(),
            args: after.trim().to_string(),
            closing: false,
            self_closing: false,
        });
    }
    if name == "end" {
        return Some(Parsed {
            end,
            family: Family::Zola,
            name: String::new(),
            args: String::new(),
            closing: true,
            self_closing: false,
        });
    }
    let (closing, name) = match name.strip_prefix("end") {
        Some(n) if !n.is_empty() => (true, n.trim_start_matches('_')),
        _ => (false, name),
    };
    Some(Parsed {
        end,
        family: Family::Liquid,
        name: name.to_ascii_lowercase(),
        args: after.trim().to_string(),
        closing,
        self_closing: false,
    })
}

/// `{{< name args >}}`, `{{% name args %}}`, `{{< /name >}}`, `{{< name />}}`.
fn parse_hugo(s: &str) -> Option<Parsed> {
    let delim = *s.as_bytes().get(2)?;
    let closer = if delim == b'<' { ">}}" } else { "%}}" };
    let window = &s[..floor_boundary(s, MAX_TAG_LEN)];
    let close = window.get(3..)?.find(closer)? + 3;
    let inner = s[3..close].trim();
    if inner.contains("{{<") || inner.contains("{{%") {
        return None;
    }
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(i) => (true, i.trim()),
        None => (false, inner),
    };
    let (self_closing, inner) = match inner.strip_suffix('/') {
        Some(i) => (true, i.trim()),
        None => (false, inner),
    };
    let name_len = inner
        .find(|c: char| c.is_whitespace())
        .unwrap_or(inner.len());
    let name = &inner[..name_len];
    if name.is_empty() {
        return None;
    }
    Some(Parsed {
        end: close + 3,
        family: Family::Hugo,
        name: name.to_ascii_lowercase(),
        args: inner[name_len..].trim().to_string(),
        closing,
        self_closing,
    })
}

/// Hugo's `{{</* x */>}}`, `{{%/* x */%}}` and Zola's `{{/* x */}}`: the literal
/// form without the comment markers, as those generators show them.
fn escaped_shortcode(s: &str) -> Option<(usize, String)> {
    let (open, close) = if s.starts_with("{{</*") {
        ("{{<", ">}}")
    } else if s.starts_with("{{%/*") {
        ("{{%", "%}}")
    } else if s.starts_with("{{/*") {
        ("{{", "}}")
    } else {
        return None;
    };
    let start = open.len() + 2;
    let end_marker = format!("*/{close}");
    let window = &s[..floor_boundary(s, MAX_TAG_LEN)];
    let inner_len = window.get(start..)?.find(&end_marker)?;
    let inner = &s[start..start + inner_len];
    Some((
        start + inner_len + end_marker.len(),
        format!("{open}{inner}{close}"),
    ))
}

/// `[[inner]]` on one line, not a Markdown link like `[[1]](url)`: its length and inner text.
fn wiki(s: &str) -> Option<(usize, &str)> {
    let line = &s[..s.find('\n').unwrap_or(s.len())];
    let window = &line[..floor_boundary(line, 512)];
    let close = window.get(2..)?.find("]]")? + 2;
    let inner = &s[2..close];
    if inner.trim().is_empty() || inner.contains('[') || inner.contains(']') {
        return None;
    }
    if matches!(s.as_bytes().get(close + 2), Some(b'(' | b'[' | b':')) {
        return None;
    }
    Some((close + 2, inner))
}

/// Obsidian `![[name]]`: an image when it names one, else a quiet placeholder.
fn embed(inner: &str) -> String {
    let (target, alias) = inner.split_once('|').unwrap_or((inner, ""));
    let target = target.trim();
    let lower = target.to_ascii_lowercase();
    let image = [
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".svg",
    ]
    .iter()
    .any(|e| lower.ends_with(e));
    if image {
        let alt = if alias.trim().is_empty() || alias.trim().parse::<u32>().is_ok() {
            target
        } else {
            alias.trim()
        };
        format!(
            r#"<img src="{}" alt="{}">"#,
            attr(&target.replace(' ', "%20")),
            attr(alt)
        )
    } else {
        format!("<small>[Embedded: {}]</small>", text(target))
    }
}

/// Escapes text for HTML.
fn text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Escapes an attribute value (double-quoted).
fn attr(s: &str) -> String {
    text(s).replace('"', "&quot;")
}

/// `name(args)` with a Tera-style identifier.
fn call(t: &str) -> Option<(&str, &str)> {
    let open = t.find('(')?;
    let name = t[..open].trim();
    let args = t[open + 1..].strip_suffix(')')?;
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .then_some((name, args))
}

/// Splits arguments at whitespace (or `sep`), keeping quoted parts together and
/// dropping the quotes.
fn split_args(s: &str, comma: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut any = false;
    for c in s.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => cur.push(c),
            None if c == '"' || c == '\'' || c == '`' || c == '“' => {
                quote = Some(if c == '“' { '”' } else { c });
                any = true;
            }
            None if c.is_whitespace() || (comma && c == ',') => {
                if !cur.is_empty() || any {
                    out.push(std::mem::take(&mut cur));
                }
                any = false;
            }
            None => cur.push(c),
        }
    }
    if !cur.is_empty() || any {
        out.push(cur);
    }
    out
}

/// Positional and `key=value` arguments.
#[derive(Default)]
struct Args {
    positional: Vec<String>,
    named: HashMap<String, String>,
}

impl Args {
    fn get(&self, key: &str) -> Option<&str> {
        self.named
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
    fn pos(&self, i: usize) -> Option<&str> {
        self.positional
            .get(i)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

/// Hugo and Tera arguments: `a "b c" key="v" k2=v2`.
fn named_args(s: &str) -> Args {
    let mut args = Args::default();
    for part in split_args(s, true) {
        match part.split_once('=') {
            Some((k, v))
                if !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') =>
            {
                let v = v.trim_matches(|c| c == '"' || c == '\'');
                args.named.insert(k.to_ascii_lowercase(), v.to_string());
            }
            _ => args.positional.push(part),
        }
    }
    // `key="a b"` was split at the space inside the quotes only if unquoted; the
    // quote-aware splitter keeps it whole, but `key= "v"` leaves `key=` and `v`.
    args
}

/// Content of a literal block: fenced code, raw text or nothing.
fn literal_block(p: &Parsed, body: &str, indent: Option<&str>) -> String {
    let body = body
        .strip_prefix("\r\n")
        .or_else(|| body.strip_prefix('\n'))
        .unwrap_or(body);
    match (p.family, p.name.as_str()) {
        (Family::Liquid, "raw" | "verbatim") => body.to_string(),
        (Family::Liquid, "comment") => String::new(),
        (Family::Liquid, "codeblock" | "code") => {
            let (title, lang, url) = hexo_code_args(&p.args);
            let mut out = String::new();
            if let Some(t) = title {
                let t = match url {
                    Some(u) => format!(r#"<a href="{}">{}</a>"#, attr(&u), text(&t)),
                    None => text(&t),
                };
                out.push_str(&format!("<p><strong>{t}</strong></p>\n\n"));
            }
            out.push_str(&fence(&lang, body));
            indent_block(&out, indent)
        }
        (Family::Liquid, _) => {
            let lang = split_args(&p.args, false)
                .into_iter()
                .next()
                .unwrap_or_default();
            indent_block(&fence(&lang, body), indent)
        }
        (_, "code-toggle") => indent_block(&fence("toml", body), indent),
        _ => {
            let args = named_args(&p.args);
            let lang = args
                .get("lang")
                .map(str::to_string)
                .or_else(|| args.pos(0).map(str::to_string))
                .or_else(|| {
                    args.get("file")
                        .and_then(|f| f.rsplit_once('.'))
                        .map(|(_, e)| e.to_string())
                })
                .unwrap_or_default();
            indent_block(&fence(&lang, body), indent)
        }
    }
}

/// Hexo's `codeblock [title] [lang:xx] [url [link text]] [key:value …]`.
fn hexo_code_args(args: &str) -> (Option<String>, String, Option<String>) {
    let mut lang = String::new();
    let mut words = Vec::new();
    let mut url = None;
    let mut link_text = Vec::new();
    for a in split_args(args, false) {
        if let Some(l) = a.strip_prefix("lang:") {
            lang = l.to_string();
        } else if a.contains(':')
            && !is_url(&a)
            && a.split(':')
                .next()
                .is_some_and(|k| k.chars().all(|c| c.is_ascii_alphabetic() || c == '_'))
        {
            // Options such as `line_number:false`, `mark:1,3`.
        } else if url.is_none() && is_url(&a) {
            url = Some(a);
        } else if url.is_some() {
            link_text.push(a);
        } else {
            words.push(a);
        }
    }
    let title = if words.is_empty() {
        (!link_text.is_empty()).then(|| link_text.join(" "))
    } else {
        Some(words.join(" "))
    };
    let title = title.or_else(|| url.clone());
    (title, lang, url)
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//")
}

/// A fenced code block whose fence is longer than any backtick run inside.
fn fence(lang: &str, body: &str) -> String {
    let longest = body.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let ticks = "`".repeat(longest.max(2) + 1);
    let lang: String = lang
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || "-_+#.".contains(*c))
        .collect();
    let body = body.trim_end_matches([' ', '\t']);
    let nl = if body.is_empty() || body.ends_with('\n') {
        ""
    } else {
        "\n"
    };
    format!("{ticks}{lang}\n{body}{nl}{ticks}\n")
}

/// Prefixes every line after the first with the opener's indentation (inside list
/// items) and ends the block with a blank line.
fn indent_block(block: &str, indent: Option<&str>) -> String {
    let mut out = String::with_capacity(block.len() + 16);
    if indent.is_none() {
        out.push_str("\n\n");
    }
    let ind = indent.unwrap_or("");
    for (i, line) in block.split_inclusive('\n').enumerate() {
        if i > 0 && line != "\n" {
            out.push_str(ind);
        }
        out.push_str(line);
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push('\n');
    out
}

/// Pairs openers with closers: `pairs[i] = Some(j)` when token `j` closes `i`.
fn pair(tokens: &[Token]) -> Vec<Option<usize>> {
    let mut pairs = vec![None; tokens.len()];
    let mut stack: Vec<usize> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        match &t.kind {
            Kind::Open { family, name, args } => {
                let inline = match family {
                    Family::Liquid => INLINE_LIQUID.contains(&name.as_str()),
                    Family::Hugo => INLINE_HUGO.contains(&name.as_str()) || args.ends_with('/'),
                    Family::Zola => false,
                };
                if !inline {
                    stack.push(i);
                }
            }
            Kind::Close { family, name } => {
                let found =
                    stack.iter().rev().take(MAX_STACK_SEARCH).position(|&o| {
                        match &tokens[o].kind {
                            Kind::Open {
                                family: f, name: n, ..
                            } => f == family && (*family == Family::Zola || n == name),
                            _ => false,
                        }
                    });
                if let Some(k) = found {
                    let at = stack.len() - 1 - k;
                    pairs[stack[at]] = Some(i);
                    stack.truncate(at);
                }
            }
            Kind::Text(_) => {}
        }
    }
    pairs
}

/// Writes tokens `lo..hi` and the text between them (`from..to` in `src`).
#[allow(clippy::too_many_arguments)]
fn render(
    src: &str,
    tokens: &[Token],
    pairs: &[Option<usize>],
    lo: usize,
    hi: usize,
    from: usize,
    to: usize,
    depth: usize,
    out: &mut String,
) {
    let mut pos = from;
    let mut i = lo;
    while i < hi {
        let t = &tokens[i];
        out.push_str(&src[pos..t.start]);
        pos = t.end;
        match &t.kind {
            Kind::Text(s) => out.push_str(s),
            Kind::Close { .. } => {}
            Kind::Open { family, name, args } => match pairs[i] {
                Some(j) if depth < MAX_DEPTH && j < hi => {
                    let mut inner = String::new();
                    render(
                        src,
                        tokens,
                        pairs,
                        i + 1,
                        j,
                        t.end,
                        tokens[j].start,
                        depth + 1,
                        &mut inner,
                    );
                    out.push_str(&block(*family, name, args, &inner, t.indent.as_deref()));
                    pos = tokens[j].end;
                    i = j;
                }
                _ => out.push_str(&inline(*family, name, args)),
            },
        }
        i += 1;
    }
    out.push_str(&src[pos..to]);
}

/// Wraps rendered Markdown `inner` in HTML, blank lines around so the Markdown
/// inside still renders.
fn wrap(open: &str, inner: &str, close: &str, indent: Option<&str>) -> String {
    let inner = inner.trim_matches('\n');
    indent_block(&format!("{open}\n\n{inner}\n\n{close}"), indent)
}

/// A paired block tag.
fn block(family: Family, name: &str, args: &str, inner: &str, indent: Option<&str>) -> String {
    match (family, name) {
        (Family::Liquid, "blockquote") => {
            let footer = hexo_quote_footer(args);
            wrap(
                "<blockquote>",
                inner,
                &format!("{footer}</blockquote>"),
                indent,
            )
        }
        (Family::Liquid, "pullquote") | (Family::Hugo, "blockquote" | "quote") => {
            wrap("<blockquote>", inner, "</blockquote>", indent)
        }
        (Family::Zola, "quote") => {
            let a = named_args(call_args(args));
            let footer = a
                .get("author")
                .map(|au| format!("<footer>— <cite>{}</cite></footer>\n", text(au)))
                .unwrap_or_default();
            wrap(
                "<blockquote>",
                inner,
                &format!("{footer}</blockquote>"),
                indent,
            )
        }
        (Family::Liquid, "capture" | "comment") => String::new(),
        (_, "details" | "folding" | "spoiler" | "collapse") => {
            let a = named_args(if family == Family::Zola {
                call_args(args)
            } else {
                args
            });
            let summary = a
                .get("summary")
                .or_else(|| a.get("title"))
                .map(str::to_string)
                .or_else(|| (!a.positional.is_empty()).then(|| a.positional.join(" ")))
                .unwrap_or_else(|| "Details".to_string());
            let open = if a.named.contains_key("open") {
                " open"
            } else {
                ""
            };
            wrap(
                &format!("<details{open}>\n<summary>{}</summary>", text(&summary)),
                inner,
                "</details>",
                indent,
            )
        }
        (_, n) if NOTE_NAMES.contains(&n) => {
            let a = named_args(if family == Family::Zola {
                call_args(args)
            } else {
                args
            });
            let (kind, label) = note_kind(n, &a);
            wrap(
                &format!(
                    "<blockquote class=\"markdown-alert-{kind}\">\n<p><strong>{}</strong></p>",
                    text(&label)
                ),
                inner,
                "</blockquote>",
                indent,
            )
        }
        _ => inner.to_string(),
    }
}

/// The inside of `name(args)`.
fn call_args(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('(')
        .map(|r| r.strip_suffix(')').unwrap_or(r))
        .unwrap_or(s)
}

/// The alert kind and label of a note: the type word (`info`, `warning` …) or the tag name.
fn note_kind(name: &str, a: &Args) -> (&'static str, String) {
    const TYPES: [&str; 20] = [
        "note",
        "info",
        "tip",
        "success",
        "hint",
        "check",
        "warning",
        "warn",
        "attention",
        "danger",
        "error",
        "caution",
        "bug",
        "failure",
        "fail",
        "important",
        "primary",
        "default",
        "abstract",
        "question",
    ];
    let mut ty = name.to_ascii_lowercase();
    let mut rest: Vec<&str> = Vec::new();
    let typed = a.get("type").or_else(|| a.get("class"));
    if let Some(t) = typed {
        ty = t.to_ascii_lowercase();
    }
    for p in &a.positional {
        let l = p.to_ascii_lowercase();
        if typed.is_none() && ty == name && TYPES.contains(&l.as_str()) {
            ty = l;
        } else if !["no-icon", "flat", "modern", "simple", "true", "false"].contains(&l.as_str()) {
            rest.push(p);
        }
    }
    let kind = match ty.as_str() {
        "tip" | "success" | "hint" | "check" => "tip",
        "warning" | "warn" | "attention" | "alert" => "warning",
        "danger" | "error" | "caution" | "bug" | "failure" | "fail" => "caution",
        "important" | "primary" => "important",
        _ => "note",
    };
    let label = a
        .get("title")
        .map(str::to_string)
        .or_else(|| (!rest.is_empty()).then(|| rest.join(" ")))
        .unwrap_or_else(|| {
            let word = if matches!(
                ty.as_str(),
                "default" | "callout" | "noteblock" | "admonition" | "notice"
            ) {
                "note"
            } else {
                ty.as_str()
            };
            let mut c = word.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        });
    (kind, label)
}

/// Hexo's `blockquote [author[, source]] [link] [source_link_title]` footer.
fn hexo_quote_footer(args: &str) -> String {
    let words: Vec<&str> = args.split_whitespace().collect();
    let url_at = words.iter().position(|w| is_url(w));
    let (before, link, link_title) = match url_at {
        Some(i) => (&words[..i], Some(words[i]), words[i + 1..].join(" ")),
        None => (&words[..], None, String::new()),
    };
    let joined = before.join(" ");
    let (author, source) = match joined.split_once(',') {
        Some((a, s)) => (a.trim().to_string(), s.trim().to_string()),
        None => (joined.trim().to_string(), String::new()),
    };
    let cite_text = if !link_title.is_empty() {
        link_title
    } else if !source.is_empty() {
        source
    } else {
        link.map(|l| {
            let host = l.split("//").nth(1).unwrap_or(l);
            host.split('/').next().unwrap_or(host).to_string()
        })
        .unwrap_or_default()
    };
    let cite = match (link, cite_text.is_empty()) {
        (_, true) => String::new(),
        (Some(l), false) => format!(
            r#"<cite><a href="{}">{}</a></cite>"#,
            attr(l),
            text(&cite_text)
        ),
        (None, false) => format!("<cite>{}</cite>", text(&cite_text)),
    };
    if author.is_empty() && cite.is_empty() {
        return String::new();
    }
    let sep = if author.is_empty() || cite.is_empty() {
        ""
    } else {
        ", "
    };
    let author = if author.is_empty() {
        String::new()
    } else {
        format!("<strong>{}</strong>", text(&author))
    };
    format!("<footer>— {author}{sep}{cite}</footer>\n")
}

/// A link standing in for an embedded player or frame.
fn link(href: &str, label: &str) -> String {
    format!(r#"<a href="{}">{}</a>"#, attr(href), text(label))
}

/// An unpaired tag or shortcode.
fn inline(family: Family, name: &str, args: &str) -> String {
    match family {
        Family::Liquid => liquid_inline(name, args),
        Family::Hugo => hugo_inline(name, &named_args(args.trim_end_matches('/'))),
        Family::Zola => String::new(),
    }
}

/// A relative or absolute path as given; Hexo slugs stay relative.
fn liquid_inline(name: &str, args: &str) -> String {
    let words = split_args(args, false);
    let first = words.first().map(String::as_str).unwrap_or("");
    let rest = || words.get(1..).map(|w| w.join(" ")).unwrap_or_default();
    match name {
        "img" | "image" => {
            // `img [class names] url [width [height]] [title [alt]]`
            let Some(u) = words
                .iter()
                .position(|w| w.contains('/') || w.contains('.'))
            else {
                return String::new();
            };
            let mut k = u + 1;
            let mut size = Vec::new();
            while k < words.len() && size.len() < 2 && words[k].chars().all(|c| c.is_ascii_digit())
            {
                size.push(words[k].as_str());
                k += 1;
            }
            let title = words.get(k).map(String::as_str).unwrap_or("");
            let alt = words.get(k + 1).map(String::as_str).unwrap_or(title);
            let mut out = format!(r#"<img src="{}" alt="{}""#, attr(&words[u]), attr(alt));
            if !title.is_empty() {
                out.push_str(&format!(r#" title="{}""#, attr(title)));
            }
            if let Some(w) = size.first() {
                out.push_str(&format!(r#" width="{w}""#));
            }
            if let Some(h) = size.get(1) {
                out.push_str(&format!(r#" height="{h}""#));
            }
            out.push('>');
            out
        }
        "asset_img" | "asset_image" => {
            let Some(u) = words
                .iter()
                .position(|w| w.contains('.') || w.contains('/'))
            else {
                return String::new();
            };
            let title = words.get(u + 1..).map(|w| w.join(" ")).unwrap_or_default();
            let title = title.trim_matches('"');
            let mut out = format!(
                r#"<img src="{}" alt="{}""#,
                attr(&words[u]),
                attr(if title.is_empty() { &words[u] } else { title })
            );
            if !title.is_empty() {
                out.push_str(&format!(r#" title="{}""#, attr(title)));
            }
            out.push('>');
            out
        }
        "asset_path" | "post_path" | "post_url" | "link" => first.to_string(),
        "asset_link" | "post_link" => {
            if first.is_empty() {
                return String::new();
            }
            let t = rest();
            link(first, if t.is_empty() { first } else { &t })
        }
        "youtube" => video_link("youtube", first),
        "vimeo" => video_link("vimeo", first),
        "iframe" | "video" if !first.is_empty() => link(first, first),
        "jsfiddle" if !first.is_empty() => {
            let href = if is_url(first) {
                first.to_string()
            } else {
                format!("https://jsfiddle.net/{first}/")
            };
            link(&href, &format!("JSFiddle: {first}"))
        }
        "gist" if !first.is_empty() => gist_link(first, words.get(1).map(String::as_str)),
        _ => String::new(),
    }
}

fn video_link(site: &str, id: &str) -> String {
    let id = id.trim();
    if id.is_empty() {
        return String::new();
    }
    if is_url(id) {
        return link(id, id);
    }
    match site {
        "youtube" => link(
            &format!("https://www.youtube.com/watch?v={id}"),
            &format!("YouTube video {id}"),
        ),
        _ => link(
            &format!("https://vimeo.com/{id}"),
            &format!("Vimeo video {id}"),
        ),
    }
}

fn gist_link(id: &str, file: Option<&str>) -> String {
    let href = if is_url(id) {
        id.to_string()
    } else {
        format!("https://gist.github.com/{id}")
    };
    let label = match file {
        Some(f) => format!("Gist {id}: {f}"),
        None => format!("Gist {id}"),
    };
    link(&href, &label)
}

/// An unpaired Hugo shortcode.
fn hugo_inline(name: &str, a: &Args) -> String {
    match name {
        "figure" => {
            let Some(src) = a.get("src") else {
                return String::new();
            };
            let alt = a
                .get("alt")
                .or(a.get("caption"))
                .or(a.get("title"))
                .unwrap_or("");
            let mut img = format!(r#"<img src="{}" alt="{}""#, attr(src), attr(alt));
            for k in ["width", "height", "title"] {
                if let Some(v) = a.get(k) {
                    img.push_str(&format!(r#" {k}="{}""#, attr(v)));
                }
            }
            img.push('>');
            if let Some(l) = a.get("link") {
                img = format!(r#"<a href="{}">{img}</a>"#, attr(l));
            }
            let caption: Vec<String> = ["title", "caption", "attr"]
                .iter()
                .filter_map(|k| a.get(k))
                .map(text)
                .collect();
            let caption = if caption.is_empty() {
                String::new()
            } else {
                format!("<figcaption>{}</figcaption>", caption.join(" — "))
            };
            format!("<figure>{img}{caption}</figure>")
        }
        "youtube" | "vimeo" | "vimeo_simple" => {
            let id = a.get("id").or(a.pos(0)).unwrap_or("");
            video_link(
                if name == "youtube" {
                    "youtube"
                } else {
                    "vimeo"
                },
                id,
            )
        }
        "ref" | "relref" => a.pos(0).or(a.get("path")).unwrap_or("").to_string(),
        "gist" => match (a.pos(0).or(a.get("user")), a.pos(1).or(a.get("id"))) {
            (Some(u), Some(id)) => gist_link(&format!("{u}/{id}"), a.pos(2)),
            (Some(id), None) => gist_link(id, None),
            _ => String::new(),
        },
        "tweet" | "x" | "twitter_simple" => {
            let user = a.get("user").or(a.pos(0));
            let id = a.get("id").or(if a.positional.len() > 1 {
                a.pos(1)
            } else {
                a.pos(0)
            });
            match (user, id) {
                (Some(u), Some(id)) if u != id => link(
                    &format!("https://x.com/{u}/status/{id}"),
                    &format!("Post by @{u}"),
                ),
                (_, Some(id)) => link(&format!("https://x.com/i/status/{id}"), "Post on X"),
                _ => String::new(),
            }
        }
        "instagram" => match a.get("id").or(a.pos(0)) {
            Some(id) => link(
                &format!("https://www.instagram.com/p/{id}/"),
                "Instagram post",
            ),
            None => String::new(),
        },
        _ => String::new(),
    }
}

/// A Zola `{{ name(args) }}` shortcode.
fn zola_inline(name: &str, a: &Args) -> String {
    match name {
        "youtube" | "vimeo" => video_link(name, a.get("id").unwrap_or("")),
        "gist" => match a.get("url") {
            Some(u) => link(u, u),
            None => String::new(),
        },
        "streamable" => match a.get("id") {
            Some(id) => link(
                &format!("https://streamable.com/{id}"),
                &format!("Streamable video {id}"),
            ),
            None => String::new(),
        },
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        crate::markdown::to_html(&expand(md))
    }

    #[test]
    fn hexo_blockquote_gets_a_footer() {
        let out = html("{% blockquote David Levithan, Wide Awake %}\nDo not just seek happiness.\n{% endblockquote %}\n");
        assert!(
            out.contains("<blockquote>\n<p>Do not just seek happiness.</p>"),
            "{out}"
        );
        assert!(
            out.contains(
                "<footer>— <strong>David Levithan</strong>, <cite>Wide Awake</cite></footer>"
            ),
            "{out}"
        );
        let out = html("{% blockquote MSDN http://msdn.example/x Docs %}\nq\n{% endblockquote %}");
        assert!(
            out.contains(r#"<cite><a href="http://msdn.example/x">Docs</a></cite>"#),
            "{out}"
        );
    }

    #[test]
    fn code_tags_become_fenced_code_with_language() {
        assert_eq!(
            html("{% codeblock lang:cpp%}\nint x = 1;\n{% endcodeblock %}"),
            "<pre><code class=\"language-cpp\">int x = 1;\n</code></pre>\n"
        );
        let out = html("{% codeblock Array.map lang:js %}\n[1].map(f)\n{% endcodeblock %}");
        assert!(
            out.contains("<strong>Array.map</strong>") && out.contains("language-js"),
            "{out}"
        );
        assert!(
            html("{% highlight ruby linenos %}\nputs {{ x }}\n{% endhighlight %}")
                .contains("puts {{ x }}")
        );
        let out = html(
            "{{< highlight go \"linenos=table\" >}}\nfunc main() {{ .X }}\n{{< /highlight >}}",
        );
        assert!(
            out.contains("language-go") && out.contains("{{ .X }}"),
            "{out}"
        );
        // Backticks inside get a longer fence.
        assert!(html("{% code %}\n```\n{% endcode %}").contains("<code>```\n</code>"));
    }

    #[test]
    fn raw_keeps_content_literally() {
        assert_eq!(
            html("a {% raw %}{{ now() }} {% x %}{% endraw %} b"),
            "<p>a {{ now() }} {% x %} b</p>\n"
        );
        let out = html("&#123;% raw %}\n\n# Title {{ y }}\n&#123;% endraw %}\n");
        assert_eq!(out, "<h1>Title {{ y }}</h1>\n");
    }

    #[test]
    fn images_and_assets_stay_relative() {
        assert_eq!(
            html("{% asset_img cat.png A cat %}"),
            "<img src=\"cat.png\" alt=\"A cat\" title=\"A cat\">"
        );
        assert_eq!(
            html("{% img left /img/a.jpg 300 200 Title %}"),
            "<img src=\"/img/a.jpg\" alt=\"Title\" title=\"Title\" width=\"300\" height=\"200\">"
        );
        assert_eq!(
            html("[x]({% asset_path doc.pdf %})"),
            "<p><a href=\"doc.pdf\">x</a></p>\n"
        );
        assert_eq!(
            html("{% post_link hello-world Hello %}"),
            "<p><a href=\"hello-world\">Hello</a></p>\n"
        );
        assert_eq!(
            html("[a]({% post_url 2010-07-21-name %})"),
            "<p><a href=\"2010-07-21-name\">a</a></p>\n"
        );
        assert_eq!(
            html("[a]({{ '/docs/' | relative_url }})"),
            "<p><a href=\"/docs/\">a</a></p>\n"
        );
    }

    #[test]
    fn embeds_become_links_never_frames() {
        for md in [
            "{% youtube abc_123 %}",
            "{{< youtube abc_123 >}}",
            "{{< youtube id=\"abc_123\" >}}",
            "{{ youtube(id=\"abc_123\") }}",
        ] {
            assert_eq!(
                html(md),
                "<p><a href=\"https://www.youtube.com/watch?v=abc_123\">YouTube video abc_123</a></p>\n",
                "{md}"
            );
        }
        assert!(html("{% vimeo 42 %}").contains("https://vimeo.com/42"));
        assert!(html("{% iframe https://x.example/p 400 300 %}")
            .contains("<a href=\"https://x.example/p\">"));
        assert!(html("{% jsfiddle abc %}").contains("https://jsfiddle.net/abc/"));
        assert!(html("{% gist 123 file.rb %}").contains("https://gist.github.com/123"));
        assert!(
            html("{{< gist spf13 7896402 >}}").contains("https://gist.github.com/spf13/7896402")
        );
        assert!(
            html("{{< tweet user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}")
                .contains("https://x.com/SanDiegoZoo/status/1453110110599868418")
        );
        assert!(!html("{% youtube x %}{{< vimeo 1 >}}").contains("<iframe"));
    }

    #[test]
    fn notes_become_labelled_alerts() {
        let out = html("{% note warning %}\nCareful **now**.\n{% endnote %}");
        assert!(
            out.starts_with(
                "<blockquote class=\"markdown-alert-warning\">\n<p><strong>Warning</strong></p>"
            ),
            "{out}"
        );
        assert!(
            out.contains("<p>Careful <strong>now</strong>.</p>"),
            "{out}"
        );
        let out = html("{{% admonition tip \"Pro tip\" false %}}\nx\n{{% /admonition %}}");
        assert!(
            out.contains("markdown-alert-tip") && out.contains("<strong>Pro tip</strong>"),
            "{out}"
        );
        assert!(html("{% alert danger %}x{% endalert %}").contains("markdown-alert-caution"));
        assert!(html("{{< notice info >}}\nx\n{{< /notice >}}").contains("markdown-alert-note"));
    }

    #[test]
    fn hugo_figure_details_and_refs() {
        let out = html(
            "{{< figure src=\"/a.jpg\" alt=\"Alt\" caption=\"Cap\" link=\"https://x.example\" >}}",
        );
        assert_eq!(
            out,
            "<figure><a href=\"https://x.example\"><img src=\"/a.jpg\" alt=\"Alt\"></a><figcaption>Cap</figcaption></figure>"
        );
        let out = html("{{< details summary=\"More\" >}}\nHidden *text*.\n{{< /details >}}");
        assert!(
            out.starts_with("<details>\n<summary>More</summary>\n<p>Hidden <em>text</em>.</p>"),
            "{out}"
        );
        assert_eq!(
            html("[d]({{< ref \"docs/a.md\" >}})"),
            "<p><a href=\"docs/a.md\">d</a></p>\n"
        );
        assert_eq!(html("x {{< unknown a=1 >}} y"), "<p>x  y</p>\n");
        assert_eq!(html("{{% center %}}Kept{{% /center %}}"), "<p>Kept</p>\n");
    }

    #[test]
    fn escaped_shortcodes_show_literally_even_in_code() {
        assert_eq!(
            html("{{</* figure src=\"x\" */>}}"),
            "<p>{{&lt; figure src=\"x\" &gt;}}</p>\n"
        );
        assert_eq!(
            html("```\n{{%/* x */%}}\n```"),
            "<pre><code>{{% x %}}\n</code></pre>\n"
        );
        assert_eq!(
            html("`{{/* youtube(id=\"a\") */}}`"),
            "<p><code>{{ youtube(id=\"a\") }}</code></p>\n"
        );
    }

    #[test]
    fn zola_body_shortcodes() {
        let out = html("{% quote(author=\"Vincent\") %}\nA quote\n{% end %}");
        assert!(
            out.contains("<p>A quote</p>") && out.contains("<cite>Vincent</cite>"),
            "{out}"
        );
        assert_eq!(
            html("{% unknown(a=1) %}\nInner\n{% end %}"),
            "<p>Inner</p>\n"
        );
    }

    #[test]
    fn liquid_outputs_includes_and_control_flow_go_quietly() {
        assert_eq!(
            html("Date: {{ page.date | date_to_string }}."),
            "<p>Date: .</p>\n"
        );
        assert_eq!(
            html("a {% include note.html content=\"x\" %} b"),
            "<p>a  b</p>\n"
        );
        assert_eq!(
            html("{% if x %}Yes{% else %}No{% endif %}"),
            "<p>YesNo</p>\n"
        );
        assert_eq!(
            html("{% capture x %}hidden{% endcapture %}shown"),
            "<p>shown</p>\n"
        );
        assert_eq!(
            html("{% comment %}{% if %}{% endcomment %}ok"),
            "<p>ok</p>\n"
        );
        // LaTeX braces are not template outputs.
        assert_eq!(
            html("$x^{{a}}$ and \\frac{{1}}{2}"),
            "<p>$x^{{a}}$ and \\frac{{1}}{2}</p>\n"
        );
    }

    #[test]
    fn kramdown_attribute_lists_are_stripped() {
        assert_eq!(
            html("Para\n{: .note}\n\nNext {:#id}"),
            "<p>Para</p>\n<p>Next</p>\n"
        );
        assert_eq!(html("a {:hash => 1} b"), "<p>a {:hash =&gt; 1} b</p>\n");
        // Found by the fuzzer: the 512-byte search window ended inside a character.
        let long = format!("{{:y{}", "试".repeat(200));
        assert!(html(&long).contains("试试"));
    }

    #[test]
    fn obsidian_links_and_embeds() {
        assert_eq!(
            html("See [[Blade Runner|the film]] and [[Notes#Part]]."),
            "<p>See the film and Notes › Part.</p>\n"
        );
        assert_eq!(
            html("![[Movies.base#Last seen]]"),
            "<p><small>[Embedded: Movies.base#Last seen]</small></p>\n"
        );
        assert_eq!(
            html("![[my cat.png]]"),
            "<img src=\"my%20cat.png\" alt=\"my cat.png\">"
        );
        // A Markdown link whose text starts with a bracket is not a wikilink.
        assert_eq!(
            html("[[1]](https://x.example)"),
            "<p><a href=\"https://x.example\">[1]</a></p>\n"
        );
    }

    #[test]
    fn code_is_left_alone() {
        assert_eq!(
            html("`{% youtube x %}`"),
            "<p><code>{% youtube x %}</code></p>\n"
        );
        assert_eq!(
            html("    {% include a %}\n"),
            "<pre><code>{% include a %}\n</code></pre>\n"
        );
        assert_eq!(
            html("```\n{{< x >}} [[y]]\n```"),
            "<pre><code>{{&lt; x &gt;}} [[y]]\n</code></pre>\n"
        );
    }

    #[test]
    fn blocks_inside_list_items_keep_their_indentation() {
        let out = html("- item\n\n  {% codeblock lang:sh %}\n  ls\n  {% endcodeblock %}\n- next");
        assert!(
            out.contains("<li>\n<p>item</p>\n<pre><code class=\"language-sh\">"),
            "{out}"
        );
        assert!(
            out.contains("<li>next</li>") || out.contains("<li>\n<p>next</p>"),
            "{out}"
        );
    }

    #[test]
    fn malformed_tags_do_not_panic_or_duplicate() {
        let cases = [
            "{% raw)<!--{% include twitter_sharing.html)-->{% end",
            "{{< x >}} unclosed {{< y",
            "{{< a >}}{{< b >}}{{< /a >}}text{{< /b >}}",
            "{% blockquote %}never closed",
            "{% endblockquote %}{% endraw %}{{< /z >}}{% end %}",
            "{% raw %}open raw {{ x }}",
            "{{%/* unterminated escape",
            "[[unclosed wiki ![[ { {: {{ &#123;% ",
            "{%%}{{}}{{<>}}{{%%}}{{</**/>}}",
            "é{%é%}é{{é}}é[[é]]é",
        ];
        for c in cases {
            let out = expand(c);
            assert!(out.len() <= c.len() * 4 + 64, "{c:?} grew to {out:?}");
            let _ = crate::markdown::to_html(&out);
        }
        assert_eq!(expand("{% blockquote %}never closed"), "never closed");
        assert_eq!(expand("{% raw %}open raw"), "open raw");
    }

    #[test]
    fn deep_and_repeated_tags_stay_linear() {
        let deep = "{% note %}".repeat(5000) + "x" + &"{% endnote %}".repeat(5000);
        let out = expand(&deep);
        assert!(
            out.contains('x') && out.len() < deep.len() * 8,
            "{}",
            out.len()
        );
        let unclosed = "{% raw %} {% codeblock %} {{< highlight >}} ".repeat(20_000);
        let out = expand(&unclosed);
        assert!(!out.contains("{%") && !out.contains("{{<"));
        let many = "{{< a >}}".repeat(20_000) + &"{{< /a >}}".repeat(20_000);
        assert!(expand(&many).trim().is_empty());
    }
}
