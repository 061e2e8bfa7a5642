//! Site syntax: what static-site generators add to Markdown, rendered as what it
//! means before pulldown-cmark sees the text: Hexo tag plugins and Jekyll/Liquid tags
//! (`{% … %}`, `{{ … }}`), Hugo shortcodes (`{{< … >}}`, `{{% … %}}`), Zola/Tera
//! shortcodes (`{{ name(…) }}`, `{% name(…) %}…{% end %}`) and kramdown attribute
//! lists (`{: .note}`). Obsidian's wiki links are pulldown-cmark's own (its
//! `ENABLE_WIKILINKS`), read with the rest of the Markdown.
//!
//! # How
//! The caller says where code blocks and code spans are (Markdown's to know),
//! and they are left alone (except Hugo's escaped `{{</* x */>}}`, which Hugo
//! itself shows as `{{< x >}}` everywhere). The [`scanner`] then cuts the rest
//! into tokens, each dialect reading its own syntax ([`liquid`], [`hugo`],
//! [`zola`], [`obsidian`], [`kramdown`]); tags whose content is literal (`raw`,
//! `codeblock`, `highlight`, `comment` …) are taken whole at scan time, other
//! block tags are paired with their closers by a bounded stack ([`pairing`]), and
//! everything is written back as Markdown or HTML ([`mod@write`], [`notes`]), which
//! stays unsafe until [`crate::sanitize`].
//!
//! # Choices
//! * Videos, frames, fiddles, gists and tweets become a plain link, never a frame.
//! * `{% include %}` and Liquid outputs `{{ page.x }}` are removed quietly;
//!   unknown inline tags and shortcodes are removed and unknown block tags keep
//!   their content, both noted ([`UnknownTag`]) so the reader learns of them.
//! * Notes and admonitions become callouts in Obsidian's markup (as `> [!type]`
//!   does), collapsible ones a `<details>` callout.
//! * Relative paths (`asset_img`, `post_link`, `ref` …) stay relative, so a base
//!   URL resolves them.
//!
//! Every search is bounded and every position is visited a bounded number of
//! times, so malformed or unclosed tags cost linear time and never panic.

mod args;
mod hugo;
mod kramdown;
mod liquid;
mod notes;
mod pairing;
mod scanner;
#[cfg(test)]
mod tests;
mod token;
mod write;
mod zola;

use std::borrow::Cow;

/// A tag or shortcode Folio does not know: left out (what a block of it holds is
/// kept), and noted for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UnknownTag {
    /// Its name as written, lowercased.
    pub name: String,
    /// Its dialect: `liquid` (Hexo, Jekyll), `hugo` or `zola`.
    pub dialect: &'static str,
    /// Where it starts in the body, in bytes.
    pub at: usize,
}

/// A body with its site syntax expanded, and the tags in it Folio does not know.
#[derive(Debug)]
pub(crate) struct Expanded<'a> {
    pub text: Cow<'a, str>,
    /// In the order they appear.
    pub unknown: Vec<UnknownTag>,
}

/// Rewrites site syntax in a Markdown body (see the module docs); `code_ranges`
/// gives the byte ranges of its code blocks and spans, sorted and disjoint. Text
/// with none of the syntax's openers comes back borrowed, unscanned.
pub(crate) fn expand(src: &str, code_ranges: fn(&str) -> Vec<(usize, usize)>) -> Expanded<'_> {
    if crate::text::which_occur(src, &["{%", "{{", "{:", "&#123;%"]) == 0 {
        return Expanded {
            text: Cow::Borrowed(src),
            unknown: Vec::new(),
        };
    }
    let protected = code_ranges(src);
    let tokens = scanner::Scanner::new(src, &protected).scan();
    let pairs = pairing::pair(&tokens);
    let mut out = String::with_capacity(src.len() + src.len() / 8);
    let mut unknown = Vec::new();
    pairing::write(
        src,
        &tokens,
        &pairs,
        0,
        tokens.len(),
        0,
        src.len(),
        0,
        &mut out,
        &mut unknown,
    );
    // A block's own tag is noted after what it holds: back into reading order.
    unknown.sort_by_key(|u| u.at);
    Expanded {
        text: Cow::Owned(out),
        unknown,
    }
}
