//! Stage 3: normalizes the front matter's many spellings into the Article's fields
//! (title, dates, authors and their links, categories, tags, cover, summary, the
//! original's address, lang, direction, draft).
//!
//! Keys are matched without regard to case (`Title`, `Pubdate`, `publishdate`);
//! an exact spelling wins over another casing of the same key. A value of the
//! wrong kind (a list where text is expected …) is skipped with a warning for
//! the reader, at the line of its key; nothing here panics on any input. Text
//! values are shown as text: markup in them becomes its text ([`inline`]).

mod date;
mod inline;

use crate::article::Direction;
use crate::front_matter::KeyLines;
use crate::sanitize::Sanitizer;
use crate::warning::{Warning, WarningCode};
use crate::web_url::Url;
use date::DateValue;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

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
/// Keys read for the original's address, in order of preference (clippers and
/// scrapers write `source`/`url`; a value that is not an absolute web address, such
/// as Hugo's `url: /about/` or `source: "A blog"`, is passed over quietly).
const SOURCE_KEYS: [&str; 8] = [
    "source_url",
    "original_url",
    "canonical_url",
    "url",
    "source",
    "link",
    "original",
    "canonical",
];
/// Keys of an author table that hold the author's web address.
const AUTHOR_LINK_KEYS: [&str; 4] = ["url", "link", "website", "homepage"];

/// Metadata read from front matter, normalized.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Metadata {
    /// The title: `title` as text (a number is written as text; markup becomes its
    /// text), trimmed, with one layer of matching `"…"` or `'…'` removed (left by
    /// broken YAML).
    pub title: Option<String>,
    /// Publication date, normalized (see [`crate::article::Article`]): the first readable
    /// of `date`, `pubdate`, `published`, `publishDate`, `created`.
    /// Zoned dates are written with a numeric offset, UTC as `+00:00` (never `Z`).
    pub date: Option<String>,
    /// A `YYYY-MM-DD` at the start of the file name, when no date key is there at
    /// all; used after what a whole HTML page says about its date.
    pub file_date: Option<String>,
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
    /// with `name`, or a list of such objects. As text (markup and wiki-link
    /// brackets removed), trimmed, no blanks, no duplicates.
    pub authors: Vec<String>,
    /// Web addresses of authors, by name: a link in the value (`<a href>`,
    /// `[name](url)`) or an author table's `url`, `link`, `website` or `homepage`,
    /// through the URL policy (relative ones only against an http(s) base).
    pub author_links: BTreeMap<String, String>,
    /// Categories in source order without duplicates: every name of
    /// [`Metadata::category_paths`], flattened.
    pub categories: Vec<String>,
    /// Categories as hierarchies (Hexo): a flat list `[a, b]` is one path
    /// `a › b`; a list of lists is several paths; text is one path per
    /// comma-separated name (`a|b` stays one name: it is used for bilingual
    /// labels such as `Codage|编程`); Zola's `taxonomies.categories` gives one
    /// single-name path per entry. Names are text (`[[Clippings]]` → `Clippings`).
    pub category_paths: Vec<Vec<String>>,
    /// Tags from `tags`, `tag`, `keywords` and Zola's `taxonomies.tags`, in
    /// source order, as text, trimmed, without blanks or duplicates (first one
    /// kept). Text is split at commas (`,` `，` `、`), or else at spaces (Jekyll's
    /// `tags: a b c`); list items are never split.
    pub tags: Vec<String>,
    /// Cover image URL that passed the URL policy ([`Sanitizer::safe_url`]):
    /// the first usable of `cover`, `image`, `headimg`, `thumbnail`, `banner`,
    /// `featured_image`, `og_image`, `cover_image`, `hero`. Each may be text, an
    /// object with `image`, `src` or `url`, or a list (its first usable item).
    /// Yes/no values (theme switches such as `cover: false`) are skipped quietly.
    pub cover: Option<String>,
    /// Summary text: the first non-blank of `description`, `summary`,
    /// `excerpt`, `subtitle`, markup turned into its text and white space
    /// collapsed (it is shown as plain text).
    pub summary: Option<String>,
    /// The original's address: the first of [`SOURCE_KEYS`] that holds an
    /// absolute http(s) address passing the URL policy.
    pub source_url: Option<String>,
    /// Language tag from `lang`, `language` or `locale`, in BCP 47 form:
    /// `zh_CN` and `zh_CN.UTF-8` become `zh-CN`, `EN-us` becomes `en-US`.
    pub lang: Option<String>,
    /// `dir` or `direction`: `rtl` or `ltr` (any case); `auto` says nothing.
    pub dir: Option<Direction>,
    /// `draft: true` (or the text `"true"`), or `published: false`.
    pub draft: bool,
    /// Problems for the reader (an unreadable date …), at their key's line.
    pub warnings: Vec<Warning>,
}

