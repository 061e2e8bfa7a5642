//! Whole HTML documents (`<!doctype html>` / `<html>`): what the `<head>` says
//! about the page ([`DocMeta`]) and which part of `<body>` is the article.
//!
//! The page is read with html5ever's tokenizer (the spec's, so `<script>` and
//! `<title>` contents are never mistaken for tags). The article is chosen by a
//! light readability rule:
//! 1. the `<article>` element, if exactly one holds a substantial text
//!    ([`SUBSTANTIAL`] characters or more);
//! 2. else the first `<main>` (or `role="main"`) with text;
//! 3. else the innermost element that holds every long `<p>` (50 characters or
//!    more), when they hold a substantial text;
//! 4. else `<body>` (or the whole input).
//!
//! Inside it, page chrome is removed: `script`, `style`, `noscript`, `template`,
//! `nav`, `aside`, `form`, hidden elements (and a minor box collapsed to nothing by
//! its inline style, `height:0; overflow:hidden`), `header`/`footer` outside an
//! `<article>`, and elements whose role or class/id names navigation, sharing,
//! comments, ads and the like — the latter only while they hold less than half
//! of the text, so a mislabelled wrapper never takes the article with it.
//!
//! The page's dates come from where news sites put them, best first:
//! `article:published_time` (Open Graph), JSON-LD `datePublished`, an `itemprop`
//! (`<meta>` or `<time>`), a `<meta name>` such as `publishdate` or `dc.date`, a
//! `<time pubdate>`, then the first `<time datetime>` in a byline (an element
//! whose class, id or `itemprop` speaks of the byline, the date or the author,
//! or a `<header>`), then a date that is the whole text of an element whose class or
//! id speaks of the date (`<span class="pubTime">2016年10月14日07:17</span>`);
//! `dateModified` and its kin the same way.
//!
//! Without the `html` feature (the light tier) only [`DocMeta`] and
//! [`is_document`] are here, and [`extract`] notes that the tier is missing.
#![cfg_attr(not(feature = "html"), allow(dead_code, unused_imports))]

use crate::article::Direction;
use crate::metadata::{read_date, web_url};
use crate::text::{collapse_whitespace, escape_into};
#[cfg(feature = "html")]
use html5ever::tokenizer::states::RawKind;
#[cfg(feature = "html")]
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
#[cfg(feature = "html")]
use html5ever::LocalName;
use std::cell::RefCell;
#[cfg(feature = "html")]
use std::collections::HashSet;

/// Metadata found in a whole HTML document's `<head>` (empty for fragments and Markdown).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct DocMeta {
    /// `<title>`, else `og:title`.
    pub title: Option<String>,
    /// `<meta name="author">`.
    pub author: Option<String>,
    /// `<meta name="description">`, else `og:description`.
    pub description: Option<String>,
    /// `<meta name="keywords">`, split at commas.
    pub keywords: Vec<String>,
    /// `<html lang>`.
    pub lang: Option<String>,
    /// When the page was published, in the contract's form (see the module docs).
    pub date: Option<String>,
    /// When the page was last modified, in the contract's form.
    pub updated: Option<String>,
    /// `<html dir>` or `<body dir>`: `rtl` or `ltr` (`auto` says nothing).
    pub dir: Option<Direction>,
    /// The page's own address: `<link rel="canonical">`, else `og:url`, when it is
    /// an absolute web address.
    pub url: Option<String>,
    /// The site's name: `og:site_name`, else JSON-LD `publisher.name`, else
    /// `application-name`.
    pub site_name: Option<String>,
}

/// Characters of text that make an `<article>` the article rather than a teaser.
const SUBSTANTIAL: usize = 250;
/// Characters that make a `<p>` a paragraph of the story rather than a teaser's line or a
/// footer's, when a page names no article.
#[cfg(feature = "html")]
const LONG_PARAGRAPH: usize = 50;
/// Characters the wrappers around a page's story may add to it and still be taken with it.
#[cfg(feature = "html")]
const LINES_AROUND: usize = 300;
/// Wrappers climbed at most (each a scan back: bounded for deeply nested hostile pages).
#[cfg(feature = "html")]
const MAX_CLIMB: usize = 32;

const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Always removed with their content.
const DROP_TAGS: [&str; 11] = [
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "iframe",
    "select", "dialog",
];
const CHROME_ROLES: [&str; 6] = [
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
];
/// Words in a class or id that mark page chrome.
const CHROME_WORDS: [&str; 22] = [
    "sidebar",
    "comment",
    "comments",
    "share",
    "sharing",
    "social",
    "breadcrumb",
    "breadcrumbs",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "promo",
    "cookie",
    "newsletter",
    "related",
    "menu",
    "navbar",
    "nav",
    "masthead",
    "subscribe",
    "popup",
];

/// Does this body look like a whole HTML document rather than a fragment?
pub(crate) fn is_document(html: &str) -> bool {
    let t = html.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    let head: String = t.chars().take(15).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    // `<?xml …?>` or a comment before the root.
    let start: String = t
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    (head.starts_with("<?xml") || head.starts_with("<!--"))
        && (start.contains("<html") || start.contains("<!doctype html"))
}

#[cfg(feature = "html")]
#[derive(Debug)]
enum Tok {
    Start(Tag),
    End(LocalName),
    Text(String),
}

#[cfg(feature = "html")]
struct Sink(RefCell<Vec<Tok>>);

#[cfg(feature = "html")]
impl TokenSink for Sink {
    type Handle = ();
    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut toks = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => {
                    let raw = match &*tag.name {
                        "script" => Some(RawKind::ScriptData),
                        "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
                            Some(RawKind::Rawtext)
                        }
                        "title" | "textarea" => Some(RawKind::Rcdata),
                        _ => None,
                    };
                    let self_closing = tag.self_closing;
                    toks.push(Tok::Start(tag));
                    if let (Some(kind), false) = (raw, self_closing) {
                        return TokenSinkResult::RawData(kind);
                    }
                }
                TagKind::EndTag => toks.push(Tok::End(tag.name)),
            },
            Token::CharacterTokens(t) => match toks.last_mut() {
                Some(Tok::Text(s)) => s.push_str(&t),
                _ => toks.push(Tok::Text(t.to_string())),
            },
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

#[cfg(feature = "html")]
fn tokenize(html: &str) -> Vec<Tok> {
    let tokenizer = Tokenizer::new(Sink(RefCell::new(Vec::new())), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(html.into());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.take()
}

#[cfg(feature = "html")]
fn attr<'a>(tag: &'a Tag, name: &str) -> Option<&'a str> {
    tag.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

