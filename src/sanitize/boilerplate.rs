//! Reader mode for HTML bodies: boilerplate is marked, not removed. A block that is
//! an app or QR-code promo, a video player's leftovers, a share bar, a "related
//! articles" list, a subscription prompt, a page's "Continue reading" or
//! "Advertisement" label, or a tracking pixel gets `data-folio-hidden="KIND"` on its
//! element; the view hides those (and shows them all at one click), and the Article
//! reports them by kind ([`hidden`]).
//!
//! It reads sanitized HTML (html5ever's serialization, so a small scanner is exact)
//! and is conservative: a block is boilerplate only by its whole text (short, and
//! matching a known phrase; characters are counted, not words, so CJK pages are
//! measured as Latin ones), and a marked block grows to its wrapper only while the
//! wrapper adds no text of its own outside links, no paragraph, heading, list
//! item, table, figure or quote, and (for promos) at most the one QR image. An
//! article paragraph is therefore never hidden: it would have to consist of a
//! promo phrase alone.

use super::policy::{HIDDEN as ATTRIBUTE, HIDDEN_KINDS as KINDS, IMAGE_ATTRIBUTES};
use super::Safe;
use crate::article::Hidden;
use crate::text::{attr_value, decode_entities, has, tag_spans};
use std::cell::OnceCell;
use std::ops::Range;

/// Elements never marked nor grown into: the article's own structure.
const CONTENT: [&str; 21] = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "table",
    "figure",
    "figcaption",
    "blockquote",
    "pre",
    "dl",
    "dd",
    "dt",
    "article",
    "main",
    "ul",
    "ol",
    "details",
];

/// Serialized void elements (no end tag).
const VOID: [&str; 13] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Longest text (characters, white space not counted) a promo, player or label block may hold.
const SHORT: usize = 60;
/// Longest text of a subscription prompt.
const PROMPT: usize = 120;

/// One element of the sanitized HTML.
#[derive(Debug)]
struct Element<'a> {
    name: &'a str,
    /// The start tag's span.
    open: (usize, usize),
    /// Where its content ends (the end tag's start; the start tag's end for void ones).
    inner_end: usize,
    parent: Option<usize>,
    children: Vec<usize>,
}

/// The body's elements and its text, as spans.
struct Tree<'a> {
    html: &'a str,
    elements: Vec<Element<'a>>,
    /// The top-level elements.
    roots: Vec<usize>,
    /// Text between tags: byte span of each run.
    texts: Vec<(usize, usize)>,
}

