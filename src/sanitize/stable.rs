//! Whether one sanitizer pass already gave the tree the HTML parser would build
//! from its own serialization, so that the second pass can be skipped.
//!
//! The question is asked of ammonia's serialized output, which is well formed (every
//! element closed in order, text escaped, attribute values quoted). Replaying its
//! tags against the tree-construction rules of the HTML standard ("in body" and the
//! table modes), the answer is yes when every start tag is simply inserted where it
//! stands and every end tag simply closes the current element. The check is
//! conservative: any tag whose rule could close, move, or reopen an element (a block
//! opened inside a `<p>`, a heading right inside a heading, nested links or list
//! items, text or strays in table structure, an element it does not know) answers
//! no, and the caller runs the second pass. Tests compare one pass + this check
//! against two passes.

use crate::text::tag_spans;

/// Elements whose tree-construction rules the check models: the sanitizer's allowlist
/// (a test keeps the two in step). Written out rather than read from the builder, so
/// that a newly allowed element is refused here until its rules are looked at.
const KNOWN: &[&str] = &[
    "a",
    "abbr",
    "acronym",
    "area",
    "article",
    "aside",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "li",
    "map",
    "mark",
    "nav",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "rtc",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "time",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Start tags whose "in body" rule first closes a `<p>` in button scope.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "section",
    "summary",
    "ul",
    "pre",
    "table",
    "hr",
    "li",
];

/// Elements with no end tag.
const VOID: &[&str] = &["area", "br", "col", "hr", "img", "input", "wbr"];

/// Limits of "button scope" (the standard's scope list plus `button`).
const BUTTON_SCOPE: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "button",
];

/// The standard's "special" elements that the check may meet (those that end the
/// search for an open `<li>`, `<dd>` or `<dt>`).
const SPECIAL: &[&str] = &[
    "address",
    "area",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "img",
    "input",
    "li",
    "nav",
    "ol",
    "p",
    "pre",
    "summary",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
    "section",
    "main",
    "menu",
    "fieldset",
    "tfoot",
    "wbr",
];

/// Elements "generate implied end tags" closes (ruby annotations' rule).
const IMPLIED_END: &[&str] = &[
    "dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt", "rtc",
];

/// Elements whose direct text may only be whitespace (else it is foster-parented).
const TABLE_PARTS: &[&str] = &["table", "thead", "tbody", "tr", "colgroup"];

const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

// What the rules ask of an element, one bit per list above: looked up once per tag,
// where a search through the lists for every tag and every open element took a third of
// the check's time.
const CLOSES_P_BIT: u8 = 1;
const VOID_BIT: u8 = 1 << 1;
const BUTTON_SCOPE_BIT: u8 = 1 << 2;
const SPECIAL_BIT: u8 = 1 << 3;
const IMPLIED_END_BIT: u8 = 1 << 4;
const TABLE_PART_BIT: u8 = 1 << 5;
const HEADING_BIT: u8 = 1 << 6;

/// `a == b`, usable in a constant.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// `list.contains(&name)`, usable in a constant.
const fn listed(list: &[&str], name: &str) -> bool {
    let mut i = 0;
    while i < list.len() {
        if same(list[i], name) {
            return true;
        }
        i += 1;
    }
    false
}

/// The bits of each element of [`KNOWN`], in its order (computed when compiling).
const BITS: [u8; KNOWN.len()] = {
    let lists: [(&[&str], u8); 7] = [
        (CLOSES_P, CLOSES_P_BIT),
        (VOID, VOID_BIT),
        (BUTTON_SCOPE, BUTTON_SCOPE_BIT),
        (SPECIAL, SPECIAL_BIT),
        (IMPLIED_END, IMPLIED_END_BIT),
        (TABLE_PARTS, TABLE_PART_BIT),
        (HEADINGS, HEADING_BIT),
    ];
    let mut bits = [0; KNOWN.len()];
    let mut e = 0;
    while e < KNOWN.len() {
        let mut l = 0;
        while l < lists.len() {
            if listed(lists[l].0, KNOWN[e]) {
                bits[e] |= lists[l].1;
            }
            l += 1;
        }
        e += 1;
    }
    bits
};

