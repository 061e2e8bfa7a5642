//! `folio pack DIR -o archive.html`: a library in one HTML file, in the format of
//! `docs/archive-format.md` (the viewer's "Save library as one HTML file" writes the
//! same): the single-file viewer with base64 blocks of one ZIP before its last
//! `</body>`. The ZIP holds `folio-archive.json` (every file, each article's summary),
//! `index.jsonl` (each article's search document) and `files/<path>` (the bytes).
//!
//! It streams: articles are rendered on every core (text and links, no HTML) and their
//! summaries and documents go to temporary files; the ZIP is written to a temporary
//! file, one input file at a time, then copied into the page a block at a time. Only
//! the list of files (at most 50 000) is held. The archive is bounded as the viewer's
//! reader bounds it, so that it never writes one the viewer would refuse.

use super::args::{Global, Inputs, PackArgs};
use super::inputs::Input;
use super::library::{ignored, is_article, nfc, normalize_path, MAX_DEPTH, MAX_PATH_LENGTH};
use super::output::finish_status;
use super::pipeline::{self, End, Flow};
use super::read;
use super::report::Report;
use super::signals::{self, AtomicFile};
use base64::Engine;
use folio::{Article, Format, Link, Options};
use serde::Serialize;
use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

/// The blocks' `type`: a script type the browser never runs.
const ARCHIVE_TYPE: &str = "application/vnd.folio.archive+zip";
/// ZIP bytes per block: a multiple of 3, so that each block's base64 decodes alone.
const BLOCK_BYTES: usize = 6 * 1024 * 1024;
/// The reader's bounds (`www/library/zip-read.js`): entries, bytes in all, bytes per
/// entry, and the inflation ratio allowed to entries over `RATIO_FLOOR`.
const MAX_ENTRIES: usize = 50_000;
const MAX_TOTAL_BYTES: u64 = 1024 * 1024 * 1024;
const MAX_ENTRY_BYTES: u64 = 256 * 1024 * 1024;
const MAX_RATIO: u64 = 1000;
const RATIO_FLOOR: u64 = 1024 * 1024;
/// The longest list summary, in characters (`www/library/extract.js`).
const SUMMARY_CHARS: usize = 240;
/// Why a pack stopped; the message is for the reader.
struct Stop(String);

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Stop {
        Stop(e.to_string())
    }
}

impl From<zip::result::ZipError> for Stop {
    fn from(e: zip::result::ZipError) -> Stop {
        Stop(format!("cannot write the ZIP: {e}"))
    }
}

/// One file of the library.
#[derive(Debug)]
struct Member {
    /// Where it is on disk.
    source: PathBuf,
    /// Its path in the library: `DIR's name/…`, `/`-separated, NFC.
    path: String,
    size: u64,
    article: bool,
}

/// A file of the manifest's `files`.
#[derive(Serialize)]
struct ManifestFile<'a> {
    path: &'a str,
    size: u64,
    kind: &'static str,
}

/// The manifest without its `articles`, which are streamed in after it.
#[derive(Serialize)]
struct ManifestHead<'a> {
    format: &'static str,
    version: u32,
    title: &'a str,
    created: String,
    generator: String,
    files: Vec<ManifestFile<'a>>,
}

/// An article's summary in the manifest (`ArticleSummary` in `www/library/messages.js`).
#[derive(Serialize)]
struct Summary<'a> {
    path: &'a str,
    title: Option<&'a str>,
    date: Option<&'a str>,
    date_text: Option<&'a str>,
    authors: &'a [String],
    categories: &'a [String],
    tags: &'a [String],
    cover: Option<&'a str>,
    summary: Option<String>,
    lang: Option<&'a str>,
    format: Format,
    draft: bool,
    warnings: usize,
    encoding: &'a str,
    words: usize,
    links: &'a [Link],
}

/// An article's search document, one line of `index.jsonl`.
#[derive(Serialize)]
struct Doc<'a> {
    path: &'a str,
    title: &'a str,
    tags: String,
    authors: String,
    text: &'a str,
}

pub fn run(args: PackArgs, global: &Global, pool: &rayon::ThreadPool) -> u8 {
    let inputs = Inputs {
        paths: vec![args.dir.clone()],
        files_from: None,
        null: false,
    };
    let mut report = Report::new(global, &inputs, Some(&args.output));
    let result = pack(&args, &mut report, pool);
    let end = match result {
        Ok(end) => end,
        Err(Stop(message)) => {
            report.err_line(&format!("folio: {message}"));
            report.finish("", false);
            return 1;
        }
    };
    report.finish("", false);
    finish_status(end, false)
}