impl<'a> Tree<'a> {
    fn parse(html: &'a str) -> Tree<'a> {
        let mut elements: Vec<Element<'a>> = Vec::new();
        let mut texts = Vec::new();
        let mut stack: Vec<usize> = Vec::new();
        let mut roots = Vec::new();
        let mut pos = 0;
        for (start, end) in tag_spans(html) {
            if start > pos {
                texts.push((pos, start));
            }
            pos = end;
            let tag = &html[start..end];
            if tag.starts_with("<!") {
                continue;
            }
            let closing = tag.starts_with("</");
            let name_from = if closing { 2 } else { 1 };
            let name_end = tag[name_from..]
                .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
                .map_or(tag.len(), |e| name_from + e);
            let name = &tag[name_from..name_end];
            if closing {
                if let Some(k) = stack.iter().rposition(|&e| elements[e].name == name) {
                    for &e in &stack[k..] {
                        elements[e].inner_end = start;
                    }
                    stack.truncate(k);
                }
                continue;
            }
            let index = elements.len();
            let parent = stack.last().copied();
            match parent {
                Some(p) => elements[p].children.push(index),
                None => roots.push(index),
            }
            elements.push(Element {
                name,
                open: (start, end),
                inner_end: if VOID.contains(&name) {
                    end
                } else {
                    html.len()
                },
                parent,
                children: Vec::new(),
            });
            if !VOID.contains(&name) {
                stack.push(index);
            }
        }
        if pos < html.len() {
            texts.push((pos, html.len()));
        }
        Tree {
            html,
            elements,
            roots,
            texts,
        }
    }

    /// The element's text, white space collapsed.
    fn text(&self, e: usize) -> String {
        self.short_text(e, usize::MAX).unwrap_or_default()
    }

    /// The element's text, white space collapsed; `None` when it holds more than
    /// `limit` bytes of text (so big wrappers cost little).
    fn short_text(&self, e: usize, limit: usize) -> Option<String> {
        let el = &self.elements[e];
        let (from, to) = (el.open.1, el.inner_end);
        let first = self.texts.partition_point(|&(s, _)| s < from);
        let mut out = String::new();
        for &(s, t) in &self.texts[first..] {
            if s >= to {
                break;
            }
            let run = self.html[s..t].trim();
            if !run.is_empty() {
                out.push_str(&decode_entities(run));
                out.push(' ');
            }
            if out.len() > limit {
                return None;
            }
        }
        Some(out.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    fn descendants(&self, e: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut todo = self.elements[e].children.clone();
        while let Some(c) = todo.pop() {
            out.push(c);
            todo.extend(self.elements[c].children.iter().copied());
        }
        out
    }

    /// Is `e` inside `ancestor` (or the same)?
    fn within(&self, mut e: usize, ancestor: usize) -> bool {
        loop {
            if e == ancestor {
                return true;
            }
            match self.elements[e].parent {
                Some(p) => e = p,
                None => return false,
            }
        }
    }

    /// `e`'s siblings (itself among them) and its place there.
    fn siblings(&self, e: usize) -> (&[usize], usize) {
        let all = match self.elements[e].parent {
            Some(p) => &self.elements[p].children,
            None => &self.roots,
        };
        (all, all.iter().position(|&s| s == e).unwrap_or(0))
    }

    fn attr(&self, e: usize, name: &str) -> Option<&'a str> {
        let (s, t) = self.elements[e].open;
        attr_value(&self.html[s..t], name)
    }
}

/// Characters of text, white space not counted.
fn chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// Marks the boilerplate of a sanitized HTML body (see the module docs).
pub(crate) fn mark(html: &str) -> String {
    let tree = Tree::parse(html);
    // Each element's seed kind, worked out once (an element's is asked again by its parent).
    let seeds: Vec<OnceCell<Option<&'static str>>> = vec![OnceCell::new(); tree.elements.len()];
    let seed = |e: usize| *seeds[e].get_or_init(|| seed_kind(&tree, e));
    let mut marks: Vec<(usize, &str)> = Vec::new();
    let marked = |marks: &[(usize, &str)], e: usize| marks.iter().any(|&(m, _)| tree.within(e, m));
    for e in 0..tree.elements.len() {
        // A start tag cut short (only in HTML the sanitizer did not write) takes no mark.
        let whole = html[..tree.elements[e].open.1].ends_with('>');
        if !whole || marked(&marks, e) || tree.attr(e, ATTRIBUTE).is_some() {
            continue;
        }
        let name = tree.elements[e].name;
        if name == "img" {
            if is_tracking_pixel(&tree, e) {
                marks.push((e, "tracking-pixel"));
            }
            continue;
        }
        let Some(kind) = seed(e) else {
            continue;
        };
        // The innermost element that says it: a child saying the same is the seed. A poll
        // is named by its outermost box (its title's box is often named alike).
        if kind != "poll"
            && tree.elements[e]
                .children
                .iter()
                .any(|&c| seed(c) == Some(kind))
        {
            continue;
        }
        // A label of a list of links: "related" counts only with its list, a share
        // label ("分享到:") takes its list of links along.
        let list = matches!(kind, "related" | "share")
            .then(|| next_link_list(&tree, e))
            .flatten();
        if kind == "related" {
            if let Some(list) = list {
                marks.push((e, kind));
                marks.push((list, kind));
            }
            continue;
        }
        if CONTENT.contains(&name) && !matches!(name, "p" | "ul" | "ol") {
            continue;
        }
        marks.push((grow(&tree, e, kind), kind));
        if let Some(list) = list {
            marks.push((list, kind));
        }
        if kind == "app-promo" {
            if let Some(qr) = lone_image_beside(&tree, marks.last().map_or(e, |m| m.0)) {
                marks.push((qr, kind));
            }
        }
    }
    if marks.is_empty() {
        return html.to_string();
    }
    // Outer marks first; a mark inside another (a block grown over an earlier one) goes.
    marks.sort_by_key(|&(e, _)| tree.elements[e].open.1);
    marks.dedup_by_key(|m| m.0);
    let mut kept: Vec<(usize, &str)> = Vec::with_capacity(marks.len());
    for (e, kind) in marks {
        if !kept.iter().any(|&(k, _)| tree.within(e, k)) {
            kept.push((e, kind));
        }
    }
    let marks = kept;
    let mut out = String::with_capacity(html.len() + marks.len() * 32);
    let mut pos = 0;
    for (e, kind) in marks {
        let mut end = tree.elements[e].open.1 - 1;
        // Before the attributes the sanitizer adds to every image, which it writes last:
        // so that sanitizing the output again gives it back unchanged.
        if html[..end].ends_with(IMAGE_ATTRIBUTES) {
            end -= IMAGE_ATTRIBUTES.len();
        }
        out.push_str(&html[pos..end]);
        out.push_str(&format!(" {ATTRIBUTE}=\"{kind}\""));
        pos = end;
    }
    out.push_str(&html[pos..]);
    out
}

/// What a block's whole text says it is, if boilerplate.
fn seed_kind(tree: &Tree<'_>, e: usize) -> Option<&'static str> {
    let name = tree.elements[e].name;
    if matches!(name, "img" | "br" | "hr" | "table" | "figure" | "pre") {
        return None;
    }
    // Four bytes a character at most, and a run's entities: a generous bound.
    let text = tree.short_text(e, PROMPT * 8)?;
    let n = chars(&text);
    if n == 0 || n > PROMPT {
        return None;
    }
    let lower = text.to_lowercase();
    if n <= SHORT {
        if is_share_widget(tree, e) {
            return Some("share");
        }
        if is_poll(tree, e) {
            return Some("poll");
        }
        if is_app_promo(&lower) {
            return Some("app-promo");
        }
        if has(&lower, "视频加载中") {
            return Some("video-player");
        }
        if is_share_bar(&lower) {
            return Some("share");
        }
        if is_comments_link(&lower) {
            return Some("comments");
        }
        if RELATED.contains(&lower.trim_end_matches([':', '：']).trim()) {
            return Some("related");
        }
        if PAGE_LABELS.contains(&lower.as_str()) {
            return Some("page-label");
        }
        if is_breadcrumb(tree, e, &text) {
            return Some("breadcrumb");
        }
    }
    SUBSCRIBE
        .iter()
        .any(|p| has(&lower, p))
        .then_some("subscribe")
}

/// An app or QR-code promo: an app or a code to scan, and a call to get it.
fn is_app_promo(lower: &str) -> bool {
    const THING: [&str; 6] = ["app", "客户端", "二维码", "扫码", "扫一扫", "公众号"];
    const CALL: [&str; 10] = [
        "尽在", "下载", "扫", "关注", "打开", "长按", "download", "get the", "install", "open in",
    ];
    THING.iter().any(|t| has(lower, t)) && CALL.iter().any(|c| has(lower, c))
}

/// Words of a share bar: every word of the block is one of them.
const SHARE_WORDS: [&str; 33] = [
    "share",
    "this",
    "page",
    "article",
    "story",
    "tweet",
    "email",
    "e-mail",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "pinterest",
    "reddit",
    "print",
    "copy",
    "link",
    "分享",
    "分享到",
    "我要分享",
    "微博",
    "微信",
    "qq空间",
    "朋友圈",
    "领英分享",
    "腾讯微博",
    "新浪微博",
    "qq好友",
    "微信好友",
    "豆瓣",
    "复制链接",
    "转播",
    "转播到腾讯微博",
];

/// Whether the element's `id` holds one of `names` (lowercase), as widgets are named.
fn id_names(tree: &Tree<'_>, e: usize, names: &[&str]) -> bool {
    tree.attr(e, "id").is_some_and(|id| {
        let id = id.to_ascii_lowercase();
        names.iter().any(|n| id.contains(n))
    })
}

/// A share widget by its name: an `id` that says share or social ("herramientas-sociales",
/// "bdshare"), holding no paragraph, heading, list, table or the like; what text is left in
/// it is a count or a label ("0").
fn is_share_widget(tree: &Tree<'_>, e: usize) -> bool {
    const NAMES: [&str; 4] = ["share", "social", "compartir", "partage"];
    id_names(tree, e, &NAMES)
        && tree
            .descendants(e)
            .iter()
            .all(|&d| !CONTENT.contains(&tree.elements[d].name))
}

/// A poll or a box of reactions named so by its `id` ("vote", "poll", "survey", "mood"):
/// options of a word and a count each, and no heading, table, figure or quote.
fn is_poll(tree: &Tree<'_>, e: usize) -> bool {
    const NAMES: [&str; 5] = ["poll", "vote", "survey", "mood", "reaction"];
    const OPTION: usize = 16;
    id_names(tree, e, &NAMES)
        && tree.descendants(e).iter().all(|&d| {
            let name = tree.elements[d].name;
            match name {
                "ul" | "ol" => true,
                "p" | "li" => chars(&tree.text(d)) <= OPTION,
                _ => !CONTENT.contains(&name),
            }
        })
}

fn is_share_bar(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | '：' | '|' | '/' | ',' | '，'))
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words
            .iter()
            .any(|w| has(w, "share") || has(w, "分享") || has(w, "转播"))
        && words.iter().all(|w| SHARE_WORDS.contains(w))
}

/// What a link or label to the page's comments says, once its count, brackets and
/// spaces are left out ("我要评论(0)", "Leave a reply"). The comments themselves never
/// came with the page: a script fetched them.
const COMMENTS: [&str; 16] = [
    "我要评论",
    "发表评论",
    "更多评论",
    "查看评论",
    "查看全部评论",
    "网友评论",
    "参与评论",
    "已有条评论",
    "评论区",
    "我来说两句",
    "leaveacomment",
    "leaveareply",
    "addacomment",
    "postacomment",
    "viewcomments",
    "showcomments",
];

/// The same, only with a count ("12 Comments", "评论(3)"): without one, "评论" is a news
/// site's opinion section and "Comments" a feed.
const COUNTED_COMMENTS: [&str; 4] = ["评论", "条评论", "comment", "comments"];

fn is_comments_link(lower: &str) -> bool {
    let bare: String = lower
        .chars()
        .filter(|c| {
            !c.is_ascii_digit()
                && !c.is_whitespace()
                && !matches!(
                    c,
                    '(' | ')' | '（' | '）' | '[' | ']' | '【' | '】' | ':' | '：'
                )
        })
        .collect();
    COMMENTS.contains(&bare.as_str())
        || (lower.contains(|c: char| c.is_ascii_digit())
            && COUNTED_COMMENTS.contains(&bare.as_str()))
}

/// Labels of a "related articles" list (the whole text of the label, lowercased).
const RELATED: [&str; 14] = [
    "related",
    "related articles",
    "related stories",
    "related content",
    "more on this story",
    "read more",
    "相关阅读",
    "相关新闻",
    "相关文章",
    "相关链接",
    "推荐阅读",
    "延伸阅读",
    "热门推荐",
    "猜你喜欢",
];

/// Whole-text labels of page furniture left inside an article.
const PAGE_LABELS: [&str; 12] = [
    "continue reading the main story",
    "advertisement",
    "advertising",
    "skip advertisement",
    "广告",
    "继续阅读",
    // The stand-in a script would have replaced with a widget.
    "loading...",
    "loading…",
    "正在加载...",
    "正在加载…",
    "加载中...",
    "加载中…",
];

/// A breadcrumb trail left above a story: three or more short crumbs parted by `>`, `›`,
/// `»`, `＞` or `→`, the first a link and another one too ("首页 > 科技频道 > 探索者 >
/// 正文"); "Go to Settings > Privacy > Cookies" in a how-to starts with text, and stays.
fn is_breadcrumb(tree: &Tree<'_>, e: usize, text: &str) -> bool {
    const CRUMB: usize = 16;
    let crumbs: Vec<&str> = text
        .split(['>', '›', '»', '＞', '→'])
        .map(str::trim)
        .collect();
    if crumbs.len() < 3 || crumbs.iter().any(|c| c.is_empty() || chars(c) > CRUMB) {
        return false;
    }
    let links: Vec<String> = tree
        .descendants(e)
        .into_iter()
        .filter(|&d| tree.elements[d].name == "a")
        .map(|d| tree.text(d))
        .collect();
    let linked = |crumb: &str| links.iter().any(|l| l == crumb);
    linked(crumbs[0]) && crumbs[1..].iter().any(|c| linked(c))
}

/// Phrases of a subscription prompt.
const SUBSCRIBE: [&str; 8] = [
    "subscribe to our",
    "subscribe now",
    "sign up for our",
    "sign up for the",
    "newsletter sign",
    "点击订阅",
    "欢迎订阅",
    "订阅我们",
];

/// An image of at most 2×2 pixels (as its attributes say).
fn is_tracking_pixel(tree: &Tree<'_>, e: usize) -> bool {
    let px = |a: &str| {
        tree.attr(e, a)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
    };
    matches!((px("width"), px("height")), (Some(w), Some(h)) if w <= 2 && h <= 2)
}

/// The wrapper a marked block grows to: while the parent adds nothing of its own
/// (text outside links, article structure, images other than inside links and,
/// for a promo, its one QR image).
fn grow(tree: &Tree<'_>, seed: usize, kind: &str) -> usize {
    let mut cur = seed;
    while let Some(parent) = tree.elements[cur].parent {
        if CONTENT.contains(&tree.elements[parent].name) {
            break;
        }
        if !adds_nothing(tree, parent, cur, kind) {
            break;
        }
        cur = parent;
    }
    cur
}

fn adds_nothing(tree: &Tree<'_>, parent: usize, inner: usize, kind: &str) -> bool {
    let mut images = 0;
    for d in tree.descendants(parent) {
        if tree.within(d, inner) {
            continue;
        }
        let el = &tree.elements[d];
        let in_link = tree.elements[d].parent.is_some_and(|p| {
            let mut a = Some(p);
            while let Some(x) = a {
                if x == parent {
                    return false;
                }
                if tree.elements[x].name == "a" {
                    return true;
                }
                a = tree.elements[x].parent;
            }
            false
        });
        if CONTENT.contains(&el.name) && chars(&tree.text(d)) > 0 {
            return false;
        }
        if el.name == "img" && !in_link {
            images += 1;
        }
    }
    let allowed_images = usize::from(kind == "app-promo");
    if images > allowed_images {
        return false;
    }
    // Text of the parent outside `inner` and outside links.
    chars(&own_text(tree, parent, Some(inner))) <= 2
}

/// The text of `e` that is neither inside `skip` nor inside a link.
fn own_text(tree: &Tree<'_>, e: usize, skip: Option<usize>) -> String {
    let el = &tree.elements[e];
    let mut out = String::new();
    let mut excluded: Vec<(usize, usize)> = skip
        .map(|k| (tree.elements[k].open.0, tree.elements[k].inner_end))
        .into_iter()
        .collect();
    for d in tree.descendants(e) {
        if tree.elements[d].name == "a" {
            excluded.push((tree.elements[d].open.0, tree.elements[d].inner_end));
        }
    }
    for &(s, t) in &tree.texts {
        if s < el.open.1 || s >= el.inner_end {
            continue;
        }
        if excluded.iter().any(|&(a, b)| s >= a && t <= b) {
            continue;
        }
        out.push_str(&decode_entities(&tree.html[s..t]));
    }
    out
}

/// A lone image block (no text) right before or after a promo: its QR code.
fn lone_image_beside(tree: &Tree<'_>, promo: usize) -> Option<usize> {
    let (siblings, at) = tree.siblings(promo);
    let near = [at.checked_sub(1), Some(at + 1)];
    near.into_iter()
        .flatten()
        .filter_map(|i| siblings.get(i).copied())
        .find(|&s| {
            let images = std::iter::once(s)
                .chain(tree.descendants(s))
                .filter(|&d| tree.elements[d].name == "img")
                .count();
            images == 1
                && chars(&tree.text(s)) == 0
                && !matches!(tree.elements[s].name, "figure" | "table")
        })
}

/// The list of links right after a "related" label: the next sibling element, when
/// all of its text is inside links.
fn next_link_list(tree: &Tree<'_>, label: usize) -> Option<usize> {
    let (siblings, at) = tree.siblings(label);
    let next = *siblings.get(at + 1)?;
    let links = tree
        .descendants(next)
        .into_iter()
        .filter(|&d| tree.elements[d].name == "a")
        .count();
    let text = chars(&tree.text(next));
    let own = chars(&own_text(tree, next, None));
    (links > 0 && text > 0 && own == 0 && !matches!(tree.elements[next].name, "p" | "table"))
        .then_some(next)
}

/// What reader mode found in a body: for the Article.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Reader {
    /// The hidden blocks by kind ([`hidden`]).
    pub hidden: Vec<Hidden>,
    /// The `src` of every image inside a hidden app or QR promo (a video player's
    /// poster is the video's picture, and not counted): never the cover.
    pub promo_images: Vec<String>,
}

