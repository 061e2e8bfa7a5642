//! Every real file in ../shared/corpus and ../shared/samples renders without an
//! error, its output is safe, and a title is found for nearly all of them.

use crate::html_check::violations;
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
        ..Default::default()
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
                let bad = violations(&a.html);
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
    // Its headimg is the QR code of the promo its body ends with (issue 12: no cover).
    assert_eq!(a.cover, None);
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

/// A file's text through the real decoder (so BOMs and CRLF are handled).
fn decoded_text(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    folio::test_hooks::decode(&bytes).ok().map(|d| d.text)
}

/// The front-matter body must be a slice of the text, not a copy.
fn assert_subslice(text: &str, body: &str, path: &Path) {
    let (t, b) = (text.as_ptr() as usize, body.as_ptr() as usize);
    assert!(
        b >= t && b + body.len() <= t + text.len(),
        "{}: body is not a subslice",
        path.display()
    );
}

#[test]
fn front_matter_is_found_wherever_a_block_is_delimited() {
    let (mut with_data, mut checked) = (0, 0);
    for path in &corpus_files() {
        let Some(text) = decoded_text(path) else {
            continue;
        };
        checked += 1;
        let s = folio::test_hooks::split(&text);
        assert_subslice(&text, s.body, path);
        if !s.data.is_empty() {
            with_data += 1;
        }
        let mut lines = text.split('\n').skip_while(|l| l.trim().is_empty());
        let first = lines
            .next()
            .unwrap_or_default()
            .trim_end_matches([' ', '\t']);
        let closed = match first {
            "---" => lines.any(|l| matches!(l.trim_end_matches([' ', '\t']), "---" | "...")),
            "+++" => lines.any(|l| l.trim_end_matches([' ', '\t']) == "+++"),
            _ => false,
        };
        if closed {
            assert!(
                s.kind.is_some(),
                "{}: no front matter found",
                path.display()
            );
        }
    }
    eprintln!("corpus: {with_data} of {checked} files have front-matter data");
    assert!(with_data > checked / 2, "{with_data} of {checked}");
}

#[test]
fn front_matter_of_specific_corpus_files() {
    use folio::FrontMatterKind;
    use serde_json::json;
    let split_of = |rel: &str| {
        let path = shared_dir().join("corpus").join(rel);
        let text = decoded_text(&path).unwrap_or_else(|| panic!("{rel} is unreadable"));
        let s = folio::test_hooks::split(&text);
        assert_subslice(&text, s.body, &path);
        (s.kind, s.data, s.body.to_owned())
    };
    let (kind, data, body) = split_of("hexo/52x-hello-world-no-leading-dashes.md");
    assert_eq!(kind, Some(FrontMatterKind::Yaml));
    assert_eq!(data["date"], json!("2015-09-11"));
    assert!(body.starts_with("## 适用对象"));

    let (kind, data, _) = split_of("other/graymatter-fixture-semicolon-delims-json.md");
    assert_eq!(kind, Some(FrontMatterKind::Json));
    assert_eq!(data["title"], json!("delims-semi-colons JSON"));

    let (kind, data, body) = split_of("other/pugo-welcome-toml-codefence-fm.md");
    assert_eq!(kind, Some(FrontMatterKind::Toml));
    assert_eq!(data["slug"], json!("welcome"));
    assert!(body.trim_start().starts_with("When you read"));

    let (kind, data, _) = split_of("hugo/hugo-2013-json-fm-front-matter.md");
    assert_eq!(kind, Some(FrontMatterKind::Json));
    assert_eq!(data["Pubdate"], json!("2013-07-01"));

    let (kind, data, _) = split_of("zola/zola-theme-matbook.md");
    assert_eq!(kind, Some(FrontMatterKind::Toml));
    assert!(!data.is_empty());
}

