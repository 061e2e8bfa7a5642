//! The library's index render (`includeText`, no HTML) over every corpus file, timed
//! file by file and summed by kind of body, so the CPU a parse worker spends can be
//! split: `cargo bench --bench index` (`-- --rounds N`, default 15, one under
//! `cargo test`; `-- --loop SECONDS` renders the corpus over and over without timing,
//! for `perf record`; `-- --only TEXT` only the files whose name holds TEXT;
//! `-- --dir DIR` the files of DIR instead of the corpus; `-- --full` whole renders,
//! HTML and all, as the viewer asks; `-- --dump FILE` writes every file's Article as
//! JSON lines, with and without a base URL, to compare two builds' output byte for byte).
//!
//! Each file's time is its fastest of the rounds (the least disturbed on a shared
//! machine); a kind's figure is the sum over its files. The corpus is read in place.

use folio::test_hooks::{decode, detect_format, expand_site_syntax, is_document, split};
use folio::{Format, Options};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The kinds of body a parse worker meets, each taking a different path in the core.
const KINDS: [&str; 5] = [
    "Markdown, written by the safe writer",
    "Markdown with raw HTML (sanitized)",
    "HTML fragment (scraped news body)",
    "HTML document (whole page)",
    "not rendered (error)",
];

/// The kind of body `bytes` holds, as the core's render decides it.
fn kind(bytes: &[u8], name: &str) -> usize {
    let Ok(decoded) = decode(bytes) else {
        return 4;
    };
    let front = split(&decoded.text);
    match detect_format(front.body, Some(name)) {
        Format::Markdown => {
            let md = expand_site_syntax(front.body);
            if folio::test_hooks::safe_markdown_html(&md, None).is_some() {
                0
            } else {
                1
            }
        }
        Format::Html if is_document(front.body) => 3,
        Format::Html => 2,
    }
}

/// Every corpus file (but its README and sources list), sorted.
fn corpus(dir: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if !matches!(
                p.file_name().and_then(|n| n.to_str()),
                Some("README.md" | "SOURCES.tsv")
            ) {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(Path::new(dir), &mut files);
    files.sort();
    files
}

/// The options a parse worker renders with (`full`: the viewer's, HTML and all).
fn index_options(name: &str, full: bool) -> Options {
    Options {
        file_name: Some(name.into()),
        include_text: !full,
        include_html: full,
        ..Options::default()
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse::<u64>().ok())
    };
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1));
    let dir = args
        .iter()
        .position(|a| a == "--dir")
        .and_then(|i| args.get(i + 1))
        .map_or("../shared/corpus", String::as_str);
    let full = args.iter().any(|a| a == "--full");
    let files: Vec<(String, Vec<u8>)> = corpus(dir)
        .into_iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_string();
            if only.is_some_and(|o| !name.contains(o.as_str())) {
                return None;
            }
            Some((name, std::fs::read(&p).ok()?))
        })
        .collect();
    if files.is_empty() {
        eprintln!("{dir} could not be read: nothing to time.");
        return;
    }
    let options: Vec<Options> = files.iter().map(|(n, _)| index_options(n, full)).collect();
    if let Some(seconds) = arg("--loop") {
        let end = Instant::now() + Duration::from_secs(seconds);
        let mut n = 0usize;
        while Instant::now() < end {
            for ((_, bytes), options) in files.iter().zip(&options) {
                if let Ok(a) = folio::render(black_box(bytes), options) {
                    n += a.stats.chars;
                }
            }
        }
        println!("{n}");
        return;
    }
    if let Some(out) = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1))
    {
        let mut lines = String::new();
        for base in [None, Some("https://blog.example/posts/")] {
            for ((name, bytes), options) in files.iter().zip(&options) {
                let options = Options {
                    base_url: base.map(str::to_string),
                    ..options.clone()
                };
                let article = folio::render(bytes, &options).map_err(|e| e.to_string());
                let json = serde_json::to_string(&article)
                    .unwrap_or_else(|e| format!("unserializable: {e}"));
                lines.push_str(&format!("{name} {base:?} {json}\n"));
            }
        }
        std::fs::write(out, lines).expect("the dump is written");
        return;
    }
    // `cargo test --all-targets` runs this too, without the `--bench` that `cargo bench`
    // passes: one round there checks that it runs, at a fifteenth of the time.
    let default_rounds = if args.iter().any(|a| a == "--bench") {
        15
    } else {
        1
    };
    let rounds = arg("--rounds").unwrap_or(default_rounds).max(1);
    let mut best = vec![Duration::MAX; files.len()];
    for _ in 0..rounds {
        for (((_, bytes), options), best) in files.iter().zip(&options).zip(&mut best) {
            let start = Instant::now();
            let _ = black_box(folio::render(black_box(bytes), options));
            *best = (*best).min(start.elapsed());
        }
    }
    let mut sums = [(0usize, 0usize, Duration::ZERO); KINDS.len()];
    for ((name, bytes), best) in files.iter().zip(&best) {
        let k = kind(bytes, name);
        sums[k].0 += 1;
        sums[k].1 += bytes.len();
        sums[k].2 += *best;
    }
    let total: Duration = best.iter().sum();
    println!(
        "{} render over {} files of {dir}, each its fastest of {rounds} rounds:",
        if full { "whole" } else { "index" },
        files.len()
    );
    for (label, (n, bytes, time)) in KINDS.iter().zip(sums) {
        if n > 0 {
            println!(
                "  {label:<40} {n:>4} files {:>8.1} KB {:>8.2} ms ({:>5.1} %)",
                bytes as f64 / 1024.0,
                time.as_secs_f64() * 1e3,
                100.0 * time.as_secs_f64() / total.as_secs_f64()
            );
        }
    }
    println!(
        "  {:<40} {:>4} files {:>8.1} KB {:>8.2} ms ({:.3} ms a file)",
        "all",
        files.len(),
        files.iter().map(|(_, b)| b.len()).sum::<usize>() as f64 / 1024.0,
        total.as_secs_f64() * 1e3,
        total.as_secs_f64() * 1e3 / files.len() as f64
    );
    if args.iter().any(|a| a == "--files") {
        let mut slowest: Vec<_> = files.iter().zip(&best).collect();
        slowest.sort_by_key(|(_, t)| std::cmp::Reverse(**t));
        for ((name, bytes), t) in slowest.into_iter().take(25) {
            println!(
                "  {:>8.3} ms {:>8} B  {}  {name}",
                t.as_secs_f64() * 1e3,
                bytes.len(),
                KINDS[kind(bytes, name)]
            );
        }
    }
}