/// Reader mode over the safe body: an HTML one (sanitized) has its boilerplate
/// marked when `mark` says (HTML bodies; Markdown is left alone), and any marks
/// counted (an author may write them too). What the safe Markdown writer wrote has none.
pub(crate) fn reader_mode(safe: Safe, mark_it: bool) -> (Safe, Reader) {
    let Safe::Html(html) = safe else {
        return (safe, Reader::default());
    };
    // Only the `html` tier reads HTML bodies: a lighter one leaves marking out whole.
    let html = if mark_it && cfg!(feature = "html") {
        mark(&html)
    } else {
        html
    };
    if !has_hidden(&html) {
        return (Safe::Html(html), Reader::default());
    }
    let reader = Reader {
        hidden: hidden(&html),
        promo_images: inside_hidden(&html, |kind, name| kind == "app-promo" && name == "img")
            .into_iter()
            .filter_map(|(tree_src, _)| tree_src)
            .collect(),
    };
    (Safe::Html(html), reader)
}

/// Whether reader mode (or the author) marked any of this HTML hidden.
pub(crate) fn has_hidden(html: &str) -> bool {
    // Only raw HTML (the `html` tier) can carry the mark: a lighter tier leaves out the
    // code that reads it.
    cfg!(feature = "html") && html.contains(ATTRIBUTE)
}

