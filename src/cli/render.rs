//! `folio render`: HTML fragments on stdout, one page per article (`-o DIR`), the
//! Article as JSON (`--json`, one file) or JSON Lines (`--jsonl`).

use super::args::usage_error;
use super::args::{Global, RenderArgs};
use super::inputs::{Entry, Input};
use super::output::{finish_status, Stdout};
use super::page::{self, Asset};
use super::pipeline::{self, Flow};
use super::read;
use super::report::Report;
use folio::Article;
use serde::Serialize;
use std::collections::HashSet;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
use std::path::{Path, PathBuf};

enum Mode {
    Fragment,
    Json,
    Jsonl,
    Pages(PathBuf),
}

/// One line of `--jsonl`: the path, then the Article's own fields.
#[derive(Serialize)]
struct Line<'a> {
    path: &'a str,
    #[serde(flatten)]
    article: &'a Article,
}

/// What a worker made of one entry.
enum Made {
    /// Text for stdout (fragment, JSON), files copied beside a page, notes for `--verbose`.
    Done {
        out: String,
        copied: usize,
        notes: Vec<String>,
    },
    /// Page written, but some of its files could not be copied.
    Partly {
        copied: usize,
        notes: Vec<String>,
        errors: Vec<String>,
    },
    Failed(String),
    Note(String),
}

pub fn run(args: RenderArgs, global: &Global, pool: &rayon::ThreadPool) -> u8 {
    let inputs = &args.inputs;
    if let Err(e) = inputs.validate() {
        usage_error(&e);
    }
    let mode = match (&args.output, args.json, args.jsonl) {
        (Some(dir), _, _) => {
            if inputs.paths.iter().any(|p| p == Path::new("-")) {
                usage_error(
                    "-o writes one page per file; standard input (`-`) has no file name to mirror",
                );
            }
            Mode::Pages(dir.clone())
        }
        (None, true, _) => {
            let one_file = inputs.files_from.is_none()
                && inputs.paths.len() == 1
                && (inputs.paths[0] == Path::new("-") || !inputs.paths[0].is_dir());
            if !one_file {
                usage_error(
                    "--json prints one file's Article; use --jsonl for several files or a folder",
                );
            }
            Mode::Json
        }
        (None, false, true) => Mode::Jsonl,
        (None, false, false) => Mode::Fragment,
    };
    let base = args.base_url.as_deref();
    let mut report = Report::new(global, inputs, args.output.as_deref());

    let (exclude, out_dir) = match &mode {
        Mode::Pages(dir) => {
            let css = dir.join(page::STYLESHEET_NAME);
            if let Err(e) = page::write_file(&css, page::STYLESHEET.as_bytes()) {
                report.fail(&css.display().to_string(), &format!("cannot write it: {e}"));
                report.finish("", false);
                return 1;
            }
            (Some(dir.as_path()), Some(dir.clone()))
        }
        _ => (None, None),
    };

    // Page names are given out in input order, on the producer's thread, so that two
    // articles that would share one (`a.md`, `a.html`) are told apart the same way
    // every run. Only a 64-bit hash per page is kept.
    let mut taken: HashSet<u64, BuildHasherDefault<DefaultHasher>> = HashSet::default();
    let hasher = BuildHasherDefault::<DefaultHasher>::default();
    let pages = out_dir.is_some();
    let items = inputs.entries(exclude).map(move |entry| {
        let page = match &entry {
            Entry::Article(input) if pages => {
                Some(page_name(&input.rel, |p| taken.insert(hasher.hash_one(p))))
            }
            _ => None,
        };
        (entry, page)
    });

    let mut stdout = Stdout::new();
    let (mut written, mut copied) = (0usize, 0usize);
    let end = pipeline::run(
        pool,
        items,
        |(entry, page_rel)| match entry {
            Entry::Unreadable { message, .. } => Made::Failed(message.clone()),
            Entry::SkippedLink(path) => Made::Note(format!("skipped {path}: a symbolic link")),
            Entry::Article(input) => make(input, &mode, base, page_rel.as_ref()),
        },
        |(entry, _), made| {
            let display = match &entry {
                Entry::Article(i) => i.display.as_str(),
                Entry::Unreadable { display, .. } => display.as_str(),
                Entry::SkippedLink(_) => "",
            };
            match made {
                Made::Note(n) => {
                    report.note(&n);
                    return Flow::Continue;
                }
                Made::Failed(message) => report.fail(display, &message),
                Made::Done {
                    out,
                    copied: c,
                    notes,
                } => {
                    for n in &notes {
                        report.note(n);
                    }
                    if out_dir.is_some() {
                        written += 1;
                        copied += c;
                    } else if let Err(e) = report.out(|| stdout.write(out.as_bytes())) {
                        return stdout.fail(&mut report, &e);
                    }
                }
                Made::Partly {
                    copied: c,
                    notes,
                    errors,
                } => {
                    written += 1;
                    copied += c;
                    for n in &notes {
                        report.note(n);
                    }
                    report.fail(display, &errors.join("; "));
                }
            }
            report.tick();
            Flow::Continue
        },
    );
    let flushed = stdout.flush(&mut report);
    let summary = match &out_dir {
        Some(dir) => format!(
            "folio: {written} pages written to {}, {copied} files copied, {} of {} failed",
            dir.display(),
            report.failed,
            report.done()
        ),
        None => format!("folio: {} of {} files failed", report.failed, report.done()),
    };
    report.finish(&summary, out_dir.is_some());
    finish_status(end, report.failed > 0 || !flushed)
}

