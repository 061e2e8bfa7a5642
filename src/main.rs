//! `folio`: the command-line front end of the same core the browser uses.
//!
//! ```text
//! folio render [--json] [--base-url URL] FILE   (FILE may be - for standard input)
//! ```

use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: folio render [--json] [--base-url URL] FILE\n\
  Prints the sanitized article as an HTML fragment, or as JSON with --json.\n\
  FILE may be - to read standard input.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err((code, msg)) => {
            eprintln!("folio: {msg}");
            ExitCode::from(code)
        }
    }
}

fn run(args: &[String]) -> Result<(), (u8, String)> {
    let usage = |m: &str| (2, format!("{m}\n{USAGE}"));
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        Some("render") => {}
        Some("-h" | "--help") => {
            println!("{USAGE}");
            return Ok(());
        }
        Some(other) => return Err(usage(&format!("unknown command “{other}”"))),
        None => return Err(usage("no command given")),
    }
    let (mut json, mut base, mut file) = (false, None, None);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json = true,
            "--base-url" => {
                base = Some(
                    it.next()
                        .ok_or_else(|| usage("--base-url needs a URL"))?
                        .clone(),
                )
            }
            f if file.is_none() && (f == "-" || !f.starts_with('-')) => file = Some(f.to_string()),
            other => return Err(usage(&format!("unexpected argument “{other}”"))),
        }
    }
    let file = file.ok_or_else(|| usage("no file given"))?;
    let bytes = if file == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| (1, format!("cannot read standard input: {e}")))?;
        buf
    } else {
        std::fs::read(&file).map_err(|e| (1, format!("cannot read {file}: {e}")))?
    };
    let options = folio::Options {
        file_name: (file != "-").then(|| file.clone()),
        base_url: base,
    };
    let article = folio::render(&bytes, &options).map_err(|e| (1, format!("{file}: {e}")))?;
    let out = if json {
        serde_json::to_string_pretty(&article).map_err(|e| (1, e.to_string()))? + "\n"
    } else {
        folio::fragment::to_fragment(&article)
    };
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err((1, e.to_string())),
        _ => Ok(()),
    }
}
