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
mod needs;
mod options;
mod outline;
mod sanitize;
mod site_syntax;
mod text;
mod tier;
mod warning;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
mod web_url;

pub use article::{
    Article, Direction, Format, FrontMatterKind, Hidden, Link, LinkKind, Stats, TocEntry,
};
pub use decode::MAX_INPUT_BYTES;
pub use error::{Error, ErrorKind};
pub use metadata::title_from_file_name;
pub use needs::needs;
pub use options::Options;
pub use tier::Tier;
pub use warning::{Warning, WarningCode};

use assemble::Parts;
use error::not_ready;
use sanitize::Sanitizer;
use tier::take_missing as lacking_tier;

/// Renders one article file.
///
/// Only input with nothing to show is an error (binary, empty, too large, or a
/// base URL that is not a URL), or input that needs a [`Tier`] this build lacks
/// (`not-ready`, only in the light WebAssembly build); every other oddity becomes
/// a [`Warning`] in [`Article::warnings`].
///
/// # Examples
/// ```
/// let opts = folio::Options { file_name: Some("post.md".into()), ..Default::default() };
/// let article = folio::render(b"+++\ntitle = \"TOML\"\n+++\nBody", &opts).unwrap();
/// assert_eq!(article.front_matter, Some(folio::FrontMatterKind::Toml));
/// assert_eq!(article.html.trim(), "<p>Body</p>");
/// ```
pub fn render(bytes: &[u8], options: &Options) -> Result<Article, Error> {
    // A step this build lacks notes its tier on the way (a light WebAssembly tier).
    lacking_tier();
    let file_name = options.file_name.as_deref();
    let sanitizer = Sanitizer::new(options.base_url()?.as_ref());
    let decoded = decode::decode(bytes)?;
    let split = front_matter::split(&decoded.text);
    let meta = metadata::normalize(&split.data, &split.lines, file_name, &sanitizer);
    let format = body::detect_format(split.body, file_name);
    let no_summary = meta.summary.is_none();
    let body = body::render(
        split.body,
        format,
        &sanitizer,
        options.include_html,
        no_summary,
        split.body_line,
    );
    let safe = sanitize::body(body.content, &sanitizer);
    // Reader mode marks the boilerplate of HTML bodies (and counts any marks).
    let (safe, reader) = sanitize::reader_mode(safe, format == Format::Html);
    let before_more = body.before_more.map(|raw| sanitizer.clean(&raw));
    let want = outline::Want {
        html: options.include_html,
        excerpt: no_summary && body.doc.description.is_none(),
        links: !sanitizer.has_base(),
    };
    let (known, document) = (meta.title.as_deref(), body.doc.title.as_deref());
    let outline = outline::outline(safe, before_more, want, |h1| {
        assemble::title(known, document, h1, file_name)
    });
    let article = assemble::article(Parts {
        decoded: &decoded,
        split,
        meta,
        format,
        doc: body.doc,
        body_warnings: body.warnings,
        outline,
        reader,
        include_text: options.include_text,
        include_html: options.include_html,
    });
    match lacking_tier() {
        Some(tier) => Err(not_ready(tier)),
        None => Ok(article),
    }
}

/// The stages one by one, for Folio's own tests, benchmarks and fuzz target (the
/// `test-hooks` feature, which they turn on). Not an API: anything here may change
/// with any commit.
#[cfg(feature = "test-hooks")]
#[doc(hidden)]
pub mod test_hooks {
    use crate::body::markdown;
    use crate::sanitize::{Mode, Sanitizer};
    use url::Url;

    pub use crate::body::detect_format;
    pub use crate::front_matter::{split, Split};
    pub use crate::sanitize::{Html, ID_PREFIX};

    /// Text decoded from a file's bytes, owned (the stage itself borrows the bytes
    /// where they are the text already).
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Decoded {
        /// The text, without BOM, line endings normalized.
        pub text: String,
        /// WHATWG label of the encoding used.
        pub encoding: &'static str,
        /// What the reader should know (a guessed encoding, replaced bytes).
        pub warnings: Vec<crate::Warning>,
    }

    /// The decoding stage, its text owned.
    pub fn decode(bytes: &[u8]) -> Result<Decoded, crate::Error> {
        crate::decode::decode(bytes).map(|d| Decoded {
            text: d.text.into_owned(),
            encoding: d.encoding,
            warnings: d.warnings,
        })
    }

    /// Site syntax expanded, as the body stage reads Markdown.
    pub fn expand_site_syntax(md: &str) -> String {
        crate::site_syntax::expand(md, markdown::code_ranges)
            .text
            .into_owned()
    }