/// Packs the library; how the run ended, or why it stopped.
fn pack(args: &PackArgs, report: &mut Report, pool: &rayon::ThreadPool) -> Result<End, Stop> {
    let (viewer_path, viewer) = viewer(args.viewer.as_deref())?;
    let body_end = body_end(&viewer).ok_or_else(|| {
        Stop(format!(
            "{} has no </body>: it is not the single-file viewer",
            viewer_path.display()
        ))
    })?;
    if viewer.contains(&format!("<script type=\"{ARCHIVE_TYPE}\"")) {
        return Err(Stop(format!(
            "{} already holds a library: give the viewer itself (dist/folio.html)",
            viewer_path.display()
        )));
    }
    let root = root_name(&args.dir)?;
    let title = args.title.clone().unwrap_or_else(|| root.clone());
    let members = walk(&args.dir, &root, report)?;
    if signals::interrupted() {
        return Ok(End::Interrupted);
    }
    let articles = members.iter().filter(|m| m.article).count();
    let work_dir = match args.output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&work_dir)
        .map_err(|e| Stop(format!("cannot create {}: {e}", work_dir.display())))?;

    // Summaries and search documents, rendered on every core, kept in input order in
    // temporary files (removed by the system however the run ends).
    let mut summaries = BufWriter::new(tempfile::tempfile_in(&work_dir)?);
    let mut docs = BufWriter::new(tempfile::tempfile_in(&work_dir)?);
    let mut first = true;
    let mut written: io::Result<()> = Ok(());
    let end = pipeline::run(
        pool,
        members.iter().filter(|m| m.article),
        |m| summarize(m),
        |m, made| {
            report.tick();
            match made {
                Ok((summary, doc)) => {
                    let sep: &[u8] = if first { b"" } else { b"," };
                    first = false;
                    written = summaries
                        .write_all(sep)
                        .and_then(|()| summaries.write_all(summary.as_bytes()))
                        .and_then(|()| docs.write_all(doc.as_bytes()));
                    if written.is_err() {
                        return Flow::Stop;
                    }
                }
                Err(message) => report.err_line(&format!(
                    "folio: {}: {message} (packed without a summary: the viewer reads it when the archive opens)",
                    m.source.display()
                )),
            }
            Flow::Continue
        },
    );
    written.map_err(|e| Stop(format!("cannot write a temporary file: {e}")))?;
    if end != End::Done {
        return Ok(end);
    }

    let mut zip_file = tempfile::tempfile_in(&work_dir)?;
    let zip_len = write_zip(
        &mut zip_file,
        &title,
        &members,
        summaries.into_inner().map_err(|e| Stop(e.to_string()))?,
        docs.into_inner().map_err(|e| Stop(e.to_string()))?,
    )?;
    if signals::interrupted() {
        return Ok(End::Interrupted);
    }

    let mut out = AtomicFile::create(&args.output)
        .map_err(|e| Stop(format!("cannot write {}: {e}", args.output.display())))?;
    let mut page = BufWriter::with_capacity(1 << 20, &mut out);
    page.write_all(&viewer.as_bytes()[..body_end])?;
    zip_file.seek(SeekFrom::Start(0))?;
    let parts = zip_len.div_ceil(BLOCK_BYTES as u64).max(1);
    let mut slice = vec![0u8; BLOCK_BYTES];
    for part in 0..parts {
        if signals::interrupted() {
            return Ok(End::Interrupted);
        }
        let n = (zip_len - part * BLOCK_BYTES as u64).min(BLOCK_BYTES as u64) as usize;
        zip_file.read_exact(&mut slice[..n])?;
        let tag = "script";
        write!(
            page,
            "<{tag} type=\"{ARCHIVE_TYPE}\" data-part=\"{part}\" data-parts=\"{parts}\">"
        )?;
        page.write_all(
            base64::engine::general_purpose::STANDARD
                .encode(&slice[..n])
                .as_bytes(),
        )?;
        writeln!(page, "</{tag}>")?;
    }
    page.write_all(&viewer.as_bytes()[body_end..])?;
    page.flush()?;
    drop(page);
    out.commit()
        .map_err(|e| Stop(format!("cannot write {}: {e}", args.output.display())))?;
    let page_len = std::fs::metadata(&args.output)
        .map(|m| m.len())
        .unwrap_or(0);
    if report.level > super::report::Level::Quiet {
        report.err_line(&format!(
            "folio: packed {} files ({articles} articles) into {}: {:.1} MB (ZIP {:.1} MB, {parts} block{})",
            members.len(),
            args.output.display(),
            page_len as f64 / 1e6,
            zip_len as f64 / 1e6,
            if parts == 1 { "" } else { "s" }
        ));
    }
    Ok(End::Done)
}

