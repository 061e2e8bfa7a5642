//! The last step: one [`Article`] from what each stage found. Where several
//! sources may give a field, the front matter wins, then what a whole HTML
//! document says about itself, then what the body shows (its first top-level
//! heading, its detected language), then the file name, as the site generators
//! themselves fall back. The summary is only what the front matter or the
//! document says; the body's opening is the separate `excerpt`. The direction is
//! the one the source states, else its language's, else that of most of its letters.
//! A cover that the body shows inside a hidden promo is dropped, and so are the
//! headings of hidden blocks from the table of contents.

use crate::article::{Article, Direction, Format};
use crate::body::document::DocMeta;
use crate::decode::Decoded;
use crate::front_matter::Split;
use crate::lang::{detect_lang, lang_direction, text_direction};
use crate::metadata::{title_from_file_name, Metadata};
use crate::outline::Outline;
use crate::sanitize::{hidden_heading_ids, Reader};
use crate::warning::Warning;

/// What the stages found in one file.
pub(crate) struct Parts<'a> {
    /// The decoded text (for its encoding and warnings).
    pub decoded: &'a Decoded<'a>,
    /// The front matter, parsed.
    pub split: Split<'a>,
    /// The front matter, normalized.
    pub meta: Metadata,
    /// How the body was read.
    pub format: Format,
    /// What a whole HTML document says about itself.
    pub doc: DocMeta,
    /// What the body stage found odd.
    pub body_warnings: Vec<Warning>,
    /// The sanitized body with heading ids, its title, TOC, text, links and counts.
    pub outline: Outline,
    /// What reader mode hid of the body.
    pub reader: Reader,
    /// Whether the caller asked for the plain text.
    pub include_text: bool,
    /// Whether the caller asked for the HTML (the outline may have written it anyway).
    pub include_html: bool,
}

/// The article's title: the front matter's, else the document's `<title>`, else the
/// body's first `<h1>`, else one made from the file name.
pub(crate) fn title(
    front_matter: Option<&str>,
    document: Option<&str>,
    first_h1: Option<&str>,
    file_name: Option<&str>,
) -> Option<String> {
    front_matter
        .or(document)
        .or(first_h1)
        .map(str::to_string)
        .or_else(|| file_name.and_then(title_from_file_name))
}

/// The article, with every fallback between sources applied.
pub(crate) fn article(parts: Parts<'_>) -> Article {
    let Parts {
        decoded,
        split,
        meta,
        format,
        doc,
        body_warnings,
        outline,
        reader,
        include_text,
        include_html,
    } = parts;
    let title = outline.title;
    // A summary that only repeats the title (scraped pages' descriptions do) is none: every
    // view would show the title twice.
    let summary = meta
        .summary
        .or(doc.description)
        .filter(|s| !s.trim().is_empty() && !same_words(s, title.as_deref()));
    let excerpt = summary.is_none().then_some(outline.excerpt).flatten();
    let authors = if meta.authors.is_empty() {
        doc.author.into_iter().collect()
    } else {
        meta.authors
    };
    let tags = if meta.tags.is_empty() {
        keyword_tags(doc.keywords, title.as_deref())
    } else {
        meta.tags
    };
    let lang = meta
        .lang
        .or(doc.lang)
        .or_else(|| detect_lang(&outline.text));
    let dir = meta.dir.or(doc.dir).or_else(|| {
        let text = if outline.text.trim().is_empty() {
            title.as_deref().unwrap_or_default()
        } else {
            &outline.text
        };
        direction(lang.as_deref(), text)
    });
    // A page's own dates count only where the front matter has none, even unreadable.
    let date = meta
        .date
        .or(doc.date.filter(|_| meta.date_text.is_none()))
        .or(meta.file_date);
    let updated = meta
        .updated
        .or(doc.updated.filter(|_| meta.updated_text.is_none()));
    // An image the body shows inside a hidden promo (its QR code) is no cover, and a
    // hidden heading ("相关阅读") is no entry of the table of contents.
    let cover = meta.cover.filter(|c| !reader.promo_images.contains(c));
    let hidden_headings = hidden_heading_ids(&outline.html);
    let mut toc = outline.toc;
    toc.retain(|t| !hidden_headings.contains(&t.id));
    let mut warnings = decoded.warnings.clone();
    warnings.extend(split.warnings);
    warnings.extend(meta.warnings);
    warnings.extend(body_warnings);
    Article {
        title,
        date,
        updated,
        date_text: meta.date_text,
        updated_text: meta.updated_text,
        authors,
        author_links: meta.author_links,
        categories: meta.categories,
        category_paths: meta.category_paths,
        tags,
        cover,
        source_url: meta.source_url.or(doc.url),
        summary,
        excerpt,
        lang,
        dir,
        format,
        front_matter: split.kind,
        encoding: decoded.encoding.to_string(),
        hidden: reader.hidden,
        site_name: doc.site_name,
        html: if include_html {
            outline.html
        } else {
            String::new()
        },
        text: include_text.then_some(outline.text),
        toc,
        links: outline.links,
        stats: outline.stats,
        warnings,
        extra: serde_json::Value::Object(split.data),
        draft: meta.draft,
    }
}