/// The `id` of every heading inside a hidden block: not in the table of contents.
pub(crate) fn hidden_heading_ids(html: &str) -> Vec<String> {
    if !has_hidden(html) {
        return Vec::new();
    }
    inside_hidden(html, |_, name| {
        name.len() == 2 && name.starts_with('h') && name.as_bytes()[1].is_ascii_digit()
    })
    .into_iter()
    .filter_map(|(_, id)| id)
    .collect()
}

/// The `(src, id)` of every element inside a hidden block that `wanted(kind, name)`
/// picks, decoded.
fn inside_hidden(
    html: &str,
    wanted: impl Fn(&str, &str) -> bool,
) -> Vec<(Option<String>, Option<String>)> {
    let tree = Tree::parse(html);
    let marked: Vec<(usize, &str)> = (0..tree.elements.len())
        .filter_map(|e| tree.attr(e, ATTRIBUTE).map(|k| (e, k)))
        .collect();
    let value = |e: usize, a: &str| tree.attr(e, a).map(|v| decode_entities(v).into_owned());
    (0..tree.elements.len())
        .filter(|&e| {
            marked
                .iter()
                .any(|&(m, kind)| tree.within(e, m) && wanted(kind, tree.elements[e].name))
        })
        .map(|e| (value(e, "src"), value(e, "id")))
        .collect()
}