/// The viewer's HTML: `--viewer`, else the first of the places `make dist` or an
/// install leaves it.
fn viewer(given: Option<&Path>) -> Result<(PathBuf, String), Stop> {
    let candidates: Vec<PathBuf> = match given {
        Some(p) => vec![p.to_path_buf()],
        None => default_viewers(),
    };
    for path in &candidates {
        match std::fs::read(path) {
            Ok(bytes) => {
                return String::from_utf8(bytes)
                    .map(|html| (path.clone(), html))
                    .map_err(|_| {
                        Stop(format!(
                            "{} is not UTF-8 HTML: it is not the single-file viewer",
                            path.display()
                        ))
                    });
            }
            Err(e) if given.is_some() => {
                return Err(Stop(format!(
                    "cannot read the viewer {}: {e}",
                    path.display()
                )))
            }
            Err(_) => {}
        }
    }
    Err(Stop(format!(
        "no single-file viewer found (looked for {}); build it with `make dist` or give one with --viewer FILE",
        candidates
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    )))
}

/// Where the viewer is looked for: `folio.html` beside the binary (an install), the
/// `dist/folio.html` of the checkout the binary was built in (`target/*/folio`), and
/// `dist/folio.html` under the current folder.
fn default_viewers() -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Some(bin_dir) = std::env::current_exe()
        .ok()
        .and_then(|e| e.parent().map(Path::to_path_buf))
    {
        out.push(bin_dir.join("folio.html"));
        // target/release/folio, or target/debug/deps/… for a test binary's sibling.
        for up in bin_dir.ancestors().skip(1).take(3) {
            if up.join("Cargo.toml").is_file() {
                out.push(up.join("dist/folio.html"));
                break;
            }
        }
    }
    out.push(PathBuf::from("dist/folio.html"));
    out
}

/// Where the blocks go: before the last `</body>`.
fn body_end(html: &str) -> Option<usize> {
    html.rfind("</body>")
}

/// DIR's own name, as the viewer's folder picker gives it: the library's top folder.
fn root_name(dir: &Path) -> Result<String, Stop> {
    let meta =
        std::fs::metadata(dir).map_err(|e| Stop(format!("cannot read {}: {e}", dir.display())))?;
    if !meta.is_dir() {
        return Err(Stop(format!(
            "{} is not a folder: pack takes the folder of a library",
            dir.display()
        )));
    }
    let full = std::fs::canonicalize(dir)
        .map_err(|e| Stop(format!("cannot read {}: {e}", dir.display())))?;
    let name = full.file_name().and_then(|n| n.to_str()).ok_or_else(|| {
        Stop(format!(
            "{} has no name that can be a library's (UTF-8, not the root)",
            dir.display()
        ))
    })?;
    let nfc = nfc(name);
    match normalize_path(&nfc) {
        Some(n) if n == nfc => Ok(nfc),
        _ => Err(Stop(format!(
            "the folder name “{name}” cannot be a path in an archive"
        ))),
    }
}

