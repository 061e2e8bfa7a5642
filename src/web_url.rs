//! URLs as the WHATWG URL Standard reads them, under one name for the whole core:
//! the `url` crate natively and in every WebAssembly build with the `html` tier
//! (ammonia needs its type); in the light tier the browser's own `URL`, the same
//! standard, so that the light tier carries neither the parser nor its IDNA tables.
//! Only what the core uses: parse, scheme, join, the serialization, and telling a
//! relative reference from a broken URL.

#[cfg(any(feature = "html", not(target_arch = "wasm32")))]
pub(crate) use url::{ParseError, Url};

#[cfg(not(any(feature = "html", not(target_arch = "wasm32"))))]
pub(crate) use browser::{ParseError, Url};

/// Whether `input` starts with a scheme as the URL parser reads one (after trimming
/// C0 controls and spaces, ignoring tabs and newlines): `alpha *(alnum / + / - / .) :`.
/// Without one, a URL without a base is a relative reference.
#[cfg_attr(any(feature = "html", not(target_arch = "wasm32")), allow(dead_code))]
fn has_scheme(input: &str) -> bool {
    let mut chars = input
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'));
    if !chars.next().is_some_and(|c| c.is_ascii_alphabetic()) {
        return false;
    }
    for c in chars {
        if c == ':' {
            return true;
        }
        if !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
            return false;
        }
    }
    false
}

#[cfg(not(any(feature = "html", not(target_arch = "wasm32"))))]
mod browser {
    use std::fmt;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// The browser's `URL`.
        #[wasm_bindgen(js_name = URL)]
        type JsUrl;

        #[wasm_bindgen(catch, constructor, js_class = "URL")]
        fn new(input: &str) -> Result<JsUrl, JsValue>;

        #[wasm_bindgen(catch, constructor, js_class = "URL")]
        fn new_with_base(input: &str, base: &str) -> Result<JsUrl, JsValue>;

        #[wasm_bindgen(method, getter)]
        fn href(this: &JsUrl) -> String;

        #[wasm_bindgen(method, getter)]
        fn protocol(this: &JsUrl) -> String;
    }

    /// Why a string is not a URL: as the `url` crate says it, for the two cases the
    /// core tells apart.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(crate) enum ParseError {
        /// No scheme and no base: a relative reference.
        RelativeUrlWithoutBase,
        /// Any other failure.
        Invalid,
    }

    /// A parsed URL: its serialization and where its scheme ends.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub(crate) struct Url {
        href: String,
        scheme_len: usize,
    }

    impl Url {
        /// Parses an absolute URL.
        pub(crate) fn parse(input: &str) -> Result<Url, ParseError> {
            // Without a scheme it can only fail: said here, not by an exception thrown
            // across the boundary (0.1 ms each, most of a Markdown render with links).
            if !super::has_scheme(input) {
                return Err(ParseError::RelativeUrlWithoutBase);
            }
            JsUrl::new(input)
                .map(Url::from_js)
                .map_err(|_| failure(input))
        }

        /// Resolves `input` against this URL.
        pub(crate) fn join(&self, input: &str) -> Result<Url, ParseError> {
            JsUrl::new_with_base(input, &self.href)
                .map(Url::from_js)
                .map_err(|_| ParseError::Invalid)
        }

        /// The scheme, lowercase, without its colon.
        pub(crate) fn scheme(&self) -> &str {
            &self.href[..self.scheme_len]
        }

        fn from_js(js: JsUrl) -> Url {
            Url {
                href: js.href(),
                scheme_len: js.protocol().len().saturating_sub(1),
            }
        }
    }

    fn failure(input: &str) -> ParseError {
        if super::has_scheme(input) {
            ParseError::Invalid
        } else {
            ParseError::RelativeUrlWithoutBase
        }
    }

    impl fmt::Display for Url {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(&self.href)
        }
    }

    impl From<Url> for String {
        fn from(url: Url) -> String {
            url.href
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scheme_is_what_the_url_parser_takes_for_one() {
        for (input, scheme) in [
            ("https://a.cn/", true),
            ("  mailto:x@y.cn", true),
            ("h\ttp:x", true),
            ("a.b-c+d:x", true),
            ("/a:b", false),
            ("a/b:c", false),
            ("1a:b", false),
            ("posts/x.md", false),
            ("//host/x", false),
            ("", false),
        ] {
            assert_eq!(has_scheme(input), scheme, "{input:?}");
            let relative = Url::parse(input) == Err(ParseError::RelativeUrlWithoutBase);
            assert_eq!(relative, !scheme, "the url crate on {input:?}");
        }
    }
}
