//! The last step: one [`Article`] from what each stage found. Where several
//! sources may give a field, the front matter wins, then what a whole HTML
//! document says about itself, then what the body shows (its first top-level
//! heading, its detected language), then the file name, as the site generators
//! themselves fall back. The summary is only what the front matter or the
//! document says; the body's opening is the separate `excerpt`.

use crate::article::{Article, Format};
use crate::body::document::DocMeta;
use crate::decode::Decoded;
use crate::front_matter::Split;
use crate::lang::detect_lang;
use crate::metadata::{title_from_file_name, Metadata};
use crate::outline::Outline;

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
    /// The sanitized body with heading ids, its title, TOC, text, links and counts.
    pub outline: Outline,
    /// Whether the caller asked for the plain text.
    pub include_text: bool,
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
        outline,
        include_text,
    } = parts;
    let summary = meta
        .summary
        .or(doc.description)
        .filter(|s| !s.trim().is_empty());
    let excerpt = summary.is_none().then_some(outline.excerpt).flatten();
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
        title: outline.title,
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
        excerpt,
        lang,
        format,
        front_matter: split.kind,
        encoding: decoded.encoding.to_string(),
        html: outline.html,
        text: include_text.then_some(outline.text),
        toc: outline.toc,
        links: outline.links,
        stats: outline.stats,
        warnings,
        extra: serde_json::Value::Object(split.data),
        draft: meta.draft,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            include_text: true,
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
        assert_eq!(a.warnings, ["decoding", "metadata"]);
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
}
