//! The `folio` command line: HTML fragment, JSON contract, and one-line errors.

use std::process::Command;

fn folio(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .output()
        .expect("run folio")
}

fn sample() -> String {
    crate::corpus::shared_dir()
        .join("samples/sina-cross-border-ecommerce.md")
        .display()
        .to_string()
}

#[test]
fn render_prints_header_and_body() {
    let out = folio(&["render", &sample()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(
        html.contains(r#"<h1 class="folio-title">商务部：全国跨境电商综试区已达132个</h1>"#),
        "{html}"
    );
    assert!(html.contains("<div class=\"folio-body\">"));
    assert!(html.contains("责任编辑：李墨轩"));
    assert!(!html.contains("appendQr"));
}

#[test]
fn render_json_is_the_article_contract() {
    let out = folio(&["render", "--json", &sample()]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "title",
        "date",
        "updated",
        "authors",
        "categories",
        "tags",
        "cover",
        "summary",
        "lang",
        "format",
        "front_matter",
        "encoding",
        "html",
        "toc",
        "stats",
        "warnings",
        "extra",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["format"], "html");
    assert_eq!(v["front_matter"], "yaml");
    assert_eq!(v["encoding"], "UTF-8");
    assert_eq!(v["extra"]["comments"], false);
    assert!(v["stats"]["chars"].as_u64().unwrap() > 400);
}

#[test]
fn unreadable_input_exits_non_zero_with_one_line() {
    let dir = std::env::temp_dir().join(format!("folio-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bin = dir.join("image.png");
    std::fs::write(&bin, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    for args in [
        vec!["render", bin.to_str().unwrap()],
        vec!["render", "/no/such/file.md"],
        vec!["render"],
    ] {
        let out = folio(&args);
        assert!(!out.status.success(), "{args:?} succeeded");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("folio: "), "{err}");
        if args.len() == 2 {
            assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}
