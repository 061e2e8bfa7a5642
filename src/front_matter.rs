//! Stage 2: splits the front matter from the body and parses it (YAML, TOML, JSON).
//! A broken block becomes a warning, never a lost body.
//!
//! Forms understood, all at the top of the file after optional blank lines:
//! `---` YAML (closed by `---` or `...`), `---yaml`/`---json`/`---toml` language
//! hints, `~~~` YAML, `+++` TOML, `;;;` JSON (Hexo, with or without braces and
//! with or without the opening `;;;`), Hugo's bare `{ … }` object, a leading
//! ```` ```toml ````/`yaml`/`json` code fence (PuGo), and Hexo's YAML without an
//! opening `---`.
//!
//! A YAML or TOML block that is never closed (or whose "closer" is a thematic
//! break after prose, which strict YAML cannot read) is front matter up to its last
//! `key: value`-looking line, and the rest is the article, with a warning: the
//! reader sees the title and tags where they belong, not as a paragraph of
//! `title: …` lines, and no prose is swallowed by the block.

mod yaml;

use crate::article::FrontMatterKind;
use crate::warning::{Warning, WarningCode};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Each top-level front-matter key and the 1-based line of the file that sets it.
pub(crate) type KeyLines = HashMap<String, usize>;

/// The text split into front matter and body.
#[derive(Debug, Clone, PartialEq)]
pub struct Split<'a> {
    /// The dialect found, or `None` when the file has no front matter.
    pub kind: Option<FrontMatterKind>,
    /// The parsed front matter (empty when there is none or it could not be read).
    pub data: Map<String, Value>,
    /// Everything after the front matter.
    pub body: &'a str,
    /// The 1-based line of the file where the body starts.
    pub body_line: usize,
    /// Problems met while reading the front matter, for the reader.
    pub warnings: Vec<Warning>,
    /// Where each top-level key is set (for the lines of later warnings).
    pub lines: KeyLines,
}

/// A block parsed in its dialect: its data, key lines and warnings (lines in the file).
struct Parsed {
    data: Map<String, Value>,
    lines: KeyLines,
    warnings: Vec<Warning>,
}

impl Parsed {
    /// Nothing read, with these warnings.
    fn empty(warnings: Vec<Warning>) -> Parsed {
        Parsed {
            data: Map::new(),
            lines: KeyLines::new(),
            warnings,
        }
    }

    /// A YAML reading, its block lines moved to the file's (the block's first line is `first_line`).
    fn from_yaml((data, lines, warnings): yaml::Read, first_line: usize) -> Parsed {
        let file_line = |l: usize| first_line + l.max(1) - 1;
        Parsed {
            data,
            lines: lines.into_iter().map(|(k, l)| (k, file_line(l))).collect(),
            warnings: warnings
                .into_iter()
                .map(|w| {
                    let line = w.line.map(file_line);
                    w.at(line)
                })
                .collect(),
        }
    }

    /// The split, with the body that follows the block.
    fn split(self, kind: Option<FrontMatterKind>, body: &str) -> Split<'_> {
        Split {
            kind,
            data: self.data,
            body,
            // Set by `split`, which knows the whole text.
            body_line: 1,
            warnings: self.warnings,
            lines: self.lines,
        }
    }
}

/// Deepest TOML nesting converted to JSON (deeper values become `null`).
#[cfg(feature = "toml")]
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
    let found = found.unwrap_or_else(|| Parsed::empty(Vec::new()).split(None, text));
    // The body is always the end of the text.
    debug_assert!(text.ends_with(found.body));
    Split {
        body_line: line_number(text, text.len() - found.body.len()),
        ..found
    }
}

