//! Folio's full-text index for the library's search worker, as a small WebAssembly module
//! with raw exports over its memory (`www/library/search-wasm.js` is the other side).
//! The worker hands over each document's text; this module tokenizes it (`tokenize`: the
//! JS tokenizer's terms, CJK bigrams, Porter stems), keeps the postings and ranks, in a
//! third of MiniSearch's memory and several times faster (ARCHITECTURE.md, "Search:
//! measured, and the pick"). Queries come tokenized by the JS side (tokenize.js).
//!
//! Calls: `alloc` a buffer and write UTF-8 into it, then `add_text` (a document: its four
//! fields one after another, with their lengths) or `search` (see `index::parse_query`);
//! after `search`, `hit_docs`/`hit_scores` point at the hits and `matched` writes a hit's
//! matched terms to `out`; `terms` writes a text's terms to `out` (for the tests that hold
//! this tokenizer to the JS one). Invalid UTF-8 is refused, never trusted. The names are
//! exported unmangled on wasm32 only (natively `free` and `remove` would shadow the C
//! library's).

mod classes;
pub mod index;
pub mod stem;
pub mod tokenize;

use index::{parse_query, Hit, Index};
use std::cell::RefCell;
use tokenize::Tokenizer;

/// The module's state: one index, the last search's hits and term ids, an output buffer.
#[derive(Default)]
struct State {
    index: Index,
    hits: Vec<Hit>,
    docs: Vec<u32>,
    scores: Vec<f32>,
    seen: Vec<u32>,
    out: Vec<u8>,
    /// For `terms` (the index has its own).
    tokenizer: Option<Box<Tokenizer>>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

/// Reads `len` bytes the caller wrote at `ptr` as UTF-8.
///
/// # Safety
/// `ptr..ptr+len` lies in memory `alloc` gave.
unsafe fn text<'a>(ptr: *const u8, len: usize) -> Option<&'a str> {
    if ptr.is_null() {
        return None;
    }
    std::str::from_utf8(std::slice::from_raw_parts(ptr, len)).ok()
}

/// Reserves `len` bytes for the caller to write into.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut buffer = Vec::<u8>::with_capacity(len.max(1));
    let ptr = buffer.as_mut_ptr();
    std::mem::forget(buffer);
    ptr
}

/// Frees what `alloc` reserved.
///
/// # Safety
/// `ptr` and `len` are those of one `alloc` call.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub unsafe extern "C" fn free(ptr: *mut u8, len: usize) {
    drop(Vec::from_raw_parts(ptr, 0, len.max(1)));
}

/// Adds a document from its fields' UTF-8 text, written one after another at `ptr`:
/// `title`, `tags`, `authors` and `body` bytes long (NFKC-normalized by the caller when
/// they hold compatibility characters). Returns its number, or `u32::MAX` when the bytes
/// are not UTF-8 or a length does not fall between characters.
///
/// # Safety
/// `ptr..ptr+title+tags+authors+body` lies in memory `alloc` gave.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub unsafe extern "C" fn add_text(
    ptr: *const u8,
    title: usize,
    tags: usize,
    authors: usize,
    body: usize,
) -> u32 {
    let lengths = [title, tags, authors, body];
    let Some(doc) = lengths
        .iter()
        .try_fold(0usize, |sum, &n| sum.checked_add(n))
        .and_then(|len| text(ptr, len))
    else {
        return u32::MAX;
    };
    let mut fields = [""; 4];
    let mut from = 0;
    for (slot, len) in fields.iter_mut().zip(lengths) {
        let Some(field) = doc.get(from..from + len) else {
            return u32::MAX;
        };
        *slot = field;
        from += len;
    }
    STATE.with_borrow_mut(|s| s.index.add_text(&fields))
}

/// Writes the terms of `len` bytes of UTF-8 at `ptr` to `out`, each followed by a space
/// (a term holds none); returns the length written, or `usize::MAX` for bytes that are not UTF-8.
///
/// # Safety
/// `ptr..ptr+len` lies in memory `alloc` gave.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub unsafe extern "C" fn terms(ptr: *const u8, len: usize) -> usize {
    let Some(text) = text(ptr, len) else {
        return usize::MAX;
    };
    STATE.with_borrow_mut(|s| {
        let tokenizer = s.tokenizer.take().unwrap_or_default();
        s.out.clear();
        tokenizer.terms(text, |term| {
            s.out.extend_from_slice(term.as_bytes());
            s.out.push(b' ');
        });
        s.tokenizer = Some(tokenizer);
        s.out.len()
    })
}

/// Forgets a document by number (unknown numbers are ignored).
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn remove(doc: u32) {
    STATE.with_borrow_mut(|s| s.index.remove(doc));
}

/// Forgets every document.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn clear() {
    STATE.with_borrow_mut(|s| {
        s.index.clear();
        *s = State {
            index: std::mem::take(&mut s.index),
            tokenizer: s.tokenizer.take(),
            ..State::default()
        };
    });
}

/// Documents indexed.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn count() -> u32 {
    STATE.with_borrow(|s| s.index.len())
}

/// Searches; returns how many documents matched (the best `limit` are the hits).
///
/// # Safety
/// `ptr..ptr+len` lies in memory `alloc` gave.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub unsafe extern "C" fn search(ptr: *const u8, len: usize, limit: usize) -> u32 {
    let query = text(ptr, len).unwrap_or("");
    STATE.with_borrow_mut(|s| {
        s.seen.clear();
        let (hits, total) = s.index.search(&parse_query(query), limit, &mut s.seen);
        // Sorted once here, not for every hit's `matched` call.
        s.seen.sort_unstable();
        s.seen.dedup();
        s.docs = hits.iter().map(|h| h.0).collect();
        s.scores = hits.iter().map(|h| h.1).collect();
        s.hits = hits;
        total as u32
    })
}

/// How many hits the last search kept.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn hits() -> u32 {
    STATE.with_borrow(|s| s.hits.len() as u32)
}

/// The last search's hits' document numbers (u32 each, `hits()` of them).
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn hit_docs() -> *const u32 {
    STATE.with_borrow(|s| s.docs.as_ptr())
}

/// The last search's hits' scores (f32 each).
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn hit_scores() -> *const f32 {
    STATE.with_borrow(|s| s.scores.as_ptr())
}

/// Writes the terms the `rank`-th hit matched to `out` (space-separated); returns the length.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn matched(rank: u32) -> usize {
    STATE.with_borrow_mut(|s| {
        let State {
            index,
            hits,
            seen,
            out,
            ..
        } = s;
        out.clear();
        let Some(&(doc, _)) = hits.get(rank as usize) else {
            return 0;
        };
        for term in index.matched_terms(doc, seen) {
            if !out.is_empty() {
                out.push(b' ');
            }
            out.extend_from_slice(term.as_bytes());
        }
        out.len()
    })
}

/// Where `matched` wrote.
#[cfg_attr(target_arch = "wasm32", no_mangle)]
pub extern "C" fn out() -> *const u8 {
    STATE.with_borrow(|s| s.out.as_ptr())
}
