//! ARCHITECTURE.md is the map of `src/`: it names every module file, and its
//! diagram runs through the stages in the order `render()` calls them.

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn architecture() -> String {
    std::fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md is readable")
}

/// Every `.rs` file under `src/`, as a path from the crate root (`src/…`).
fn source_files() -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src/ is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&root().join("src"), &mut files);
    let mut names: Vec<String> = files
        .iter()
        .map(|p| {
            let rel = p.strip_prefix(root()).expect("under the root");
            rel.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect();
    names.sort();
    names
}

#[test]
fn every_source_file_is_on_the_map() {
    let map = architecture();
    let files = source_files();
    assert!(files.len() > 20, "only {} files under src/", files.len());
    let missing: Vec<&String> = files
        .iter()
        .filter(|f| !map.contains(&format!("`{f}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md does not name these modules (as `src/…`): {missing:?}"
    );
}

/// The stages `render()` calls, in order: each `name::` or `name(` that is a module
/// of the crate, first appearance only.
fn stages_in_render() -> Vec<String> {
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).expect("src/lib.rs");
    let start = lib.find("pub fn render(").expect("render() is in lib.rs");
    let body = &lib[start..];
    let body = &body[..body.find("\n}\n").expect("render() ends")];
    let modules: Vec<String> = source_files()
        .iter()
        .filter_map(|f| {
            f.strip_prefix("src/")?
                .strip_suffix(".rs")
                .map(str::to_string)
        })
        .filter(|m| !m.contains('/'))
        .collect();
    let mut order: Vec<(usize, String)> = modules
        .into_iter()
        .filter_map(|m| {
            let at = [format!("{m}::"), format!(" {m}(")]
                .iter()
                .filter_map(|p| body.find(p.as_str()))
                .min()?;
            Some((at, m))
        })
        .collect();
    order.sort();
    order.into_iter().map(|(_, m)| m).collect()
}

#[test]
fn the_diagram_is_the_pipeline() {
    let stages = stages_in_render();
    assert!(
        stages.len() >= 7,
        "render() calls too few stages: {stages:?}"
    );
    let map = architecture();
    let diagram = map
        .split("```")
        .nth(1)
        .expect("ARCHITECTURE.md opens with a diagram");
    let first_line = diagram
        .lines()
        .find(|l| l.contains("─►"))
        .expect("a flow line");
    let mut drawn: Vec<(usize, &String)> = stages
        .iter()
        .map(|s| {
            let at = first_line.find(&format!(" {s} ")).unwrap_or_else(|| {
                panic!("the diagram's first line lacks the stage {s}: {first_line}")
            });
            (at, s)
        })
        .collect();
    drawn.sort();
    let drawn: Vec<&String> = drawn.into_iter().map(|(_, s)| s).collect();
    let called: Vec<&String> = stages.iter().collect();
    assert_eq!(drawn, called, "the diagram's order is not render()'s");
}
