//! Liquid tags as Hexo and Jekyll write them: `{% name args %}` (also as
//! `&#123;% … %}`, the way scraped pages encode the brace), paired with
//! `{% endname %}`, and outputs `{{ expression }}`. Zola's `{% name(args) %}` and
//! `{{ name(args) }}` share these delimiters, so they are told apart here.

use super::args::{named_args, split_args};
use super::token::{window, Family, Kind, Parsed};
use super::write::{fence, gist_link, indent_block, is_url, link, video_link, wrap};
use super::zola;
use crate::text::escape;

/// Tags whose content is taken literally: (name, family).
const LITERAL: [&str; 6] = [
    "raw",
    "codeblock",
    "code",
    "highlight",
    "comment",
    "verbatim",
];

/// Liquid/Hexo tags that never have a closer (kept off the pairing stack).
const INLINE: [&str; 27] = [
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

/// Liquid statements (not in [`INLINE`]) that write nothing, and `{%= expr %}`
/// (an output in EJS-style templates): never unknown.
const STATEMENTS: [&str; 5] = ["break", "continue", "echo", "liquid", "="];

/// Tags whose content is taken literally (raw text, code, comments).
pub(super) fn is_literal(name: &str) -> bool {
    LITERAL.contains(&name)
}

/// Tags that never have a closer (kept off the pairing stack).
pub(super) fn is_inline(name: &str) -> bool {
    INLINE.contains(&name)
}

/// `{% name args %}` at the start of `s` (after an opening of `open_len` bytes).
pub(super) fn parse(s: &str, open_len: usize) -> Option<Parsed> {
    let body_start = open_len;
    let close = window(s).get(body_start..)?.find("%}")? + body_start;
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

/// `{{ expression }}` at `at`: a Zola shortcode call or a Liquid/Go-template
/// output. Where it ends and what stands for it (a call Folio does not know as
/// [`Kind::Unknown`]).
pub(super) fn output(src: &str, at: usize) -> Option<(usize, Kind)> {
    let rest = &src[at..];
    let close = window(rest).find("}}")?;
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
    if let Some((name, args)) = zola::call(t) {
        let kind = match zola::inline(name, &named_args(args)) {
            Some(text) => Kind::Text(text),
            None => Kind::Unknown {
                family: Family::Zola,
                name: name.to_string(),
            },
        };
        return Some((end, kind));
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
    Some((end, Kind::Text(literal)))
}

/// A literal tag's content (`body`, its first line break gone): raw text, fenced
/// code (Hexo's `codeblock` with its title) or nothing (`comment`).
pub(super) fn literal(p: &Parsed, body: &str, indent: Option<&str>) -> String {
    match p.name.as_str() {
        "raw" | "verbatim" => body.to_string(),
        "comment" => String::new(),
        "codeblock" | "code" => {
            let (title, lang, url) = hexo_code_args(&p.args);
            let mut out = String::new();
            if let Some(t) = title {
                let t = match url {
                    Some(u) => format!(r#"<a href="{}">{}</a>"#, escape(&u), escape(&t)),
                    None => escape(&t),
                };
                out.push_str(&format!("<p><strong>{t}</strong></p>\n\n"));
            }
            out.push_str(&fence(&lang, body));
            indent_block(&out, indent)
        }
        _ => {
            let lang = split_args(&p.args, false)
                .into_iter()
                .next()
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

/// A paired Liquid tag this dialect knows (quotes, `capture`, `comment`, control
/// flow); `None` for the others.
pub(super) fn block(name: &str, args: &str, inner: &str, indent: Option<&str>) -> Option<String> {
    Some(match name {
        "blockquote" => {
            let footer = hexo_quote_footer(args);
            wrap(
                "<blockquote>",
                inner,
                &format!("{footer}</blockquote>"),
                indent,
            )
        }
        "pullquote" => wrap("<blockquote>", inner, "</blockquote>", indent),
        "capture" | "comment" => String::new(),
        // Liquid's control flow: what it holds is shown (no template is run).
        "if" | "unless" | "for" | "case" | "tablerow" => inner.to_string(),
        _ => return None,
    })
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
            escape(l),
            escape(&cite_text)
        ),
        (None, false) => format!("<cite>{}</cite>", escape(&cite_text)),
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
        format!("<strong>{}</strong>", escape(&author))
    };
    format!("<footer>— {author}{sep}{cite}</footer>\n")
}

/// An unpaired tag: images, paths and links (relative ones stay relative, Hexo
/// slugs too), players as links; Liquid's own statements (`include`, `assign` …)
/// and blocks left open go quietly. `None` for a tag Folio does not know.
pub(super) fn inline(name: &str, args: &str) -> Option<String> {
    let words = split_args(args, false);
    let first = words.first().map(String::as_str).unwrap_or("");
    let rest = || words.get(1..).map(|w| w.join(" ")).unwrap_or_default();
    Some(match name {
        "img" | "image" => {
            // `img [class names] url [width [height]] [title [alt]]`
            let Some(u) = words
                .iter()
                .position(|w| w.contains('/') || w.contains('.'))
            else {
                return Some(String::new());
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
            let mut out = format!(r#"<img src="{}" alt="{}""#, escape(&words[u]), escape(alt));
            if !title.is_empty() {
                out.push_str(&format!(r#" title="{}""#, escape(title)));
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
                return Some(String::new());
            };
            let title = words.get(u + 1..).map(|w| w.join(" ")).unwrap_or_default();
            let title = title.trim_matches('"');
            let mut out = format!(
                r#"<img src="{}" alt="{}""#,
                escape(&words[u]),
                escape(if title.is_empty() { &words[u] } else { title })
            );
            if !title.is_empty() {
                out.push_str(&format!(r#" title="{}""#, escape(title)));
            }
            out.push('>');
            out
        }
        "asset_path" | "post_path" | "post_url" | "link" => first.to_string(),
        "asset_link" | "post_link" => {
            if first.is_empty() {
                return Some(String::new());
            }
            let t = rest();
            link(first, if t.is_empty() { first } else { &t })
        }
        "youtube" => video_link("youtube", first),
        "vimeo" => video_link("vimeo", first),
        "iframe" | "video" | "jsfiddle" | "gist" if first.is_empty() => return Some(String::new()),
        "iframe" | "video" => link(first, first),
        "jsfiddle" => {
            let href = if is_url(first) {
                first.to_string()
            } else {
                format!("https://jsfiddle.net/{first}/")
            };
            link(&href, &format!("JSFiddle: {first}"))
        }
        "gist" => gist_link(first, words.get(1).map(String::as_str)),
        _ if STATEMENTS.contains(&name) || INLINE.contains(&name) || LITERAL.contains(&name) => {
            return Some(String::new())
        }
        _ => return None,
    })
}
