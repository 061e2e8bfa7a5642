//! `folio`: the command line over the same core the browser uses. `folio --help`
//! lists the commands (`render`, `index`, `check`, `pack`, `completions`); the modules live
//! in `src/cli/`, which the library never depends on.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The command line is native only (its crates are not built for wasm32); `wasm-pack
/// test` still compiles every target, so the binary is empty there.
#[cfg(target_arch = "wasm32")]
fn main() {}
