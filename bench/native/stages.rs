//! Native per-stage benchmark of Folio's core, so a regression can be located:
//! `cargo bench --bench stages` (criterion; `-- --quick` for a short run).
//!
//! Each stage runs on its real input (the previous stage's output) for the canonical
//! sample in `../shared/samples` (read in place) and a generated ~100 KB Markdown article.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use folio::test_hooks::{
    body_html, decode, detect_format, expand_site_syntax, normalize_metadata, outline, sanitize,
    split, unsafe_markdown_html, Html,
};
use folio::Options;
use std::hint::black_box;

/// The canonical sample, relative to the crate root.
const SAMPLE: &str = "../shared/samples/sina-cross-border-ecommerce.md";

/// A deterministic ~100 KB Markdown article (front matter, headings, paragraphs with
/// inline markup, lists, code, tables and, when asked, raw HTML), built from a small
/// LCG. Without raw HTML the body stage writes safe HTML itself (the fast path).
fn generated(target: usize, raw_html: bool) -> Vec<u8> {
    const WORDS: [&str; 12] = [
        "market", "跨境", "trade", "电商", "policy", "growth", "平台", "export", "数据", "city",
        "report", "物流",
    ];
    let mut seed: u64 = 0x2024_0601;
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % n
    };
    let mut out = String::from(
        "---\ntitle: Generated article\ndate: 2024-06-01 08:30:00 +0800\ntags: [bench]\n---\n\n",
    );
    let mut i = 0;
    while out.len() < target {
        let sentence: Vec<String> = (0..12)
            .map(|_| match (WORDS[next(WORDS.len())], next(20)) {
                (w, 0) => format!("**{w}**"),
                (w, 1) => format!("`{w}()`"),
                (w, 2) => format!("[{w}](https://example.com/{i}/{w})"),
                (w, _) => w.to_string(),
            })
            .collect();
        let sentence = sentence.join(" ");
        match next(8) {
            0 => out.push_str(&format!("## Section {i} {}\n\n", WORDS[next(WORDS.len())])),
            1 => out.push_str(&format!("- {sentence}\n- {sentence}\n\n")),
            2 => out.push_str(&format!("```rust\nlet x{i} = f({i});\n```\n\n")),
            3 => out.push_str(&format!(
                "| a | b |\n| --- | --- |\n| {i} | {sentence} |\n\n"
            )),
            4 if raw_html => out.push_str(&format!(
                "<p style=\"color:red\" onclick=\"x()\">{sentence}</p>\n\n"
            )),
            _ => out.push_str(&format!("{sentence}. {sentence}.\n\n")),
        }
        i += 1;
    }
    out.into_bytes()
}

/// Benchmarks every stage and the whole `render` for one input.
fn stages(c: &mut Criterion, name: &str, file_name: &str, bytes: &[u8]) {
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    let options = Options {
        file_name: Some(file_name.into()),
        ..Options::default()
    };
    let Ok(decoded) = decode(bytes) else {
        eprintln!("{name}: the input could not be decoded, skipped");
        return;
    };
    let front = split(&decoded.text);
    let format = detect_format(front.body, Some(file_name));
    let rendered = body_html(front.body, format, None);
    // The parser path of the sanitizer, also for Markdown that the body stage wrote
    // safe itself (that time is in its row).
    let (raw, clean) = match &rendered {
        Html::Clean(clean) => (
            unsafe_markdown_html(&expand_site_syntax(front.body)),
            clean.clone(),
        ),
        Html::Raw(raw) => (raw.clone(), sanitize(raw, None)),
    };

    group.bench_function(BenchmarkId::new("decode", file_name), |b| {
        b.iter(|| decode(black_box(bytes)))
    });
    group.bench_function(BenchmarkId::new("front_matter::split", file_name), |b| {
        b.iter(|| split(black_box(&decoded.text)))
    });
    group.bench_function(BenchmarkId::new("metadata::normalize", file_name), |b| {
        b.iter(|| normalize_metadata(black_box(&front.data), Some(file_name)))
    });
    group.bench_function(BenchmarkId::new("body::render", file_name), |b| {
        b.iter(|| body_html(black_box(front.body), format, None))
    });
    group.bench_function(BenchmarkId::new("sanitize", file_name), |b| {
        b.iter(|| sanitize(black_box(&raw), None))
    });
    group.bench_function(BenchmarkId::new("outline::outline", file_name), |b| {
        b.iter(|| outline(black_box(&clean)))
    });
    group.bench_function(BenchmarkId::new("render (all)", file_name), |b| {
        b.iter(|| folio::render(black_box(bytes), &options))
    });
    let index = index_options(&options);
    group.bench_function(
        BenchmarkId::new("render (index: text, no HTML)", file_name),
        |b| b.iter(|| folio::render(black_box(bytes), &index)),
    );
    group.finish();
}

/// What a library's parse pool asks for: the text and everything else, no HTML.
fn index_options(options: &Options) -> Options {
    Options {
        include_text: true,
        include_html: false,
        ..options.clone()
    }
}

/// The whole shared corpus (4.8 MB) rendered in full and for an index: the MB/s a
/// library opening an archive gets, against a viewer's.
fn corpus(c: &mut Criterion) {
    let mut files = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from("../shared/corpus")];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if let (Some(name), Ok(bytes)) = (
                path.file_name()
                    .and_then(|n| n.to_str())
                    .map(str::to_string),
                std::fs::read(&path),
            ) {
                files.push((name, bytes));
            }
        }
    }
    if files.is_empty() {
        eprintln!("../shared/corpus could not be read; the corpus rows are skipped.");
        return;
    }
    let total: usize = files.iter().map(|(_, b)| b.len()).sum();
    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(total as u64));
    group.sample_size(10);
    for (label, index) in [
        ("render (all)", false),
        ("render (index: text, no HTML)", true),
    ] {
        group.bench_function(label, |b| {
            b.iter(|| {
                let mut n = 0;
                for (name, bytes) in &files {
                    let full = Options {
                        file_name: Some(name.clone()),
                        ..Options::default()
                    };
                    let options = if index { index_options(&full) } else { full };
                    if let Ok(a) = folio::render(black_box(bytes), &options) {
                        n += a.html.len() + a.stats.chars;
                    }
                }
                n
            })
        });
    }
    group.finish();
}

/// The sample (when the shared folder is there) and the generated article.
fn all(c: &mut Criterion) {
    match std::fs::read(SAMPLE) {
        Ok(bytes) => stages(c, "sample", "sina-cross-border-ecommerce.md", &bytes),
        Err(e) => eprintln!("{SAMPLE} could not be read ({e}); only the generated article runs."),
    }
    stages(
        c,
        "generated-100KB",
        "generated.md",
        &generated(100 * 1024, true),
    );
    let pure = generated(100 * 1024, false);
    stages(c, "generated-100KB-no-raw-html", "generated.md", &pure);
    corpus(c);
}

criterion_group!(benches, all);
criterion_main!(benches);
