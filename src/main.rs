//! `folio`: the command line over the same core the browser uses. `folio --help`
//! lists the commands (`render`, `index`, `check`, `completions`); the modules live
//! in `src/cli/`, which the library never depends on.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
