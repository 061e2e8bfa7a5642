//! Every real file in ../shared/corpus and ../shared/samples renders without an
//! error, its output is safe, and a title is found for nearly all of them.

use crate::html_check::unsafe_parts;
use std::path::{Path, PathBuf};

/// Where the shared test data lies (read in place, never copied into the repo).
pub fn shared_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

/// All article files of the corpus and the samples, sorted.
pub fn corpus_files() -> Vec<PathBuf> {
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
    walk(&shared_dir().join("corpus"), &mut files);
    walk(&shared_dir().join("samples"), &mut files);
    files.sort();
    assert!(
        files.len() >= 200,
        "the corpus at {} is missing or incomplete",
        shared_dir().display()
    );
    files
}

pub fn options_for(path: &Path) -> folio::Options {
    folio::Options {
        file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()),
        base_url: None,
    }
}

#[test]
fn every_corpus_file_renders_safely_with_a_title() {
    let files = corpus_files();
    let (mut titled, mut failures, mut rendered) = (0, Vec::new(), 0);
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        match folio::render(&bytes, &options_for(path)) {
            Ok(a) => {
                rendered += 1;
                let bad = unsafe_parts(&a.html);
                assert!(bad.is_empty(), "{}: unsafe output {bad:?}", path.display());
                if a.title.as_deref().is_some_and(|t| !t.trim().is_empty()) {
                    titled += 1;
                } else {
                    eprintln!("no title: {}", path.display());
                }
            }
            Err(e) => failures.push(format!("{}: {e}", path.display())),
        }
    }
    // Only the deliberately empty fixture may be refused.
    assert!(
        failures
            .iter()
            .all(|f| f.contains("graymatter-fixture-empty")),
        "files that failed to render: {failures:#?}"
    );
    let share = titled as f64 / rendered as f64;
    eprintln!(
        "corpus: {rendered} of {} files rendered, {titled} with a title ({:.1}%)",
        files.len(),
        share * 100.0
    );
    assert!(
        share >= 0.95,
        "titles found for only {:.1}% of files",
        share * 100.0
    );
}

#[test]
fn the_sample_reads_as_the_reader_wants() {
    let path = shared_dir().join("samples/sina-cross-border-ecommerce.md");
    let a = folio::render(&std::fs::read(&path).unwrap(), &options_for(&path)).unwrap();
    assert_eq!(
        a.title.as_deref(),
        Some("商务部：全国跨境电商综试区已达132个")
    );
    assert_eq!(a.date.as_deref(), Some("2022-04-21T09:00:35+00:00"));
    assert_eq!(a.authors, ["新浪财经"]);
    assert_eq!(a.categories, ["金融", "新浪财经", "新浪财经－国內"]);
    assert_eq!(
        a.cover.as_deref(),
        Some("https://n.sinaimg.cn/finance/cece9e13/20200514/343233024.png")
    );
    assert_eq!(a.format, folio::Format::Html);
    assert_eq!(a.front_matter, Some(folio::FrontMatterKind::Yaml));
    assert_eq!(a.lang.as_deref(), Some("zh"));
    assert_eq!(a.encoding, "UTF-8");
    let html = &a.html;
    for gone in [
        "appendQr",
        "&#123;",
        "{",
        "<!--",
        "cms-style",
        "<style",
        "<font",
    ] {
        assert!(!html.contains(gone), "output still holds {gone:?}");
    }
    assert_eq!(
        html.matches("<strong>商务部新闻发言人 高峰：</strong>")
            .count(),
        2
    );
    assert!(html.contains("（总台央视记者 刘颖 张道峰 朱继华 李超 王佳林）"));
    assert!(html.contains("责任编辑：李墨轩"));
    assert!(html.contains(r#"referrerpolicy="no-referrer""#));
    assert_eq!(
        html.matches("<p>").count(),
        7,
        "six paragraphs of the report and the editor line"
    );
}
