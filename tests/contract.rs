//! The Article is declared once, in Rust (`src/article.rs`); every other place that
//! names its fields is held to the serde names here, so that none drifts: the
//! TypeScript block of the binding (`src/wasm.rs`), the README's Article table and
//! the JSDoc `Article` typedef of the shell (`www/`). The warning codes are declared
//! once too (`src/warning.rs`): the README's table of codes and params and the
//! TypeScript `WarningCode` are held to them, and each code is seen coming out of
//! `render()` with exactly the params it declares.

use std::collections::BTreeSet;
use std::path::Path;

type Names = BTreeSet<String>;

/// The crate root, where the files named above lie.
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    let path = root().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The JSON keys of a serialized value: its serde field names.
fn keys(value: impl serde::Serialize) -> Names {
    match serde_json::to_value(value).expect("serializes") {
        serde_json::Value::Object(map) => map.keys().cloned().collect(),
        other => panic!("not an object: {other}"),
    }
}

/// The Article's own fields and those of its nested objects, as serde names them.
fn rust_fields() -> [(&'static str, Names); 5] {
    let toc = folio::TocEntry {
        level: 1,
        id: String::new(),
        text: String::new(),
    };
    let link = folio::Link {
        kind: folio::LinkKind::Link,
        target: String::new(),
    };
    let warning = folio::render(b"---\ndate: someday\n---\n", &Default::default())
        .expect("renders")
        .warnings
        .remove(0);
    [
        ("Article", keys(folio::Article::default())),
        ("TocEntry", keys(toc)),
        ("Stats", keys(folio::Stats::default())),
        ("Link", keys(link)),
        ("Warning", keys(warning)),
    ]
}

/// The members of `export interface NAME { … }` in TypeScript.
fn ts_members(ts: &str, name: &str) -> Names {
    let open = format!("export interface {name} {{");
    let start = ts
        .find(&open)
        .unwrap_or_else(|| panic!("no `{open}` in the TypeScript block"));
    let body = &ts[start + open.len()..];
    let body = &body[..body.find("\n}").expect("the interface closes")];
    body.lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("/*") && !l.starts_with('*') && !l.starts_with("//"))
        .filter_map(|l| {
            l.split_once(':')
                .map(|(n, _)| n.trim().trim_end_matches('?'))
        })
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

/// The `@property` names of the JSDoc `@typedef {…} NAME` in `js`, if it has one.
fn jsdoc_properties(js: &str, name: &str) -> Option<Names> {
    let at = js
        .lines()
        .position(|l| l.contains("@typedef") && l.split_whitespace().last() == Some(name))?;
    let props = js
        .lines()
        .skip(at + 1)
        .map(str::trim)
        .take_while(|l| l.starts_with('*') && !l.starts_with("*/") && !l.contains("@typedef"))
        .filter_map(|l| l.split_once("@property"))
        .filter_map(|(_, rest)| {
            // `{type} name  description`; the type may hold spaces and braces.
            let mut depth = 0usize;
            let after_type = rest.trim_start().char_indices().find_map(|(i, c)| {
                match c {
                    '{' => depth += 1,
                    '}' => depth = depth.saturating_sub(1),
                    _ => {}
                }
                (c == '}' && depth == 0).then_some(i + 1)
            })?;
            let rest = &rest.trim_start()[after_type..];
            rest.split_whitespace()
                .next()
                .map(|n| n.trim_matches(['[', ']']).to_string())
        })
        .collect();
    Some(props)
}

/// The backticked names in the first column of the README's table under `heading`,
/// and each row's other text by name.
fn readme_table(readme: &str, heading: &str) -> Vec<(Names, String)> {
    let start = readme
        .find(heading)
        .unwrap_or_else(|| panic!("the README has no {heading:?}"));
    readme[start..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|row| {
            let cells: Vec<&str> = row.split('|').collect();
            let names = cells
                .get(1)
                .unwrap_or(&"")
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect();
            (
                names,
                cells.get(2..).map(|c| c.join("|")).unwrap_or_default(),
            )
        })
        .collect()
}

fn assert_same(place: &str, what: &str, found: &Names, rust: &Names) {
    let missing: Vec<_> = rust.difference(found).collect();
    let unknown: Vec<_> = found.difference(rust).collect();
    assert!(
        missing.is_empty() && unknown.is_empty(),
        "{place}'s {what} has drifted from the Rust declarations: missing {missing:?}, not declared {unknown:?}"
    );
}

#[test]
fn the_typescript_declarations_match_the_article() {
    let wasm = read("src/wasm.rs");
    let start = wasm
        .find("typescript_custom_section")
        .expect("src/wasm.rs declares its types");
    let ts = &wasm[start..];
    for (name, rust) in rust_fields() {
        assert_same("src/wasm.rs", name, &ts_members(ts, name), &rust);
    }
}

#[test]
fn the_readme_table_names_every_field() {
    let readme = read("README.md");
    let rows = readme_table(&readme, "### The Article");
    let documented: Names = rows.iter().flat_map(|(names, _)| names.clone()).collect();
    let [(_, article), (_, toc), (_, stats), (_, links), _] = rust_fields();
    assert_same("README.md", "Article table", &documented, &article);
    // The nested objects are spelled out in their row: `[{ level, id, text }]`.
    for (field, nested) in [("toc", toc), ("stats", stats), ("links", links)] {
        let (_, meaning) = rows
            .iter()
            .find(|(names, _)| names.contains(field))
            .expect("the row exists (checked above)");
        let words: Names = meaning
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map(str::to_string)
            .collect();
        let missing: Vec<_> = nested.difference(&words).collect();
        assert!(
            missing.is_empty(),
            "README.md: the `{field}` row does not name {missing:?}"
        );
    }
}

#[test]
fn the_shells_jsdoc_typedef_matches_the_article() {
    // Wherever in www/ the shell declares it (a module may move).
    let mut found = Vec::new();
    let mut stack = vec![root().join("www")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("www/ is readable").flatten() {
            let path = entry.path();
            if path.is_dir() && !path.ends_with("pkg") {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "js") {
                let js = std::fs::read_to_string(&path).expect("readable");
                if let Some(props) = jsdoc_properties(&js, "Article") {
                    found.push((path, js, props));
                }
            }
        }
    }
    assert!(
        !found.is_empty(),
        "no `@typedef {{object}} Article` in www/"
    );
    for (path, js, props) in &found {
        let place = path
            .strip_prefix(root())
            .unwrap_or(path)
            .display()
            .to_string();
        for (name, rust) in rust_fields() {
            let declared = if name == "Article" {
                Some(props.clone())
            } else {
                jsdoc_properties(js, name)
            };
            if let Some(declared) = declared {
                assert_same(&place, name, &declared, &rust);
            }
        }
    }
}

#[test]
fn the_readers_catch_drift() {
    let ts = "export interface Stats {\n  /** c */\n  chars: number;\n  words?: number;\n}\n";
    assert_eq!(
        ts_members(ts, "Stats"),
        Names::from(["chars".into(), "words".into()])
    );
    let js = "/**\n * @typedef {object} Article\n * @property {string | null} title  The title.\n * @property {{ a: 1 }} [extra]\n */";
    assert_eq!(
        jsdoc_properties(js, "Article"),
        Some(Names::from(["title".into(), "extra".into()]))
    );
    let readme =
        "### The Article\n\n| field | meaning |\n| --- | --- |\n| `title`, `summary` | text |\n";
    let rows = readme_table(readme, "### The Article");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, Names::from(["title".into(), "summary".into()]));
}

