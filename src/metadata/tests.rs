//! The metadata stage's unit tests: every key, shape and odd value.
use super::*;
use serde_json::json;

fn norm(v: Value) -> Metadata {
    norm_named(v, None)
}

fn norm_named(v: Value, name: Option<&str>) -> Metadata {
    let Value::Object(map) = v else {
        panic!("test data must be an object")
    };
    normalize(&map, &KeyLines::new(), name, &Sanitizer::new(None))
}

/// The warnings' sentences.
fn msgs(m: &Metadata) -> Vec<&str> {
    m.warnings.iter().map(|w| w.message.as_str()).collect()
}

#[test]
fn every_field_in_one_example() {
    let m = norm_named(
        json!({
            "Title": "\"Hello\"",
            "date": "2014-04-05 14:28:54 +0800",
            "tags": "rust wasm",
            "categories": [["Diary", "Games"], ["Life"]],
            "lang": "zh_CN",
        }),
        Some("posts/2014-04-05-hello.md"),
    );
    assert_eq!(m.title.as_deref(), Some("Hello"));
    assert_eq!(m.date.as_deref(), Some("2014-04-05T14:28:54+08:00"));
    assert_eq!(m.tags, ["rust", "wasm"]);
    assert_eq!(m.categories, ["Diary", "Games", "Life"]);
    assert_eq!(m.category_paths, [vec!["Diary", "Games"], vec!["Life"]]);
    assert_eq!(m.lang.as_deref(), Some("zh-CN"));
    assert!(m.warnings.is_empty());
}

#[test]
fn empty_front_matter() {
    assert_eq!(norm(json!({})), Metadata::default());
}

#[test]
fn keys_ignore_case() {
    let m = norm(json!({"Title": "Hi", "Pubdate": "2013-07-01", "TAGS": ["a"]}));
    assert_eq!(m.title.as_deref(), Some("Hi"));
    assert_eq!(m.date.as_deref(), Some("2013-07-01"));
    assert_eq!(m.tags, ["a"]);
    // The exact spelling wins over another casing.
    let m = norm(json!({"Title": "Upper", "title": "lower"}));
    assert_eq!(m.title.as_deref(), Some("lower"));
    // A null under one casing does not hide another.
    let m = norm(json!({"title": null, "Title": "Shown"}));
    assert_eq!(m.title.as_deref(), Some("Shown"));
}

#[test]
fn titles() {
    assert_eq!(
        norm(json!({"title": "  Hello  "})).title.as_deref(),
        Some("Hello")
    );
    assert_eq!(norm(json!({"title": 177})).title.as_deref(), Some("177"));
    assert_eq!(norm(json!({"title": 1.5})).title.as_deref(), Some("1.5"));
    assert_eq!(
        norm(json!({"title": "\"Quoted\""})).title.as_deref(),
        Some("Quoted")
    );
    assert_eq!(
        norm(json!({"title": "'Single'"})).title.as_deref(),
        Some("Single")
    );
    // Only one layer goes.
    assert_eq!(
        norm(json!({"title": "\"\"'人民币，一骑绝尘'\"\""}))
            .title
            .as_deref(),
        Some("\"'人民币，一骑绝尘'\"")
    );
    // Quotes that do not match stay.
    assert_eq!(
        norm(json!({"title": "\"Half'"})).title.as_deref(),
        Some("\"Half'")
    );
    assert_eq!(
        norm(json!({"title": "Say \"hi\""})).title.as_deref(),
        Some("Say \"hi\"")
    );
    assert_eq!(norm(json!({"title": "\""})).title.as_deref(), Some("\""));
    assert_eq!(norm(json!({"title": "\"\""})).title, None);
    assert_eq!(norm(json!({"title": "   "})).title, None);
}

#[test]
fn title_of_wrong_kind_warns() {
    let m = norm(json!({"title": {"en": "Hi"}}));
    assert_eq!(m.title, None);
    assert_eq!(m.warnings.len(), 1);
    assert!(
        m.warnings[0].message.contains("“title”"),
        "{:?}",
        m.warnings
    );
    let m = norm(json!({"title": ["a", "b"]}));
    assert_eq!(m.title, None);
    assert_eq!(m.warnings.len(), 1);
}

