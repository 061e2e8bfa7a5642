//! Tests of the splitter: every front-matter form and broken blocks (the walk over
//! the shared corpus is in `tests/corpus.rs`).

use super::*;
use serde_json::json;

/// Asserts `body` lies inside `text` (a subslice, not a copy).
fn assert_subslice(text: &str, body: &str) {
    let (t, b) = (text.as_ptr() as usize, body.as_ptr() as usize);
    assert!(
        b >= t && b + body.len() <= t + text.len(),
        "body is not a subslice"
    );
}

fn check(text: &str) -> Split<'_> {
    let s = split(text);
    assert_subslice(text, s.body);
    s
}

fn data(s: &Split<'_>) -> Value {
    Value::Object(s.data.clone())
}

/// The codes and lines of the warnings.
fn coded(s: &Split<'_>) -> Vec<(WarningCode, Option<usize>)> {
    s.warnings.iter().map(|w| (w.code, w.line)).collect()
}

#[test]
fn no_front_matter() {
    let s = check("# Title\n\ntext");
    assert_eq!(s.kind, None);
    assert_eq!(s.body, "# Title\n\ntext");
    assert!(s.data.is_empty() && s.warnings.is_empty());
    assert_eq!(check("").body, "");
}

#[test]
fn yaml_with_leading_blank_lines_and_trailing_spaces() {
    let text = "\n  \n\t\n---  \ntitle: Hello\ntags: [a, b]\n--- \t\n# Body\n";
    let s = check(text);
    assert_eq!(s.kind, Some(FrontMatterKind::Yaml));
    assert_eq!(data(&s), json!({"title": "Hello", "tags": ["a", "b"]}));
    assert_eq!(s.body, "# Body\n");
}

#[test]
fn yaml_closed_by_dots_and_at_end_of_file() {
    let s = check("---\ntitle: x\n...\nbody");
    assert_eq!((s.kind, s.body), (Some(FrontMatterKind::Yaml), "body"));
    assert_eq!(data(&s), json!({"title": "x"}));
    let s = check("---\ntitle: x\n---");
    assert_eq!((s.kind, s.body), (Some(FrontMatterKind::Yaml), ""));
}

#[test]
fn empty_yaml_block() {
    let s = check("---\n---\nText");
    assert_eq!((s.kind, s.body), (Some(FrontMatterKind::Yaml), "Text"));
    assert!(s.data.is_empty() && s.warnings.is_empty());
}

#[test]
fn unclosed_front_matter_is_read_up_to_the_prose_with_a_warning() {
    let text = "---\ntitle: x\ntags: [a, b]\n\nno closer here\n";
    let s = check(text);
    assert_eq!(
        (s.kind, s.body),
        (Some(FrontMatterKind::Yaml), "\nno closer here\n")
    );
    assert_eq!(data(&s), json!({"title": "x", "tags": ["a", "b"]}));
    assert_eq!(coded(&s), [(WarningCode::FrontMatterUnclosed, Some(1))]);
    assert_eq!(s.warnings[0].params["delimiter"], "---");
    assert_eq!(s.warnings[0].params["until"], "3");
    assert_eq!(
        s.warnings[0].message,
        "The front matter that starts on line 1 is never closed with “---”; it was read up to line 3 and the rest as the article."
    );
    // A heading after a blank line is the body, not a YAML comment.
    let s = check("\n---\ntitle: x\n\n# Heading\n\nText");
    assert_eq!(s.body, "\n# Heading\n\nText");
    assert_eq!(coded(&s), [(WarningCode::FrontMatterUnclosed, Some(2))]);
    // The whole file as front matter: the body is empty.
    let s = check("+++\ntitle = \"t\"\n[extra]\nn = 1\n");
    assert_eq!((s.kind, s.body), (Some(FrontMatterKind::Toml), ""));
    assert_eq!(data(&s), json!({"title": "t", "extra": {"n": 1}}));
    assert_eq!(coded(&s), [(WarningCode::FrontMatterUnclosed, Some(1))]);
    // Dashes not followed by a key are a thematic break: no front matter, no warning.
    for text in [
        "---",
        "---\n\nJust prose.\n",
        "---\n# Title\n",
        ";;;\n\"a\": 1\n",
    ] {
        let s = check(text);
        assert_eq!(
            (s.kind, s.body, s.warnings.len()),
            (None, text, 0),
            "{text}"
        );
    }
}