/// The kind of front matter the first line that is not blank opens, when it
/// names one (`+++`, `---toml`, a `toml` fence …): enough for [`crate::needs`].
pub(crate) fn opener_kind(text: &str) -> Option<FrontMatterKind> {
    let t = &text[skip_blank_lines(text)..];
    let first = t.split('\n').next().unwrap_or_default();
    match first.trim_end_matches([' ', '\t']) {
        "+++" | "---toml" | "```toml" => Some(FrontMatterKind::Toml),
        "---json" | ";;;" | "```json" => Some(FrontMatterKind::Json),
        o if o.starts_with("---") || o == "~~~" || o.starts_with("```y") => {
            Some(FrontMatterKind::Yaml)
        }
        _ => None,
    }
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
    /// A block between an opener line and a closer line; without a closer, see
    /// [`Block::unclosed`].
    fn delimited(&self, kind: FrontMatterKind, closers: &[&str]) -> Option<Split<'a>> {
        let Some((close, body)) = find_closer(self.text, self.start, closers) else {
            return self.unclosed(kind, self.text.len());
        };
        let block = &self.text[self.start..close];
        // Read once: what the test below reads is what the block gives.
        let yaml = (kind == FrontMatterKind::Yaml).then(|| yaml::parse(block));
        // Strict YAML fails on prose: then the `---` found was a thematic break after it.
        if matches!(yaml, Some(Err(yaml::YamlError::Syntax { .. }))) {
            let len = leading_block(block, looks_like_yaml_line);
            let prose = block[len..]
                .split('\n')
                .any(|l| !l.trim().is_empty() && !looks_like_yaml_line(l));
            if let Some(split) = prose.then(|| self.unclosed(kind, close)).flatten() {
                return Some(split);
            }
        }
        let parsed = match yaml {
            Some(read) => yaml_parsed(read, block, self.first_line),
            None => parse_block(kind, block, self.first_line),
        };
        Some(parsed.split(Some(kind), &self.text[body..]))
    }

    /// A YAML or TOML block with no closer before `end`: front matter is its run of
    /// lines that read as keys (up to the first line of prose), the rest is the body.
    /// `None` when no key line opens it (a `---` thematic break at the top).
    fn unclosed(&self, kind: FrontMatterKind, end: usize) -> Option<Split<'a>> {
        let looks_like: fn(&str) -> bool = match kind {
            FrontMatterKind::Yaml => looks_like_yaml_line,
            FrontMatterKind::Toml => looks_like_toml_line,
            FrontMatterKind::Json => return None,
        };
        let rest = &self.text[self.start..end];
        let first = rest.split('\n').next().unwrap_or_default();
        let opens_with_key = match kind {
            FrontMatterKind::Toml => toml_key(first).is_some(),
            _ => starts_with_identifier_key(first),
        };
        if !opens_with_key {
            return None;
        }
        let len = leading_block(rest, looks_like);
        let mut parsed = parse_block(kind, &rest[..len], self.first_line);
        if parsed.data.is_empty() {
            return None;
        }
        let opener_line = self.first_line.saturating_sub(1);
        let until = self.first_line + rest[..len].trim_end().lines().count() - 1;
        let delimiter = self.text[..self.start]
            .lines()
            .last()
            .unwrap_or_default()
            .trim_end();
        parsed.warnings.insert(
            0,
            Warning::new(
                WarningCode::FrontMatterUnclosed,
                format!(
                    "The front matter that starts on line {opener_line} is never closed with “{delimiter}”; it was read up to line {until} and the rest as the article."
                ),
            )
            .with("delimiter", delimiter)
            .with("until", until.to_string())
            .at(Some(opener_line)),
        );
        Some(parsed.split(Some(kind), &self.text[self.start + len..]))
    }

    /// A leading code fence used as front matter: only when it holds a non-empty mapping.
    fn fenced(&self, kind: FrontMatterKind) -> Option<Split<'a>> {
        let (close, body) = find_closer(self.text, self.start, &["```"])?;
        let block = &self.text[self.start..close];
        let parsed = match kind {
            FrontMatterKind::Yaml => Parsed::from_yaml(yaml::parse(block).ok()?, self.first_line),
            #[cfg(feature = "toml")]
            FrontMatterKind::Toml => Parsed {
                data: toml_to_json(toml::from_str::<toml::Table>(block).ok()?),
                lines: toml_key_lines(block, self.first_line),
                warnings: Vec::new(),
            },
            #[cfg(not(feature = "toml"))]
            FrontMatterKind::Toml => {
                crate::tier::missing(crate::tier::Tier::Toml);
                return None;
            }
            FrontMatterKind::Json => Parsed {
                // Read as any value, then kept only if an object: a typed map's
                // errors would link float formatting into the light tier (14 KB).
                data: json_object(block).ok()?,
                lines: json_key_lines(block, self.first_line),
                warnings: Vec::new(),
            },
        };
        (!parsed.data.is_empty()).then(|| parsed.split(Some(kind), &self.text[body..]))
    }

    /// `---javascript` and other hints: JSON if it happens to be JSON, else skipped.
    fn other_language(&self, lang: &str) -> Option<Split<'a>> {
        let (close, body) = find_closer(self.text, self.start, &["---"])?;
        let block = &self.text[self.start..close];
        let body = &self.text[body..];
        Some(match json_object(block) {
            Ok(data) => Parsed {
                data,
                lines: json_key_lines(block, self.first_line),
                warnings: Vec::new(),
            }
            .split(Some(FrontMatterKind::Json), body),
            Err(_) => Parsed::empty(vec![Warning::new(
                WarningCode::JavascriptFrontMatter,
                format!(
                    "The front matter is written in {lang}, which Folio never runs; it was skipped."
                ),
            )
            .with("language", lang)
            .at(Some(self.first_line.saturating_sub(1)))])
            .split(None, body),
        })
    }
}