#[cfg(feature = "html")]
/// The end of every start tag's element (index of its end tag, or of the end tag
/// that closes an enclosing element), and `prefix[i]`: characters of visible text
/// in `toks[..i]`.
fn extents(toks: &[Tok]) -> (Vec<usize>, Vec<usize>) {
    let n = toks.len();
    let mut end = vec![n; n];
    let mut prefix = Vec::with_capacity(n + 1);
    prefix.push(0usize);
    let mut stack: Vec<(usize, &str)> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let mut chars = 0;
        match t {
            Tok::Start(tag) => {
                let name: &str = &tag.name;
                if VOID.contains(&name) || tag.self_closing {
                    end[i] = i;
                } else {
                    stack.push((i, name));
                }
            }
            Tok::End(name) => {
                if let Some(k) = stack.iter().rposition(|(_, n)| *n == &**name) {
                    for &(o, _) in &stack[k..] {
                        end[o] = i;
                    }
                    stack.truncate(k);
                }
            }
            Tok::Text(s) => {
                // Script, style and title contents arrive as the one token after their start tag.
                let hidden = i > 0
                    && matches!(&toks[i - 1], Tok::Start(t) if matches!(&*t.name, "script" | "style" | "noscript" | "template" | "title"));
                if !hidden {
                    chars = s.split_whitespace().map(|w| w.chars().count()).sum();
                }
            }
        }
        prefix.push(prefix[i] + chars);
    }
    (end, prefix)
}

/// A whole HTML document in a build without the HTML tier: nothing, the tier
/// noted as missing (the render then fails with `not-ready`).
#[cfg(not(feature = "html"))]
pub(crate) fn extract(_html: &str) -> (String, DocMeta) {
    crate::tier::missing(crate::tier::Tier::Html);
    (String::new(), DocMeta::default())
}

#[cfg(feature = "html")]
/// Reads a whole HTML document: its metadata and the article part of its body, as
/// HTML (still unsafe).
pub(crate) fn extract(html: &str) -> (String, DocMeta) {
    let toks = tokenize(html);
    let meta = head_meta(&toks);
    let (end, prefix) = extents(&toks);
    let text_in = |i: usize| prefix[end[i].min(toks.len())] - prefix[i];
    let starts = |name: &'static str| {
        toks.iter().enumerate().filter_map(move |(i, t)| match t {
            Tok::Start(tag) if &*tag.name == name => Some(i),
            _ => None,
        })
    };
    // Outermost articles only: one nested inside another is part of it.
    let mut articles: Vec<usize> = Vec::new();
    for i in starts("article") {
        if articles.last().is_some_and(|&a| i < end[a]) {
            continue;
        }
        if text_in(i) >= SUBSTANTIAL {
            articles.push(i);
        }
    }
    let root = if articles.len() == 1 {
        Some(articles[0])
    } else {
        let main = toks.iter().enumerate().find_map(|(i, t)| match t {
            Tok::Start(tag)
                if (&*tag.name == "main" || attr(tag, "role") == Some("main"))
                    && text_in(i) > 0 =>
            {
                Some(i)
            }
            _ => None,
        });
        main.or_else(|| paragraph_home(&toks, &end, &prefix))
            .or_else(|| starts("body").next())
    };
    let (from, to, keep_root) = match root {
        Some(r) if matches!(&toks[r], Tok::Start(t) if &*t.name == "body") => {
            (r + 1, end[r], false)
        }
        Some(r) => (r, end[r].saturating_add(1).min(toks.len()), true),
        None => (0, toks.len(), false),
    };
    let _ = keep_root;
    let root_text = prefix[to] - prefix[from];
    let hidden = StyleHidden::read(&toks);
    let mut out = String::with_capacity(html.len() / 2);
    let mut i = from;
    let mut article_ends: Vec<usize> = Vec::new();
    while i < to {
        article_ends.retain(|&e| e > i);
        match &toks[i] {
            Tok::Start(tag) => {
                let inside_article = !article_ends.is_empty()
                    || root.is_some_and(|r| r < i && articles.first() == Some(&r));
                if is_chrome(tag, inside_article, text_in(i), root_text) {
                    i = end[i].max(i) + 1;
                    continue;
                }
                if &*tag.name == "article" {
                    article_ends.push(end[i]);
                }
                if matches!(
                    &*tag.name,
                    "html" | "head" | "body" | "title" | "meta" | "link" | "base"
                ) {
                    i += 1;
                    continue;
                }
                write_start(&mut out, tag);
                // A box the page's own style sheet hides (a minor part only: a page that
                // hides its story until a script runs still shows it) is kept, marked for
                // reader mode, which hides it behind "show everything".
                if text_in(i) * 2 < root_text.max(1) && hidden.hides(tag) {
                    out.pop();
                    out.push_str(PAGE_HIDDEN);
                }
            }
            Tok::End(name) => {
                if !matches!(name.as_str(), "html" | "head" | "body" | "title") {
                    out.push_str("</");
                    out.push_str(name);
                    out.push('>');
                }
            }
            Tok::Text(s) => {
                let after_title =
                    i > 0 && matches!(&toks[i - 1], Tok::Start(t) if &*t.name == "title");
                if !after_title {
                    escape_into(&mut out, s);
                }
            }
        }
        i += 1;
    }
    (out, meta)
}

#[cfg(feature = "html")]
/// The innermost element that holds every long paragraph of the page (a `<p>` of
/// [`LONG_PARAGRAPH`] characters or more), when they hold a [`SUBSTANTIAL`] text: a page
/// without `<article>` or `<main>` keeps its story there, and the menus, link lists and
/// teasers around it are left out (lists, links and one-line paragraphs). One long
/// paragraph in the page's chrome makes it the body, as before; so no long paragraph is
/// ever left out. None when it would leave nothing out.
fn paragraph_home(toks: &[Tok], end: &[usize], prefix: &[usize]) -> Option<usize> {
    let n = toks.len();
    let text_in = |i: usize| prefix[end[i].min(n)] - prefix[i];
    let (mut first, mut last_end, mut long_text) = (None, 0, 0);
    let mut i = 0;
    while i < n {
        if matches!(&toks[i], Tok::Start(tag) if &*tag.name == "p") {
            let chars = text_in(i);
            if chars >= LONG_PARAGRAPH {
                first.get_or_insert(i);
                last_end = end[i].min(n);
                long_text += chars;
            }
            // An outermost paragraph: one that a missing end tag left open holds the next.
            i = end[i].max(i) + 1;
            continue;
        }
        i += 1;
    }
    let first = first?;
    if long_text < SUBSTANTIAL {
        return None;
    }
    // Those that hold both the first and the last long paragraph nest: the innermost
    // is the last to start.
    let encloses = |i: usize, end_at: usize| match &toks[i] {
        Tok::Start(tag) => {
            !matches!(&*tag.name, "p" | "html" | "body") && end[i] >= end_at && end[i] > i
        }
        _ => false,
    };
    let mut home = (0..=first).rev().find(|&i| encloses(i, last_end))?;
    // The story's own heading, byline and closing lines (its editor, its source) often
    // sit in the wrappers just around it: climb while a wrapper adds little text (a
    // quarter of the story's at most, and no more than a few lines).
    let story = text_in(home);
    let room = (story / 4).min(LINES_AROUND);
    for _ in 0..MAX_CLIMB {
        let Some(parent) = (0..home).rev().find(|&i| encloses(i, end[home])) else {
            break;
        };
        if text_in(parent) - story > room {
            break;
        }
        home = parent;
    }
    (text_in(home) < prefix[n]).then_some(home)
}

