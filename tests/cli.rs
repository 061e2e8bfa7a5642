//! The `folio` command line: `render`, `index`, `check` over the corpus and over the
//! hand-written broken tree in `tests/cli/broken/` (its README says what each file is),
//! exit statuses, path lists, parsers reading the output back, Ctrl-C, the progress bar.

mod pack;

use crate::corpus::{corpus_files, shared_dir};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn folio(args: &[&str]) -> Output {
    folio_in(args, None)
}

/// Runs `folio` with `stdin` (or nothing) on standard input.
fn folio_in(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run folio");
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.unwrap_or_default().to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("wait for folio");
    writer.join().unwrap();
    out
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

fn status(out: &Output) -> i32 {
    out.status.code().expect("exited, not killed")
}

fn sample() -> String {
    shared_dir()
        .join("samples/sina-cross-border-ecommerce.md")
        .display()
        .to_string()
}

/// The broken fixture tree, as a path string.
fn broken() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cli/broken")
        .display()
        .to_string()
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("folio-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every file under `dir`, relative, sorted.
fn tree(dir: &Path) -> Vec<String> {
    // Tolerant: files come and go while a run is writing.
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                out.push(p.strip_prefix(root).unwrap().display().to_string());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// The viewer's list of article endings: the one `ARTICLE_EXTENSIONS = [` declared in `www/`
/// (a second declaration would let the viewer and the CLI drift apart, so it fails too).
fn viewer_extensions() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() && !path.ends_with("vendor") && !path.ends_with("pkg") {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "js") {
                let js = std::fs::read_to_string(&path).unwrap();
                if let Some(line) = js.lines().find(|l| l.contains("ARTICLE_EXTENSIONS = [")) {
                    out.push((path.clone(), line.to_string()));
                }
            }
        }
    }
    let mut found = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("www"),
        &mut found,
    );
    assert_eq!(
        found.len(),
        1,
        "ARTICLE_EXTENSIONS is declared once in www/: {found:?}"
    );
    let line = &found[0].1;
    let list = &line[line.find('[').unwrap() + 1..line.rfind(']').unwrap()];
    let exts: Vec<String> = list
        .split(',')
        .map(|s| s.trim().trim_matches('\'').to_string())
        .collect();
    assert!(
        exts.len() > 5 && exts.iter().all(|e| e.starts_with('.')),
        "{exts:?}"
    );
    exts
}

/// The order of a flat JSON object's keys as written (serde_json's map sorts them).
fn key_order<'a>(line: &str, parsed: &'a serde_json::Value) -> Vec<&'a str> {
    let mut keys: Vec<(usize, &str)> = parsed
        .as_object()
        .unwrap()
        .keys()
        .map(|k| (line.find(&format!("\"{k}\":")).unwrap(), k.as_str()))
        .collect();
    keys.sort();
    keys.into_iter().map(|(_, k)| k).collect()
}

