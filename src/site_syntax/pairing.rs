//! Block tags paired with their closers (a bounded stack), and the token stream
//! written back as text: each block around what it holds, by its dialect.

use super::args::named_args;
use super::token::{Family, Kind, Token};
use super::{hugo, liquid, notes, zola, UnknownTag};

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
            Kind::Text(_) | Kind::Unknown { .. } => {}
        }
    }
    pairs
}

/// Writes tokens `lo..hi` and the text between them (`from..to` in `src`): each
/// paired block around what it holds, written first. Tags Folio does not know
/// are noted in `unknown`.
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
    unknown: &mut Vec<UnknownTag>,
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
            Kind::Unknown { family, name } => note(unknown, *family, name, t.start),
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
                        unknown,
                    );
                    match block(*family, name, args, &inner, t.indent.as_deref()) {
                        Some(b) => out.push_str(&b),
                        None => {
                            note(unknown, *family, name, t.start);
                            out.push_str(&inner);
                        }
                    }
                    pos = tokens[j].end;
                    i = j;
                }
                _ => match inline(*family, name, args) {
                    Some(s) => out.push_str(&s),
                    None => note(unknown, *family, name, t.start),
                },
            },
        }
        i += 1;
    }
    out.push_str(&src[pos..to]);
}

/// Notes a tag Folio does not know, where it starts.
fn note(unknown: &mut Vec<UnknownTag>, family: Family, name: &str, at: usize) {
    unknown.push(UnknownTag {
        name: name.to_string(),
        dialect: family.as_str(),
        at,
    });
}

/// A paired block tag: the dialect's own, else one every dialect shares; `None`
/// for a block Folio does not know (the caller keeps what it holds).
fn block(
    family: Family,
    name: &str,
    args: &str,
    inner: &str,
    indent: Option<&str>,
) -> Option<String> {
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
}

/// An unpaired tag or shortcode (a block left open writes nothing); `None` for
/// one Folio does not know.
fn inline(family: Family, name: &str, args: &str) -> Option<String> {
    let own = match family {
        Family::Liquid => liquid::inline(name, args),
        Family::Hugo => hugo::inline(name, args),
        Family::Zola => None,
    };
    own.or_else(|| block(family, name, args, "", None).map(|_| String::new()))
}
