//! Stage 5: the one place where HTML becomes safe. Everything the page inserts
//! has passed through a [`Sanitizer`] (ammonia, or the safe Markdown writer that
//! gives the same bytes); nothing else in Folio emits markup from input. What is
//! done to safe HTML afterwards ([`tidy()`]) is done here too.
//!
//! # Policy
//! * **Elements**: ammonia's default allowlist (text structure, lists, tables,
//!   figures, `details`, ruby …) plus `input` for task-list checkboxes. Any other
//!   element is unwrapped: its text stays, the tag goes (`<font>`, `<center>` …).
//! * **Removed with their content**: `script`, `style`, `template`, `noscript`,
//!   `iframe`, `object`, `embed`, `frameset`, `noframes`, `noembed`, `xmp`,
//!   `svg`, `math`, `title`, `textarea`, `select`, `button`, `form`, `label`.
//!   Also every comment.
//! * **Elements** also: `section` (footnotes).
//! * **Attributes**: `lang`, `dir`, `title` anywhere; `id` anywhere but prefixed
//!   with [`ID_PREFIX`] so an article cannot clobber the page's globals; `class`
//!   only for what Folio's Markdown writes: `language-*` on `code`/`pre`,
//!   `markdown-alert-*` on `blockquote`; `math math-inline math-display` on `span`;
//!   `wikilink embed footnote-backref` on `a`; `footnote-ref` on `sup`, `footnotes` on
//!   `section`; callouts' `callout callout-title callout-title-inner callout-content
//!   is-collapsible markdown-alert markdown-alert-*` on `div`/`details`/`summary`,
//!   with `data-callout` (a word) and `data-callout-fold` (`+`/`-`), and `open` on
//!   `details`. Never `style` (the page's CSP forbids inline styles; table alignment
//!   uses `align`); element-specific ones such as `img[src alt width height]`,
//!   `a[href title]`, `td[colspan rowspan]`; `data-folio-hidden` anywhere, with one
//!   of the boilerplate kinds as its value (reader mode's mark, [`reader_mode`]; an
//!   author may write it too, and it is counted like Folio's own).
//! * **URLs**: `http`, `https`, `mailto` and relative ones; `data:` only for
//!   raster images in `img[src]`. Protocol-relative `//host/x` becomes `https://`.
//!   Relative URLs resolve against the base URL when one is given (and is `http(s)`).
//! * **Links** get `rel="noopener noreferrer nofollow"`; **images** get
//!   `referrerpolicy="no-referrer" loading="lazy" decoding="async"` so hot-link
//!   protected pictures load and nothing tells their host who reads.

mod boilerplate;
mod policy;
mod safe_writer;
#[cfg(feature = "html")]
mod stable;
mod tidy;

#[cfg(any(test, feature = "test-hooks"))]
pub(crate) use boilerplate::without_hidden;
pub(crate) use boilerplate::{has_hidden, hidden_heading_ids, hidden_spans, reader_mode, Reader};
pub use policy::ID_PREFIX;
pub(crate) use safe_writer::{more_comment, Element, Heading, Layout, Mode, Node, Written};
pub(crate) use tidy::tidy;

use crate::web_url::Url;
#[cfg(feature = "html")]
use ammonia::Builder;
use std::borrow::Cow;
#[cfg(feature = "html")]
use std::cell::OnceCell;

/// HTML on its way to the page, as the tests and benchmarks see the body stage:
/// either still to be sanitized, or written safe already by the safe Markdown
/// writer ([`Sanitizer::write_markdown`]).
#[cfg(any(test, feature = "test-hooks"))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Html {
    /// Unsafe: may hold anything the input held.
    Raw(String),
    /// Safe: exactly what sanitizing the raw HTML would have given.
    Clean(String),
}

/// The body as the body stage gives it: written by the safe writer, or raw HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Content<'a> {
    /// Written safe (its HTML empty when none was wanted), with its text, headings,
    /// links and `<!-- more -->` mark.
    Written(Written),
    /// Unsafe: may hold anything the input held. Borrowed where it is the file's own
    /// text (an HTML body as it stands), so a big body is not copied to be sanitized.
    Raw(Cow<'a, str>),
}

#[cfg(any(test, feature = "test-hooks"))]
impl Content<'_> {
    /// As [`Html`], for the tests and benchmarks that look at the stage alone.
    pub(crate) fn into_html(self) -> Html {
        match self {
            Content::Written(w) => Html::Clean(w.html),
            Content::Raw(raw) => Html::Raw(raw.into_owned()),
        }
    }
}

/// The body made safe: as the safe writer wrote it, or sanitized HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Safe {
    /// Written safe, with what the writer noted.
    Written(Written),
    /// Sanitized HTML.
    Html(String),
}

/// Stage 5 for the body: sanitized where raw, as it is where written safe.
pub(crate) fn body(content: Content<'_>, sanitizer: &Sanitizer) -> Safe {
    match content {
        Content::Written(w) => Safe::Written(w),
        Content::Raw(raw) => Safe::Html(sanitizer.clean(&raw)),
    }
}

