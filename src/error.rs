//! The one error type of the core: why a file could not be shown at all.
//!
//! Most problems in an article are *not* errors: a broken front-matter block, an
//! unreadable date or a stray tag plugin become `Article::warnings` and the rest
//! is still rendered. An [`Error`] means there is nothing sensible to show.

use std::fmt;

/// Why a file could not be rendered. Its `Display` text is written for the
/// person looking at the viewer, in one sentence (English).
///
/// # Introspection is limited
/// Callers can ask [`Error::kind`] for a coarse [`ErrorKind`] (to pick an icon, a
/// retry policy or a translation, by its stable [`ErrorKind::code`]) and
/// [`Error::params`] for the values the sentence names, so that a front end can
/// say the same in another language. The message itself is for people, not for
/// matching.
///
/// # Examples
/// ```
/// let err = folio::render(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", &folio::Options::default()).unwrap_err();
/// assert_eq!(err.kind(), folio::ErrorKind::Binary);
/// assert_eq!(err.kind().code(), "binary");
/// assert_eq!(err.params(), [("kind", "PNG image".to_string())]);
/// assert_eq!(err.to_string(), "This is a PNG image, not an article.");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    params: Vec<(&'static str, String)>,
}

/// The coarse class of an [`Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not text in any encoding Folio knows (an image, an archive …).
    /// Params: `kind`, what the file is (`PNG image`, `ZIP archive`, `binary file` …);
    /// for a `binary file`, also `sign`: `NUL bytes` or `control bytes`.
    Binary,
    /// The file is larger than [`crate::decode::MAX_INPUT_BYTES`].
    /// Params: `size` and `limit`, in bytes.
    TooLarge,
    /// The file holds no bytes at all. No params.
    Empty,
    /// The caller passed options that make no sense (for example a base URL that
    /// is not a URL). Params: `option`, its name as the caller spells it
    /// (`baseUrl`), and `value` as given, or `detail` saying what is wrong.
    BadOption,
    /// This build lacks the tier the file needs (the light WebAssembly tier and an
    /// HTML body, say): load that tier and render again. Params: `tier`, the
    /// tier's name (`html`, `legacy`, `toml`).
    NotReady,
}

impl ErrorKind {
    /// The kind as a stable kebab-case code (`empty`, `binary`, `too-large`,
    /// `bad-option`, `not-ready`): what the browser binding puts on the JS error's `code`.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::Binary => "binary",
            ErrorKind::TooLarge => "too-large",
            ErrorKind::Empty => "empty",
            ErrorKind::BadOption => "bad-option",
            ErrorKind::NotReady => "not-ready",
        }
    }
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            params: Vec::new(),
        }
    }

    /// Names one value the message names, for [`Error::params`].
    pub(crate) fn with(mut self, name: &'static str, value: impl Into<String>) -> Error {
        self.params.push((name, value.into()));
        self
    }

    /// The error for a file of `size` bytes, over [`crate::MAX_INPUT_BYTES`]: what
    /// [`crate::render`] gives for such bytes, for a caller that knows the size
    /// before reading them (the CLI, from a file's metadata).
    ///
    /// ```
    /// let e = folio::Error::too_large(41_943_040);
    /// assert_eq!(e.to_string(), "This file is 40.0 MB, larger than the 32 MB Folio can open.");
    /// assert_eq!(e.kind(), folio::ErrorKind::TooLarge);
    /// ```
    pub fn too_large(size: u64) -> Error {
        // Megabytes with one decimal, rounded half up, in integers: the light
        // WebAssembly tier carries no float formatting (about 14 KB).
        let tenths = (size * 10 + (1 << 19)) >> 20;
        let limit = crate::MAX_INPUT_BYTES;
        Error::new(
            ErrorKind::TooLarge,
            format!(
                "This file is {}.{} MB, larger than the {} MB Folio can open.",
                tenths / 10,
                tenths % 10,
                limit / (1024 * 1024)
            ),
        )
        .with("size", size.to_string())
        .with("limit", limit.to_string())
    }

    /// The coarse class of this error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The values the message names, by name, in the order it names them (see
    /// each [`ErrorKind`] for its names).
    pub fn params(&self) -> &[(&'static str, String)] {
        &self.params
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// The error for a file that needs a tier this build lacks.
pub(crate) fn not_ready(tier: crate::tier::Tier) -> Error {
    let name = tier.name();
    Error::new(
        ErrorKind::NotReady,
        format!("This file needs Folio's {name} part, which is not loaded yet."),
    )
    .with("tier", name)
}

/// Builds an [`Error`] from a kind and a `format!`-style message.
macro_rules! err {
    ($kind:ident, $($arg:tt)+) => {
        $crate::error::Error::new($crate::error::ErrorKind::$kind, format!($($arg)+))
    };
}
pub(crate) use err;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_code() {
        let kinds = [
            ErrorKind::Binary,
            ErrorKind::TooLarge,
            ErrorKind::Empty,
            ErrorKind::BadOption,
            ErrorKind::NotReady,
        ];
        let codes: Vec<&str> = kinds.iter().map(|k| k.code()).collect();
        assert_eq!(
            codes,
            ["binary", "too-large", "empty", "bad-option", "not-ready"]
        );
    }

    #[test]
    fn params_keep_their_order() {
        let e = err!(TooLarge, "big").with("size", "2").with("limit", "1");
        assert_eq!(e.params(), [("size", "2".into()), ("limit", "1".into())]);
        assert_eq!(e.to_string(), "big");
    }
}
