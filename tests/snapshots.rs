//! Snapshot tests over the corpus: every change to what Folio reads out of a real
//! file shows up as a diff to review (`make bless` accepts it, after reading
//! `git diff tests/snapshots`).
//!
//! The corpus is third-party text kept out of this repository, so a snapshot holds
//! the metadata and warnings but only the *shape* of the body: tags and attribute
//! names, URL hosts, and `{n}` for a run of n characters of text.

use crate::corpus::{corpus_files, options_for, shared_dir};
use crate::html_check::start_tags;
use std::fmt::Write;

/// The body's structure with its text replaced by character counts.
fn skeleton(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while !rest.is_empty() {
        let lt = rest.find('<').unwrap_or(rest.len());
        let text = rest[..lt].trim();
        if !text.is_empty() {
            let _ = write!(out, "{{{}}}", text.chars().count());
        }
        rest = &rest[lt..];
        if rest.is_empty() {
            break;
        }
        let gt = rest.find('>').map_or(rest.len(), |g| g + 1);
        let tag = &rest[..gt];
        if tag.starts_with("</") {
            out.push_str(tag);
        } else if let Some(t) = start_tags(tag).into_iter().next() {
            let _ = write!(out, "<{}", t.name);
            for (name, value) in &t.attrs {
                let shown = match name.as_str() {
                    "href" | "src" | "cite" => redact_url(value),
                    "id" => "…".to_string(),
                    _ if value.chars().count() <= 40 => value.clone(),
                    _ => "…".to_string(),
                };
                let _ = write!(out, " {name}=\"{shown}\"");
            }
            out.push('>');
            if matches!(
                t.name.as_str(),
                "p" | "div"
                    | "li"
                    | "tr"
                    | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "pre"
                    | "br"
                    | "table"
                    | "ul"
                    | "ol"
                    | "blockquote"
                    | "figure"
            ) {
                out.push('\n');
            }
        }
        rest = &rest[gt..];
    }
    out
}

/// Keeps a URL's scheme and host (or `relative`/`#fragment`), not its path.
fn redact_url(v: &str) -> String {
    match url::Url::parse(v) {
        Ok(u) if u.scheme() == "data" => format!("data:{}…", v.get(5..15).unwrap_or("")),
        Ok(u) => format!("{}://{}/…", u.scheme(), u.host_str().unwrap_or("")),
        Err(_) if v.starts_with('#') => "#…".into(),
        Err(_) => "relative…".into(),
    }
}

fn describe(a: &folio::Article) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "title: {:?}", a.title);
    let _ = writeln!(
        s,
        "date: {:?}  updated: {:?}  date_text: {:?}",
        a.date, a.updated, a.date_text
    );
    let _ = writeln!(s, "authors: {:?}", a.authors);
    if !a.author_links.is_empty() {
        let links: Vec<(&String, String)> = a
            .author_links
            .iter()
            .map(|(name, url)| (name, redact_url(url)))
            .collect();
        let _ = writeln!(s, "author links: {links:?}");
    }
    let _ = writeln!(
        s,
        "categories: {:?}  paths: {:?}",
        a.categories, a.category_paths
    );
    let _ = writeln!(s, "tags: {:?}", a.tags);
    let _ = writeln!(s, "cover: {:?}", a.cover.as_deref().map(redact_url));
    if let Some(url) = &a.source_url {
        let _ = writeln!(s, "original: {}", redact_url(url));
    }
    if let Some(site) = &a.site_name {
        let _ = writeln!(s, "site: {site:?}");
    }
    let _ = writeln!(s, "dir: {:?}", a.dir);
    let _ = writeln!(
        s,
        "summary: {:?}  excerpt: {:?}",
        a.summary.as_ref().map(|x| x.chars().count()),
        a.excerpt.as_ref().map(|x| x.chars().count())
    );
    let _ = writeln!(
        s,
        "lang: {:?}  format: {:?}  front_matter: {:?}  encoding: {}  draft: {}",
        a.lang, a.format, a.front_matter, a.encoding, a.draft
    );
    let _ = writeln!(s, "stats: {:?}", a.stats);
    let _ = writeln!(
        s,
        "toc: {:?}",
        a.toc.iter().map(|t| t.level).collect::<Vec<_>>()
    );
    let mut kinds = std::collections::BTreeMap::new();
    for link in &a.links {
        *kinds.entry(format!("{:?}", link.kind)).or_insert(0) += 1;
    }
    let _ = writeln!(s, "links: {kinds:?}");
    let _ = writeln!(
        s,
        "extra keys: {:?}",
        a.extra
            .as_object()
            .map(|o| o.keys().cloned().collect::<Vec<_>>())
    );
    if !a.hidden.is_empty() {
        let hidden: Vec<String> = a
            .hidden
            .iter()
            .map(|h| format!("{} {}", h.kind, h.count))
            .collect();
        let _ = writeln!(s, "hidden: {}", hidden.join(", "));
    }
    for w in &a.warnings {
        let line = w.line.map(|l| format!(" (line {l})")).unwrap_or_default();
        let _ = writeln!(s, "warning: [{}]{line} {}", w.code.as_str(), w.message);
    }
    let _ = writeln!(s, "---\n{}", skeleton(&a.html));
    s
}

#[test]
fn snapshot_every_corpus_file() {
    let base = shared_dir();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for path in corpus_files() {
            let rel = path
                .strip_prefix(&base)
                .unwrap()
                .to_string_lossy()
                .replace(['/', '\\'], "__");
            let bytes = std::fs::read(&path).unwrap();
            let shown = match folio::render(&bytes, &options_for(&path)) {
                Ok(a) => describe(&a),
                Err(e) => format!("error: {e}\n"),
            };
            insta::assert_snapshot!(rel, shown);
        }
    });
}

#[test]
fn skeleton_keeps_shape_not_text() {
    let s = skeleton(r#"<p>Hello <a href="https://x.cn/secret/path" rel="noopener">world</a></p>"#);
    assert_eq!(
        s,
        "<p>\n{5}<a href=\"https://x.cn/…\" rel=\"noopener\">{5}</a></p>"
    );
}
