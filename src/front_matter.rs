//! Stage 2: splits the front matter from the body and parses it (YAML, TOML, JSON).
//! A broken block becomes a warning, never a lost body.
//!
//! Forms understood, all at the top of the file after optional blank lines:
//! `---` YAML (closed by `---` or `...`), `---yaml`/`---json`/`---toml` language
//! hints, `~~~` YAML, `+++` TOML, `;;;` JSON (Hexo, with or without braces and
//! with or without the opening `;;;`), Hugo's bare `{ … }` object, a leading
//! ```` ```toml ````/`yaml`/`json` code fence (PuGo), and Hexo's YAML without an
//! opening `---`.

mod yaml;

use crate::article::FrontMatterKind;
use serde_json::{Map, Value};

/// The text split into front matter and body.
#[derive(Debug, Clone, PartialEq)]
pub struct Split<'a> {
    /// The dialect found, or `None` when the file has no front matter.
    pub kind: Option<FrontMatterKind>,
    /// The parsed front matter (empty when there is none or it could not be read).
    pub data: Map<String, Value>,
    /// Everything after the front matter.
    pub body: &'a str,
    /// Problems met while reading the front matter, for the reader.
    pub warnings: Vec<String>,
}

/// Deepest TOML nesting converted to JSON (deeper values become `null`).
const MAX_TOML_DEPTH: usize = 200;

/// Splits and parses the front matter at the top of `text` (already decoded, `\n` line ends).
pub fn split(text: &str) -> Split<'_> {
    let start = skip_blank_lines(text);
    let t = &text[start..];
    let first_end = t.find('\n').unwrap_or(t.len());
    let opener = t[..first_end].trim_end_matches([' ', '\t']);
    let after_opener = start + (first_end + 1).min(t.len());
    let at = Block {
        text,
        start: after_opener,
        first_line: line_number(text, after_opener),
    };
    let found = match opener {
        "---" => at.delimited(FrontMatterKind::Yaml, &["---", "..."]),
        "---yaml" | "---yml" => at.delimited(FrontMatterKind::Yaml, &["---"]),
        "---json" => at.delimited(FrontMatterKind::Json, &["---"]),
        "---toml" => at.delimited(FrontMatterKind::Toml, &["---"]),
        "~~~" => at.delimited(FrontMatterKind::Yaml, &["~~~"]),
        "+++" => at.delimited(FrontMatterKind::Toml, &["+++"]),
        ";;;" => at.delimited(FrontMatterKind::Json, &[";;;"]),
        "```toml" => at.fenced(FrontMatterKind::Toml),
        "```yaml" | "```yml" => at.fenced(FrontMatterKind::Yaml),
        "```json" => at.fenced(FrontMatterKind::Json),
        o if o.len() > 3
            && o.starts_with("---")
            && o[3..].bytes().all(|b| b.is_ascii_alphanumeric()) =>
        {
            at.other_language(&o[3..])
        }
        o if o.starts_with('{') => hugo_json(text, start),
        _ => hexo_without_opener(text, start),
    };
    found.unwrap_or(Split {
        kind: None,
        data: Map::new(),
        body: text,
        warnings: Vec::new(),
    })
}

/// Byte offset of the first line that is not blank (or whitespace only).
fn skip_blank_lines(text: &str) -> usize {
    let mut start = 0;
    while let Some(nl) = text[start..].find('\n') {
        if text[start..start + nl].trim().is_empty() {
            start += nl + 1;
        } else {
            break;
        }
    }
    start
}

/// 1-based line number of byte offset `at`.
fn line_number(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Finds the first line from `from` on whose content (trailing spaces and tabs
/// ignored) is one of `closers`. Returns (start of that line, start of the next).
fn find_closer(text: &str, from: usize, closers: &[&str]) -> Option<(usize, usize)> {
    let mut pos = from;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |n| pos + n);
        if closers.contains(&text[pos..end].trim_end_matches([' ', '\t'])) {
            return Some((pos, (end + 1).min(text.len())));
        }
        pos = end + 1;
    }
    None
}

/// Where a block's content starts: the whole text, the content's first byte and its line.
struct Block<'a> {
    text: &'a str,
    start: usize,
    first_line: usize,
}

