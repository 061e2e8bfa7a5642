//! The WASM API in a real browser (Debian's Chromium through chromedriver):
//! inputs built as JS values, outputs turned back into Rust and compared whole.
//! Run with `make test-wasm` (wasm-pack test --headless --chrome).
#![cfg(target_arch = "wasm32")]

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