/// The direction when the source does not state one: a right-to-left language
/// decides; otherwise the script of most of the letters, else the language.
fn direction(lang: Option<&str>, text: &str) -> Option<Direction> {
    let by_lang = lang.and_then(lang_direction);
    if by_lang == Some(Direction::Rtl) {
        return by_lang;
    }
    text_direction(text).or(by_lang)
}

/// Whether `text` says the title's words, white space aside.
fn same_words(text: &str, title: Option<&str>) -> bool {
    title.is_some_and(|t| text.split_whitespace().eq(t.split_whitespace()))
}

/// A page's `<meta name="keywords">` as tags: one that only repeats the title (scraped
/// pages do) is none, and a single keyword with spaces that holds CJK text is split at
/// them (Chinese sites part keywords with spaces; an English "South Sudan" stays one).
fn keyword_tags(mut keywords: Vec<String>, title: Option<&str>) -> Vec<String> {
    keywords.retain(|k| !same_words(k, title));
    if let [one] = keywords.as_slice() {
        if one.contains(char::is_whitespace) && one.chars().any(crate::text::is_cjk) {
            return one.split_whitespace().map(str::to_string).collect();
        }
    }
    keywords
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::warning::{Warning, WarningCode};

    fn parts<'a>(
        decoded: &'a Decoded<'a>,
        meta: Metadata,
        doc: DocMeta,
        outline: Outline,
    ) -> Parts<'a> {
        Parts {
            decoded,
            split: crate::front_matter::split(&decoded.text),
            meta,
            format: Format::Html,
            doc,
            body_warnings: Vec::new(),
            outline,
            reader: Reader::default(),
            include_text: true,
            include_html: true,
        }
    }

    fn decoded() -> Decoded<'static> {
        Decoded {
            text: "body".into(),
            encoding: "UTF-8",
            warnings: vec![Warning::new(WarningCode::EncodingGuessed, "decoding")],
        }
    }

    #[test]
    fn a_summary_or_keyword_that_repeats_the_title_is_none_and_chinese_keywords_split_at_spaces() {
        let doc = DocMeta {
            keywords: vec!["Deep Mind  learns".into(), "AI".into()],
            ..DocMeta::default()
        };
        let outline = Outline {
            title: Some("Deep Mind learns".into()),
            ..Outline::default()
        };
        let d = decoded();
        let doc = DocMeta {
            description: Some(" Deep Mind\nlearns ".into()),
            ..doc
        };
        let a = article(parts(&d, Metadata::default(), doc, outline));
        assert_eq!(a.tags, ["AI"]);
        assert_eq!(
            a.summary, None,
            "a description that repeats the title is no summary"
        );
        let title = Some("标题");
        assert!(keyword_tags(vec!["标题".into()], title).is_empty());
        assert_eq!(
            keyword_tags(vec!["宇航员 太空 国际空间站".into()], title),
            ["宇航员", "太空", "国际空间站"]
        );
        assert_eq!(
            keyword_tags(vec!["South Sudan".into()], title),
            ["South Sudan"]
        );
        assert_eq!(
            keyword_tags(vec!["苏丹 南部".into(), "x".into()], title),
            ["苏丹 南部", "x"]
        );
    }

    #[test]
    fn the_front_matter_wins_over_the_document_and_the_body() {
        let meta = Metadata {
            title: Some("Front".into()),
            summary: Some("Said".into()),
            lang: Some("fr".into()),
            authors: vec!["Ann".into()],
            warnings: vec![Warning::new(WarningCode::DateUnreadable, "metadata")],
            ..Metadata::default()
        };
        let doc = DocMeta {
            title: Some("Head".into()),
            author: Some("Bob".into()),
            lang: Some("de".into()),
            keywords: vec!["k".into()],
            ..DocMeta::default()
        };
        let d = decoded();
        let outline = Outline {
            excerpt: Some("The body's opening".into()),
            ..Outline::default()
        };
        let a = article(parts(&d, meta, doc, outline));
        assert_eq!(a.summary.as_deref(), Some("Said"));
        assert_eq!(a.excerpt, None, "no excerpt beside a summary");
        assert_eq!(a.lang.as_deref(), Some("fr"));
        assert_eq!(a.authors, ["Ann"]);
        assert_eq!(
            a.tags,
            ["k"],
            "the document's keywords when the front matter has no tags"
        );
        let said: Vec<&str> = a.warnings.iter().map(|w| w.message.as_str()).collect();
        assert_eq!(said, ["decoding", "metadata"]);
    }

    #[test]
    fn without_front_matter_the_body_and_the_file_name_speak() {
        let outline = Outline {
            text: "Le chat est dans la maison et les enfants sont dans le jardin.".into(),
            excerpt: Some("Before & more".into()),
            ..Outline::default()
        };
        let d = decoded();
        let a = article(parts(&d, Metadata::default(), DocMeta::default(), outline));
        assert_eq!(a.summary, None);
        assert_eq!(a.excerpt.as_deref(), Some("Before & more"));
        assert_eq!(a.lang.as_deref(), Some("fr"));
        assert!(a.text.as_deref().is_some_and(|t| t.starts_with("Le chat")));
        let name = Some("posts/2020-01-02-from-the-name.md");
        assert_eq!(
            title(Some("Front"), Some("Head"), Some("H1"), name).as_deref(),
            Some("Front")
        );
        assert_eq!(
            title(None, Some("Head"), Some("H1"), name).as_deref(),
            Some("Head")
        );
        assert_eq!(title(None, None, Some("H1"), name).as_deref(), Some("H1"));
        assert_eq!(
            title(None, None, None, name).as_deref(),
            Some("from the name")
        );
    }

    #[test]
    fn dates_come_from_the_front_matter_then_the_page_then_the_file_name() {
        let d = decoded();
        let doc = || DocMeta {
            date: Some("2024-02-11T08:00:00+00:00".into()),
            updated: Some("2024-02-12".into()),
            url: Some("https://news.example/a".into()),
            ..DocMeta::default()
        };
        let file = Metadata {
            file_date: Some("2020-01-02".into()),
            ..Metadata::default()
        };
        let a = article(parts(&d, file.clone(), doc(), Outline::default()));
        assert_eq!(a.date.as_deref(), Some("2024-02-11T08:00:00+00:00"));
        assert_eq!(a.updated.as_deref(), Some("2024-02-12"));
        assert_eq!(a.source_url.as_deref(), Some("https://news.example/a"));
        let a = article(parts(
            &d,
            file.clone(),
            DocMeta::default(),
            Outline::default(),
        ));
        assert_eq!(a.date.as_deref(), Some("2020-01-02"));
        let unread = Metadata {
            date_text: Some("someday".into()),
            updated: Some("2025-01-01".into()),
            ..Metadata::default()
        };
        let a = article(parts(&d, unread, doc(), Outline::default()));
        assert_eq!((a.date, a.date_text.as_deref()), (None, Some("someday")));
        assert_eq!(a.updated.as_deref(), Some("2025-01-01"));
    }

    #[test]
    fn the_direction_is_stated_or_follows_the_language_or_the_letters() {
        let d = decoded();
        let text = |t: &str| Outline {
            text: t.into(),
            ..Outline::default()
        };
        let dir =
            |meta: Metadata, doc: DocMeta, t: &str| article(parts(&d, meta, doc, text(t))).dir;
        let rtl_doc = || DocMeta {
            dir: Some(Direction::Rtl),
            ..DocMeta::default()
        };
        // other/readability-rtl-1-source.html: `<html dir="rtl">` over Latin text.
        assert_eq!(
            dir(Metadata::default(), rtl_doc(), "Lorem ipsum"),
            Some(Direction::Rtl)
        );
        let ltr_meta = Metadata {
            dir: Some(Direction::Ltr),
            ..Metadata::default()
        };
        assert_eq!(dir(ltr_meta, rtl_doc(), "x"), Some(Direction::Ltr));
        let he = Metadata {
            lang: Some("he".into()),
            ..Metadata::default()
        };
        assert_eq!(
            dir(he, DocMeta::default(), "Latin words"),
            Some(Direction::Rtl)
        );
        let en = Metadata {
            lang: Some("en".into()),
            ..Metadata::default()
        };
        assert_eq!(
            dir(en.clone(), DocMeta::default(), "مرحبا بالعالم"),
            Some(Direction::Rtl)
        );
        assert_eq!(dir(en, DocMeta::default(), "42"), Some(Direction::Ltr));
        assert_eq!(
            dir(Metadata::default(), DocMeta::default(), "Hello"),
            Some(Direction::Ltr)
        );
        assert_eq!(dir(Metadata::default(), DocMeta::default(), "—"), None);
    }
}