/// How many blocks of each kind a body marks hidden, in [`KINDS`]' order.
pub(crate) fn hidden(html: &str) -> Vec<Hidden> {
    let mut counts = [0usize; KINDS.len()];
    for (s, t) in tag_spans(html) {
        if let Some(kind) = attr_value(&html[s..t], ATTRIBUTE) {
            if let Some(i) = KINDS.iter().position(|k| *k == kind) {
                counts[i] += 1;
            }
        }
    }
    KINDS
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(kind, count)| Hidden {
            kind: (*kind).to_string(),
            count,
        })
        .collect()
}

/// Where each outermost hidden block stands in the body, in order.
pub(crate) fn hidden_spans(html: &str) -> Vec<Range<usize>> {
    if !has_hidden(html) {
        return Vec::new();
    }
    let tree = Tree::parse(html);
    let mut spans: Vec<Range<usize>> = Vec::new();
    for (e, el) in tree.elements.iter().enumerate() {
        if spans.last().is_some_and(|s| el.open.0 < s.end) || tree.attr(e, ATTRIBUTE).is_none() {
            continue;
        }
        let close = if VOID.contains(&el.name) {
            el.open.1
        } else {
            html[el.inner_end..]
                .find('>')
                .map_or(html.len(), |g| el.inner_end + g + 1)
        };
        spans.push(el.open.0..close);
    }
    spans
}