/// Byte length of the front matter at the start of `rest` when its closer is
/// missing: the lines that look like front matter, up to the first that does not
/// (or a `#` heading after a blank line), without the blank lines at its end.
fn leading_block(rest: &str, looks_like: fn(&str) -> bool) -> usize {
    let (mut pos, mut end, mut after_blank) = (0, 0, false);
    for line in rest.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        let blank = content.trim().is_empty();
        if !blank && (!looks_like(content) || (after_blank && content.starts_with('#'))) {
            break;
        }
        pos += line.len();
        if !blank {
            end = pos;
        }
        after_blank = blank;
    }
    end
}

/// Parses a block in its dialect; never fails, problems become warnings.
/// `first_line` is the block's first line in the file, to name lines in warnings.
fn parse_block(kind: FrontMatterKind, block: &str, first_line: usize) -> Parsed {
    match kind {
        FrontMatterKind::Yaml => parse_yaml(block, first_line),
        FrontMatterKind::Toml => parse_toml(block, first_line),
        FrontMatterKind::Json => parse_json(block, first_line),
    }
}

/// YAML, falling back to the line-by-line reader on a syntax error.
fn parse_yaml(block: &str, first_line: usize) -> Parsed {
    yaml_parsed(yaml::parse(block), block, first_line)
}

/// What [`parse_yaml`] makes of the block's strict reading `read`.
fn yaml_parsed(
    read: Result<yaml::Read, yaml::YamlError>,
    block: &str,
    first_line: usize,
) -> Parsed {
    match read {
        Ok(read) => Parsed::from_yaml(read, first_line),
        Err(yaml::YamlError::NotMapping) => Parsed::empty(vec![Warning::new(
            WarningCode::FrontMatterNotMapping,
            "The front matter is not a list of “key: value” pairs, so it was ignored.",
        )
        .at(Some(first_line))]),
        Err(yaml::YamlError::Syntax { line, info }) => {
            let mut parsed = Parsed::from_yaml(yaml::lenient(block), first_line);
            let line = first_line + line - 1;
            let detail = info.trim_end_matches('.');
            parsed.warnings.insert(
                0,
                Warning::new(
                    WarningCode::YamlBroken,
                    format!(
                        "The front matter has a YAML error on line {line} ({detail}); it was read line by line instead."
                    ),
                )
                .with("detail", detail)
                .at(Some(line)),
            );
            parsed
        }
    }
}

