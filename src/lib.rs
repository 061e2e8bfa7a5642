//! Folio's core: turns the bytes of an article file into a sanitized [`Article`].
//!
//! The pipeline runs one way, one module per stage:
//! [`decode`] → [`front_matter`] → [`metadata`] → [`body`] (with [`markdown`]) →
//! [`sanitize`] → [`outline`]. Nothing here depends on the web; `src/wasm.rs` is
//! the thin binding for the browser and `src/main.rs` the command line.
//!
//! # Examples
//! ```
//! let file = "---\ntitle: Hello\ntags: [a, b]\n---\n# Hi\n\n<script>alert(1)</script>Text";
//! let article = folio::render(file.as_bytes(), &folio::Options::default()).unwrap();
//! assert_eq!(article.title.as_deref(), Some("Hello"));
//! assert_eq!(article.tags, ["a", "b"]);
//! assert!(!article.html.contains("<script"));
//! ```
#![deny(missing_docs)]

mod article;
pub mod body;
pub mod decode;
pub mod document;
mod error;
pub mod fragment;
pub mod front_matter;
pub mod markdown;
pub mod metadata;
pub mod outline;
pub mod plugins;
pub mod sanitize;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use article::{Article, Format, FrontMatterKind, Stats, TocEntry};
use error::err;
pub use error::{Error, ErrorKind};
use serde::Deserialize;

/// Files larger than this are refused with a clear message rather than rendered slowly.
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

/// What the caller knows about the file besides its bytes.
///
/// # Defaults
/// No file name and no base URL: the format is guessed from the content alone and
/// relative URLs are left as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    /// The file's name, used for its extension (`.md`, `.html` …) and a date in the name.
    pub file_name: Option<String>,
    /// Absolute URL that relative links and images resolve against. Only an `http(s)`
    /// one is used for that: against any other (`file:`) they are left relative.
    pub base_url: Option<String>,
}

/// Renders one article file.
///
/// Only input with nothing to show is an error (binary, empty, too large); every
/// other oddity becomes a warning in [`Article::warnings`].
///
/// # Examples
/// ```
/// let opts = folio::Options { file_name: Some("post.md".into()), ..Default::default() };
/// let article = folio::render(b"+++\ntitle = \"TOML\"\n+++\nBody", &opts).unwrap();
/// assert_eq!(article.front_matter, Some(folio::FrontMatterKind::Toml));
/// assert_eq!(article.html.trim(), "<p>Body</p>");
/// ```
pub fn render(bytes: &[u8], options: &Options) -> Result<Article, Error> {
    let base = match options.base_url.as_deref().filter(|b| !b.is_empty()) {
        None => None,
        Some(b) => Some(url::Url::parse(b).map_err(|_| {
            err!(
                BadOption,
                "The base URL “{b}” is not an absolute URL, so links could not be resolved."
            )
        })?),
    };
    let decoded = decode::decode(bytes)?;
    let mut warnings = decoded.warnings;

    let split = front_matter::split(&decoded.text);
    warnings.extend(split.warnings);
    let meta = metadata::normalize(&split.data, options.file_name.as_deref(), base.as_ref());
    warnings.extend(meta.warnings);

    let format = body::detect_format(split.body, options.file_name.as_deref());
    let body = body::render(split.body, format, base.as_ref());
    let clean = body::tidy(&body.html.into_clean(base.as_ref()));
    let outline = outline::outline(&clean);

    let summary = meta.summary.or_else(|| {
        body.summary_html
            .map(|h| outline::plain_text(&h.into_clean(base.as_ref())))
            .or(body.doc.description.clone())
            .filter(|s| !s.trim().is_empty())
    });
    // Like the generators themselves: front matter, then the document, then the
    // first top-level heading, then the file name.
    let title = meta
        .title
        .or(body.doc.title)
        .or_else(|| {
            outline
                .toc
                .iter()
                .find(|t| t.level == 1)
                .map(|t| t.text.clone())
        })
        .or_else(|| {
            options
                .file_name
                .as_deref()
                .and_then(metadata::title_from_file_name)
        });
    let authors = if meta.authors.is_empty() {
        body.doc.author.into_iter().collect()
    } else {
        meta.authors
    };
    let tags = if meta.tags.is_empty() {
        body.doc.keywords
    } else {
        meta.tags
    };
    let lang = meta
        .lang
        .or(body.doc.lang)
        .or_else(|| outline::detect_lang(&outline.text));

    Ok(Article {
        title,
        date: meta.date,
        updated: meta.updated,
        date_text: meta.date_text,
        updated_text: meta.updated_text,
        authors,
        categories: meta.categories,
        category_paths: meta.category_paths,
        tags,
        cover: meta.cover,
        summary,
        lang,
        format,
        front_matter: split.kind,
        encoding: decoded.encoding.to_string(),
        html: outline.html,
        toc: outline.toc,
        stats: outline.stats,
        warnings,
        extra: serde_json::Value::Object(split.data),
        draft: meta.draft,
    })
}