#[test]
fn date_keys_in_order() {
    let m = norm(json!({"created": "2020-01-01", "publishDate": "2019-03-10"}));
    assert_eq!(m.date.as_deref(), Some("2019-03-10"));
    let m = norm(json!({"published": "2018-01-01", "date": "2017-4-7"}));
    assert_eq!(m.date.as_deref(), Some("2017-04-07"));
    let m = norm(json!({"created": "2020-01-01"}));
    assert_eq!(m.date.as_deref(), Some("2020-01-01"));
    let m = norm(json!({"publishdate": "2020-01-02"}));
    assert_eq!(m.date.as_deref(), Some("2020-01-02"));
}

#[test]
fn every_date_form_reads() {
    let cases = [
        ("Thu, 21 Apr 2022 09:00:35 GMT", "2022-04-21T09:00:35+00:00"),
        (
            "Thu, 14 Oct 2021 13:51:12 +0800",
            "2021-10-14T13:51:12+08:00",
        ),
        ("2014-04-05 14:28:54 +0800", "2014-04-05T14:28:54+08:00"),
        ("2014-11-05 10:48:22 -0800", "2014-11-05T10:48:22-08:00"),
        ("2009-02-04T15:53:00Z", "2009-02-04T15:53:00+00:00"),
        ("2009-02-04T15:53:00+00:00", "2009-02-04T15:53:00+00:00"),
        ("2015-03-04T21:57:45+08:00", "2015-03-04T21:57:45+08:00"),
        ("2015-03-04T21:57:45+0800", "2015-03-04T21:57:45+08:00"),
        ("2023-03-15T11:00:00-07:00", "2023-03-15T11:00:00-07:00"),
        ("2021-03-21 16:45:49", "2021-03-21T16:45:49"),
        ("2016-1-11 19:47:23", "2016-01-11T19:47:23"),
        ("2016-9-6 14:00:02", "2016-09-06T14:00:02"),
        ("2015-12-13 8:51 PM", "2015-12-13T20:51:00"),
        ("2015/3/21 15:03:24", "2015-03-21T15:03:24"),
        ("2015/11/06", "2015-11-06"),
        ("2017-4-7", "2017-04-07"),
        ("Aug 22, 2016 10:45 AM", "2016-08-22T10:45:00"),
        ("15 Nov 2016 2:01 AM", "2016-11-15T02:01:00"),
        ("2016-04-22 10:48:22 PM", "2016-04-22T22:48:22"),
        ("1979-05-27", "1979-05-27"),
        ("1650531635", "2022-04-21T09:00:35+00:00"),
        ("1650531635000", "2022-04-21T09:00:35+00:00"),
        ("2016年10月14日07:17", "2016-10-14T07:17:00"),
        ("2016年10月14日 07:17:05", "2016-10-14T07:17:05"),
        ("2016年1月4日", "2016-01-04"),
        ("2016년 10월 14일", "2016-10-14"),
    ];
    for (input, want) in cases {
        let m = norm(json!({"date": input}));
        assert_eq!(m.date.as_deref(), Some(want), "{input}");
        assert!(m.warnings.is_empty(), "{input}: {:?}", m.warnings);
    }
    let m = norm(json!({"date": 1650531635}));
    assert_eq!(m.date.as_deref(), Some("2022-04-21T09:00:35+00:00"));
    let m = norm(json!({"date": 1650531635000_i64}));
    assert_eq!(m.date.as_deref(), Some("2022-04-21T09:00:35+00:00"));
}

#[test]
fn out_of_range_date_carries_over_with_a_warning() {
    let m = norm(json!({"date": "2014-03-23 19:85:35"}));
    assert_eq!(m.date.as_deref(), Some("2014-03-23T20:25:35"));
    assert_eq!(
        msgs(&m),
        ["The date “2014-03-23 19:85:35” has a field out of range; it was read as 2014-03-23T20:25:35, as Hexo reads it."]
    );
    let w = &m.warnings[0];
    assert_eq!(w.code, WarningCode::DateOutOfRange);
    assert_eq!(w.params["read_as"], "2014-03-23T20:25:35");
    assert_eq!(
        (w.params["field"].as_str(), w.params["key"].as_str()),
        ("date", "date")
    );
}

