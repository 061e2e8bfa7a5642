//! What the user sees besides the output: a progress bar on stderr when it is a
//! terminal (none when piped, none with `--quiet`), one line per file that failed,
//! notes with `--verbose`, and a closing summary.

use super::args::{Global, Inputs};
use super::inputs::Entry;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::cell::Cell;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How much to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Quiet,
    Normal,
    Verbose,
}

/// The progress bar and the messages around it.
pub struct Report {
    bar: ProgressBar,
    pub level: Level,
    stdout_is_terminal: bool,
    started: Instant,
    /// Files handed over so far.
    done: Cell<usize>,
    /// Files that could not be read or written.
    pub failed: usize,
}

impl Report {
    /// A report for one run over `inputs`. On a terminal the bar starts with a count
    /// of files done and gains a total once a background walk has counted them.
    pub fn new(global: &Global, inputs: &Inputs, exclude: Option<&Path>) -> Report {
        let level = if global.quiet {
            Level::Quiet
        } else if global.verbose {
            Level::Verbose
        } else {
            Level::Normal
        };
        // One named file needs no bar.
        let many = inputs.files_from.is_some()
            || inputs.paths.len() > 1
            || inputs.paths.iter().any(|p| p.is_dir());
        let show = many && level != Level::Quiet && std::io::stderr().is_terminal();
        let bar = if show {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {human_pos} files  {per_sec}  {elapsed}")
                    .expect("a valid template"),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            if !inputs.reads_stdin() {
                count_in_background(inputs.clone(), exclude.map(Path::to_path_buf), bar.clone());
            }
            bar
        } else {
            ProgressBar::hidden()
        };
        Report {
            bar,
            level,
            stdout_is_terminal: std::io::stdout().is_terminal(),
            started: Instant::now(),
            done: Cell::new(0),
            failed: 0,
        }
    }

    /// One more file done.
    pub fn tick(&self) {
        self.done.set(self.done.get() + 1);
        self.bar.inc(1);
    }

    /// Files handed over so far.
    pub fn done(&self) -> usize {
        self.done.get()
    }

    /// A file that could not be read, rendered or written: one line on stderr.
    pub fn fail(&mut self, display: &str, message: &str) {
        self.failed += 1;
        self.err_line(&format!("folio: {display}: {message}"));
    }

    /// A note for `--verbose`.
    pub fn note(&self, message: &str) {
        if self.level == Level::Verbose {
            self.err_line(message);
        }
    }

    /// A line on stderr that does not tear the bar.
    pub fn err_line(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    /// Runs `write` (to stdout) out of the bar's way when both share the terminal.
    pub fn out<T>(&self, write: impl FnOnce() -> T) -> T {
        if self.stdout_is_terminal && !self.bar.is_hidden() {
            self.bar.suspend(write)
        } else {
            write()
        }
    }

    /// Clears the bar, then prints `summary` on stderr: with `--verbose`, when some of
    /// several files failed, or always if `normally`; never with `--quiet`.
    pub fn finish(&self, summary: &str, normally: bool) {
        self.bar.finish_and_clear();
        let failures = self.failed > 0 && self.done() > 1;
        if !summary.is_empty()
            && self.level > Level::Quiet
            && (normally || failures || self.level == Level::Verbose)
        {
            eprintln!("{summary} in {:.1} s", self.started.elapsed().as_secs_f64());
        }
    }
}

/// Counts the articles on a thread of its own and gives the bar its length.
fn count_in_background(inputs: Inputs, exclude: Option<PathBuf>, bar: ProgressBar) {
    std::thread::spawn(move || {
        let mut n = 0u64;
        for e in inputs.entries(exclude.as_deref()) {
            if matches!(e, Entry::Article(_)) {
                n += 1;
            }
            if bar.is_finished() {
                return;
            }
        }
        bar.set_length(n);
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} [{bar:30}] {human_pos}/{human_len} files  {per_sec}  eta {eta}",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
    });
}
