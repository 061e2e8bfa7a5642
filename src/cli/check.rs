//! `folio check`: lints an archive. One line per finding (`path:line: level: message
//! [code]`, or GitHub workflow commands), a summary, exit status 1 when an error was
//! found.
//!
//! Findings come from the core's `Article`: files it could not read, every warning
//! it gave (with its code and line: broken front matter, unreadable or out-of-range
//! dates …), titles that only the file name gave, and, across the tree, permalinks or
//! slugs that two articles share.

use super::args::usage_error;
use super::args::{CheckArgs, CheckFormat, Global};
use super::inputs::{Entry, Input};
use super::library::{nfc, Tree};
use super::output::{finish_status, Stdout};
use super::pipeline::{self, Flow};
use super::read;
use super::report::{Level as Say, Report};
use folio::{Article, LinkKind, Options, Warning, WarningCode};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// How serious a finding is. Errors set the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
}

impl Level {
    fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
        }
    }
}

/// What a finding is about: a stable kebab-case code, for `--ignore` and for CI.
/// The command line's own checks, and every warning code of the core.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// Not text: an image, an archive … (the core's `ErrorKind::Binary`).
    Binary,
    /// No bytes at all.
    Empty,
    /// Larger than the core opens.
    TooLarge,
    /// The file or folder could not be read (permissions, vanished …).
    ReadFailed,
    /// Neither the front matter nor the document gives a title.
    TitleMissing,
    /// Two articles give the same `permalink` (or Hugo `url`).
    PermalinkDuplicate,
    /// Two articles in one folder have the same slug.
    SlugDuplicate,
    /// A relative link, wiki link or embed that names no file of the checked folder.
    LinkMissing,
    /// A relative image that names no file of the checked folder.
    ImageMissing,
    /// A warning of the core's (`Article.warnings`), under its own code.
    Core(WarningCode),
}

impl Code {
    /// The command line's own codes, in the order the help lists them.
    const OWN: [Code; 9] = [
        Code::Binary,
        Code::Empty,
        Code::TooLarge,
        Code::ReadFailed,
        Code::TitleMissing,
        Code::PermalinkDuplicate,
        Code::SlugDuplicate,
        Code::ImageMissing,
        Code::LinkMissing,
    ];

    /// Every code, for `--ignore`'s check and the help text: the command line's own,
    /// then the core's.
    pub fn all() -> impl Iterator<Item = Code> {
        Code::OWN
            .into_iter()
            .chain(WarningCode::ALL.iter().map(|&c| Code::Core(c)))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Code::Binary => "binary",
            Code::Empty => "empty",
            Code::TooLarge => "too-large",
            Code::ReadFailed => "read-failed",
            Code::TitleMissing => "title-missing",
            Code::PermalinkDuplicate => "permalink-duplicate",
            Code::SlugDuplicate => "slug-duplicate",
            Code::LinkMissing => "link-missing",
            Code::ImageMissing => "image-missing",
            Code::Core(c) => c.as_str(),
        }
    }

    /// Errors are what stops a site generator or loses what the author wrote: a file
    /// that cannot be shown, front matter that is not read as written, two articles
    /// at one address, an image that is not there. The rest is worth a look but leaves
    /// the article whole (a link may name a page the site generator makes, or a note
    /// not written yet, as Obsidian allows).
    pub fn level(self) -> Level {
        match self {
            Code::TitleMissing | Code::LinkMissing => Level::Warning,
            Code::Core(c) => core_level(c),
            _ => Level::Error,
        }
    }

    fn from_failure(code: &str) -> Code {
        match code {
            "binary" => Code::Binary,
            "empty" => Code::Empty,
            "too-large" => Code::TooLarge,
            _ => Code::ReadFailed,
        }
    }
}

