//! A prototype full-text index with the library's rules (CJK as overlapping bigrams plus
//! a run's last character, other scripts as lower-cased words; title, tags and authors
//! weighted above the body; every query word required; the last word matched as a prefix),
//! to measure an index in the core against the JavaScript engines. Raw exports over the
//! module's memory: `alloc`, `add`, `search`, `results`. No stemming (the JS side stems).

use std::collections::HashMap;

/// Field weights, as the JS index: title, tags, authors, body.
const BOOST: [f32; 4] = [4.0, 2.5, 1.5, 1.0];
/// Fields arrive separated by U+001F.
const SEPARATOR: char = '\u{1f}';

#[derive(Default)]
struct Index {
    terms: HashMap<Box<str>, u32>,
    postings: Vec<Vec<(u32, f32)>>,
    /// Terms in order, for prefix lookups; rebuilt after additions.
    sorted: Vec<(Box<str>, u32)>,
    dirty: bool,
    lengths: Vec<f32>,
    total_length: f64,
}

static mut INDEX: Option<Index> = None;
static mut RESULTS: Vec<u32> = Vec::new();

#[allow(static_mut_refs)]
fn index() -> &'static mut Index {
    // SAFETY: WebAssembly here is single-threaded and nothing else touches INDEX.
    unsafe { INDEX.get_or_insert_with(Index::default) }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff
        | 0xac00..=0xd7af | 0x1100..=0x11ff | 0x3130..=0x318f | 0x20000..=0x2ffff | 0x3005)
}

/// One query part: the terms that must all match, and whether it is a prefix.
struct Part {
    terms: Vec<String>,
    cjk: bool,
}