#[test]
fn unreadable_date_is_kept_with_a_warning() {
    for input in ["undefine", "2015-13-18 23:22:44", "2014-03-23 29:85:35"] {
        let m = norm_named(json!({"date": input}), Some("2016-10-08-a-post.md"));
        assert_eq!(m.date, None, "{input}");
        assert_eq!(m.date_text.as_deref(), Some(input));
        assert_eq!(
            msgs(&m),
            [format!(
                "The date “{input}” could not be read; it is shown as written."
            )]
        );
        assert_eq!(m.warnings[0].code, WarningCode::DateUnreadable);
        assert_eq!(m.warnings[0].params["value"], input);
        assert_eq!(m.file_date, None, "an unreadable date is still a date");
    }
    let m = norm(json!({"updated": "soon"}));
    assert_eq!(m.updated, None);
    assert_eq!(m.updated_text.as_deref(), Some("soon"));
    assert_eq!(
        msgs(&m),
        ["The update date “soon” could not be read; it is shown as written."]
    );
    assert_eq!(m.warnings[0].params["field"], "updated");
    // A readable later key wins over an unreadable earlier one.
    let m = norm(json!({"date": "undefine", "created": "2020-01-01"}));
    assert_eq!(m.date.as_deref(), Some("2020-01-01"));
    assert_eq!(m.date_text, None);
    assert!(m.warnings.is_empty());
}

#[test]
fn date_of_wrong_kind_warns() {
    let m = norm_named(json!({"date": {"year": 2016}}), Some("2016-10-08-x.md"));
    assert_eq!(m.file_date.as_deref(), Some("2016-10-08"));
    let w = &m.warnings[0];
    assert_eq!(w.code, WarningCode::ValueWrongKind);
    assert_eq!(
        (w.params["found"].as_str(), w.params["expected"].as_str()),
        ("table", "date")
    );
    assert_eq!(m.date_text, None);
    assert_eq!(m.warnings.len(), 1);
    assert!(m.warnings[0].message.contains("“date”"));
    let m = norm(json!({"lastmod": ["2016-01-01"]}));
    assert_eq!(m.updated, None);
    assert_eq!(m.warnings.len(), 1);
}

#[test]
fn published_switch_is_not_a_date() {
    let m = norm(json!({"published": false, "created": "2020-01-01"}));
    assert_eq!(m.date.as_deref(), Some("2020-01-01"));
    assert!(m.draft);
    assert!(m.warnings.is_empty());
    let m = norm(json!({"published": "true"}));
    assert_eq!(m.date, None);
    assert!(!m.draft);
    assert!(m.warnings.is_empty());
}

#[test]
fn updated_keys() {
    for key in [
        "updated",
        "lastmod",
        "modified",
        "last_modified_at",
        "updated_at",
    ] {
        let m = norm(json!({ key: "2016-01-12T18:19:35+00:00" }));
        assert_eq!(
            m.updated.as_deref(),
            Some("2016-01-12T18:19:35+00:00"),
            "{key}"
        );
    }
    let m = norm(json!({"modified": "2020-01-01", "lastmod": "2021-01-01"}));
    assert_eq!(m.updated.as_deref(), Some("2021-01-01"));
}

#[test]
fn date_from_file_name() {
    let m = norm_named(json!({}), Some("2016-10-08-a-post.md"));
    assert_eq!(m.file_date.as_deref(), Some("2016-10-08"));
    let m = norm_named(json!({}), Some("posts/2016-10-08_a-post-with-dates.md"));
    assert_eq!(m.file_date.as_deref(), Some("2016-10-08"));
    // The front matter wins over the file name.
    let m = norm_named(json!({"date": "2014-11-05"}), Some("2014-11-06-x.md"));
    assert_eq!((m.date.as_deref(), m.file_date), (Some("2014-11-05"), None));
    let m = norm_named(json!({}), Some("a-post.md"));
    assert_eq!((m.date, m.file_date), (None, None));
    // A blank date counts as no date.
    let m = norm_named(json!({"date": ""}), Some("2016-10-08-a-post.md"));
    assert_eq!(m.file_date.as_deref(), Some("2016-10-08"));
}

#[test]
fn authors_in_every_shape() {
    assert_eq!(norm(json!({"author": " Ann "})).authors, ["Ann"]);
    assert_eq!(
        norm(json!({"author": "Ann, Bob"})).authors,
        ["Ann, Bob"],
        "text is never split"
    );
    assert_eq!(
        norm(json!({"authors": ["Ann", " ", "Bob", "Ann"]})).authors,
        ["Ann", "Bob"]
    );
    assert_eq!(
        norm(json!({"author": {"name": "Ann", "email": "a@b"}})).authors,
        ["Ann"]
    );
    assert_eq!(
        norm(json!({"authors": [{"name": "Ann"}, {"Name": "Bob"}, "Cy"]})).authors,
        ["Ann", "Bob", "Cy"]
    );
    assert_eq!(
        norm(json!({"author": "Ann", "authors": ["Bob"]})).authors,
        ["Ann", "Bob"]
    );
}