/// Sanitizer passes over one HTML text at most (the first two as a rule; see `sanitize`).
#[cfg(feature = "html")]
const MAX_PASSES: usize = 5;

/// The sanitizer of one render: the policy, with relative URLs resolved against
/// the caller's base URL when that is `http(s)`, decided once here. Against any
/// other base (a `file:` page) they would become URLs the policy refuses, so they
/// stay relative, for the browser to resolve against the page. The ammonia builder
/// for a base URL is made at most once, when raw HTML first needs it.
pub(crate) struct Sanitizer {
    base: Option<Url>,
    #[cfg(feature = "html")]
    based: OnceCell<Builder<'static>>,
}

impl Sanitizer {
    /// The sanitizer for a render with this base URL (or none).
    pub(crate) fn new(base: Option<&Url>) -> Sanitizer {
        Sanitizer {
            base: base
                .filter(|b| matches!(b.scheme(), "http" | "https"))
                .cloned(),
            #[cfg(feature = "html")]
            based: OnceCell::new(),
        }
    }

    #[cfg(feature = "html")]
    fn builder(&self) -> &Builder<'static> {
        match &self.base {
            None => &policy::DEFAULT,
            Some(b) => self.based.get_or_init(|| policy::builder(Some(b))),
        }
    }

    /// Raw HTML made safe.
    #[cfg(feature = "html")]
    pub(crate) fn clean(&self, raw: &str) -> String {
        self.sanitize(raw, true)
    }

    /// Raw HTML in a build without the HTML tier: nothing, the tier noted as
    /// missing (the render then fails with `not-ready`).
    #[cfg(not(feature = "html"))]
    pub(crate) fn clean(&self, _raw: &str) -> String {
        crate::tier::missing(crate::tier::Tier::Html);
        String::new()
    }

    /// Cleans `html` with ammonia. Unwrapping disallowed elements can leave a tree
    /// no parser would build (an `h2` inside an `h2`), and so can the parser's own
    /// error recovery (`<a><table><a>`); a second pass (rarely more) gives the tree
    /// the browser will see, so the output is a fixed point: sanitizing it again
    /// changes nothing. With `shortcut`, the second pass is skipped when the first
    /// pass's tree is one the parser would build as it stands.
    #[cfg(feature = "html")]
    fn sanitize(&self, html: &str, shortcut: bool) -> String {
        let builder = self.builder();
        let once = serialized(&builder.clean(html), html.len());
        if shortcut && stable::is_parser_stable(&once) {
            return policy::add_image_attributes(policy::rel_last(once));
        }
        let mut out = serialized(&builder.clean(&once), once.len());
        // Rarely the parser's error recovery builds, from the second pass's output, a tree
        // it would not build from that tree's serialization (a link misnested in headings,
        // found by the property test): more passes, until one changes nothing.
        for _ in 2..MAX_PASSES {
            if stable::is_parser_stable(&out) {
                break;
            }
            let next = serialized(&builder.clean(&out), out.len());
            if next == out {
                break;
            }
            out = next;
        }
        policy::add_image_attributes(out)
    }

    /// Sanitizing without the one-pass shortcut: two ammonia passes (more when the second
    /// is no fixed point), the reference the tests hold the shortcut to.
    #[cfg(all(feature = "html", any(test, feature = "test-hooks")))]
    pub(crate) fn sanitize_twice(&self, html: &str) -> String {
        self.sanitize(html, false)
    }

    /// Markdown written in `mode`: safe HTML, the same bytes as sanitizing the
    /// unsafe mode's HTML, or only its text; `None` (never for unsafe) when only the
    /// HTML parser can tell what the nodes mean (raw HTML, a link in a link …).
    /// `capacity` guesses the output's length.
    pub(crate) fn write_markdown<'a>(
        &self,
        nodes: impl Iterator<Item = Node<'a>>,
        mode: Mode,
        capacity: usize,
    ) -> Option<Written> {
        safe_writer::write(nodes, mode, self.base.as_ref(), capacity)
    }

    /// Whether relative URLs resolve against a base (so none stays relative).
    pub(crate) fn has_base(&self) -> bool {
        self.base.is_some()
    }

    /// A URL from metadata (a cover image) checked against the same scheme policy
    /// and resolved like the body's URLs; `None` means "do not use it".
    pub(crate) fn safe_url(&self, raw: &str) -> Option<String> {
        policy::safe_url(raw, self.base.as_ref())
    }
}

