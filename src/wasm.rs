//! The browser binding: JS values in, the core's call, JS values out. Nothing else.
//! Errors cross as real JS `Error`s carrying the core's code and params.

use crate::error::{Error, ErrorKind};
use crate::options::Options;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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

/** A relative reference in the body, for a library to resolve among its files. */
export interface Link {
  /** `<a>`, `<img>`, Obsidian's `[[Note]]` (`a.wikilink`) or `![[Note]]` (`a.wikilink.embed`). */
  kind: "link" | "image" | "wikilink" | "embed";
  /** As the author wrote it, percent-decoded (a wiki link's note name, with `#heading` if any). */
  target: string;
}

/** Counts over the article's text; CJK characters count as words. */
export interface Stats {
  chars: number;
  words: number;
  reading_minutes: number;
}

/** The kind of a warning: stable codes, each documented in the README. */
export type WarningCode =
  | "encoding-damaged"
  | "encoding-guessed"
  | "front-matter-unclosed"
  | "javascript-front-matter"
  | "front-matter-not-mapping"
  | "yaml-broken"
  | "toml-broken"
  | "json-broken"
  | "key-duplicate"
  | "front-matter-too-repetitive"
  | "front-matter-too-deep"
  | "value-wrong-kind"
  | "entry-wrong-kind"
  | "author-unnamed"
  | "date-out-of-range"
  | "date-unreadable"
  | "url-unsafe"
  | "lang-invalid"
  | "dir-invalid"
  | "syntax-unknown";

/** Something odd in the file that did not stop it from rendering. */
export interface Warning {
  /** Stable kebab-case code, for saying it in any language. */
  code: WarningCode;
  /** The same in one English sentence (the fallback for a code a page does not know). */
  message: string;
  /** The 1-based line of the file it is about, when known. */
  line: number | null;
  /** What the sentence names (`{ key: "date", value: "someday" }`), by the code's param names. */
  params: Record<string, string>;
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
  /** Authors' names, as text. */
  authors: string[];
  /** An author's web address by name (passed the URL policy); authors without one are absent. */
  author_links: Record<string, string>;
  categories: string[];
  /** Category hierarchies (Hexo: a flat list is one path), each shown as a breadcrumb. */
  category_paths: string[][];
  tags: string[];
  /** Image URL that passed the URL policy. */
  cover: string | null;
  /** Where the article was first published (front matter `source`/`url`…, a page's canonical URL). */
  source_url: string | null;
  /** What the front matter (or a page's description) gives, as plain text: the page shows it. */
  summary: string | null;
  /** Without a summary: the text before `<!-- more -->`, else the body's opening, for lists. */
  excerpt: string | null;
  lang: string | null;
  /** The text's direction, to set as `dir` on the article and its metadata; null when unknown. */
  dir: "rtl" | "ltr" | null;
  format: "markdown" | "html";
  front_matter: "yaml" | "toml" | "json" | null;
  /** WHATWG encoding label, e.g. "UTF-8", "GBK". */
  encoding: string;
  /** Sanitized HTML, safe to insert: the only HTML a viewer inserts ("" with `includeHtml: false`,
   * and with `htmlBytes: true`, which gives it as bytes: see RenderOptions). */
  html: string;
  /** The body's plain text, one block a line, with `includeText: true`; else null. Its
   * UTF-8 bytes with `textBytes: true` as well. */
  text: string | Uint8Array | null;
  toc: TocEntry[];
  /** Every relative reference in the body, in order (none when a base URL resolves them). */
  links: Link[];
  stats: Stats;
  /** What was odd but did not stop rendering, for the reader. */
  warnings: Warning[];
  /** The whole front matter. */
  extra: Record<string, unknown>;
  draft: boolean;
  /** Boilerplate kept in `html` but marked `data-folio-hidden="kind"`, counted by kind. */
  hidden: { kind: "app-promo" | "video-player" | "share" | "comments" | "poll" | "related" | "subscribe" | "page-label" | "breadcrumb" | "tracking-pixel" | "page-hidden"; count: number }[];
  /** The site's name from a whole page's metadata (`og:site_name` …). */
  site_name: string | null;
}

/** What `render` throws when a file cannot be shown at all (a real `Error`). */
export interface RenderError extends Error {
  /** `empty`, `binary`, `too-large`, `bad-option`, or `not-ready` (params `{ tier }`) when
   * this module lacks the tier the file needs. */
  code: "empty" | "binary" | "too-large" | "bad-option" | "not-ready";
  /** What the message names, for saying it in another language (`{ kind: "PNG image" }`). */
  params: Record<string, string>;
}

/** Options for `render`. */
export interface RenderOptions {
  /** The file's name; its extension hints at the format (`.md`, `.html`). */
  fileName?: string;
  /** Resolves the article's relative links and images. */
  baseUrl?: string;
  /** Return the body's plain text in `text` (default false). */
  includeText?: boolean;
  /** Write the body's HTML (default true); false for an index: everything else, faster. */
  includeHtml?: boolean;
  /** With `includeText`: `text` as UTF-8 bytes (a `Uint8Array`), for a caller that passes
   * the text on without reading it (default false): no string is made. */
  textBytes?: boolean;
  /** The HTML as UTF-8 bytes (a `Uint8Array`) in an extra member of the result,
   * `html_bytes`, and `html` "": for a worker that hands the article on (the bytes move; a
   * string would be copied). Default false. */
  htmlBytes?: boolean;
}
"#;

/// Installs the panic hook so a bug shows its message in the console.
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}

