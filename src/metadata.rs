//! Stage 3: normalizes the front matter's many spellings into the Article's fields
//! (title, dates, authors, categories, tags, cover, summary, lang, draft).
//!
//! Keys are matched without regard to case (`Title`, `Pubdate`, `publishdate`);
//! an exact spelling wins over another casing of the same key. A value of the
//! wrong kind (a list where text is expected …) is skipped with a warning for
//! the reader; nothing here panics on any input.

mod date;

use crate::sanitize::Sanitizer;
use crate::text::{html_to_text, Breaks};
use date::DateValue;
use serde_json::{Map, Value};

/// Keys read for the publication date, in order of preference.
const DATE_KEYS: [&str; 5] = ["date", "pubdate", "published", "publishDate", "created"];
/// Keys read for the last update, in order of preference.
const UPDATED_KEYS: [&str; 5] = [
    "updated",
    "lastmod",
    "modified",
    "last_modified_at",
    "updated_at",
];
/// Keys read for the cover image, in order of preference.
const COVER_KEYS: [&str; 9] = [
    "cover",
    "image",
    "headimg",
    "thumbnail",
    "banner",
    "featured_image",
    "og_image",
    "cover_image",
    "hero",
];
/// Keys read for the summary, in order of preference.
const SUMMARY_KEYS: [&str; 4] = ["description", "summary", "excerpt", "subtitle"];
/// Keys read for the language, in order of preference.
const LANG_KEYS: [&str; 3] = ["lang", "language", "locale"];

/// Metadata read from front matter, normalized.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Metadata {
    /// The title: `title` as text (a number is written as text), trimmed, with
    /// one layer of matching `"…"` or `'…'` removed (left by broken YAML).
    pub title: Option<String>,
    /// Publication date, normalized (see [`crate::article::Article`]): the first readable
    /// of `date`, `pubdate`, `published`, `publishDate`, `created`; failing
    /// those keys entirely, a `YYYY-MM-DD` at the start of the file name.
    /// Zoned dates are written with a numeric offset, UTC as `+00:00` (never `Z`).
    pub date: Option<String>,
    /// Last update, normalized like [`Metadata::date`]: the first readable of
    /// `updated`, `lastmod`, `modified`, `last_modified_at`, `updated_at`.
    pub updated: Option<String>,
    /// The front matter's publication date exactly as written, when no date key
    /// could be read (`date: undefine`), so that it is shown rather than lost.
    /// A warning says so; [`Metadata::date`] is then `None`.
    pub date_text: Option<String>,
    /// The same as [`Metadata::date_text`] for the update date.
    pub updated_text: Option<String>,
    /// Authors from `author` then `authors`: text, a list of text, an object
    /// with `name`, or a list of such objects. Trimmed, no blanks, no duplicates.
    pub authors: Vec<String>,
    /// Categories in source order without duplicates: every name of
    /// [`Metadata::category_paths`], flattened.
    pub categories: Vec<String>,
    /// Categories as hierarchies (Hexo): a flat list `[a, b]` is one path
    /// `a › b`; a list of lists is several paths; text is one path per
    /// comma-separated name (`a|b` stays one name: it is used for bilingual
    /// labels such as `Codage|编程`); Zola's `taxonomies.categories` gives one
    /// single-name path per entry.
    pub category_paths: Vec<Vec<String>>,
    /// Tags from `tags`, `tag`, `keywords` and Zola's `taxonomies.tags`, in
    /// source order, trimmed, without blanks or duplicates (first one kept).
    /// Text is split at commas (`,` `，` `、`), or else at spaces (Jekyll's
    /// `tags: a b c`); list items are never split.
    pub tags: Vec<String>,
    /// Cover image URL that passed the URL policy ([`Sanitizer::safe_url`]):
    /// the first usable of `cover`, `image`, `headimg`, `thumbnail`, `banner`,
    /// `featured_image`, `og_image`, `cover_image`, `hero`. Each may be text, an
    /// object with `image`, `src` or `url`, or a list (its first usable item).
    /// Yes/no values (theme switches such as `cover: false`) are skipped quietly.
    pub cover: Option<String>,
    /// Summary text: the first non-blank of `description`, `summary`,
    /// `excerpt`, `subtitle`, with HTML tags removed, common entities decoded
    /// and white space collapsed (it is shown as plain text).
    pub summary: Option<String>,
    /// Language tag from `lang`, `language` or `locale`, in BCP 47 form:
    /// `zh_CN` and `zh_CN.UTF-8` become `zh-CN`, `EN-us` becomes `en-US`.
    pub lang: Option<String>,
    /// `draft: true` (or the text `"true"`), or `published: false`.
    pub draft: bool,
    /// Problems for the reader (an unreadable date …).
    pub warnings: Vec<String>,
}

