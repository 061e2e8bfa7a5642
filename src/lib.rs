//! Folio's core: turns the bytes of an article file into a sanitized [`Article`].
//!
//! The pipeline runs one way, one private module per stage: `decode` (bytes →
//! text) → `front_matter` (split and parse) → `metadata` (normalize) → `body`
//! (Markdown with its site syntax, or HTML) → `sanitize` (the only place HTML
//! becomes safe) → `outline` (heading ids, TOC, counts) → `assemble` (one
//! `Article`, with the fallbacks between sources). [`render`] is that pipeline
//! and the only way in; ARCHITECTURE.md maps every module. Nothing here depends
//! on the web: `src/wasm.rs` is the thin binding for the browser and `src/main.rs`
//! the command line, which also uses [`fragment`].
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
mod assemble;
mod body;
mod decode;
mod error;
pub mod fragment;
mod front_matter;
mod lang;
mod metadata;
mod options;
mod outline;
mod sanitize;
mod site_syntax;
mod text;
mod warning;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use article::{Article, Direction, Format, FrontMatterKind, Stats, TocEntry};
pub use decode::MAX_INPUT_BYTES;
pub use error::{Error, ErrorKind};
pub use metadata::title_from_file_name;
pub use options::Options;
pub use warning::{Warning, WarningCode};

use assemble::Parts;
use sanitize::Sanitizer;

/// Renders one article file.
///
/// Only input with nothing to show is an error (binary, empty, too large, or a
/// base URL that is not a URL); every other oddity becomes a [`Warning`] in
/// [`Article::warnings`].
///
/// # Examples
/// ```
/// let opts = folio::Options { file_name: Some("post.md".into()), ..Default::default() };
/// let article = folio::render(b"+++\ntitle = \"TOML\"\n+++\nBody", &opts).unwrap();
/// assert_eq!(article.front_matter, Some(folio::FrontMatterKind::Toml));
/// assert_eq!(article.html.trim(), "<p>Body</p>");
/// ```
pub fn render(bytes: &[u8], options: &Options) -> Result<Article, Error> {
    let file_name = options.file_name.as_deref();
    let sanitizer = Sanitizer::new(options.base_url()?.as_ref());
    let decoded = decode::decode(bytes)?;
    let split = front_matter::split(&decoded.text);
    let meta = metadata::normalize(&split.data, &split.lines, file_name, &sanitizer);
    let format = body::detect_format(split.body, file_name);
    let body = body::render(split.body, format, &sanitizer, meta.summary.is_none());
    let html = sanitize::tidy(&sanitizer.clean(body.html));
    let excerpt = body.excerpt.map(|part| sanitizer.clean(part));
    let outline = outline::outline(&html);
    Ok(assemble::article(Parts {
        decoded: &decoded,
        split,
        meta,
        format,
        doc: body.doc,
        outline,
        excerpt,
        file_name,
    }))
}

/// The stages one by one, for Folio's own tests, benchmarks and fuzz target (the
/// `test-hooks` feature, which they turn on). Not an API: anything here may change
/// with any commit.
#[cfg(feature = "test-hooks")]
#[doc(hidden)]
pub mod test_hooks {
    use crate::body::markdown;
    use crate::sanitize::Sanitizer;
    use url::Url;

    pub use crate::body::detect_format;
    pub use crate::decode::{decode, Decoded};
    pub use crate::front_matter::{split, Split};
    pub use crate::sanitize::{Html, ID_PREFIX};

    /// Site syntax expanded, as the body stage reads Markdown.
    pub fn expand_site_syntax(md: &str) -> String {
        crate::site_syntax::expand(md, markdown::code_ranges).into_owned()
    }

    /// pulldown-cmark's unsafe HTML for Markdown with Folio's extensions (no site syntax).
    pub fn unsafe_markdown_html(md: &str) -> String {
        markdown::unsafe_html(md)
    }

    /// pulldown-cmark's unsafe HTML for plain CommonMark: no extensions, no site syntax.
    pub fn unsafe_commonmark_html(md: &str) -> String {
        markdown::unsafe_html_with(md, pulldown_cmark::Options::empty())
    }

    /// The safe Markdown writer alone: `None` where it gives up.
    pub fn safe_markdown_html(md: &str, base: Option<&Url>) -> Option<String> {
        let events = markdown::events(md, markdown::options());
        Sanitizer::new(base).write_markdown(events, md.len())
    }

    /// The body stage: its whole body as HTML (clean where written safe).
    pub fn body_html(body: &str, format: crate::Format, base: Option<&Url>) -> Html {
        crate::body::render(body, format, &Sanitizer::new(base), false).html
    }

    /// The metadata stage (its warnings count, so a benchmark keeps all of it).
    pub fn normalize_metadata(
        data: &serde_json::Map<String, serde_json::Value>,
        file_name: Option<&str>,
    ) -> usize {
        let lines = crate::front_matter::KeyLines::new();
        crate::metadata::normalize(data, &lines, file_name, &Sanitizer::new(None))
            .warnings
            .len()
    }

    /// Sanitizing as `render` does it (one ammonia pass where the tree is stable).
    pub fn sanitize(html: &str, base: Option<&Url>) -> String {
        Sanitizer::new(base).clean(Html::Raw(html.to_string()))
    }

    /// Sanitizing the long way: always two ammonia passes.
    pub fn sanitize_twice(html: &str, base: Option<&Url>) -> String {
        Sanitizer::new(base).sanitize_twice(html)
    }

    /// What `render` makes of sanitized HTML: tidied, then heading ids added.
    pub fn finish(html: &str) -> String {
        crate::outline::outline(&crate::sanitize::tidy(html)).html
    }

    /// The outline stage: the HTML with heading ids.
    pub fn outline(html: &str) -> String {
        crate::outline::outline(html).html
    }
}