/// An open element: its name and its bits. Only elements of [`KNOWN`] are ever open
/// (any other tag answers no at once).
#[derive(Clone, Copy)]
struct Open {
    name: &'static str,
    bits: u8,
}

impl Open {
    fn is(self, bit: u8) -> bool {
        self.bits & bit != 0
    }
}

/// True when the HTML parser, reading `html` in a body context, builds exactly the
/// tree `html` was serialized from (so sanitizing it again would change nothing).
pub(super) fn is_parser_stable(html: &str) -> bool {
    let mut stack: Vec<Open> = Vec::new();
    // The last tag was `<pre>`: the parser drops a newline right after it.
    let mut after_pre = false;
    let mut pos = 0;
    for (start, end) in tag_spans(html) {
        if !text_fits(&html[pos..start], stack.last().copied(), after_pre) {
            return false;
        }
        pos = end;
        let tag = &html[start..end];
        if let Some(close) = tag.strip_prefix("</") {
            let name = close.trim_end_matches('>');
            if stack.pop().map(|open| open.name) != Some(name) {
                return false;
            }
            after_pre = false;
            continue;
        }
        let Some(open) = known(tag) else {
            return false;
        };
        if !start_tag_fits(open, &stack) {
            return false;
        }
        if !open.is(VOID_BIT) {
            stack.push(open);
        }
        after_pre = open.name == "pre";
    }
    text_fits(&html[pos..], stack.last().copied(), after_pre) && stack.is_empty()
}

/// The element a start tag opens, when the check knows it.
fn known(tag: &str) -> Option<Open> {
    let inner = tag.strip_prefix('<')?;
    let end = inner
        .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
        .unwrap_or(inner.len());
    let at = KNOWN.binary_search(&&inner[..end]).ok()?;
    Some(Open {
        name: KNOWN[at],
        bits: BITS[at],
    })
}

/// Text is inserted as it stands: not in table structure (unless whitespace), no
/// character the parser rewrites, no newline the parser drops after `<pre>`.
fn text_fits(text: &str, parent: Option<Open>, after_pre: bool) -> bool {
    if text.is_empty() {
        return true;
    }
    if text.contains(['\0', '\r']) || (after_pre && text.starts_with('\n')) {
        return false;
    }
    match parent {
        Some(parent) if parent.is(TABLE_PART_BIT) => text
            .bytes()
            .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\x0c')),
        _ => true,
    }
}

fn p_in_button_scope(stack: &[Open]) -> bool {
    for open in stack.iter().rev() {
        if open.name == "p" {
            return true;
        }
        if open.is(BUTTON_SCOPE_BIT) {
            return false;
        }
    }
    false
}

/// The `<li>` (or `<dd>`/`<dt>`) rule: an open one of `closes` found before a special
/// element other than `address`, `div` and `p` would be closed.
fn closes_open_item(stack: &[Open], closes: &[&str]) -> bool {
    for open in stack.iter().rev() {
        if closes.contains(&open.name) {
            return true;
        }
        if open.is(SPECIAL_BIT) && !matches!(open.name, "address" | "div" | "p") {
            return false;
        }
    }
    false
}