/// Renders one input in the given mode (on a worker thread); in `-o` mode `page` is
/// the page's name (or why it has none), given out by the producer.
fn make(
    input: &Input,
    mode: &Mode,
    base: Option<&str>,
    page: Option<&Result<PathBuf, String>>,
) -> Made {
    if let Some(Err(e)) = page {
        return Made::Failed(e.clone());
    }
    let article = match read::article(input, base) {
        Ok(a) => a,
        Err(f) => return Made::Failed(f.message),
    };
    let json = match mode {
        Mode::Fragment => Ok(folio::fragment::to_fragment(&article)),
        Mode::Json => serde_json::to_string_pretty(&article).map(|s| s + "\n"),
        Mode::Jsonl => serde_json::to_string(&Line {
            path: &input.display,
            article: &article,
        })
        .map(|s| s + "\n"),
        Mode::Pages(dir) => {
            return match page {
                Some(Ok(rel)) => write_page(input, &article, dir, rel),
                _ => Made::Failed("it was given no page name".into()),
            }
        }
    };
    match json {
        Ok(out) => Made::Done {
            out,
            copied: 0,
            notes: Vec::new(),
        },
        Err(e) => Made::Failed(format!("cannot write its JSON: {e}")),
    }
}

/// Writes the page and copies the files it refers to.
fn write_page(input: &Input, article: &Article, out_dir: &Path, rel: &Path) -> Made {
    let dest = out_dir.join(rel);
    let depth = rel.components().count().saturating_sub(1);
    if let Err(e) = page::write_file(&dest, page::page(article, depth).as_bytes()) {
        return Made::Failed(format!("cannot write {}: {e}", dest.display()));
    }
    let mut notes = vec![format!("wrote {}", dest.display())];
    let mut errors = Vec::new();
    // Only the file's own folder tree; standard input has none.
    let Some(source) = &input.path else {
        return Made::Done {
            out: String::new(),
            copied: 0,
            notes,
        };
    };
    let mut seen = HashSet::new();
    let mut copied = 0;
    for r in page::relative_references(article) {
        if !seen.insert(r.clone()) {
            continue;
        }
        match page::copy_asset(&r, source, &input.root, out_dir) {
            Ok(Asset::Copied(to)) => {
                copied += 1;
                notes.push(format!("copied {r} to {}", to.display()));
            }
            Ok(Asset::Article) => {}
            Ok(Asset::Missing(p)) => notes.push(format!(
                "{}: “{r}” names no file ({})",
                input.display,
                p.display()
            )),
            Ok(Asset::Outside(p)) => notes.push(format!(
                "{}: “{r}” was not copied: {} lies outside {} or is not a regular file",
                input.display,
                p.display(),
                input.root.display()
            )),
            Err(e) => errors.push(format!("cannot copy “{r}”: {e}")),
        }
    }
    if errors.is_empty() {
        Made::Done {
            out: String::new(),
            copied,
            notes,
        }
    } else {
        Made::Partly {
            copied,
            notes,
            errors,
        }
    }
}

/// The page's path for an article at `rel`: `a.md` → `a.html`; when an earlier
/// article took that name (`a.html` beside `a.md`), `a.md.html`.
fn page_name(rel: &Path, mut take: impl FnMut(&Path) -> bool) -> Result<PathBuf, String> {
    let plain = rel.with_extension("html");
    if take(&plain) {
        return Ok(plain);
    }
    let mut long = rel.as_os_str().to_owned();
    long.push(".html");
    let long = PathBuf::from(long);
    if take(&long) {
        return Ok(long);
    }
    Err(format!(
        "its page {} is already another article's page",
        plain.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_taken_page_name_gets_the_long_form_then_an_error() {
        let mut taken = HashSet::new();
        let mut take = |p: &Path| taken.insert(p.to_path_buf());
        assert_eq!(
            page_name(Path::new("d/a.html"), &mut take).unwrap(),
            Path::new("d/a.html")
        );
        assert_eq!(
            page_name(Path::new("d/a.md"), &mut take).unwrap(),
            Path::new("d/a.md.html")
        );
        assert_eq!(
            page_name(Path::new("d/b.md"), &mut take).unwrap(),
            Path::new("d/b.html")
        );
        assert!(page_name(Path::new("d/a.md"), &mut take).is_err());
    }
}
