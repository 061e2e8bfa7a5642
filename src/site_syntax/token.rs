//! The tokens the scanner cuts a Markdown body into, and where they stand: the
//! vocabulary every dialect's parser and writer shares.

/// How far the closing `%}` / `>}}` of one tag may lie from its opening.
pub(super) const MAX_TAG_LEN: usize = 4096;

/// The syntax family a tag belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Family {
    /// `{% name args %}` (Hexo, Jekyll, Liquid).
    Liquid,
    /// `{{< name >}}` / `{{% name %}}`.
    Hugo,
    /// `{% name(args) %}` … `{% end %}`.
    Zola,
}

impl Family {
    /// The dialect's name in warnings (`liquid`, `hugo`, `zola`).
    pub(super) fn as_str(self) -> &'static str {
        match self {
            Family::Liquid => "liquid",
            Family::Hugo => "hugo",
            Family::Zola => "zola",
        }
    }
}

/// What a token is.
#[derive(Debug)]
pub(super) enum Kind {
    /// Replacement text, already final.
    Text(String),
    /// An opening (or stand-alone) tag.
    Open {
        family: Family,
        name: String,
        args: String,
    },
    /// A closing tag.
    Close { family: Family, name: String },
    /// A stand-alone call Folio does not know (Zola's `{{ name() }}`): written as nothing.
    Unknown { family: Family, name: String },
}

/// One piece of site syntax found in the body, and its byte range there.
#[derive(Debug)]
pub(super) struct Token {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The whitespace before the tag on its line, when nothing else precedes it.
    pub(super) indent: Option<String>,
    pub(super) kind: Kind,
}

/// A tag as read at one position.
pub(super) struct Parsed {
    /// Where the tag ends, relative to where it starts.
    pub(super) end: usize,
    pub(super) family: Family,
    pub(super) name: String,
    pub(super) args: String,
    pub(super) closing: bool,
    pub(super) self_closing: bool,
}

/// The first `MAX_TAG_LEN` bytes of `s` (cut at a character boundary): where a tag's
/// closer may be looked for.
pub(super) fn window(s: &str) -> &str {
    &s[..floor_boundary(s, MAX_TAG_LEN)]
}

/// The largest char boundary at or below `max` in `s`.
pub(super) fn floor_boundary(s: &str, max: usize) -> usize {
    let mut i = max.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The whitespace between the line start and `at`, if only whitespace is there.
pub(super) fn line_indent(src: &str, at: usize) -> Option<String> {
    let line_start = src[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = &src[line_start..at];
    before
        .chars()
        .all(|c| c == ' ' || c == '\t')
        .then(|| before.to_string())
}