/// A corpus file's bytes; the test fails (not skips) when it is missing.
fn corpus_bytes(rel: &str) -> Vec<u8> {
    let path = shared_dir().join("corpus").join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The decoding stage on bytes that must decode.
fn decoded(bytes: &[u8]) -> folio::test_hooks::Decoded {
    folio::test_hooks::decode(bytes).unwrap_or_else(|e| panic!("decode failed: {e}"))
}

#[test]
fn decodes_corpus_gb18030() {
    let b = corpus_bytes("encodings/uchardet-zh-gb18030.txt");
    let d = decoded(&b);
    assert!(
        d.encoding == "GBK" || d.encoding == "gb18030",
        "{}",
        d.encoding
    );
    assert!(d.text.contains("简体中文"), "{}", d.text);
    assert!(!d.text.contains('\u{FFFD}'));
}

#[test]
fn decodes_corpus_big5() {
    let b = corpus_bytes("encodings/uchardet-zh-big5.txt");
    let d = decoded(&b);
    assert_eq!(d.encoding, "Big5");
    assert!(d.text.contains("繁體中文"), "{}", d.text);
}

#[test]
fn decodes_corpus_shift_jis() {
    let b = corpus_bytes("encodings/uchardet-ja-shift_jis.txt");
    let d = decoded(&b);
    assert_eq!(d.encoding, "Shift_JIS");
    assert!(d.text.contains("日本語"), "{}", d.text);
}

#[test]
fn decodes_corpus_utf16le_without_bom() {
    let b = corpus_bytes("encodings/uchardet-ja-utf-16le-nobom.txt");
    let d = decoded(&b);
    assert_eq!(d.encoding, "UTF-16LE");
    assert!(d.text.starts_with("UTF-16 (UCS/Unicode"), "{}", d.text);
    assert!(d.text.contains("は"));
    assert!(!d.text.contains('\r'));
}

#[test]
fn decodes_corpus_utf16be_and_utf32be_with_bom() {
    let b = corpus_bytes("encodings/uchardet-fr-utf-16.be");
    let d = decoded(&b);
    assert_eq!(d.encoding, "UTF-16BE");
    assert!(d.text.starts_with("UTF-16 (16-bit"), "{}", d.text);
    let b = corpus_bytes("encodings/uchardet-ko-utf-32.be");
    let d = decoded(&b);
    assert_eq!(d.encoding, "UTF-32BE");
    assert!(d.text.starts_with("UTF-16(16-bit"), "{}", d.text);
    assert!(d
        .text
        .chars()
        .any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)));
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn decodes_corpus_utf16le_bom_crlf_jekyll() {
    let b = corpus_bytes("encodings/jekyll-fixture-utf16le-crlf-bom.md");
    let d = decoded(&b);
    assert_eq!(d.encoding, "UTF-16LE");
    assert!(d.text.starts_with("---\nlayout: post\n"), "{}", d.text);
    assert!(!d.text.contains('\r') && !d.text.contains('\u{FEFF}'));
}

#[test]
fn decodes_corpus_qq_page_declares_gb2312_but_is_utf8() {
    let b = corpus_bytes("big/readability-qq-source.html");
    let d = decoded(&b);
    assert_eq!(d.encoding, "UTF-8");
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    assert!(d.text.contains("腾讯"));
}