#[test]
fn a_thematic_break_after_prose_does_not_close_the_front_matter() {
    let s = check("---\ntitle: x\n\nProse the block would swallow.\n\n---\n\nMore");
    assert_eq!(data(&s), json!({"title": "x"}));
    assert_eq!(s.body, "\nProse the block would swallow.\n\n---\n\nMore");
    assert_eq!(coded(&s), [(WarningCode::FrontMatterUnclosed, Some(1))]);
    // Broken YAML whose lines all look like front matter stays one block.
    let s = check("---\ntitle: @x\n\n# a comment\nk: v\n\n---\nB");
    assert_eq!(data(&s), json!({"title": "@x", "k": "v"}));
    assert_eq!(
        (s.body, coded(&s)),
        ("B", vec![(WarningCode::YamlBroken, Some(2))])
    );
}

#[test]
fn broken_yaml_leaves_no_junk_in_values() {
    let s = check("---\ntitle: \"Broken title\ntags: [a, b\n  - : : :\n---\nBody");
    assert_eq!(
        data(&s),
        json!({"title": "Broken title", "tags": ["a", "b"]})
    );
    assert_eq!(s.body, "Body");
    assert_eq!(s.warnings[0].code, WarningCode::YamlBroken);
}

#[test]
fn every_dialect_says_where_its_keys_are() {
    let lines = |text: &str| {
        let mut l: Vec<(String, usize)> = check(text).lines.into_iter().collect();
        l.sort();
        l
    };
    let want = |pairs: &[(&str, usize)]| {
        pairs
            .iter()
            .map(|(k, l)| (k.to_string(), *l))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        lines("\n---\ntitle: a\ntags:\n  - x\ndate: 2020-01-01\n---\n"),
        want(&[("date", 6), ("tags", 4), ("title", 3)])
    );
    assert_eq!(
        lines("---\ntitle: @broken\ndate: x\n---\n"),
        want(&[("date", 3), ("title", 2)])
    );
    assert_eq!(
        lines("+++\ntitle = \"t\"\n\"quoted\" = 1\nsite.name = 2\n[taxonomies]\ntags = []\n+++\n"),
        want(&[("quoted", 3), ("site", 4), ("taxonomies", 5), ("title", 2)])
    );
    assert_eq!(
        lines("{\n  \"title\": \"x\",\n  \"nested\": {\"title\": 1},\n  \"date\": \"d\"\n}\n"),
        want(&[("date", 4), ("nested", 3), ("title", 2)])
    );
    assert_eq!(
        lines(";;;\n\"title\": \"x\",\n\"tags\": [\"a\"]\n;;;\n"),
        want(&[("tags", 3), ("title", 2)])
    );
    assert_eq!(
        lines("title: x\ndate: 2015-09-11\n---\nB"),
        want(&[("date", 2), ("title", 1)])
    );
}

#[test]
fn dashes_in_body_do_not_close_early() {
    let s = check("---\nexcerpt_separator: \"\\n---\\n\"\n---\nA\n\n---\n\nB");
    assert_eq!(data(&s), json!({"excerpt_separator": "\n---\n"}));
    assert_eq!(s.body, "A\n\n---\n\nB");
}

#[test]
fn yaml_not_a_mapping_keeps_body() {
    let s = check("---\n- a\n- b\n---\nbody");
    assert_eq!((s.kind, s.body), (Some(FrontMatterKind::Yaml), "body"));
    assert!(s.data.is_empty());
    assert_eq!(coded(&s), [(WarningCode::FrontMatterNotMapping, Some(2))]);
}

#[test]
fn broken_yaml_is_read_line_by_line_and_names_the_line() {
    let text = "\n---\nlayout: post\ntitle: @大道无形我有型 关注了股票 台积电\ndate: 2014-03-23 19:85:35\ntags:\n- 股票\n---\nbody";
    let s = check(text);
    assert_eq!(s.kind, Some(FrontMatterKind::Yaml));
    assert_eq!(
        data(&s),
        json!({"layout": "post", "title": "@大道无形我有型 关注了股票 台积电",
            "date": "2014-03-23 19:85:35", "tags": ["股票"]})
    );
    assert_eq!(s.body, "body");
    assert_eq!(s.warnings.len(), 1, "{:?}", s.warnings);
    let w = &s.warnings[0];
    assert!(
        w.message
            .starts_with("The front matter has a YAML error on line 4 ("),
        "{w:?}"
    );
    assert!(w.message.ends_with("it was read line by line instead."));
    assert_eq!((w.code, w.line), (WarningCode::YamlBroken, Some(4)));
    assert!(!w.params["detail"].is_empty());
}

#[test]
fn broken_yaml_corpus_shapes() {
    let s = check("---\ntitle: \"\"\"\"\"\"\"\"\"'人民币，一骑绝尘'\"\"\"\"\"\"\"\"\"\n---\n");
    assert_eq!(data(&s), json!({"title": "人民币，一骑绝尘"}));
    let s = check("---\ncreated: {{date}}\ntags:\n  - daily\n---\n");
    assert_eq!(data(&s), json!({"created": "{{date}}", "tags": ["daily"]}));
    let s = check("---\ntitle: Tabs\ntags:\n\t- a\n\t- b\n---\n");
    assert_eq!(data(&s), json!({"title": "Tabs", "tags": ["a", "b"]}));
    assert_eq!(s.warnings.len(), 1);
}