/// The title Folio gives a file whose content names none, from its file name (a
/// path is fine), as Jekyll, Hexo and Obsidian do for posts: the extension and a
/// leading `YYYY-MM-DD-` go, and in a name without spaces `-` and `_` become
/// spaces. A name that is a date or a period (`2023-09-12`, Obsidian's daily
/// notes) has no slug dashes to undo and is kept as written. Bundle names such as
/// `index` give none.
///
/// # Examples
/// ```
/// use folio::title_from_file_name;
/// assert_eq!(title_from_file_name("_posts/2016-10-08-a-post.md").as_deref(), Some("a post"));
/// assert_eq!(title_from_file_name("Japan trip 2023.md").as_deref(), Some("Japan trip 2023"));
/// assert_eq!(title_from_file_name("Daily/2023-09-12.md").as_deref(), Some("2023-09-12"));
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
    let is_date = stem.bytes().any(|b| b.is_ascii_digit())
        && stem
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.'));
    let title = if stem.contains(' ') || is_date {
        stem.to_string()
    } else {
        stem.replace(['-', '_'], " ")
    };
    let title = title.trim().to_string();
    let meaningless = ["index", "readme", ""].contains(&title.to_ascii_lowercase().as_str());
    (!meaningless).then_some(title)
}

/// A date written as text (a page's `<meta>` or `<time datetime>`) in the
/// contract's form, when it can be read.
pub(crate) fn read_date(text: &str) -> Option<String> {
    match date::read_value(&Value::String(text.to_string())) {
        DateValue::Read(d) => Some(d),
        _ => None,
    }
}

/// An absolute http(s) address (`//host/…` taken as https), as the URL policy
/// writes it; `None` for anything else (relative, another scheme, not a URL).
pub(crate) fn web_url(raw: &str) -> Option<String> {
    let v = raw.trim();
    if v.is_empty() || v.chars().any(char::is_control) {
        return None;
    }
    let absolute = match v.strip_prefix("//") {
        Some(rest) => Url::parse(&format!("https://{rest}")),
        None => Url::parse(v),
    };
    absolute
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .map(String::from)
}

/// Normalizes parsed front matter. `lines` says where each key is (for the lines
/// of warnings). `file_name` may carry a date (`2016-10-08-post.md`); it may be a
/// path, in which case only its last part is looked at. Addresses meet the
/// `sanitizer`'s URL policy (and resolve against its base URL).
pub(crate) fn normalize(
    data: &Map<String, Value>,
    lines: &KeyLines,
    file_name: Option<&str>,
    sanitizer: &Sanitizer,
) -> Metadata {
    let mut m = Metadata::default();
    let w = &mut Notes {
        lines,
        list: Vec::new(),
    };

    m.title = title(data, w);

    let (date, date_text, date_seen) = read_dates(data, &DATE_KEYS, "date", w);
    m.date = date;
    m.date_text = date_text;
    if !date_seen {
        m.file_date = file_name.and_then(date::from_file_name);
    }
    let (updated, updated_text, _) = read_dates(data, &UPDATED_KEYS, "updated", w);
    m.updated = updated;
    m.updated_text = updated_text;

    let (authors, links) = authors(data, sanitizer, w);
    m.authors = authors;
    m.author_links = links;
    m.category_paths = category_paths(data, w);
    m.categories = dedupe(m.category_paths.iter().flatten().cloned());
    m.tags = tags(data, w);
    m.cover = cover(data, sanitizer, w);
    m.summary = summary(data, w);
    m.source_url = source_url(data, w);
    m.lang = lang(data, w);
    m.dir = dir(data, w);
    m.draft = draft(data, w);
    m.warnings = std::mem::take(&mut w.list);
    m
}

