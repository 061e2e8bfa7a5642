//! YAML front matter → JSON values, built from saphyr-parser's event stream.
//!
//! Building the values ourselves (rather than through a YAML DOM) lets us bound
//! alias expansion and nesting, keep the last of duplicate keys with a warning, and
//! type scalars by the YAML 1.2 core schema (so dates stay strings as written).
//! When the block is not valid YAML, [`lenient`] reads it line by line instead.

use crate::warning::{Warning, WarningCode};
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Tag};
use serde_json::{Map, Number, Value};
use std::collections::HashMap;

/// A block read: its data, the 1-based line (in the block) of each top-level key,
/// and the warnings for the reader, their lines in the block too.
pub(crate) type Read = (Map<String, Value>, HashMap<String, usize>, Vec<Warning>);

/// Nodes (including copies made by aliases) one block may produce.
const MAX_NODES: usize = 100_000;
/// Deepest nesting of sequences and mappings that is read.
const MAX_DEPTH: usize = 200;

/// Why a block could not be read as YAML at all.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum YamlError {
    /// A syntax error (or a construct JSON cannot hold), with its 1-based line in the block.
    Syntax {
        /// 1-based line within the block.
        line: usize,
        /// What went wrong, from the parser.
        info: String,
    },
    /// Valid YAML whose top level is a scalar or a list, not `key: value` pairs.
    NotMapping,
}

/// Parses `src` strictly. An empty document gives an empty map. Warnings are for
/// the reader (duplicate keys, truncation by the alias or depth bounds).
pub(crate) fn parse(src: &str) -> Result<Read, YamlError> {
    let mut b = Builder::default();
    let mut parser = Parser::new_from_str(src);
    let mut docs = 0;
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e: ScanError| YamlError::Syntax {
            line: e.marker().line().max(1),
            info: e.info().to_string(),
        })?;
        let line = span.start.line().max(1);
        let step = match event {
            Event::StreamEnd => break,
            Event::DocumentStart(_) => {
                docs += 1;
                if docs > 1 {
                    break;
                }
                Ok(())
            }
            Event::DocumentEnd => break,
            Event::StreamStart | Event::Nothing => Ok(()),
            Event::Alias(id) => b.alias(id, line),
            Event::Scalar(text, style, anchor, tag) => {
                let v = scalar(&text, style, tag.as_deref());
                b.node(v, 1, anchor, line)
            }
            Event::SequenceStart(anchor, _) => b.open(Container::Seq(Vec::new()), anchor),
            Event::MappingStart(anchor, _) => b.open(
                Container::Map {
                    map: Map::new(),
                    key: None,
                },
                anchor,
            ),
            Event::SequenceEnd | Event::MappingEnd => b.close(line),
        };
        match step {
            Ok(()) => {}
            Err(Stop::Syntax(line, info)) => return Err(YamlError::Syntax { line, info }),
            Err(Stop::TooMuch) => {
                b.warnings.push(
                    Warning::new(
                        WarningCode::FrontMatterTooRepetitive,
                        "The front matter repeats itself too much (YAML aliases); only part of it was read.",
                    )
                    .at(Some(line)),
                );
                b.unwind();
                break;
            }
            Err(Stop::TooDeep) => {
                b.warnings.push(
                    Warning::new(
                        WarningCode::FrontMatterTooDeep,
                        format!(
                            "The front matter is nested more than {MAX_DEPTH} levels deep; only part of it was read."
                        ),
                    )
                    .with("depth", MAX_DEPTH.to_string())
                    .at(Some(line)),
                );
                b.unwind();
                break;
            }
        }
    }
    match b.root {
        None | Some(Value::Null) => Ok((Map::new(), b.lines, b.warnings)),
        Some(Value::Object(map)) => Ok((map, b.lines, b.warnings)),
        Some(_) => Err(YamlError::NotMapping),
    }
}

/// The warning for a key set twice, at the line of its second setting.
fn duplicate(key: &str, line: usize) -> Warning {
    Warning::new(
        WarningCode::KeyDuplicate,
        format!("The front matter sets “{key}” more than once; the last value was kept."),
    )
    .with("key", key)
    .at(Some(line))
}