/// The title Folio gives a file whose content names none, from its file name (a
/// path is fine), as Jekyll, Hexo and Obsidian do for posts: the extension and a
/// leading `YYYY-MM-DD-` go, and in a name without spaces `-` and `_` become
/// spaces. Bundle names such as `index` give none.
///
/// # Examples
/// ```
/// use folio::title_from_file_name;
/// assert_eq!(title_from_file_name("_posts/2016-10-08-a-post.md").as_deref(), Some("a post"));
/// assert_eq!(title_from_file_name("Japan trip 2023.md").as_deref(), Some("Japan trip 2023"));
/// assert_eq!(title_from_file_name("content/post/_index.md"), None);
/// ```
pub fn title_from_file_name(name: &str) -> Option<String> {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = last.rsplit_once('.').map_or(last, |(stem, _)| stem);
    let is_digit_prefix = stem.len() > 11
        && stem.as_bytes()[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && matches!(stem.as_bytes()[10], b'-' | b'_' | b' ');
    let stem = if is_digit_prefix { &stem[11..] } else { stem };
    let title = if stem.contains(' ') {
        stem.to_string()
    } else {
        stem.replace(['-', '_'], " ")
    };
    let title = title.trim().to_string();
    let meaningless = ["index", "readme", ""].contains(&title.to_ascii_lowercase().as_str());
    (!meaningless).then_some(title)
}

/// Normalizes parsed front matter. `file_name` may carry a date (`2016-10-08-post.md`);
/// it may be a path, in which case only its last part is looked at. The cover URL
/// meets the `sanitizer`'s URL policy (and resolves against its base URL).
pub(crate) fn normalize(
    data: &Map<String, Value>,
    file_name: Option<&str>,
    sanitizer: &Sanitizer,
) -> Metadata {
    let mut m = Metadata::default();
    let w = &mut m.warnings;

    m.title = title(data, w);

    let (date, date_text, date_seen) = read_dates(data, &DATE_KEYS, "date", w);
    m.date = date;
    m.date_text = date_text;
    if !date_seen {
        m.date = file_name.and_then(date::from_file_name);
    }
    let (updated, updated_text, _) = read_dates(data, &UPDATED_KEYS, "update date", w);
    m.updated = updated;
    m.updated_text = updated_text;

    m.authors = authors(data, w);
    m.category_paths = category_paths(data, w);
    m.categories = dedupe(m.category_paths.iter().flatten().cloned());
    m.tags = tags(data, w);
    m.cover = cover(data, sanitizer, w);
    m.summary = summary(data, w);
    m.lang = lang(data, w);
    m.draft = draft(data, w);
    m
}

/// Finds `key` in `map`: the exact spelling first, then any other casing.
/// Null values count as absent. Returns the key as the author spelled it.
fn lookup<'a>(map: &'a Map<String, Value>, key: &str) -> Option<(&'a str, &'a Value)> {
    map.get_key_value(key)
        .into_iter()
        .chain(map.iter().filter(|(k, _)| k.eq_ignore_ascii_case(key)))
        .find(|(_, v)| !v.is_null())
        .map(|(k, v)| (k.as_str(), v))
}

/// How a value looks to a reader, for warnings.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "empty",
        Value::Bool(_) => "a yes/no value",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a group of named values",
    }
}

/// The warning for a value of the wrong kind.
fn wrong_kind(key: &str, v: &Value, wanted: &str) -> String {
    format!(
        "The front matter's “{key}” is {}, not {wanted}, so it was left out.",
        kind(v)
    )
}