impl<'a> Block<'a> {
    /// A block between an opener line and a closer line.
    fn delimited(&self, kind: FrontMatterKind, closers: &[&str]) -> Option<Split<'a>> {
        let (close, body) = find_closer(self.text, self.start, closers)?;
        let block = &self.text[self.start..close];
        let (data, warnings) = parse_block(kind, block, self.first_line);
        Some(Split {
            kind: Some(kind),
            data,
            body: &self.text[body..],
            warnings,
        })
    }

    /// A leading code fence used as front matter: only when it holds a non-empty mapping.
    fn fenced(&self, kind: FrontMatterKind) -> Option<Split<'a>> {
        let (close, body) = find_closer(self.text, self.start, &["```"])?;
        let block = &self.text[self.start..close];
        let data = match kind {
            FrontMatterKind::Yaml => yaml::parse(block).ok()?.0,
            FrontMatterKind::Toml => toml_to_json(toml::from_str::<toml::Table>(block).ok()?),
            FrontMatterKind::Json => serde_json::from_str::<Map<String, Value>>(block).ok()?,
        };
        (!data.is_empty()).then(|| Split {
            kind: Some(kind),
            data,
            body: &self.text[body..],
            warnings: Vec::new(),
        })
    }

    /// `---javascript` and other hints: JSON if it happens to be JSON, else skipped.
    fn other_language(&self, lang: &str) -> Option<Split<'a>> {
        let (close, body) = find_closer(self.text, self.start, &["---"])?;
        let block = &self.text[self.start..close];
        let (kind, data, warnings) = match serde_json::from_str::<Map<String, Value>>(block) {
            Ok(data) => (Some(FrontMatterKind::Json), data, Vec::new()),
            Err(_) => (
                None,
                Map::new(),
                vec![format!(
                    "The front matter is written in {lang}, which Folio cannot read; it was skipped."
                )],
            ),
        };
        Some(Split {
            kind,
            data,
            body: &self.text[body..],
            warnings,
        })
    }
}

/// Parses a block in its dialect; never fails, problems become warnings.
/// `first_line` is the block's first line in the file, to name lines in warnings.
fn parse_block(
    kind: FrontMatterKind,
    block: &str,
    first_line: usize,
) -> (Map<String, Value>, Vec<String>) {
    match kind {
        FrontMatterKind::Yaml => parse_yaml(block, first_line),
        FrontMatterKind::Toml => parse_toml(block, first_line),
        FrontMatterKind::Json => parse_json(block, first_line),
    }
}

/// YAML, falling back to the line-by-line reader on a syntax error.
fn parse_yaml(block: &str, first_line: usize) -> (Map<String, Value>, Vec<String>) {
    match yaml::parse(block) {
        Ok(r) => r,
        Err(yaml::YamlError::NotMapping) => (
            Map::new(),
            vec!["The front matter is not a list of “key: value” pairs, so it was ignored.".into()],
        ),
        Err(yaml::YamlError::Syntax { line, info }) => {
            let (data, mut warnings) = yaml::lenient(block);
            warnings.insert(
                0,
                format!(
                    "The front matter has a YAML error on line {} ({}); it was read line by line instead.",
                    first_line + line - 1,
                    info.trim_end_matches('.')
                ),
            );
            (data, warnings)
        }
    }
}

/// TOML; on an error, the top-level `key = value` lines that parse on their own are kept.
fn parse_toml(block: &str, first_line: usize) -> (Map<String, Value>, Vec<String>) {
    match toml::from_str::<toml::Table>(block) {
        Ok(table) => (toml_to_json(table), Vec::new()),
        Err(e) => {
            let line = e
                .span()
                .map_or(1, |s| line_number(block, s.start.min(block.len())));
            let mut data = Map::new();
            for l in block.split('\n') {
                if l.trim_start().starts_with('[') {
                    break; // Tables follow; single lines no longer stand alone.
                }
                if let Ok(t) = toml::from_str::<toml::Table>(l) {
                    data.extend(toml_to_json(t));
                }
            }
            let msg = e.message().trim().trim_end_matches('.').replace('\n', " ");
            let what = if data.is_empty() {
                "it was ignored"
            } else {
                "only the lines that could be read were kept"
            };
            (
                data,
                vec![format!(
                    "The front matter has a TOML error on line {} ({msg}); {what}.",
                    first_line + line - 1
                )],
            )
        }
    }
}

/// JSON, with or without the outer braces (Hexo writes `"key": value` lines).
fn parse_json(block: &str, first_line: usize) -> (Map<String, Value>, Vec<String>) {
    let trimmed = block.trim();
    if trimmed.is_empty() {
        return (Map::new(), Vec::new());
    }
    let braced = trimmed.starts_with('{');
    let result = if braced {
        serde_json::from_str::<Map<String, Value>>(block)
    } else {
        serde_json::from_str::<Map<String, Value>>(&format!("{{{block}}}"))
    };
    match result {
        Ok(data) => (data, Vec::new()),
        Err(e) => (
            Map::new(),
            vec![format!(
                "The front matter has a JSON error on line {} ({}); it was ignored.",
                first_line + e.line().max(1) - 1,
                json_message(&e)
            )],
        ),
    }
}