/// Why building stopped early.
enum Stop {
    /// A construct the data cannot hold (line, explanation).
    Syntax(usize, String),
    /// The node budget ran out (alias bomb).
    TooMuch,
    /// Nesting went past [`MAX_DEPTH`].
    TooDeep,
}

/// A sequence or mapping being filled.
enum Container {
    Seq(Vec<Value>),
    Map {
        map: Map<String, Value>,
        /// The key read, waiting for its value, and its line.
        key: Option<(String, usize)>,
    },
}

/// One open collection: its contents, its anchor id (0 for none) and node count.
struct Frame {
    c: Container,
    anchor: usize,
    count: usize,
}

/// Turns events into one value, under the node and depth budgets.
#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    anchors: HashMap<usize, (Value, usize)>,
    work: usize,
    root: Option<Value>,
    /// The line of each key of the top-level mapping.
    lines: HashMap<String, usize>,
    warnings: Vec<Warning>,
}

impl Builder {
    fn spend(&mut self, n: usize) -> Result<(), Stop> {
        self.work = self.work.saturating_add(n);
        if self.work > MAX_NODES {
            Err(Stop::TooMuch)
        } else {
            Ok(())
        }
    }

    fn open(&mut self, c: Container, anchor: usize) -> Result<(), Stop> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(Stop::TooDeep);
        }
        self.spend(1)?;
        self.stack.push(Frame {
            c,
            anchor,
            count: 1,
        });
        Ok(())
    }

    fn close(&mut self, line: usize) -> Result<(), Stop> {
        let Some(frame) = self.stack.pop() else {
            return Ok(());
        };
        let v = match frame.c {
            Container::Seq(items) => Value::Array(items),
            Container::Map { map, .. } => Value::Object(map),
        };
        self.attach(v, frame.count, frame.anchor, line)
    }

    fn alias(&mut self, id: usize, line: usize) -> Result<(), Stop> {
        let count = self.anchors.get(&id).map_or(1, |a| a.1);
        self.spend(count)?;
        let v = self
            .anchors
            .get(&id)
            .map_or(Value::Null, |(v, _)| v.clone());
        self.attach(v, count, 0, line)
    }

    /// A finished scalar.
    fn node(&mut self, v: Value, count: usize, anchor: usize, line: usize) -> Result<(), Stop> {
        self.spend(count)?;
        self.attach(v, count, anchor, line)
    }

    /// Places a finished node in its parent (as a key or a value) or as the root.
    fn attach(&mut self, v: Value, count: usize, anchor: usize, line: usize) -> Result<(), Stop> {
        if anchor != 0 {
            self.spend(count)?;
            self.anchors.insert(anchor, (v.clone(), count));
        }
        let top_level = self.stack.len() == 1;
        let Some(top) = self.stack.last_mut() else {
            if self.root.is_none() {
                self.root = Some(v);
            }
            return Ok(());
        };
        top.count = top.count.saturating_add(count);
        match &mut top.c {
            Container::Seq(items) => items.push(v),
            Container::Map { map, key } => match key.take() {
                None => *key = Some((key_string(v, line)?, line)),
                Some((k, key_line)) => {
                    if k == "<<" {
                        merge(map, v);
                    } else {
                        if map.insert(k.clone(), v).is_some() {
                            self.warnings.push(duplicate(&k, key_line));
                        }
                        if top_level {
                            self.lines.insert(k, key_line);
                        }
                    }
                }
            },
        }
        Ok(())
    }

    /// Closes every open collection so that what was read so far is kept.
    fn unwind(&mut self) {
        while !self.stack.is_empty() {
            // Limits no longer apply: this only moves what exists.
            self.work = 0;
            let _ = self.close(0);
        }
    }
}

/// A mapping key as a string: strings as they are, numbers and booleans in their
/// usual form. Collections as keys cannot be held by JSON and count as an error.
fn key_string(v: Value, line: usize) -> Result<String, Stop> {
    match v {
        Value::String(s) => Ok(s),
        Value::Null => Ok(String::new()),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Array(_) | Value::Object(_) => Err(Stop::Syntax(
            line,
            "a list or mapping is used as a key".into(),
        )),
    }
}