/// The library's files, in name order: hidden entries, tools' folders and symbolic
/// links left out; names the viewer would read differently reported and left out.
fn walk(dir: &Path, root: &str, report: &Report) -> Result<Vec<Member>, Stop> {
    let mut members = Vec::new();
    let mut seen = HashSet::new();
    let mut total = 0u64;
    let walk = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !ignored(&e.file_name().to_string_lossy()));
    for entry in walk {
        if signals::interrupted() {
            break;
        }
        let entry = entry.map_err(|e| Stop(format!("cannot read the folder: {e}")))?;
        let ft = entry.file_type();
        if ft.is_symlink() {
            report.note(&format!(
                "skipped {}: a symbolic link",
                entry.path().display()
            ));
            continue;
        }
        if !ft.is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        let Some(rel) = rel.to_str() else {
            report.err_line(&format!(
                "folio: {}: left out: its name is not UTF-8",
                entry.path().display()
            ));
            continue;
        };
        let path = nfc(&format!(
            "{root}/{}",
            rel.replace(std::path::MAIN_SEPARATOR, "/")
        ));
        if normalize_path(&path).as_deref() != Some(path.as_str()) {
            report.err_line(&format!(
                "folio: {}: left out: the viewer cannot keep its name (control characters, a backslash, over {MAX_PATH_LENGTH} characters or {MAX_DEPTH} folders deep)",
                entry.path().display()
            ));
            continue;
        }
        if !seen.insert(path.clone()) {
            report.err_line(&format!(
                "folio: {}: left out: another file has the same name in Unicode NFC",
                entry.path().display()
            ));
            continue;
        }
        let size = entry
            .metadata()
            .map_err(|e| Stop(format!("cannot read {}: {e}", entry.path().display())))?
            .len();
        if size > MAX_ENTRY_BYTES {
            return Err(Stop(format!(
                "{} is {:.0} MiB; an archive holds files of at most {} MiB",
                entry.path().display(),
                size as f64 / (1024.0 * 1024.0),
                MAX_ENTRY_BYTES / (1024 * 1024)
            )));
        }
        total += size;
        if total > MAX_TOTAL_BYTES {
            return Err(Stop(format!(
                "{} holds more than {} GiB of files, more than an archive holds",
                dir.display(),
                MAX_TOTAL_BYTES >> 30
            )));
        }
        // The manifest and the index are entries too.
        if members.len() + 2 >= MAX_ENTRIES {
            return Err(Stop(format!(
                "{} holds more than {} files, more than an archive holds",
                dir.display(),
                MAX_ENTRIES - 2
            )));
        }
        let article = is_article(&path);
        members.push(Member {
            source: entry.path().to_path_buf(),
            path,
            size,
            article,
        });
    }
    Ok(members)
}

/// Renders one article for the index (text and links, no HTML): its summary and search
/// document as JSON, or why it could not be read.
fn summarize(m: &Member) -> Result<(String, String), String> {
    let name = m.path.rsplit('/').next().unwrap_or(&m.path).to_string();
    let input = Input {
        path: Some(m.source.clone()),
        display: m.source.display().to_string(),
        rel: PathBuf::from(&name),
        root: PathBuf::from("."),
    };
    let options = Options {
        file_name: Some(name),
        include_text: true,
        include_html: false,
        ..Options::default()
    };
    let a = read::article_with(&input, &options).map_err(|f| f.message)?;
    let summary = serde_json::to_string(&summary_of(&m.path, &a)).map_err(|e| e.to_string())?;
    let doc = serde_json::to_string(&Doc {
        path: &m.path,
        title: a.title.as_deref().unwrap_or(""),
        tags: a
            .tags
            .iter()
            .chain(&a.categories)
            .cloned()
            .collect::<Vec<_>>()
            .join(" "),
        authors: a.authors.join(" "),
        text: a.text.as_deref().unwrap_or(""),
    })
    .map_err(|e| e.to_string())?;
    Ok((summary, doc + "\n"))
}

/// What the viewer's list and links need of an article (`summarize` in
/// `www/library/extract.js`).
fn summary_of<'a>(path: &'a str, a: &'a Article) -> Summary<'a> {
    let short = a
        .summary
        .as_deref()
        .or(a.excerpt.as_deref().filter(|e| !e.trim().is_empty()));
    Summary {
        path,
        title: a.title.as_deref(),
        date: a.date.as_deref(),
        date_text: a.date_text.as_deref(),
        authors: &a.authors,
        categories: &a.categories,
        tags: &a.tags,
        cover: a.cover.as_deref(),
        summary: short.map(|s| clip(s, SUMMARY_CHARS)),
        lang: a.lang.as_deref(),
        format: a.format,
        draft: a.draft,
        warnings: a.warnings.len(),
        encoding: &a.encoding,
        words: a.stats.words,
        links: &a.links,
    }
}

/// Text on one line, cut to at most `max` characters at a word (when one ends in its
/// last 40 %) with "…", as the viewer cuts it.
fn clip(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let space = cut.rfind(' ').map(|b| cut[..b].chars().count());
    match space {
        Some(s) if s * 5 > max * 3 => format!("{}…", cut.chars().take(s).collect::<String>()),
        _ => format!("{cut}…"),
    }
}

