//! `render -o`: one standalone HTML page per article, and the local files it uses.
//!
//! A page is the CLI's HTML fragment (metadata header, sanitized body) in a document
//! whose Content-Security-Policy allows no script at all, styles only from the one
//! stylesheet written at the top of the output folder (`folio.css`), and images from
//! that folder or the web. Relative images and links to files (not to other articles)
//! are **copied** beside the page, at the same relative place: a copy stays valid
//! when the archive moves or is edited (a symbolic link would break, a hard link would
//! let an edit of the output change the archive), and on file systems with reflinks
//! (Btrfs, XFS) `copy_file_range` makes it share the blocks anyway.

use super::inputs::looks_like_article;
use super::signals::AtomicFile;
use folio::fragment::escape;
use folio::Article;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use url::Url;

/// The stylesheet every page links to, written once as `folio.css`.
pub const STYLESHEET: &str = include_str!("page.css");
/// Its name at the top of the output folder.
pub const STYLESHEET_NAME: &str = "folio.css";

/// The page's policy: nothing runs; styles from the output folder only; images and
/// media from it or the web (a sanitized body may show remote pictures).
const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' https: http: data:; \
media-src 'self' https: http:; base-uri 'none'; form-action 'none'";

/// The whole page for `article`, which lands `depth` folders below the output folder.
pub fn page(article: &Article, depth: usize) -> String {
    let fragment = folio::fragment::to_fragment(article);
    let mut h = String::with_capacity(fragment.len() + 1024);
    h.push_str("<!DOCTYPE html>\n<html");
    if let Some(lang) = &article.lang {
        h.push_str(&format!(" lang=\"{}\"", escape(lang)));
    }
    h.push_str(">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n"
    ));
    h.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    h.push_str(&format!(
        "<meta name=\"generator\" content=\"folio {}\">\n",
        env!("CARGO_PKG_VERSION")
    ));
    if let Some(title) = &article.title {
        h.push_str(&format!("<title>{}</title>\n", escape(title)));
    }
    if let Some(summary) = &article.summary {
        h.push_str(&format!(
            "<meta name=\"description\" content=\"{}\">\n",
            escape(summary)
        ));
    }
    h.push_str(&format!(
        "<link rel=\"stylesheet\" href=\"{}{STYLESHEET_NAME}\">\n</head>\n<body>\n<main>\n",
        "../".repeat(depth)
    ));
    h.push_str(&fragment);
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

/// Writes `contents` to `dest` whole (see [`AtomicFile`]).
pub fn write_file(dest: &Path, contents: &[u8]) -> io::Result<()> {
    let mut f = AtomicFile::create(dest)?;
    f.write_all(contents)?;
    f.commit()
}

/// The relative URLs of the article's images, links and cover, in order, as written
/// in the sanitized HTML (still percent-encoded). Absolute, root-relative (`/x`),
/// protocol-relative and fragment-only ones are left out.
pub fn relative_references(article: &Article) -> Vec<String> {
    let mut refs = if may_hold_relative(&article.html) {
        tokenize_references(&article.html)
    } else {
        Vec::new()
    };
    refs.extend(article.cover.clone());
    refs.retain(|r| is_relative(r));
    refs
}

/// Whether the sanitized HTML may hold a relative `src` or `href`: html5ever writes
/// every attribute as ` name="value"`, so a page whose values all start with a scheme,
/// `/` or `#` (most of them) skips the tokenizer.
fn may_hold_relative(html: &str) -> bool {
    const ABSOLUTE: [&str; 6] = ["http://", "https://", "mailto:", "data:", "#", "/"];
    ["src=\"", "href=\""].iter().any(|attr| {
        html.match_indices(attr).any(|(at, m)| {
            let value = &html[at + m.len()..];
            !ABSOLUTE.iter().any(|p| value.starts_with(p))
        })
    })
}

/// `img[src]` and `a[href]` values, in order, read with html5ever's tokenizer.
fn tokenize_references(html: &str) -> Vec<String> {
    let sink = Refs(RefCell::new(Vec::new()));
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(html.into());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.take()
}

fn is_relative(r: &str) -> bool {
    !r.is_empty()
        && !r.starts_with(['/', '#', '?', '\\'])
        && matches!(Url::parse(r), Err(url::ParseError::RelativeUrlWithoutBase))
}

/// Collects `img[src]` and `a[href]`.
struct Refs(RefCell<Vec<String>>);