/// YAML's merge key `<<`: copies keys of a mapping (or a list of mappings) that
/// the current mapping does not set itself.
fn merge(map: &mut Map<String, Value>, v: Value) {
    let sources = match v {
        Value::Object(m) => vec![m],
        Value::Array(items) => items
            .into_iter()
            .filter_map(|i| match i {
                Value::Object(m) => Some(m),
                _ => None,
            })
            .collect(),
        _ => return,
    };
    for src in sources {
        for (k, v) in src {
            map.entry(k).or_insert(v);
        }
    }
}

/// Types a scalar: quoted and block scalars are strings; plain ones follow the
/// YAML 1.2 core schema. A core-schema tag (`!!str`, `!!int` …) is honoured.
fn scalar(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Value {
    if let Some(tag) = tag.filter(|t| t.is_yaml_core_schema() || t.handle == "!!") {
        return match tag.suffix.as_str() {
            "str" => Value::String(text.into()),
            "null" => Value::Null,
            _ => plain(text),
        };
    }
    match style {
        ScalarStyle::Plain => plain(text),
        _ => Value::String(text.into()),
    }
}

/// The core schema's resolution of a plain scalar. Numbers JSON cannot hold
/// (`.inf`, `.nan`, out of range) stay strings.
pub(crate) fn plain(s: &str) -> Value {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    if let Some(n) = int(s) {
        return Value::Number(n);
    }
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if digits.bytes().all(|b| b.is_ascii_digit()) {
        return Value::String(s.into()); // An integer too large for 64 bits: keep every digit.
    }
    if is_float(s) {
        if let Some(n) = Number::from_f64(parse_float(s)) {
            return Value::Number(n);
        }
    }
    Value::String(s.into())
}

/// A decimal float that [`is_float`] accepted, correctly rounded. In WebAssembly the
/// browser's `parseFloat` reads it (the same correctly rounded double), so that the
/// module carries no float parser and its tables (15 KB gzip of the light tier).
fn parse_float(s: &str) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::parse_float(s);
    #[cfg(not(target_arch = "wasm32"))]
    return s.parse().unwrap_or(f64::NAN);
}

/// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`, when it fits in 64 bits.
fn int(s: &str) -> Option<Number> {
    if let Some(oct) = s.strip_prefix("0o") {
        return u64::from_str_radix(oct, 8)
            .ok()
            .filter(|_| !oct.is_empty())
            .map(Number::from);
    }
    if let Some(hex) = s.strip_prefix("0x") {
        return u64::from_str_radix(hex, 16).ok().map(Number::from);
    }
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let unsigned = s.strip_prefix('+').unwrap_or(s);
    if let Ok(i) = unsigned.parse::<i64>() {
        return Some(Number::from(i));
    }
    unsigned.parse::<u64>().ok().map(Number::from)
}

/// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
fn is_float(s: &str) -> bool {
    let b = s.strip_prefix(['-', '+']).unwrap_or(s).as_bytes();
    let mut i = 0;
    let int_digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits == 0 && frac_digits == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let exp = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp == 0 {
            return false;
        }
        i += exp;
    }
    i == b.len()
}

/// Reads top-level `key: value` pairs line by line, for blocks that are not valid
/// YAML. Understands matching quotes, `[a, b]` lists, `- item` lists and one level
/// of indented `key: value` under a key, `|`/`>` blocks and indented continuations.
/// A quote or `[` that never closes keeps only what its own line says (the opening
/// quote dropped, the list's items on that line): no stray quote, no list item made
/// of the lines that followed. Returns what [`parse`] returns.
pub(crate) fn lenient(src: &str) -> Read {
    let mut map = Map::new();
    let mut lines = HashMap::new();
    let mut warnings = Vec::new();
    // The key whose value may continue on the following indented lines.
    let mut open: Option<(String, Open)> = None;
    for (n, raw) in src.split('\n').enumerate() {
        let line = raw.trim_end();
        let body = line.trim_start_matches([' ', '\t']);
        let indented = body.len() < line.len();
        if body.is_empty() {
            if let Some((_, Open::Block { text, .. })) = &mut open {
                text.push('\n');
            }
            continue;
        }
        if body.starts_with('#') && !matches!(open, Some((_, Open::Block { .. }))) {
            continue;
        }
        if indented || body.starts_with("- ") || body == "-" {
            if let Some((key, state)) = &mut open {
                let target = map.entry(key.clone()).or_insert(Value::Null);
                state.feed(target, body, indented);
                continue;
            }
        }
        if indented {
            continue; // Stray indented line with nothing to attach to.
        }
        let Some((k, v)) = split_key(body) else {
            open = None;
            continue;
        };
        let v = v.trim();
        let (value, state) = match v {
            "|" | "|-" | "|+" | ">" | ">-" | ">+" => (
                Value::String(String::new()),
                Open::Block {
                    text: String::new(),
                    folded: v.starts_with('>'),
                },
            ),
            "" => (Value::Null, Open::Collection),
            _ => match unclosed(v) {
                Some(first_line) => (
                    first_line,
                    Open::Unclosed {
                        text: v.to_string(),
                    },
                ),
                None => (lenient_value(v), Open::Continue),
            },
        };
        if map.insert(k.clone(), value).is_some() {
            warnings.push(duplicate(&k, n + 1));
        }
        lines.insert(k.clone(), n + 1);
        open = Some((k, state));
    }
    (map, lines, warnings)
}

