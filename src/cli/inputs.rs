//! Turns `PATH…`, `-` and `--files-from` into a lazy stream of articles to read, in a
//! stable order: arguments as given, folders walked in name order. Nothing is listed
//! ahead: a list of a million paths or a tree of a million files streams through.

use super::args::Inputs;
use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Read};
use std::path::{Component, Path, PathBuf};
use walkdir::WalkDir;

/// File name endings that look like articles: the same list as the viewer's
/// `www/drop.js` (a test keeps them equal). Inside folders only these are read.
pub const ARTICLE_EXTENSIONS: [&str; 14] = [
    ".md",
    ".markdown",
    ".mdown",
    ".mkd",
    ".mkdn",
    ".mdx",
    ".html",
    ".htm",
    ".xhtml",
    ".txt",
    ".text",
    ".rst",
    ".adoc",
    ".org",
];

/// Whether a file name ends like an article (ASCII case-insensitive).
pub fn looks_like_article(name: &OsStr) -> bool {
    let name = name.as_encoded_bytes();
    ARTICLE_EXTENSIONS.iter().any(|ext| {
        name.len() >= ext.len()
            && name[name.len() - ext.len()..].eq_ignore_ascii_case(ext.as_bytes())
    })
}

/// One article to read.
#[derive(Debug, Clone)]
pub struct Input {
    /// Where to read it; `None` for standard input.
    pub path: Option<PathBuf>,
    /// The path as the user will recognise it (as walked from their argument), for
    /// messages and records.
    pub display: String,
    /// Where it sits relative to `root`: what `render -o` mirrors.
    pub rel: PathBuf,
    /// The folder it was found in (the walked argument, or a named file's own folder):
    /// the assets a page may copy must lie inside it.
    pub root: PathBuf,
}

/// What the walk yields, in order: an article to read, a folder or list that could not
/// be read, or a symbolic link passed over (never followed: an archive may point anywhere).
#[derive(Debug)]
pub enum Entry {
    Article(Input),
    Unreadable { display: String, message: String },
    SkippedLink(String),
}

impl Inputs {
    /// Whether any input is standard input (an article or the path list).
    pub fn reads_stdin(&self) -> bool {
        self.paths.iter().any(|p| p == Path::new("-"))
            || self.files_from.as_deref() == Some(Path::new("-"))
    }

    /// Checks what can be checked before reading anything.
    pub fn validate(&self) -> Result<(), String> {
        if self.paths.is_empty() && self.files_from.is_none() {
            return Err(
                "no input: give files or folders, `-` for standard input, or --files-from".into(),
            );
        }
        let dashes = self.paths.iter().filter(|p| *p == Path::new("-")).count();
        if dashes > 1 || (dashes == 1 && self.files_from.as_deref() == Some(Path::new("-"))) {
            return Err("standard input can be read only once (`-` and --files-from -)".into());
        }
        Ok(())
    }

    /// The entries, lazily. A folder at `exclude` (the output of `render -o`) is
    /// never walked into.
    pub fn entries(&self, exclude: Option<&Path>) -> Box<dyn Iterator<Item = Entry> + Send> {
        let exclude = exclude.and_then(|p| std::path::absolute(p).ok());
        let from_list: Box<dyn Iterator<Item = Result<PathBuf, Entry>> + Send> =
            match &self.files_from {
                None => Box::new(std::iter::empty()),
                Some(list) => list_paths(list, self.null),
            };
        let named = self.paths.clone().into_iter().map(Ok).chain(from_list);
        Box::new(
            named.flat_map(move |p| -> Box<dyn Iterator<Item = Entry> + Send> {
                match p {
                    Err(e) => Box::new(std::iter::once(e)),
                    Ok(p) => expand(p, exclude.as_deref()),
                }
            }),
        )
    }
}