/// A corpus file (or one of the project's own examples) rendered with its text.
fn rendered(path: &Path) -> folio::Article {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let options = folio::Options {
        include_text: true,
        ..options_for(path)
    };
    folio::render(&bytes, &options).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn corpus_article(rel: &str) -> folio::Article {
    rendered(&shared_dir().join("corpus").join(rel))
}

/// Issue 15, defect 2: the part before `<!-- more -->` is the excerpt (for lists),
/// not a summary the article page would show above the same text.
#[test]
fn the_more_excerpt_is_not_a_summary() {
    for rel in [
        "hexo/52x-tldr-blockquote.md",
        "hugo/hugo-even-hidden-post.md",
    ] {
        let a = corpus_article(rel);
        assert_eq!(a.summary, None, "{rel}");
        let excerpt = a.excerpt.unwrap_or_else(|| panic!("{rel}: no excerpt"));
        let text = a.text.unwrap_or_default();
        assert!(
            text.starts_with(&excerpt) && excerpt.len() < text.len(),
            "{rel}: the excerpt is not the text before the marker: {excerpt:?}"
        );
    }
    // The part before the marker holds code showing escaped shortcodes: the
    // excerpt is prose.
    let a = corpus_article("hugo/hugo-even-shortcodes.md");
    let excerpt = a.excerpt.expect("an excerpt");
    assert!(
        !excerpt.contains("{{%") && !excerpt.contains("admonition"),
        "{excerpt:?}"
    );
    // A front-matter summary stays the summary, and no excerpt is made beside it.
    let a = rendered(&Path::new(env!("CARGO_MANIFEST_DIR")).join("www/examples/welcome.md"));
    assert!(a
        .summary
        .is_some_and(|s| s.starts_with("One module script")));
    assert_eq!(a.excerpt, None);
}

/// Issue 15, defect 3: a body that opens with the title does not show it twice,
/// and the heading has no TOC entry.
#[test]
fn the_title_is_not_shown_twice() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/examples");
    let corpus = shared_dir().join("corpus");
    for path in [
        corpus.join("zola/zola-theme-matbook.md"),
        corpus.join("other/readability-lemonde-1-source.html"),
        examples.join("welcome.md"),
        examples.join("news.html"),
    ] {
        let a = rendered(&path);
        let title = a.title.clone().expect("a title");
        let norm = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        assert!(
            a.toc.iter().all(|t| norm(&t.text) != norm(&title)),
            "{}: the title is in the TOC",
            path.display()
        );
        let text = a.text.unwrap_or_default();
        assert!(
            text.lines().next().is_some_and(|l| norm(l) != norm(&title)),
            "{}: the body opens with the title",
            path.display()
        );
        assert!(a.html.contains("<p>"), "{}: the body went", path.display());
    }
}

