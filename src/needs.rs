//! Which tiers of the WebAssembly build a file needs besides the light one
//! ([`crate::tier`]), judged before rendering from what the first stages say about
//! it, so that a browser can fetch them in parallel. It sits above the stages it asks
//! (decode, front matter, body, site syntax), as [`crate::render`] does.

use crate::tier::Tier;

/// The tiers a file needs besides the light one, judged from its text before it is
/// rendered: its encoding, its front matter's kind, its body's format, and raw HTML
/// other than comments in Markdown once its site syntax is expanded (tag plugins
/// write HTML). Conservative: a tier named here may turn out unneeded, a tier not
/// named is never needed. `file_name`'s extension hints at the format, as in
/// [`crate::render`].
pub fn needs(bytes: &[u8], file_name: Option<&str>) -> Vec<Tier> {
    let Some(text) = crate::decode::unicode_text(bytes) else {
        // Legacy text is not read here: whatever it holds may need HTML or TOML.
        return vec![Tier::Legacy, Tier::Html, Tier::Toml];
    };
    let mut out = Vec::new();
    let split = crate::front_matter::split(&text);
    let toml = Some(crate::article::FrontMatterKind::Toml);
    if crate::front_matter::opener_kind(&text) == toml || split.kind == toml {
        out.push(Tier::Toml);
    }
    let html = match crate::body::detect_format(split.body, file_name) {
        crate::article::Format::Html => true,
        crate::article::Format::Markdown => {
            let code = crate::body::markdown::code_ranges;
            has_raw_html(&crate::site_syntax::expand(split.body, code).text)
        }
    };
    if html {
        out.push(Tier::Html);
    }
    // Reading the front matter may have noted the TOML tier: no render is running.
    crate::tier::take_missing();
    out
}

/// Whether Markdown may hold raw HTML other than comments: any `<` followed by a
/// letter, `/`, `?` or `!` (not `<!--`), unless it is an autolink (`<https://…>`,
/// `<a@b.cn>`). Code spans and blocks count too: conservative.
fn has_raw_html(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(at) = b[i..].iter().position(|&c| c == b'<') {
        let start = i + at + 1;
        i = start;
        let rest = &b[start..];
        match rest.first() {
            Some(b'!') if rest.starts_with(b"!--") => {}
            Some(b'/' | b'?' | b'!') => return true,
            Some(c) if c.is_ascii_alphabetic() => {
                let word = rest
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'.' | b'-'))
                    .count();
                let autolink = matches!(rest.get(word), Some(b':' | b'@'))
                    && rest[word..]
                        .iter()
                        .take_while(|&&c| c != b'>')
                        .all(|&c| c > b' ' && c != b'<');
                if !autolink {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tier::Tier;

    #[test]
    fn markdown_without_raw_html_needs_nothing_more() {
        let md = "---\ntitle: T\n---\n# Hi\n\n<!-- more -->\n\na < b, <https://x.cn/> <a@b.cn>";
        assert_eq!(needs(md.as_bytes(), Some("a.md")), []);
        let crlf = "---\r\ntitle: T\r\n---\r\nText\r\n";
        assert_eq!(needs(crlf.as_bytes(), None), []);
    }

    #[test]
    fn html_toml_and_legacy_files_name_their_tier() {
        assert_eq!(needs(b"# Hi\n\n<b>x</b>", None), [Tier::Html]);
        // A tag plugin that writes an image: raw HTML once expanded.
        assert_eq!(needs(b"{% asset_img a.gif %}", Some("a.md")), [Tier::Html]);
        assert_eq!(needs(b"<p>x</p>", Some("a.html")), [Tier::Html]);
        assert_eq!(needs(b"+++\ntitle = \"x\"\n+++\nBody", None), [Tier::Toml]);
        let gbk = b"\xd6\xd0\xce\xc4\xb5\xc4\xd5\xfd\xce\xc4\xc4\xda\xc8\xdd";
        assert_eq!(needs(gbk, None)[0], Tier::Legacy);
        let utf16: Vec<u8> = "\u{FEFF}# Hi"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(needs(&utf16, None), []);
    }
}