/// TOML in a build without the TOML tier: nothing read, the tier noted as missing.
#[cfg(not(feature = "toml"))]
fn parse_toml(block: &str, first_line: usize) -> Parsed {
    crate::tier::missing(crate::tier::Tier::Toml);
    Parsed {
        data: Map::new(),
        lines: toml_key_lines(block, first_line),
        warnings: Vec::new(),
    }
}

/// TOML; on an error, the top-level `key = value` lines that parse on their own are kept.
#[cfg(feature = "toml")]
fn parse_toml(block: &str, first_line: usize) -> Parsed {
    let lines = toml_key_lines(block, first_line);
    match toml::from_str::<toml::Table>(block) {
        Ok(table) => Parsed {
            data: toml_to_json(table),
            lines,
            warnings: Vec::new(),
        },
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
            let (what, kept) = if data.is_empty() {
                ("it was ignored", "none")
            } else {
                ("only the lines that could be read were kept", "some")
            };
            let line = first_line + line - 1;
            let warning = Warning::new(
                WarningCode::TomlBroken,
                format!("The front matter has a TOML error on line {line} ({msg}); {what}."),
            )
            .with("detail", msg)
            .with("kept", kept)
            .at(Some(line));
            Parsed {
                data,
                lines,
                warnings: vec![warning],
            }
        }
    }
}

/// JSON, with or without the outer braces (Hexo writes `"key": value` lines).
fn parse_json(block: &str, first_line: usize) -> Parsed {
    let trimmed = block.trim();
    if trimmed.is_empty() {
        return Parsed::empty(Vec::new());
    }
    let braced = trimmed.starts_with('{');
    let result = if braced {
        json_object(block)
    } else {
        json_object(&format!("{{{block}}}"))
    };
    match result {
        Ok(data) => Parsed {
            data,
            lines: json_key_lines(block, first_line),
            warnings: Vec::new(),
        },
        Err(e) => Parsed::empty(vec![json_broken(&e, first_line + e.line().max(1) - 1)]),
    }
}

/// The warning for a JSON block that could not be read.
fn json_broken(e: &serde_json::Error, line: usize) -> Warning {
    let detail = json_message(e);
    Warning::new(
        WarningCode::JsonBroken,
        format!("The front matter has a JSON error on line {line} ({detail}); it was ignored."),
    )
    .with("detail", detail)
    .at(Some(line))
}

/// The top-level keys of a TOML block and their lines in the file: `key = …` lines
/// (dotted keys by their first part) and `[table]` headers.
fn toml_key_lines(block: &str, first_line: usize) -> KeyLines {
    let mut lines = KeyLines::new();
    let mut in_table = false;
    for (n, line) in block.split('\n').enumerate() {
        let t = line.trim_start();
        if let Some(header) = t.strip_prefix('[') {
            in_table = true;
            let name = header.trim_start_matches('[').split([']', '.']).next();
            if let Some(name) = name.map(|k| k.trim().trim_matches(['"', '\''])) {
                lines.entry(name.to_string()).or_insert(first_line + n);
            }
        } else if !in_table {
            if let Some(key) = toml_key(t) {
                lines.insert(key.to_string(), first_line + n);
            }
        }
    }
    lines
}