/// Every warning code, as JSON spells it.
fn warning_codes() -> Names {
    folio::WarningCode::ALL
        .iter()
        .map(|c| c.as_str().to_string())
        .collect()
}

#[test]
fn the_typescript_warning_codes_match_the_enum() {
    let wasm = read("src/wasm.rs");
    let start = wasm
        .find("export type WarningCode =")
        .expect("src/wasm.rs declares WarningCode");
    let union = &wasm[start..];
    let union = &union[..union.find(';').expect("the type ends")];
    let declared: Names = union
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    assert_same("src/wasm.rs", "WarningCode", &declared, &warning_codes());
}

/// The shell's Chinese words for the warnings: every code the core gives has an entry,
/// and no entry names a code the core does not give.
#[test]
fn the_shell_has_chinese_words_for_every_warning_code() {
    let js = read("www/i18n/warnings.js");
    let start = js
        .find("export const WARNINGS_ZH")
        .expect("www/i18n/warnings.js declares WARNINGS_ZH");
    let table = &js[start..];
    let table = &table[..table.find("\n};").expect("the table ends")];
    let entries: Names = table
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix('\''))
        .filter_map(|rest| rest.split_once("':"))
        .map(|(code, _)| code.to_string())
        .collect();
    assert_same(
        "www/i18n/warnings.js",
        "WARNINGS_ZH",
        &entries,
        &warning_codes(),
    );
}

#[test]
fn the_readme_documents_every_warning_code_and_its_params() {
    let readme = read("README.md");
    let rows = readme_table(&readme, "### Warnings");
    let documented: Names = rows.iter().flat_map(|(codes, _)| codes.clone()).collect();
    assert_same("README.md", "Warnings table", &documented, &warning_codes());
    for (codes, rest) in &rows {
        let params_cell = rest.split('|').next().unwrap_or_default();
        let params: Names = params_cell
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect();
        for code in codes {
            let declared = folio::WarningCode::ALL
                .iter()
                .find(|c| c.as_str() == code)
                .expect("checked above")
                .params();
            let declared: Names = declared.iter().map(|p| p.to_string()).collect();
            assert_eq!(params, declared, "README.md: the params of `{code}`");
        }
    }
}