/// serde_json's message without its trailing position (the warning names the line).
fn json_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Hugo's bare JSON object at the top of the file. A broken object whose end can
/// still be found by matching braces becomes a warning; otherwise it is body text.
fn hugo_json(text: &str, start: usize) -> Option<Split<'_>> {
    let t = &text[start..];
    // `{{< shortcode >}}`, `{% tag %}` … are not JSON: require `{` then `"` or `}`.
    let after_brace = t[1..].trim_start();
    if !(after_brace.starts_with('"') || after_brace.starts_with('}')) {
        return None;
    }
    let mut stream = serde_json::Deserializer::from_str(t).into_iter::<Map<String, Value>>();
    let (data, end, warnings) = match stream.next() {
        Some(Ok(data)) => (data, stream.byte_offset(), Vec::new()),
        Some(Err(e)) => {
            let end = matching_brace(t)?;
            let warning = format!(
                "The front matter has a JSON error on line {} ({}); it was ignored.",
                line_number(text, start) + e.line().max(1) - 1,
                json_message(&e)
            );
            (Map::new(), end, vec![warning])
        }
        None => return None,
    };
    // The body starts on the line after the object when the rest of its line is blank.
    let rest = &t[end..];
    let line_rest = rest.find('\n').map_or(rest, |n| &rest[..=n]);
    let skip = if line_rest.trim().is_empty() {
        line_rest.len()
    } else {
        0
    };
    Some(Split {
        kind: Some(FrontMatterKind::Json),
        data,
        body: &t[end + skip..],
        warnings,
    })
}

/// Byte offset just after the `}` that closes the `{` at the start of `t`,
/// skipping braces inside JSON strings.
fn matching_brace(t: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, b) in t.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' => depth += 1,
            b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Hexo's front matter without an opening delimiter: `key: value` lines up to a
/// `---` line (YAML), or `"key": value` lines up to a `;;;` line (JSON). Taken only
/// when the block really reads as a mapping; else the `---` is a thematic break.
fn hexo_without_opener(text: &str, start: usize) -> Option<Split<'_>> {
    let t = &text[start..];
    let first = t.split('\n').next().unwrap_or_default();
    if first.starts_with('"') {
        let (close, body) = find_closer(text, start, &[";;;"])?;
        let block = &text[start..close];
        let data = serde_json::from_str::<Map<String, Value>>(&format!("{{{block}}}")).ok()?;
        return (!data.is_empty()).then(|| Split {
            kind: Some(FrontMatterKind::Json),
            data,
            body: &text[body..],
            warnings: Vec::new(),
        });
    }
    if !starts_with_identifier_key(first) {
        return None;
    }
    let (close, body) = find_closer(text, start, &["---"])?;
    let block = &text[start..close];
    let (data, warnings) = match yaml::parse(block) {
        Ok(r) => r,
        Err(yaml::YamlError::Syntax { .. }) if block.split('\n').all(looks_like_yaml_line) => {
            parse_yaml(block, line_number(text, start))
        }
        Err(_) => return None,
    };
    (!data.is_empty()).then(|| Split {
        kind: Some(FrontMatterKind::Yaml),
        data,
        body: &text[body..],
        warnings,
    })
}

/// `identifier: …` (or `identifier:` alone): letters, digits, `_` and `-`.
fn starts_with_identifier_key(line: &str) -> bool {
    let Some((key, rest)) = line.split_once(':') else {
        return false;
    };
    let key = key.trim_end();
    key.starts_with(|c: char| c.is_alphabetic() || c == '_')
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        && (rest.is_empty() || rest.starts_with([' ', '\t']))
}

/// A line that could belong to a front-matter block: blank, indented, a comment,
/// a list item or `key: …`. Decides whether broken YAML without an opener is still
/// front matter (rather than prose followed by a thematic break).
fn looks_like_yaml_line(line: &str) -> bool {
    line.trim().is_empty()
        || line.starts_with([' ', '\t', '#', '-'])
        || starts_with_identifier_key(line)
}

/// Converts TOML to JSON: datetimes as their string form, floats JSON cannot hold
/// (`inf`, `nan`) as strings.
fn toml_to_json(table: toml::Table) -> Map<String, Value> {
    table
        .into_iter()
        .map(|(k, v)| (k, toml_value(v, 0)))
        .collect()
}

fn toml_value(v: toml::Value, depth: usize) -> Value {
    if depth > MAX_TOML_DEPTH {
        return Value::Null;
    }
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f)
            .map_or_else(|| Value::String(f.to_string()), Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(
            items
                .into_iter()
                .map(|i| toml_value(i, depth + 1))
                .collect(),
        ),
        toml::Value::Table(t) => Value::Object(
            t.into_iter()
                .map(|(k, v)| (k, toml_value(v, depth + 1)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests;
