//! The article as one HTML fragment: a `<header>` with its metadata, then the body.
//! This is what `folio render` prints; every metadata value is escaped as text, and
//! the only links it adds (authors' pages, the original) passed the URL policy.

use crate::article::{Article, Direction};
use std::fmt::Write;

pub use crate::text::escape;

/// Renders the article as `<article>` with a metadata header and the sanitized body.
///
/// # Examples
/// ```
/// let file = b"---\ntitle: <script> & <b>\nauthor: <a href=\"https://ann.example\">Ann</a>\n---\nHi";
/// let a = folio::render(file, &Default::default()).unwrap();
/// let html = folio::fragment::to_fragment(&a);
/// assert!(html.contains("<h1 class=\"folio-title\">&lt;script&gt; &amp; &lt;b&gt;</h1>"));
/// assert!(html.contains("<a href=\"https://ann.example/\" rel=\"author noopener noreferrer nofollow\">Ann</a>"));
/// assert!(html.contains("<p>Hi</p>"));
/// ```
pub fn to_fragment(a: &Article) -> String {
    let mut h = String::with_capacity(a.html.len() + 512);
    let lang = a
        .lang
        .as_deref()
        .map(|l| format!(" lang=\"{}\"", escape(l)))
        .unwrap_or_default();
    let dir = match a.dir {
        Some(Direction::Rtl) => " dir=\"rtl\"",
        Some(Direction::Ltr) => " dir=\"ltr\"",
        None => "",
    };
    let _ = write!(
        h,
        "<article class=\"folio-article\"{lang}{dir}>\n<header class=\"folio-header\">\n"
    );
    if let Some(t) = &a.title {
        let _ = writeln!(h, "<h1 class=\"folio-title\">{}</h1>", escape(t));
    }
    let mut byline = Vec::new();
    if !a.authors.is_empty() {
        let names: Vec<String> = a
            .authors
            .iter()
            .map(|name| match a.author_links.get(name) {
                Some(url) => format!(
                    "<a href=\"{}\" rel=\"author noopener noreferrer nofollow\">{}</a>",
                    escape(url),
                    escape(name)
                ),
                None => escape(name),
            })
            .collect();
        byline.push(format!(
            "<span class=\"folio-authors\">{}</span>",
            names.join(", ")
        ));
    }
    if let Some(d) = &a.date {
        byline.push(format!(
            "<time class=\"folio-date\" datetime=\"{0}\">{0}</time>",
            escape(d)
        ));
    }
    if let Some(url) = &a.source_url {
        byline.push(format!(
            "<a class=\"folio-source\" href=\"{}\" rel=\"noopener noreferrer nofollow\">Original</a>",
            escape(url)
        ));
    }
    if !byline.is_empty() {
        let _ = writeln!(h, "<p class=\"folio-byline\">{}</p>", byline.join(" · "));
    }
    for (class, items) in [("folio-categories", &a.categories), ("folio-tags", &a.tags)] {
        if !items.is_empty() {
            let lis: String = items
                .iter()
                .map(|i| format!("<li>{}</li>", escape(i)))
                .collect();
            let _ = writeln!(h, "<ul class=\"{class}\">{lis}</ul>");
        }
    }
    if let Some(c) = &a.cover {
        let _ = writeln!(
            h,
            "<img class=\"folio-cover\" src=\"{}\" alt=\"\" referrerpolicy=\"no-referrer\" loading=\"lazy\" decoding=\"async\">",
            escape(c)
        );
    }
    h.push_str("</header>\n<div class=\"folio-body\">\n");
    h.push_str(&a.html);
    h.push_str("\n</div>\n</article>\n");
    h
}
