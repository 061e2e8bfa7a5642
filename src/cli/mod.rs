//! The `folio` command line: modules of the binary only (the library never uses them).
//!
//! [`args`] is the grammar; [`inputs`] streams the files to read; [`pipeline`] runs the
//! work on every core and hands results back in input order; [`report`] draws the
//! progress bar and messages; [`output`] writes standard output and the exit status;
//! [`signals`] makes Ctrl-C leave no half-written file; [`library`] holds the viewer's
//! library rules (which files, which paths, how links resolve) for `pack` and `check`.
//! One module per command: [`render`] (with [`page`]), [`index`], [`check`], [`pack`].

mod args;
mod check;
mod index;
mod inputs;
mod library;
mod output;
mod pack;
mod page;
mod pipeline;
mod read;
mod render;
mod report;
mod signals;

use args::{Cli, Command};
use clap::{CommandFactory, FromArgMatches};
use std::io;
use std::process::ExitCode;

/// The whole grammar, with the help texts made at run time (`check`'s list of codes
/// comes from the codes themselves).
fn command() -> clap::Command {
    Cli::command().mut_subcommand("check", |c| c.after_help(check::after_help()))
}

/// Parses the arguments and runs the command; the process's exit status.
pub fn main() -> ExitCode {
    let cli = Cli::from_arg_matches(&command().get_matches()).unwrap_or_else(|e| e.exit());
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
        Command::Pack(a) => pack::run(a, &cli.global, &pool),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut command(), "folio", &mut io::stdout());
            0
        }
    })
}