/// Issue 15, defect 10: TeX reaches the output as the author wrote it: `$$` display
/// math and `$` inline math in math spans, `\\` and `\,` untouched, no line breaks.
#[test]
fn tex_reaches_the_output_as_written() {
    let rel = "hexo/52x-math-prob-intro-inline-latex.md";
    let source = String::from_utf8(corpus_bytes(rel)).expect("UTF-8");
    let a = corpus_article(rel);
    assert!(!a.html.contains("<br"), "a TeX line break became <br>");
    let mut spans = 0;
    for line in source
        .lines()
        .filter(|l| l.starts_with("$$") && l.ends_with("$$") && l.len() > 4)
    {
        let tex = &line[2..line.len() - 2];
        let span = format!(
            "<span class=\"math math-display\">{}</span>",
            folio::fragment::escape(tex)
                .replace("&#39;", "'")
                .replace("&quot;", "\"")
        );
        assert!(a.html.contains(&span), "{span} is missing");
        spans += 1;
    }
    assert!(spans >= 5, "only {spans} display formulas checked");
    // The multi-line block between lone `$` lines keeps its `\\` and its newlines.
    assert!(
        a.html
            .contains("P(A \\cap B) &amp; = P(B)P(A|B) \\\\\\\n&amp; = P(A)P(B|A)"),
        "the aligned block was changed"
    );
    assert!(a
        .html
        .contains(r#"<span class="math math-inline">P(A) \geq 0</span>"#));
}

/// Obsidian's wiki links and embeds are links the library can resolve, and listed.
#[test]
fn obsidian_embeds_are_placeholders_for_the_note() {
    let a = corpus_article("other/obsidian-category-movies.md");
    assert!(
        a.html
            .contains(r#"<a class="wikilink embed" href="Movies.base#Last%20seen" rel="noopener noreferrer nofollow">"#),
        "{}",
        a.html
    );
    let targets: Vec<(folio::LinkKind, &str)> = a
        .links
        .iter()
        .map(|l| (l.kind, l.target.as_str()))
        .collect();
    assert_eq!(
        targets,
        [
            (folio::LinkKind::Embed, "Movies.base#Favorites"),
            (folio::LinkKind::Embed, "Movies.base#Last seen")
        ]
    );
}
/// A corpus file rendered as the viewer would, under the given file name.
fn render_corpus(rel: &str, file_name: &str) -> folio::Article {
    let opts = folio::Options {
        file_name: Some(file_name.into()),
        ..Default::default()
    };
    folio::render(&corpus_bytes(rel), &opts).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Issue 15, defect 5: HTML in the byline is its text; its link passes the URL policy.
#[test]
fn markup_in_the_author_is_its_name_and_a_link() {
    let a = render_corpus("hugo/hugo-even-hidden-post.md", "hidden-post.md");
    assert_eq!(a.authors, ["Halulu"]);
    assert_eq!(
        a.author_links.get("Halulu").map(String::as_str),
        Some("https://halu.lu/")
    );
    let html = folio::fragment::to_fragment(&a);
    assert!(!html.contains("&lt;a"), "{html}");
    assert!(html.contains(
        r#"<a href="https://halu.lu/" rel="author noopener noreferrer nofollow">Halulu</a>"#
    ));
}

/// Issue 15, defect 6 and the "Original" rough edge: an Obsidian clipping.
#[test]
fn wiki_links_in_the_front_matter_are_names_and_the_source_is_the_original() {
    let a = render_corpus("other/obsidian-clipping-buy-wisely.md", "Buy wisely.md");
    assert_eq!(a.authors, ["Steph Ango"]);
    assert_eq!(a.category_paths, [vec!["Clippings", "Posts"]]);
    assert_eq!(
        a.source_url.as_deref(),
        Some("https://stephango.com/buy-wisely")
    );
    // The raw front matter keeps the links, for a library that resolves them.
    assert_eq!(a.extra["author"][0], "[[Steph Ango]]");
    let a = render_corpus(
        "other/obsidian-clipping-in-good-hands.md",
        "In good hands.md",
    );
    assert_eq!(
        a.source_url.as_deref(),
        Some("https://stephango.com/in-good-hands")
    );
    // Scraped news: `source` names the blog, `url` is the original.
    let a = render_corpus(
        "news-hexo/windwild-original-langchain-seed-round-dollar.md",
        "seed-round.md",
    );
    assert_eq!(
        a.source_url.as_deref(),
        Some("https://blog.langchain.com/announcing-our-10m-seed-round-led-by-benchmark/")
    );
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}

/// Issue 15, defect 7: dates in HTML pages' metadata.
#[test]
fn dates_in_html_metadata_are_read() {
    let news = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("www/examples/news.html"))
        .expect("the news example");
    let opts = folio::Options {
        file_name: Some("news.html".into()),
        ..Default::default()
    };
    let a = folio::render(&news, &opts).unwrap();
    assert_eq!(a.date.as_deref(), Some("2024-02-11T08:00:00+00:00"));
    let a = render_corpus("big/readability-bbc-1-source.html", "source.html");
    assert_eq!(a.date.as_deref(), Some("2015-07-24T05:36:09+01:00"));
    let a = render_corpus("other/readability-lemonde-1-source.html", "source.html");
    assert_eq!(a.date.as_deref(), Some("2015-05-04T13:36:31+02:00"));
    assert_eq!(a.updated.as_deref(), Some("2015-05-05T20:13:12+02:00"));
    let a = render_corpus("big/readability-nytimes-1-source.html", "source.html");
    assert_eq!(a.date.as_deref(), Some("2017-01-13T00:00:04-05:00"));
    assert_eq!(
        a.source_url
            .as_deref()
            .map(|u| u.starts_with("https://www.nytimes.com/")),
        Some(true)
    );
}

/// Issue 15, defect 9: right-to-left text.
#[test]
fn right_to_left_pages_and_languages_say_so() {
    let a = render_corpus("other/readability-rtl-1-source.html", "source.html");
    assert_eq!(a.dir, Some(folio::Direction::Rtl));
    let he = folio::render(
        b"---\ntitle: x\nlang: he\n---\nLatin words.",
        &Default::default(),
    )
    .unwrap();
    assert_eq!(he.dir, Some(folio::Direction::Rtl));
    let ar = folio::render(
        "# عنوان\n\nهذا نص عربي قصير.".as_bytes(),
        &Default::default(),
    )
    .unwrap();
    assert_eq!(ar.dir, Some(folio::Direction::Rtl));
    let a = render_corpus("other/readability-lemonde-1-source.html", "source.html");
    assert_eq!(a.dir, Some(folio::Direction::Ltr));
}

/// Issue 15, rough edge: an Obsidian daily note keeps its date as its title.
#[test]
fn a_daily_note_is_titled_by_its_date_as_written() {
    // The corpus copy was renamed; the vault calls it `Daily/2023-09-12.md`.
    let a = render_corpus("other/obsidian-daily-2023-09-12.md", "Daily/2023-09-12.md");
    assert_eq!(a.title.as_deref(), Some("2023-09-12"));
}

/// Issue 15, rough edges: broken YAML leaves no junk, an unclosed block warns.
#[test]
fn broken_and_unclosed_front_matter_are_read_without_junk() {
    let junk = "---\ntitle: \"A title\ntags: [a, b\n  - : : :\n---\nBody";
    let a = folio::render(junk.as_bytes(), &Default::default()).unwrap();
    assert_eq!(a.title.as_deref(), Some("A title"));
    assert_eq!(a.tags, ["a", "b"]);
    assert_eq!(a.warnings[0].code, folio::WarningCode::YamlBroken);
    let unclosed = "---\ntitle: Unclosed\ntags: [x]\n\nThe body starts here.\n";
    let a = folio::render(unclosed.as_bytes(), &Default::default()).unwrap();
    assert_eq!(a.title.as_deref(), Some("Unclosed"));
    assert_eq!(a.tags, ["x"]);
    assert_eq!(a.html.trim(), "<p>The body starts here.</p>");
    assert_eq!(a.warnings[0].code, folio::WarningCode::FrontMatterUnclosed);
    assert_eq!(a.warnings[0].line, Some(1));
}

/// A big Markdown body is read in parts cut before headings (src/body/markdown/parts.rs):
/// every corpus body, cut wherever a cut is safe however small the parts, gives the
/// events (with their byte ranges) that it gives read whole.
#[test]
fn markdown_read_in_parts_gives_the_events_of_the_whole() {
    let (mut bodies, mut cut) = (0, 0);
    for path in &corpus_files() {
        let Some(text) = decoded_text(path) else {
            continue;
        };
        let body = folio::test_hooks::split(&text).body;
        let name = path.file_name().and_then(|n| n.to_str());
        if folio::test_hooks::detect_format(body, name) != folio::Format::Markdown {
            continue;
        }
        bodies += 1;
        let (_, whole) = folio::test_hooks::markdown_events(body, None);
        for part in [1, 2048] {
            let (parts, events) = folio::test_hooks::markdown_events(body, Some(part));
            if part == 1 && parts > 1 {
                cut += 1;
            }
            if let Some(i) =
                (0..whole.len().max(events.len())).find(|&i| whole.get(i) != events.get(i))
            {
                panic!(
                    "{} in parts of {part} ({parts} parts): event {i} is {:?}, read whole {:?}",
                    path.display(),
                    events.get(i),
                    whole.get(i)
                );
            }
        }
    }
    eprintln!("corpus: {cut} of {bodies} Markdown bodies were cut into parts");
    assert!(
        cut >= 40,
        "only {cut} of {bodies} Markdown bodies had a cut to test"
    );
}
