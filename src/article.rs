//! The `Article`: the single value the pipeline fills in and every front end shows.
//!
//! Its JSON shape is a contract shared by `folio render --json`, the JS `render()`
//! and the viewer: fields may be added, never renamed.

use crate::warning::Warning;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An article, rendered and sanitized, with its metadata.
///
/// Dates are RFC 3339 with the offset when the source gives a zone, otherwise a
/// local `YYYY-MM-DDTHH:MM:SS` or a plain `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Article {
    /// The title, from front matter, else the first heading or `<title>`.
    pub title: Option<String>,
    /// When it was published (see the type docs for the forms).
    pub date: Option<String>,
    /// When it was last updated (`updated`, `lastmod`, `modified`).
    pub updated: Option<String>,
    /// The publication date as written, when it could not be read as a date.
    pub date_text: Option<String>,
    /// The update date as written, when it could not be read as a date.
    pub updated_text: Option<String>,
    /// Authors' names, in source order, as text (markup and wiki-link brackets removed).
    pub authors: Vec<String>,
    /// A web address for an author, by name (a name of [`Article::authors`]): from a
    /// link in the value (`<a href>`, `[name](url)`) or an author table's `url`,
    /// checked against the URL policy. Authors without one are absent.
    pub author_links: BTreeMap<String, String>,
    /// Categories in source order (for Hexo a flat list is one hierarchy).
    pub categories: Vec<String>,
    /// Category hierarchies: Hexo's flat list is one path (a breadcrumb), a list of lists several.
    pub category_paths: Vec<Vec<String>>,
    /// Tags, in source order, without duplicates.
    pub tags: Vec<String>,
    /// Cover image URL, already checked against the URL policy.
    pub cover: Option<String>,
    /// Where the article was first published (an "Original" link): front matter
    /// `url`, `source`, `link` or `original` (…) when it is an absolute web
    /// address, else a whole page's canonical URL; checked against the URL policy.
    pub source_url: Option<String>,
    /// What the front matter (or a page's description) gives as a summary, as plain text.
    pub summary: Option<String>,
    /// When there is no `summary`: the plain text before `<!-- more -->`, or else the
    /// opening of the body, cut at a word (code left out). For lists, not the page.
    pub excerpt: Option<String>,
    /// BCP 47 language tag, from front matter or detected from the text.
    pub lang: Option<String>,
    /// The text's direction: from the source (`<html dir>`, front matter `dir`), else
    /// the language (`ar`, `he`, `fa`, `ur` …), else the script of most of the
    /// text's letters; `None` when nothing tells (no letters at all).
    pub dir: Option<Direction>,
    /// Whether the body was read as Markdown or as HTML.
    pub format: Format,
    /// Which front-matter dialect was found, if any.
    pub front_matter: Option<FrontMatterKind>,
    /// WHATWG label of the encoding the bytes were decoded from (`UTF-8`, `GBK` …).
    pub encoding: String,
    /// The sanitized body as an HTML fragment: safe to insert as is (empty when
    /// [`Options::include_html`](crate::Options::include_html) is off).
    pub html: String,
    /// The body's plain text, one block a line, when
    /// [`Options::include_text`](crate::Options::include_text) asks for it.
    pub text: Option<String>,
    /// Table of contents: every heading of the body with its element id.
    pub toc: Vec<TocEntry>,
    /// Every relative reference in the body, in order (none when URLs resolve
    /// against a base URL): what a library resolves among the files it holds.
    pub links: Vec<Link>,
    /// Size and reading time of the body text.
    pub stats: Stats,
    /// Things that were odd but did not stop rendering: a code, an English
    /// sentence, the line where known and what the sentence names.
    pub warnings: Vec<Warning>,
    /// The whole front matter as JSON (an empty object when there is none).
    pub extra: serde_json::Value,
    /// Whether the front matter marks the article as a draft.
    pub draft: bool,
    /// Boilerplate the body keeps but marks hidden (`data-folio-hidden="KIND"` on the
    /// block: app and QR promos, video-player leftovers, share bars, related lists …),
    /// by kind, in a fixed order; empty when nothing is hidden. A view hides the
    /// marked blocks and offers to show them all.
    pub hidden: Vec<Hidden>,
    /// The site's name, from a whole page's metadata (`og:site_name`, JSON-LD
    /// `publisher`, `application-name`).
    pub site_name: Option<String>,
}

/// How many blocks of one kind of boilerplate the body hides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hidden {
    /// `app-promo`, `video-player`, `share`, `comments`, `poll`, `related`, `subscribe`, `page-label`,
    /// `breadcrumb`, `tracking-pixel` or `page-hidden` (a box the page's own style sheet
    /// hid): the value of the blocks' `data-folio-hidden`.
    pub kind: String,
    /// How many blocks.
    pub count: usize,
}

/// How the body was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// CommonMark with GitHub extensions.
    #[default]
    Markdown,
    /// HTML (a fragment or a whole document).
    Html,
}

/// The direction of the article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right (Latin, CJK, Cyrillic …).
    Ltr,
    /// Right to left (Arabic, Hebrew …).
    Rtl,
}

/// The front-matter dialect found at the top of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FrontMatterKind {
    /// `---` … `---` (also `...` as closer, and Hexo's form without an opening `---`).
    Yaml,
    /// `+++` … `+++`.
    Toml,
    /// Hexo's `;;;` or Hugo's bare `{ … }` object.
    Json,
}

/// One heading of the table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TocEntry {
    /// 1 to 6.
    pub level: u8,
    /// The heading element's `id` in `Article::html`.
    pub id: String,
    /// The heading's text.
    pub text: String,
}

/// A relative reference in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// What refers: a link, an image, an Obsidian wiki link or embed.
    pub kind: LinkKind,
    /// The target as the author wrote it, percent-decoded (a wiki link's note name,
    /// with `#heading` if any).
    pub target: String,
}

/// What kind of reference a [`Link`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    /// `<a href>`: a Markdown link or an HTML one.
    Link,
    /// `<img src>`, Obsidian's `![[image.png]]` included.
    Image,
    /// Obsidian's `[[Note]]`: `<a class="wikilink">`.
    Wikilink,
    /// Obsidian's `![[Note]]`: `<a class="wikilink embed">`, to be replaced by the note.
    Embed,
}

/// Size and reading time of the body text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Stats {
    /// Characters of text, not counting white space.
    pub chars: usize,
    /// Words, counting each CJK character as one word.
    pub words: usize,
    /// Estimated minutes to read (at least 1 for any text).
    pub reading_minutes: usize,
}