/// The first part of the key of a TOML `key = value` line (bare, quoted or dotted).
fn toml_key(line: &str) -> Option<&str> {
    let (key, _) = line.split_once('=')?;
    let first = key.split('.').next()?.trim();
    let bare = first
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    let unquoted = first
        .strip_prefix('"')
        .and_then(|k| k.strip_suffix('"'))
        .or_else(|| first.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')));
    match unquoted {
        Some(k) => Some(k),
        None => (bare && !first.is_empty()).then_some(first),
    }
}

/// A line that may belong to a TOML block: blank, a comment, a table header,
/// indented (a multi-line array) or `key = …`.
fn looks_like_toml_line(line: &str) -> bool {
    let t = line.trim();
    t.is_empty()
        || t.starts_with(['#', '[', ']'])
        || line.starts_with([' ', '\t'])
        || toml_key(t).is_some()
}

/// The top-level keys of a JSON block (braced or not) and their lines in the file.
fn json_key_lines(block: &str, first_line: usize) -> KeyLines {
    let top = usize::from(block.trim_start().starts_with('{'));
    let mut lines = KeyLines::new();
    let (mut depth, mut line) = (0usize, first_line);
    let mut string_start: Option<(usize, usize)> = None;
    let mut escaped = false;
    let bytes = block.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            line += 1;
        }
        if let Some((start, start_line)) = string_start {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => {
                    string_start = None;
                    let is_key = block[i + 1..].trim_start().starts_with(':');
                    if is_key && depth == top {
                        // Read as a value (see `json_object`): the key's escapes decoded.
                        if let Ok(Value::String(key)) = serde_json::from_str(&block[start..=i]) {
                            lines.entry(key).or_insert(start_line);
                        }
                    }
                }
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => string_start = Some((i, line)),
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    lines
}

/// JSON text that must be an object. Read as any value first: a typed map's
/// deserializer links float formatting for its type errors into the light tier (14 KB).
fn json_object(text: &str) -> Result<Map<String, Value>, serde_json::Error> {
    match serde_json::from_str(text)? {
        Value::Object(map) => Ok(map),
        _ => Err(serde::de::Error::custom(
            "the front matter is not a JSON object",
        )),
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
    let first_line = line_number(text, start);
    let mut stream = serde_json::Deserializer::from_str(t).into_iter::<Value>();
    let (parsed, end) = match stream.next() {
        Some(Ok(Value::Object(data))) => {
            let end = stream.byte_offset();
            let lines = json_key_lines(&t[..end], first_line);
            let parsed = Parsed {
                data,
                lines,
                warnings: Vec::new(),
            };
            (parsed, end)
        }
        Some(Err(e)) => {
            let end = matching_brace(t)?;
            let warning = json_broken(&e, first_line + e.line().max(1) - 1);
            (Parsed::empty(vec![warning]), end)
        }
        // It starts with `{`: anything but an object is no front matter.
        Some(Ok(_)) | None => return None,
    };
    // The body starts on the line after the object when the rest of its line is blank.
    let rest = &t[end..];
    let line_rest = rest.find('\n').map_or(rest, |n| &rest[..=n]);
    let skip = if line_rest.trim().is_empty() {
        line_rest.len()
    } else {
        0
    };
    Some(parsed.split(Some(FrontMatterKind::Json), &t[end + skip..]))
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
    let first_line = line_number(text, start);
    if first.starts_with('"') {
        let (close, body) = find_closer(text, start, &[";;;"])?;
        let block = &text[start..close];
        let data = json_object(&format!("{{{block}}}")).ok()?;
        let parsed = Parsed {
            data,
            lines: json_key_lines(block, first_line),
            warnings: Vec::new(),
        };
        return (!parsed.data.is_empty())
            .then(|| parsed.split(Some(FrontMatterKind::Json), &text[body..]));
    }
    if !starts_with_identifier_key(first) {
        return None;
    }
    let (close, body) = find_closer(text, start, &["---"])?;
    let block = &text[start..close];
    let parsed = match yaml::parse(block) {
        Ok(read) => Parsed::from_yaml(read, first_line),
        Err(yaml::YamlError::Syntax { .. }) if block.split('\n').all(looks_like_yaml_line) => {
            parse_yaml(block, first_line)
        }
        Err(_) => return None,
    };
    (!parsed.data.is_empty()).then(|| parsed.split(Some(FrontMatterKind::Yaml), &text[body..]))
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
#[cfg(feature = "toml")]
fn toml_to_json(table: toml::Table) -> Map<String, Value> {
    table
        .into_iter()
        .map(|(k, v)| (k, toml_value(v, 0)))
        .collect()
}

#[cfg(feature = "toml")]
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