/// A cleaned document as a string: serialized straight into a buffer of about the
/// input's size (its `Display` serializes into a buffer of its own, then copies it).
#[cfg(feature = "html")]
fn serialized(doc: &ammonia::Document, capacity: usize) -> String {
    let mut out = Vec::with_capacity(capacity);
    if doc.write_to(&mut out).is_err() {
        return doc.to_string();
    }
    String::from_utf8(out)
        .unwrap_or_else(|bad| String::from_utf8_lossy(bad.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::Sanitizer;
    use url::Url;

    fn sanitize(html: &str, base: Option<&Url>) -> String {
        Sanitizer::new(base).clean(html)
    }

    #[test]
    fn the_policy_in_two_examples() {
        let out = sanitize(
            r#"<p onclick="x()">Hi<script>bad()</script><img src="//a.cn/p.png"></p>"#,
            None,
        );
        assert_eq!(
            out,
            r#"<p>Hi<img src="https://a.cn/p.png" referrerpolicy="no-referrer" loading="lazy" decoding="async"></p>"#
        );
        // Attribute values may hold `<img`; only real tags are touched.
        let out = sanitize(r#"<a title="<img x>" href="/a">t</a>"#, None);
        assert_eq!(
            out,
            r#"<a title="&lt;img x&gt;" href="/a" rel="noopener noreferrer nofollow">t</a>"#
        );
    }

    #[test]
    fn a_second_pass_that_is_no_fixed_point_gets_a_third() {
        // Found by `sanitizing_is_idempotent`: the second pass nested one <h2> in another,
        // which the parser (and so a third pass) takes apart.
        let hostile = "<p><a href=\"javascript:alert(1)\"><h2>\"<h2><select><img src=x onerror=1><a href=\"javascript:alert(1)\"><form action=//evil><input name=q>";
        let once = sanitize(hostile, None);
        assert_eq!(sanitize(&once, None), once);
        assert!(
            !once.contains("</a><h2>"),
            "no heading inside a heading: {once}"
        );
    }

    #[test]
    fn only_a_checkbox_input_shows() {
        // La Nación's share bar: hidden fields once became dead checkboxes.
        let out = sanitize(
            r#"<input type="hidden" id="hs-titulo"><input type="TEXT" name="email"><input type="checkbox" checked>"#,
            None,
        );
        assert_eq!(
            out,
            r#"<input type="hidden" id="user-content-hs-titulo" disabled=""><input type="hidden" disabled=""><input type="checkbox" checked="" disabled="">"#
        );
    }

    #[test]
    fn a_protocol_relative_url_that_is_no_url_is_dropped() {
        // Found by the fuzzer: `https:` + this is no URL, so a second pass dropped it,
        // and one pass would have kept it (the output was not a fixed point).
        let out = sanitize(
            r#"<img src="//h    .a img{width:74px;}"><a href="//a b">x</a>"#,
            None,
        );
        assert!(!out.contains("src=") && !out.contains("href="), "{out}");
        assert_eq!(sanitize(&out, None), out);
        assert!(sanitize(r#"<img src="//img.cn/a.png">"#, None)
            .contains(r#"src="https://img.cn/a.png""#));
    }

    #[test]
    fn relative_urls_resolve_only_against_an_http_base() {
        let web = Url::parse("https://blog.example.cn/posts/").unwrap();
        let file = Url::parse("file:///home/reader/posts/").unwrap();
        let html = r#"<a href="a.html">a</a><img src="p.png">"#;
        let on_web = sanitize(html, Some(&web));
        assert!(
            on_web.contains(r#"href="https://blog.example.cn/posts/a.html""#),
            "{on_web}"
        );
        // Against a file: base they would become file: URLs, which the policy refuses:
        // they stay relative instead, as the browser resolves them against the page.
        let on_disk = sanitize(html, Some(&file));
        assert!(
            on_disk.contains(r#"href="a.html""#) && on_disk.contains(r#"src="p.png""#),
            "{on_disk}"
        );
        assert_eq!(sanitize(&on_disk, Some(&file)), on_disk);
        let events = pulldown_cmark::Parser::new("[a](a.html)").map(super::Node::Md);
        let md = Sanitizer::new(Some(&file)).write_markdown(events, super::Mode::Safe, 0);
        assert!(md.is_some_and(|md| md.html.contains(r#"href="a.html""#)));
        assert_eq!(
            Sanitizer::new(Some(&file)).safe_url("c.png").as_deref(),
            Some("c.png")
        );
    }

    #[test]
    fn serializing_into_a_buffer_gives_the_display_bytes() {
        for html in [
            "",
            "<p>a &amp; <b>中文</b></p>",
            "<img src=x><a href=\"y\">z</a>\n",
        ] {
            let doc = super::policy::DEFAULT.clean(html);
            assert_eq!(super::serialized(&doc, 0), doc.to_string(), "{html}");
        }
    }

    #[test]
    fn one_builder_per_render_at_most() {
        let web = Url::parse("https://blog.example.cn/posts/").unwrap();
        let s = Sanitizer::new(Some(&web));
        assert!(s.based.get().is_none(), "made before raw HTML needed it");
        let _ = s.clean("<a href=a>x</a>");
        let first: *const _ = s.builder();
        let _ = s.clean("<a href=b>y</a>");
        assert!(
            std::ptr::eq(first, s.builder()),
            "the builder was made again"
        );
        assert!(Sanitizer::new(None).based.get().is_none());
    }
}
