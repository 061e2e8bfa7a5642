//! The one error type of the core: why a file could not be shown at all.
//!
//! Most problems in an article are *not* errors: a broken front-matter block, an
//! unreadable date or a stray tag plugin become `Article::warnings` and the rest
//! is still rendered. An [`Error`] means there is nothing sensible to show.

use std::fmt;

/// Why a file could not be rendered. Its `Display` text is written for the
/// person looking at the viewer, in one sentence.
///
/// # Introspection is limited
/// Callers can ask [`Error::kind`] for a coarse [`ErrorKind`] (to pick an icon or
/// a retry policy); the message itself is for people, not for matching.
///
/// # Examples
/// ```
/// let err = folio::render(&[0u8, 159, 146, 150, 0, 0, 1, 2], &folio::Options::default()).unwrap_err();
/// assert_eq!(err.kind(), folio::ErrorKind::Binary);
/// assert!(err.to_string().contains("binary"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

/// The coarse class of an [`Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The bytes are not text in any encoding Folio knows (an image, an archive …).
    Binary,
    /// The file is larger than [`crate::MAX_INPUT_BYTES`].
    TooLarge,
    /// The file holds no bytes at all.
    Empty,
    /// The caller passed options that make no sense (for example a base URL that is not a URL).
    BadOption,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// The coarse class of this error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Builds an [`Error`] from a kind and a `format!`-style message.
macro_rules! err {
    ($kind:ident, $($arg:tt)+) => {
        $crate::error::Error::new($crate::error::ErrorKind::$kind, format!($($arg)+))
    };
}
pub(crate) use err;