#[test]
fn authors_of_wrong_kind_warn() {
    let m = norm(json!({"author": {"email": "a@b"}}));
    assert!(m.authors.is_empty());
    assert_eq!(m.warnings.len(), 1);
    let m = norm(json!({"authors": [true, "Ann", [1]]}));
    assert_eq!(m.authors, ["Ann"]);
    assert_eq!(m.warnings.len(), 2);
}

#[test]
fn categories_flat_list_is_one_path() {
    let m = norm(json!({"categories": ["Diary", "Life", 2016]}));
    assert_eq!(m.categories, ["Diary", "Life", "2016"]);
    assert_eq!(m.category_paths, [vec!["Diary", "Life", "2016"]]);
}

#[test]
fn categories_nested_lists_are_paths() {
    let m = norm(json!({"categories": [["Diary", "PlayStation"], ["Diary", "Games"], "Life"]}));
    assert_eq!(m.categories, ["Diary", "PlayStation", "Games", "Life"]);
    assert_eq!(
        m.category_paths,
        [
            vec!["Diary", "PlayStation"],
            vec!["Diary", "Games"],
            vec!["Life"]
        ]
    );
    // `categories:\n -  - news`
    let m = norm(json!({"categories": [["news"]]}));
    assert_eq!(m.categories, ["news"]);
    assert_eq!(m.category_paths, [vec!["news"]]);
}

#[test]
fn categories_as_text() {
    let m = norm(json!({"categories": "Web Development"}));
    assert_eq!(m.categories, ["Web Development"]);
    let m = norm(json!({"category": "release"}));
    assert_eq!(m.categories, ["release"]);
    let m = norm(json!({"categories": "a, b,,c"}));
    assert_eq!(m.categories, ["a", "b", "c"]);
    assert_eq!(m.category_paths, [vec!["a"], vec!["b"], vec!["c"]]);
    let m = norm(json!({"categories": "Codage|编程"}));
    assert_eq!(m.categories, ["Codage|编程"]);
    let m = norm(json!({"categories": []}));
    assert!(m.categories.is_empty() && m.category_paths.is_empty());
}

#[test]
fn categories_of_wrong_kind_warn() {
    let m = norm(json!({"categories": {"a": 1}}));
    assert!(m.categories.is_empty());
    assert_eq!(m.warnings.len(), 1);
    let m = norm(json!({"categories": ["a", {"b": 1}]}));
    assert_eq!(m.categories, ["a"]);
    assert_eq!(m.warnings.len(), 1);
}

#[test]
fn zola_taxonomies() {
    let m = norm(json!({"taxonomies": {"categories": ["Rust", "Web"], "tags": ["a", "b"]}}));
    assert_eq!(m.categories, ["Rust", "Web"]);
    assert_eq!(m.category_paths, [vec!["Rust"], vec!["Web"]]);
    assert_eq!(m.tags, ["a", "b"]);
    let m = norm(json!({"taxonomies": "nope"}));
    assert_eq!(m.warnings.len(), 1);
}

#[test]
fn tags_in_every_shape() {
    assert_eq!(
        norm(json!({"tags": ["a", " b ", "", "a"]})).tags,
        ["a", "b"]
    );
    assert_eq!(norm(json!({"tags": "a, b ,c"})).tags, ["a", "b", "c"]);
    assert_eq!(
        norm(json!({"tags": "生活，美食、童年"})).tags,
        ["生活", "美食", "童年"]
    );
    assert_eq!(norm(json!({"tags": "a b  c"})).tags, ["a", "b", "c"]);
    assert_eq!(norm(json!({"tag": "javascript"})).tags, ["javascript"]);
    assert_eq!(
        norm(json!({"keywords": ["x", 3, 1.5]})).tags,
        ["x", "3", "1.5"]
    );
    assert_eq!(norm(json!({"tags": 42})).tags, ["42"]);
    assert_eq!(
        norm(json!({"tags": ["Theme preview", "x"]})).tags,
        ["Theme preview", "x"],
        "list items are never split"
    );
    assert_eq!(
        norm(json!({"tags": ["a"], "tag": "b", "keywords": "a, c"})).tags,
        ["a", "b", "c"]
    );
    assert_eq!(norm(json!({"tags": ["android", null]})).tags, ["android"]);
    assert!(norm(json!({"tags": []})).tags.is_empty());
}

