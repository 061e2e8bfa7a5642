//! Warnings: what was odd in a file but did not stop it from rendering.
//!
//! Each [`Warning`] carries a stable [`WarningCode`] (a front end words it in its own
//! language from the code and the `params`), the core's English sentence (what the
//! command line prints, and the fallback for a code a front end does not know), and
//! the 1-based line in the file it is about, where the stage that found it knows it.
//! The codes are declared once, in the `warning_codes!` list below, with the params each one
//! names; the README's table of codes is held to that list by `tests/contract.rs`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Something odd in a file that did not stop it from rendering.
///
/// # Examples
/// ```
/// let a = folio::render(b"---\ntitle: x\ndate: someday\n---\nBody", &Default::default()).unwrap();
/// let w = &a.warnings[0];
/// assert_eq!(w.code, folio::WarningCode::DateUnreadable);
/// assert_eq!(w.code.as_str(), "date-unreadable");
/// assert_eq!(w.line, Some(3));
/// assert_eq!(w.params["value"], "someday");
/// assert_eq!(w.to_string(), "The date “someday” could not be read; it is shown as written.");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// What kind of warning this is: stable, kebab-case in JSON.
    pub code: WarningCode,
    /// The warning as one English sentence, for people (not for matching).
    pub message: String,
    /// The 1-based line in the file it is about, when known.
    pub line: Option<usize>,
    /// The values the sentence names, by name (see each [`WarningCode`]).
    pub params: BTreeMap<String, String>,
}

impl Warning {
    /// A warning with no line and no params yet.
    pub(crate) fn new(code: WarningCode, message: impl Into<String>) -> Warning {
        Warning {
            code,
            message: message.into(),
            line: None,
            params: BTreeMap::new(),
        }
    }

    /// Names one value the sentence names. Debug builds check that the code declares it.
    pub(crate) fn with(mut self, name: &'static str, value: impl Into<String>) -> Warning {
        debug_assert!(
            self.code.params().contains(&name),
            "{} does not declare the param {name}",
            self.code.as_str()
        );
        self.params.insert(name.to_string(), value.into());
        self
    }