/// For a value that opens a quote or a `[` list it does not close on its line, what
/// that line alone says: the text after the quote, or the list's items so far.
fn unclosed(v: &str) -> Option<Value> {
    let first = *v.as_bytes().first()?;
    match first {
        b'"' | b'\'' if strip_quotes(v).is_none() => {
            let q = first as char;
            let text = v.trim_start_matches(q).trim();
            Some(if text.is_empty() {
                Value::Null
            } else {
                Value::String(text.to_string())
            })
        }
        b'[' if !v.ends_with(']') => Some(flow_items(&v[1..])),
        _ => None,
    }
}

/// What the lines after a `key:` line may add to its value.
enum Open {
    /// A plain value that an indented line continues (folded with a space).
    Continue,
    /// A quoted value or `[` list not closed on its line: indented lines may close it.
    Unclosed { text: String },
    /// A value that is complete: following lines add nothing.
    Done,
    /// An empty value: `- item` lines make a list, `k: v` lines a mapping.
    Collection,
    /// A `|` or `>` block scalar.
    Block { text: String, folded: bool },
}

impl Open {
    fn feed(&mut self, target: &mut Value, body: &str, indented: bool) {
        match self {
            Open::Block { text, folded } => {
                text.push_str(body);
                text.push('\n');
                *target = Value::String(finish_block(text, *folded));
            }
            Open::Continue => {
                if let (true, Value::String(s)) = (indented, target) {
                    s.push(' ');
                    s.push_str(body);
                }
            }
            Open::Unclosed { text } => {
                if indented {
                    text.push(' ');
                    text.push_str(body);
                    if unclosed(text).is_none() {
                        *target = lenient_value(text);
                        *self = Open::Done;
                    }
                }
            }
            Open::Done => {}
            Open::Collection => {
                if let Some(item) = body.strip_prefix('-') {
                    let item = item.trim();
                    if !target.is_array() {
                        *target = Value::Array(Vec::new());
                    }
                    if let Value::Array(items) = target {
                        if !item.is_empty() {
                            items.push(lenient_value(item));
                        }
                    }
                } else if let Some((k, v)) = split_key(body) {
                    if !target.is_object() {
                        *target = Value::Object(Map::new());
                    }
                    if let Value::Object(m) = target {
                        m.insert(k, lenient_value(v.trim()));
                    }
                }
            }
        }
    }
}

/// A block scalar's text: lines joined by `\n` (literal) or spaces (folded).
fn finish_block(text: &str, folded: bool) -> String {
    let t = text.trim_end_matches('\n');
    if folded {
        t.split('\n').collect::<Vec<_>>().join(" ")
    } else {
        t.to_string()
    }
}

/// Splits `key: value` (or `key:` at the end of the line); the key may be quoted.
fn split_key(line: &str) -> Option<(String, &str)> {
    let (k, v) = if let Some(q @ ('"' | '\'')) = line.chars().next() {
        let close = line[1..].find(q)? + 1;
        let after = line[close + 1..].trim_start();
        let v = after.strip_prefix(':')?;
        (line[1..close].to_string(), v)
    } else {
        let pos = line
            .match_indices(':')
            .map(|(i, _)| i)
            .find(|&i| matches!(line[i + 1..].chars().next(), None | Some(' ' | '\t')))?;
        (line[..pos].trim().to_string(), &line[pos + 1..])
    };
    if k.is_empty() || k.starts_with(['-', '[', '{', '#']) {
        return None;
    }
    Some((k, v))
}

