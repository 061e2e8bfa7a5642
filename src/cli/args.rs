//! The command line's grammar, derived with clap: every command, flag and help text.

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Folio: render, index and check article files (Markdown, HTML; Hexo, Jekyll, Hugo,
/// Zola, Obsidian) with the same core as the browser viewer.
#[derive(Debug, Parser)]
#[command(
    name = "folio",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub global: Global,
}

/// Flags every command takes, before or after its name.
#[derive(Debug, Args)]
pub struct Global {
    /// Print nothing but the output and the files that failed (no progress bar, no summary).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print each file as it is done, what was skipped and why.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// Worker threads (default: every core, or RAYON_NUM_THREADS).
    #[arg(short, long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render articles: an HTML fragment on stdout, one page per article (-o), or JSON.
    #[command(after_help = RENDER_AFTER)]
    Render(RenderArgs),
    /// One record per article (path, title, dates, taxonomies, counts …) as JSON Lines or CSV.
    #[command(after_help = INDEX_AFTER)]
    Index(IndexArgs),
    /// Lint an archive: unreadable files, broken front matter, bad dates, missing titles, links and images that point nowhere, duplicate permalinks and slugs.
    ///
    /// One line per finding, a summary at the end; exit status 1 when an error was found.
    // Its closing help (the codes by level) is `check::after_help`, set in `cli::command`.
    Check(CheckArgs),
    /// Pack a folder into one HTML file: the single-file viewer with the library inside.
    ///
    /// The archive format of docs/archive-format.md, which the viewer's "Save library as
    /// one HTML file" also writes; it opens from file:// on any machine, offline.
    #[command(after_help = PACK_AFTER)]
    Pack(PackArgs),
    /// Print a shell completion script (for example `folio completions bash > folio.bash`).
    Completions {
        /// The shell to write the script for.
        shell: clap_complete::Shell,
    },
}

const RENDER_AFTER: &str = "Folders are walked in name order, keeping article files (.md, .markdown, .html, .txt …) \
and skipping hidden entries, node_modules and symbolic links. Files named on the command line are always read.\n\n\
Exit status: 0 when every file rendered, 1 when some could not be read (each is reported on stderr), \
2 for a usage error, 130 when interrupted.";

const INDEX_AFTER: &str = "Columns, in this order: path, title, date, updated, authors, categories, tags, lang, \
format, front_matter, encoding, words, chars, bytes, draft, warnings. In CSV, list columns hold a JSON array.\n\n\
Exit status: 0 when every file was read, 1 when some could not be (each is reported on stderr), \
2 for a usage error, 130 when interrupted.";

const PACK_AFTER: &str = "Every file under DIR goes in (dot files and folders, node_modules and symbolic links \
left out), under DIR's own name; articles get a summary and a search document, rendered on every core. \
The viewer is --viewer FILE, else folio.html beside the folio binary, else dist/folio.html of the checkout \
the binary was built in (`make dist` builds it), else ./dist/folio.html.\n\n\
Exit status: 0 when the archive was written, 1 when it could not be (nothing is left behind), \
2 for a usage error, 130 when interrupted.";

/// Where the articles come from: paths, `-`, or a list of paths.
#[derive(Debug, Args, Clone)]
pub struct Inputs {
    /// Article files and folders; `-` reads one article from standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Read more paths from FILE, one per line (`-` for standard input), as find(1) writes them.
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
    /// The --files-from list is separated by NUL bytes (find -print0), not newlines.
    #[arg(short = '0', long = "null", requires = "files_from")]
    pub null: bool,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    #[command(flatten)]
    pub inputs: Inputs,
    /// Write one standalone HTML page per article into DIR, mirroring the tree, with the
    /// images and files they link to copied beside them.
    #[arg(short, long, value_name = "DIR", conflicts_with_all = ["json", "jsonl"])]
    pub output: Option<PathBuf>,
    /// Print the Article of one file as JSON (the contract the browser's render() returns).
    #[arg(long, conflicts_with = "jsonl")]
    pub json: bool,
    /// Print one Article per line as JSON, with its `path` first.
    #[arg(long)]
    pub jsonl: bool,
    /// Absolute http(s) URL that relative links and images resolve against.
    #[arg(long, value_name = "URL", value_parser = parse_base_url)]
    pub base_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    #[command(flatten)]
    pub inputs: Inputs,
    /// JSON Lines (the default).
    #[arg(long, conflicts_with = "csv")]
    pub jsonl: bool,
    /// CSV with a header row (RFC 4180).
    #[arg(long)]
    pub csv: bool,
    /// Write to FILE (complete, or not at all) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub inputs: Inputs,
    /// How findings are written.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Leave out findings with this code (repeatable), for example `--ignore title-missing`.
    #[arg(long, value_name = "CODE")]
    pub ignore: Vec<String>,
}

#[derive(Debug, Args)]
pub struct PackArgs {
    /// The library's folder; its name becomes the archive's top folder and title.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// The archive page to write (complete, or not at all).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// The single-file viewer (dist/folio.html) to put the library in.
    #[arg(long, value_name = "FILE")]
    pub viewer: Option<PathBuf>,
    /// The library's title (default: DIR's name).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
}

/// The output forms of `folio check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// `path:line: level: message [code]`, then a summary.
    Text,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`), shown as annotations.
    Github,
}

/// Accepts an absolute URL, as the core does (it resolves against http(s) ones only).
fn parse_base_url(s: &str) -> Result<String, String> {
    url::Url::parse(s)
        .map(|_| s.to_string())
        .map_err(|e| format!("“{s}” is not an absolute URL ({e})"))
}

/// Stops with clap's usage-error format and status 2.
pub fn usage_error(message: &str) -> ! {
    Cli::command()
        .error(clap::error::ErrorKind::ArgumentConflict, message)
        .exit()
}