#[test]
fn yaml_duplicate_keys_warn() {
    let s = check("---\ntitle: a\ntitle: b\n---\n");
    assert_eq!(data(&s), json!({"title": "b"}));
    assert_eq!(coded(&s), [(WarningCode::KeyDuplicate, Some(3))]);
}

#[test]
fn yaml_alias_bomb_is_cut_short() {
    let mut fm = String::from("---\na: &a [x,x,x,x,x,x,x,x,x,x]\n");
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for w in names.windows(2) {
        let (p, c) = (w[0], w[1]);
        fm.push_str(&format!(
            "{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n"
        ));
    }
    fm.push_str("---\nbody");
    let t = std::time::Instant::now();
    let s = check(&fm);
    assert!(t.elapsed().as_millis() < 900, "{:?}", t.elapsed());
    assert_eq!(s.body, "body");
    assert_eq!(
        s.warnings[0].message,
        "The front matter repeats itself too much (YAML aliases); only part of it was read."
    );
    assert_eq!(s.warnings.len(), 1);
    assert_eq!(s.warnings[0].code, WarningCode::FrontMatterTooRepetitive);
}

#[test]
fn language_hints() {
    let s = check("---yaml\ntitle: y\n---\nB");
    assert_eq!((s.kind, s.body), (Some(FrontMatterKind::Yaml), "B"));
    assert_eq!(data(&s), json!({"title": "y"}));
    let s = check("---json\n{\n  \"title\": \"j\"\n}\n---\n\n# B");
    assert_eq!((s.kind, s.body), (Some(FrontMatterKind::Json), "\n# B"));
    assert_eq!(data(&s), json!({"title": "j"}));
    let s = check("---toml\ntitle = \"t\"\n---\nB");
    assert_eq!((s.kind, s.body), (Some(FrontMatterKind::Toml), "B"));
    assert_eq!(data(&s), json!({"title": "t"}));
    let s = check("---javascript\n{ title: 'x', fn: function() {} }\n---\nB");
    assert_eq!((s.kind, s.body), (None, "B"));
    assert!(
        s.warnings[0].message.contains("javascript"),
        "{:?}",
        s.warnings
    );
    assert_eq!(coded(&s), [(WarningCode::JavascriptFrontMatter, Some(1))]);
    assert_eq!(s.warnings[0].params["language"], "javascript");
}

#[test]
fn tilde_delimiters() {
    let s = check("~~~\ntitle: custom-delims\nversion: 2\n~~~\n\nText");
    assert_eq!((s.kind, s.body), (Some(FrontMatterKind::Yaml), "\nText"));
    assert_eq!(data(&s), json!({"title": "custom-delims", "version": 2}));
}

#[test]
fn toml_with_dates_and_trailing_spaces() {
    let s = check(
        "+++  \ntitle = \"T\"\ndate = 2023-03-15T11:00:00-07:00\nday = 2019-03-10\n\
         [extra]\nn = 1.5\ninf = inf\n+++        \nBody",
    );
    assert_eq!((s.kind, s.body), (Some(FrontMatterKind::Toml), "Body"));
    assert_eq!(
        data(&s),
        json!({"title": "T", "date": "2023-03-15T11:00:00-07:00", "day": "2019-03-10",
            "extra": {"n": 1.5, "inf": "inf"}})
    );
}

#[test]
fn broken_toml_keeps_body_and_good_lines() {
    let s = check("+++\ntitle = \"ok\"\nbad = = 1\n+++\nBody");
    assert_eq!((s.kind, s.body), (Some(FrontMatterKind::Toml), "Body"));
    assert_eq!(data(&s), json!({"title": "ok"}));
    assert_eq!(coded(&s), [(WarningCode::TomlBroken, Some(3))]);
    assert_eq!(s.warnings[0].params["kept"], "some");
    assert!(
        s.warnings[0].message.contains("TOML error on line 3"),
        "{:?}",
        s.warnings
    );
}

#[test]
fn hexo_semicolon_json_with_and_without_braces() {
    let s = check(";;;\n{\n  \"title\": \"semi\",\n  \"n\": 2\n}\n;;;\n\n# B");
    assert_eq!((s.kind, s.body), (Some(FrontMatterKind::Json), "\n# B"));
    assert_eq!(data(&s), json!({"title": "semi", "n": 2}));
    let s = check(";;;\n\"title\": \"Hello\",\n\"date\": \"2013/7/13 20:46:25\"\n;;;\nB");
    assert_eq!(
        data(&s),
        json!({"title": "Hello", "date": "2013/7/13 20:46:25"})
    );
    // Hexo's own form has no opening `;;;`.
    let s = check("\"title\": \"Hello\",\n\"date\": \"2013/7/13\"\n;;;\nB");
    assert_eq!((s.kind, s.body), (Some(FrontMatterKind::Json), "B"));
    assert_eq!(data(&s), json!({"title": "Hello", "date": "2013/7/13"}));
}