/// A value read leniently: a `[a, b]` list, a `{k: v}` table (not a `{{template}}`), a
/// quoted string (outer matching quotes stripped, repeatedly), or a plain scalar typed
/// like YAML (comments removed).
fn lenient_value(v: &str) -> Value {
    if let Some(inner) = v.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return flow_items(inner);
    }
    if let Some(inner) = v.strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
        if !inner.starts_with('{') && !inner.ends_with('}') {
            return flow_table(inner);
        }
    }
    if let Some(q) = strip_quotes(v) {
        return Value::String(q.into());
    }
    let v = match v.find(" #") {
        Some(i) => v[..i].trim_end(),
        None => v,
    };
    plain(v)
}

/// The items of a flow list's inside, unquoted and typed; blanks dropped.
fn flow_items(inner: &str) -> Value {
    Value::Array(
        split_flow(inner)
            .into_iter()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| match strip_quotes(s) {
                Some(q) => Value::String(q.into()),
                None => plain(s),
            })
            .collect(),
    )
}

/// The pairs of a flow table's inside (`a: 1, 'b': c`), typed as [`flow_items`] types
/// its items; an item without `: ` is a key with no value, as in YAML.
fn flow_table(inner: &str) -> Value {
    let mut table = Map::new();
    for item in split_flow(inner).into_iter().map(str::trim) {
        let (key, value) = match item.split_once(": ") {
            Some((k, v)) => (k.trim(), v.trim()),
            None => (item.trim_end_matches(':'), ""),
        };
        if key.is_empty() {
            continue;
        }
        let value = match strip_quotes(value) {
            Some(q) => Value::String(q.into()),
            None if value.is_empty() => Value::Null,
            None => plain(value),
        };
        table.insert(strip_quotes(key).unwrap_or(key).to_string(), value);
    }
    Value::Object(table)
}

/// Strips matching outer quotes, as many layers as there are (`"""'x'"""` → `x`);
/// `None` when the value is not quoted.
fn strip_quotes(v: &str) -> Option<&str> {
    let mut s = v;
    let mut stripped = false;
    while s.len() >= 2 {
        let first = s.as_bytes()[0];
        if (first == b'"' || first == b'\'') && s.as_bytes()[s.len() - 1] == first {
            s = &s[1..s.len() - 1];
            stripped = true;
        } else {
            break;
        }
    }
    stripped.then_some(s)
}

