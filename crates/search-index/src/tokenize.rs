//! Splits a document's text into search terms exactly as the library's JS tokenizer does
//! (www/library/tokenize.js `tokenize`), so documents are tokenized here while queries,
//! tokenized there, find them. Words are runs of letters, digits and marks, with inner
//! apostrophes followed by letters or marks kept; a word's CJK runs become overlapping
//! bigrams plus the run's last character; other runs are lower-cased as JS lower-cases,
//! lose a final `'s` and their apostrophes, and are stemmed (Porter) when plain ASCII
//! letters. The caller NFKC-normalizes text holding compatibility characters first (the JS
//! side does, with the browser's tables). tests/unit/search-rust-tokenize.test.mjs holds
//! the two tokenizers to each other over every code point and every corpus text.

use crate::classes::RANGES;
use crate::stem::stem;

/// A letter, digit or mark (`[\p{L}\p{N}\p{M}]`).
const WORD: u8 = 1;
/// A letter or mark (`[\p{L}\p{M}]`): what may follow an inner apostrophe.
const LETTER: u8 = 2;
/// Han, kana, Hangul, `々`, `ー` (matches.js `CJK`): written without spaces.
const CJK: u8 = 4;
/// `'` or `’`.
const APOSTROPHE: u8 = 8;

/// The class bits of a code point, from the generated ranges.
fn lookup(point: u32) -> u8 {
    let at = RANGES.partition_point(|&r| r >> 3 <= point);
    // RANGES starts at code point 0, so `at` ≥ 1.
    let bits = RANGES.get(at.wrapping_sub(1)).map_or(0, |&r| (r & 7) as u8);
    if point == u32::from('\'') || point == u32::from('’') {
        bits | APOSTROPHE
    } else {
        bits
    }
}

/// A reusable tokenizer: the classes of the Basic Multilingual Plane in a table (looked up
/// once a character, the scan's most frequent step).
pub struct Tokenizer {
    bmp: Box<[u8; 0x10000]>,
}

impl Default for Tokenizer {
    fn default() -> Self {
        let mut bmp = Box::new([0; 0x10000]);
        for (point, bits) in (0..).zip(bmp.iter_mut()) {
            *bits = lookup(point);
        }
        Tokenizer { bmp }
    }
}

impl Tokenizer {
    /// Calls `each` with every term of `text`, in order (repeats kept: they count; a run
    /// that normalizes to nothing, such as a lone `'s` between CJK characters, gives `""`
    /// as the JS tokenizer does).
    ///
    /// # Examples
    /// ```
    /// let mut terms = Vec::new();
    /// let mut tokenizer = folio_search_index::tokenize::Tokenizer::default();
    /// tokenizer.terms("Indexing the library's 中文字", |t| terms.push(t.to_string()));
    /// assert_eq!(terms, ["index", "the", "librari", "中文", "文字", "字"]);
    /// ```
    pub fn terms(&self, text: &str, mut each: impl FnMut(&str)) {
        let mut word = String::new();
        self.runs(text, &mut |run, cjk| {
            if cjk {
                bigrams(run, &mut each);
            } else {
                normalize(run, &mut word);
                each(&word);
            }
        });
    }

