//! The shared scanner: cuts a Markdown body into text and tokens, skipping code
//! (where only Hugo's escaped shortcodes are unescaped) and asking each dialect
//! to read what starts at a candidate position. Literal blocks (`raw`,
//! `codeblock`, `highlight` …) are taken whole here. Every search is bounded and
//! a failed one remembered, so unclosed tags cost linear time in all.

use super::token::{line_indent, Family, Kind, Parsed, Token};
use super::{hugo, kramdown, liquid};
use std::collections::HashMap;

/// The scanner over one body; `protected` are its code ranges.
pub(super) struct Scanner<'a> {
    src: &'a str,
    protected: &'a [(usize, usize)],
    tokens: Vec<Token>,
    /// For literal-tag closers that were searched for and not found: from where on
    /// searching again is pointless.
    no_closer_from: HashMap<(Family, String, bool), usize>,
}

impl<'a> Scanner<'a> {
    pub(super) fn new(src: &'a str, protected: &'a [(usize, usize)]) -> Self {
        Scanner {
            src,
            protected,
            tokens: Vec::new(),
            no_closer_from: HashMap::new(),
        }
    }

    fn push_text(&mut self, start: usize, end: usize, text: String) {
        self.tokens.push(Token {
            start,
            end,
            indent: None,
            kind: Kind::Text(text),
        });
    }

    pub(super) fn scan(mut self) -> Vec<Token> {
        let src = self.src;
        let bytes = src.as_bytes();
        let mut pos = 0;
        let mut next_protected = 0;
        while pos < src.len() {
            // Skip code, unescaping Hugo's escaped shortcodes inside it.
            while next_protected < self.protected.len() && self.protected[next_protected].1 <= pos {
                next_protected += 1;
            }
            if let Some(&(ps, pe)) = self.protected.get(next_protected) {
                if ps <= pos {
                    self.unescape_in_code(pos, pe);
                    pos = pe;
                    continue;
                }
            }
            let limit = self
                .protected
                .get(next_protected)
                .map_or(src.len(), |r| r.0);
            let Some(off) = src[pos..limit].find(['{', '&']) else {
                pos = limit;
                continue;
            };
            let at = pos + off;
            pos = match self.token_at(at) {
                Some(end) => end.max(at + 1),
                None => at + 1,
            };
            // Stay on a char boundary: candidates are ASCII, so `at + 1` is one.
            debug_assert!(src.is_char_boundary(pos) || pos >= bytes.len());
        }
        self.tokens
    }

    /// Replaces escaped Hugo/Zola shortcodes inside code with their literal form.
    fn unescape_in_code(&mut self, from: usize, to: usize) {
        let src = self.src;
        let mut pos = from;
        while let Some(off) = src[pos..to].find("{{") {
            let at = pos + off;
            pos = at + 2;
            if let Some((end, text)) = hugo::escaped_shortcode(&src[at..to]) {
                self.push_text(at, at + end, text);
                pos = at + end;
            }
        }
    }

    /// Reads a token at `at`; returns where scanning resumes.
    fn token_at(&mut self, at: usize) -> Option<usize> {
        let src = self.src;
        let rest = &src[at..];
        if rest.starts_with("{{") {
            if let Some((end, text)) = hugo::escaped_shortcode(rest) {
                self.push_text(at, at + end, text);
                return Some(at + end);
            }
            if rest.starts_with("{{<") || rest.starts_with("{{%") {
                let p = hugo::parse(rest)?;
                return Some(self.tag(at, p, 3));
            }
            let (end, kind) = liquid::output(src, at)?;
            self.tokens.push(Token {
                start: at,
                end,
                indent: None,
                kind,
            });
            return Some(end);
        }
        if rest.starts_with("{%") {
            let p = liquid::parse(rest, 2)?;
            return Some(self.tag(at, p, 2));
        }
        if rest.starts_with("&#123;%") {
            let p = liquid::parse(rest, 7)?;
            return Some(self.tag(at, p, 7));
        }
        if rest.starts_with("{:") {
            let end = kramdown::attribute_list(src, at)?;
            self.push_text(at, end, String::new());
            return Some(end);
        }
        None
    }

    /// A parsed `{% %}` or Hugo tag: literal blocks are taken whole here.
    fn tag(&mut self, at: usize, p: Parsed, open_len: usize) -> usize {
        let indent = line_indent(self.src, at);
        let literal = !p.closing
            && !p.self_closing
            && match p.family {
                Family::Liquid => liquid::is_literal(&p.name),
                Family::Hugo => hugo::is_literal(&p.name),
                Family::Zola => false,
            };
        if literal {
            if let Some((close_start, close_end)) = self.find_closer(&p, at + p.end, open_len == 7)
            {
                let body = &self.src[at + p.end..close_start];
                let text = literal_text(&p, body, indent.as_deref());
                self.push_text(at, close_end, text);
                return close_end;
            }
        }
        let kind = if p.closing {
            Kind::Close {
                family: p.family,
                name: p.name,
            }
        } else {
            Kind::Open {
                family: p.family,
                name: p.name,
                args: p.args,
            }
        };
        self.tokens.push(Token {
            start: at,
            end: at + p.end,
            indent,
            kind,
        });
        at + p.end
    }

    /// Finds the closer of a literal block opened by `p`, searching from `from`;
    /// the byte range of the closer. A failed search is remembered, so unclosed
    /// openers cost linear time in all.
    fn find_closer(&mut self, p: &Parsed, from: usize, encoded: bool) -> Option<(usize, usize)> {
        let src = self.src;
        let key = (p.family, p.name.clone(), encoded);
        if self.no_closer_from.get(&key).is_some_and(|&f| f <= from) {
            return None;
        }
        let needle = match (p.family, encoded) {
            (Family::Hugo, _) => "{{",
            (_, true) => "&#123;%",
            _ => "{%",
        };
        let mut pos = from;
        while let Some(off) = src[pos..].find(needle) {
            let at = pos + off;
            pos = at + needle.len();
            let q = match p.family {
                Family::Hugo => hugo::parse(&src[at..]),
                _ => liquid::parse(&src[at..], needle.len()),
            };
            if let Some(q) = q {
                if q.closing && q.name == p.name {
                    return Some((at, at + q.end));
                }
            }
        }
        self.no_closer_from.insert(key, from);
        None
    }
}

/// A literal block's content, by its dialect (its first line break goes).
fn literal_text(p: &Parsed, body: &str, indent: Option<&str>) -> String {
    let body = body
        .strip_prefix("\r\n")
        .or_else(|| body.strip_prefix('\n'))
        .unwrap_or(body);
    match p.family {
        Family::Hugo => hugo::literal(p, body, indent),
        _ => liquid::literal(p, body, indent),
    }
}
