//! Block tags paired with their closers (a bounded stack), and the token stream
//! written back as text: each block around what it holds, by its dialect.

use super::args::named_args;
use super::token::{Family, Kind, Token};
use super::{hugo, liquid, notes, zola};

/// Deepest nesting of block tags rendered as blocks; deeper ones lose their wrapper.
const MAX_DEPTH: usize = 16;
/// How many open tags a closer looks through for its opener.
const MAX_STACK_SEARCH: usize = 64;

/// Pairs openers with closers: `pairs[i] = Some(j)` when token `j` closes `i`.
pub(super) fn pair(tokens: &[Token]) -> Vec<Option<usize>> {
    let mut pairs = vec![None; tokens.len()];
    let mut stack: Vec<usize> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        match &t.kind {
            Kind::Open { family, name, args } => {
                let inline = match family {
                    Family::Liquid => liquid::is_inline(name),
                    Family::Hugo => hugo::is_inline(name, args),
                    Family::Zola => false,
                };
                if !inline {
                    stack.push(i);
                }
            }
            Kind::Close { family, name } => {
                let found =
                    stack.iter().rev().take(MAX_STACK_SEARCH).position(|&o| {
                        match &tokens[o].kind {
                            Kind::Open {
                                family: f, name: n, ..
                            } => f == family && (*family == Family::Zola || n == name),
                            _ => false,
                        }
                    });
                if let Some(k) = found {
                    let at = stack.len() - 1 - k;
                    pairs[stack[at]] = Some(i);
                    stack.truncate(at);
                }
            }
            Kind::Text(_) => {}
        }
    }
    pairs
}

/// Writes tokens `lo..hi` and the text between them (`from..to` in `src`): each
/// paired block around what it holds, written first.
#[allow(clippy::too_many_arguments)]
pub(super) fn write(
    src: &str,
    tokens: &[Token],
    pairs: &[Option<usize>],
    lo: usize,
    hi: usize,
    from: usize,
    to: usize,
    depth: usize,
    out: &mut String,
) {
    let mut pos = from;
    let mut i = lo;
    while i < hi {
        let t = &tokens[i];
        out.push_str(&src[pos..t.start]);
        pos = t.end;
        match &t.kind {
            Kind::Text(s) => out.push_str(s),
            Kind::Close { .. } => {}
            Kind::Open { family, name, args } => match pairs[i] {
                Some(j) if depth < MAX_DEPTH && j < hi => {
                    let mut inner = String::new();
                    write(
                        src,
                        tokens,
                        pairs,
                        i + 1,
                        j,
                        t.end,
                        tokens[j].start,
                        depth + 1,
                        &mut inner,
                    );
                    out.push_str(&block(*family, name, args, &inner, t.indent.as_deref()));
                    pos = tokens[j].end;
                    i = j;
                }
                _ => out.push_str(&inline(*family, name, args)),
            },
        }
        i += 1;
    }
    out.push_str(&src[pos..to]);
}

/// A paired block tag: the dialect's own, else one every dialect shares, else
/// just what it holds.
fn block(family: Family, name: &str, args: &str, inner: &str, indent: Option<&str>) -> String {
    let own = match family {
        Family::Liquid => liquid::block(name, args, inner, indent),
        Family::Hugo => hugo::block(name, inner, indent),
        Family::Zola => zola::block(name, args, inner, indent),
    };
    own.or_else(|| {
        let args = match family {
            Family::Zola => named_args(zola::call_args(args)),
            _ => named_args(args),
        };
        notes::block(name, &args, inner, indent)
    })
    .unwrap_or_else(|| inner.to_string())
}

/// An unpaired tag or shortcode.
fn inline(family: Family, name: &str, args: &str) -> String {
    match family {
        Family::Liquid => liquid::inline(name, args),
        Family::Hugo => hugo::inline(name, args),
        Family::Zola => String::new(),
    }
}
