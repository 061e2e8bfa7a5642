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
  /** Category hierarchies (Hexo: a flat list is one path). */
  category_paths: string[][];
  tags: string[];
  cover: string | null;
  summary: string | null;
  lang: string | null;
  format: "markdown" | "html";
  front_matter: "yaml" | "toml" | "json" | null;
  /** WHATWG encoding label, e.g. "UTF-8", "GBK". */
  encoding: string;
  /** Sanitized HTML, safe to insert. */
  html: string;
  toc: { level: number; id: string; text: string }[];
  stats: { chars: number; words: number; reading_minutes: number };
  warnings: string[];
  extra: Record<string, unknown>;
  draft: boolean;
}
/** Options for `render`. */
export interface RenderOptions {
  fileName?: string;
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