/// A file that makes the core give each warning code, and the line it is about.
fn warning_cases() -> Vec<(&'static str, Vec<u8>, Option<usize>)> {
    let text = |s: &str| s.as_bytes().to_vec();
    let mut damaged = "# Damaged\n\n中文正文".repeat(20).into_bytes();
    damaged.push(0xff);
    let big5 =
        std::fs::read(crate::corpus::shared_dir().join("corpus/encodings/uchardet-zh-big5.txt"))
            .expect("the corpus's Big5 sample");
    let mut bomb = String::from("---\na: &a [x,x,x,x,x,x,x,x,x,x]\n");
    for w in ["a", "b", "c", "d", "e", "f", "g", "h", "i"].windows(2) {
        let (p, c) = (w[0], w[1]);
        bomb.push_str(&format!(
            "{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
        ));
    }
    bomb.push_str("---\nbody");
    let deep = (0..300).fold(String::from("---\n"), |mut s, i| {
        s.push_str(&" ".repeat(i));
        s.push_str("k:\n");
        s
    }) + "---\nbody";
    vec![
        ("encoding-damaged", damaged, None),
        ("encoding-guessed", big5, None),
        (
            "front-matter-unclosed",
            text("\n---\ntitle: x\n\nBody"),
            Some(2),
        ),
        (
            "javascript-front-matter",
            text("---javascript\n{ x: 1 }\n---\nB"),
            Some(1),
        ),
        (
            "front-matter-not-mapping",
            text("---\n- a\n---\nB"),
            Some(2),
        ),
        ("yaml-broken", text("---\na: 1\ntitle: @x\n---\nB"), Some(3)),
        (
            "toml-broken",
            text("+++\ntitle = \"ok\"\nbad = = 1\n+++\nB"),
            Some(3),
        ),
        (
            "json-broken",
            text(";;;\n\"title\": \"x\",,\n;;;\nB"),
            Some(2),
        ),
        ("key-duplicate", text("---\na: 1\na: 2\n---\nB"), Some(3)),
        ("front-matter-too-repetitive", bomb.into_bytes(), Some(6)),
        ("front-matter-too-deep", deep.into_bytes(), Some(202)),
        (
            "value-wrong-kind",
            text("---\nx: 1\ntitle: [a]\n---\nB"),
            Some(3),
        ),
        (
            "entry-wrong-kind",
            text("---\ntags: [a, {b: 1}]\n---\nB"),
            Some(2),
        ),
        (
            "author-unnamed",
            text("---\nauthor: {email: a@b}\n---\nB"),
            Some(2),
        ),
        (
            "date-out-of-range",
            text("---\ndate: 2014-03-23 19:85:35\n---\nB"),
            Some(2),
        ),
        (
            "date-unreadable",
            text("+++\ntitle = \"t\"\ndate = \"someday\"\n+++\nB"),
            Some(3),
        ),
        (
            "url-unsafe",
            text("{\n  \"title\": \"t\",\n  \"cover\": \"javascript:x\"\n}\nB"),
            Some(3),
        ),
        ("lang-invalid", text("---\nlang: 简体中文\n---\nB"), Some(2)),
        ("dir-invalid", text("title: t\ndir: up\n---\nB"), Some(2)),
        (
            "syntax-unknown",
            text("---\ntitle: t\n---\nA\n\n{% tabs x %}\nB\n{% endtabs %}"),
            Some(6),
        ),
    ]
}

#[test]
fn every_warning_code_comes_out_of_render_with_its_params_and_line() {
    let mut seen = Names::new();
    for (code, bytes, line) in warning_cases() {
        let a =
            folio::render(&bytes, &Default::default()).unwrap_or_else(|e| panic!("{code}: {e}"));
        let w = a
            .warnings
            .iter()
            .find(|w| w.code.as_str() == code)
            .unwrap_or_else(|| panic!("{code} not given: {:?}", a.warnings));
        assert_eq!(w.line, line, "{code}: {w:?}");
        assert!(!w.message.is_empty());
        for w in &a.warnings {
            let names: Names = w.params.keys().cloned().collect();
            let declared: Names = w.code.params().iter().map(|p| p.to_string()).collect();
            assert_eq!(names, declared, "{}: {w:?}", w.code.as_str());
            assert!(w.params.values().all(|v| !v.is_empty()), "{w:?}");
        }
        seen.insert(code.to_string());
    }
    assert_same("warning_cases()", "codes", &seen, &warning_codes());
}
