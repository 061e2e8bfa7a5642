//! Spec-driven tests in CommonMark's own text format: each example is a whole
//! article file, a line with `.`, and the expected `Article::html`, between fences
//! of 32 backticks followed by `example`. The files are `tests/spec/*.txt`.

use std::path::Path;

/// One example: input, expected HTML, and where it stands.
pub struct Example {
    pub number: usize,
    pub section: String,
    pub markdown: String,
    pub html: String,
}

/// Parses the examples of a spec file (`→` stands for a tab, as in CommonMark's spec).
pub fn examples(spec: &str) -> Vec<Example> {
    const FENCE: &str = "````````````````````````````````";
    let mut out = Vec::new();
    let (mut section, mut lines) = (String::new(), spec.lines());
    while let Some(line) = lines.next() {
        if let Some(h) = line.strip_prefix('#') {
            section = h.trim_start_matches('#').trim().to_string();
        }
        if line.starts_with(FENCE) && line.trim_end().ends_with("example") {
            let (mut md, mut html, mut in_html) = (String::new(), String::new(), false);
            for l in lines.by_ref() {
                if l.starts_with(FENCE) {
                    break;
                }
                if l == "." && !in_html {
                    in_html = true;
                    continue;
                }
                let target = if in_html { &mut html } else { &mut md };
                target.push_str(&l.replace('→', "\t"));
                target.push('\n');
            }
            out.push(Example {
                number: out.len() + 1,
                section: section.clone(),
                markdown: md,
                html,
            });
        }
    }
    out
}

/// Light normalization, as pulldown-cmark's own spec runner does: `<br />` and
/// `<br>` are one, and a line break between two tags does not matter.
pub fn normalize(html: &str) -> String {
    // Quotes in text may or may not be escaped; both are the same HTML.
    let s = html
        .replace(" />", ">")
        .replace("/>", ">")
        .replace("&quot;", "\"");
    let mut out = String::with_capacity(s.len());
    for (i, part) in s.split('\n').enumerate() {
        if i > 0 && !(out.ends_with('>') && part.starts_with('<')) && !part.is_empty() {
            out.push('\n');
        }
        out.push_str(part);
    }
    out.trim().to_string()
}

#[test]
fn normalization_keeps_real_differences() {
    assert_eq!(
        normalize("<p>a<br />\nb</p>\n"),
        normalize("<p>a<br>\nb</p>")
    );
    assert_ne!(normalize("<p>a b</p>"), normalize("<p>a  b</p>"));
    assert_ne!(normalize("<p>a\nb</p>"), normalize("<p>ab</p>"));
}

#[test]
fn folio_spec_files_pass() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/spec");
    let mut total = 0;
    let mut failures = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(path).unwrap();
        for ex in examples(&text) {
            total += 1;
            let opts = folio::Options {
                file_name: Some("spec.md".into()),
                ..Default::default()
            };
            let got = match folio::render(ex.markdown.as_bytes(), &opts) {
                Ok(a) => a.html,
                Err(e) => format!("ERROR: {e}"),
            };
            if normalize(&got) != normalize(&ex.html) {
                failures.push(format!(
                    "{name} example {} ({}):\n--- input\n{}--- expected\n{}\n--- got\n{}\n",
                    ex.number,
                    ex.section,
                    ex.markdown,
                    normalize(&ex.html),
                    normalize(&got)
                ));
            }
        }
    }
    eprintln!(
        "Folio spec: {} of {total} examples pass",
        total - failures.len()
    );
    assert!(
        total >= 20,
        "only {total} examples found in {}",
        dir.display()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
