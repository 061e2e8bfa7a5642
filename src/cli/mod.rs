//! The `folio` command line: modules of the binary only (the library never uses them).
//!
//! [`args`] is the grammar; [`inputs`] streams the files to read; [`pipeline`] runs the
//! work on every core and hands results back in input order; [`report`] draws the
//! progress bar and messages; [`signals`] makes Ctrl-C leave no half-written file.
//! One module per command: [`render`] (with [`page`]), [`index`], [`check`].

mod args;
mod check;
mod index;
mod inputs;
mod page;
mod pipeline;
mod read;
mod render;
mod report;
mod signals;

use args::{Cli, Command};
use clap::{CommandFactory, Parser};
use pipeline::{End, Flow};
use report::Report;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

/// Parses the arguments and runs the command; the process's exit status.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    signals::install();
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = cli.global.jobs {
        pool = pool.num_threads(usize::from(n));
    }
    let pool = match pool.build() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("folio: cannot start the worker threads: {e}");
            return ExitCode::FAILURE;
        }
    };
    ExitCode::from(match cli.command {
        Command::Render(a) => render::run(a, &cli.global, &pool),
        Command::Index(a) => index::run(a, &cli.global, &pool),
        Command::Check(a) => check::run(a, &cli.global, &pool),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "folio", &mut io::stdout());
            0
        }
    })
}

/// Stops with clap's usage-error format and status 2.
fn usage_error(message: &str) -> ! {
    Cli::command()
        .error(clap::error::ErrorKind::ArgumentConflict, message)
        .exit()
}

/// The exit status of a run: 130 interrupted, 1 when something failed, else 0.
fn finish_status(end: End, failed: bool) -> u8 {
    if end == End::Interrupted {
        eprintln!("folio: interrupted; no partial output file was left");
        signals::INTERRUPTED_STATUS
    } else {
        u8::from(failed)
    }
}

/// Buffered standard output that ends quietly when the reader goes away (`| head`).
struct Stdout {
    out: BufWriter<io::StdoutLock<'static>>,
    /// Set when writing failed for a reason other than a closed pipe.
    broken: bool,
}

impl Stdout {
    fn new() -> Stdout {
        Stdout {
            out: BufWriter::with_capacity(1 << 16, io::stdout().lock()),
            broken: false,
        }
    }

    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.out.write_all(bytes)
    }

    /// Reports a write error (a closed pipe silently) and stops the run.
    fn fail(&mut self, report: &mut Report, e: &io::Error) -> Flow {
        if e.kind() != io::ErrorKind::BrokenPipe {
            self.broken = true;
            report.err_line(&format!("folio: cannot write to standard output: {e}"));
        }
        Flow::Stop
    }

    /// Flushes; false if that failed for a reason other than a closed pipe.
    fn flush(&mut self, report: &mut Report) -> bool {
        if let Err(e) = self.out.flush() {
            let _ = self.fail(report, &e);
        }
        !self.broken
    }
}
