//! Zola's (Tera) shortcodes: `{{ name(args) }}` inline, `{% name(args) %}` …
//! `{% end %}` around Markdown. Their tags are read with Liquid's (same delimiters).

use super::args::{named_args, Args};
use super::write::{link, video_link, wrap};
use crate::text::escape;

/// `name(args)` with a Tera-style identifier.
pub(super) fn call(t: &str) -> Option<(&str, &str)> {
    let open = t.find('(')?;
    let name = t[..open].trim();
    let args = t[open + 1..].strip_suffix(')')?;
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .then_some((name, args))
}

/// The inside of `name(args)`.
pub(super) fn call_args(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('(')
        .map(|r| r.strip_suffix(')').unwrap_or(r))
        .unwrap_or(s)
}

/// A paired Zola block this dialect knows (`quote`); `None` for the others.
pub(super) fn block(name: &str, args: &str, inner: &str, indent: Option<&str>) -> Option<String> {
    match name {
        "quote" => {
            let a = named_args(call_args(args));
            let footer = a
                .get("author")
                .map(|au| format!("<footer>— <cite>{}</cite></footer>\n", escape(au)))
                .unwrap_or_default();
            Some(wrap(
                "<blockquote>",
                inner,
                &format!("{footer}</blockquote>"),
                indent,
            ))
        }
        _ => None,
    }
}

/// A Zola `{{ name(args) }}` shortcode; `None` for one Folio does not know.
pub(super) fn inline(name: &str, a: &Args) -> Option<String> {
    Some(match name {
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
        _ => return None,
    })
}
