//! Bad input finishes with a result or a specific error, never a panic or a hang:
//! deep nesting, huge lines, binary files, invalid UTF-8. (How fast is measured in
//! the benchmarks; here only that it finishes and what it says.)

/// Renders `text` as a file called `name` (its extension picks the format).
fn render_as(name: &str, text: &str) -> Result<folio::Article, folio::Error> {
    let options = folio::Options {
        file_name: Some(name.into()),
        ..Default::default()
    };
    folio::render(text.as_bytes(), &options)
}

fn render_md(text: &str) -> Result<folio::Article, folio::Error> {
    render_as("deep.md", text)
}

fn render_html(text: &str) -> Result<folio::Article, folio::Error> {
    render_as("deep.html", text)
}

#[test]
fn ten_thousand_deep_markdown_nesting() {
    for text in [
        ">".repeat(10_000) + " deep",
        "- ".repeat(10_000) + "x",
        "[".repeat(10_000),
        "*".repeat(100_000) + "x",
    ] {
        let a = render_md(&text).expect("deep Markdown renders");
        assert!(!a.html.is_empty());
    }
}

#[test]
fn ten_thousand_deep_html_nesting() {
    let text = "<div>".repeat(10_000) + "deep" + &"</div>".repeat(10_000);
    let a = render_html(&text).expect("deep HTML renders");
    assert!(a.html.contains("deep"));
    let text = "<b><i>".repeat(10_000) + "x";
    assert!(render_html(&text).unwrap().html.contains('x'));
}

#[test]
fn ten_megabyte_single_line() {
    let line = "这是很长的一行。".repeat(10 * 1024 * 1024 / 24);
    let a = render_md(&line).expect("a long line renders");
    assert!(a.stats.chars > 3_000_000);
    let a = render_html(&format!("<p>{line}</p>")).unwrap();
    assert!(a.stats.chars > 3_000_000);
}

#[test]
fn too_large_files_are_refused_with_the_limit() {
    let big = vec![b'a'; folio::MAX_INPUT_BYTES + 1];
    let err = folio::render(&big, &Default::default()).unwrap_err();
    assert_eq!(err.kind(), folio::ErrorKind::TooLarge);
    assert!(err.to_string().contains("MB"), "{err}");
}

#[test]
fn invalid_and_truncated_utf8_still_renders_with_a_warning() {
    let mut bytes = "---\ntitle: 中文\n---\n正文".as_bytes().to_vec();
    bytes.truncate(bytes.len() - 1); // cut the last character in half
    let a = folio::render(&bytes, &Default::default()).expect("renders");
    assert!(a.html.contains('正'), "{}", a.html);
}

#[test]
fn binary_files_get_a_specific_error() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
    let err = folio::render(png, &Default::default()).unwrap_err();
    assert_eq!(err.kind(), folio::ErrorKind::Binary);
    let err = folio::render(b"", &Default::default()).unwrap_err();
    assert_eq!(err.kind(), folio::ErrorKind::Empty);
}

#[test]
fn a_bad_base_url_is_a_clear_error() {
    let opts = folio::Options {
        base_url: Some("not a url".into()),
        ..Default::default()
    };
    let err = folio::render(b"x", &opts).unwrap_err();
    assert_eq!(err.kind(), folio::ErrorKind::BadOption);
    assert!(err.to_string().contains("not a url"));
}