/// The level of a core warning: broken or unclosed front matter is an error (its
/// metadata is lost or guessed line by line); everything else a warning (a date shown
/// as written, a value left out, a guessed encoding). A code added later is a warning
/// until it is placed here.
fn core_level(code: WarningCode) -> Level {
    match code {
        WarningCode::FrontMatterUnclosed
        | WarningCode::FrontMatterNotMapping
        | WarningCode::YamlBroken
        | WarningCode::TomlBroken
        | WarningCode::JsonBroken => Level::Error,
        _ => Level::Warning,
    }
}

/// `folio check --help`'s closing text: the codes by level, then the exit status.
pub fn after_help() -> String {
    format!(
        "Codes (--ignore CODE leaves one out; the README says what each means):\n{}\n\n\
         Exit status: 0 when no error was found (warnings allowed), 1 when one was, 2 for a usage error, \
         130 when interrupted.",
        codes_help()
    )
}

/// The codes, by level.
fn codes_help() -> String {
    let list = |level: Level| {
        Code::all()
            .filter(|c| c.level() == level)
            .map(Code::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "Errors: {}.\nWarnings: {}.",
        list(Level::Error),
        list(Level::Warning)
    )
}

/// One thing wrong with one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: Code,
    /// 1-based line in the file, where known.
    pub line: Option<usize>,
    /// One sentence for the reader.
    pub message: String,
}

impl Finding {
    /// A core warning as a finding: its code, line and English sentence.
    fn from_warning(w: &Warning) -> Finding {
        Finding {
            code: Code::Core(w.code),
            line: w.line,
            message: w.message.clone(),
        }
    }

    fn new(code: Code, message: impl Into<String>) -> Finding {
        Finding {
            code,
            line: None,
            message: message.into(),
        }
    }

    /// `path:line: level: message [code]` (no `line:` when it is not known).
    pub fn text(&self, path: &str) -> String {
        let line = self.line.map(|l| format!("{l}:")).unwrap_or_default();
        format!(
            "{path}:{line} {}: {} [{}]",
            self.code.level().as_str(),
            self.message,
            self.code.as_str()
        )
    }

    /// A GitHub Actions workflow command, shown as an annotation on the file (whose
    /// path is relative to the checkout: a leading `./` goes).
    pub fn github(&self, path: &str) -> String {
        let path = path.strip_prefix("./").unwrap_or(path);
        let line = self.line.map(|l| format!(",line={l}")).unwrap_or_default();
        format!(
            "::{} file={}{line},title={}::{}",
            self.code.level().as_str(),
            escape_property(path),
            self.code.as_str(),
            escape_data(&self.message)
        )
    }
}

/// Escapes a workflow command's message (`%`, CR, LF), as the Actions toolkit does.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value (also `:` and `,`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// What a worker found in one file, and what the tree-wide checks need of it.
struct Checked {
    findings: Vec<Finding>,
    permalink: Option<String>,
    /// The slug, with the language part of the name (`post.fr.md`: `fr`), so that
    /// translations may share one.
    slug: Option<(String, String)>,
}

/// The trees that links are resolved in, one per walked folder (or named file's
/// folder), each walked the first time one of its articles has a link.
#[derive(Default)]
struct Trees(Mutex<HashMap<PathBuf, Arc<OnceLock<Tree>>>>);

impl Trees {
    fn get(&self, root: &Path) -> Arc<OnceLock<Tree>> {
        let mut map = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        map.entry(root.to_path_buf()).or_default().clone()
    }
}

