//! What the caller knows about a file besides its bytes.

use crate::error::{err, Error};
use crate::web_url::Url;
use serde::Deserialize;

/// What the caller knows about the file besides its bytes, and what it wants back.
/// From JavaScript it is an object with the same fields in camelCase (`fileName`,
/// `baseUrl`, `includeText`, `includeHtml`).
///
/// # Defaults
/// No file name and no base URL: the format is guessed from the content alone and
/// relative URLs are left as written. The HTML is written, the plain text is not
/// returned.
///
/// # Examples
/// ```
/// let options = folio::Options {
///     file_name: Some("2016-10-08-hello.md".into()),
///     base_url: Some("https://blog.example/posts/".into()),
///     ..Default::default()
/// };
/// let a = folio::render(b"![cat](cat.png)", &options).unwrap();
/// assert_eq!(a.date.as_deref(), Some("2016-10-08"));
/// assert!(a.html.contains(r#"src="https://blog.example/posts/cat.png""#));
/// let bad = folio::Options { base_url: Some("posts/".into()), ..Default::default() };
/// assert_eq!(folio::render(b"x", &bad).unwrap_err().kind(), folio::ErrorKind::BadOption);
///
/// // An index of many files: the text, no HTML.
/// let index = folio::Options { include_text: true, include_html: false, ..Default::default() };
/// let a = folio::render(b"## Hi\n\nSome *text*.", &index).unwrap();
/// assert_eq!((a.html.as_str(), a.text.as_deref()), ("", Some("Hi\nSome text.")));
/// ```
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    /// The file's name, used for its extension (`.md`, `.html` …) and a date in the name.
    pub file_name: Option<String>,
    /// Absolute URL that relative links and images resolve against. Only an `http(s)`
    /// one is used for that: against any other (`file:`) they are left relative.
    pub base_url: Option<String>,
    /// Return the body's plain text in [`Article::text`](crate::Article::text) (for
    /// search indexes and counts).
    pub include_text: bool,
    /// Write the body as HTML. When off, `html` is empty and the body is neither
    /// written nor sanitized where the core can avoid it; everything else (metadata,
    /// text, links, outline, counts, language, excerpt) is the same as with it on.
    pub include_html: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            file_name: None,
            base_url: None,
            include_text: false,
            include_html: true,
        }
    }
}

impl Options {
    /// The base URL, parsed; an empty one counts as none, and one that is not an
    /// absolute URL is a [`BadOption`](crate::error::ErrorKind::BadOption) error.
    pub(crate) fn base_url(&self) -> Result<Option<Url>, Error> {
        match self.base_url.as_deref().filter(|b| !b.is_empty()) {
            None => Ok(None),
            Some(b) => Url::parse(b).map(Some).map_err(|_| {
                err!(
                    BadOption,
                    "The base URL “{b}” is not an absolute URL, so links could not be resolved."
                )
                .with("option", "baseUrl")
                .with("value", b)
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Options;
    use crate::error::ErrorKind;

    #[test]
    fn a_base_url_must_be_absolute() {
        let with = |b: &str| Options {
            base_url: Some(b.into()),
            ..Options::default()
        };
        assert_eq!(with("").base_url(), Ok(None));
        assert!(with("https://a.example/x/")
            .base_url()
            .is_ok_and(|u| u.is_some()));
        let e = with("posts/").base_url().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::BadOption);
        assert_eq!(
            e.params(),
            [("option", "baseUrl".into()), ("value", "posts/".into())]
        );
    }
}
