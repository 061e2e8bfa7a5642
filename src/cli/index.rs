//! `folio index`: one record per article, as JSON Lines (default) or CSV, for jq,
//! DuckDB or pandas. The columns are [`COLUMNS`], in that order, in both forms.

use super::args::{Global, IndexArgs};
use super::inputs::{Entry, Input};
use super::output::{finish_status, Stdout};
use super::pipeline::{self, Flow};
use super::read;
use super::report::Report;
use super::signals::AtomicFile;
use folio::{Article, Format, FrontMatterKind};
use serde::Serialize;
use std::io::Write;

/// The column names: stable, documented in the README. New ones are only ever added
/// at the end.
pub const COLUMNS: [&str; 16] = [
    "path",
    "title",
    "date",
    "updated",
    "authors",
    "categories",
    "tags",
    "lang",
    "format",
    "front_matter",
    "encoding",
    "words",
    "chars",
    "bytes",
    "draft",
    "warnings",
];

/// One article's record (its fields in [`COLUMNS`] order).
#[derive(Serialize)]
struct Record<'a> {
    path: &'a str,
    title: Option<&'a str>,
    date: Option<&'a str>,
    updated: Option<&'a str>,
    authors: &'a [String],
    categories: &'a [String],
    tags: &'a [String],
    lang: Option<&'a str>,
    format: Format,
    front_matter: Option<FrontMatterKind>,
    encoding: &'a str,
    words: usize,
    chars: usize,
    bytes: usize,
    draft: bool,
    warnings: Vec<&'a str>,
}

impl<'a> Record<'a> {
    fn new(input: &'a Input, a: &'a Article, bytes: usize) -> Record<'a> {
        Record {
            path: &input.display,
            title: a.title.as_deref(),
            date: a.date.as_deref(),
            updated: a.updated.as_deref(),
            authors: &a.authors,
            categories: &a.categories,
            tags: &a.tags,
            lang: a.lang.as_deref(),
            format: a.format,
            front_matter: a.front_matter,
            encoding: &a.encoding,
            words: a.stats.words,
            chars: a.stats.chars,
            bytes,
            draft: a.draft,
            warnings: a.warnings.iter().map(|w| w.message.as_str()).collect(),
        }
    }

    /// One JSON Lines line.
    fn jsonl(&self) -> serde_json::Result<Vec<u8>> {
        let mut line = serde_json::to_vec(self)?;
        line.push(b'\n');
        Ok(line)
    }

    /// One CSV row: text as is, no value as an empty cell, lists as a JSON array.
    fn csv(&self) -> Result<Vec<u8>, String> {
        let serde_json::Value::Object(map) =
            serde_json::to_value(self).map_err(|e| e.to_string())?
        else {
            return Err("a record is an object".into());
        };
        let cells = COLUMNS.iter().map(|c| match map.get(*c) {
            None | Some(serde_json::Value::Null) => String::new(),
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(v) => v.to_string(),
        });
        csv_line(cells)
    }
}

fn csv_line<I: IntoIterator<Item = T>, T: AsRef<[u8]>>(cells: I) -> Result<Vec<u8>, String> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::with_capacity(512));
    w.write_record(cells).map_err(|e| e.to_string())?;
    w.into_inner().map_err(|e| e.to_string())
}

/// Where the records go.
enum Sink {
    Stdout(Stdout),
    File(AtomicFile),
}

/// Writes one line of the index; a failure stops the run.
fn write(report: &mut Report, sink: &mut Sink, bytes: &[u8]) -> Flow {
    let result = match sink {
        Sink::Stdout(out) => report.out(|| out.write(bytes)),
        Sink::File(f) => f.write_all(bytes),
    };
    match (result, sink) {
        (Ok(()), _) => Flow::Continue,
        (Err(e), Sink::Stdout(out)) => out.fail(report, &e),
        (Err(e), Sink::File(_)) => {
            report.err_line(&format!("folio: cannot write the index: {e}"));
            report.failed += 1;
            Flow::Stop
        }
    }
}

pub fn run(args: IndexArgs, global: &Global, pool: &rayon::ThreadPool) -> u8 {
    let inputs = &args.inputs;
    if let Err(e) = inputs.validate() {
        super::args::usage_error(&e);
    }
    let csv = args.csv;
    let mut report = Report::new(global, inputs, None);
    let mut sink = match &args.output {
        None => Sink::Stdout(Stdout::new()),
        Some(path) => match AtomicFile::create(path) {
            Ok(f) => Sink::File(f),
            Err(e) => {
                report.fail(
                    &path.display().to_string(),
                    &format!("cannot write it: {e}"),
                );
                report.finish("", false);
                return 1;
            }
        },
    };
    if csv {
        match csv_line(COLUMNS) {
            Ok(header) => {
                let _ = write(&mut report, &mut sink, &header);
            }
            Err(e) => report.fail("", &e),
        }
    }
    let mut rows = 0usize;
    let end = pipeline::run(
        pool,
        inputs.entries(None),
        |entry| -> Result<Option<Vec<u8>>, String> {
            let input = match entry {
                Entry::Article(input) => input,
                Entry::Unreadable { message, .. } => return Err(message.clone()),
                Entry::SkippedLink(_) => return Ok(None),
            };
            let bytes = read::bytes(input).map_err(|f| f.message)?;
            // A record needs no HTML: the body is read for its counts only.
            let options = folio::Options {
                include_html: false,
                ..read::options(input, None)
            };
            let article = folio::render(&bytes, &options).map_err(|e| e.to_string())?;
            let record = Record::new(input, &article, bytes.len());
            let line = if csv {
                record.csv()
            } else {
                record.jsonl().map_err(|e| e.to_string())
            };
            line.map(Some)
        },
        |entry, made| {
            let display = match &entry {
                Entry::Article(i) => i.display.as_str(),
                Entry::Unreadable { display, .. } => display.as_str(),
                Entry::SkippedLink(p) => {
                    report.note(&format!("skipped {p}: a symbolic link"));
                    return Flow::Continue;
                }
            };
            report.tick();
            match made {
                Ok(Some(line)) => {
                    rows += 1;
                    write(&mut report, &mut sink, &line)
                }
                Ok(None) => Flow::Continue,
                Err(message) => {
                    report.fail(display, &message);
                    Flow::Continue
                }
            }
        },
    );
    let written = match sink {
        Sink::Stdout(mut out) => out.flush(&mut report),
        // Only a whole index replaces the file: not after an interrupt or a write error.
        Sink::File(f) if end == pipeline::End::Done => match f.commit() {
            Ok(()) => true,
            Err(e) => {
                report.err_line(&format!("folio: cannot write the index: {e}"));
                false
            }
        },
        Sink::File(_) => false,
    };
    report.finish(
        &format!(
            "folio: {rows} records; {} of {} files failed",
            report.failed,
            report.done()
        ),
        false,
    );
    finish_status(end, report.failed > 0 || !written)
}