/// Renders an article from a string or the file's bytes (`Uint8Array`). Throws a
/// `RenderError` (see the types above) when the file cannot be shown.
#[wasm_bindgen(js_name = render, unchecked_return_type = "Article")]
pub fn render(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RenderOptions | undefined")] options: JsValue,
) -> Result<JsValue, js_sys::Error> {
    let bytes = input_bytes(&input, "render")?;
    let text_bytes = read_flag(&options, "textBytes", false)?;
    let html_bytes = read_flag(&options, "htmlBytes", false)?;
    let options = read_options(&options)?;
    let mut article = crate::render(&bytes, &options).map_err(|e| into_error(&e))?;
    // The same object as `folio render --json`, through the browser's JSON.parse (a
    // smaller module than building it value by value); the two long strings, the HTML
    // and the text, cross as strings, never escaped into JSON and read back.
    let html = std::mem::take(&mut article.html);
    let text = article.text.take();
    let json = serde_json::to_string(&article).map_err(|e| js_sys::Error::new(&e.to_string()))?;
    let object = js_sys::JSON::parse(&json)
        .map_err(|_| js_sys::Error::new("The article could not be handed over."))?;
    if html_bytes {
        let bytes = js_sys::Uint8Array::from(html.as_bytes());
        let _ = js_sys::Reflect::set(&object, &"html".into(), &JsValue::from_str(""));
        let _ = js_sys::Reflect::set(&object, &"html_bytes".into(), &bytes);
    } else {
        let _ = js_sys::Reflect::set(&object, &"html".into(), &JsValue::from_str(&html));
    }
    if let Some(text) = text {
        let text: JsValue = if text_bytes {
            js_sys::Uint8Array::from(text.as_bytes()).into()
        } else {
            JsValue::from_str(&text)
        };
        let _ = js_sys::Reflect::set(&object, &"text".into(), &text);
    }
    Ok(object)
}

/// Reads the core's render options (`fileName`, `baseUrl`, `includeText`, `includeHtml`);
/// `undefined` or `null` gives the defaults.
fn read_options(value: &JsValue) -> Result<Options, js_sys::Error> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() {
        return Err(bad_option(
            "options",
            "The render options must be an object.",
        ));
    }
    let text = |name: &str| -> Result<Option<String>, js_sys::Error> {
        let v = option_field(value, name);
        if v.is_undefined() || v.is_null() {
            return Ok(None);
        }
        v.as_string().map(Some).ok_or_else(|| {
            bad_option(
                name,
                &format!("The render option “{name}” must be a string."),
            )
        })
    };
    options.file_name = text("fileName")?;
    options.base_url = text("baseUrl")?;
    options.include_text = read_flag(value, "includeText", false)?;
    options.include_html = read_flag(value, "includeHtml", true)?;
    Ok(options)
}

/// One field of the options object (`undefined` when there is no object).
fn option_field(options: &JsValue, name: &str) -> JsValue {
    if !options.is_object() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// A true-or-false option; absent gives `default`.
fn read_flag(options: &JsValue, name: &str, default: bool) -> Result<bool, js_sys::Error> {
    let v = option_field(options, name);
    if v.is_undefined() || v.is_null() {
        return Ok(default);
    }
    v.as_bool().ok_or_else(|| {
        bad_option(
            name,
            &format!("The render option “{name}” must be true or false."),
        )
    })
}

/// The tiers a file needs besides the light one (`"html"`, `"legacy"`, `"toml"`),
/// judged cheaply and conservatively from its bytes and name, so that a loader can
/// fetch them before (or while) rendering.
#[wasm_bindgen(js_name = needs, unchecked_return_type = "string[]")]
pub fn needs(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] input: JsValue,
    file_name: Option<String>,
) -> Result<JsValue, js_sys::Error> {
    let bytes = input_bytes(&input, "needs")?;
    let tiers = crate::needs(&bytes, file_name.as_deref());
    Ok(tier_names(tiers.into_iter()))
}

/// The tiers this module holds (`[]` for the light tier alone).
#[wasm_bindgen(js_name = tiers, unchecked_return_type = "string[]")]
pub fn tiers() -> JsValue {
    let all = [crate::Tier::Html, crate::Tier::Legacy, crate::Tier::Toml];
    tier_names(all.into_iter().filter(|t| t.is_built_in()))
}

fn tier_names(tiers: impl Iterator<Item = crate::Tier>) -> JsValue {
    tiers
        .map(|t| JsValue::from_str(t.name()))
        .collect::<js_sys::Array>()
        .into()
}

/// The bytes of a string or `Uint8Array` argument of `function`.
fn input_bytes(input: &JsValue, function: &str) -> Result<Vec<u8>, js_sys::Error> {
    match input.as_string() {
        Some(text) => Ok(text.into_bytes()),
        None => Ok(input
            .dyn_ref::<js_sys::Uint8Array>()
            .ok_or_else(|| {
                bad_option(
                    "input",
                    &format!("{function}() takes a string or a Uint8Array."),
                )
            })?
            .to_vec()),
    }
}

/// The JS `Error` for a core error: its message, `code` and `params`.
fn into_error(e: &Error) -> js_sys::Error {
    js_error(&e.to_string(), e.kind(), e.params())
}

/// A `bad-option` error raised by the binding itself (an argument of the wrong kind).
fn bad_option(option: &str, message: &str) -> js_sys::Error {
    js_error(
        message,
        ErrorKind::BadOption,
        &[
            ("option", option.to_string()),
            ("detail", message.to_string()),
        ],
    )
}

fn js_error(message: &str, kind: ErrorKind, params: &[(&str, String)]) -> js_sys::Error {
    let error = js_sys::Error::new(message);
    let object = js_sys::Object::new();
    for (name, value) in params {
        let _ = js_sys::Reflect::set(&object, &(*name).into(), &value.into());
    }
    let _ = js_sys::Reflect::set(&error, &"code".into(), &kind.code().into());
    let _ = js_sys::Reflect::set(&error, &"params".into(), &object);
    error
}