#[cfg(feature = "html")]
/// `<meta name="keywords">` as a list: split at commas and semicolons (ASCII or
/// full-width) and `、` (spaces: [`crate::assemble`], once the title is known).
fn keywords(value: &str) -> Vec<String> {
    value
        .split([',', '，', '、', ';', '；'])
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(feature = "html")]
/// How a box the page's style sheet hides ends its start tag: reader mode's mark
/// (`sanitize::policy::HIDDEN`, kind `page-hidden`).
const PAGE_HIDDEN: &str = " data-folio-hidden=\"page-hidden\">";

#[cfg(feature = "html")]
/// The ids and classes a page's own `<style>` blocks hide (`#vote { display: none }`,
/// `.relVideo, .page { visibility: hidden }`): only rules whose selectors are each one id
/// or one class, maybe after an element name, outside `@` blocks and nested rules. Scripts show such
/// boxes on demand (a poll, a pop-up); with the page's CSS gone they would show.
#[derive(Default)]
struct StyleHidden {
    ids: HashSet<String>,
    classes: HashSet<String>,
}

#[cfg(feature = "html")]
impl StyleHidden {
    fn read(toks: &[Tok]) -> StyleHidden {
        let mut hidden = StyleHidden::default();
        for pair in toks.windows(2) {
            if let [Tok::Start(tag), Tok::Text(css)] = pair {
                if &*tag.name == "style" {
                    hidden.add_rules(css);
                }
            }
        }
        hidden
    }

    fn add_rules(&mut self, css: &str) {
        let css = without_css_comments(css);
        let mut rest = css.as_str();
        while let Some(open) = rest.find('{') {
            let prelude = rest[..open].trim();
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                break;
            };
            if prelude.starts_with('@') || after[..close].contains('{') {
                // An `@media` block or a nested rule (`.a { .b { display: none } }`): its
                // rules hide only under a condition or inside another box, so none is read.
                rest = after_block(after);
                continue;
            }
            let body: String = after[..close]
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            if body.contains("display:none") || body.contains("visibility:hidden") {
                for selector in prelude.split(',').map(str::trim) {
                    self.add_selector(selector);
                }
            }
            rest = &after[close + 1..];
        }
    }

    fn add_selector(&mut self, selector: &str) {
        let name_end = selector
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(selector.len());
        let (kind, name) = selector[name_end..].split_at_checked(1).unwrap_or(("", ""));
        let simple = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        match kind {
            "#" if simple => {
                self.ids.insert(name.to_string());
            }
            "." if simple => {
                self.classes.insert(name.to_string());
            }
            _ => {}
        }
    }

    fn hides(&self, tag: &Tag) -> bool {
        attr(tag, "id").is_some_and(|id| self.ids.contains(id.trim()))
            || attr(tag, "class").is_some_and(|classes| {
                classes
                    .split_ascii_whitespace()
                    .any(|c| self.classes.contains(c))
            })
    }
}

#[cfg(feature = "html")]
/// What follows the block whose inside `inside` starts (braces counted), or nothing.
fn after_block(inside: &str) -> &str {
    let mut depth = 1;
    let close = inside.char_indices().find(|&(_, c)| {
        depth += match c {
            '{' => 1,
            '}' => -1,
            _ => 0,
        };
        depth == 0
    });
    close.map_or("", |(at, _)| &inside[at + 1..])
}

#[cfg(feature = "html")]
/// CSS without its `/* … */` comments.
fn without_css_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find("/*") {
        out.push_str(&rest[..at]);
        rest = rest[at + 2..]
            .find("*/")
            .map_or("", |end| &rest[at + 2 + end + 2..]);
    }
    out.push_str(rest);
    out
}