/// Text or a number as trimmed text; `None` for anything else or blank text.
fn scalar_text(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// Keeps the first of each equal item, in order, and drops blanks.
fn dedupe(items: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !item.is_empty() && !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

fn title(data: &Map<String, Value>, w: &mut Vec<String>) -> Option<String> {
    let (key, v) = lookup(data, "title")?;
    if !matches!(v, Value::String(_) | Value::Number(_)) {
        w.push(wrong_kind(key, v, "text"));
        return None;
    }
    let t = scalar_text(v)?;
    let inner = ['"', '\'']
        .into_iter()
        .find(|&q| t.len() >= 2 && t.starts_with(q) && t.ends_with(q))
        // Both ends are one-byte ASCII quotes, so these are char boundaries.
        .and_then(|_| t.get(1..t.len() - 1))
        .map(|s| s.trim().to_string());
    let t = inner.unwrap_or(t);
    (!t.is_empty()).then_some(t)
}

/// Reads the first readable date among `keys`. Returns the date, the text of the
/// first unreadable one when none could be read, and whether any key held a
/// readable or unreadable date (a list or table there does not count: nothing of
/// it is shown, so the file name may still give the date).
fn read_dates(
    data: &Map<String, Value>,
    keys: &[&str],
    what: &str,
    w: &mut Vec<String>,
) -> (Option<String>, Option<String>, bool) {
    let mut unreadable: Option<String> = None;
    let mut seen = false;
    for key in keys {
        let Some((spelled, v)) = lookup(data, key) else {
            continue;
        };
        // `published: true/false` is a publication switch, not a date.
        let switch = matches!(v, Value::Bool(_))
            || v.as_str().is_some_and(|s| {
                ["true", "false"].contains(&s.trim().to_ascii_lowercase().as_str())
            });
        if key.eq_ignore_ascii_case("published") && switch {
            continue;
        }
        match date::read_value(v) {
            DateValue::Absent => {}
            DateValue::Read(d) => return (Some(d), None, true),
            DateValue::CarriedOver(d) => {
                let shown = v.as_str().unwrap_or_default().trim();
                w.push(format!(
                    "The {what} “{shown}” has a field out of range; it was read as {d}, as Hexo reads it."
                ));
                return (Some(d), None, true);
            }
            DateValue::Unreadable(text) => {
                seen = true;
                unreadable.get_or_insert(text);
            }
            DateValue::WrongType => {
                w.push(wrong_kind(spelled, v, "a date"));
            }
        }
    }
    if let Some(text) = &unreadable {
        let what = if what == "date" {
            "The date".to_string()
        } else {
            format!("The {what}")
        };
        w.push(format!(
            "{what} “{text}” could not be read; it is shown as written."
        ));
    }
    (None, unreadable, seen)
}

/// One author from a list item or the whole value.
fn author_name(key: &str, v: &Value, w: &mut Vec<String>) -> Option<String> {
    match v {
        Value::String(_) | Value::Number(_) => scalar_text(v),
        Value::Object(o) => match lookup(o, "name") {
            Some((_, n)) if scalar_text(n).is_some() => scalar_text(n),
            _ => {
                w.push(format!(
                    "An author in the front matter's “{key}” has no name, so it was left out."
                ));
                None
            }
        },
        Value::Null => None,
        _ => {
            w.push(wrong_kind(key, v, "a name"));
            None
        }
    }
}

fn authors(data: &Map<String, Value>, w: &mut Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    for key in ["author", "authors"] {
        let Some((spelled, v)) = lookup(data, key) else {
            continue;
        };
        match v {
            Value::Array(items) => {
                for item in items {
                    out.extend(author_name(spelled, item, w));
                }
            }
            _ => out.extend(author_name(spelled, v, w)),
        }
    }
    dedupe(out)
}

/// Splits text at commas (ASCII, full-width and the ideographic `、`).
fn split_commas(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split([',', '，', '、'])
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
}

fn category_paths(data: &Map<String, Value>, w: &mut Vec<String>) -> Vec<Vec<String>> {
    let mut paths: Vec<Vec<String>> = Vec::new();
    for key in ["categories", "category"] {
        let Some((spelled, v)) = lookup(data, key) else {
            continue;
        };
        match v {
            Value::String(s) => paths.extend(split_commas(s).map(|c| vec![c])),
            Value::Number(_) => paths.extend(scalar_text(v).map(|c| vec![c])),
            Value::Array(items) if items.iter().any(Value::is_array) => {
                for item in items {
                    match item {
                        Value::Array(inner) => {
                            let path = inner
                                .iter()
                                .filter_map(|c| list_item(spelled, c, w))
                                .collect();
                            paths.push(path);
                        }
                        _ => paths.extend(list_item(spelled, item, w).map(|c| vec![c])),
                    }
                }
            }
            Value::Array(items) => {
                paths.push(
                    items
                        .iter()
                        .filter_map(|c| list_item(spelled, c, w))
                        .collect(),
                );
            }
            _ => w.push(wrong_kind(spelled, v, "text or a list")),
        }
    }
    if let Some((key, v)) = taxonomy(data, "categories", w) {
        for name in flat_list(key, v, w) {
            paths.push(vec![name]);
        }
    }
    let mut out: Vec<Vec<String>> = Vec::new();
    for path in paths {
        if !path.is_empty() && !out.contains(&path) {
            out.push(path);
        }
    }
    out
}

/// One item of a list of names: text or a number. Anything else is warned about.
fn list_item(key: &str, v: &Value, w: &mut Vec<String>) -> Option<String> {
    match v {
        Value::String(_) | Value::Number(_) => scalar_text(v),
        Value::Null => None,
        _ => {
            w.push(format!(
                "An entry of the front matter's “{key}” is {}, not a name, so it was left out.",
                kind(v)
            ));
            None
        }
    }
}

/// A list of names, flattening one level of nesting; text is one name.
fn flat_list(key: &str, v: &Value, w: &mut Vec<String>) -> Vec<String> {
    match v {
        Value::Array(items) => items
            .iter()
            .flat_map(|item| match item {
                Value::Array(inner) => inner.iter().filter_map(|c| list_item(key, c, w)).collect(),
                _ => list_item(key, item, w).into_iter().collect::<Vec<_>>(),
            })
            .collect(),
        Value::String(_) | Value::Number(_) => scalar_text(v).into_iter().collect(),
        _ => {
            w.push(wrong_kind(key, v, "text or a list"));
            Vec::new()
        }
    }
}

/// Zola's `[taxonomies]` table entry `name` (`categories`, `tags`).
fn taxonomy<'a>(
    data: &'a Map<String, Value>,
    name: &str,
    w: &mut Vec<String>,
) -> Option<(&'a str, &'a Value)> {
    let (key, v) = lookup(data, "taxonomies")?;
    match v {
        Value::Object(t) => lookup(t, name),
        _ => {
            // Warn once, when the categories are read.
            if name == "categories" {
                w.push(wrong_kind(key, v, "a table of categories and tags"));
            }
            None
        }
    }
}

fn tags(data: &Map<String, Value>, w: &mut Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    for key in ["tags", "tag", "keywords"] {
        let Some((spelled, v)) = lookup(data, key) else {
            continue;
        };
        match v {
            Value::String(s) if s.contains([',', '，', '、']) => out.extend(split_commas(s)),
            Value::String(s) => out.extend(s.split_whitespace().map(str::to_string)),
            _ => out.extend(flat_list(spelled, v, w)),
        }
    }
    if let Some((key, v)) = taxonomy(data, "tags", w) {
        out.extend(flat_list(key, v, w));
    }
    dedupe(out)
}

/// The raw image address inside a cover value, if it has one.
fn cover_candidates(v: &Value) -> Vec<&str> {
    match v {
        Value::String(s) => vec![s.as_str()],
        Value::Object(o) => ["image", "src", "url"]
            .iter()
            .filter_map(|k| lookup(o, k).and_then(|(_, v)| v.as_str()))
            .collect(),
        Value::Array(items) => items.iter().flat_map(cover_candidates).collect(),
        _ => Vec::new(),
    }
}

fn cover(data: &Map<String, Value>, sanitizer: &Sanitizer, w: &mut Vec<String>) -> Option<String> {
    for key in COVER_KEYS {
        let Some((spelled, v)) = lookup(data, key) else {
            continue;
        };
        if matches!(v, Value::Bool(_)) {
            continue;
        }
        let candidates = cover_candidates(v);
        if candidates.is_empty() && !matches!(v, Value::String(_) | Value::Array(_)) {
            w.push(wrong_kind(spelled, v, "an image address"));
            continue;
        }
        for raw in candidates {
            let raw = raw.trim();
            if raw.is_empty() {
                continue;
            }
            match sanitizer.safe_url(raw) {
                Some(url) => return Some(url),
                None => w.push(format!(
                    "The cover image “{raw}” was not shown because its address is not a safe web address."
                )),
            }
        }
    }
    None
}

fn summary(data: &Map<String, Value>, w: &mut Vec<String>) -> Option<String> {
    for key in SUMMARY_KEYS {
        let Some((spelled, v)) = lookup(data, key) else {
            continue;
        };
        match v {
            Value::String(s) => {
                let text = html_to_text(s, Breaks::OneLine);
                if !text.is_empty() {
                    return Some(text);
                }
            }
            _ => w.push(wrong_kind(spelled, v, "text")),
        }
    }
    None
}

/// Writes a language or locale name as a BCP 47 tag; `None` if it is not one.
fn normalize_lang(raw: &str) -> Option<String> {
    let base = raw.trim().split(['.', '@']).next().unwrap_or("");
    let parts: Vec<&str> = base.split(['_', '-']).collect();
    let first = parts.first()?;
    let ok_first = (2..=8).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_alphabetic());
    let ok_rest = parts[1..]
        .iter()
        .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    if !ok_first || !ok_rest {
        return None;
    }
    let tags: Vec<String> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let alpha = p.bytes().all(|b| b.is_ascii_alphabetic());
            let digits = p.bytes().all(|b| b.is_ascii_digit());
            match (i, p.len()) {
                (0, _) => p.to_ascii_lowercase(),
                (_, 4) if alpha => {
                    let lower = p.to_ascii_lowercase();
                    // ASCII only, so byte 1 is a char boundary.
                    format!("{}{}", lower[..1].to_ascii_uppercase(), &lower[1..])
                }
                (_, 2) if alpha => p.to_ascii_uppercase(),
                (_, 3) if digits => (*p).to_string(),
                _ => p.to_ascii_lowercase(),
            }
        })
        .collect();
    Some(tags.join("-"))
}