/// Relative links, images, wiki links and embeds that name no file of the tree the
/// article was found in, resolved as the viewer's library resolves them. Each target
/// once per file.
fn missing_links(article: &Article, input: &Input, trees: &Trees) -> Vec<Finding> {
    let Some(path) = &input.path else {
        return Vec::new();
    };
    let from = match path.strip_prefix(&input.root).ok().and_then(Path::to_str) {
        Some(rel) if !article.links.is_empty() => nfc(&rel.replace(std::path::MAIN_SEPARATOR, "/")),
        _ => return Vec::new(),
    };
    let cell = trees.get(&input.root);
    let tree = cell.get_or_init(|| Tree::walk(&input.root));
    let root = input.root.display();
    let mut seen = HashSet::new();
    let mut found = Vec::new();
    for link in &article.links {
        let kind = match link.kind {
            LinkKind::Link => 0u8,
            LinkKind::Image => 1,
            LinkKind::Wikilink => 2,
            LinkKind::Embed => 3,
        };
        if !seen.insert((kind, link.target.as_str())) || tree.finds(&from, link.kind, &link.target)
        {
            continue;
        }
        let t = &link.target;
        found.push(match link.kind {
            LinkKind::Image => Finding::new(
                Code::ImageMissing,
                format!("the image “{t}” names no file in {root}"),
            ),
            LinkKind::Wikilink => Finding::new(
                Code::LinkMissing,
                format!("the wiki link “{t}” names no note or file in {root}"),
            ),
            LinkKind::Embed => Finding::new(
                Code::LinkMissing,
                format!("the embed “{t}” names no note or file in {root}"),
            ),
            LinkKind::Link => Finding::new(
                Code::LinkMissing,
                format!("the link “{t}” names no file in {root}"),
            ),
        });
    }
    found
}

/// Lints one file on its own. The body is not written as HTML: nothing here needs it.
fn check_one(input: &Input, trees: &Trees) -> Checked {
    let options = Options {
        include_html: false,
        ..read::options(input, None)
    };
    let read = read::bytes(input).and_then(|b| read::render(&b, &options).map(|a| (a, b)));
    let (article, bytes) = match read {
        Ok(read) => read,
        Err(f) => {
            return Checked {
                findings: vec![Finding::new(Code::from_failure(f.code), f.message)],
                permalink: None,
                slug: None,
            }
        }
    };
    let mut findings = Vec::new();
    if title_missing(&article, input, &bytes) {
        findings.push(Finding::new(
            Code::TitleMissing,
            "no title in the front matter or the document (the file name stands in)",
        ));
    }
    findings.extend(article.warnings.iter().map(Finding::from_warning));
    findings.extend(missing_links(&article, input, trees));
    // The file's own findings first, then the core's by line (stable: in its order).
    findings.sort_by_key(|f| f.line.unwrap_or(0));
    let name = input
        .path
        .as_ref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned());
    Checked {
        findings,
        permalink: permalink(&article.extra),
        slug: name.map(|n| slug(&article.extra, &n)),
    }
}

/// "Missing" means that neither the front matter nor the document gives one: the
/// core's title is absent, or it is the one made from the file name while no
/// front-matter title says so and no line of the file is that title (a heading such as
/// `# Title`, `<h1>Title</h1>` or `<title>Title</title>`: the core leaves a heading that
/// repeats the title out of the body, so the file's own lines are asked).
fn title_missing(a: &Article, input: &Input, source: &[u8]) -> bool {
    let Some(title) = &a.title else {
        return true;
    };
    let from_name = input.path.is_some()
        && folio::title_from_file_name(&input.display).as_deref() == Some(title.as_str());
    from_name && front_matter_text(&a.extra, "title").is_none() && !has_title_line(source, title)
}

/// Whether a line of the source is the title: alone after `#` marks, or between tags.
fn has_title_line(source: &[u8], title: &str) -> bool {
    let title = title.trim().to_lowercase();
    let tagged = format!(">{title}<");
    String::from_utf8_lossy(source).lines().any(|line| {
        let line = line.trim().to_lowercase();
        line.trim_start_matches('#').trim() == title || line.contains(&tagged)
    })
}