/// The warnings of this stage, each placed at the line of the key it is about.
struct Notes<'a> {
    lines: &'a KeyLines,
    list: Vec<Warning>,
}

impl Notes<'_> {
    /// Adds a warning about the top-level `key`.
    fn push(&mut self, key: &str, warning: Warning) {
        let line = self.lines.get(key).copied();
        self.list.push(warning.at(line));
    }

    /// The warning for a value of the wrong kind under `key`.
    fn wrong_kind(&mut self, key: &str, v: &Value, expected: Expected) {
        let (found, found_words) = kind(v);
        let (wanted, wanted_words) = expected.words();
        let w = Warning::new(
            WarningCode::ValueWrongKind,
            format!("The front matter's “{key}” is {found_words}, not {wanted_words}, so it was left out."),
        )
        .with("key", key)
        .with("found", found)
        .with("expected", wanted);
        self.push(key, w);
    }
}

/// What kind of value a key should hold, for [`Notes::wrong_kind`].
#[derive(Debug, Clone, Copy)]
enum Expected {
    Text,
    Date,
    Name,
    TextOrList,
    Taxonomies,
    Image,
    Language,
    YesNo,
}

impl Expected {
    /// The kind's code and its English words.
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Expected::Text => ("text", "text"),
            Expected::Date => ("date", "a date"),
            Expected::Name => ("name", "a name"),
            Expected::TextOrList => ("text-or-list", "text or a list"),
            Expected::Taxonomies => ("taxonomies", "a table of categories and tags"),
            Expected::Image => ("image", "an image address"),
            Expected::Language => ("language", "a language code"),
            Expected::YesNo => ("yes-no", "yes or no"),
        }
    }
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

/// How a value looks, as a code and in words for the reader.
fn kind(v: &Value) -> (&'static str, &'static str) {
    match v {
        Value::Null => ("empty", "empty"),
        Value::Bool(_) => ("yes-no", "a yes/no value"),
        Value::Number(_) => ("number", "a number"),
        Value::String(_) => ("text", "text"),
        Value::Array(_) => ("list", "a list"),
        Value::Object(_) => ("table", "a group of named values"),
    }
}

/// Text or a number as the text a reader sees (markup removed, trimmed); `None`
/// for anything else or blank text.
fn scalar_text(v: &Value) -> Option<String> {
    scalar_plain(v).map(|p| p.text)
}