#[test]
fn tags_of_wrong_kind_warn() {
    let m = norm(json!({"tags": {"a": 1}}));
    assert!(m.tags.is_empty());
    assert_eq!(m.warnings.len(), 1);
    assert!(m.warnings[0].message.contains("“tags”"));
}

#[test]
fn cover_keys_in_order() {
    for key in COVER_KEYS {
        let m = norm(json!({ key: "https://example.com/a.png" }));
        assert_eq!(
            m.cover.as_deref(),
            Some("https://example.com/a.png"),
            "{key}"
        );
    }
    let m = norm(json!({"hero": "https://x.org/h.png", "cover": "https://x.org/c.png"}));
    assert_eq!(m.cover.as_deref(), Some("https://x.org/c.png"));
    let m = norm(json!({"image": {"src": "https://x.org/s.png"}}));
    assert_eq!(m.cover.as_deref(), Some("https://x.org/s.png"));
    let m = norm(json!({"banner": {"image": "https://x.org/i.png", "url": "https://x.org/u"}}));
    assert_eq!(m.cover.as_deref(), Some("https://x.org/i.png"));
    let m = norm(json!({"thumbnail": ["https://x.org/t.png"]}));
    assert_eq!(m.cover.as_deref(), Some("https://x.org/t.png"));
}

#[test]
fn cover_goes_through_the_url_policy() {
    let m = norm(json!({"cover": "javascript:alert(1)", "image": "https://x.org/i.png"}));
    assert_eq!(m.cover.as_deref(), Some("https://x.org/i.png"));
    assert_eq!(m.warnings.len(), 1);
    let m = norm(json!({"cover": "//n.sinaimg.cn/a.jpg"}));
    assert_eq!(m.cover.as_deref(), Some("https://n.sinaimg.cn/a.jpg"));
    let base = url::Url::parse("https://blog.example/posts/").ok();
    let Value::Object(map) = json!({"cover": "img/a.png"}) else {
        unreachable!()
    };
    let m = normalize(&map, &KeyLines::new(), None, &Sanitizer::new(base.as_ref()));
    assert_eq!(
        m.cover.as_deref(),
        Some("https://blog.example/posts/img/a.png")
    );
}

#[test]
fn cover_odd_values() {
    let m = norm(json!({"cover": false, "thumbnail": "", "image": "https://x.org/i.png"}));
    assert_eq!(m.cover.as_deref(), Some("https://x.org/i.png"));
    assert!(m.warnings.is_empty());
    let m = norm(json!({"cover": 5}));
    assert_eq!(m.cover, None);
    assert_eq!(m.warnings.len(), 1);
    let m = norm(json!({"cover": {"alt": "x"}}));
    assert_eq!(m.cover, None);
    assert_eq!(m.warnings.len(), 1);
}

#[test]
fn summary_keys_and_html() {
    let m = norm(json!({"summary": "S", "description": "D"}));
    assert_eq!(m.summary.as_deref(), Some("D"));
    let m = norm(json!({"description": "  ", "excerpt": "E"}));
    assert_eq!(m.summary.as_deref(), Some("E"));
    let m = norm(json!({"subtitle": "<p>One<br>two &amp; <b>th</b>ree</p><!-- x > y -->"}));
    assert_eq!(m.summary.as_deref(), Some("One two & three"));
    let m = norm(json!({"description": "a < b &unknown; &#x4e2d;&#25991;"}));
    assert_eq!(m.summary.as_deref(), Some("a < b &unknown; 中文"));
    let m = norm(json!({"description": "<p></p>", "summary": "S"}));
    assert_eq!(m.summary.as_deref(), Some("S"));
    let m = norm(json!({"description": "unclosed <b"}));
    assert_eq!(m.summary.as_deref(), Some("unclosed <b"));
}

#[test]
fn summary_of_wrong_kind_warns() {
    let m = norm(json!({"description": ["a"], "summary": "S"}));
    assert_eq!(m.summary.as_deref(), Some("S"));
    assert_eq!(m.warnings.len(), 1);
}