/// A front-matter value given as text or a number (any casing of `key`), trimmed.
fn front_matter_text(extra: &Value, key: &str) -> Option<String> {
    let map = extra.as_object()?;
    map.iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case(key))
        .find_map(|(_, v)| match v {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
}

/// The permalink the front matter sets: `permalink` (Jekyll, Hexo) or a `url` that
/// starts with `/` (Hugo), without surrounding slashes or a final `index.html`.
fn permalink(extra: &Value) -> Option<String> {
    let raw = front_matter_text(extra, "permalink")
        .or_else(|| front_matter_text(extra, "url").filter(|u| u.starts_with('/')))?;
    let p = raw.trim_matches('/');
    let p = p.strip_suffix("index.html").unwrap_or(p).trim_matches('/');
    Some(format!("/{p}"))
}

/// The slug: front matter `slug`, else the file name without its extensions. With
/// the language part of a name such as `post.fr.md`.
fn slug(extra: &Value, file_name: &str) -> (String, String) {
    let mut parts = file_name.split('.');
    let stem = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    let lang = match rest.as_slice() {
        [lang, _ext] if is_language(lang) => lang.to_ascii_lowercase(),
        _ => String::new(),
    };
    let stem = if rest.len() >= 2 && lang.is_empty() {
        // `v1.2.md`: only the last part is the extension.
        file_name.rsplit_once('.').map_or(file_name, |(s, _)| s)
    } else {
        stem
    };
    let slug = front_matter_text(extra, "slug").unwrap_or_else(|| stem.to_string());
    (lang, slug)
}

/// `fr`, `zh`, `zh-cn`, `pt-BR`: a language part of a file name (Hugo, Zola).
fn is_language(s: &str) -> bool {
    let (primary, region) = s.split_once(['-', '_']).unwrap_or((s, ""));
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && (region.is_empty()
            || (2..=4).contains(&region.len()) && region.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Tree-wide state: the first article to claim each permalink and slug (a 64-bit
/// hash of the key, and the path to name).
#[derive(Default)]
struct Claims {
    seen: HashMap<u64, String, BuildHasherDefault<DefaultHasher>>,
}

impl Claims {
    /// The earlier claimant of `key`, or None after recording `path` as the first.
    fn claim(&mut self, key: &(&str, &str, &str, &str), path: &str) -> Option<&str> {
        let h = BuildHasherDefault::<DefaultHasher>::default().hash_one(key);
        match self.seen.entry(h) {
            std::collections::hash_map::Entry::Occupied(e) => Some(e.into_mut().as_str()),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(path.to_string());
                None
            }
        }
    }
}

pub fn run(args: CheckArgs, global: &Global, pool: &rayon::ThreadPool) -> u8 {
    let inputs = &args.inputs;
    if let Err(e) = inputs.validate() {
        usage_error(&e);
    }
    let mut ignored = Vec::new();
    for name in &args.ignore {
        match Code::all().find(|c| c.as_str() == name) {
            Some(c) => ignored.push(c),
            None => usage_error(&format!(
                "--ignore: no finding has the code “{name}” (codes: {})",
                Code::all().map(Code::as_str).collect::<Vec<_>>().join(", ")
            )),
        }
    }
    let mut report = Report::new(global, inputs, None);
    let mut out = Stdout::new();
    let mut claims = Claims::default();
    let trees = Trees::default();
    let (mut files, mut errors, mut warnings, mut flagged) = (0usize, 0usize, 0usize, 0usize);

    let end = pipeline::run(
        pool,
        inputs.entries(None),
        |entry| match entry {
            Entry::Article(input) => Some(check_one(input, &trees)),
            _ => None,
        },
        |entry, checked| {
            let (display, mut found) = match (&entry, checked) {
                (Entry::Article(input), Some(c)) => {
                    let mut found = c.findings;
                    let folder = Path::new(&input.display)
                        .parent()
                        .map(|p| p.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    if let Some(p) = &c.permalink {
                        if let Some(first) = claims.claim(&("permalink", p, "", ""), &input.display)
                        {
                            found.push(Finding::new(
                                Code::PermalinkDuplicate,
                                format!("the permalink “{p}” is also the permalink of {first}"),
                            ));
                        }
                    }
                    if let Some((lang, s)) = &c.slug {
                        if let Some(first) =
                            claims.claim(&("slug", &folder, lang, s), &input.display)
                        {
                            found.push(Finding::new(
                                Code::SlugDuplicate,
                                format!("the slug “{s}” is also the slug of {first}, in the same folder"),
                            ));
                        }
                    }
                    (input.display.as_str(), found)
                }
                (Entry::Unreadable { display, message }, _) => (
                    display.as_str(),
                    vec![Finding::new(Code::ReadFailed, message.clone())],
                ),
                (Entry::SkippedLink(p), _) => {
                    report.note(&format!("skipped {p}: a symbolic link"));
                    return Flow::Continue;
                }
                (Entry::Article(_), None) => return Flow::Continue,
            };
            files += 1;
            report.tick();
            found.retain(|f| !ignored.contains(&f.code));
            if found.is_empty() {
                return Flow::Continue;
            }
            flagged += 1;
            let mut text = String::new();
            for f in &found {
                match f.code.level() {
                    Level::Error => errors += 1,
                    Level::Warning => warnings += 1,
                }
                text.push_str(&match args.format {
                    CheckFormat::Text => f.text(display),
                    CheckFormat::Github => f.github(display),
                });
                text.push('\n');
            }
            match report.out(|| out.write(text.as_bytes())) {
                Ok(()) => Flow::Continue,
                Err(e) => out.fail(&mut report, &e),
            }
        },
    );
    let plural = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
    let summary = format!(
        "{} checked: {}, {} in {}",
        plural(files, "file"),
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(flagged, "file")
    );
    if report.level > Say::Quiet && end == pipeline::End::Done {
        let _ = report.out(|| out.write(format!("{summary}\n").as_bytes()));
    }
    let flushed = out.flush(&mut report);
    report.finish("", false);
    finish_status(end, errors > 0 || !flushed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn permalinks_compare_without_slashes_or_index() {
        assert_eq!(
            permalink(&json!({"permalink": "/a/b/"})).as_deref(),
            Some("/a/b")
        );
        assert_eq!(
            permalink(&json!({"Permalink": "a/b/index.html"})).as_deref(),
            Some("/a/b")
        );
        assert_eq!(
            permalink(&json!({"permalink": 177})).as_deref(),
            Some("/177")
        );
        assert_eq!(permalink(&json!({"url": "/c/"})).as_deref(), Some("/c"));
        assert_eq!(permalink(&json!({"url": "https://news.example/1"})), None);
        assert_eq!(permalink(&json!({"title": "x"})), None);
    }

    #[test]
    fn slugs_keep_the_language_part_apart() {
        let none = json!({});
        assert_eq!(slug(&none, "post.md"), (String::new(), "post".into()));
        assert_eq!(slug(&none, "post.fr.md"), ("fr".into(), "post".into()));
        assert_eq!(
            slug(&none, "post.zh-CN.md"),
            ("zh-cn".into(), "post".into())
        );
        assert_eq!(slug(&none, "v1.2.md"), (String::new(), "v1.2".into()));
        assert_eq!(
            slug(&json!({"slug": " hi "}), "post.md"),
            (String::new(), "hi".into())
        );
    }

    #[test]
    fn a_title_line_is_a_heading_or_an_element() {
        assert!(has_title_line(b"x\n# Kyoto Notes\n", "Kyoto notes"));
        assert!(has_title_line(
            b"<h1 class=a>Kyoto Notes</h1>",
            "Kyoto Notes"
        ));
        assert!(!has_title_line(b"Kyoto Notes are here", "Kyoto Notes"));
        assert!(!has_title_line(b"", "Kyoto Notes"));
    }

    #[test]
    fn github_commands_escape_what_they_must() {
        let f = Finding {
            code: Code::Core(WarningCode::DateUnreadable),
            line: Some(3),
            message: "50% done\nnext".into(),
        };
        assert_eq!(
            f.github("./a,b:c.md"),
            "::warning file=a%2Cb%3Ac.md,line=3,title=date-unreadable::50%25 done%0Anext"
        );
        assert_eq!(
            f.text("a.md"),
            "a.md:3: warning: 50% done\nnext [date-unreadable]"
        );
    }
}