/// Text or a number as [`inline::plain`] reads it; `None` for anything else or blank text.
fn scalar_plain(v: &Value) -> Option<inline::Plain> {
    let p = match v {
        Value::String(s) => inline::plain(s),
        Value::Number(n) => inline::Plain {
            text: n.to_string(),
            link: None,
        },
        _ => return None,
    };
    (!p.text.is_empty()).then_some(p)
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

fn title(data: &Map<String, Value>, w: &mut Notes) -> Option<String> {
    let (key, v) = lookup(data, "title")?;
    if !matches!(v, Value::String(_) | Value::Number(_)) {
        w.wrong_kind(key, v, Expected::Text);
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

/// Reads the first readable date among `keys` (`field` is `date` or `updated`).
/// Returns the date, the text of the first unreadable one when none could be read,
/// and whether any key held a readable or unreadable date (a list or table there
/// does not count: nothing of it is shown, so the file name may still give the date).
fn read_dates(
    data: &Map<String, Value>,
    keys: &[&str],
    field: &'static str,
    w: &mut Notes,
) -> (Option<String>, Option<String>, bool) {
    let what = if field == "date" {
        "date"
    } else {
        "update date"
    };
    let mut unreadable: Option<(&str, String)> = None;
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
                let warning = Warning::new(
                    WarningCode::DateOutOfRange,
                    format!(
                        "The {what} “{shown}” has a field out of range; it was read as {d}, as Hexo reads it."
                    ),
                )
                .with("field", field)
                .with("key", spelled)
                .with("value", shown)
                .with("read_as", d.clone());
                w.push(spelled, warning);
                return (Some(d), None, true);
            }
            DateValue::Unreadable(text) => {
                seen = true;
                unreadable.get_or_insert((spelled, text));
            }
            DateValue::WrongType => w.wrong_kind(spelled, v, Expected::Date),
        }
    }
    let Some((key, text)) = unreadable else {
        return (None, None, seen);
    };
    let subject = if field == "date" {
        "The date"
    } else {
        "The update date"
    };
    let warning = Warning::new(
        WarningCode::DateUnreadable,
        format!("{subject} “{text}” could not be read; it is shown as written."),
    )
    .with("field", field)
    .with("key", key)
    .with("value", text.clone());
    w.push(key, warning);
    (None, Some(text), seen)
}

/// A web address for a link found in metadata, through the URL policy: an absolute
/// http(s) address, or a relative one resolved against an http(s) base URL.
fn link_url(sanitizer: &Sanitizer, raw: &str) -> Option<String> {
    sanitizer.safe_url(raw).and_then(|u| web_url(&u))
}

/// The warning for an address that is not a safe web address.
fn unsafe_url(key: &str, raw: &str, what: &str) -> Warning {
    Warning::new(
        WarningCode::UrlUnsafe,
        format!("{what} “{raw}” was left out because its address is not a safe web address."),
    )
    .with("key", key)
    .with("url", raw)
}

/// Does this raw address look absolute (a scheme, or `//host`)? Only those are
/// warned about when refused: a relative one is simply not a web address here.
fn looks_absolute(raw: &str) -> bool {
    let raw = raw.trim();
    raw.starts_with("//")
        || raw.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        })
}

/// One author (a list item or the whole value): the name and its link.
fn author(
    key: &str,
    v: &Value,
    sanitizer: &Sanitizer,
    w: &mut Notes,
) -> Option<(String, Option<String>)> {
    let (name, raw_link) = match v {
        Value::String(_) | Value::Number(_) => {
            let p = scalar_plain(v)?;
            (p.text, p.link)
        }
        Value::Object(o) => {
            let Some(name) = lookup(o, "name").and_then(|(_, n)| scalar_plain(n)) else {
                let warning = Warning::new(
                    WarningCode::AuthorUnnamed,
                    format!(
                        "An author in the front matter's “{key}” has no name, so it was left out."
                    ),
                )
                .with("key", key);
                w.push(key, warning);
                return None;
            };
            let from_table = AUTHOR_LINK_KEYS
                .iter()
                .find_map(|k| lookup(o, k).and_then(|(_, u)| u.as_str()))
                .map(str::to_string);
            (name.text, from_table.or(name.link))
        }
        Value::Null => return None,
        _ => {
            w.wrong_kind(key, v, Expected::Name);
            return None;
        }
    };
    let link = raw_link.and_then(|raw| {
        let url = link_url(sanitizer, &raw);
        if url.is_none() && looks_absolute(&raw) {
            w.push(key, unsafe_url(key, &raw, "The link of the author"));
        }
        url
    });
    Some((name, link))
}