#[test]
fn languages() {
    let l = |v: Value| norm(v).lang;
    assert_eq!(l(json!({"lang": "zh_CN"})).as_deref(), Some("zh-CN"));
    assert_eq!(l(json!({"language": "EN-us"})).as_deref(), Some("en-US"));
    assert_eq!(
        l(json!({"locale": "zh_CN.UTF-8"})).as_deref(),
        Some("zh-CN")
    );
    assert_eq!(
        l(json!({"lang": "zh-hant-tw"})).as_deref(),
        Some("zh-Hant-TW")
    );
    assert_eq!(l(json!({"lang": "es-419"})).as_deref(), Some("es-419"));
    assert_eq!(l(json!({"lang": "fr"})).as_deref(), Some("fr"));
    assert_eq!(
        l(json!({"lang": "ja", "locale": "fr_FR"})).as_deref(),
        Some("ja")
    );
    let m = norm(json!({"lang": "简体中文", "locale": "zh_CN"}));
    assert_eq!(m.lang.as_deref(), Some("zh-CN"));
    assert_eq!(m.warnings.len(), 1);
    let m = norm(json!({"lang": ["en"]}));
    assert_eq!(m.lang, None);
    assert_eq!(m.warnings.len(), 1);
    assert_eq!(l(json!({"lang": "e"})), None);
    assert_eq!(l(json!({"lang": "en--US"})), None);
}

#[test]
fn drafts() {
    assert!(norm(json!({"draft": true})).draft);
    assert!(norm(json!({"draft": "true"})).draft);
    assert!(norm(json!({"Draft": " TRUE "})).draft);
    assert!(!norm(json!({"draft": false})).draft);
    assert!(!norm(json!({"draft": "no"})).draft);
    assert!(norm(json!({"published": false})).draft);
    assert!(norm(json!({"published": "false"})).draft);
    assert!(!norm(json!({"published": true})).draft);
    let m = norm(json!({"draft": {"x": 1}}));
    assert!(!m.draft);
    assert_eq!(m.warnings.len(), 1);
}

#[test]
fn markup_in_metadata_becomes_its_text_and_author_links_pass_the_policy() {
    // hugo/hugo-even-hidden-post.md's author.
    let m = norm(json!({
        "author": "<a href=\"https://halu.lu\" target=\"_blank\">Halulu</a>",
        "title": "Using *emphasis* and `code`",
        "tags": ["<b>bold</b>", "plain"],
        "categories": "<i>One</i>, Two",
    }));
    assert_eq!(m.authors, ["Halulu"]);
    assert_eq!(m.author_links["Halulu"], "https://halu.lu/");
    assert_eq!(m.title.as_deref(), Some("Using emphasis and code"));
    assert_eq!(m.tags, ["bold", "plain"]);
    assert_eq!(m.categories, ["One", "Two"]);
    assert!(m.warnings.is_empty(), "{:?}", m.warnings);
    // Markdown links, an author table's `url`, and links the policy refuses.
    let m = norm(json!({"authors": [
        "[Ann](https://ann.example)",
        {"name": "Bob", "url": "https://bob.example/"},
        "[Eve](javascript:alert(1))",
        "[Rel](/about/)",
    ]}));
    assert_eq!(m.authors, ["Ann", "Bob", "Eve", "Rel"]);
    let links: Vec<(&str, &str)> = m
        .author_links
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        links,
        [
            ("Ann", "https://ann.example/"),
            ("Bob", "https://bob.example/")
        ]
    );
    assert_eq!(m.warnings.len(), 1, "{:?}", m.warnings);
    assert_eq!(m.warnings[0].code, WarningCode::UrlUnsafe);
    assert_eq!(m.warnings[0].params["url"], "javascript:alert(1)");
    // A relative author link resolves against an http(s) base.
    let base = url::Url::parse("https://blog.example/posts/").ok();
    let Value::Object(map) = json!({"author": "[Rel](/about/)"}) else {
        unreachable!()
    };
    let m = normalize(&map, &KeyLines::new(), None, &Sanitizer::new(base.as_ref()));
    assert_eq!(m.author_links["Rel"], "https://blog.example/about/");
}

#[test]
fn wiki_links_in_metadata_are_their_names() {
    // other/obsidian-clipping-buy-wisely.md's front matter.
    let m = norm(json!({
        "categories": ["[[Clippings]]", "[[Posts]]"],
        "author": ["[[Steph Ango]]"],
        "topics": ["[[Products]]"],
        "tags": ["[[Note|shown]]"],
    }));
    assert_eq!(m.categories, ["Clippings", "Posts"]);
    assert_eq!(m.category_paths, [vec!["Clippings", "Posts"]]);
    assert_eq!(m.authors, ["Steph Ango"]);
    assert!(m.author_links.is_empty());
    assert_eq!(m.tags, ["shown"]);
}

