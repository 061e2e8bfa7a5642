//! Reader mode over the real news files: boilerplate hidden by default, never an
//! article paragraph, and the Article saying what it hid.

use crate::corpus::{corpus_files, options_for, shared_dir};
use folio::test_hooks::visible_html;
use folio::{Format, Hidden};
use std::path::{Path, PathBuf};

/// The app/QR promo that ends every Sina file and the sample, and its QR image.
const SINA_PROMO: &str = "尽在新浪财经APP";
const SINA_QR: &str = "20200514/343233024.png";

fn render(path: &Path) -> folio::Article {
    let bytes = std::fs::read(path).expect("readable");
    folio::render(&bytes, &options_for(path)).expect("renders")
}

/// The text of HTML with every bit of white space gone (CMS bodies indent with
/// full-width spaces and break lines anywhere), character references decoded.
fn squeeze(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            _ => out.push(c),
        }
    }
    let out = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    numeric_references(&out)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// `&#123;` and `&#x7b;` decoded (the scraped bodies write braces so).
fn numeric_references(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("&#") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let end = after.find(';').filter(|&e| e <= 8);
        let c = end.and_then(|e| {
            let n = &after[..e];
            let code = match n.strip_prefix(['x', 'X']) {
                Some(h) => u32::from_str_radix(h, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)
        });
        match (c, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push_str("&#");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Comments, `<script>` and `<style>` removed from source HTML.
fn without_comments_and_code(src: &str) -> String {
    let mut s = src.to_string();
    for (open, close) in [
        ("<!--", "-->"),
        ("<script", "</script>"),
        ("<style", "</style>"),
    ] {
        let mut out = String::with_capacity(s.len());
        let mut rest = s.as_str();
        while let Some(i) = rest.find(open) {
            out.push_str(&rest[..i]);
            match rest[i..].find(close) {
                Some(e) => rest = &rest[i + e + close.len()..],
                None => rest = "",
            }
        }
        out.push_str(rest);
        s = out;
    }
    s
}

/// The text of every `<p>` of source HTML (as the author wrote it: `<p>` or `<p …>`).
fn source_paragraphs(src: &str) -> Vec<String> {
    let src = without_comments_and_code(src);
    let mut out = Vec::new();
    let mut rest = src.as_str();
    while let Some(i) = rest.find("<p") {
        let after = &rest[i + 2..];
        rest = after;
        if !after.starts_with([' ', '>', '\n', '\t']) {
            continue;
        }
        let Some(gt) = after.find('>') else { break };
        let body = &after[gt + 1..];
        let end = ["</p>", "<p ", "<p>", "</div>"]
            .iter()
            .filter_map(|c| body.find(c))
            .min()
            .unwrap_or(body.len());
        out.push(squeeze(&body[..end]));
    }
    out
}

/// A source paragraph of the article: ten characters or more of text that is not
/// the Sina promo.
fn is_article_paragraph(text: &str) -> bool {
    text.chars().count() >= 10 && !text.contains(SINA_PROMO)
}

fn news_files() -> Vec<PathBuf> {
    let news = shared_dir().join("corpus/news-hexo");
    let samples = shared_dir().join("samples");
    corpus_files()
        .into_iter()
        .filter(|p| p.starts_with(&news) || p.starts_with(&samples))
        .collect()
}

#[test]
fn news_promos_are_hidden_and_no_article_paragraph_is_lost() {
    let (mut html_files, mut paragraphs, mut sina) = (0, 0, 0);
    let mut hidden_total = 0;
    for path in news_files() {
        let article = render(&path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let visible = visible_html(&article.html);
        let seen = squeeze(&visible);
        let src = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        if article.format == Format::Html {
            html_files += 1;
            for p in source_paragraphs(&src)
                .into_iter()
                .filter(|p| is_article_paragraph(p))
            {
                paragraphs += 1;
                assert!(seen.contains(&p), "{name}: paragraph lost: {p}");
            }
        }
        let marked = article.html.matches("data-folio-hidden=").count();
        let reported: usize = article.hidden.iter().map(|h| h.count).sum();
        assert_eq!(marked, reported, "{name}: {:?}", article.hidden);
        hidden_total += reported;
        if src.contains(SINA_PROMO) {
            sina += 1;
            assert!(
                article.html.contains(SINA_PROMO),
                "{name}: kept for show-all"
            );
            assert!(!seen.contains(SINA_PROMO), "{name}: promo shows");
            assert!(!visible.contains(SINA_QR), "{name}: QR image shows");
            assert!(
                article.hidden.iter().any(|h| h.kind == "app-promo"),
                "{name}: {:?}",
                article.hidden
            );
        }
        if src.contains("视频加载中") {
            assert!(
                !seen.contains("视频加载中") && !seen.contains("向前向后"),
                "{name}: player cruft shows"
            );
        }
    }
    println!(
        "reader mode: {html_files} HTML news files, {paragraphs} article paragraphs all shown, \
         {sina} Sina promos hidden, {hidden_total} blocks hidden in all"
    );
    assert_eq!(sina, 9, "the sample and the eight Sina files");
    assert!(paragraphs >= 150, "only {paragraphs} paragraphs checked");
}

/// Over every HTML file of the corpus (whole pages too): what reader mode hides
/// holds no paragraph, heading, caption or figure of the cleaned body that is not
/// itself a promo, share or label.
#[test]
fn hidden_blocks_hold_no_article_text_anywhere_in_the_corpus() {
    let mut files = 0;
    let mut by_kind: Vec<Hidden> = Vec::new();
    for path in corpus_files() {
        let bytes = std::fs::read(&path).expect("readable");
        // The corpus's empty and binary files are errors, tested elsewhere.
        let Ok(article) = folio::render(&bytes, &options_for(&path)) else {
            continue;
        };
        if article.format != Format::Html {
            continue;
        }
        files += 1;
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let seen = squeeze(&visible_html(&article.html));
        for block in blocks(&article.html, &["p", "h1", "h2", "h3", "figcaption", "td"]) {
            let text = squeeze(&block);
            if text.chars().count() >= 40 {
                assert!(seen.contains(&text), "{name}: hidden text: {text}");
            }
        }
        let figures = article.html.matches("<figure").count();
        let seen_figures = visible_html(&article.html).matches("<figure").count();
        assert_eq!(figures, seen_figures, "{name}: a figure was hidden");
        for h in article.hidden {
            match by_kind.iter_mut().find(|k| k.kind == h.kind) {
                Some(k) => k.count += h.count,
                None => by_kind.push(h),
            }
        }
    }
    let summary: Vec<String> = by_kind
        .iter()
        .map(|h| format!("{} {}", h.kind, h.count))
        .collect();
    println!(
        "reader mode over {files} HTML files hides: {}",
        summary.join(", ")
    );
    assert!(files >= 40, "{files}");
    assert!(by_kind.iter().any(|h| h.kind == "app-promo"));
}

/// The inner HTML of every element named in `names` (not nested in itself).
fn blocks(html: &str, names: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for name in names {
        let open = format!("<{name}");
        let close = format!("</{name}>");
        let mut rest = html;
        while let Some(i) = rest.find(&open) {
            let after = &rest[i + open.len()..];
            rest = after;
            if !after.starts_with([' ', '>']) {
                continue;
            }
            let Some(gt) = after.find('>') else { break };
            let body = &after[gt + 1..];
            let end = body.find(&close).unwrap_or(body.len());
            out.push(body[..end].to_string());
        }
    }
    out
}

#[test]
fn markdown_is_left_alone() {
    let md = "# Title\n\n海量资讯、精准解读，尽在新浪财经APP\n\n<div>分享到:</div>\n";
    let article = folio::render(md.as_bytes(), &folio::Options::default()).unwrap();
    assert!(article.hidden.is_empty(), "{:?}", article.hidden);
    assert!(!article.html.contains("data-folio-hidden"));
}

/// The cover: the Sina files whose front matter names the QR code of the promo as
/// `headimg`/`thumbnail` have none; those whose picture is the article's keep it.
#[test]
fn a_promos_qr_code_or_a_logo_is_no_cover() {
    let news = shared_dir().join("corpus/news-hexo");
    let qr_cover = [
        "rsshubpage-sina-0.md",
        "rsshubpage-sina-diao-junshou.md",
        "rsshubpage-sina-tianjia-lizhi.md",
        "rsshubpage-sina-zhujianbu-2021.md",
    ];
    for name in qr_cover {
        let path = news.join(name);
        let src = std::fs::read_to_string(&path).unwrap();
        assert!(
            src.contains(&format!(
                "thumbnail: 'https://n.sinaimg.cn/finance/cece9e13/{SINA_QR}'"
            )),
            "{name}"
        );
        assert_eq!(render(&path).cover, None, "{name}");
    }
    let sample = shared_dir().join("samples/sina-cross-border-ecommerce.md");
    assert_eq!(render(&sample).cover, None);
    for (name, kept) in [
        (
            "rsshubpage-sina-changjinhu.md",
            "4b4c-64a510cb03bb475545e6d68e3ed611f3.png",
        ),
        (
            "rsshubpage-sina-ai-lanqiu-caipan-2022.md",
            "3e3d-cd90e425739b5670b9ebf38ac7f702ee.gif",
        ),
        (
            "rsshubpage-sina-video-digital-rmb.md",
            "383188093_400_300.jpg",
        ),
    ] {
        let cover = render(&news.join(name)).cover.unwrap_or_default();
        assert!(cover.ends_with(kept), "{name}: {cover}");
    }
    // A logo or a QR code by its address, whatever the body holds.
    for (cover, shown) in [
        ("https://example.com/static/site-logo.png", false),
        ("https://example.com/img/qr/app.png", false),
        ("https://example.com/erweima.jpg", false),
        ("https://example.com/2024/harbour.jpg", true),
    ] {
        let md = format!("---\ncover: '{cover}'\n---\nText.\n");
        let a = folio::render(md.as_bytes(), &folio::Options::default()).unwrap();
        assert_eq!(a.cover.is_some(), shown, "{cover}");
    }
}

#[test]
fn a_hidden_related_list_has_no_entry_in_the_table_of_contents() {
    let html = "<h2>正文小标题</h2><p>正文第一段，足够长的一段文字。</p><h2>相关阅读</h2><ul><li><a href=\"https://example.com/a\">另一篇</a></li></ul>";
    let options = folio::Options {
        file_name: Some("news.html".into()),
        ..Default::default()
    };
    let article = folio::render(html.as_bytes(), &options).unwrap();
    let toc: Vec<&str> = article.toc.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(toc, ["正文小标题"]);
    assert_eq!(
        article.hidden,
        [Hidden {
            kind: "related".into(),
            count: 2
        }]
    );
}