fn authors(
    data: &Map<String, Value>,
    sanitizer: &Sanitizer,
    w: &mut Notes,
) -> (Vec<String>, BTreeMap<String, String>) {
    let mut names = Vec::new();
    let mut links = BTreeMap::new();
    for key in ["author", "authors"] {
        let Some((spelled, v)) = lookup(data, key) else {
            continue;
        };
        let items = match v {
            Value::Array(items) => items.as_slice(),
            _ => std::slice::from_ref(v),
        };
        for item in items {
            if let Some((name, link)) = author(spelled, item, sanitizer, w) {
                if let Some(link) = link {
                    links.entry(name.clone()).or_insert(link);
                }
                names.push(name);
            }
        }
    }
    (dedupe(names), links)
}

/// Splits text at commas (ASCII, full-width and the ideographic `、`).
fn split_commas(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split([',', '，', '、'])
        .filter_map(|p| scalar_text(&Value::String(p.to_string())))
}

fn category_paths(data: &Map<String, Value>, w: &mut Notes) -> Vec<Vec<String>> {
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
            _ => w.wrong_kind(spelled, v, Expected::TextOrList),
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
fn list_item(key: &str, v: &Value, w: &mut Notes) -> Option<String> {
    match v {
        Value::String(_) | Value::Number(_) => scalar_text(v),
        Value::Null => None,
        _ => {
            let (found, words) = kind(v);
            let warning = Warning::new(
                WarningCode::EntryWrongKind,
                format!(
                    "An entry of the front matter's “{key}” is {words}, not a name, so it was left out."
                ),
            )
            .with("key", key)
            .with("found", found);
            w.push(key, warning);
            None
        }
    }
}

/// A list of names, flattening one level of nesting; text is one name.
fn flat_list(key: &str, v: &Value, w: &mut Notes) -> Vec<String> {
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
            w.wrong_kind(key, v, Expected::TextOrList);
            Vec::new()
        }
    }
}

/// Zola's `[taxonomies]` table entry `name` (`categories`, `tags`).
fn taxonomy<'a>(
    data: &'a Map<String, Value>,
    name: &str,
    w: &mut Notes,
) -> Option<(&'a str, &'a Value)> {
    let (key, v) = lookup(data, "taxonomies")?;
    match v {
        Value::Object(t) => lookup(t, name),
        _ => {
            // Warn once, when the categories are read.
            if name == "categories" {
                w.wrong_kind(key, v, Expected::Taxonomies);
            }
            None
        }
    }
}