    /// pulldown-cmark's unsafe HTML for Markdown with Folio's extensions (no site syntax).
    pub fn unsafe_markdown_html(md: &str) -> String {
        markdown::unsafe_html(md)
    }

    /// pulldown-cmark's events of Markdown (debug text, byte ranges), read whole
    /// (`None`) or in parts of at least `part` bytes however small, and the parts read.
    pub fn markdown_events(md: &str, part: Option<usize>) -> (usize, Vec<String>) {
        markdown::events_in_parts(md, part)
    }

    /// The unsafe HTML for plain CommonMark: no extensions, no site syntax.
    pub fn unsafe_commonmark_html(md: &str) -> String {
        markdown::unsafe_html_with(md, pulldown_cmark::Options::empty())
    }

    /// The Markdown options Folio reads with.
    pub fn markdown_options() -> pulldown_cmark::Options {
        markdown::options()
    }

    /// The safe Markdown writer alone: `None` where it gives up.
    pub fn safe_markdown_html(md: &str, base: Option<&Url>) -> Option<String> {
        let nodes = markdown::nodes(md, markdown::options());
        Sanitizer::new(base)
            .write_markdown(nodes, Mode::Safe, md.len())
            .map(|w| w.html)
    }

    /// The writer in its three modes: (safe HTML, its text; the text mode's text,
    /// and whether both noted the same headings, links and `<!-- more -->`), or
    /// `None` where safe mode gives up, with whether text mode gave up too.
    pub fn writer_modes(md: &str) -> Result<(String, String, String, bool), bool> {
        let write = |mode| {
            Sanitizer::new(None).write_markdown(markdown::nodes(md, markdown::options()), mode, 0)
        };
        match (write(Mode::Safe), write(Mode::Text)) {
            (Some(safe), Some(text)) => {
                let same = safe.headings.len() == text.headings.len()
                    && safe.headings.iter().zip(&text.headings).all(|(a, b)| {
                        (a.level, &a.id, &a.text, &a.text_at)
                            == (b.level, &b.id, &b.text, &b.text_at)
                    })
                    && safe.links == text.links
                    && safe.more.map(|m| m.text) == text.more.map(|m| m.text)
                    && safe.skip == text.skip
                    && safe.opens_with_heading == text.opens_with_heading;
                Ok((safe.html, safe.text, text.text, same))
            }
            (None, text) => Err(text.is_none()),
            (Some(_), None) => Err(false),
        }
    }

    /// Whether an HTML body is a whole document (its article part is read out).
    pub fn is_document(body: &str) -> bool {
        crate::body::document::is_document(body)
    }

    /// The text of sanitized HTML, as the outline reads it.
    pub fn html_text(html: &str) -> String {
        crate::text::body_text(html).0
    }

    /// pulldown-cmark's own HTML writer over Folio's events with `options` (none of
    /// Folio's passes), table alignment as `align`: what the unsafe writer mirrors.
    pub fn pulldown_html(md: &str, options: pulldown_cmark::Options) -> (String, String) {
        let mut theirs = String::new();
        pulldown_cmark::html::push_html(&mut theirs, pulldown_cmark::Parser::new_ext(md, options));
        for side in ["left", "center", "right"] {
            theirs = theirs.replace(
                &format!(" style=\"text-align: {side}\""),
                &format!(" align=\"{side}\""),
            );
        }
        let nodes = pulldown_cmark::Parser::new_ext(md, options).map(crate::sanitize::Node::Md);
        let ours = Sanitizer::new(None)
            .write_markdown(nodes, Mode::Unsafe, 0)
            .map(|w| w.html)
            .unwrap_or_default();
        (theirs, ours)
    }

    /// The body stage: its whole body as HTML (clean where written safe).
    pub fn body_html(body: &str, format: crate::Format, base: Option<&Url>) -> Html {
        crate::body::render(body, format, &Sanitizer::new(base), true, false, 1)
            .content
            .into_html()
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
        Sanitizer::new(base).clean(html)
    }

    /// Sanitizing the long way: always two ammonia passes.
    pub fn sanitize_twice(html: &str, base: Option<&Url>) -> String {
        Sanitizer::new(base).sanitize_twice(html)
    }

    /// A rendered body without the blocks reader mode hides: what the view shows.
    pub fn visible_html(html: &str) -> String {
        crate::sanitize::without_hidden(html)
    }

    /// The outline stage over sanitized HTML: tidied, heading ids added (no title
    /// dropped, no excerpt).
    pub fn outline(html: &str) -> String {
        let want = crate::outline::Want {
            html: true,
            excerpt: false,
            links: false,
        };
        let content = crate::sanitize::Safe::Written(crate::sanitize::Written {
            html: html.to_string(),
            ..Default::default()
        });
        crate::outline::outline(content, None, want, |_| None).html
    }
}
