//! Markup the dialects write in place of their tags: fenced code, HTML wrapped
//! around Markdown, and links standing in for embedded players. Text in it is
//! escaped; the result stays unsafe until the sanitizer.

use crate::text::escape;

/// An absolute or protocol-relative web address.
pub(super) fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//")
}

/// A fenced code block whose fence is longer than any backtick run inside.
pub(super) fn fence(lang: &str, body: &str) -> String {
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
pub(super) fn indent_block(block: &str, indent: Option<&str>) -> String {
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

/// Wraps rendered Markdown `inner` in HTML, blank lines around so the Markdown
/// inside still renders.
pub(super) fn wrap(open: &str, inner: &str, close: &str, indent: Option<&str>) -> String {
    let inner = inner.trim_matches('\n');
    indent_block(&format!("{open}\n\n{inner}\n\n{close}"), indent)
}

/// A link standing in for an embedded player or frame.
pub(super) fn link(href: &str, label: &str) -> String {
    format!(r#"<a href="{}">{}</a>"#, escape(href), escape(label))
}

/// A link to a video on YouTube or Vimeo, from its id or URL.
pub(super) fn video_link(site: &str, id: &str) -> String {
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

/// A link to a GitHub gist (`user/id` or a URL), naming the file when given.
pub(super) fn gist_link(id: &str, file: Option<&str>) -> String {
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
