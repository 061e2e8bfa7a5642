//! CMS cruft in HTML bodies that the sanitizer would lose the meaning of.

use std::borrow::Cow;

/// News CMSes (Sina's among them) mark bold labels as `<font cms-style="… strong-Bold">`;
/// the sanitizer drops `<font>`, so those become `<strong>` first.
pub(crate) fn promote_cms_bold(html: &str) -> Cow<'_, str> {
    if !html.contains("strong-Bold") {
        return Cow::Borrowed(html);
    }
    // ASCII lowercasing keeps byte offsets, so `lower` indexes `html`.
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut open_is_bold: Vec<bool> = Vec::new();
    let mut pos = 0;
    let next_tag = |from: usize| {
        let open = lower[from..].find("<font");
        let close = lower[from..].find("</font");
        let first = match (open, close) {
            (Some(o), Some(c)) => Some(o.min(c)),
            (o, c) => o.or(c),
        };
        first.map(|i| from + i)
    };
    while let Some(at) = next_tag(pos) {
        let end = lower[at..].find('>').map_or(html.len(), |e| at + e + 1);
        out.push_str(&html[pos..at]);
        let tag = &html[at..end];
        if lower[at..].starts_with("</") {
            out.push_str(if open_is_bold.pop() == Some(true) {
                "</strong>"
            } else {
                tag
            });
        } else {
            let bold = lower[at..end].contains("strong-bold");
            out.push_str(if bold { "<strong>" } else { tag });
            open_is_bold.push(bold);
        }
        pos = end;
    }
    out.push_str(&html[pos..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cms_bold_fonts_become_strong_and_others_stay() {
        let html = r#"<p><font cms-style="font-L strong-Bold">发言人：</font>正文<font color=red>红</font></p>"#;
        assert_eq!(
            promote_cms_bold(html),
            r#"<p><strong>发言人：</strong>正文<font color=red>红</font></p>"#
        );
        let nested = r#"<font a><FONT cms-style="strong-Bold">b</FONT></font>"#;
        assert_eq!(
            promote_cms_bold(nested),
            "<font a><strong>b</strong></font>"
        );
    }

    #[test]
    fn unclosed_bold_font_does_not_panic() {
        assert_eq!(
            promote_cms_bold(r#"x<font cms-style="strong-Bold""#),
            "x<strong>"
        );
        assert_eq!(promote_cms_bold("</font>strong-Bold"), "</font>strong-Bold");
    }
}