impl TokenSink for Refs {
    type Handle = ();
    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        if let Token::TagToken(tag) = token {
            let wanted = match &*tag.name {
                "img" => "src",
                "a" => "href",
                _ => return TokenSinkResult::Continue,
            };
            if tag.kind == TagKind::StartTag {
                if let Some(a) = tag.attrs.iter().find(|a| &*a.name.local == wanted) {
                    self.0.borrow_mut().push(a.value.to_string());
                }
            }
        }
        TokenSinkResult::Continue
    }
}

/// What became of one referenced file.
#[derive(Debug, PartialEq, Eq)]
pub enum Asset {
    /// Copied (or already there, unchanged) to this path.
    Copied(PathBuf),
    /// It names an article: that one gets a page of its own when it is rendered.
    Article,
    /// No such file.
    Missing(PathBuf),
    /// It lies outside the folder the article was found in (`../../etc/passwd`), or
    /// is not a regular file: never copied.
    Outside(PathBuf),
}

/// Copies the file that `reference` (relative to the article at `source`) names into
/// `out_dir`, at its place relative to `root`.
pub fn copy_asset(
    reference: &str,
    source: &Path,
    root: &Path,
    out_dir: &Path,
) -> io::Result<Asset> {
    let dir = std::path::absolute(source.parent().unwrap_or(Path::new(".")))?;
    let root = std::path::absolute(root)?;
    let resolved = Url::from_directory_path(&dir)
        .ok()
        .and_then(|base| base.join(reference).ok())
        .and_then(|u| u.to_file_path().ok());
    let Some(path) = resolved else {
        return Ok(Asset::Missing(PathBuf::from(reference)));
    };
    if looks_like_article(path.file_name().unwrap_or_default()) {
        return Ok(Asset::Article);
    }
    let Ok(rel) = path.strip_prefix(&root) else {
        return Ok(Asset::Outside(path));
    };
    let real = match path.canonicalize() {
        Ok(p) => p,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Asset::Missing(path)),
        Err(e) => return Err(e),
    };
    // Symbolic links inside the tree may point out of it: judge where they lead.
    if !real.starts_with(root.canonicalize()?) || !real.is_file() {
        return Ok(Asset::Outside(path));
    }
    let dest = out_dir.join(rel);
    if unchanged(&real, &dest) {
        return Ok(Asset::Copied(dest));
    }
    let mut out = AtomicFile::create(&dest)?;
    io::copy(&mut std::fs::File::open(&real)?, out.file())?;
    out.commit()?;
    Ok(Asset::Copied(dest))
}

/// Whether `dest` already holds `src` (same size, not older): a second run copies nothing.
fn unchanged(src: &Path, dest: &Path) -> bool {
    let (Ok(s), Ok(d)) = (src.metadata(), dest.metadata()) else {
        return false;
    };
    s.len() == d.len() && matches!((s.modified(), d.modified()), (Ok(sm), Ok(dm)) if dm >= sm)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(html: &str, cover: Option<&str>) -> Article {
        Article {
            html: html.into(),
            cover: cover.map(str::to_string),
            ..Article::default()
        }
    }

    #[test]
    fn relative_references_skip_the_absolute_ones() {
        let a = article(
            r##"<p><img src="a%20b.png"><a href="https://x.org/">x</a><a href="#f">f</a><a href="/root.pdf">r</a><a href="doc/x.pdf">d</a><img src="data:image/png;base64,AA"></p>"##,
            Some("cover.jpg"),
        );
        assert_eq!(
            relative_references(&a),
            ["a%20b.png", "doc/x.pdf", "cover.jpg"]
        );
        let only_absolute = article(
            r#"<a href="https://x.org/">x</a><img src="//cdn/x.png">"#,
            None,
        );
        assert!(!may_hold_relative(&only_absolute.html));
        assert!(relative_references(&only_absolute).is_empty());
        // The quick scan never hides a relative value from the tokenizer.
        assert!(may_hold_relative(
            r#"<a href="https://x.org/">x</a><a href="y.md">y</a>"#
        ));
    }

    #[test]
    fn pages_link_the_stylesheet_from_their_depth() {
        let a = article("<p>x</p>", None);
        assert!(page(&a, 0).contains(r#"<link rel="stylesheet" href="folio.css">"#));
        assert!(page(&a, 2).contains(r#"<link rel="stylesheet" href="../../folio.css">"#));
        let titled = Article {
            title: Some("<script>".into()),
            ..a
        };
        assert!(page(&titled, 0).contains("<title>&lt;script&gt;</title>"));
    }
}
