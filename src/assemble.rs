//! The last step: one [`Article`] from what each stage found. Where several
//! sources may give a field, the front matter wins, then what a whole HTML
//! document says about itself, then what the body shows (its first top-level
//! heading, its detected language, the text before `<!-- more -->`), then the
//! file name, as the site generators themselves fall back.

use crate::article::{Article, Format};
use crate::body::document::DocMeta;
use crate::decode::Decoded;
use crate::front_matter::Split;
use crate::lang::detect_lang;
use crate::metadata::{title_from_file_name, Metadata};
use crate::outline::Outline;
use crate::text::{html_to_text, Breaks};

/// What the stages found in one file.
pub(crate) struct Parts<'a> {
    /// The decoded text (for its encoding and warnings).
    pub decoded: &'a Decoded,
    /// The front matter, parsed.
    pub split: Split<'a>,
    /// The front matter, normalized.
    pub meta: Metadata,
    /// How the body was read.
    pub format: Format,
    /// What a whole HTML document says about itself.
    pub doc: DocMeta,
    /// The sanitized body with heading ids, its TOC, text and counts.
    pub outline: Outline,
    /// The sanitized part before `<!-- more -->`, when it was needed.
    pub excerpt: Option<String>,
    /// The caller's file name.
    pub file_name: Option<&'a str>,
}

/// The article, with every fallback between sources applied.
pub(crate) fn article(parts: Parts<'_>) -> Article {
    let Parts {
        decoded,
        split,
        meta,
        format,
        doc,
        outline,
        excerpt,
        file_name,
    } = parts;
    let summary = meta.summary.or_else(|| {
        excerpt
            .map(|html| html_to_text(&html, Breaks::Lines))
            .or(doc.description)
            .filter(|s| !s.trim().is_empty())
    });
    let title = meta
        .title
        .or(doc.title)
        .or_else(|| {
            outline
                .toc
                .iter()
                .find(|t| t.level == 1)
                .map(|t| t.text.clone())
        })
        .or_else(|| file_name.and_then(title_from_file_name));
    let authors = if meta.authors.is_empty() {
        doc.author.into_iter().collect()
    } else {
        meta.authors
    };
    let tags = if meta.tags.is_empty() {
        doc.keywords
    } else {
        meta.tags
    };
    let lang = meta
        .lang
        .or(doc.lang)
        .or_else(|| detect_lang(&outline.text));
    let mut warnings = decoded.warnings.clone();
    warnings.extend(split.warnings);
    warnings.extend(meta.warnings);
    Article {
        title,
        date: meta.date,
        updated: meta.updated,
        date_text: meta.date_text,
        updated_text: meta.updated_text,
        authors,
        categories: meta.categories,
        category_paths: meta.category_paths,
        tags,
        cover: meta.cover,
        summary,
        lang,
        format,
        front_matter: split.kind,
        encoding: decoded.encoding.to_string(),
        html: outline.html,
        toc: outline.toc,
        stats: outline.stats,
        warnings,
        extra: serde_json::Value::Object(split.data),
        draft: meta.draft,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::TocEntry;

    fn parts<'a>(
        decoded: &'a Decoded,
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
            outline,
            excerpt: Some("<p>Before &amp; more</p>\n".into()),
            file_name: Some("posts/2020-01-02-from-the-name.md"),
        }
    }

    fn decoded() -> Decoded {
        Decoded {
            text: "body".into(),
            encoding: "UTF-8",
            warnings: vec!["decoding".into()],
        }
    }

    #[test]
    fn the_front_matter_wins_over_the_document_and_the_body() {
        let meta = Metadata {
            title: Some("Front".into()),
            summary: Some("Said".into()),
            lang: Some("fr".into()),
            authors: vec!["Ann".into()],
            warnings: vec!["metadata".into()],
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
        let a = article(parts(&d, meta, doc, Outline::default()));
        assert_eq!(a.title.as_deref(), Some("Front"));
        assert_eq!(a.summary.as_deref(), Some("Said"));
        assert_eq!(a.lang.as_deref(), Some("fr"));
        assert_eq!(a.authors, ["Ann"]);
        assert_eq!(
            a.tags,
            ["k"],
            "the document's keywords when the front matter has no tags"
        );
        assert_eq!(a.warnings, ["decoding", "metadata"]);
    }

    #[test]
    fn without_front_matter_the_body_and_the_file_name_speak() {
        let outline = Outline {
            toc: vec![TocEntry {
                level: 1,
                id: "user-content-h".into(),
                text: "Heading".into(),
            }],
            text: "Le chat est dans la maison et les enfants sont dans le jardin.".into(),
            ..Outline::default()
        };
        let d = decoded();
        let a = article(parts(&d, Metadata::default(), DocMeta::default(), outline));
        assert_eq!(a.title.as_deref(), Some("Heading"));
        assert_eq!(a.summary.as_deref(), Some("Before & more\n\n"));
        assert_eq!(a.lang.as_deref(), Some("fr"));
        let a = article(parts(
            &d,
            Metadata::default(),
            DocMeta::default(),
            Outline::default(),
        ));
        assert_eq!(a.title.as_deref(), Some("from the name"));
    }
}