fn lang(data: &Map<String, Value>, w: &mut Vec<String>) -> Option<String> {
    for key in LANG_KEYS {
        let Some((spelled, v)) = lookup(data, key) else {
            continue;
        };
        match v {
            Value::String(s) if s.trim().is_empty() => {}
            Value::String(s) => match normalize_lang(s) {
                Some(tag) => return Some(tag),
                None => w.push(format!(
                    "The language “{}” is not a language code such as “en” or “zh-CN”, so it was left out.",
                    s.trim()
                )),
            },
            _ => w.push(wrong_kind(spelled, v, "a language code")),
        }
    }
    None
}

fn draft(data: &Map<String, Value>, w: &mut Vec<String>) -> bool {
    let text_is = |v: &Value, want: &str| {
        v.as_str()
            .is_some_and(|s| s.trim().eq_ignore_ascii_case(want))
    };
    let marked_draft = match lookup(data, "draft") {
        Some((_, Value::Bool(b))) => *b,
        Some((_, v @ Value::String(_))) => text_is(v, "true"),
        Some((key, v)) => {
            w.push(wrong_kind(key, v, "yes or no"));
            false
        }
        None => false,
    };
    let unpublished = match lookup(data, "published") {
        Some((_, Value::Bool(b))) => !*b,
        Some((_, v)) => text_is(v, "false"),
        None => false,
    };
    marked_draft || unpublished
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn norm(v: Value) -> Metadata {
        norm_named(v, None)
    }

    fn norm_named(v: Value, name: Option<&str>) -> Metadata {
        let Value::Object(map) = v else {
            panic!("test data must be an object")
        };
        normalize(&map, name, &Sanitizer::new(None))
    }

    #[test]
    fn every_field_in_one_example() {
        let m = norm_named(
            json!({
                "Title": "\"Hello\"",
                "date": "2014-04-05 14:28:54 +0800",
                "tags": "rust wasm",
                "categories": [["Diary", "Games"], ["Life"]],
                "lang": "zh_CN",
            }),
            Some("posts/2014-04-05-hello.md"),
        );
        assert_eq!(m.title.as_deref(), Some("Hello"));
        assert_eq!(m.date.as_deref(), Some("2014-04-05T14:28:54+08:00"));
        assert_eq!(m.tags, ["rust", "wasm"]);
        assert_eq!(m.categories, ["Diary", "Games", "Life"]);
        assert_eq!(m.category_paths, [vec!["Diary", "Games"], vec!["Life"]]);
        assert_eq!(m.lang.as_deref(), Some("zh-CN"));
        assert!(m.warnings.is_empty());
    }

    #[test]
    fn empty_front_matter() {
        assert_eq!(norm(json!({})), Metadata::default());
    }

    #[test]
    fn keys_ignore_case() {
        let m = norm(json!({"Title": "Hi", "Pubdate": "2013-07-01", "TAGS": ["a"]}));
        assert_eq!(m.title.as_deref(), Some("Hi"));
        assert_eq!(m.date.as_deref(), Some("2013-07-01"));
        assert_eq!(m.tags, ["a"]);
        // The exact spelling wins over another casing.
        let m = norm(json!({"Title": "Upper", "title": "lower"}));
        assert_eq!(m.title.as_deref(), Some("lower"));
        // A null under one casing does not hide another.
        let m = norm(json!({"title": null, "Title": "Shown"}));
        assert_eq!(m.title.as_deref(), Some("Shown"));
    }

    #[test]
    fn titles() {
        assert_eq!(
            norm(json!({"title": "  Hello  "})).title.as_deref(),
            Some("Hello")
        );
        assert_eq!(norm(json!({"title": 177})).title.as_deref(), Some("177"));
        assert_eq!(norm(json!({"title": 1.5})).title.as_deref(), Some("1.5"));
        assert_eq!(
            norm(json!({"title": "\"Quoted\""})).title.as_deref(),
            Some("Quoted")
        );
        assert_eq!(
            norm(json!({"title": "'Single'"})).title.as_deref(),
            Some("Single")
        );
        // Only one layer goes.
        assert_eq!(
            norm(json!({"title": "\"\"'人民币，一骑绝尘'\"\""}))
                .title
                .as_deref(),
            Some("\"'人民币，一骑绝尘'\"")
        );
        // Quotes that do not match stay.
        assert_eq!(
            norm(json!({"title": "\"Half'"})).title.as_deref(),
            Some("\"Half'")
        );
        assert_eq!(
            norm(json!({"title": "Say \"hi\""})).title.as_deref(),
            Some("Say \"hi\"")
        );
        assert_eq!(norm(json!({"title": "\""})).title.as_deref(), Some("\""));
        assert_eq!(norm(json!({"title": "\"\""})).title, None);
        assert_eq!(norm(json!({"title": "   "})).title, None);
    }

    #[test]
    fn title_of_wrong_kind_warns() {
        let m = norm(json!({"title": {"en": "Hi"}}));
        assert_eq!(m.title, None);
        assert_eq!(m.warnings.len(), 1);
        assert!(m.warnings[0].contains("“title”"), "{:?}", m.warnings);
        let m = norm(json!({"title": ["a", "b"]}));
        assert_eq!(m.title, None);
        assert_eq!(m.warnings.len(), 1);
    }

    #[test]
    fn date_keys_in_order() {
        let m = norm(json!({"created": "2020-01-01", "publishDate": "2019-03-10"}));
        assert_eq!(m.date.as_deref(), Some("2019-03-10"));
        let m = norm(json!({"published": "2018-01-01", "date": "2017-4-7"}));
        assert_eq!(m.date.as_deref(), Some("2017-04-07"));
        let m = norm(json!({"created": "2020-01-01"}));
        assert_eq!(m.date.as_deref(), Some("2020-01-01"));
        let m = norm(json!({"publishdate": "2020-01-02"}));
        assert_eq!(m.date.as_deref(), Some("2020-01-02"));
    }

    #[test]
    fn every_date_form_reads() {
        let cases = [
            ("Thu, 21 Apr 2022 09:00:35 GMT", "2022-04-21T09:00:35+00:00"),
            (
                "Thu, 14 Oct 2021 13:51:12 +0800",
                "2021-10-14T13:51:12+08:00",
            ),
            ("2014-04-05 14:28:54 +0800", "2014-04-05T14:28:54+08:00"),
            ("2014-11-05 10:48:22 -0800", "2014-11-05T10:48:22-08:00"),
            ("2009-02-04T15:53:00Z", "2009-02-04T15:53:00+00:00"),
            ("2009-02-04T15:53:00+00:00", "2009-02-04T15:53:00+00:00"),
            ("2015-03-04T21:57:45+08:00", "2015-03-04T21:57:45+08:00"),
            ("2015-03-04T21:57:45+0800", "2015-03-04T21:57:45+08:00"),
            ("2023-03-15T11:00:00-07:00", "2023-03-15T11:00:00-07:00"),
            ("2021-03-21 16:45:49", "2021-03-21T16:45:49"),
            ("2016-1-11 19:47:23", "2016-01-11T19:47:23"),
            ("2016-9-6 14:00:02", "2016-09-06T14:00:02"),
            ("2015-12-13 8:51 PM", "2015-12-13T20:51:00"),
            ("2015/3/21 15:03:24", "2015-03-21T15:03:24"),
            ("2015/11/06", "2015-11-06"),
            ("2017-4-7", "2017-04-07"),
            ("Aug 22, 2016 10:45 AM", "2016-08-22T10:45:00"),
            ("15 Nov 2016 2:01 AM", "2016-11-15T02:01:00"),
            ("2016-04-22 10:48:22 PM", "2016-04-22T22:48:22"),
            ("1979-05-27", "1979-05-27"),
            ("1650531635", "2022-04-21T09:00:35+00:00"),
            ("1650531635000", "2022-04-21T09:00:35+00:00"),
        ];
        for (input, want) in cases {
            let m = norm(json!({"date": input}));
            assert_eq!(m.date.as_deref(), Some(want), "{input}");
            assert!(m.warnings.is_empty(), "{input}: {:?}", m.warnings);
        }
        let m = norm(json!({"date": 1650531635}));
        assert_eq!(m.date.as_deref(), Some("2022-04-21T09:00:35+00:00"));
        let m = norm(json!({"date": 1650531635000_i64}));
        assert_eq!(m.date.as_deref(), Some("2022-04-21T09:00:35+00:00"));
    }

    #[test]
    fn out_of_range_date_carries_over_with_a_warning() {
        let m = norm(json!({"date": "2014-03-23 19:85:35"}));
        assert_eq!(m.date.as_deref(), Some("2014-03-23T20:25:35"));
        assert_eq!(
            m.warnings,
            ["The date “2014-03-23 19:85:35” has a field out of range; it was read as 2014-03-23T20:25:35, as Hexo reads it."]
        );
    }

    #[test]
    fn unreadable_date_is_kept_with_a_warning() {
        for input in ["undefine", "2015-13-18 23:22:44", "2014-03-23 29:85:35"] {
            let m = norm_named(json!({"date": input}), Some("2016-10-08-a-post.md"));
            assert_eq!(m.date, None, "{input}");
            assert_eq!(m.date_text.as_deref(), Some(input));
            assert_eq!(
                m.warnings,
                [format!(
                    "The date “{input}” could not be read; it is shown as written."
                )]
            );
        }
        let m = norm(json!({"updated": "soon"}));
        assert_eq!(m.updated, None);
        assert_eq!(m.updated_text.as_deref(), Some("soon"));
        assert_eq!(
            m.warnings,
            ["The update date “soon” could not be read; it is shown as written."]
        );
        // A readable later key wins over an unreadable earlier one.
        let m = norm(json!({"date": "undefine", "created": "2020-01-01"}));
        assert_eq!(m.date.as_deref(), Some("2020-01-01"));
        assert_eq!(m.date_text, None);
        assert!(m.warnings.is_empty());
    }

    #[test]
    fn date_of_wrong_kind_warns() {
        let m = norm_named(json!({"date": {"year": 2016}}), Some("2016-10-08-x.md"));
        assert_eq!(m.date.as_deref(), Some("2016-10-08"));
        assert_eq!(m.date_text, None);
        assert_eq!(m.warnings.len(), 1);
        assert!(m.warnings[0].contains("“date”"));
        let m = norm(json!({"lastmod": ["2016-01-01"]}));
        assert_eq!(m.updated, None);
        assert_eq!(m.warnings.len(), 1);
    }

    #[test]
    fn published_switch_is_not_a_date() {
        let m = norm(json!({"published": false, "created": "2020-01-01"}));
        assert_eq!(m.date.as_deref(), Some("2020-01-01"));
        assert!(m.draft);
        assert!(m.warnings.is_empty());
        let m = norm(json!({"published": "true"}));
        assert_eq!(m.date, None);
        assert!(!m.draft);
        assert!(m.warnings.is_empty());
    }

    #[test]
    fn updated_keys() {
        for key in [
            "updated",
            "lastmod",
            "modified",
            "last_modified_at",
            "updated_at",
        ] {
            let m = norm(json!({ key: "2016-01-12T18:19:35+00:00" }));
            assert_eq!(
                m.updated.as_deref(),
                Some("2016-01-12T18:19:35+00:00"),
                "{key}"
            );
        }
        let m = norm(json!({"modified": "2020-01-01", "lastmod": "2021-01-01"}));
        assert_eq!(m.updated.as_deref(), Some("2021-01-01"));
    }

    #[test]
    fn date_from_file_name() {
        let m = norm_named(json!({}), Some("2016-10-08-a-post.md"));
        assert_eq!(m.date.as_deref(), Some("2016-10-08"));
        let m = norm_named(json!({}), Some("posts/2016-10-08_a-post-with-dates.md"));
        assert_eq!(m.date.as_deref(), Some("2016-10-08"));
        // The front matter wins over the file name.
        let m = norm_named(json!({"date": "2014-11-05"}), Some("2014-11-06-x.md"));
        assert_eq!(m.date.as_deref(), Some("2014-11-05"));
        let m = norm_named(json!({}), Some("a-post.md"));
        assert_eq!(m.date, None);
        // A blank date counts as no date.
        let m = norm_named(json!({"date": ""}), Some("2016-10-08-a-post.md"));
        assert_eq!(m.date.as_deref(), Some("2016-10-08"));
    }

    #[test]
    fn authors_in_every_shape() {
        assert_eq!(norm(json!({"author": " Ann "})).authors, ["Ann"]);
        assert_eq!(
            norm(json!({"author": "Ann, Bob"})).authors,
            ["Ann, Bob"],
            "text is never split"
        );
        assert_eq!(
            norm(json!({"authors": ["Ann", " ", "Bob", "Ann"]})).authors,
            ["Ann", "Bob"]
        );
        assert_eq!(
            norm(json!({"author": {"name": "Ann", "email": "a@b"}})).authors,
            ["Ann"]
        );
        assert_eq!(
            norm(json!({"authors": [{"name": "Ann"}, {"Name": "Bob"}, "Cy"]})).authors,
            ["Ann", "Bob", "Cy"]
        );
        assert_eq!(
            norm(json!({"author": "Ann", "authors": ["Bob"]})).authors,
            ["Ann", "Bob"]
        );
    }

    #[test]
    fn authors_of_wrong_kind_warn() {
        let m = norm(json!({"author": {"email": "a@b"}}));
        assert!(m.authors.is_empty());
        assert_eq!(m.warnings.len(), 1);
        let m = norm(json!({"authors": [true, "Ann", [1]]}));
        assert_eq!(m.authors, ["Ann"]);
        assert_eq!(m.warnings.len(), 2);
    }

    #[test]
    fn categories_flat_list_is_one_path() {
        let m = norm(json!({"categories": ["Diary", "Life", 2016]}));
        assert_eq!(m.categories, ["Diary", "Life", "2016"]);
        assert_eq!(m.category_paths, [vec!["Diary", "Life", "2016"]]);
    }

    #[test]
    fn categories_nested_lists_are_paths() {
        let m = norm(json!({"categories": [["Diary", "PlayStation"], ["Diary", "Games"], "Life"]}));
        assert_eq!(m.categories, ["Diary", "PlayStation", "Games", "Life"]);
        assert_eq!(
            m.category_paths,
            [
                vec!["Diary", "PlayStation"],
                vec!["Diary", "Games"],
                vec!["Life"]
            ]
        );
        // `categories:\n -  - news`
        let m = norm(json!({"categories": [["news"]]}));
        assert_eq!(m.categories, ["news"]);
        assert_eq!(m.category_paths, [vec!["news"]]);
    }

    #[test]
    fn categories_as_text() {
        let m = norm(json!({"categories": "Web Development"}));
        assert_eq!(m.categories, ["Web Development"]);
        let m = norm(json!({"category": "release"}));
        assert_eq!(m.categories, ["release"]);
        let m = norm(json!({"categories": "a, b,,c"}));
        assert_eq!(m.categories, ["a", "b", "c"]);
        assert_eq!(m.category_paths, [vec!["a"], vec!["b"], vec!["c"]]);
        let m = norm(json!({"categories": "Codage|编程"}));
        assert_eq!(m.categories, ["Codage|编程"]);
        let m = norm(json!({"categories": []}));
        assert!(m.categories.is_empty() && m.category_paths.is_empty());
    }

    #[test]
    fn categories_of_wrong_kind_warn() {
        let m = norm(json!({"categories": {"a": 1}}));
        assert!(m.categories.is_empty());
        assert_eq!(m.warnings.len(), 1);
        let m = norm(json!({"categories": ["a", {"b": 1}]}));
        assert_eq!(m.categories, ["a"]);
        assert_eq!(m.warnings.len(), 1);
    }

    #[test]
    fn zola_taxonomies() {
        let m = norm(json!({"taxonomies": {"categories": ["Rust", "Web"], "tags": ["a", "b"]}}));
        assert_eq!(m.categories, ["Rust", "Web"]);
        assert_eq!(m.category_paths, [vec!["Rust"], vec!["Web"]]);
        assert_eq!(m.tags, ["a", "b"]);
        let m = norm(json!({"taxonomies": "nope"}));
        assert_eq!(m.warnings.len(), 1);
    }

    #[test]
    fn tags_in_every_shape() {
        assert_eq!(
            norm(json!({"tags": ["a", " b ", "", "a"]})).tags,
            ["a", "b"]
        );
        assert_eq!(norm(json!({"tags": "a, b ,c"})).tags, ["a", "b", "c"]);
        assert_eq!(
            norm(json!({"tags": "生活，美食、童年"})).tags,
            ["生活", "美食", "童年"]
        );
        assert_eq!(norm(json!({"tags": "a b  c"})).tags, ["a", "b", "c"]);
        assert_eq!(norm(json!({"tag": "javascript"})).tags, ["javascript"]);
        assert_eq!(
            norm(json!({"keywords": ["x", 3, 1.5]})).tags,
            ["x", "3", "1.5"]
        );
        assert_eq!(norm(json!({"tags": 42})).tags, ["42"]);
        assert_eq!(
            norm(json!({"tags": ["Theme preview", "x"]})).tags,
            ["Theme preview", "x"],
            "list items are never split"
        );
        assert_eq!(
            norm(json!({"tags": ["a"], "tag": "b", "keywords": "a, c"})).tags,
            ["a", "b", "c"]
        );
        assert_eq!(norm(json!({"tags": ["android", null]})).tags, ["android"]);
        assert!(norm(json!({"tags": []})).tags.is_empty());
    }

    #[test]
    fn tags_of_wrong_kind_warn() {
        let m = norm(json!({"tags": {"a": 1}}));
        assert!(m.tags.is_empty());
        assert_eq!(m.warnings.len(), 1);
        assert!(m.warnings[0].contains("“tags”"));
    }

    #[test]
    fn cover_keys_in_order() {
        for key in COVER_KEYS {
            let m = norm(json!({ key: "https://example.com/a.png" }));
            assert_eq!(
                m.cover.as_deref(),
                Some("https://example.com/a.png"),
                "{key}"
            );
        }
        let m = norm(json!({"hero": "https://x.org/h.png", "cover": "https://x.org/c.png"}));
        assert_eq!(m.cover.as_deref(), Some("https://x.org/c.png"));
        let m = norm(json!({"image": {"src": "https://x.org/s.png"}}));
        assert_eq!(m.cover.as_deref(), Some("https://x.org/s.png"));
        let m = norm(json!({"banner": {"image": "https://x.org/i.png", "url": "https://x.org/u"}}));
        assert_eq!(m.cover.as_deref(), Some("https://x.org/i.png"));
        let m = norm(json!({"thumbnail": ["https://x.org/t.png"]}));
        assert_eq!(m.cover.as_deref(), Some("https://x.org/t.png"));
    }

    #[test]
    fn cover_goes_through_the_url_policy() {
        let m = norm(json!({"cover": "javascript:alert(1)", "image": "https://x.org/i.png"}));
        assert_eq!(m.cover.as_deref(), Some("https://x.org/i.png"));
        assert_eq!(m.warnings.len(), 1);
        let m = norm(json!({"cover": "//n.sinaimg.cn/a.jpg"}));
        assert_eq!(m.cover.as_deref(), Some("https://n.sinaimg.cn/a.jpg"));
        let base = url::Url::parse("https://blog.example/posts/").ok();
        let Value::Object(map) = json!({"cover": "img/a.png"}) else {
            unreachable!()
        };
        let m = normalize(&map, None, &Sanitizer::new(base.as_ref()));
        assert_eq!(
            m.cover.as_deref(),
            Some("https://blog.example/posts/img/a.png")
        );
    }

    #[test]
    fn cover_odd_values() {
        let m = norm(json!({"cover": false, "thumbnail": "", "image": "https://x.org/i.png"}));
        assert_eq!(m.cover.as_deref(), Some("https://x.org/i.png"));
        assert!(m.warnings.is_empty());
        let m = norm(json!({"cover": 5}));
        assert_eq!(m.cover, None);
        assert_eq!(m.warnings.len(), 1);
        let m = norm(json!({"cover": {"alt": "x"}}));
        assert_eq!(m.cover, None);
        assert_eq!(m.warnings.len(), 1);
    }

    #[test]
    fn summary_keys_and_html() {
        let m = norm(json!({"summary": "S", "description": "D"}));
        assert_eq!(m.summary.as_deref(), Some("D"));
        let m = norm(json!({"description": "  ", "excerpt": "E"}));
        assert_eq!(m.summary.as_deref(), Some("E"));
        let m = norm(json!({"subtitle": "<p>One<br>two &amp; <b>th</b>ree</p><!-- x > y -->"}));
        assert_eq!(m.summary.as_deref(), Some("One two & three"));
        let m = norm(json!({"description": "a < b &unknown; &#x4e2d;&#25991;"}));
        assert_eq!(m.summary.as_deref(), Some("a < b &unknown; 中文"));
        let m = norm(json!({"description": "<p></p>", "summary": "S"}));
        assert_eq!(m.summary.as_deref(), Some("S"));
        let m = norm(json!({"description": "unclosed <b"}));
        assert_eq!(m.summary.as_deref(), Some("unclosed <b"));
    }

    #[test]
    fn summary_of_wrong_kind_warns() {
        let m = norm(json!({"description": ["a"], "summary": "S"}));
        assert_eq!(m.summary.as_deref(), Some("S"));
        assert_eq!(m.warnings.len(), 1);
    }

    #[test]
    fn languages() {
        let l = |v: Value| norm(v).lang;
        assert_eq!(l(json!({"lang": "zh_CN"})).as_deref(), Some("zh-CN"));
        assert_eq!(l(json!({"language": "EN-us"})).as_deref(), Some("en-US"));
        assert_eq!(
            l(json!({"locale": "zh_CN.UTF-8"})).as_deref(),
            Some("zh-CN")
        );
        assert_eq!(
            l(json!({"lang": "zh-hant-tw"})).as_deref(),
            Some("zh-Hant-TW")
        );
        assert_eq!(l(json!({"lang": "es-419"})).as_deref(), Some("es-419"));
        assert_eq!(l(json!({"lang": "fr"})).as_deref(), Some("fr"));
        assert_eq!(
            l(json!({"lang": "ja", "locale": "fr_FR"})).as_deref(),
            Some("ja")
        );
        let m = norm(json!({"lang": "简体中文", "locale": "zh_CN"}));
        assert_eq!(m.lang.as_deref(), Some("zh-CN"));
        assert_eq!(m.warnings.len(), 1);
        let m = norm(json!({"lang": ["en"]}));
        assert_eq!(m.lang, None);
        assert_eq!(m.warnings.len(), 1);
        assert_eq!(l(json!({"lang": "e"})), None);
        assert_eq!(l(json!({"lang": "en--US"})), None);
    }

    #[test]
    fn drafts() {
        assert!(norm(json!({"draft": true})).draft);
        assert!(norm(json!({"draft": "true"})).draft);
        assert!(norm(json!({"Draft": " TRUE "})).draft);
        assert!(!norm(json!({"draft": false})).draft);
        assert!(!norm(json!({"draft": "no"})).draft);
        assert!(norm(json!({"published": false})).draft);
        assert!(norm(json!({"published": "false"})).draft);
        assert!(!norm(json!({"published": true})).draft);
        let m = norm(json!({"draft": {"x": 1}}));
        assert!(!m.draft);
        assert_eq!(m.warnings.len(), 1);
    }

    #[test]
    fn strange_input_never_panics() {
        let weird = [
            json!(null),
            json!(true),
            json!(-1),
            json!(1e300),
            json!(""),
            json!("é\u{0}<"),
            json!("<"),
            json!("&#xFFFFFFFF;"),
            json!("&#0;"),
            json!([[[]]]),
            json!({"": {"": []}}),
            json!("\"é"),
        ];
        let keys = [
            "title",
            "date",
            "updated",
            "author",
            "authors",
            "categories",
            "tags",
            "keywords",
            "cover",
            "image",
            "description",
            "lang",
            "draft",
            "published",
            "taxonomies",
        ];
        for v in &weird {
            let mut map = Map::new();
            for k in keys {
                map.insert(k.to_string(), v.clone());
            }
            let _ = normalize(&map, Some("é/2016-10-0é.md"), &Sanitizer::new(None));
        }
    }
}