fn jsonl(out: &[u8]) -> Vec<serde_json::Value> {
    text(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

// ---------------------------------------------------------------- render

#[test]
fn render_prints_header_and_body() {
    let out = folio(&["render", &sample()]);
    assert_eq!(status(&out), 0, "{}", text(&out.stderr));
    let html = text(&out.stdout);
    assert!(
        html.contains(r#"<h1 class="folio-title">商务部：全国跨境电商综试区已达132个</h1>"#),
        "{html}"
    );
    assert!(html.contains("<div class=\"folio-body\">"));
    assert!(html.contains("责任编辑：李墨轩"));
    assert!(!html.contains("appendQr"));
}

/// The same `render()` as the browser: `--json` prints exactly the core's Article,
/// serialized, for every corpus file (and the core's message for the one it refuses).
#[test]
fn render_json_is_the_core_article_for_every_corpus_file() {
    let files = corpus_files();
    let chunks: Vec<&[PathBuf]> = files.chunks(files.len().div_ceil(2)).collect();
    std::thread::scope(|s| {
        for chunk in chunks {
            s.spawn(move || {
                for path in chunk {
                    let p = path.display().to_string();
                    let out = folio(&["render", "--json", &p]);
                    let opts = folio::Options {
                        file_name: Some(p.clone()),
                        base_url: None,
                        ..Default::default()
                    };
                    match folio::render(&std::fs::read(path).unwrap(), &opts) {
                        Ok(a) => {
                            assert_eq!(status(&out), 0, "{p}: {}", text(&out.stderr));
                            let expected = serde_json::to_string_pretty(&a).unwrap() + "\n";
                            assert!(
                                text(&out.stdout) == expected,
                                "{p}: --json differs from the core's Article"
                            );
                        }
                        Err(e) => {
                            assert_eq!(status(&out), 1, "{p}");
                            assert_eq!(text(&out.stderr).trim_end(), format!("folio: {p}: {e}"));
                        }
                    }
                }
            });
        }
    });
}

/// `--jsonl` over a folder: one line per article in walk order, each the core's
/// Article with `path` in front.
#[test]
fn render_jsonl_is_path_plus_article() {
    let root = shared_dir().join("corpus/hexo");
    let out = folio(&["render", "--jsonl", &root.display().to_string()]);
    assert_eq!(status(&out), 0, "{}", text(&out.stderr));
    let lines = jsonl(&out.stdout);
    assert!(text(&out.stdout)
        .lines()
        .all(|l| l.starts_with(r#"{"path":""#)));
    let mut expected: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    expected.sort();
    assert_eq!(lines.len(), expected.len());
    for (line, path) in lines.iter().zip(&expected) {
        let p = path.display().to_string();
        assert_eq!(line["path"], p.as_str());
        let mut article = line.clone();
        article.as_object_mut().unwrap().remove("path");
        let opts = folio::Options {
            file_name: Some(p.clone()),
            base_url: None,
            ..Default::default()
        };
        let core = folio::render(&std::fs::read(path).unwrap(), &opts).unwrap();
        assert_eq!(article, serde_json::to_value(&core).unwrap(), "{p}");
    }
}

#[test]
fn render_reads_standard_input_and_resolves_a_base_url() {
    let md = b"---\ntitle: From stdin\n---\n![p](img/p.png) [next](next.md)\n";
    let out = folio_in(
        &[
            "render",
            "--json",
            "--base-url",
            "https://example.com/blog/",
            "-",
        ],
        Some(md),
    );
    assert_eq!(status(&out), 0, "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["title"], "From stdin");
    let html = v["html"].as_str().unwrap();
    assert!(
        html.contains(r#"src="https://example.com/blog/img/p.png""#),
        "{html}"
    );
    assert!(
        html.contains(r#"href="https://example.com/blog/next.md""#),
        "{html}"
    );

    let bad = folio(&["render", "--base-url", "not a url", &sample()]);
    assert_eq!(status(&bad), 2);
    assert!(
        text(&bad.stderr).contains("not an absolute URL"),
        "{}",
        text(&bad.stderr)
    );
}

/// `-o`: one page per article mirroring the tree, the files they use copied, nothing
/// from outside the tree, no page for unreadable files, no temporary file left.
#[test]
fn render_pages_mirror_the_tree_with_their_files() {
    let out_dir = scratch("pages");
    let o = out_dir.display().to_string();
    let out = folio(&["render", "-o", &o, &broken()]);
    assert_eq!(
        status(&out),
        1,
        "binary.md and empty.md fail: {}",
        text(&out.stderr)
    );
    let err = text(&out.stderr);
    assert!(
        err.contains("binary.md: This is a PNG image, not an article."),
        "{err}"
    );
    assert!(err.contains("empty.md: This file is empty."), "{err}");
    assert!(err.contains("folio: 11 pages written to"), "{err}");
    assert!(
        err.contains(", 2 files copied, 2 of 13 failed in "),
        "{err}"
    );
    assert_eq!(
        tree(&out_dir),
        [
            "bad-date.html",
            "broken-yaml.html",
            "clash.html",
            "clash.md.html",
            "dup-one.html",
            "dup-two.html",
            "files/figures.csv",
            "folio.css",
            "good.html",
            "images/dot.png",
            "missing-image.html",
            "no-title.html",
            "sub/escape.html",
            "sub/perma.html",
        ]
    );
    let fixture = Path::new(&broken()).to_path_buf();
    assert_eq!(
        std::fs::read(out_dir.join("images/dot.png")).unwrap(),
        std::fs::read(fixture.join("images/dot.png")).unwrap()
    );
    let good = std::fs::read_to_string(out_dir.join("good.html")).unwrap();
    assert!(good.starts_with("<!DOCTYPE html>\n"), "{good}");
    assert!(good.contains("<title>A good post</title>"));
    assert!(
        good.contains(r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none';"#)
    );
    assert!(good.contains(r#"<link rel="stylesheet" href="folio.css">"#));
    assert!(good.contains(r#"src="images/dot.png""#));
    assert!(good.ends_with("</html>\n"));
    let sub = std::fs::read_to_string(out_dir.join("sub/perma.html")).unwrap();
    assert!(sub.contains(r#"<link rel="stylesheet" href="../folio.css">"#));
    // The HTML twin keeps the plain name (it comes first), the Markdown one gets the long one.
    assert!(std::fs::read_to_string(out_dir.join("clash.html"))
        .unwrap()
        .contains("HTML twin"));
    assert!(std::fs::read_to_string(out_dir.join("clash.md.html"))
        .unwrap()
        .contains("Markdown twin"));

    // Verbose: what was copied, what was missing, what was refused, the link skipped.
    let again = folio(&["render", "-v", "-o", &o, &broken()]);
    assert_eq!(status(&again), 1);
    let err = text(&again.stderr);
    assert!(err.contains("copied images/dot.png"), "{err}");
    assert!(err.contains("“images/nowhere.png” names no file"), "{err}");
    assert!(err.contains("lies outside"), "{err}");
    assert!(err.contains("link.md: a symbolic link"), "{err}");
    assert_eq!(
        tree(&out_dir).len(),
        14,
        "a second run writes the same files"
    );
    std::fs::remove_dir_all(&out_dir).ok();
}

#[test]
fn render_refuses_contradictory_requests() {
    for args in [
        vec!["render"],
        vec!["render", "--json", "tests/cli/broken"],
        vec!["render", "--json", "--jsonl", "x.md"],
        vec!["render", "-", "-"],
        vec!["render", "-o", "/tmp/x", "-"],
        vec!["render", "--files-from", "-", "-"],
        vec!["index", "--csv", "--jsonl", "x.md"],
        vec!["frobnicate"],
    ] {
        let out = folio(&args);
        assert_eq!(status(&out), 2, "{args:?}: {}", text(&out.stderr));
        assert!(
            text(&out.stderr).starts_with("error: "),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn unreadable_input_is_one_line_and_status_1() {
    let dir = scratch("unreadable");
    let bin = dir.join("image.png");
    std::fs::write(&bin, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    for path in [bin.to_str().unwrap(), "/no/such/file.md"] {
        let out = folio(&["render", path]);
        assert_eq!(status(&out), 1);
        let err = text(&out.stderr);
        assert!(err.starts_with(&format!("folio: {path}: ")), "{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

// ---------------------------------------------------------------- index

const COLUMNS: [&str; 16] = [
    "path",
    "title",
    "date",
    "updated",
    "authors",
    "categories",
    "tags",
    "lang",
    "format",
    "front_matter",
    "encoding",
    "words",
    "chars",
    "bytes",
    "draft",
    "warnings",
];

/// The corpus files a folder walk reads: the viewer's article endings, wherever they are.
fn walked_corpus() -> Vec<PathBuf> {
    let exts = viewer_extensions();
    let mut files: Vec<PathBuf> = corpus_files()
        .into_iter()
        .filter(|p| p.starts_with(shared_dir().join("corpus")))
        .chain([shared_dir().join("corpus/README.md")])
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_lowercase();
            exts.iter().any(|e| name.ends_with(e.as_str()))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn index_jsonl_over_the_corpus_agrees_with_the_core() {
    let root = shared_dir().join("corpus");
    let out = folio(&["index", &root.display().to_string()]);
    // The corpus holds one deliberately empty file.
    assert_eq!(status(&out), 1, "{}", text(&out.stderr));
    let err = text(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].ends_with("graymatter-fixture-empty.md: This file is empty."),
        "{err}"
    );
    let n = walked_corpus().len();
    assert!(
        lines[1].starts_with(&format!(
            "folio: {} records; 1 of {n} files failed in ",
            n - 1
        )),
        "{err}"
    );
    let records = jsonl(&out.stdout);
    let expected: Vec<PathBuf> = walked_corpus()
        .into_iter()
        .filter(|p| !p.ends_with("other/graymatter-fixture-empty.md"))
        .collect();
    assert_eq!(records.len(), expected.len());
    for (line, r) in text(&out.stdout).lines().zip(&records) {
        assert_eq!(key_order(line, r), COLUMNS, "{line}");
    }
    for (r, path) in records.iter().zip(&expected) {
        let p = path.display().to_string();
        assert_eq!(r["path"], p.as_str());
        let bytes = std::fs::read(path).unwrap();
        let opts = folio::Options {
            file_name: Some(p.clone()),
            base_url: None,
            ..Default::default()
        };
        let a = folio::render(&bytes, &opts).unwrap();
        assert_eq!(r["title"], serde_json::json!(a.title), "{p}");
        assert_eq!(r["date"], serde_json::json!(a.date), "{p}");
        assert_eq!(r["tags"], serde_json::json!(a.tags), "{p}");
        assert_eq!(r["front_matter"], serde_json::json!(a.front_matter), "{p}");
        assert_eq!(r["encoding"], a.encoding.as_str());
        assert_eq!(r["words"], a.stats.words);
        assert_eq!(r["chars"], a.stats.chars);
        assert_eq!(r["bytes"], bytes.len());
        let said: Vec<&str> = a.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(r["warnings"], serde_json::json!(said), "{p}");
    }
}

/// CSV and JSON Lines hold the same records; the csv crate and Python's csv and json
/// modules read them back.
#[test]
fn index_csv_parses_back_and_matches_the_jsonl() {
    let root = shared_dir().join("corpus").display().to_string();
    let dir = scratch("csv");
    let csv_path = dir.join("index.csv");
    let jsonl_path = dir.join("index.jsonl");
    let out = folio(&["index", "--csv", "-o", csv_path.to_str().unwrap(), &root]);
    assert_eq!(status(&out), 1, "the empty fixture: {}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    let out = folio(&[
        "index",
        "--jsonl",
        "-q",
        "-o",
        jsonl_path.to_str().unwrap(),
        &root,
    ]);
    assert_eq!(status(&out), 1);
    let records = jsonl(&std::fs::read(&jsonl_path).unwrap());

    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        COLUMNS
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), records.len());
    assert!(rows.len() > 200);
    for (row, rec) in rows.iter().zip(&records) {
        for (i, col) in COLUMNS.iter().enumerate() {
            let cell = &row[i];
            let expected = match &rec[*col] {
                serde_json::Value::Null => String::new(),
                serde_json::Value::String(s) => s.clone(),
                v => v.to_string(),
            };
            assert_eq!(cell, expected, "{col} of {}", rec["path"]);
        }
        let tags: Vec<String> = serde_json::from_str(&row[6]).unwrap();
        assert_eq!(serde_json::json!(tags), rec["tags"]);
    }

    let python = Command::new("python3")
        .arg("-c")
        .arg(
            "import csv, json, sys\n\
             rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))\n\
             recs = [json.loads(l) for l in open(sys.argv[2], encoding='utf-8')]\n\
             assert len(rows) == len(recs), (len(rows), len(recs))\n\
             for r, j in zip(rows, recs):\n\
             \x20   assert r['path'] == j['path'] and (r['title'] or None) == j['title'], (r, j)\n\
             \x20   assert json.loads(r['tags']) == j['tags'] and int(r['words']) == j['words']\n\
             print(len(rows))",
        )
        .arg(&csv_path)
        .arg(&jsonl_path)
        .output();
    match python {
        Ok(p) => {
            assert!(p.status.success(), "{}", text(&p.stderr));
            assert_eq!(text(&p.stdout).trim(), rows.len().to_string());
        }
        Err(e) => eprintln!("python3 not run ({e}); the csv crate's reading stands"),
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Output order is input order, whatever the number of threads.
#[test]
fn index_order_does_not_depend_on_threads() {
    let root = shared_dir().join("corpus").display().to_string();
    let one = folio(&["index", "-j", "1", &root]);
    let many = folio(&["index", "-j", "7", &root]);
    assert!(one.stdout == many.stdout, "-j 1 and -j 7 differ");
    assert!(!one.stdout.is_empty());
}

/// Folders are walked for exactly the viewer's article endings (www/drop.js), any
/// case, skipping dot folders, node_modules and symbolic links; named files are
/// always read.
#[test]
fn folder_walks_keep_what_the_viewer_keeps() {
    let dir = scratch("walk");
    let mut expected = BTreeSet::new();
    for (i, ext) in viewer_extensions().iter().enumerate() {
        let name = format!(
            "a{i:02}{}",
            if i % 2 == 0 {
                ext.clone()
            } else {
                ext.to_uppercase()
            }
        );
        std::fs::write(dir.join(&name), format!("# Title {i}\n")).unwrap();
        expected.insert(dir.join(&name).display().to_string());
    }
    for skipped in ["notes.Rmd", "picture.png", "data.json", ".dot.md"] {
        std::fs::write(dir.join(skipped), "# x\n").unwrap();
    }
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    std::fs::write(dir.join(".git/x.md"), "# x\n").unwrap();
    std::fs::create_dir_all(dir.join("node_modules/p")).unwrap();
    std::fs::write(dir.join("node_modules/p/x.md"), "# x\n").unwrap();
    let out = folio(&["index", &dir.display().to_string()]);
    assert_eq!(status(&out), 0, "{}", text(&out.stderr));
    let got: BTreeSet<String> = jsonl(&out.stdout)
        .iter()
        .map(|r| r["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(got, expected);

    let named = dir.join("notes.Rmd").display().to_string();
    let out = folio(&["index", &named]);
    assert_eq!(status(&out), 0);
    assert_eq!(jsonl(&out.stdout)[0]["path"], named.as_str());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn files_from_reads_a_list_in_its_order() {
    let dir = scratch("list");
    let b = broken();
    let list = format!("{b}/good.md\n{b}/no-such.md\r\n\n{b}/sub\n{b}/bad-date.md\n");
    let list_path = dir.join("list.txt");
    std::fs::write(&list_path, &list).unwrap();
    let expect = [
        format!("{b}/good.md"),
        format!("{b}/sub/escape.md"),
        format!("{b}/sub/perma.md"),
        format!("{b}/bad-date.md"),
    ];
    let paths = |out: &Output| -> Vec<String> {
        jsonl(&out.stdout)
            .iter()
            .map(|r| r["path"].as_str().unwrap().to_string())
            .collect()
    };
    for out in [
        folio(&["index", "--files-from", list_path.to_str().unwrap()]),
        folio_in(&["index", "--files-from", "-"], Some(list.as_bytes())),
        folio_in(
            &["index", "-0", "--files-from", "-"],
            Some(list.replace(['\n'], "\0").replace('\r', "").as_bytes()),
        ),
    ] {
        assert_eq!(status(&out), 1, "no-such.md fails: {}", text(&out.stderr));
        assert_eq!(paths(&out), expect);
        let err = text(&out.stderr);
        assert!(
            err.contains(&format!("folio: {b}/no-such.md: cannot read it:")),
            "{err}"
        );
    }
    // In a list, `-` is a file named so, not standard input.
    let out = folio_in(&["index", "--files-from", "-"], Some(b"-\n"));
    assert!(
        text(&out.stderr).contains("folio: ./-: cannot read it:"),
        "{}",
        text(&out.stderr)
    );
    // Named paths come first, then the list.
    let out = folio(&[
        "index",
        &format!("{b}/dup-one.md"),
        "--files-from",
        list_path.to_str().unwrap(),
    ]);
    assert_eq!(paths(&out)[0], format!("{b}/dup-one.md"));
    let missing = folio(&["index", "--files-from", "/no/such/list"]);
    assert_eq!(status(&missing), 1);
    assert!(text(&missing.stderr).contains("cannot read the list of paths"));
    std::fs::remove_dir_all(&dir).ok();
}

// ---------------------------------------------------------------- check

/// A `check` line's path (without `:line`) and code.
fn finding(line: &str) -> (String, String) {
    let (place, rest) = line.split_once(": ").unwrap();
    let path = match place.rsplit_once(':') {
        Some((p, n)) if n.bytes().all(|b| b.is_ascii_digit()) => p,
        _ => place,
    };
    let code = rest.rsplit_once('[').unwrap().1.trim_end_matches(']');
    (path.to_string(), code.to_string())
}

#[test]
fn check_reports_the_broken_tree() {
    let b = broken();
    let out = folio(&["check", &b]);
    assert_eq!(status(&out), 1, "errors were found");
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    let found: Vec<(String, String)> = lines[..lines.len() - 1]
        .iter()
        .map(|l| {
            let (path, code) = finding(l);
            (
                path.strip_prefix(&format!("{b}/")).unwrap().to_string(),
                code,
            )
        })
        .collect();
    let expected: Vec<(String, String)> = [
        ("bad-date.md", "date-unreadable"),
        ("binary.md", "binary"),
        ("broken-yaml.md", "yaml-broken"),
        ("clash.md", "slug-duplicate"),
        ("dup-two.md", "slug-duplicate"),
        ("empty.md", "empty"),
        ("missing-image.md", "image-missing"),
        ("no-title.md", "title-missing"),
        ("sub/escape.md", "image-missing"),
        ("sub/escape.md", "image-missing"),
        ("sub/escape.md", "link-missing"),
        ("sub/perma.md", "permalink-duplicate"),
    ]
    .map(|(p, c)| (p.to_string(), c.to_string()))
    .to_vec();
    assert_eq!(found, expected, "{stdout}");
    assert!(stdout.contains(&format!(
        "{b}/bad-date.md:3: warning: The date “the day after tomorrow” could not be read; it is shown as written. [date-unreadable]"
    )), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "{b}/broken-yaml.md:2: error: The front matter has a YAML error on line 2 "
        )),
        "{stdout}"
    );
    assert!(stdout.contains(&format!(
        "{b}/missing-image.md: error: the image “images/nowhere.png” names no file in {b} [image-missing]"
    )), "{stdout}");
    assert!(
        stdout.contains(&format!(
        "{b}/sub/escape.md: warning: the link “../../lib.rs” names no file in {b} [link-missing]"
    )),
        "{stdout}"
    );
    assert!(stdout.contains(&format!(
        "{b}/sub/perma.md: error: the permalink “/posts/good” is also the permalink of {b}/good.md [permalink-duplicate]"
    )));
    assert!(stdout.contains(&format!(
        "{b}/dup-two.md: error: the slug “same-slug” is also the slug of {b}/dup-one.md, in the same folder [slug-duplicate]"
    )));
    assert_eq!(
        *lines.last().unwrap(),
        "13 files checked: 9 errors, 3 warnings in 10 files"
    );
    assert!(text(&out.stderr).is_empty(), "{}", text(&out.stderr));

    // Without the errors, warnings alone leave the status at 0.
    let good = folio(&[
        "check",
        &format!("{b}/good.md"),
        &format!("{b}/no-title.md"),
    ]);
    assert_eq!(status(&good), 0, "{}", text(&good.stdout));
    let ignored = folio(&[
        "check",
        "-q",
        "--ignore",
        "title-missing",
        &format!("{b}/no-title.md"),
    ]);
    assert_eq!(status(&ignored), 0);
    assert!(ignored.stdout.is_empty(), "{}", text(&ignored.stdout));
    let typo = folio(&["check", "--ignore", "title-mising", &b]);
    assert_eq!(status(&typo), 2);
    assert!(
        text(&typo.stderr).contains("title-missing"),
        "lists the codes"
    );
}

#[test]
fn check_writes_github_annotations() {
    let b = broken();
    let out = folio(&[
        "check",
        "--format",
        "github",
        &format!("{b}/binary.md"),
        &format!("{b}/bad-date.md"),
    ]);
    assert_eq!(status(&out), 1);
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[0],
        format!("::error file={b}/binary.md,title=binary::This is a PNG image, not an article.")
    );
    assert_eq!(
        lines[1],
        format!("::warning file={b}/bad-date.md,line=3,title=date-unreadable::The date “the day after tomorrow” could not be read; it is shown as written.")
    );

    // Run from the checkout's root, paths are relative to it, without `./`.
    let here = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["check", "--format", "github", "."])
        .current_dir(&b)
        .output()
        .unwrap();
    let stdout = text(&here.stdout);
    assert!(
        stdout.contains("::error file=binary.md,title=binary::"),
        "{stdout}"
    );
    assert!(
        stdout.contains("::error file=sub/perma.md,title=permalink-duplicate::"),
        "{stdout}"
    );
    assert!(!stdout.contains("file=./"), "{stdout}");
}

/// The hand-written tree of what the core warns about, as a path string.
fn lint() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cli/lint")
        .display()
        .to_string()
}

#[test]
fn check_reports_the_core_warnings_at_their_lines() {
    let l = lint();
    let out = folio(&["check", &l]);
    assert_eq!(status(&out), 1, "front-matter errors");
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    let codes: Vec<(String, String)> = lines[..lines.len() - 1]
        .iter()
        .map(|l| finding(l))
        .collect();
    let expected = [
        ("broken-toml.md", "title-missing"),
        ("broken-toml.md", "toml-broken"),
        ("out-of-range.md", "date-out-of-range"),
        ("tags.md", "syntax-unknown"),
        ("tags.md", "syntax-unknown"),
        ("unclosed.md", "front-matter-unclosed"),
    ]
    .map(|(p, c)| (format!("{l}/{p}"), c.to_string()));
    assert_eq!(codes, expected, "{stdout}");
    assert!(
        stdout.contains(&format!(
            "{l}/broken-toml.md:2: error: The front matter has a TOML error on line 2 "
        )),
        "{stdout}"
    );
    assert!(stdout.contains(&format!(
        "{l}/out-of-range.md:3: warning: The date “2024-03-23 19:85:35” has a field out of range; it was read as 2024-03-23T20:25:35, as Hexo reads it. [date-out-of-range]\n"
    )), "{stdout}");
    assert!(stdout.contains(&format!(
        "{l}/unclosed.md:1: error: The front matter that starts on line 1 is never closed with “---”; it was read up to line 3 and the rest as the article. [front-matter-unclosed]\n"
    )), "{stdout}");
    assert!(stdout.contains(&format!(
        "{l}/tags.md:7: warning: The Hexo or Jekyll tag “tabs” (used 2 times) is not one Folio knows: it was left out (anything inside it is still shown). [syntax-unknown]\n{l}/tags.md:13: warning: The Hugo shortcode “gallery” is not one Folio knows"
    )), "{stdout}");
    assert_eq!(
        lines[lines.len() - 1],
        "5 files checked: 2 errors, 4 warnings in 4 files"
    );

    // The annotations carry the line.
    let gh = folio(&["check", "--format", "github", &format!("{l}/unclosed.md")]);
    assert!(text(&gh.stdout).starts_with(&format!(
        "::error file={l}/unclosed.md,line=1,title=front-matter-unclosed::The front matter that starts on line 1"
    )), "{}", text(&gh.stdout));

    // The core's codes can be left out like the command line's own; warnings alone exit 0.
    let ignored = folio(&[
        "check",
        "-q",
        "--ignore",
        "toml-broken",
        "--ignore",
        "front-matter-unclosed",
        &l,
    ]);
    assert_eq!(status(&ignored), 0, "{}", text(&ignored.stdout));
    assert_eq!(
        text(&ignored.stdout).lines().count(),
        4,
        "{}",
        text(&ignored.stdout)
    );

    // The help names every code by level.
    let help = text(&folio(&["check", "--help"]).stdout);
    assert!(help.contains("Errors: binary, empty, too-large, read-failed, permalink-duplicate, slug-duplicate, image-missing, front-matter-unclosed"), "{help}");
    for code in folio::WarningCode::ALL {
        assert!(help.contains(code.as_str()), "{code:?} in {help}");
    }
}

/// Links and images resolve as the viewer's library resolves them: from the file's
/// folder, the site root (Jekyll's `/assets`), a folder's index page, wiki links and
/// embeds by name anywhere; fragments and queries aside, names percent-decoded.
#[test]
fn check_finds_links_and_images_that_point_nowhere() {
    let l = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cli/links")
        .display()
        .to_string();
    let out = folio(&["check", &l]);
    assert_eq!(status(&out), 1, "missing images are errors");
    let hello = format!("{l}/_posts/2024-01-01-hello.md");
    let second = format!("{l}/_posts/2024-01-02-second.md");
    assert_eq!(
        text(&out.stdout),
        format!(
            "{hello}: error: the image “/assets/gone.png” names no file in {l} [image-missing]\n\
             {hello}: warning: the link “../nowhere/” names no file in {l} [link-missing]\n\
             {second}: warning: the wiki link “Osaka” names no note or file in {l} [link-missing]\n\
             {second}: error: the image “missing.png” names no file in {l} [image-missing]\n\
             {second}: warning: the embed “Nara” names no note or file in {l} [link-missing]\n\
             4 files checked: 2 errors, 3 warnings in 2 files\n"
        )
    );
    // Named alone, a file's links resolve in its own folder's tree.
    let alone = folio(&["check", "--ignore", "image-missing", &second]);
    assert_eq!(status(&alone), 0, "{}", text(&alone.stdout));
    let said = text(&alone.stdout);
    assert!(
        said.contains("“Kyoto Notes” names")
            && said.contains("in {l}/_posts [link-missing]".replace("{l}", &l).as_str()),
        "{said}"
    );
}

/// `check` over the corpus says what the core says: each warning on its own line,
/// with its line and English sentence; broken front matter and unreadable files as
/// errors, everything else as warnings.
#[test]
fn check_over_the_corpus_reports_what_the_core_says() {
    let root = shared_dir().join("corpus").display().to_string();
    let out = folio(&["check", &root]);
    assert_eq!(status(&out), 1, "the empty fixture is an error");
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    let (findings, summary) = lines.split_at(lines.len() - 1);
    for l in findings {
        assert!(l.starts_with(&root) && l.ends_with(']'), "{l}");
        assert!(l.contains(": error: ") || l.contains(": warning: "), "{l}");
    }
    let errors_by_code = [
        "front-matter-unclosed",
        "front-matter-not-mapping",
        "yaml-broken",
        "toml-broken",
        "json-broken",
    ];
    let mut expected = Vec::new();
    let walked = walked_corpus();
    for path in &walked {
        let p = path.display().to_string();
        let opts = folio::Options {
            file_name: Some(p.clone()),
            ..Default::default()
        };
        match folio::render(&std::fs::read(path).unwrap(), &opts) {
            Err(e) => {
                assert_eq!(e.kind(), folio::ErrorKind::Empty, "{p}");
                expected.push(format!("{p}: error: {e} [empty]"));
            }
            Ok(a) => {
                for w in &a.warnings {
                    let level = if errors_by_code.contains(&w.code.as_str()) {
                        "error"
                    } else {
                        "warning"
                    };
                    let line = w.line.map(|l| format!("{l}:")).unwrap_or_default();
                    expected.push(format!(
                        "{p}:{line} {level}: {} [{}]",
                        w.message,
                        w.code.as_str()
                    ));
                }
            }
        }
    }
    let own = [
        "title-missing",
        "permalink-duplicate",
        "slug-duplicate",
        "link-missing",
        "image-missing",
    ];
    let mut core: Vec<String> = findings
        .iter()
        .filter(|l| !own.contains(&finding(l).1.as_str()))
        .map(|l| l.to_string())
        .collect();
    core.sort();
    expected.sort();
    assert_eq!(core, expected);
    assert!(
        expected.iter().any(|l| l.ends_with("graymatter-fixture-empty.md: error: This file is empty. [empty]")),
        "{stdout}"
    );
    let errors = findings.iter().filter(|l| l.contains(": error: ")).count();
    assert!(
        errors > 1,
        "the corpus has broken front matter too: {stdout}"
    );
    assert!(
        summary[0].starts_with(&format!(
            "{} files checked: {errors} errors, ",
            walked.len()
        )),
        "{}",
        summary[0]
    );
}

// ---------------------------------------------------------------- the rest

#[test]
fn version_help_and_completions() {
    let v = folio(&["--version"]);
    assert_eq!(
        text(&v.stdout).trim(),
        format!("folio {}", env!("CARGO_PKG_VERSION"))
    );
    for cmd in ["render", "index", "check", "completions"] {
        let h = folio(&[cmd, "--help"]);
        assert_eq!(status(&h), 0);
        let help = text(&h.stdout);
        assert!(
            help.contains("Usage: folio") && help.contains("--quiet") && help.contains("--version"),
            "{help}"
        );
    }
    assert!(
        text(&folio(&["index", "--help"]).stdout).contains("front_matter, encoding, words, chars")
    );
    let bash = folio(&["completions", "bash"]);
    assert_eq!(status(&bash), 0);
    let script = text(&bash.stdout);
    for word in ["render", "index", "check", "--files-from", "--format"] {
        assert!(script.contains(word), "{word}");
    }
    if let Ok(mut sh) = Command::new("bash").arg("-n").stdin(Stdio::piped()).spawn() {
        sh.stdin
            .take()
            .unwrap()
            .write_all(script.as_bytes())
            .unwrap();
        assert!(sh.wait().unwrap().success(), "the bash script parses");
    }
}

/// Standard output closed early (`| head -1`): no error, and the run stops.
#[test]
fn a_closed_pipe_ends_quietly() {
    let root = shared_dir().join("corpus").display().to_string();
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["render", "--jsonl", &root])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(first[0], b'{');
    assert!(
        !text(&out.stderr).contains("cannot write"),
        "{}",
        text(&out.stderr)
    );
    assert!(out.status.code() == Some(0) || out.status.code() == Some(1));
}

/// Writes `n` generated Markdown articles of about `size` bytes into `dir/NN/`.
fn generate_tree(dir: &Path, n: usize, size: usize) {
    let para = "Lorem ipsum dolor sit amet, *consectetur* adipiscing elit, [sed](https://example.com/) do \
                eiusmod tempor incididunt ut labore et `dolore` magna aliqua. 中文段落，用于测试。\n\n";
    for i in 0..n {
        let sub = dir.join(format!("{:02}", i % 50));
        std::fs::create_dir_all(&sub).unwrap();
        let mut body = format!(
            "---\ntitle: Generated {i}\ndate: 2024-01-{:02}\ntags: [t{}, u]\n---\n",
            i % 28 + 1,
            i % 7
        );
        let mut k = 0;
        while body.len() < size {
            k += 1;
            body.push_str(&format!(
                "## Part {k}\n\n{para}- item {k}\n- item <b>{k}</b>\n\n"
            ));
        }
        std::fs::write(sub.join(format!("post-{i:05}.md")), body).unwrap();
    }
}

/// SIGINT in the middle of `render -o` (and `index -o`): status 130, no temporary
/// file, every page there is whole, and no index file at all.
#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_no_partial_file() {
    use std::time::{Duration, Instant};
    let dir = scratch("interrupt");
    let src = dir.join("src");
    generate_tree(&src, 3000, 40_000);
    let out_dir = dir.join("out");
    let index = dir.join("index.csv");
    let out2 = dir.join("out2");
    let render = |to: &Path| -> Vec<String> {
        [
            "render",
            "-j",
            "2",
            "-o",
            to.to_str().unwrap(),
            src.to_str().unwrap(),
        ]
        .map(String::from)
        .to_vec()
    };
    let index_args: Vec<String> = [
        "index",
        "--csv",
        "-j",
        "2",
        "-o",
        index.to_str().unwrap(),
        src.to_str().unwrap(),
    ]
    .map(String::from)
    .to_vec();
    // The second signal (right after the first) exits at once, removing what is pending.
    for (args, watch, signals) in [
        (render(&out_dir), &out_dir, 1),
        (index_args, &dir, 1),
        (render(&out2), &out2, 2),
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
            .args(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Wait until it is writing (a page, or the index's temporary file) …
        let start = Instant::now();
        loop {
            let busy = tree(watch)
                .iter()
                .any(|f| f.ends_with(".html") || f.ends_with(".tmp"));
            if busy || start.elapsed() > Duration::from_secs(120) {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(200));
        assert!(
            child.try_wait().unwrap().is_none(),
            "{args:?} ended before the signal: make the tree bigger"
        );
        for _ in 0..signals {
            let kill = Command::new("kill")
                .args(["-INT", &child.id().to_string()])
                .status()
                .unwrap();
            assert!(kill.success());
            std::thread::sleep(Duration::from_millis(5));
        }
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(130),
            "{args:?}: {}",
            text(&out.stderr)
        );
        if signals == 1 {
            assert!(
                text(&out.stderr).contains("interrupted"),
                "{}",
                text(&out.stderr)
            );
        }
        let files = tree(&dir);
        assert!(
            !files
                .iter()
                .any(|f| f.contains(".folio-") || f.ends_with(".tmp")),
            "{args:?}: temporary files left"
        );
    }
    assert!(!index.exists(), "an interrupted index leaves no file");
    for d in [&out_dir, &out2] {
        let n = tree(d).len();
        assert!(
            n > 1 && n < 3001,
            "{n} files in {}: the run was cut short",
            d.display()
        );
    }
    let pages: Vec<String> = tree(&out_dir)
        .into_iter()
        .chain(tree(&out2).into_iter().map(|p| format!("../out2/{p}")))
        .collect();
    for p in pages.iter().filter(|p| p.ends_with(".html")) {
        let html = std::fs::read_to_string(out_dir.join(p)).unwrap();
        assert!(html.ends_with("</html>\n"), "{p} is cut short");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// No progress bar when stderr is piped; one on a terminal (a pseudo-terminal from
/// script(1), where that is installed).
#[test]
fn progress_bar_only_on_a_terminal() {
    let root = shared_dir().join("corpus").display().to_string();
    let piped = folio(&["index", "-j", "1", &root]);
    let err = text(&piped.stderr);
    assert!(!err.contains('\r') && !err.contains('\x1b'), "{err:?}");
    assert_eq!(
        err.lines().count(),
        2,
        "the empty fixture and the summary: {err}"
    );

    let bin = env!("CARGO_BIN_EXE_folio");
    let cmd = format!("{bin} index -j 1 {root} {root} {root} > /dev/null");
    match Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .output()
    {
        Ok(tty) if tty.status.code().is_some() => {
            let screen = String::from_utf8_lossy(&tty.stdout);
            assert!(screen.contains("files"), "the bar's text: {screen:?}");
            assert!(
                screen.contains('\r') || screen.contains('\x1b'),
                "{screen:?}"
            );
        }
        _ => eprintln!("script(1) is not installed: only the piped case was checked"),
    }
}

/// The pages' stylesheet keeps the viewer's palette (light and dark): each custom
/// property its `:root` declares has the value `www/style.css`'s `:root` gives it, in order.
#[test]
fn page_palette_follows_the_viewer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let decls = |css: &str| -> Vec<(String, String)> {
        css.split("--folio-")
            .skip(1)
            .filter_map(|d| {
                let (name, rest) = d.split_once(':')?;
                let value = rest.split(';').next()?;
                (!name.contains(char::is_whitespace)).then(|| {
                    (
                        name.to_string(),
                        value.split_whitespace().collect::<Vec<_>>().join(" "),
                    )
                })
            })
            .collect()
    };
    // The `:root` block of each: the palette (light and dark through `light-dark()`).
    let root_block = |path: &str| -> String {
        let css = std::fs::read_to_string(root.join(path)).unwrap();
        let start = css.find(":root {").expect(":root block");
        let end = start + css[start..].find("\n}").expect("end of :root block");
        css[start..end].to_string()
    };
    let page = decls(&root_block("src/cli/page.css"));
    let viewer = decls(&root_block("www/style.css"));
    // Declarations only (`name: value`), not uses (`var(--folio-x)` has no colon after it).
    let declared = |list: &[(String, String)]| -> Vec<(String, String)> {
        list.iter()
            .filter(|(_, v)| !v.starts_with(')') && !v.contains("var("))
            .cloned()
            .collect()
    };
    let page = declared(&page);
    assert!(page.len() >= 10, "{page:?}");
    let names: BTreeSet<&String> = page.iter().map(|(n, _)| n).collect();
    let viewer: Vec<(String, String)> = declared(&viewer)
        .into_iter()
        .filter(|(n, _)| names.contains(n))
        .collect();
    assert_eq!(page, viewer);
}
