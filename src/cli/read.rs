//! Reading one input and rendering it with the core, the same way for every command.
//! Files over [`folio::MAX_INPUT_BYTES`] are refused from their size, before reading.

use super::inputs::Input;
use folio::{Article, ErrorKind, Options};
use std::io::Read;

/// Why an input gave no Article, with a code `check` reports it under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// `binary`, `empty`, `too-large`, `read-failed` or `bad-option`.
    pub code: &'static str,
    /// One sentence for the reader.
    pub message: String,
}

impl Failure {
    fn read(e: &std::io::Error) -> Failure {
        Failure {
            code: "read-failed",
            message: format!("cannot read it: {e}"),
        }
    }
}

/// The input's bytes: at most one byte more than the core accepts, so that a huge
/// file (or stream) is never held in memory.
pub fn bytes(input: &Input) -> Result<Vec<u8>, Failure> {
    let limit = folio::MAX_INPUT_BYTES as u64;
    let mut buf = Vec::new();
    let read = match &input.path {
        None => std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut buf),
        Some(path) => {
            let f = std::fs::File::open(path).map_err(|e| Failure::read(&e))?;
            let len = f.metadata().map_err(|e| Failure::read(&e))?.len();
            if len > limit {
                return Err(too_large(len));
            }
            buf.reserve_exact(len as usize);
            f.take(limit + 1).read_to_end(&mut buf)
        }
    };
    read.map_err(|e| Failure::read(&e))?;
    if buf.len() as u64 > limit {
        return Err(too_large(buf.len() as u64));
    }
    Ok(buf)
}

/// The core's own error for a file this size (its sentence, the same as the viewer's).
fn too_large(len: u64) -> Failure {
    Failure {
        code: "too-large",
        message: folio::Error::too_large(len).to_string(),
    }
}

/// The options the core gets for `input`: its path (for the extension and a date in
/// the name; the browser passes the name inside a dropped folder the same way).
pub fn options(input: &Input, base_url: Option<&str>) -> Options {
    Options {
        file_name: input.path.as_ref().map(|_| input.display.clone()),
        base_url: base_url.map(str::to_string),
        ..Options::default()
    }
}

/// Reads and renders `input`.
pub fn article(input: &Input, base_url: Option<&str>) -> Result<Article, Failure> {
    article_with(input, &options(input, base_url))
}

/// Reads and renders `input` with the given options.
pub fn article_with(input: &Input, options: &Options) -> Result<Article, Failure> {
    render(&bytes(input)?, options)
}

/// Renders bytes already read.
pub fn render(bytes: &[u8], options: &Options) -> Result<Article, Failure> {
    folio::render(bytes, options).map_err(|e| Failure {
        code: match e.kind() {
            ErrorKind::Binary => "binary",
            ErrorKind::Empty => "empty",
            ErrorKind::TooLarge => "too-large",
            _ => "bad-option",
        },
        message: e.to_string(),
    })
}