    /// Calls `each(run, cjk)` for every run of a word in `text`, in order: a CJK run (to be
    /// cut into `bigrams`) or a word of another script, as written (to be `normalize`d).
    ///
    /// # Examples
    /// ```
    /// let mut runs = Vec::new();
    /// let tokenizer = folio_search_index::tokenize::Tokenizer::default();
    /// tokenizer.runs("It's Hexo部署", &mut |run, cjk| runs.push((run.to_string(), cjk)));
    /// assert_eq!(runs, [("It's".into(), false), ("Hexo".into(), false), ("部署".into(), true)]);
    /// ```
    pub fn runs(&self, text: &str, each: &mut dyn FnMut(&str, bool)) {
        let class = |i: usize| class_at(&self.bmp, text, i);
        let n = text.len();
        // The characters from `i` (its class and width given) while their class has a bit
        // of `mask`: where they end, the class and width of the character there (if there
        // is one), and the classes met.
        let span = |mut i: usize, (mut bits, mut width): (u8, usize), mask: u8| {
            let mut seen = 0;
            loop {
                seen |= bits;
                i += width;
                if i >= n {
                    break;
                }
                (bits, width) = class(i);
                if bits & mask == 0 {
                    break;
                }
            }
            (i, bits, width, seen)
        };
        let mut i = 0;
        while i < n {
            let first = class(i);
            if first.0 & WORD == 0 {
                i += first.1;
                continue;
            }
            let start = i;
            // Letters, digits and marks…
            let (mut bits, mut width, mut seen);
            (i, bits, width, seen) = span(i, first, WORD);
            // …then, as long as there are, an apostrophe and letters or marks (`bits` and
            // `width` are those of the character at `i`, while there is one).
            while i < n && bits & APOSTROPHE != 0 && i + width < n {
                let next = class(i + width);
                if next.0 & LETTER == 0 {
                    break;
                }
                let more;
                (i, bits, width, more) = span(i + width, next, LETTER);
                seen |= more;
            }
            if seen & CJK == 0 {
                each(&text[start..i], false);
                continue;
            }
            // CJK runs and the other runs of the word apart.
            let mut from = start;
            let mut cjk = class(start).0 & CJK != 0;
            let mut k = start;
            while k < i {
                let (bits, width) = class(k);
                if (bits & CJK != 0) != cjk {
                    each(&text[from..k], cjk);
                    from = k;
                    cjk = !cjk;
                }
                k += width;
            }
            each(&text[from..i], cjk);
        }
    }
}

/// The class bits of the character at byte `i` of `text` (a character boundary), and its
/// length in bytes. Decoded here from the lead byte: the text is UTF-8 (a `str`).
#[inline]
fn class_at(bmp: &[u8; 0x10000], text: &str, i: usize) -> (u8, usize) {
    let bytes = text.as_bytes();
    let lead = u32::from(bytes[i]);
    let next = |k: usize| u32::from(bytes.get(i + k).copied().unwrap_or(0) & 0x3f);
    let (point, width) = match lead {
        0..0x80 => return (bmp[lead as usize], 1),
        0x80..0xe0 => ((lead & 0x1f) << 6 | next(1), 2),
        0xe0..0xf0 => ((lead & 0x0f) << 12 | next(1) << 6 | next(2), 3),
        _ => {
            let point = (lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3);
            return (lookup(point), 4);
        }
    };
    (bmp[(point & 0xffff) as usize], width)
}

/// Calls `each` with the bigrams of a CJK run, then its last character.
pub fn bigrams(run: &str, each: &mut impl FnMut(&str)) {
    let mut starts = run.char_indices().map(|(i, _)| i).chain([run.len()]);
    let (Some(mut a), Some(mut b)) = (starts.next(), starts.next()) else {
        return;
    };
    for c in starts {
        each(&run[a..c]);
        (a, b) = (b, c);
    }
    each(&run[a..b]);
}

/// One word of a non-CJK script as a term, into `out`: lower-cased, without a final `'s`
/// nor apostrophes, stemmed when it is then ASCII letters (three or more).
pub fn normalize(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        // The standard library's lower-casing is JS's: full mappings, final sigma.
        out.push_str(&word.to_lowercase());
    }
    if out.contains(['\'', '’']) {
        if let Some(rest) = out.strip_suffix("'s").or_else(|| out.strip_suffix("’s")) {
            out.truncate(rest.len());
        }
        out.retain(|c| c != '\'' && c != '’');
    }
    stem(out);
}

#[cfg(test)]
mod tests {
    use super::Tokenizer;

    fn terms(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        Tokenizer::default().terms(text, |t| out.push(t.to_string()));
        out
    }

    #[test]
    fn words_apostrophes_and_cjk() {
        assert_eq!(terms("Searching, INDEXED; it's"), ["search", "index", "it"]);
        assert_eq!(
            terms("O’Reilly's rock'n'roll 9's"),
            ["oreilli", "rocknrol", "9"]
        );
        assert_eq!(terms("跨境电商"), ["跨境", "境电", "电商", "商"]);
        assert_eq!(
            terms("Hexo部署2024年"),
            ["hexo", "部署", "署", "2024", "年"]
        );
        assert_eq!(terms("中's文"), ["中", "", "文"]);
        assert_eq!(terms("ΟΔΟΣ Σ"), ["οδος", "σ"]);
        assert_eq!(
            terms("𠮷野家 a\u{301}b"),
            ["𠮷野", "野家", "家", "a\u{301}b"]
        );
        assert_eq!(terms("it' 'x ' x'"), ["it", "x", "x"]);
        assert!(terms(" -,.!? ").is_empty());
    }
}
