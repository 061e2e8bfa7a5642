//! The whole render path on arbitrary bytes, as Markdown and as HTML: it must never
//! panic, its output must be a fixed point of the sanitizer, and an index render (no
//! HTML) must agree with the full one on everything else.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["post.md", "page.html"] {
        let options = folio::Options {
            file_name: Some(name.into()),
            include_text: true,
            ..Default::default()
        };
        if let Ok(article) = folio::render(data, &options) {
            let again = folio::test_hooks::sanitize(&article.html, None);
            let again = folio::test_hooks::outline(&again);
            assert_eq!(again, article.html, "sanitizing the output changed it");
            let index = folio::Options { include_html: false, ..options };
            let indexed = folio::render(data, &index).expect("the index render fails alone");
            let full = folio::Article { html: String::new(), ..article };
            assert_eq!(indexed, full, "the index render disagrees");
        }
    }
});