/// The paths of a `--files-from` list, read as it goes: one per line (a trailing CR
/// dropped) or NUL-separated; empty entries are skipped.
fn list_paths(list: &Path, null: bool) -> Box<dyn Iterator<Item = Result<PathBuf, Entry>> + Send> {
    let display = list.display().to_string();
    let reader: Box<dyn Read + Send> = if list == Path::new("-") {
        Box::new(std::io::stdin())
    } else {
        match std::fs::File::open(list) {
            Ok(f) => Box::new(f),
            Err(e) => {
                return Box::new(std::iter::once(Err(Entry::Unreadable {
                    display,
                    message: format!("cannot read the list of paths: {e}"),
                })))
            }
        }
    };
    let sep = if null { b'\0' } else { b'\n' };
    let mut failed = false;
    Box::new(
        BufReader::new(reader)
            .split(sep)
            .map_while(move |item| {
                if failed {
                    return None;
                }
                Some(match item {
                    Ok(mut bytes) => {
                        if !null && bytes.last() == Some(&b'\r') {
                            bytes.pop();
                        }
                        // In a list, `-` is a file of that name, never standard input again.
                        if bytes == b"-" {
                            bytes.insert(0, b'/');
                            bytes.insert(0, b'.');
                        }
                        Ok(path_from_bytes(bytes))
                    }
                    Err(e) => {
                        failed = true;
                        Err(Entry::Unreadable {
                            display: display.clone(),
                            message: format!("cannot read the list of paths: {e}"),
                        })
                    }
                })
            })
            .filter(|p| !matches!(p, Ok(p) if p.as_os_str().is_empty())),
    )
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// One named path: standard input, a file (always read, as when one file is dropped
/// on the viewer), or a folder to walk.
fn expand(path: PathBuf, exclude: Option<&Path>) -> Box<dyn Iterator<Item = Entry> + Send> {
    if path == Path::new("-") {
        return Box::new(std::iter::once(Entry::Article(Input {
            path: None,
            display: "-".into(),
            rel: PathBuf::from("stdin"),
            root: PathBuf::from("."),
        })));
    }
    if !path.is_dir() {
        let root = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        return Box::new(std::iter::once(Entry::Article(Input {
            display: path.display().to_string(),
            rel: named_rel(&path),
            root,
            path: Some(path),
        })));
    }
    let root = path.clone();
    // The excluded folder, relative to this one, if it lies inside.
    let excluded: Option<PathBuf> = exclude.and_then(|ex| {
        let abs = std::path::absolute(&path).ok()?;
        ex.strip_prefix(abs).ok().map(Path::to_path_buf)
    });
    let walk_root = root.clone();
    let walk = WalkDir::new(&path)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(move |e| {
            e.depth() == 0
                || !(is_hidden_or_vendored(e.file_name())
                    || excluded.as_deref().is_some_and(|ex| {
                        e.file_type().is_dir() && e.path().strip_prefix(&walk_root).ok() == Some(ex)
                    }))
        });
    Box::new(WalkEntries { walk, root })
}

/// A walked folder's entries, turned into [`Entry`] values.
struct WalkEntries<W> {
    walk: W,
    root: PathBuf,
}

impl<W: Iterator<Item = walkdir::Result<walkdir::DirEntry>>> Iterator for WalkEntries<W> {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        loop {
            let e = match self.walk.next()? {
                Ok(e) => e,
                Err(err) => {
                    let display = err.path().map_or_else(
                        || self.root.display().to_string(),
                        |p| p.display().to_string(),
                    );
                    let message = match err.io_error() {
                        Some(io) => format!("cannot read this folder: {io}"),
                        None => err.to_string(),
                    };
                    return Some(Entry::Unreadable { display, message });
                }
            };
            let ft = e.file_type();
            if ft.is_symlink() {
                return Some(Entry::SkippedLink(e.path().display().to_string()));
            }
            if ft.is_dir() || !looks_like_article(e.file_name()) {
                continue;
            }
            let rel = e
                .path()
                .strip_prefix(&self.root)
                .unwrap_or(e.path())
                .to_path_buf();
            return Some(Entry::Article(Input {
                display: e.path().display().to_string(),
                path: Some(e.path().to_path_buf()),
                rel,
                root: self.root.clone(),
            }));
        }
    }
}

/// Dot files and folders (`.git`, `.obsidian` …) and `node_modules`, as the viewer skips them.
fn is_hidden_or_vendored(name: &OsStr) -> bool {
    name.as_encoded_bytes().starts_with(b".") || name == "node_modules"
}

/// Where a named file lands under `render -o`: its relative path as given (without
/// `.` parts), or only its name when the path is absolute or climbs out with `..`.
fn named_rel(path: &Path) -> PathBuf {
    let plain = path
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if plain {
        path.components()
            .filter(|c| matches!(c, Component::Normal(_)))
            .collect()
    } else {
        path.file_name()
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("article"))
    }
}