#[test]
fn the_original_address_comes_from_the_first_web_address() {
    let src = |v: Value| norm(v).source_url;
    assert_eq!(
        src(json!({"source": "https://stephango.com/buy-wisely"})).as_deref(),
        Some("https://stephango.com/buy-wisely")
    );
    // Scraped news: `source` names the site, `url` is the address.
    let m = norm(json!({"source": "LangChain Blog", "url": "https://blog.langchain.com/x/"}));
    assert_eq!(
        m.source_url.as_deref(),
        Some("https://blog.langchain.com/x/")
    );
    assert!(m.warnings.is_empty());
    assert_eq!(
        src(json!({"link": "//example.com/a"})).as_deref(),
        Some("https://example.com/a")
    );
    // Hugo's `url` is the page's own path: not an original.
    assert_eq!(src(json!({"url": "/about/"})), None);
    let m = norm(json!({"url": "javascript:alert(1)", "original": "https://x.org/"}));
    assert_eq!(m.source_url.as_deref(), Some("https://x.org/"));
    assert_eq!(m.warnings[0].code, WarningCode::UrlUnsafe);
    assert_eq!(m.warnings[0].params["key"], "url");
    assert_eq!(src(json!({"url": ["https://x.org/"]})), None);
}

#[test]
fn a_direction_in_the_front_matter() {
    assert_eq!(norm(json!({"dir": "RTL"})).dir, Some(Direction::Rtl));
    assert_eq!(norm(json!({"direction": "ltr"})).dir, Some(Direction::Ltr));
    assert_eq!(norm(json!({"dir": "auto"})).dir, None);
    let m = norm(json!({"dir": "sideways"}));
    assert_eq!(m.dir, None);
    assert_eq!(m.warnings[0].code, WarningCode::DirInvalid);
    assert_eq!(m.warnings[0].params["value"], "sideways");
}

#[test]
fn warnings_name_the_line_of_their_key() {
    let Value::Object(map) = json!({"title": "T", "date": "soon", "tags": {"a": 1}}) else {
        unreachable!()
    };
    let lines = KeyLines::from([("date".to_string(), 4), ("tags".to_string(), 7)]);
    let m = normalize(&map, &lines, None, &Sanitizer::new(None));
    let got: Vec<(WarningCode, Option<usize>)> =
        m.warnings.iter().map(|w| (w.code, w.line)).collect();
    assert_eq!(
        got,
        [
            (WarningCode::DateUnreadable, Some(4)),
            (WarningCode::ValueWrongKind, Some(7))
        ]
    );
}

#[test]
fn a_file_name_that_is_a_date_stays_as_written() {
    for (name, title) in [
        ("2023-09-12.md", Some("2023-09-12")),
        ("Daily/2023-09.md", Some("2023-09")),
        ("2023_09_12.md", Some("2023_09_12")),
        ("2016-10-08-a-post.md", Some("a post")),
        ("hello-world.md", Some("hello world")),
        ("top-10-tips.md", Some("top 10 tips")),
    ] {
        assert_eq!(title_from_file_name(name).as_deref(), title, "{name}");
    }
}

#[test]
fn strange_input_never_panics() {
    let weird = [
        json!(null),
        json!(true),
        json!(-1),
        json!(1e300),
        json!(""),
        json!("é\u{0}<"),
        json!("<"),
        json!("&#xFFFFFFFF;"),
        json!("&#0;"),
        json!([[[]]]),
        json!({"": {"": []}}),
        json!("\"é"),
    ];
    let keys = [
        "title",
        "date",
        "updated",
        "author",
        "authors",
        "categories",
        "tags",
        "keywords",
        "cover",
        "image",
        "description",
        "lang",
        "draft",
        "published",
        "taxonomies",
        "dir",
        "url",
        "source",
    ];
    for v in &weird {
        let mut map = Map::new();
        for k in keys {
            map.insert(k.to_string(), v.clone());
        }
        let _ = normalize(
            &map,
            &KeyLines::new(),
            Some("é/2016-10-0é.md"),
            &Sanitizer::new(None),
        );
    }
}
