//! Markdown or HTML? By the file's extension, else by what the body looks like
//! (scraped news is often HTML saved as `.md`).

use crate::article::Format;

const HTML_EXTENSIONS: [&str; 4] = ["html", "htm", "xhtml", "shtml"];

/// Block-level tags that, opening a body, mark it as hand-written or scraped HTML.
const BLOCK_TAGS: [&str; 22] = [
    "div",
    "p",
    "section",
    "article",
    "main",
    "table",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "blockquote",
    "style",
    "header",
    "center",
    "font",
    "span",
    "html",
];

/// Decides how to read the body: by extension for HTML files, otherwise by content.
///
/// A `.md` file whose body opens with a block tag and ends with a closing tag, with
/// no Markdown headings, lists or fences at the start of a line, is HTML.
pub fn detect_format(body: &str, file_name: Option<&str>) -> Format {
    let ext = file_name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    if ext.as_deref().is_some_and(|e| HTML_EXTENSIONS.contains(&e)) {
        return Format::Html;
    }
    let t = body.trim();
    let lower_start: String = t.chars().take(16).collect::<String>().to_ascii_lowercase();
    if lower_start.starts_with("<!doctype html") || lower_start.starts_with("<html") {
        return Format::Html;
    }
    let opens_with_block = t.strip_prefix('<').is_some_and(|rest| {
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        BLOCK_TAGS.contains(&name.as_str())
    });
    if !opens_with_block || !t.ends_with('>') {
        return Format::Markdown;
    }
    let markdown_lines = t
        .lines()
        .filter(|l| {
            let l = l.trim_start();
            l.starts_with("# ")
                || l.starts_with("## ")
                || l.starts_with("```")
                || l.starts_with("- ")
                || l.starts_with("* ")
                || l.starts_with("> ")
                || l.starts_with("![")
        })
        .count();
    if markdown_lines == 0 {
        Format::Html
    } else {
        Format::Markdown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_detection() {
        let md = Some("a.md");
        assert_eq!(
            detect_format("<div>\n<p>x</p>\n\n    <p>y</p>\n</div>", md),
            Format::Html
        );
        assert_eq!(
            detect_format("# Title\n\n<div>x</div>", md),
            Format::Markdown
        );
        assert_eq!(detect_format("anything", Some("page.HTML")), Format::Html);
        assert_eq!(
            detect_format("\n<div>\n<p>a</p>\n</div>\n  ", None),
            Format::Html
        );
        assert_eq!(
            detect_format("<div>x</div>\n\n- list\n\n<p>y</p>", None),
            Format::Markdown
        );
        assert_eq!(
            detect_format("<!DOCTYPE html><title>x</title>", None),
            Format::Html
        );
        assert_eq!(detect_format("<img src=x> text", None), Format::Markdown);
        assert_eq!(detect_format("plain text", None), Format::Markdown);
    }
}