/// Splits a flow list's inside at commas that are not within quotes.
fn split_flow(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quote = None;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, ',') => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::time::{Duration, Instant};

    fn ok(src: &str) -> (Value, Vec<Warning>) {
        match parse(src) {
            Ok((m, _, w)) => (Value::Object(m), w),
            Err(e) => panic!(
                "{:?} did not parse: {e:?}",
                src.chars().take(80).collect::<String>()
            ),
        }
    }

    #[test]
    fn core_schema_scalars() {
        let (v, w) = ok(
            "a: ~\nb:\nc: true\nd: FALSE\ne: 177\nf: -3.5\ng: 1e3\nh: 0x1F\ni: 0o17\n\
             j: .inf\nk: '12'\nl: \"true\"\nm: 2014-03-23 19:85:35\nn: 2009-02-04T15:53:00+00:00\n\
             o: !!str 12\np: 99999999999999999999999\nq: hello world\nr: null\ns: 1.\n",
        );
        assert!(w.is_empty());
        assert_eq!(
            v,
            json!({"a": null, "b": null, "c": true, "d": false, "e": 177, "f": -3.5, "g": 1000.0,
                "h": 31, "i": 15, "j": ".inf", "k": "12", "l": "true", "m": "2014-03-23 19:85:35",
                "n": "2009-02-04T15:53:00+00:00", "o": "12", "p": "99999999999999999999999",
                "q": "hello world", "r": null, "s": 1.0})
        );
    }

    #[test]
    fn odd_but_valid_yaml_from_real_posts() {
        let src = "categories:\n -  - news\nlayout: ~\nthumbnail: \ntags: [android,]\n\
            permalink: 177\nreviews:\n  -\n    name: Bob\n    stars: 5\n\
            contentCopyright: '<a rel=\"license noopener\" href=\"x\">CC</a>'\n\
            title: \"Say \\\"hi\\\" now\"\nsub: 'He said \"yes\" & left'\nlinks:\n  - \"[[Clippings]]\"\n";
        let (v, w) = ok(src);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(
            v,
            json!({"categories": [["news"]], "layout": null, "thumbnail": null, "tags": ["android"],
                "permalink": 177, "reviews": [{"name": "Bob", "stars": 5}],
                "contentCopyright": "<a rel=\"license noopener\" href=\"x\">CC</a>",
                "title": "Say \"hi\" now", "sub": "He said \"yes\" & left", "links": ["[[Clippings]]"]})
        );
    }

    #[test]
    fn duplicate_keys_last_wins_with_warning() {
        let (v, w) = ok("title: one\ntitle: two\n");
        assert_eq!(v, json!({"title": "two"}));
        assert_eq!(w.len(), 1);
        assert!(w[0].message.contains("“title”"), "{w:?}");
        assert_eq!(w[0].code, WarningCode::KeyDuplicate);
        assert_eq!(w[0].line, Some(2));
        assert_eq!(w[0].params["key"], "title");
    }

    #[test]
    fn non_string_keys_become_strings() {
        let (v, _) = ok("1: a\ntrue: b\n2.5: c\n");
        assert_eq!(v, json!({"1": "a", "true": "b", "2.5": "c"}));
    }

    #[test]
    fn complex_keys_are_an_error() {
        assert!(matches!(
            parse("created: {{date}}\n"),
            Err(YamlError::Syntax { line: 1, .. })
        ));
    }

    #[test]
    fn anchors_aliases_and_merge() {
        let (v, _) = ok("base: &b {x: 1, y: 2}\nother:\n  <<: *b\n  y: 3\nsame: *b\n");
        assert_eq!(
            v,
            json!({"base": {"x": 1, "y": 2}, "other": {"x": 1, "y": 3}, "same": {"x": 1, "y": 2}})
        );
    }

    #[test]
    fn billion_laughs_stops_quickly() {
        let mut src = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
        for w in names.windows(2) {
            let (prev, cur) = (w[0], w[1]);
            src.push_str(&format!(
                "{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
            ));
        }
        let t = Instant::now();
        let (v, w) = ok(&src);
        assert!(
            t.elapsed() < Duration::from_millis(900),
            "{:?}",
            t.elapsed()
        );
        assert!(
            w.iter()
                .any(|w| w.code == WarningCode::FrontMatterTooRepetitive),
            "{w:?}"
        );
        // What came before the explosion is kept.
        assert_eq!(v["a"], Value::Array(vec![json!("lol"); 9]));
    }

    #[test]
    fn deep_nesting_is_bounded() {
        // saphyr refuses very deep flow nesting itself (an error, not a crash).
        let deep = format!("a: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
        let t = Instant::now();
        assert!(matches!(parse(&deep), Err(YamlError::Syntax { .. })));
        assert!(t.elapsed() < Duration::from_secs(5));
        let mid = format!("a: {}{}\n", "[".repeat(250), "]".repeat(250));
        match parse(&mid) {
            Ok((m, _, w)) => {
                assert!(
                    w.iter().any(|w| w.code == WarningCode::FrontMatterTooDeep),
                    "{w:?}"
                );
                assert!(m["a"].is_array());
            }
            Err(e) => assert!(matches!(e, YamlError::Syntax { .. })),
        }
        let block = (0..300).fold(String::new(), |mut s, i| {
            s.push_str(&" ".repeat(i));
            s.push_str("k:\n");
            s
        });
        let (_, w) = ok(&block);
        assert!(
            w.iter().any(|w| w.code == WarningCode::FrontMatterTooDeep),
            "{w:?}"
        );
    }

    #[test]
    fn not_a_mapping_and_empty() {
        assert_eq!(parse("- a\n- b\n"), Err(YamlError::NotMapping));
        assert_eq!(parse("just text\n"), Err(YamlError::NotMapping));
        assert_eq!(parse("").map(|r| r.0.len()), Ok(0));
        let (_, lines, _) = parse("a: 1\n# c\nb:\n  c: 2\nd: [x]\n").unwrap();
        let want = [("a", 1), ("b", 3), ("d", 5)];
        assert_eq!(lines, want.map(|(k, l)| (k.to_string(), l)).into());
        assert_eq!(parse("# only a comment\n").map(|r| r.0.len()), Ok(0));
    }

    #[test]
    fn syntax_errors_name_the_line() {
        match parse("a: 1\ntitle: @大道无形我有型 关注了股票 台积电\n") {
            Err(YamlError::Syntax { line, .. }) => assert_eq!(line, 2),
            other => panic!("{other:?}"),
        }
        assert!(parse("title: \"\"\"\"\"\"\"\"\"'人民币，一骑绝尘'\"\"\"\"\"\"\"\"\"\n").is_err());
        assert!(parse("a: 1\n\tb: 2\n").is_err());
    }

    #[test]
    fn lenient_reads_real_broken_posts() {
        let src = "title: @大道无形我有型 关注了股票 台积电\n\
            other: \"\"\"\"\"\"\"\"\"'人民币，一骑绝尘'\"\"\"\"\"\"\"\"\"\n\
            created: {{date}}\ndate: 2014-03-23 19:85:35\ntags:\n\t- one\n\t- two\n\
            cats: [a, 'b c', ]\ndraft: false # comment\n\"quoted key\": v\n\
            nested:\n\tx: 1\ndesc: |\n  line one\n  line two\nlast: a\n  continued\n";
        let (m, lines, w) = lenient(src);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!((lines["title"], lines["tags"], lines["last"]), (1, 5, 16));
        assert_eq!(
            Value::Object(m),
            json!({"title": "@大道无形我有型 关注了股票 台积电", "other": "人民币，一骑绝尘",
                "created": "{{date}}", "date": "2014-03-23 19:85:35", "tags": ["one", "two"],
                "cats": ["a", "b c"], "draft": false, "quoted key": "v", "nested": {"x": 1},
                "desc": "line one\nline two", "last": "a continued"})
        );
    }

    #[test]
    fn lenient_duplicates_and_junk() {
        let (m, lines, w) = lenient("a: 1\nnot a pair\n  stray\na: two\n- orphan\n");
        assert_eq!(Value::Object(m), json!({"a": "two"}));
        assert_eq!(w.len(), 1);
        assert_eq!((w[0].line, lines["a"]), (Some(4), 4));
    }

    #[test]
    fn a_flow_table_in_a_broken_block_is_a_table() {
        // `[` never closes, so the block is read line by line; `{a: b}` stays a table
        // (as YAML reads it: a table where tags belong is then said to be one).
        let (m, _, _) = lenient("title: [unclosed\ntags: {a: b, 'c d': 2, e}\ncreated: {{date}}\n");
        assert_eq!(
            Value::Object(m),
            json!({"title": ["unclosed"], "tags": {"a": "b", "c d": 2, "e": null}, "created": "{{date}}"})
        );
    }

    #[test]
    fn lists_at_key_level() {
        let (m, _, _) = lenient("tags:\n- x\n- y\n");
        assert_eq!(Value::Object(m), json!({"tags": ["x", "y"]}));
    }

    #[test]
    fn unclosed_quotes_and_lists_leave_no_junk() {
        // A quote and a list that never close, and a line of YAML junk under them.
        let (m, _, _) = lenient("title: \"Broken title\ntags: [a, b\n  - : : :\nok: yes\n");
        assert_eq!(
            Value::Object(m),
            json!({"title": "Broken title", "tags": ["a", "b"], "ok": "yes"})
        );
        // Closed on a later indented line, they are read whole.
        let (m, _, _) = lenient("title: \"Two\n  lines\"\ntags: [a,\n  b]\nx: 'it''s\n");
        assert_eq!(
            Value::Object(m),
            json!({"title": "Two lines", "tags": ["a", "b"], "x": "it''s"})
        );
        // A lone quote is no value at all.
        let (m, _, _) = lenient("title: \"\n");
        assert_eq!(Value::Object(m), json!({"title": null}));
    }
}
