//! kramdown's inline attribute lists (Jekyll): `{: .note}`, `{:#id}`, `{::options}`
//! and `{:/}` are dropped, as they only style what they follow.

use super::token::line_indent;

/// kramdown's `{: .class}` / `{:#id}` / `{::options}` / `{:/}` at `at`: where what is
/// dropped ends (a line holding only one goes with its line break).
pub(super) fn attribute_list(src: &str, at: usize) -> Option<usize> {
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
    let whole_line = line_indent(src, at).is_some() && rest[close + 1..line_end].trim().is_empty();
    if whole_line {
        end = (at + line_end + 1).min(src.len());
    }
    Some(end)
}