/// Writes the ZIP: the manifest, the index, then every file (articles deflated, other
/// files stored). Its length.
fn write_zip(
    zip_file: &mut File,
    title: &str,
    members: &[Member],
    summaries: File,
    docs: File,
) -> Result<u64, Stop> {
    let mut zip = zip::ZipWriter::new(BufWriter::with_capacity(1 << 20, &mut *zip_file));
    let deflated = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(6));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);

    let head = serde_json::to_string(&ManifestHead {
        format: "folio-archive",
        version: 1,
        title,
        created: created(),
        generator: format!("folio pack {}", env!("CARGO_PKG_VERSION")),
        files: members
            .iter()
            .map(|m| ManifestFile {
                path: &m.path,
                size: m.size,
                kind: if m.article { "article" } else { "asset" },
            })
            .collect(),
    })
    .map_err(|e| Stop(e.to_string()))?;
    let head = head.strip_suffix('}').unwrap_or(&head);
    zip.start_file("folio-archive.json", deflated)?;
    zip.write_all(head.as_bytes())?;
    zip.write_all(b",\"articles\":[")?;
    let mut total = head.len() as u64 + 15 + copy_from_start(summaries, &mut zip)?;
    zip.write_all(b"]}")?;
    zip.start_file("index.jsonl", deflated)?;
    total += copy_from_start(docs, &mut zip)?;

    for m in members {
        total += m.size;
        if total > MAX_TOTAL_BYTES {
            return Err(Stop(format!(
                "the library would unpack to more than {} GiB with its index, more than an archive holds",
                MAX_TOTAL_BYTES >> 30
            )));
        }
        if signals::interrupted() {
            return Ok(0);
        }
        let options = if m.article && !too_compressible(m)? {
            deflated
        } else {
            stored
        };
        zip.start_file(format!("files/{}", m.path), options)?;
        let mut f = File::open(&m.source)
            .map_err(|e| Stop(format!("cannot read {}: {e}", m.source.display())))?;
        let n = io::copy(&mut (&mut f).take(m.size + 1), &mut zip)
            .map_err(|e| Stop(format!("cannot pack {}: {e}", m.source.display())))?;
        if n != m.size {
            return Err(Stop(format!(
                "{} changed while it was packed",
                m.source.display()
            )));
        }
    }
    let mut buffered = zip.finish()?;
    buffered.flush()?;
    drop(buffered);
    Ok(zip_file.stream_position()?)
}

/// Whether an article over the reader's ratio floor would deflate more than the reader
/// allows (a page of one repeated character): such a file is stored instead.
fn too_compressible(m: &Member) -> Result<bool, Stop> {
    if m.size <= RATIO_FLOOR {
        return Ok(false);
    }
    let f = File::open(&m.source)
        .map_err(|e| Stop(format!("cannot read {}: {e}", m.source.display())))?;
    let mut counter = Counter(0);
    let mut encoder = flate2::write::DeflateEncoder::new(&mut counter, flate2::Compression::new(6));
    io::copy(&mut f.take(m.size), &mut encoder)?;
    encoder.finish()?;
    Ok(counter.0 * MAX_RATIO < m.size)
}

/// A sink that counts the bytes written to it.
struct Counter(u64);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Copies a temporary file, from its start, into `to`; the bytes copied.
fn copy_from_start(mut from: File, to: &mut impl Write) -> Result<u64, Stop> {
    from.seek(SeekFrom::Start(0))?;
    Ok(io::copy(&mut from, to)?)
}

/// When the archive was written, in ISO 8601 UTC with milliseconds (as the viewer's
/// `toISOString`); `SOURCE_DATE_EPOCH` (seconds) fixes it, for reproducible builds.
fn created() -> String {
    let now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .unwrap_or_else(jiff::Timestamp::now);
    now.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_are_clipped_at_a_word() {
        assert_eq!(clip("  a\n b  ", 240), "a b");
        let long = "word ".repeat(100);
        let c = clip(&long, 240);
        assert!(c.ends_with("word…"), "{c}");
        assert!(c.chars().count() <= 241);
        let solid = "x".repeat(300);
        assert_eq!(clip(&solid, 240).chars().count(), 241);
    }

    #[test]
    fn created_follows_source_date_epoch_format() {
        let t = jiff::Timestamp::from_second(1_764_445_200).unwrap();
        assert_eq!(
            t.strftime("%Y-%m-%dT%H:%M:%S%.3fZ").to_string(),
            "2025-11-29T19:40:00.000Z"
        );
    }
}
