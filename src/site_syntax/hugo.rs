//! Hugo's shortcodes: `{{< name args >}}` and `{{% name args %}}`, paired with
//! `{{< /name >}}` or self-closed; the escaped `{{</* x */>}}` shows literally.

use super::args::{named_args, Args};
use super::token::{window, Family, Parsed};
use super::write::{fence, gist_link, indent_block, link, video_link, wrap};
use crate::text::escape;

const LITERAL: [&str; 4] = ["highlight", "code", "code-toggle", "codeblock"];

/// Hugo shortcodes that are never paired.
const INLINE: [&str; 13] = [
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

/// Shortcodes whose content is taken literally (code).
pub(super) fn is_literal(name: &str) -> bool {
    LITERAL.contains(&name)
}

/// Shortcodes that stand alone, never paired with a closer.
pub(super) fn is_inline(name: &str, args: &str) -> bool {
    INLINE.contains(&name) || args.ends_with('/')
}

/// `{{< name args >}}`, `{{% name args %}}`, `{{< /name >}}`, `{{< name />}}`.
pub(super) fn parse(s: &str) -> Option<Parsed> {
    let delim = *s.as_bytes().get(2)?;
    let closer = if delim == b'<' { ">}}" } else { "%}}" };
    let close = window(s).get(3..)?.find(closer)? + 3;
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
pub(super) fn escaped_shortcode(s: &str) -> Option<(usize, String)> {
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
    let inner_len = window(s).get(start..)?.find(&end_marker)?;
    let inner = &s[start..start + inner_len];
    Some((
        start + inner_len + end_marker.len(),
        format!("{open}{inner}{close}"),
    ))
}

/// A literal shortcode's content (`body`, its first line break gone) as fenced code.
pub(super) fn literal(p: &Parsed, body: &str, indent: Option<&str>) -> String {
    match p.name.as_str() {
        "code-toggle" => indent_block(&fence("toml", body), indent),
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

/// A paired Hugo shortcode this dialect knows (quotes); `None` for the others.
pub(super) fn block(name: &str, inner: &str, indent: Option<&str>) -> Option<String> {
    match name {
        "blockquote" | "quote" => Some(wrap("<blockquote>", inner, "</blockquote>", indent)),
        _ => None,
    }
}

/// An unpaired Hugo shortcode; `None` for one Folio does not know.
pub(super) fn inline(name: &str, args: &str) -> Option<String> {
    inline_args(name, &named_args(args.trim_end_matches('/')))
}

/// An unpaired Hugo shortcode, with its arguments read.
fn inline_args(name: &str, a: &Args) -> Option<String> {
    Some(match name {
        "figure" => {
            let Some(src) = a.get("src") else {
                return Some(String::new());
            };
            let alt = a
                .get("alt")
                .or(a.get("caption"))
                .or(a.get("title"))
                .unwrap_or("");
            let mut img = format!(r#"<img src="{}" alt="{}""#, escape(src), escape(alt));
            for k in ["width", "height", "title"] {
                if let Some(v) = a.get(k) {
                    img.push_str(&format!(r#" {k}="{}""#, escape(v)));
                }
            }
            img.push('>');
            if let Some(l) = a.get("link") {
                img = format!(r#"<a href="{}">{img}</a>"#, escape(l));
            }
            let caption: Vec<String> = ["title", "caption", "attr"]
                .iter()
                .filter_map(|k| a.get(k))
                .map(escape)
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
        // Known, and shown as nothing: a site parameter, a comment, code (unclosed).
        "param" | "comment" | "highlight" | "code" | "code-toggle" | "codeblock" => String::new(),
        _ => return None,
    })
}
