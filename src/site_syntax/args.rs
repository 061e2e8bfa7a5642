//! Arguments of tags and shortcodes: quoted words, positional and `key=value`.

use std::collections::HashMap;

/// Splits arguments at whitespace (or `sep`), keeping quoted parts together and
/// dropping the quotes.
pub(super) fn split_args(s: &str, comma: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut any = false;
    for c in s.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => cur.push(c),
            None if c == '"' || c == '\'' || c == '`' || c == '“' => {
                quote = Some(if c == '“' { '”' } else { c });
                any = true;
            }
            None if c.is_whitespace() || (comma && c == ',') => {
                if !cur.is_empty() || any {
                    out.push(std::mem::take(&mut cur));
                }
                any = false;
            }
            None => cur.push(c),
        }
    }
    if !cur.is_empty() || any {
        out.push(cur);
    }
    out
}

/// Positional and `key=value` arguments.
#[derive(Default)]
pub(super) struct Args {
    pub(super) positional: Vec<String>,
    pub(super) named: HashMap<String, String>,
}

impl Args {
    pub(super) fn get(&self, key: &str) -> Option<&str> {
        self.named
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
    pub(super) fn pos(&self, i: usize) -> Option<&str> {
        self.positional
            .get(i)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

/// Hugo and Tera arguments: `a "b c" key="v" k2=v2`.
pub(super) fn named_args(s: &str) -> Args {
    let mut args = Args::default();
    for part in split_args(s, true) {
        match part.split_once('=') {
            Some((k, v))
                if !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') =>
            {
                let v = v.trim_matches(|c| c == '"' || c == '\'');
                args.named.insert(k.to_ascii_lowercase(), v.to_string());
            }
            _ => args.positional.push(part),
        }
    }
    // `key="a b"` was split at the space inside the quotes only if unquoted; the
    // quote-aware splitter keeps it whole, but `key= "v"` leaves `key=` and `v`.
    args
}
