//! Blocks every dialect writes alike: collapsible details and notes (Hexo's
//! `note`, themes' `alert`/`tip`/…, Hugo's admonitions), the latter as callouts in
//! the markup `> [!type]` gets (`body::markdown`'s callouts: Obsidian's classes,
//! with GitHub's alert classes for its five types), a `<details>` callout when the
//! note is collapsible (Hugo's `details="true"`).

use super::args::Args;
use super::write::wrap;
use crate::text::escape;

/// Block names (Hexo, NexT and other themes, Hugo themes) shown as labelled notes.
const NOTE_NAMES: [&str; 16] = [
    "note",
    "alert",
    "tip",
    "info",
    "warning",
    "danger",
    "success",
    "error",
    "callout",
    "noteblock",
    "admonition",
    "notice",
    "hint",
    "important",
    "caution",
    "attention",
];

/// A paired block that any dialect may use: collapsible details, and notes or
/// admonitions shown as labelled alerts. `a` holds its arguments; `None` when
/// `name` is neither.
pub(super) fn block(name: &str, a: &Args, inner: &str, indent: Option<&str>) -> Option<String> {
    match name {
        "details" | "folding" | "spoiler" | "collapse" => {
            let summary = a
                .get("summary")
                .or_else(|| a.get("title"))
                .map(str::to_string)
                .or_else(|| (!a.positional.is_empty()).then(|| a.positional.join(" ")))
                .unwrap_or_else(|| "Details".to_string());
            let open = if a.named.contains_key("open") {
                " open"
            } else {
                ""
            };
            Some(wrap(
                &format!("<details{open}>\n<summary>{}</summary>", escape(&summary)),
                inner,
                "</details>",
                indent,
            ))
        }
        n if NOTE_NAMES.contains(&n) => {
            let (kind, label) = note_kind(n, a);
            let class = format!("markdown-alert markdown-alert-{kind}");
            let title = format!(
                "<div class=\"callout-title-inner\">{}</div>",
                escape(&label)
            );
            let collapsible =
                a.get("details") == Some("true") || (n == "admonition" && a.pos(2) == Some("true"));
            let (open, close) = if collapsible {
                (
                    format!(
                        "<details class=\"callout is-collapsible {class}\" data-callout=\"{kind}\" data-callout-fold=\"-\"><summary class=\"callout-title\">{title}</summary><div class=\"callout-content\">"
                    ),
                    "</div></details>",
                )
            } else {
                (
                    format!(
                        "<div class=\"callout {class}\" data-callout=\"{kind}\"><div class=\"callout-title\">{title}</div><div class=\"callout-content\">"
                    ),
                    "</div></div>",
                )
            };
            Some(wrap(&open, inner, close, indent))
        }
        _ => None,
    }
}

/// The alert kind and label of a note: the type word (`info`, `warning` …) or the tag name.
fn note_kind(name: &str, a: &Args) -> (&'static str, String) {
    const TYPES: [&str; 20] = [
        "note",
        "info",
        "tip",
        "success",
        "hint",
        "check",
        "warning",
        "warn",
        "attention",
        "danger",
        "error",
        "caution",
        "bug",
        "failure",
        "fail",
        "important",
        "primary",
        "default",
        "abstract",
        "question",
    ];
    let mut ty = name.to_ascii_lowercase();
    let mut rest: Vec<&str> = Vec::new();
    let typed = a.get("type").or_else(|| a.get("class"));
    if let Some(t) = typed {
        ty = t.to_ascii_lowercase();
    }
    for p in &a.positional {
        let l = p.to_ascii_lowercase();
        if typed.is_none() && ty == name && TYPES.contains(&l.as_str()) {
            ty = l;
        } else if !["no-icon", "flat", "modern", "simple", "true", "false"].contains(&l.as_str()) {
            rest.push(p);
        }
    }
    let kind = match ty.as_str() {
        "tip" | "success" | "hint" | "check" => "tip",
        "warning" | "warn" | "attention" | "alert" => "warning",
        "danger" | "error" | "caution" | "bug" | "failure" | "fail" => "caution",
        "important" | "primary" => "important",
        _ => "note",
    };
    let label = a
        .get("title")
        .map(str::to_string)
        .or_else(|| (!rest.is_empty()).then(|| rest.join(" ")))
        .unwrap_or_else(|| {
            let word = if matches!(
                ty.as_str(),
                "default" | "callout" | "noteblock" | "admonition" | "notice"
            ) {
                "note"
            } else {
                ty.as_str()
            };
            let mut c = word.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        });
    (kind, label)
}