/// The start tag's rule only inserts the element under the current one.
fn start_tag_fits(open: Open, stack: &[Open]) -> bool {
    let (name, parent) = (open.name, stack.last().copied());
    // Table structure: each part only right inside its container.
    let table_parent = match name {
        "caption" | "colgroup" | "thead" | "tbody" => Some(&["table"][..]),
        "tr" => Some(&["thead", "tbody"][..]),
        "td" | "th" => Some(&["tr"][..]),
        "col" => Some(&["colgroup"][..]),
        _ => None,
    };
    if let Some(allowed) = table_parent {
        return parent.is_some_and(|p| allowed.contains(&p.name));
    }
    // Anything else right inside table structure is foster-parented or closes it.
    if parent.is_some_and(|p| p.is(TABLE_PART_BIT)) {
        return false;
    }
    if (open.is(CLOSES_P_BIT) || open.is(HEADING_BIT) || matches!(name, "dd" | "dt"))
        && p_in_button_scope(stack)
    {
        return false;
    }
    match name {
        _ if open.is(HEADING_BIT) => !parent.is_some_and(|p| p.is(HEADING_BIT)),
        "li" => !closes_open_item(stack, &["li"]),
        "dd" | "dt" => !closes_open_item(stack, &["dd", "dt"]),
        "a" => !stack.iter().any(|o| o.name == "a"),
        "rp" | "rt" => !parent.is_some_and(|p| p.name != "rtc" && p.is(IMPLIED_END_BIT)),
        "rtc" => !parent.is_some_and(|p| p.is(IMPLIED_END_BIT)),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::{is_parser_stable, KNOWN};

    #[test]
    fn every_element_the_sanitizer_allows_is_one_the_check_knows() {
        // An element added to the allowlist later must have its parsing rules
        // modelled here; until then the check says no for every tree holding it.
        for tag in super::super::policy::DEFAULT.clone_tags() {
            assert!(KNOWN.contains(&tag), "<{tag}> is allowed but not modelled");
        }
    }

    #[test]
    fn the_known_elements_are_sorted_for_the_binary_search_and_their_bits_are_the_lists() {
        assert!(KNOWN.windows(2).all(|w| w[0] < w[1]), "KNOWN is not sorted");
        for (at, name) in KNOWN.iter().enumerate() {
            let open = super::known(&format!("<{name} x=\"y\">")).expect("known");
            assert_eq!((open.name, open.bits), (*name, super::BITS[at]));
            for (list, bit) in [
                (super::CLOSES_P, super::CLOSES_P_BIT),
                (super::VOID, super::VOID_BIT),
                (super::BUTTON_SCOPE, super::BUTTON_SCOPE_BIT),
                (super::SPECIAL, super::SPECIAL_BIT),
                (super::IMPLIED_END, super::IMPLIED_END_BIT),
                (super::TABLE_PARTS, super::TABLE_PART_BIT),
                (super::HEADINGS, super::HEADING_BIT),
            ] {
                assert_eq!(open.is(bit), list.contains(name), "{name} {bit}");
            }
        }
        assert!(super::known("<font color=\"red\">").is_none());
    }

    #[test]
    fn trees_the_parser_builds_are_stable() {
        for html in [
            "<p>Text <a href=\"x\">link</a> <em>em <strong>s</strong></em></p>\n<ul><li>a</li></ul>",
            "<table><thead><tr><th>a</th></tr></thead><tbody>\n<tr><td><p>x</p><table><tbody><tr><td>y</td></tr></tbody></table></td></tr>\n</tbody></table>",
            "<div><h2>T</h2><blockquote><p>q</p></blockquote><pre><code>x\n</code></pre></div>",
            "<ol><li><ul><li>nested</li></ul></li></ol><ruby>漢<rt>kan</rt></ruby>",
            "<p>a<br>b<img src=\"x\" alt=\"&lt;p&gt;\"></p><hr>",
        ] {
            assert!(is_parser_stable(html), "{html}");
        }
    }

    #[test]
    fn trees_the_check_does_not_vouch_for() {
        for html in [
            "<p><div>block in p</div></p>",
            "<h2><h3>heading in heading</h3></h2>",
            "<a href=\"x\"><table><tbody><tr><td><a href=\"y\">n</a></td></tr></tbody></table></a>",
            "<a href=\"x\"><span><a href=\"y\">n</a></span></a>",
            "<li><span><li>x</li></span></li>",
            "<table>text</table>",
            "<table><tr><td>x</td></tr></table>",
            "<table><tbody><p>x</p></tbody></table>",
            "<td>x</td>",
            "<pre>\nx</pre>",
            "<p>a\rb</p>",
            "<p><hr></p>",
            "<dl><dt><span><dd>x</dd></span></dt></dl>",
            "<rt><rt>x</rt></rt>",
            "<p>x</p></div>",
            "<unknown>x</unknown>",
        ] {
            assert!(!is_parser_stable(html), "{html}");
        }
    }
}
