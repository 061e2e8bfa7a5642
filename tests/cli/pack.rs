//! `folio pack`: the archive page of docs/archive-format.md, read back two ways: by the
//! format's own checker (`node scripts/check-archive.mjs`, when the repository has it)
//! and by a reader here (blocks, base64, ZIP), against the files and the core's Articles.

use super::{folio, scratch, status, text};
use base64::Engine;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

const TYPE: &str = "application/vnd.folio.archive+zip";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The library fixture of the archive format (articles that link to each other, a
/// wiki link, an image beside a post).
fn library() -> PathBuf {
    repo().join("tests/fixtures/archive/blog")
}

/// The hand-written stand-in for the single-file viewer.
fn viewer() -> String {
    repo().join("tests/cli/viewer.html").display().to_string()
}

/// What an archive page holds: the page without its blocks, and the ZIP's entries
/// in order (name, compression method, bytes).
struct Archive {
    page_without_blocks: String,
    parts: usize,
    entries: Vec<(String, zip::CompressionMethod, Vec<u8>)>,
}

impl Archive {
    /// The entries' names, in the ZIP's order.
    fn names(&self) -> Vec<&str> {
        self.entries.iter().map(|e| e.0.as_str()).collect()
    }
}

/// Reads an archive page as the format says a reader does.
fn read_archive(page: &str) -> Archive {
    let open = format!("<script type=\"{TYPE}\" data-part=\"");
    let mut rest = page;
    let mut without = String::new();
    let mut blocks: Vec<(usize, usize, String)> = Vec::new();
    while let Some(at) = rest.find(&open) {
        without.push_str(&rest[..at]);
        let tail = &rest[at + open.len()..];
        let (part, tail) = tail.split_once("\" data-parts=\"").unwrap();
        let (parts, tail) = tail.split_once("\">").unwrap();
        let (b64, tail) = tail.split_once("</script>\n").unwrap();
        blocks.push((
            part.parse().unwrap(),
            parts.parse().unwrap(),
            b64.to_string(),
        ));
        rest = tail;
    }
    without.push_str(rest);
    assert!(!blocks.is_empty(), "no blocks");
    let parts = blocks[0].1;
    assert_eq!(blocks.len(), parts);
    let mut bytes = Vec::new();
    for (i, (part, n, b64)) in blocks.iter().enumerate() {
        assert_eq!(
            (*part, *n),
            (i, parts),
            "blocks in order, each with data-parts"
        );
        assert!(!b64.contains(char::is_whitespace));
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .expect("each block decodes on its own");
        if i + 1 < parts {
            assert_eq!(decoded.len(), 6 * 1024 * 1024, "full blocks are 6 MiB");
        }
        bytes.extend(decoded);
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("one ZIP");
    let mut entries = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        entries.push((f.name().unwrap().to_string(), f.compression(), data));
    }
    Archive {
        page_without_blocks: without,
        parts,
        entries,
    }
}

/// Runs the format's checker (`make lint` vendors the zip code it imports into
/// `www/vendor/`); None, with a note, when the checkout has not vendored it yet: the
/// reader here still checks the archive.
fn checker(page: &Path, folder: &Path) -> Option<std::process::Output> {
    let script = repo().join("scripts/check-archive.mjs");
    let vendored = repo().join("www/vendor/fflate/esm/browser.js");
    if !script.is_file() || !vendored.is_file() {
        eprintln!("check-archive.mjs not run: run `node scripts/vendor.mjs` (make lint does)");
        return None;
    }
    Some(
        Command::new("node")
            .arg(&script)
            .arg(page)
            .arg("--folder")
            .arg(folder)
            .output()
            .expect("run node"),
    )
}

#[test]
fn pack_writes_the_archive_format() {
    let dir = scratch("pack");
    let out = dir.join("blog.html");
    let o = out.display().to_string();
    let lib = library().display().to_string();
    let run = folio(&["pack", &lib, "-o", &o, "--viewer", &viewer()]);
    assert_eq!(status(&run), 0, "{}", text(&run.stderr));
    assert!(
        text(&run.stderr).contains("folio: packed 4 files (3 articles) into "),
        "{}",
        text(&run.stderr)
    );
    if let Some(check) = checker(&out, &library()) {
        assert!(
            check.status.success(),
            "check-archive: {}{}",
            text(&check.stdout),
            text(&check.stderr)
        );
        assert!(text(&check.stdout).contains("3 summaries, 3 search documents"));
    }

    let page = std::fs::read_to_string(&out).unwrap();
    let viewer_html = std::fs::read_to_string(viewer()).unwrap();
    let archive = read_archive(&page);
    assert_eq!(
        archive.page_without_blocks, viewer_html,
        "the viewer, unchanged"
    );
    assert!(page.rfind("</body>").unwrap() > page.rfind(TYPE).unwrap());
    assert_eq!(archive.parts, 1);
    assert_eq!(
        archive.names(),
        [
            "folio-archive.json",
            "index.jsonl",
            "files/blog/notes/Kyoto notes.md",
            "files/blog/posts/hello.md",
            "files/blog/posts/trip/index.md",
            "files/blog/posts/trip/map.png",
        ]
    );
    let by_name: BTreeMap<&str, &(String, zip::CompressionMethod, Vec<u8>)> =
        archive.entries.iter().map(|e| (e.0.as_str(), e)).collect();
    for (name, entry) in &by_name {
        let Some(path) = name.strip_prefix("files/blog/") else {
            continue;
        };
        assert_eq!(
            entry.2,
            std::fs::read(library().join(path)).unwrap(),
            "{name}"
        );
        let method = if path.ends_with(".md") {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        assert_eq!(entry.1, method, "{name}: articles deflated, images stored");
    }

    let manifest: serde_json::Value =
        serde_json::from_slice(&by_name["folio-archive.json"].2).unwrap();
    assert_eq!(manifest["format"], "folio-archive");
    assert_eq!(manifest["version"], 1);
    assert_eq!(manifest["title"], "blog");
    assert_eq!(
        manifest["generator"],
        format!("folio pack {}", env!("CARGO_PKG_VERSION"))
    );
    let created = manifest["created"].as_str().unwrap();
    assert!(
        created.len() == 24 && created.ends_with('Z') && created.as_bytes()[19] == b'.',
        "{created}"
    );
    assert_eq!(
        manifest["files"][3],
        serde_json::json!({"path": "blog/posts/trip/map.png", "size": 71, "kind": "asset"})
    );
    let docs: Vec<serde_json::Value> = text(&by_name["index.jsonl"].2)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let articles = manifest["articles"].as_array().unwrap();
    assert_eq!((articles.len(), docs.len()), (3, 3));
    for (summary, doc) in articles.iter().zip(&docs) {
        // What the core gives for the file, rendered as the viewer's parse pool does.
        let path = summary["path"].as_str().unwrap();
        assert_eq!(doc["path"], path);
        let file = library().join(path.strip_prefix("blog/").unwrap());
        let options = folio::Options {
            file_name: Some(file.file_name().unwrap().to_string_lossy().into_owned()),
            include_text: true,
            include_html: false,
            ..Default::default()
        };
        let a = folio::render(&std::fs::read(&file).unwrap(), &options).unwrap();
        assert_eq!(summary["title"], serde_json::json!(a.title), "{path}");
        assert_eq!(summary["date"], serde_json::json!(a.date), "{path}");
        assert_eq!(summary["tags"], serde_json::json!(a.tags), "{path}");
        assert_eq!(summary["links"], serde_json::json!(a.links), "{path}");
        assert_eq!(summary["words"], a.stats.words, "{path}");
        let short = a.summary.clone().or(a.excerpt.clone()).unwrap();
        assert_eq!(
            summary["summary"],
            short.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        assert_eq!(doc["text"], serde_json::json!(a.text.unwrap()), "{path}");
        assert_eq!(doc["title"], serde_json::json!(a.title.unwrap()), "{path}");
    }
    let hello = &articles[1];
    assert_eq!(hello["path"], "blog/posts/hello.md");
    assert_eq!(
        hello["links"],
        serde_json::json!([{"kind": "link", "target": "trip/index.md"}, {"kind": "wikilink", "target": "Kyoto notes"}])
    );
    assert_eq!(docs[1]["tags"], "fixture archive Testing");
    assert_eq!(docs[1]["authors"], "Test Writer");
    std::fs::remove_dir_all(&dir).ok();
}

/// A library bigger than one block, with what is left out and what is stored: blocks of
/// 6 MiB that decode alone, dot files, node_modules and links left out, a page of one
/// repeated character stored (deflated, it would pass the reader's zip-bomb bound), and
/// the same bytes again for the same SOURCE_DATE_EPOCH.
#[test]
fn pack_splits_bounds_and_leaves_out() {
    let dir = scratch("pack-big");
    let lib = dir.join("Big lib");
    std::fs::create_dir_all(lib.join("img")).unwrap();
    std::fs::create_dir_all(lib.join(".obsidian")).unwrap();
    std::fs::create_dir_all(lib.join("node_modules/x")).unwrap();
    std::fs::write(lib.join(".obsidian/app.json"), "{}").unwrap();
    std::fs::write(lib.join("node_modules/x/a.md"), "# x\n").unwrap();
    std::fs::write(lib.join(".hidden.md"), "# x\n").unwrap();
    std::fs::write(lib.join("note.md"), "# A note\n\n![noise](img/noise.bin)\n").unwrap();
    std::fs::write(lib.join("same.md"), "a".repeat(2 * 1024 * 1024)).unwrap();
    // 7 MiB that do not compress (a linear congruential sequence's high bytes).
    let mut x: u64 = 1;
    let noise: Vec<u8> = (0..7 * 1024 * 1024)
        .map(|_| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 56) as u8
        })
        .collect();
    std::fs::write(lib.join("img/noise.bin"), &noise).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("/etc/hostname", lib.join("link.md")).unwrap();

    let pack = |name: &str| {
        let out = dir.join(name);
        let run = Command::new(env!("CARGO_BIN_EXE_folio"))
            .args(["pack", "-o"])
            .arg(&out)
            .arg("--viewer")
            .arg(viewer())
            .arg(&lib)
            .env("SOURCE_DATE_EPOCH", "1764445200")
            .output()
            .unwrap();
        assert_eq!(status(&run), 0, "{}", text(&run.stderr));
        out
    };
    let out = pack("a.html");
    let page = std::fs::read_to_string(&out).unwrap();
    let archive = read_archive(&page);
    assert_eq!(archive.parts, 2);
    assert_eq!(
        archive.names(),
        [
            "folio-archive.json",
            "index.jsonl",
            "files/Big lib/img/noise.bin",
            "files/Big lib/note.md",
            "files/Big lib/same.md",
        ]
    );
    let same = &archive.entries[4];
    assert_eq!(
        same.1,
        zip::CompressionMethod::Stored,
        "a bomb-like page is stored"
    );
    assert_eq!(same.2.len(), 2 * 1024 * 1024);
    assert_eq!(archive.entries[3].1, zip::CompressionMethod::Deflated);
    assert_eq!(archive.entries[2].2, noise);
    let manifest: serde_json::Value = serde_json::from_slice(&archive.entries[0].2).unwrap();
    assert_eq!(manifest["title"], "Big lib");
    assert_eq!(manifest["created"], "2025-11-29T19:40:00.000Z");
    assert_eq!(
        manifest["articles"][0]["links"][0]["target"],
        "img/noise.bin"
    );
    let again = pack("b.html");
    assert!(
        std::fs::read(&out).unwrap() == std::fs::read(&again).unwrap(),
        "the same library and date give the same bytes"
    );
    // The checker follows symbolic links (it reads the folder with statSync); pack never
    // does (a link may point anywhere, /etc included), as the names above show.
    #[cfg(unix)]
    std::fs::remove_file(lib.join("link.md")).unwrap();
    if let Some(check) = checker(&out, &lib) {
        assert!(check.status.success(), "{}", text(&check.stderr));
        assert!(
            text(&check.stdout).contains("2 block(s)"),
            "{}",
            text(&check.stdout)
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn pack_says_what_is_wrong_and_leaves_nothing() {
    let dir = scratch("pack-errors");
    let out = dir.join("out.html");
    let o = out.display().to_string();
    let lib = library().display().to_string();
    let fails = |args: &[&str], says: &str| {
        let run = folio(args);
        assert_eq!(status(&run), 1, "{args:?}");
        let err = text(&run.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(!out.exists(), "{args:?} left {o}");
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            0,
            "no temporary file left"
        );
    };
    fails(
        &["pack", &lib, "-o", &o, "--viewer", "/no/such/viewer.html"],
        "cannot read the viewer /no/such/viewer.html",
    );
    let no_body = scratch("pack-no-body").join("viewer.html");
    std::fs::write(&no_body, "<p>not the viewer</p>").unwrap();
    fails(
        &[
            "pack",
            &lib,
            "-o",
            &o,
            "--viewer",
            &no_body.display().to_string(),
        ],
        "has no </body>: it is not the single-file viewer",
    );
    std::fs::remove_dir_all(no_body.parent().unwrap()).ok();
    let readme = repo().join("README.md").display().to_string();
    fails(
        &["pack", &readme, "-o", &o, "--viewer", &viewer()],
        "is not a folder",
    );
    // An archive page is not a viewer: its blocks would be read twice.
    let packed = std::env::temp_dir().join(format!("folio-cli-{}-packed.html", std::process::id()));
    let ok = folio(&[
        "pack",
        &lib,
        "-o",
        &packed.display().to_string(),
        "--viewer",
        &viewer(),
    ]);
    assert_eq!(status(&ok), 0);
    fails(
        &[
            "pack",
            &lib,
            "-o",
            &o,
            "--viewer",
            &packed.display().to_string(),
        ],
        "already holds a library",
    );
    std::fs::remove_file(&packed).ok();

    // Without --viewer: beside the binary, in its checkout, or ./dist; none here.
    let bin_dir = scratch("pack-bin");
    let bin = bin_dir.join("folio");
    std::fs::copy(env!("CARGO_BIN_EXE_folio"), &bin).unwrap();
    let run_bin = || {
        // A copy just written can be "busy" for a moment: a test running beside this one may
        // fork while the copy's file is still open for writing, and its child holds it until
        // it executes (ETXTBSY, Linux). Try again then.
        for _ in 0..100 {
            match Command::new(&bin)
                .args(["pack", &lib, "-o", &o])
                .current_dir(&dir)
                .output()
            {
                Err(e) if e.raw_os_error() == Some(26) => {
                    std::thread::sleep(std::time::Duration::from_millis(20))
                }
                run => return run.unwrap(),
            }
        }
        panic!("{} stayed busy", bin.display());
    };
    let run = run_bin();
    assert_eq!(status(&run), 1);
    let err = text(&run.stderr);
    assert!(
        err.contains("no single-file viewer found")
            && err.contains("folio.html")
            && err.contains("make dist")
            && err.contains("--viewer"),
        "{err}"
    );
    std::fs::copy(viewer(), bin_dir.join("folio.html")).unwrap();
    let run = run_bin();
    assert_eq!(status(&run), 0, "{}", text(&run.stderr));
    assert!(out.is_file());
    std::fs::remove_dir_all(&bin_dir).ok();
    std::fs::remove_dir_all(&dir).ok();
}

/// SIGINT while the articles are read: status 130 and nothing in the output's folder
/// (the summaries and the ZIP go through temporary files the system removes).
#[cfg(unix)]
#[test]
fn an_interrupted_pack_leaves_nothing() {
    use std::time::Duration;
    let dir = scratch("pack-interrupt");
    let lib = dir.join("lib");
    super::generate_tree(&lib, 2000, 20_000);
    let out_dir = dir.join("out");
    std::fs::create_dir_all(&out_dir).unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(["pack", "-j", "1", "--viewer", &viewer(), "-o"])
        .arg(out_dir.join("lib.html"))
        .arg(&lib)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(600));
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("interrupted"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read_dir(&out_dir).unwrap().count(),
        0,
        "nothing left"
    );
    std::fs::remove_dir_all(&dir).ok();
}
