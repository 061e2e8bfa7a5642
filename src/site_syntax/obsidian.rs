//! Obsidian's wiki links: `[[page|alias]]` becomes its text, `![[image.png]]` the
//! (relative) image, any other `![[embed]]` a small placeholder.

use super::token::floor_boundary;
use crate::text::escape;

/// `[[inner]]` on one line, not a Markdown link like `[[1]](url)`: its length and inner text.
pub(super) fn wiki(s: &str) -> Option<(usize, &str)> {
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
pub(super) fn embed(inner: &str) -> String {
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
            escape(&target.replace(' ', "%20")),
            escape(alt)
        )
    } else {
        format!("<small>[Embedded: {}]</small>", escape(target))
    }
}

/// What `[[target|alias]]` shows: the alias, else the target (a `#heading` in it
/// shown as ` › `).
pub(super) fn link_text(inner: &str) -> String {
    let (target, alias) = inner.split_once('|').unwrap_or((inner, ""));
    if alias.trim().is_empty() {
        target.trim().replace('#', " › ")
    } else {
        alias.trim().to_string()
    }
}
