//! The WASM API in a real browser (Debian's Chromium through chromedriver):
//! inputs built as JS values, outputs turned back into Rust and compared whole.
//! Run with `make test-wasm` (wasm-pack test --headless --chrome).
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
fn string_and_bytes_give_the_same_article() {
    let text = "---\ntitle: 你好\ntags: [a, b]\ndate: 2022-04-21 09:00:35\n---\n# Heading\n\nBody";
    let from_string = folio::wasm::render(
        JsValue::from_str(text),
        options(r#"{"fileName":"post.md"}"#),
    )
    .unwrap();
    let bytes = js_sys::Uint8Array::from(text.as_bytes());
    let from_bytes =
        folio::wasm::render(bytes.into(), options(r#"{"fileName":"post.md"}"#)).unwrap();
    let a: folio::Article = serde_wasm_bindgen::from_value(from_string).unwrap();
    let b: folio::Article = serde_wasm_bindgen::from_value(from_bytes).unwrap();
    assert_eq!(a, b);
    let native = folio::render(
        text.as_bytes(),
        &folio::Options {
            file_name: Some("post.md".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(a, native);
    assert_eq!(a.title.as_deref(), Some("你好"));
    assert_eq!(a.date.as_deref(), Some("2022-04-21T09:00:35"));
}

#[wasm_bindgen_test]
fn maps_arrive_as_plain_objects_and_missing_as_null() {
    let out = folio::wasm::render(
        JsValue::from_str("---\nnested: {a: 1}\n---\nx"),
        JsValue::UNDEFINED,
    )
    .unwrap();
    let extra = js_sys::Reflect::get(&out, &"extra".into()).unwrap();
    assert!(extra.is_object() && !extra.is_instance_of::<js_sys::Map>());
    let nested = js_sys::Reflect::get(&extra, &"nested".into()).unwrap();
    assert_eq!(
        js_sys::Reflect::get(&nested, &"a".into()).unwrap().as_f64(),
        Some(1.0)
    );
    assert!(js_sys::Reflect::get(&out, &"cover".into())
        .unwrap()
        .is_null());
}

#[wasm_bindgen_test]
fn errors_are_real_js_errors_with_the_readers_message() {
    let png = js_sys::Uint8Array::from(&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..]);
    let err = folio::wasm::render(png.into(), JsValue::UNDEFINED).unwrap_err();
    let err: JsValue = err.into();
    assert!(err.is_instance_of::<js_sys::Error>());
    let message: String = js_sys::Error::from(err).message().into();
    assert!(message.contains("PNG"), "{message}");
    let err: JsValue = folio::wasm::render(JsValue::from_f64(3.0), JsValue::UNDEFINED)
        .unwrap_err()
        .into();
    assert!(err.is_instance_of::<js_sys::Error>());
}

/// What a failed render threw: a real `Error`, its message, `code` and `params`.
fn thrown(input: JsValue, options: JsValue) -> (String, String, BTreeMap<String, String>) {
    let err: JsValue = folio::wasm::render(input, options).unwrap_err().into();
    assert!(err.is_instance_of::<js_sys::Error>());
    let code = js_sys::Reflect::get(&err, &"code".into()).unwrap();
    let params = js_sys::Reflect::get(&err, &"params".into()).unwrap();
    let message: String = js_sys::Error::from(err).message().into();
    (
        message,
        code.as_string().expect("code is a string"),
        serde_wasm_bindgen::from_value(params).expect("params is an object of strings"),
    )
}

fn params(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[wasm_bindgen_test]
fn each_kind_of_error_has_its_code_and_params() {
    let (message, code, p) = thrown(JsValue::from_str(""), JsValue::UNDEFINED);
    assert_eq!(
        (message.as_str(), code.as_str()),
        ("This file is empty.", "empty")
    );
    assert_eq!(p, params(&[]));

    let png = js_sys::Uint8Array::from(&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..]);
    let (message, code, p) = thrown(png.into(), JsValue::UNDEFINED);
    assert_eq!(message, "This is a PNG image, not an article.");
    assert_eq!(code, "binary");
    assert_eq!(p, params(&[("kind", "PNG image")]));

    let nul = js_sys::Uint8Array::from(&b"text\0more text"[..]);
    let (_, code, p) = thrown(nul.into(), JsValue::UNDEFINED);
    assert_eq!(code, "binary");
    assert_eq!(p, params(&[("kind", "binary file"), ("sign", "NUL bytes")]));

    let big = js_sys::Uint8Array::new_with_length(folio::MAX_INPUT_BYTES as u32 + 1);
    let (message, code, p) = thrown(big.into(), JsValue::UNDEFINED);
    assert!(message.contains("32 MB"), "{message}");
    assert_eq!(code, "too-large");
    let size = (folio::MAX_INPUT_BYTES + 1).to_string();
    let limit = folio::MAX_INPUT_BYTES.to_string();
    assert_eq!(p, params(&[("size", &size), ("limit", &limit)]));

    let (message, code, p) = thrown(JsValue::from_str("# x"), options(r#"{"baseUrl":"posts/"}"#));
    assert!(message.contains("“posts/”"), "{message}");
    assert_eq!(code, "bad-option");
    assert_eq!(p, params(&[("option", "baseUrl"), ("value", "posts/")]));
}

#[wasm_bindgen_test]
fn wrong_arguments_are_bad_options() {
    let (message, code, p) = thrown(JsValue::from_f64(3.0), JsValue::UNDEFINED);
    assert_eq!(code, "bad-option");
    assert_eq!(p["option"], "input");
    assert_eq!(p["detail"], message);
    let (message, code, p) = thrown(JsValue::from_str("x"), options(r#"{"fileName":5}"#));
    assert_eq!(code, "bad-option");
    assert_eq!(p["option"], "fileName");
    assert_eq!(p["detail"], message);
    let (_, code, p) = thrown(JsValue::from_str("x"), options(r#"{"includeHtml":"no"}"#));
    assert_eq!(
        (code.as_str(), p["option"].as_str()),
        ("bad-option", "includeHtml")
    );
    let (_, code, p) = thrown(JsValue::from_str("x"), JsValue::from_str("post.md"));
    assert_eq!(
        (code.as_str(), p["option"].as_str()),
        ("bad-option", "options")
    );
}

/// YAML floats are read by the browser's `parseFloat` in WebAssembly (no float parser
/// in the module): the same correctly rounded doubles as Rust's own parser natively.
#[wasm_bindgen_test]
fn yaml_floats_are_the_doubles_rust_reads() {
    let floats = [
        "1.5",
        "-0.0",
        "+2.25",
        ".5",
        "5.",
        "1e3",
        "1E-7",
        "2.5e+10",
        "0.1",
        "0.30000000000000004",
        "1.7976931348623157e308",
        "4.9e-324",
        "2.2250738585072011e-308",
        "123456789012345678901234.5",
        "9007199254740993.0",
        "3.14159265358979323846264338327950288",
    ];
    for text in floats {
        let out = folio::wasm::render(
            JsValue::from_str(&format!("---\nx: {text}\n---\nbody")),
            JsValue::UNDEFINED,
        )
        .unwrap();
        let extra = js_sys::Reflect::get(&out, &"extra".into()).unwrap();
        let x = js_sys::Reflect::get(&extra, &"x".into()).unwrap().as_f64();
        let want: f64 = text.parse().unwrap();
        assert_eq!(x.map(f64::to_bits), Some(want.to_bits()), "{text}");
    }
}

#[wasm_bindgen_test]
fn an_index_render_gives_text_and_links_without_html() {
    let md = "Intro with [[Note|a note]] and ![pic](img/a%20b.png).\n\n<!-- more -->\n\nRest.";
    let out = folio::wasm::render(
        JsValue::from_str(md),
        options(r#"{"fileName":"n.md","includeText":true,"includeHtml":false}"#),
    )
    .unwrap();
    let a: folio::Article = serde_wasm_bindgen::from_value(out.clone()).unwrap();
    assert_eq!(a.html, "");
    assert_eq!(a.text.as_deref(), Some("Intro with a note and .\nRest."));
    assert_eq!(a.excerpt.as_deref(), Some("Intro with a note and ."));
    let links = js_sys::Reflect::get(&out, &"links".into()).unwrap();
    let first = js_sys::Reflect::get(&links, &0.into()).unwrap();
    assert_eq!(
        js_sys::Reflect::get(&first, &"kind".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("wikilink")
    );
    let second = js_sys::Reflect::get(&links, &1.into()).unwrap();
    assert_eq!(
        js_sys::Reflect::get(&second, &"target".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("img/a b.png")
    );
    // By default the HTML is written and the text is not returned.
    let full = folio::wasm::render(JsValue::from_str(md), JsValue::UNDEFINED).unwrap();
    let full: folio::Article = serde_wasm_bindgen::from_value(full).unwrap();
    assert!(full.html.contains(r#"<a class="wikilink" href="Note""#));
    assert_eq!(full.text, None);
    assert_eq!(full.links, a.links);
}

#[wasm_bindgen_test]
fn the_text_comes_as_utf8_bytes_when_asked() {
    let md = "# 标题\n\n正文，full-width comma.";
    let as_text = folio::wasm::render(
        JsValue::from_str(md),
        options(r#"{"includeText":true,"includeHtml":false}"#),
    )
    .unwrap();
    let as_bytes = folio::wasm::render(
        JsValue::from_str(md),
        options(r#"{"includeText":true,"includeHtml":false,"textBytes":true}"#),
    )
    .unwrap();
    let text = js_sys::Reflect::get(&as_text, &"text".into()).unwrap();
    let bytes = js_sys::Reflect::get(&as_bytes, &"text".into()).unwrap();
    assert!(bytes.is_instance_of::<js_sys::Uint8Array>());
    let bytes = js_sys::Uint8Array::from(bytes).to_vec();
    assert_eq!(String::from_utf8(bytes).ok(), text.as_string());
    // Without includeText there is no text, bytes or not; a flag that is not a boolean is refused.
    let none =
        folio::wasm::render(JsValue::from_str(md), options(r#"{"textBytes":true}"#)).unwrap();
    assert!(js_sys::Reflect::get(&none, &"text".into())
        .unwrap()
        .is_null());
    assert!(folio::wasm::render(JsValue::from_str(md), options(r#"{"textBytes":"yes"}"#)).is_err());
}

#[wasm_bindgen_test]
fn the_html_comes_as_utf8_bytes_when_asked() {
    let md = "# 标题\n\n正文 *emphasis* and a [link](https://example.com/).";
    let as_string = folio::wasm::render(JsValue::from_str(md), JsValue::UNDEFINED).unwrap();
    let as_bytes =
        folio::wasm::render(JsValue::from_str(md), options(r#"{"htmlBytes":true}"#)).unwrap();
    let html = js_sys::Reflect::get(&as_string, &"html".into()).unwrap();
    assert!(js_sys::Reflect::get(&as_string, &"html_bytes".into())
        .unwrap()
        .is_undefined());
    let bytes = js_sys::Reflect::get(&as_bytes, &"html_bytes".into()).unwrap();
    assert!(bytes.is_instance_of::<js_sys::Uint8Array>());
    let bytes = js_sys::Uint8Array::from(bytes).to_vec();
    assert!(html
        .as_string()
        .is_some_and(|h| h.contains("<em>emphasis</em>")));
    assert_eq!(String::from_utf8(bytes).ok(), html.as_string());
    let empty = js_sys::Reflect::get(&as_bytes, &"html".into()).unwrap();
    assert_eq!(empty.as_string().as_deref(), Some(""));
    assert!(folio::wasm::render(JsValue::from_str(md), options(r#"{"htmlBytes":1}"#)).is_err());
}

#[wasm_bindgen_test]
fn warnings_author_links_and_direction_arrive_as_plain_values() {
    let text = "---\ntitle: x\ndate: someday\nauthor: '<a href=\"https://halu.lu\">Halulu</a>'\nlang: he\n---\nBody";
    let out = folio::wasm::render(JsValue::from_str(text), JsValue::UNDEFINED).unwrap();
    let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).unwrap();
    let warnings = get(&out, "warnings");
    assert!(js_sys::Array::is_array(&warnings));
    let first = js_sys::Array::from(&warnings).get(0);
    assert_eq!(
        get(&first, "code").as_string().as_deref(),
        Some("date-unreadable")
    );
    assert_eq!(get(&first, "line").as_f64(), Some(3.0));
    let params = get(&first, "params");
    assert!(params.is_object() && !params.is_instance_of::<js_sys::Map>());
    assert_eq!(
        get(&params, "value").as_string().as_deref(),
        Some("someday")
    );
    let links = get(&out, "author_links");
    assert!(links.is_object() && !links.is_instance_of::<js_sys::Map>());
    assert_eq!(
        get(&links, "Halulu").as_string().as_deref(),
        Some("https://halu.lu/")
    );
    assert_eq!(get(&out, "dir").as_string().as_deref(), Some("rtl"));
    assert!(get(&out, "source_url").is_null());
    let a: folio::Article = serde_wasm_bindgen::from_value(out).unwrap();
    assert_eq!(
        a,
        folio::render(text.as_bytes(), &Default::default()).unwrap()
    );
    // A decoding warning has no line: null, not undefined.
    let mut damaged = "中文正文".repeat(20).into_bytes();
    damaged.push(0xff);
    let out = folio::wasm::render(
        js_sys::Uint8Array::from(&damaged[..]).into(),
        JsValue::UNDEFINED,
    )
    .unwrap();
    let first = js_sys::Array::from(&get(&out, "warnings")).get(0);
    assert_eq!(
        get(&first, "code").as_string().as_deref(),
        Some("encoding-damaged")
    );
    assert!(get(&first, "line").is_null());
}