fn tags(data: &Map<String, Value>, w: &mut Notes) -> Vec<String> {
    let mut out = Vec::new();
    for key in ["tags", "tag", "keywords"] {
        let Some((spelled, v)) = lookup(data, key) else {
            continue;
        };
        match v {
            Value::String(s) if s.contains([',', '，', '、']) => out.extend(split_commas(s)),
            Value::String(s) => out.extend(
                s.split_whitespace()
                    .filter_map(|t| scalar_text(&Value::String(t.to_string()))),
            ),
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

fn cover(data: &Map<String, Value>, sanitizer: &Sanitizer, w: &mut Notes) -> Option<String> {
    for key in COVER_KEYS {
        let Some((spelled, v)) = lookup(data, key) else {
            continue;
        };
        if matches!(v, Value::Bool(_)) {
            continue;
        }
        let candidates = cover_candidates(v);
        if candidates.is_empty() && !matches!(v, Value::String(_) | Value::Array(_)) {
            w.wrong_kind(spelled, v, Expected::Image);
            continue;
        }
        for raw in candidates {
            let raw = raw.trim();
            if raw.is_empty() {
                continue;
            }
            match sanitizer.safe_url(raw) {
                // A site's logo or a QR code is no picture of the article: the next one may be.
                Some(url) if is_logo_or_qr(&url) => {}
                Some(url) => return Some(url),
                None => w.push(spelled, unsafe_url(spelled, raw, "The cover image")),
            }
        }
    }
    None
}

/// Does an image address name a site's logo or a QR code (`logo`, `qrcode`,
/// `erweima` in its path, or a word `qr`)? Such an image is never the cover.
pub(crate) fn is_logo_or_qr(url: &str) -> bool {
    let path = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest.split_once('/').map_or("", |(_, p)| p));
    let path = path
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    ["logo", "qrcode", "qr_code", "qr-code", "erweima", "favicon"]
        .iter()
        .any(|w| path.contains(w))
        || path
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| matches!(w, "qr" | "ewm"))
}

fn summary(data: &Map<String, Value>, w: &mut Notes) -> Option<String> {
    for key in SUMMARY_KEYS {
        let Some((spelled, v)) = lookup(data, key) else {
            continue;
        };
        match v {
            Value::String(s) => {
                let text = inline::plain(s).text;
                if !text.is_empty() {
                    return Some(text);
                }
            }
            _ => w.wrong_kind(spelled, v, Expected::Text),
        }
    }
    None
}

/// The original's address: the first key of [`SOURCE_KEYS`] holding an absolute
/// web address. Other text there (a relative permalink, a site's name) is passed
/// over quietly; an absolute address of another scheme is warned about.
fn source_url(data: &Map<String, Value>, w: &mut Notes) -> Option<String> {
    for key in SOURCE_KEYS {
        let Some((spelled, Value::String(raw))) = lookup(data, key) else {
            continue;
        };
        let raw = raw.trim();
        match web_url(raw) {
            Some(url) => return Some(url),
            None if looks_absolute(raw) && !raw.contains(' ') => {
                w.push(spelled, unsafe_url(spelled, raw, "The original's address"));
            }
            None => {}
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

fn lang(data: &Map<String, Value>, w: &mut Notes) -> Option<String> {
    for key in LANG_KEYS {
        let Some((spelled, v)) = lookup(data, key) else {
            continue;
        };
        match v {
            Value::String(s) if s.trim().is_empty() => {}
            Value::String(s) => match normalize_lang(s) {
                Some(tag) => return Some(tag),
                None => {
                    let value = s.trim();
                    let warning = Warning::new(
                        WarningCode::LangInvalid,
                        format!(
                            "The language “{value}” is not a language code such as “en” or “zh-CN”, so it was left out."
                        ),
                    )
                    .with("key", spelled)
                    .with("value", value);
                    w.push(spelled, warning);
                }
            },
            _ => w.wrong_kind(spelled, v, Expected::Language),
        }
    }
    None
}

/// The text direction, as a direction or the text `rtl`/`ltr`/`auto`.
fn dir(data: &Map<String, Value>, w: &mut Notes) -> Option<Direction> {
    for key in ["dir", "direction"] {
        let Some((spelled, v)) = lookup(data, key) else {
            continue;
        };
        let Value::String(s) = v else {
            w.wrong_kind(spelled, v, Expected::Text);
            continue;
        };
        match s.trim().to_ascii_lowercase().as_str() {
            "rtl" => return Some(Direction::Rtl),
            "ltr" => return Some(Direction::Ltr),
            "auto" | "" => {}
            _ => {
                let value = s.trim();
                let warning = Warning::new(
                    WarningCode::DirInvalid,
                    format!("The text direction “{value}” is not “rtl”, “ltr” or “auto”, so it was left out."),
                )
                .with("key", spelled)
                .with("value", value);
                w.push(spelled, warning);
            }
        }
    }
    None
}

fn draft(data: &Map<String, Value>, w: &mut Notes) -> bool {
    let text_is = |v: &Value, want: &str| {
        v.as_str()
            .is_some_and(|s| s.trim().eq_ignore_ascii_case(want))
    };
    let marked_draft = match lookup(data, "draft") {
        Some((_, Value::Bool(b))) => *b,
        Some((_, v @ Value::String(_))) => text_is(v, "true"),
        Some((key, v)) => {
            w.wrong_kind(key, v, Expected::YesNo);
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
mod tests;