#[cfg(feature = "html")]
/// Is this element page chrome to leave out?
fn is_chrome(tag: &Tag, inside_article: bool, text: usize, root_text: usize) -> bool {
    let name: &str = &tag.name;
    if DROP_TAGS.contains(&name) {
        return true;
    }
    if matches!(name, "header" | "footer") && !inside_article {
        return true;
    }
    if attr(tag, "hidden").is_some() || attr(tag, "aria-hidden") == Some("true") {
        return true;
    }
    let style = attr(tag, "style")
        .unwrap_or("")
        .to_ascii_lowercase()
        .replace(' ', "");
    if style.contains("display:none") || style.contains("visibility:hidden") {
        return true;
    }
    let minor = text * 2 < root_text.max(1);
    // A minor box collapsed to nothing (`height:0; overflow:hidden`, as pages hide a
    // second, search-engine copy of the dateline) shows nothing either. One with padding
    // keeps its place: that is how a video keeps its shape.
    if minor && collapsed(&style) {
        return true;
    }
    if !minor
        || matches!(
            name,
            "article" | "main" | "p" | "h1" | "h2" | "h3" | "table" | "figure" | "img" | "pre"
        )
    {
        return false;
    }
    if attr(tag, "role")
        .is_some_and(|r| CHROME_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    // The words of its class and id, compared without copying them lowercased.
    [attr(tag, "class"), attr(tag, "id")]
        .into_iter()
        .flatten()
        .flat_map(|names| names.split(|c: char| !c.is_ascii_alphanumeric()))
        .any(|w| CHROME_WORDS.iter().any(|c| c.eq_ignore_ascii_case(w)))
}

#[cfg(feature = "html")]
/// Whether an inline style (lowercased, spaces out) collapses its box to no height with
/// its content clipped, and gives it no padding to show instead.
fn collapsed(style: &str) -> bool {
    let declares = |property: &str, values: &[&str]| {
        style.split(';').any(|d| {
            d.split_once(':').is_some_and(|(p, v)| {
                p == property && values.contains(&v.trim_end_matches("!important"))
            })
        })
    };
    declares("height", &["0", "0px"])
        && declares("overflow", &["hidden"])
        && !style.contains("padding")
}

#[cfg(feature = "html")]
fn write_start(out: &mut String, tag: &Tag) {
    out.push('<');
    out.push_str(&tag.name);
    for a in &tag.attrs {
        out.push(' ');
        out.push_str(&a.name.local);
        out.push_str("=\"");
        escape_into(out, &a.value);
        out.push('"');
    }
    out.push('>');
}

#[cfg(feature = "html")]
/// `<title>`, `<meta>` (name or Open Graph property), `<html lang>`, the
/// direction, the canonical address and the dates (see the module docs).
fn head_meta(toks: &[Tok]) -> DocMeta {
    let mut meta = DocMeta::default();
    let mut og_title = None;
    let mut og_description = None;
    let mut og_url = None;
    let mut titles = Titles::default();
    let mut site: [Option<String>; 2] = [None, None];
    let mut bylines: Vec<String> = Vec::new();
    let mut dates = Dates::default();
    let mut facts = JsonLd::default();
    page_dates(toks, &mut dates, &mut facts);
    for (i, t) in toks.iter().enumerate() {
        let Tok::Start(tag) = t else { continue };
        match &*tag.name {
            "html" | "body" => {
                if meta.lang.is_none() && &*tag.name == "html" {
                    meta.lang = attr(tag, "lang")
                        .or_else(|| attr(tag, "xml:lang"))
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_string);
                }
                if meta.dir.is_none() {
                    meta.dir = match attr(tag, "dir").map(|d| d.trim().to_ascii_lowercase()) {
                        Some(d) if d == "rtl" => Some(Direction::Rtl),
                        Some(d) if d == "ltr" => Some(Direction::Ltr),
                        _ => None,
                    };
                }
                if &*tag.name == "body" {
                    break;
                }
            }
            "link" if meta.url.is_none() => {
                let canonical = attr(tag, "rel").is_some_and(|r| {
                    r.split_ascii_whitespace()
                        .any(|w| w.eq_ignore_ascii_case("canonical"))
                });
                if canonical {
                    meta.url = attr(tag, "href").and_then(web_url);
                }
            }
            "title" if titles.page.is_none() => {
                if let Some(Tok::Text(s)) = toks.get(i + 1) {
                    titles.page = clean(s);
                }
            }
            "meta" => {
                let key = meta_key(tag);
                let value = attr(tag, "content").and_then(clean);
                match key.as_str() {
                    "author" if meta.author.is_none() => meta.author = value,
                    "description" if meta.description.is_none() => meta.description = value,
                    "og:title" if og_title.is_none() => og_title = value,
                    "twitter:title" if titles.twitter.is_none() => titles.twitter = value,
                    "og:site_name" if site[0].is_none() => site[0] = value,
                    "application-name" if site[1].is_none() => site[1] = value,
                    "dc.creator" | "byl" | "sailthru.author" | "parsely-author" => {
                        bylines.extend(value);
                    }
                    "og:description" if og_description.is_none() => og_description = value,
                    "og:url" if og_url.is_none() => og_url = value.as_deref().and_then(web_url),
                    "keywords" if meta.keywords.is_empty() => {
                        meta.keywords = keywords(&value.unwrap_or_default());
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    titles.og = og_title;
    titles.headline = facts.headline;
    titles.h1 = first_h1(toks);
    let [og_site, app_name] = site;
    meta.site_name = og_site.or(facts.publisher).or(app_name);
    meta.title = titles.best(meta.site_name.as_deref());
    meta.author = meta
        .author
        .or(facts.author)
        .or_else(|| bylines.into_iter().next().map(|b| strip_by(&b)))
        .or_else(|| author_element(toks));
    meta.description = meta.description.or(og_description);
    meta.url = meta.url.or(og_url);
    meta.date = dates.published.map(|(_, d)| d);
    meta.updated = dates.modified.map(|(_, d)| d);
    meta
}

/// Every title a page gives itself, to choose from (see [`Titles::best`]).
#[derive(Default)]
struct Titles {
    /// JSON-LD `headline`.
    headline: Option<String>,
    /// `og:title`.
    og: Option<String>,
    /// `twitter:title`.
    twitter: Option<String>,
    /// `<title>`.
    page: Option<String>,
    /// The first `<h1>`'s text.
    h1: Option<String>,
}

/// What separates a title from its site's name: ` - `, ` | `, `_`, ` :: ` ….
const TITLE_SEPARATORS: [&str; 12] = [
    " | ", " - ", " – ", " — ", " » ", " :: ", " · ", " / ", " @ ", "_", "｜", " :",
];

impl Titles {
    /// The article's title as Readability weighs them: JSON-LD `headline`, else
    /// `og:title`, else `twitter:title`, else `<title>`; then the site's name cut off
    /// (`Story – The Daily Site` → `Story`) where the page names its site, or a
    /// `<title>`'s last short part after a separator; and the first `<h1>` when the
    /// title is that heading followed by a separator and more.
    fn best(self, site: Option<&str>) -> Option<String> {
        let from_page = self.headline.is_none() && self.og.is_none() && self.twitter.is_none();
        let raw = self.headline.or(self.og).or(self.twitter).or(self.page)?;
        let mut title = site
            .and_then(|s| without_site(&raw, s))
            .unwrap_or_else(|| raw.clone());
        if title == raw && from_page {
            title = without_short_tail(&raw)
                .or_else(|| without_bracketed_tail(&raw))
                .unwrap_or(raw);
        }
        if let Some(h1) = self.h1 {
            let rest = title.strip_prefix(h1.as_str()).map(str::trim_start);
            if rest.is_some_and(|r| TITLE_SEPARATORS.iter().any(|s| r.starts_with(s.trim()))) {
                title = h1;
            }
        }
        Some(title)
    }
}

/// The title without the site's name at its end (or start), with the separator
/// before it; `None` when the name is not there or nothing would be left.
fn without_site(title: &str, site: &str) -> Option<String> {
    let lower = title.to_lowercase();
    let name = site.trim().to_lowercase();
    if name.is_empty() || lower == name {
        return None;
    }
    let at = lower.rfind(&name)?;
    // Lowercasing may change lengths outside ASCII: cut only where it kept them.
    if lower.len() != title.len() {
        return None;
    }
    let before = title[..at].trim_end();
    let after = title[at + name.len()..].trim();
    let cut = TITLE_SEPARATORS
        .iter()
        .map(|s| s.trim())
        .find_map(|s| before.strip_suffix(s))
        .map(str::trim_end)
        .filter(|b| !b.is_empty());
    if let Some(head) = cut {
        // Only what follows the name may be more of the site (`:: PIXNET ::`).
        if after.chars().count() <= 20 {
            return Some(head.to_string());
        }
    }
    let tail = title[..at].is_empty().then_some(after);
    tail.and_then(|t| {
        TITLE_SEPARATORS
            .iter()
            .map(|s| s.trim())
            .find_map(|s| t.strip_prefix(s))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    })
}

/// A `<title>`'s last part after a spaced separator, when it is short (a site's
/// name: four words or twelve characters at most) and what stays has three words
/// or more (or ten characters of CJK), as Readability cuts.
fn without_short_tail(title: &str) -> Option<String> {
    let (at, sep) = TITLE_SEPARATORS[..8]
        .iter()
        .filter_map(|s| title.rfind(s).map(|i| (i, *s)))
        .max_by_key(|(i, _)| *i)?;
    let (head, tail) = (title[..at].trim(), title[at + sep.len()..].trim());
    let words = |t: &str| t.split_whitespace().count();
    let cjk = head.chars().filter(|c| crate::text::is_cjk(*c)).count();
    let short_tail = words(tail) <= 4 && tail.chars().count() <= 30;
    (short_tail && (words(head) >= 3 || cjk >= 10)).then(|| head.to_string())
}

/// A `<title>`'s site or series name in full-width angle brackets after a space, as
/// Japanese sites write it (`欲張りなイヌ　＜福娘童話集＞` → `欲張りなイヌ`), when short.
fn without_bracketed_tail(title: &str) -> Option<String> {
    let open = title.strip_suffix('＞')?.rfind('＜')?;
    let (head, tail) = (&title[..open], &title[open..]);
    let head = head.strip_suffix(char::is_whitespace)?.trim_end();
    (head.chars().count() >= 2 && tail.chars().count() <= 32).then(|| head.to_string())
}

#[cfg(feature = "html")]
/// The text of the page's first `<h1>`.
fn first_h1(toks: &[Tok]) -> Option<String> {
    let at = toks
        .iter()
        .position(|t| matches!(t, Tok::Start(tag) if &*tag.name == "h1"))?;
    let mut text = String::new();
    for t in &toks[at + 1..] {
        match t {
            Tok::End(name) if name == "h1" => break,
            Tok::Text(s) => text.push_str(s),
            _ => {}
        }
    }
    clean(&text)
}

/// `By Ann` → `Ann`.
fn strip_by(byline: &str) -> String {
    let t = byline.trim();
    match t.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => t[3..].trim().to_string(),
        _ => t.to_string(),
    }
}

#[cfg(feature = "html")]
/// The text of the first element the page marks as its author (`rel="author"`,
/// `itemprop="author"`), when short enough to be a name.
fn author_element(toks: &[Tok]) -> Option<String> {
    let at = toks.iter().position(|t| {
        matches!(t, Tok::Start(tag) if attr(tag, "rel") == Some("author")
            || attr(tag, "itemprop").is_some_and(|p| p.split_ascii_whitespace().any(|w| w == "author")))
    })?;
    let Tok::Start(open) = &toks[at] else {
        return None;
    };
    let name: &str = &open.name;
    let mut depth = 0usize;
    let mut text = String::new();
    for t in &toks[at + 1..] {
        match t {
            Tok::Start(tag) if &*tag.name == name => depth += 1,
            Tok::End(n) if n == name => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            Tok::Text(s) => text.push_str(s),
            _ => {}
        }
    }
    clean(&text)
        .map(|t| strip_by(&t))
        .filter(|t| !t.is_empty() && t.chars().count() <= 100)
}

/// The best date found so far of each kind, with its rank (lower is better).
#[derive(Default)]
struct Dates {
    published: Option<(u8, String)>,
    modified: Option<(u8, String)>,
}

impl Dates {
    /// Offers a date as written, of rank `rank`; kept when readable and better
    /// than what is held (the first of equal rank wins).
    fn offer(&mut self, modified: bool, rank: u8, raw: Option<&str>) {
        let slot = if modified {
            &mut self.modified
        } else {
            &mut self.published
        };
        if slot.as_ref().is_some_and(|(r, _)| *r <= rank) {
            return;
        }
        if let Some(d) = raw
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .and_then(read_date)
        {
            *slot = Some((rank, d));
        }
    }
}

/// The rank of a `<meta>` key naming a date, and whether it is the modification date.
fn meta_date_key(key: &str) -> Option<(bool, u8)> {
    Some(match key {
        "article:published_time" | "og:article:published_time" | "article:published" => (false, 0),
        "article:modified_time"
        | "og:article:modified_time"
        | "article:modified"
        | "og:updated_time" => (true, 0),
        "publishdate" | "pubdate" | "publish-date" | "publish_date" | "date" | "dc.date"
        | "dc.date.issued" | "dc.date.created" | "dcterms.created" | "dcterms.issued"
        | "sailthru.date" | "parsely-pub-date" | "og:published_time" | "datepublished" => {
            (false, 3)
        }
        "dcterms.modified" | "dc.date.modified" | "last-modified" | "lastmod" | "datemodified" => {
            (true, 3)
        }
        _ => return None,
    })
}

/// Words of a class or id that mark an element about the page's date: a `<time>` in it
/// is the article's date, and so is its whole text when that is a date
/// (`<span class="pubTime">2016年10月14日07:17</span>`), read when nothing better says it.
const DATE_WORDS: [&str; 8] = [
    "date",
    "time",
    "published",
    "posted",
    "pubdate",
    "pubtime",
    "timestamp",
    "dateline",
];
/// Words of a class, id, `itemprop` or `rel` that mark a byline (as [`DATE_WORDS`] do),
/// where a `<time>` is the article's date.
const BYLINE_WORDS: [&str; 3] = ["byline", "meta", "author"];

#[cfg(feature = "html")]
/// Whether one of `attrs` of `tag` holds one of `words` (ASCII case aside) as a word.
fn names_any(tag: &Tag, attrs: &[&str], words: &[&str]) -> bool {
    attrs
        .iter()
        .filter_map(|a| attr(tag, a))
        .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
        .any(|w| words.iter().any(|b| w.eq_ignore_ascii_case(b)))
}

#[cfg(feature = "html")]
/// Is this element's text the page's date, by its class or id (see [`DATE_WORDS`])?
fn is_date_element(tag: &Tag) -> bool {
    names_any(tag, &["class", "id"], &DATE_WORDS)
}

#[cfg(feature = "html")]
/// Does this element hold a byline (see [`BYLINE_WORDS`] and [`DATE_WORDS`])?
fn is_byline(tag: &Tag) -> bool {
    const ATTRS: [&str; 4] = ["class", "id", "itemprop", "rel"];
    &*tag.name == "header"
        || names_any(tag, &ATTRS, &BYLINE_WORDS)
        || names_any(tag, &ATTRS, &DATE_WORDS)
}

#[cfg(feature = "html")]
/// Every date the page states about itself: `<meta>`, JSON-LD (whose other facts
/// go to `facts`), `itemprop`, `<time>`.
fn page_dates(toks: &[Tok], dates: &mut Dates, facts: &mut JsonLd) {
    // Open elements, each with whether it or an ancestor is a byline, and whether its
    // own text would be the date.
    let mut open: Vec<(&str, bool, bool)> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        match t {
            Tok::Start(tag) => {
                let name: &str = &tag.name;
                let itemprop = attr(tag, "itemprop").map(str::trim);
                match name {
                    "meta" => {
                        let key = meta_key(tag);
                        let content = attr(tag, "content");
                        if let Some((modified, rank)) = meta_date_key(&key) {
                            dates.offer(modified, rank, content);
                        }
                        match itemprop {
                            Some("datePublished") => dates.offer(false, 2, content),
                            Some("dateModified") => dates.offer(true, 2, content),
                            _ => {}
                        }
                    }
                    "time" => {
                        let when = attr(tag, "datetime");
                        match itemprop {
                            Some("datePublished") => dates.offer(false, 2, when),
                            Some("dateModified") => dates.offer(true, 2, when),
                            _ if attr(tag, "pubdate").is_some() => dates.offer(false, 4, when),
                            _ if open.last().is_some_and(|(_, b, _)| *b) || is_byline(tag) => {
                                dates.offer(false, 5, when);
                            }
                            _ => {}
                        }
                    }
                    "script"
                        if attr(tag, "type").is_some_and(|t| {
                            t.trim().eq_ignore_ascii_case("application/ld+json")
                        }) =>
                    {
                        if let Some(Tok::Text(json)) = toks.get(i + 1) {
                            json_ld(json, dates, facts);
                        }
                    }
                    _ => {}
                }
                if !(VOID.contains(&name) || tag.self_closing) {
                    let byline = open.last().is_some_and(|(_, b, _)| *b) || is_byline(tag);
                    open.push((name, byline, is_date_element(tag)));
                }
            }
            Tok::End(name) => {
                if let Some(k) = open.iter().rposition(|(n, _, _)| *n == &**name) {
                    open.truncate(k);
                }
            }
            // A date written as the whole text of a date-named element: the last resort.
            Tok::Text(text) if open.last().is_some_and(|(_, _, d)| *d) => {
                dates.offer(false, 6, Some(text));
            }
            Tok::Text(_) => {}
        }
    }
}

/// The objects of a JSON-LD block (the block, a list of objects, an `@graph`),
/// Article-like types first.
fn json_ld_objects(value: &serde_json::Value) -> Vec<&serde_json::Map<String, serde_json::Value>> {
    let mut objects: Vec<&serde_json::Map<String, serde_json::Value>> = Vec::new();
    let top: Vec<&serde_json::Value> = match value {
        serde_json::Value::Array(items) => items.iter().collect(),
        v => vec![v],
    };
    for v in top {
        if let serde_json::Value::Object(o) = v {
            objects.push(o);
            if let Some(serde_json::Value::Array(graph)) = o.get("@graph") {
                objects.extend(graph.iter().filter_map(serde_json::Value::as_object));
            }
        }
    }
    let article_like = |o: &serde_json::Map<String, serde_json::Value>| {
        let is = |t: &str| t.ends_with("Article") || t.ends_with("Posting") || t == "Report";
        match o.get("@type") {
            Some(serde_json::Value::String(t)) => is(t),
            Some(serde_json::Value::Array(ts)) => ts.iter().filter_map(|t| t.as_str()).any(is),
            _ => false,
        }
    };
    objects.sort_by_key(|o| !article_like(o));
    objects
}

/// What a page's JSON-LD says besides its dates: the first of each, Article-like
/// objects first.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    publisher: Option<String>,
    author: Option<String>,
}

/// `datePublished`, `dateModified`, `headline`, `publisher.name` and the authors'
/// names from a JSON-LD block.
fn json_ld(json: &str, dates: &mut Dates, facts: &mut JsonLd) {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(json.trim()) else {
        return;
    };
    let name_of = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => clean(s),
        serde_json::Value::Object(o) => o.get("name").and_then(|n| n.as_str()).and_then(clean),
        _ => None,
    };
    for o in json_ld_objects(&value) {
        dates.offer(false, 1, o.get("datePublished").and_then(|v| v.as_str()));
        dates.offer(true, 1, o.get("dateModified").and_then(|v| v.as_str()));
        if facts.headline.is_none() {
            facts.headline = o.get("headline").and_then(|v| v.as_str()).and_then(clean);
        }
        if facts.publisher.is_none() {
            facts.publisher = o.get("publisher").and_then(name_of);
        }
        if facts.author.is_none() {
            facts.author = match o.get("author") {
                Some(serde_json::Value::Array(list)) => {
                    let names: Vec<String> = list.iter().filter_map(name_of).collect();
                    (!names.is_empty()).then(|| names.join(", "))
                }
                Some(v) => name_of(v),
                None => None,
            };
        }
    }
}

#[cfg(feature = "html")]
/// What a `<meta>` names: its `name`, else its Open Graph `property`, lowercased.
fn meta_key(tag: &Tag) -> String {
    attr(tag, "name")
        .or_else(|| attr(tag, "property"))
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Whitespace collapsed; `None` when nothing is left.
fn clean(s: &str) -> Option<String> {
    let joined = collapse_whitespace(s);
    (!joined.is_empty()).then_some(joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en-GB"><head><title> Page  title </title>
<meta property="og:title" content="OG title"><meta name="author" content="Ann">
<meta property="og:description" content="About it."><meta name="keywords" content="a，b; c">
<script>var s = "<article>not one</article>";</script><style>p{}</style></head>
<body><header><h1>Site</h1></header><nav>Home</nav>
<div class="share-bar">Share</div>
<article><header><h1>Headline</h1></header><p>LONG</p><footer>By Ann</footer></article>
<article><p>Teaser</p></article>
<aside>Related</aside><footer>©</footer></body></html>"#;

    #[test]
    fn a_page_gives_its_main_part_and_its_head() {
        let page = "<!doctype html><html lang=fr><head><title>T</title>\
          <meta name=keywords content='a, b'></head><body><nav>Menu</nav>\
          <main><p>Texte</p></main><footer>©</footer></body></html>";
        let (html, meta) = extract(page);
        assert_eq!(html.trim(), "<main><p>Texte</p></main>");
        assert_eq!(meta.title.as_deref(), Some("T"));
        assert_eq!(meta.lang.as_deref(), Some("fr"));
        assert_eq!(meta.keywords, ["a", "b"]);
        assert!(is_document("\n<!DOCTYPE html><html><body>x</body></html>"));
        assert!(!is_document("<div>x</div>"));
    }

    #[test]
    fn head_metadata_is_read() {
        let (_, meta) = extract(PAGE);
        assert_eq!(meta.title.as_deref(), Some("OG title"));
        assert_eq!(meta.author.as_deref(), Some("Ann"));
        assert_eq!(meta.description.as_deref(), Some("About it."));
        assert_eq!(meta.keywords, ["a", "b", "c"]);
        assert_eq!(meta.lang.as_deref(), Some("en-GB"));
        let (_, meta) = extract("<html><head><meta property=og:title content=OG></head></html>");
        assert_eq!(meta.title.as_deref(), Some("OG"));
    }

    #[test]
    fn the_one_substantial_article_is_the_body() {
        let page = PAGE.replace("LONG", &"word ".repeat(80));
        let (html, _) = extract(&page);
        assert!(
            html.starts_with("<article><header><h1>Headline</h1></header><p>word"),
            "{html}"
        );
        assert!(
            html.ends_with("<footer>By Ann</footer></article>"),
            "{html}"
        );
        assert!(!html.contains("Teaser") && !html.contains("Site") && !html.contains("script"));
    }

    #[test]
    fn without_a_clear_article_the_body_loses_its_chrome() {
        let (html, _) = extract(PAGE);
        for gone in ["Site", "Home", "Share", "Related", "©", "var s", "p{}"] {
            assert!(!html.contains(gone), "{gone} in {html}");
        }
        for kept in ["Headline", "LONG", "Teaser", "By Ann"] {
            assert!(html.contains(kept), "{kept} missing from {html}");
        }
    }

    #[test]
    fn a_minor_box_collapsed_to_nothing_is_left_out() {
        let story = "A sentence of the story, long enough to be a paragraph of it. ".repeat(4);
        let page = format!(
            "<html><body><main><div id=msg>2017-03-10 來源</div>\
             <div id=seo style=\"height:0px; line-height:0px; font-size:0; overflow:hidden;\">2017-03-10 09:58:03 來源 作者</div>\
             <div class=video style=\"height: 0; padding-bottom: 56%; overflow: hidden\">Video</div>\
             <div style=\"height:0\">Overflowing</div><p>{story}</p></main></body></html>"
        );
        let (html, _) = extract(&page);
        assert!(!html.contains("09:58:03"), "{html}");
        for kept in ["2017-03-10 來源", "Video", "Overflowing", "A sentence"] {
            assert!(html.contains(kept), "{kept} missing from {html}");
        }
        // The story itself is never a minor box, however it is styled.
        let (html, _) = extract(&format!(
            "<html><body><main><div style=\"height:0;overflow:hidden\"><p>{story}</p></div></main></body></html>"
        ));
        assert!(html.contains("A sentence"), "{html}");
    }

    #[test]
    fn main_is_chosen_when_articles_are_many_or_none() {
        let (html, _) =
            extract("<html><body><div>Menu</div><main><p>Text &amp; more</p></main></body></html>");
        assert_eq!(html, "<main><p>Text &amp; more</p></main>");
    }

    #[test]
    fn without_article_or_main_the_long_paragraphs_home_is_the_article() {
        let story = "A sentence of the story, long enough to be a paragraph of it. ".repeat(2);
        let page = format!(
            "<html><body><div class=top><a href=/>Home</a> <a href=/tech>Tech</a></div>\
             <div id=content><h1>Headline</h1><p>{story}</p><p>Short line.</p><div><p>{story}</p></div><p>{story}</p></div>\
             <div><h2>Read more</h2><ul><li><a href=/a>A teaser title</a></li></ul><p>Teaser line</p></div></body></html>"
        );
        let (html, _) = extract(&page);
        assert!(html.starts_with("<div id=\"content\">"), "{html}");
        assert_eq!(html.matches("A sentence").count(), 6, "{html}");
        for kept in ["Headline", "Short line."] {
            assert!(html.contains(kept), "{kept} missing from {html}");
        }
        for gone in ["Home", "Read more", "teaser", "Teaser line"] {
            assert!(!html.contains(gone), "{gone} in {html}");
        }
        // The wrappers around it come along while they add little: a dateline, an editor's line.
        let menu = "<li><a href=/x>A link in the site's menu</a></li>".repeat(20);
        let wrapped = format!(
            "<html><body><div class=col><div class=hd>Dateline 2016</div><div id=content><p>{story}</p><p>{story}</p><p>{story}</p></div>\
             <div class=ft>Editor: Ann</div></div><div class=side><ul>{menu}</ul></div></body></html>"
        );
        let (html, _) = extract(&wrapped);
        assert!(html.starts_with("<div class=\"col\">"), "{html}");
        assert!(
            html.contains("Dateline") && html.contains("Editor: Ann") && !html.contains("menu"),
            "{html}"
        );
        // One long paragraph outside it (a footer's notice): the body, as before.
        let notice = "Copyright notice of the site, long enough to count as a paragraph here.";
        let page = page.replace("</body>", &format!("<p>{notice}</p></body>"));
        let (html, _) = extract(&page);
        assert!(
            html.contains("Read more") && html.contains(notice),
            "{html}"
        );
        // Too little text in long paragraphs to tell: the body.
        let (html, _) = extract(&format!(
            "<html><body><div>Menu</div><div><p>{story}</p></div></body></html>"
        ));
        assert!(html.contains("Menu"), "{html}");
    }

    #[test]
    fn keywords_split_at_commas_and_semicolons() {
        assert_eq!(keywords("a， b; c、d；e"), ["a", "b", "c", "d", "e"]);
        assert_eq!(keywords("South Sudan"), ["South Sudan"]);
        assert!(keywords(" ， ").is_empty());
    }

    #[test]
    fn a_chrome_class_on_the_main_wrapper_keeps_its_text() {
        let body = format!("<html><body><div class=\"menu-wrap\"><p>{}</p></div><div class=menu>x</div></body></html>", "text ".repeat(50));
        let (html, _) = extract(&body);
        assert!(
            html.contains("text text") && !html.contains(">x<"),
            "{html}"
        );
    }

    #[test]
    fn dates_from_open_graph_json_ld_itemprop_and_the_byline() {
        // www/examples/news.html's head.
        let (_, m) = extract(
            r#"<html><head><meta property="article:published_time" content="2024-02-11T08:00:00Z"></head><body>x</body></html>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2024-02-11T08:00:00+00:00"));
        assert_eq!(m.updated, None);
        // The Readability pages' JSON-LD (in an @graph, after a non-article).
        let (_, m) = extract(
            r#"<html><head><script type="application/ld+json">{"@graph": [{"@type": "WebSite", "datePublished": "2001-01-01"}, {"@type": "NewsArticle", "datePublished": "2015-07-24T05:36:09+01:00", "dateModified": "2015-07-25"}]}</script></head><body><p>x</p></body></html>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2015-07-24T05:36:09+01:00"));
        assert_eq!(m.updated.as_deref(), Some("2015-07-25"));
        // itemprop on <time>, and Open Graph winning over a later JSON-LD.
        let (_, m) = extract(
            r#"<html><head><script type="application/ld+json">{"datePublished": "2020-01-01"}</script><meta property="article:published_time" content="2019-05-05"></head><body><time datetime="2015-05-04T13:36:31+02:00" itemprop="datePublished">04.05.2015</time><time itemprop="dateModified" datetime="2015-05-05">x</time></body></html>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2019-05-05"));
        assert_eq!(m.updated.as_deref(), Some("2015-05-05"));
        // A <time> in the byline; one elsewhere in the page says nothing.
        let (_, m) = extract(
            r#"<html><body><article><p class="byline">By Ann, <span><time datetime="2021-03-04">March 4</time></span></p><p>Text</p></article></body></html>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2021-03-04"));
        let (_, m) = extract(
            r#"<html><body><p>Meet us on <time datetime="2030-01-01">New Year</time>.</p></body></html>"#,
        );
        assert_eq!(m.date, None);
        // A date written as the whole text of a date-named element, when nothing else
        // says it (Tencent's `pubTime`); other text there, or a better source, wins.
        let page = r#"<html><body><div class="info"><span class="where">TNW中文站</span><span class="pubTime">2016年10月14日07:17</span></div><p>x</p></body></html>"#;
        let (_, m) = extract(page);
        assert_eq!(m.date.as_deref(), Some("2016-10-14T07:17:00"));
        let (_, m) = extract(&page.replace(
            "<body>",
            r#"<body><time class="date" datetime="2016-10-13">x</time>"#,
        ));
        assert_eq!(m.date.as_deref(), Some("2016-10-13"));
        let (_, m) = extract(&page.replace("2016年10月14日07:17", "Updated 2016年10月14日"));
        assert_eq!(m.date, None);
        let (_, m) = extract(&page.replace("pubTime", "where"));
        assert_eq!(m.date, None);
        // Unreadable and broken values are passed over.
        let (_, m) = extract(
            r#"<html><head><meta name="date" content="someday"><script type="application/ld+json">{broken</script><meta name="publishdate" content="2017-03-10"></head></html>"#,
        );
        assert_eq!(m.date.as_deref(), Some("2017-03-10"));
    }

    #[test]
    fn direction_and_address_of_the_page() {
        let (_, m) = extract(
            r#"<!DOCTYPE html><html dir="rtl"><head><link rel="canonical" href="https://example.com/a"><meta property="og:url" content="https://example.com/og"></head><body>x</body></html>"#,
        );
        assert_eq!(m.dir, Some(Direction::Rtl));
        assert_eq!(m.url.as_deref(), Some("https://example.com/a"));
        let (_, m) = extract(
            r#"<html><head><meta property="og:url" content="https://example.com/og"><link rel="canonical" href="/relative"></head><body dir="LTR">x</body></html>"#,
        );
        assert_eq!(m.dir, Some(Direction::Ltr));
        assert_eq!(m.url.as_deref(), Some("https://example.com/og"));
        let (_, m) = extract(
            r#"<html dir="auto"><head><link rel="canonical" href="javascript:x"></head></html>"#,
        );
        assert_eq!((m.dir, m.url), (None, None));
    }

    #[test]
    fn the_title_loses_the_sites_name_and_the_page_gives_site_and_byline() {
        let page = |head: &str, body: &str| {
            extract(&format!(
                "<html><head>{head}</head><body>{body}</body></html>"
            ))
            .1
        };
        // og:title over <title>; the site's name cut off where the page names its site.
        let m = page(
            r#"<title>Story - The Daily Site</title><meta property="og:title" content="Story – The Daily Site"><meta property="og:site_name" content="The Daily Site">"#,
            "",
        );
        assert_eq!(m.title.as_deref(), Some("Story"));
        assert_eq!(m.site_name.as_deref(), Some("The Daily Site"));
        // JSON-LD headline first, its publisher as the site, its authors as the byline.
        let m = page(
            r#"<title>Long title | Site</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Headline","publisher":{"name":"Pub"},"author":[{"name":"Ann"},{"name":"Bo"}]}</script>"#,
            "",
        );
        assert_eq!(m.title.as_deref(), Some("Headline"));
        assert_eq!(m.site_name.as_deref(), Some("Pub"));
        assert_eq!(m.author.as_deref(), Some("Ann, Bo"));
        // A <title> alone: a short last part goes, a title of two words keeps it.
        let m = page(
            "<title>Obama admits US gun laws are his frustration - BBC News</title>",
            "",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Obama admits US gun laws are his frustration")
        );
        let m = page("<title>Rust - Wikipedia</title>", "");
        assert_eq!(m.title.as_deref(), Some("Rust - Wikipedia"));
        // The <h1> when the title is the heading, a separator and more (CJK sites' `_`).
        let m = page(
            "<title>新电脑已可自学 人工智能迈上新台阶_科技_腾讯网</title>",
            "<h1>新电脑已可自学 人工智能迈上新台阶</h1>",
        );
        assert_eq!(
            m.title.as_deref(),
            Some("新电脑已可自学 人工智能迈上新台阶")
        );
        // A series or site name in full-width angle brackets, after a space.
        let m = page(
            "<title>欲張りなイヌ　＜福娘童話集　きょうのイソップ童話＞</title>",
            "",
        );
        assert_eq!(m.title.as_deref(), Some("欲張りなイヌ"));
        let m = page("<title>Vec＜T＞ explained</title>", "");
        assert_eq!(m.title.as_deref(), Some("Vec＜T＞ explained"));
        let m = page("<title>記号＜＞</title>", "");
        assert_eq!(m.title.as_deref(), Some("記号＜＞"));
        // A byline element when the head names no author.
        let m = page(
            "<title>T</title>",
            r#"<p><span itemprop="author">By Ann Lee</span></p>"#,
        );
        assert_eq!(m.author.as_deref(), Some("Ann Lee"));
        let m = page(r#"<meta name="byl" content="By JOHN DOE">"#, "");
        assert_eq!(m.author.as_deref(), Some("JOHN DOE"));
    }

    #[test]
    fn boxes_the_pages_own_style_sheet_hides_are_marked_for_reader_mode() {
        let story = "<p>The story itself, long enough to be the page's main text by far, told in full sentences.</p>".repeat(4);
        let page = format!(
            "<html><head><style>/* {{ */ #vote {{ font-size: 14px; display : none }} .pop, div.later {{visibility:hidden}}\n\
             @media print {{ .story {{ display: none }} }} .note p {{ display: none }}\n\
             .note {{ color: red; .inner {{ display: none }} }} .pop {{ color: red }}</style></head>\
             <body><article><div class=\"story\">{story}</div><div id=\"vote\">Was this relevant? <a>Yes</a> <a>No</a></div>\
             <div class=\"pop x\">Thanks for voting!</div><div class=\"later\">Loading more…</div>\
             <div class=\"note\">A note stays: its rule has more than one selector part.</div></article></body></html>"
        );
        let (html, _) = extract(&page);
        assert!(html.contains("The story itself"), "{html}");
        assert!(html.contains(r#"<div class="note">A note stays"#), "{html}");
        for marked in [
            r#"<div id="vote" data-folio-hidden="page-hidden">Was this relevant"#,
            r#"<div class="pop x" data-folio-hidden="page-hidden">Thanks for voting"#,
            r#"<div class="later" data-folio-hidden="page-hidden">Loading more"#,
        ] {
            assert!(html.contains(marked), "{marked}: {html}");
        }
        // A page that hides its whole story until a script shows it still shows it.
        let page = format!("<html><head><style>.story {{ display: none }}</style></head><body><div class=\"story\">{story}</div></body></html>");
        let (html, _) = extract(&page);
        assert!(
            html.contains("The story itself") && !html.contains("page-hidden"),
            "{html}"
        );
    }

    #[test]
    fn broken_documents_do_not_panic() {
        for s in [
            "<html",
            "<!doctype html><article><article>",
            "<html><body></div></p><title>x",
            "<html>\u{0}<script>",
        ] {
            let _ = extract(s);
        }
        assert!(is_document("\u{feff}<!DOCTYPE HTML>"));
        assert!(is_document("<!-- saved -->\n<html>"));
    }
}
