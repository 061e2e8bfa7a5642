//! The browser binding: JS values in, the core's call, JS values out. Nothing else.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Front-matter maps arrive as plain objects and missing values as `null`.
const SERIALIZER: serde_wasm_bindgen::Serializer = serde_wasm_bindgen::Serializer::new()
    .serialize_maps_as_objects(true)
    .serialize_missing_as_null(true);

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A heading in the table of contents. */
export interface TocEntry {
  /** Heading level, 1–6. */
  level: number;
  /** The heading's id in `html`. */
  id: string;
  /** The heading's text. */
  text: string;
}

/** Counts over the article's text; CJK characters count as words. */
export interface Stats {
  chars: number;
  words: number;
  reading_minutes: number;
}

/** What `render` returns: the same object as `folio render --json`. */
export interface Article {
  title: string | null;
  /** RFC 3339 with offset when the source gives a zone, else `YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DD`. */
  date: string | null;
  updated: string | null;
  /** The date as written, when it could not be read. */
  date_text: string | null;
  updated_text: string | null;
  authors: string[];
  categories: string[];
  /** Category hierarchies (Hexo: a flat list is one path), each shown as a breadcrumb. */
  category_paths: string[][];
  tags: string[];
  /** Image URL that passed the URL policy. */
  cover: string | null;
  summary: string | null;
  lang: string | null;
  format: "markdown" | "html";
  front_matter: "yaml" | "toml" | "json" | null;
  /** WHATWG encoding label, e.g. "UTF-8", "GBK". */
  encoding: string;
  /** Sanitized HTML, safe to insert: the only HTML a viewer inserts. */
  html: string;
  toc: TocEntry[];
  stats: Stats;
  /** What was odd but did not stop rendering, for the reader. */
  warnings: string[];
  /** The whole front matter. */
  extra: Record<string, unknown>;
  draft: boolean;
}

/** Options for `render`. */
export interface RenderOptions {
  /** The file's name; its extension hints at the format (`.md`, `.html`). */
  fileName?: string;
  /** Resolves the article's relative links and images. */
  baseUrl?: string;
}
"#;

/// Installs the panic hook so a bug shows its message in the console.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

/// Renders an article from a string or the file's bytes (`Uint8Array`).
#[wasm_bindgen(js_name = render, unchecked_return_type = "Article")]
pub fn render(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let bytes = match input.as_string() {
        Some(text) => text.into_bytes(),
        None => input
            .dyn_ref::<js_sys::Uint8Array>()
            .ok_or_else(|| JsError::new("render() takes a string or a Uint8Array."))?
            .to_vec(),
    };
    let options: crate::Options = if options.is_undefined() || options.is_null() {
        crate::Options::default()
    } else {
        serde_wasm_bindgen::from_value(options)?
    };
    let article = crate::render(&bytes, &options)?;
    Ok(article.serialize(&SERIALIZER)?)
}