    /// The line it is about, if known.
    pub(crate) fn at(mut self, line: Option<usize>) -> Warning {
        self.line = line;
        self
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Declares [`WarningCode`] from one list: each variant with its kebab-case code and
/// the names of its params, so that the enum, its codes, [`WarningCode::ALL`] and
/// [`WarningCode::params`] cannot disagree.
macro_rules! warning_codes {
    ($( $(#[doc = $doc:literal])* $variant:ident = $code:literal [$($param:literal),*], )*) => {
        /// The kind of a [`Warning`], as a stable kebab-case code. Each variant's docs
        /// say when it is given and which params it names.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[non_exhaustive]
        pub enum WarningCode {
            $( $(#[doc = $doc])* #[serde(rename = $code)] $variant, )*
        }

        impl WarningCode {
            /// Every code, in the order they are declared.
            pub const ALL: &'static [WarningCode] = &[$(WarningCode::$variant),*];

            /// The code as it appears in JSON (`date-unreadable` …).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(WarningCode::$variant => $code,)*
                }
            }

            /// The names of the params a warning of this kind carries.
            pub fn params(self) -> &'static [&'static str] {
                match self {
                    $(WarningCode::$variant => &[$($param),*],)*
                }
            }
        }
    };
}

warning_codes! {
    /// Some bytes were not valid in the file's encoding and show as U+FFFD.
    /// `count` of damaged sequences, `encoding` the file was read as.
    EncodingDamaged = "encoding-damaged" ["count", "encoding"],
    /// The file names no encoding and is not UTF-8; `encoding` is the guess used.
    EncodingGuessed = "encoding-guessed" ["encoding"],
    /// A front-matter block opens (`delimiter`) but never closes: its `key: value`
    /// lines, up to line `until`, were read as front matter, the rest as the article.
    /// The warning's line is the opener's.
    FrontMatterUnclosed = "front-matter-unclosed" ["delimiter", "until"],
    /// The front matter is in a programming `language` (`javascript`, `coffee` …):
    /// never run, skipped.
    JavascriptFrontMatter = "javascript-front-matter" ["language"],
    /// Valid YAML that is not `key: value` pairs (a list, a sentence): ignored.
    FrontMatterNotMapping = "front-matter-not-mapping" [],
    /// A YAML syntax error; the block was read line by line instead. `detail` is the
    /// parser's English explanation.
    YamlBroken = "yaml-broken" ["detail"],
    /// A TOML syntax error. `detail` is the parser's English explanation; `kept` is
    /// `some` (the lines that parse alone were kept) or `none` (the block was ignored).
    TomlBroken = "toml-broken" ["detail", "kept"],
    /// A JSON syntax error; the block was ignored. `detail` is the parser's English explanation.
    JsonBroken = "json-broken" ["detail"],
    /// A `key` is set more than once; the last value was kept.
    KeyDuplicate = "key-duplicate" ["key"],
    /// YAML aliases would repeat the front matter past the budget; only part was read.
    FrontMatterTooRepetitive = "front-matter-too-repetitive" [],
    /// The front matter nests deeper than `depth` levels; only part was read.
    FrontMatterTooDeep = "front-matter-too-deep" ["depth"],
    /// A `key`'s value is of the wrong kind and was left out. `found` and `expected`
    /// are kinds: `found` one of `yes-no`, `number`, `text`, `list`, `table`;
    /// `expected` one of `text`, `date`, `name`, `text-or-list`, `taxonomies`,
    /// `image`, `language`, `yes-no`.
    ValueWrongKind = "value-wrong-kind" ["key", "found", "expected"],
    /// An entry of the list under `key` is not a name (`found`, a kind as in
    /// `value-wrong-kind`) and was left out.
    EntryWrongKind = "entry-wrong-kind" ["key", "found"],
    /// An author under `key` is a table without a name, and was left out.
    AuthorUnnamed = "author-unnamed" ["key"],
    /// A date (`field`: `date` or `updated`, from `key`) has a field out of range
    /// (`value`, as written) and was read as `read_as`, as Hexo reads it.
    DateOutOfRange = "date-out-of-range" ["field", "key", "value", "read_as"],
    /// A date (`field`: `date` or `updated`, from `key`) could not be read; `value`
    /// is shown as written.
    DateUnreadable = "date-unreadable" ["field", "key", "value"],
    /// An address under `key` (a cover image, an author's or the original's link) is
    /// not a safe web address (`url`) and was left out.
    UrlUnsafe = "url-unsafe" ["key", "url"],
    /// The `value` under `key` is not a language code such as `en` or `zh-CN`.
    LangInvalid = "lang-invalid" ["key", "value"],
    /// The `value` under `key` is not a text direction (`rtl`, `ltr` or `auto`).
    DirInvalid = "dir-invalid" ["key", "value"],
    /// A tag plugin or shortcode `name` that Folio does not know (`dialect`: `liquid`
    /// for Hexo and Jekyll tags, `hugo`, `zola`), used `count` times: left out, what
    /// it wraps kept. The warning's line is its first use.
    SyntaxUnknown = "syntax-unknown" ["name", "dialect", "count"],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_kebab_case_unique_and_serialized_as_declared() {
        let mut seen = std::collections::HashSet::new();
        for &code in WarningCode::ALL {
            let s = code.as_str();
            assert!(
                s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{s}"
            );
            assert!(seen.insert(s), "{s} twice");
            assert_eq!(serde_json::to_value(code).unwrap(), s);
            let back: WarningCode = serde_json::from_value(s.into()).unwrap();
            assert_eq!(back, code);
        }
        assert_eq!(WarningCode::ALL.len(), 20);
    }

    #[test]
    fn a_warning_serializes_as_the_contract_says() {
        let w = Warning::new(WarningCode::KeyDuplicate, "Twice.")
            .with("key", "title")
            .at(Some(4));
        assert_eq!(
            serde_json::to_value(&w).unwrap(),
            serde_json::json!({"code": "key-duplicate", "message": "Twice.", "line": 4, "params": {"key": "title"}})
        );
        let none = Warning::new(WarningCode::FrontMatterNotMapping, "No.");
        assert_eq!(
            serde_json::to_value(&none).unwrap()["line"],
            serde_json::Value::Null
        );
        assert_eq!(none.to_string(), "No.");
    }
}