/// The body without its hidden blocks: what a reader sees by default.
#[cfg(any(test, feature = "test-hooks"))]
pub(crate) fn without_hidden(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut pos = 0;
    for span in hidden_spans(html) {
        out.push_str(&html[pos..span.start]);
        pos = span.end;
    }
    out.push_str(&html[pos..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SINA_END: &str = "<div><p>　　正文第一段，很长的一段文字。</p>\n<div>\n<div><img src=\"https://n.sinaimg.cn/qr.png\"></div>\n<div>海量资讯、精准解读，尽在新浪财经APP</div>\n</div>\n<p>责任编辑：某人</p></div>";

    #[test]
    fn the_qr_promo_and_its_image_are_one_hidden_block() {
        let out = mark(SINA_END);
        assert!(
            out.contains("<div data-folio-hidden=\"app-promo\">\n<div><img"),
            "{out}"
        );
        assert_eq!(out.matches(ATTRIBUTE).count(), 1, "{out}");
        let seen = without_hidden(&out);
        assert!(!seen.contains("APP") && !seen.contains("qr.png"), "{seen}");
        assert!(
            seen.contains("正文第一段") && seen.contains("责任编辑"),
            "{seen}"
        );
        assert_eq!(
            hidden(&out),
            [Hidden {
                kind: "app-promo".into(),
                count: 1
            }]
        );
    }

    #[test]
    fn a_paragraph_that_mentions_an_app_stays() {
        let long = "<p>目前，数字人民币App支持滴滴出行、美团骑车、京东等多个子钱包的应用，下载后即可使用，用户反响热烈，试点城市不断增加，覆盖的场景也越来越多。</p>";
        assert_eq!(mark(long), long);
        // Short, but an article paragraph with text beside the phrase keeps its wrapper.
        let html = "<div><span>Read this first.</span><div>Download the app</div></div>";
        let out = mark(html);
        assert_eq!(
            out,
            "<div><span>Read this first.</span><div data-folio-hidden=\"app-promo\">Download the app</div></div>"
        );
    }

    #[test]
    fn the_video_player_grows_over_its_links_but_not_into_the_article() {
        let html = "<div><div><div><div>视频加载中，请稍候...</div><span> </span></div><div><a title=\"t\"><img src=\"v.jpg\"><i>play</i><span>标题</span></a><a>向前</a><a>向后</a></div></div><p>　　正文。</p></div>";
        let out = mark(html);
        assert!(
            out.starts_with("<div><div data-folio-hidden=\"video-player\"><div><div>视频"),
            "{out}"
        );
        assert!(without_hidden(&out).contains("正文"));
        assert!(!without_hidden(&out).contains("向前"));
    }

    #[test]
    fn a_marked_image_is_a_fixed_point_of_the_sanitizer() {
        let sanitizer = crate::sanitize::Sanitizer::new(None);
        let Safe::Html(clean) = crate::sanitize::body(
            crate::sanitize::Content::Raw(
                "<p>Text.</p><img src=\"t.gif\" width=\"1\" height=\"1\">".into(),
            ),
            &sanitizer,
        ) else {
            panic!("raw HTML comes back as HTML");
        };
        let out = mark(&clean);
        assert!(
            out.contains("data-folio-hidden=\"tracking-pixel\" referrerpolicy"),
            "{out}"
        );
        let Safe::Html(again) = crate::sanitize::body(
            crate::sanitize::Content::Raw(out.as_str().into()),
            &sanitizer,
        ) else {
            panic!("raw HTML comes back as HTML");
        };
        assert_eq!(again, out);
    }

    #[test]
    fn a_share_label_takes_its_list_of_services_along() {
        // Tencent's pages: "我要分享" over a list of where to share to.
        let html = "<p>我要分享</p><ul><li><a href=\"a\">腾讯微博</a></li><li><a href=\"b\">微信好友</a></li></ul><p>A paragraph of the story that stays where it is.</p>";
        let out = mark(html);
        assert_eq!(
            hidden(&out),
            [Hidden {
                kind: "share".into(),
                count: 2
            }],
            "{out}"
        );
        assert!(!out.contains("hidden=\"share\">A paragraph"), "{out}");
        // Its "rebroadcast" button laid over a picture goes; the picture stays.
        let picture =
            "<div><div><span>转播到腾讯微博</span></div><img alt=\"x\" src=\"p.jpg\"></div>";
        let out = mark(picture);
        assert_eq!(
            out,
            picture.replace("<div><span>", "<div data-folio-hidden=\"share\"><span>"),
            "{out}"
        );
    }

    #[test]
    fn share_bars_labels_related_lists_and_pixels() {
        let html = "<div>分享到:</div><ul><li><a>微博</a></li></ul><p>Share This Page</p><h2>推荐阅读</h2><ul><li><a href=\"a\">一</a></li><li><a href=\"b\">二</a></li></ul><p>Continue reading the main story</p><img src=\"t.gif\" width=\"1\" height=\"1\"><p>Text about sharing this page with friends at length.</p>";
        let out = mark(html);
        for kind in ["share", "related", "page-label", "tracking-pixel"] {
            assert!(out.contains(&format!("=\"{kind}\"")), "{kind}: {out}");
        }
        assert_eq!(
            hidden(&out),
            [
                Hidden {
                    kind: "share".into(),
                    count: 3
                },
                Hidden {
                    kind: "related".into(),
                    count: 2
                },
                Hidden {
                    kind: "page-label".into(),
                    count: 1
                },
                Hidden {
                    kind: "tracking-pixel".into(),
                    count: 1
                },
            ]
        );
        assert_eq!(
            without_hidden(&out),
            "<p>Text about sharing this page with friends at length.</p>"
        );
        let prompt = "<p>Long article text that goes on for a while about many things.</p><div><p>Sign up for our newsletter and get the best stories every morning.</p></div>";
        assert_eq!(
            mark(prompt),
            prompt.replace("<div>", "<div data-folio-hidden=\"subscribe\">")
        );
        // A widget's stand-in (QQ's "正在加载..."), not a sentence that says it loads.
        let loading =
            "<div>正在加载...</div><p>The page is loading... slowly, said the engineer.</p>";
        assert_eq!(
            mark(loading),
            loading.replace("<div>", "<div data-folio-hidden=\"page-label\">")
        );
        // A share widget named so, its count left over; an article block named so stays.
        let widget = "<div id=\"user-content-herramientas-sociales\"><a></a><a href=\"#t\"></a><span><span>0</span></span></div><div id=\"user-content-social-history\"><p>Social history of the town.</p></div>";
        assert_eq!(
            mark(widget),
            widget.replacen(
                "<div id=\"user-content-herramientas-sociales\">",
                "<div id=\"user-content-herramientas-sociales\" data-folio-hidden=\"share\">",
                1
            )
        );
        // A mood poll: its box, options and all, not its title's box alone.
        let poll = "<div><a></a><div id=\"user-content-mood\"><div id=\"user-content-mood_title\"><div>您此时的心情</div></div><ul><li><p>1</p><a><p>开心</p></a></li><li><p>0</p><a><p>板砖</p></a></li></ul></div></div><p>正文第一段，很长的一段文字。</p>";
        let out = mark(poll);
        assert_eq!(
            without_hidden(&out),
            "<p>正文第一段，很长的一段文字。</p>",
            "{out}"
        );
        assert_eq!(
            hidden(&out),
            [Hidden {
                kind: "poll".into(),
                count: 1
            }]
        );
        // A box named so that holds a paragraph of text is no poll.
        let essay =
            "<div id=\"user-content-vote-essay\"><p>Why every vote counts, at length.</p></div>";
        assert_eq!(mark(essay), essay);
        // A link to the comments a script would have fetched, not a sentence about them.
        let comments = "<div><div><a href=\"#\">我要评论(<em>0</em>)</a></div></div><div><a href=\"#c\">12 Comments</a></div><nav><a href=\"/opinion\">评论</a></nav><p>Readers left 12 comments on the first day.</p>";
        let out = mark(comments);
        assert_eq!(
            hidden(&out),
            [Hidden {
                kind: "comments".into(),
                count: 2
            }],
            "{out}"
        );
        assert_eq!(
            without_hidden(&out),
            "<nav><a href=\"/opinion\">评论</a></nav><p>Readers left 12 comments on the first day.</p>",
            "a section named 评论 (opinion), with no count, stays"
        );
        // A "related" heading with no list of links after it is a heading.
        let alone = "<h2>Related</h2><p>Prose about related work.</p>";
        assert_eq!(mark(alone), alone);
    }

    #[test]
    fn a_breadcrumb_trail_is_hidden_but_not_a_comparison() {
        // Guangming's, above its story's heading.
        let trail = "<div><div id=\"crumbs\"><a href=\"/\"><img src=\"logo.gif\"></a><a href=\"/\">首页</a>\n &gt; <a href=\"../\">科技频道</a> &gt; <a href=\"n.htm\">探索者</a> &gt; 正文</div><h1>标题</h1><p>正文第一段，足够长的一段文字。</p></div>";
        assert_eq!(
            mark(trail),
            trail.replace(
                "<div id=\"crumbs\">",
                "<div id=\"crumbs\" data-folio-hidden=\"breadcrumb\">"
            )
        );
        let english = "<p><a href=\"/\">Home</a> › <a href=\"/news\">News</a> › World</p>";
        assert!(mark(english).contains("data-folio-hidden=\"breadcrumb\""));
        for kept in [
            // One link, or crumbs too long to be crumbs, or fewer than three.
            "<p><a href=\"/\">a</a> &gt; b &gt; c</p>",
            "<p><a href=\"a\">x</a> &gt; <a href=\"b\">the second value is larger than the third one</a> &gt; z</p>",
            "<p><a href=\"a\">x</a> &gt; <a href=\"b\">y</a></p>",
            "<p><a href=\"a\">x</a> &gt;&gt; <a href=\"b\">y</a> &gt; z</p>",
            // A path through a program's menus, in a sentence.
            "<p>Go to <a href=\"s\">Settings</a> &gt; <a href=\"p\">Privacy</a> &gt; Cookies</p>",
        ] {
            assert_eq!(mark(kept), kept);
        }
    }

    #[test]
    fn what_hidden_blocks_hold_is_named() {
        let html = "<h2 id=\"a\">Kept</h2><div data-folio-hidden=\"app-promo\"><img src=\"q.png?a=1&amp;b\"><h3 id=\"b\">x</h3></div><div data-folio-hidden=\"video-player\"><img src=\"v.jpg\"></div>";
        let (_, reader) = reader_mode(Safe::Html(html.into()), false);
        assert_eq!(reader.promo_images, ["q.png?a=1&b"]);
        assert_eq!(reader.hidden.len(), 2);
        assert_eq!(hidden_heading_ids(html), ["b"]);
        let (safe, reader) = reader_mode(Safe::Html(SINA_END.into()), false);
        assert_eq!(
            (safe, reader),
            (Safe::Html(SINA_END.into()), Reader::default())
        );
    }

    #[test]
    fn an_authors_marker_is_kept_and_counted_and_broken_html_does_not_panic() {
        let html = "<div data-folio-hidden=\"share\">x</div>";
        assert_eq!(mark(html), html);
        assert_eq!(hidden(html).len(), 1);
        for s in [
            "<div",
            "</p></div><a>",
            "<img width=\"1\"",
            "<p>分享",
            "<p>分享</p><img width=\"1\" height=\"1\" alt=\"图",
        ] {
            let _ = without_hidden(&mark(s));
        }
    }
}
