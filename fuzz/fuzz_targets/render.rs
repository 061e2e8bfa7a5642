//! The whole render path on arbitrary bytes, as Markdown and as HTML: it must never
//! panic, and its output must be a fixed point of the sanitizer.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["post.md", "page.html"] {
        let options = folio::Options { file_name: Some(name.into()), base_url: None };
        if let Ok(article) = folio::render(data, &options) {
            let again = folio::test_hooks::sanitize(&article.html, None);
            let again = folio::test_hooks::outline(&again);
            assert_eq!(again, article.html, "sanitizing the output changed it");
        }
    }
});