#[test]
fn broken_semicolon_json_warns() {
    let s = check(";;;\n\"title\": \"x\",,\n;;;\nB");
    assert_eq!((s.kind, s.body), (Some(FrontMatterKind::Json), "B"));
    assert!(s.data.is_empty());
    assert!(
        s.warnings[0].message.contains("JSON error on line 2"),
        "{:?}",
        s.warnings
    );
    assert_eq!(coded(&s), [(WarningCode::JsonBroken, Some(2))]);
}

#[test]
fn hugo_bare_json_object() {
    let s = check("{\n    \"title\": \"Front Matter\",\n    \"Pubdate\": \"2013-07-01\"\n}\n\nThe body {\"x\": 1}");
    assert_eq!(s.kind, Some(FrontMatterKind::Json));
    assert_eq!(
        data(&s),
        json!({"title": "Front Matter", "Pubdate": "2013-07-01"})
    );
    assert_eq!(s.body, "\nThe body {\"x\": 1}");
    let s = check("{\"title\": \"x\"} trailing text");
    assert_eq!(s.body, " trailing text");
}

#[test]
fn hugo_json_broken_and_non_json_braces() {
    let s = check("{\n  \"title\": \"x\",\n  \"bad\": \n}\nbody");
    assert_eq!((s.kind, s.body), (Some(FrontMatterKind::Json), "body"));
    assert!(s.data.is_empty());
    assert_eq!(coded(&s), [(WarningCode::JsonBroken, Some(4))]);
    assert!(s.warnings[0].message.contains("line 4"), "{:?}", s.warnings);
    for text in [
        "{{< youtube x >}}\n",
        "{% raw %}\nx\n{% endraw %}",
        "{\"never closed\": 1\n",
    ] {
        let s = check(text);
        assert_eq!((s.kind, s.body), (None, text));
    }
}

#[test]
fn code_fence_front_matter() {
    let s =
        check("```toml\n# comment\ntitle = \"Welcome\"\ntags = [\"pugo\"]\n```\n\nWhen you read");
    assert_eq!(
        (s.kind, s.body),
        (Some(FrontMatterKind::Toml), "\nWhen you read")
    );
    assert_eq!(data(&s), json!({"title": "Welcome", "tags": ["pugo"]}));
    let s = check("```yaml\ntitle: Y\n```\nB");
    assert_eq!((s.kind, s.body), (Some(FrontMatterKind::Yaml), "B"));
    let s = check("```json\n{\"title\": \"J\"}\n```\nB");
    assert_eq!((s.kind, s.body), (Some(FrontMatterKind::Json), "B"));
    // Code that is not a mapping is just code.
    for text in [
        "```toml\n# only a comment\n```\nB",
        "```yaml\n- a\n```\n",
        "```json\n[1]\n```\n",
        "```toml\nx = \n```\n",
    ] {
        let s = check(text);
        assert_eq!((s.kind, s.body), (None, text), "{text}");
    }
}

#[test]
fn hexo_without_opening_dashes() {
    let text = "title: 使用 Github Pages 和 Hexo 快速搭建个人博客\ndate: 2015-09-11\ntags: [Git,Github,Hexo]\n---\n## 适用对象\n";
    let s = check(text);
    assert_eq!(s.kind, Some(FrontMatterKind::Yaml));
    assert_eq!(s.lines["tags"], 3);
    assert_eq!(
        data(&s),
        json!({"title": "使用 Github Pages 和 Hexo 快速搭建个人博客", "date": "2015-09-11",
            "tags": ["Git", "Github", "Hexo"]})
    );
    assert_eq!(s.body, "## 适用对象\n");
    // Broken YAML in the same form is still read.
    let s = check("title: @x y\ndate: 2015-09-11\n---\nbody");
    assert_eq!((s.kind, s.body), (Some(FrontMatterKind::Yaml), "body"));
    assert_eq!(data(&s), json!({"title": "@x y", "date": "2015-09-11"}));
}

#[test]
fn prose_then_thematic_break_is_not_front_matter() {
    for text in [
        "Note: this is prose, with a colon.\n\nMore prose here.\n\n---\n\nAfter",
        "Just a paragraph\n---\n",
        "Hello world: it's me\n---\n",
        "title: x\nno closing line anywhere",
    ] {
        let s = check(text);
        assert_eq!((s.kind, s.body), (None, text), "{text}");
    }
}