/// Splits text into runs: (run, is_cjk).
fn runs(text: &str, mut each: impl FnMut(&str, bool)) {
    let mut start = None;
    let mut cjk = false;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric();
        let this_cjk = is_cjk(c);
        match start {
            Some(s) if !word || this_cjk != cjk => {
                each(&text[s..i], cjk);
                start = if word {
                    cjk = this_cjk;
                    Some(i)
                } else {
                    None
                };
            }
            None if word => {
                start = Some(i);
                cjk = this_cjk;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        each(&text[s..], cjk);
    }
}

fn tokens(text: &str, out: &mut Vec<String>) {
    runs(text, |run, cjk| {
        if cjk {
            let chars: Vec<char> = run.chars().collect();
            for pair in chars.windows(2) {
                out.push(pair.iter().collect());
            }
            if let Some(last) = chars.last() {
                out.push(last.to_string());
            }
        } else {
            out.push(run.to_lowercase());
        }
    });
}

impl Index {
    fn add(&mut self, text: &str) -> u32 {
        let doc = self.lengths.len() as u32;
        let mut weights: HashMap<u32, f32> = HashMap::new();
        let mut length = 0usize;
        let mut terms = Vec::new();
        for (field, body) in text.split(SEPARATOR).take(4).enumerate() {
            terms.clear();
            tokens(body, &mut terms);
            length += terms.len();
            for term in terms.drain(..) {
                let next = self.postings.len() as u32;
                let id = *self.terms.entry(term.into_boxed_str()).or_insert(next);
                if id == next {
                    self.postings.push(Vec::new());
                    self.dirty = true;
                }
                *weights.entry(id).or_insert(0.0) += BOOST[field];
            }
        }
        for (id, w) in weights {
            self.postings[id as usize].push((doc, w));
        }
        self.lengths.push(length as f32);
        self.total_length += length as f64;
        doc
    }

    fn prefixed(&mut self, prefix: &str) -> Vec<u32> {
        if self.dirty {
            self.sorted = self.terms.iter().map(|(t, id)| (t.clone(), *id)).collect();
            self.sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
            self.dirty = false;
        }
        let from = self.sorted.partition_point(|(t, _)| t.as_ref() < prefix);
        self.sorted[from..]
            .iter()
            .take_while(|(t, _)| t.starts_with(prefix))
            .take(64)
            .map(|(_, id)| *id)
            .collect()
    }

    /// Scores of the documents holding all of `ids` (AND) or any (OR).
    fn scores(&self, ids: &[u32], all: bool) -> HashMap<u32, f32> {
        let docs = self.lengths.len() as f32;
        let average = (self.total_length / self.lengths.len().max(1) as f64) as f32;
        let mut out: HashMap<u32, f32> = HashMap::new();
        let mut seen: HashMap<u32, u32> = HashMap::new();
        for &id in ids {
            let list = &self.postings[id as usize];
            let idf = ((docs - list.len() as f32 + 0.5) / (list.len() as f32 + 0.5) + 1.0).ln();
            for &(doc, w) in list {
                let norm = 1.2 * (0.25 + 0.75 * self.lengths[doc as usize] / average.max(1.0));
                *out.entry(doc).or_insert(0.0) += idf * w * 2.2 / (w + norm);
                *seen.entry(doc).or_insert(0) += 1;
            }
        }
        if all {
            out.retain(|doc, _| seen.get(doc) == Some(&(ids.len() as u32)));
        }
        out
    }

    fn search(&mut self, query: &str, limit: usize) -> Vec<u32> {
        let mut parts = Vec::new();
        runs(query, |run, cjk| {
            let mut terms = Vec::new();
            if cjk {
                let chars: Vec<char> = run.chars().collect();
                for pair in chars.windows(2) {
                    terms.push(pair.iter().collect());
                }
                if terms.is_empty() {
                    terms.push(run.to_string());
                }
            } else {
                terms.push(run.to_lowercase());
            }
            parts.push(Part { terms, cjk });
        });
        let mut total: Option<HashMap<u32, f32>> = None;
        let last = parts.len().saturating_sub(1);
        for (i, part) in parts.iter().enumerate() {
            let scores = if part.cjk && part.terms[0].chars().count() > 1 {
                let ids: Vec<u32> = part
                    .terms
                    .iter()
                    .filter_map(|t| self.terms.get(t.as_str()).copied())
                    .collect();
                if ids.len() < part.terms.len() {
                    HashMap::new()
                } else {
                    self.scores(&ids, true)
                }
            } else if i == last {
                let ids = self.prefixed(&part.terms[0]);
                self.scores(&ids, false)
            } else {
                match self.terms.get(part.terms[0].as_str()) {
                    Some(&id) => self.scores(&[id], true),
                    None => HashMap::new(),
                }
            };
            total = Some(match total {
                None => scores,
                Some(mut acc) => {
                    acc.retain(|doc, _| scores.contains_key(doc));
                    for (doc, s) in acc.iter_mut() {
                        *s += scores[doc];
                    }
                    acc
                }
            });
        }
        let mut ranked: Vec<(u32, f32)> = total.unwrap_or_default().into_iter().collect();
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(limit);
        ranked.into_iter().map(|(doc, _)| doc).collect()
    }
}

/// Reserves `len` bytes in the module's memory for the caller to write into.
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut buffer = Vec::<u8>::with_capacity(len);
    let ptr = buffer.as_mut_ptr();
    std::mem::forget(buffer);
    ptr
}

/// Frees what `alloc` reserved.
///
/// # Safety
/// `ptr` and `len` come from one `alloc` call.
#[no_mangle]
pub unsafe extern "C" fn free(ptr: *mut u8, len: usize) {
    drop(Vec::from_raw_parts(ptr, 0, len));
}

/// Adds a document (title, tags, authors, text separated by U+001F); returns its number.
///
/// # Safety
/// `ptr..ptr+len` holds UTF-8 written by the caller.
#[no_mangle]
pub unsafe extern "C" fn add(ptr: *const u8, len: usize) -> u32 {
    let text = std::str::from_utf8(std::slice::from_raw_parts(ptr, len)).unwrap_or("");
    index().add(text)
}

/// Searches; returns how many document numbers `results()` now points at.
///
/// # Safety
/// `ptr..ptr+len` holds UTF-8 written by the caller.
#[no_mangle]
#[allow(static_mut_refs)]
pub unsafe extern "C" fn search(ptr: *const u8, len: usize, limit: usize) -> usize {
    let query = std::str::from_utf8(std::slice::from_raw_parts(ptr, len)).unwrap_or("");
    let found = index().search(query, limit);
    RESULTS = found;
    RESULTS.len()
}

/// Where the last search's document numbers are (u32 each).
#[no_mangle]
#[allow(static_mut_refs)]
pub extern "C" fn results() -> *const u32 {
    // SAFETY: single-threaded; read right after `search`.
    unsafe { RESULTS.as_ptr() }
}
