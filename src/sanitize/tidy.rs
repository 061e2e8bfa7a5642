//! What is done to the body's safe HTML after sanitizing: empty wrappers left by CMS
//! cruft go, and blank lines stop piling up. It reads html5ever's serialization, so
//! it keeps the output well formed (and a fixed point of the sanitizer).

use crate::text::tag_spans;
use std::borrow::Cow;

/// Tidies sanitized HTML: drops the `<p>` and `<div>` wrappers (without
/// attributes) that hold nothing but whitespace once CMS cruft is gone, and
/// collapses runs of blank lines. Runs on sanitized output, which it keeps well
/// formed. HTML that is tidy already comes back as it was given (owned or not), and
/// an owned input is dropped before the result is returned: no two copies stay.
pub(crate) fn tidy(html: Cow<'_, str>) -> Cow<'_, str> {
    if is_tidy(&html) {
        return html;
    }
    Cow::Owned(tidy_tags(&html))
}

/// `tidy`, tag by tag.
fn tidy_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    // Open `<p>`/`<div>`: name, where it starts in `out`, where its content starts,
    // and whether it is plain (an attribute such as an id keeps it).
    let mut open: Vec<(&str, usize, usize, bool)> = Vec::new();
    let mut in_pre = 0usize;
    let mut pos = 0;
    for (start, end) in tag_spans(html) {
        push_text(&mut out, &html[pos..start], in_pre > 0);
        let tag = &html[start..end];
        pos = end;
        let name_end = tag
            .find(|c: char| c.is_ascii_whitespace() || c == '>')
            .unwrap_or(tag.len());
        match &tag[..name_end] {
            "<p" | "<div" => {
                let at = out.len();
                out.push_str(tag);
                open.push((&tag[1..name_end], at, out.len(), name_end + 1 == tag.len()));
                continue;
            }
            "</p" | "</div" if open.last().is_some_and(|o| o.0 == &tag[2..name_end]) => {
                if let Some((_, at, content, true)) = open.pop() {
                    if is_blank(&out[content..]) {
                        out.truncate(at);
                        continue;
                    }
                }
            }
            "<pre" => in_pre += 1,
            "</pre" => in_pre = in_pre.saturating_sub(1),
            _ => {}
        }
        out.push_str(tag);
    }
    push_text(&mut out, &html[pos..], in_pre > 0);
    out
}

/// Whether `tidy` would leave `html` as it is, judged by a few fast searches instead of
/// reading every tag (most bodies, and every Markdown body without blank paragraphs, are):
/// no blank line run (a third line break after a blank line, spaces or tabs between),
/// and no plain `<p>` or `<div>` whose content starts blank and then closes. Conservative:
/// a `false` only means `tidy` reads the whole body.
fn is_tidy(html: &str) -> bool {
    let bytes = html.as_bytes();
    let blank_run = memchr::memmem::find_iter(bytes, b"\n\n").any(|at| {
        bytes[at + 2..]
            .iter()
            .find(|&&b| b != b' ' && b != b'\t')
            .is_some_and(|&b| b == b'\n')
    });
    if blank_run {
        return false;
    }
    let closes_blank = |opener: &[u8]| {
        memchr::memmem::find_iter(bytes, opener).any(|at| {
            let mut rest = &html[at + opener.len()..];
            loop {
                let trimmed = rest.trim_start_matches(char::is_whitespace);
                match trimmed.strip_prefix("&nbsp;") {
                    Some(after) => rest = after,
                    None => return trimmed.starts_with("</"),
                }
            }
        })
    };
    !closes_blank(b"<p>") && !closes_blank(b"<div>")
}

/// Only whitespace (full-width spaces and `&nbsp;` included).
fn is_blank(s: &str) -> bool {
    s.split("&nbsp;")
        .all(|p| p.trim_matches(|c: char| c.is_whitespace()).is_empty())
}

/// Appends text; outside `<pre>`, no more than one blank line stands in a row.
fn push_text(out: &mut String, text: &str, verbatim: bool) {
    if verbatim {
        out.push_str(text);
        return;
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            let line_start = out.trim_end_matches([' ', '\t']).len();
            if out[..line_start].ends_with("\n\n") {
                out.truncate(line_start);
            } else {
                out.push('\n');
            }
        }
        out.push_str(line);
    }
}

#[cfg(test)]
mod tests {
    use super::{is_tidy, tidy, tidy_tags};
    use std::borrow::Cow;

    #[test]
    fn what_is_judged_tidy_is_left_as_it_is_by_the_tag_by_tag_reading() {
        const PIECES: [&str; 16] = [
            "<p>",
            "</p>",
            "<div>",
            "</div>",
            "<p class=\"a\">",
            "<pre>",
            "</pre>",
            "\n",
            " ",
            "\t",
            "&nbsp;",
            "\u{3000}",
            "x",
            "<br>",
            "<span>",
            "</span>",
        ];
        let mut seed: u64 = 0x7161_6479;
        let (mut judged, mut tried) = (0, 0);
        for _ in 0..20_000 {
            let mut html = String::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            for _ in 0..(seed >> 60) + 2 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                html.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            tried += 1;
            if is_tidy(&html) {
                judged += 1;
                assert_eq!(tidy_tags(&html), html, "judged tidy: {html:?}");
            }
        }
        // Both kinds were met: the fast answer is neither always yes nor always no.
        assert!(judged > tried / 10 && judged < tried, "{judged} of {tried}");
    }

    #[test]
    fn empty_plain_wrappers_and_blank_line_runs_go() {
        let html =
            "<div><p>\u{3000} </p><div>\n</div></div>\n\n\n\n<p>Text</p><div id=\"a\"></div>";
        assert_eq!(tidy(html.into()), "\n\n<p>Text</p><div id=\"a\"></div>");
    }

    #[test]
    fn preformatted_text_keeps_its_blank_lines() {
        let html = "<pre><code>a\n\n\n\nb</code></pre>\n\n\n<p>&nbsp;</p><p>x</p>";
        assert_eq!(
            tidy(html.into()),
            "<pre><code>a\n\n\n\nb</code></pre>\n\n<p>x</p>"
        );
    }

    #[test]
    fn tidy_html_is_given_back_not_copied() {
        let html = String::from("<p>a</p>\n<p>b</p>\n");
        let at = html.as_ptr();
        let tidied = tidy(Cow::Owned(html));
        assert!(matches!(&tidied, Cow::Owned(t) if t.as_ptr() == at));
        let borrowed = "<p>a</p>\n\n\n<p>b</p>";
        assert!(matches!(tidy(borrowed.into()), Cow::Owned(t) if t == "<p>a</p>\n\n<p>b</p>"));
        assert!(matches!(tidy("<p>a</p>".into()), Cow::Borrowed("<p>a</p>")));
    }
}
