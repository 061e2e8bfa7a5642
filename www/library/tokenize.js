// Splits mixed text into search terms. Chinese, Japanese and Korean have no spaces
// between words, so their runs become overlapping character pairs (bigrams), plus the
// run's last character alone, so a one-character query finds every character by
// prefix; other scripts split into words, lower-cased, and English words are stemmed
// (Porter, the `stemmer` package) so "indexing" finds "indexed". Pure. It tokenizes
// queries, and documents for MiniSearch; the Rust index tokenizes its documents itself
// (crates/search-index/src/tokenize.rs) to exactly these terms
// (tests/unit/search-rust-tokenize.test.mjs), from the text normalizeText() gives.

import { stemmer } from '../vendor/stemmer/index.js';
import { CJK } from './matches.js';

export { isCjk } from './matches.js';

/** Surrogates: a character written in two UTF-16 units. */
const SURROGATES = /[\ud800-\udfff]/;
/** Characters that compatibility normalization (NFKC) changes in practice: full-width forms, ligatures. */
const COMPAT = /[\u3000\uff01-\uffef\ufb00-\ufb4f\u2160-\u217f]/;

/**
 * The text as it is tokenized: NFKC-normalized when it holds compatibility characters
 * (so "ｆｉｌｅ" finds "file"). The Rust index (search-wasm.js) gets its text through this.
 * @param {string} text
 * @returns {string}
 */
export function normalizeText(text) {
  return COMPAT.test(text) ? text.normalize('NFKC') : text;
}

/**
 * Whether UTF-8 bytes hold a character COMPAT names (then the text is normalized as a
 * string; without one, the bytes are indexed as they are). A scan of the three-byte
 * sequences, which is all those characters are: U+2160–217F, U+3000, U+FB00–FB4F, U+FF01–FFEF.
 * @param {Uint8Array} bytes
 * @returns {boolean}
 */
export function hasCompat(bytes) {
  const n = bytes.length - 2;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0xe2) continue;
    if (b === 0xe2) {
      if (bytes[i + 1] === 0x85 && bytes[i + 2] >= 0xa0) return true;
    } else if (b === 0xe3) {
      if (bytes[i + 1] === 0x80 && bytes[i + 2] === 0x80) return true;
    } else if (b === 0xef) {
      const c = ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
      // c is the code point less 0xF000.
      if ((c >= 0xb00 && c <= 0xb4f) || (c >= 0xf01 && c <= 0xfef)) return true;
    }
  }
  return false;
}

// What a word is, as the regular expression /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{M}]+)*/u
// says (letters, digits and marks, apostrophes inside words kept), read by a hand-written
// scan over a table of each character's class: the expression's matchAll was most of the
// search worker's time. tests/unit/tokenize.test.mjs holds the scan to the expression.
// The Rust index (crates/search-index/src/tokenize.rs) scans documents the same way, over
// a table that scripts/gen-search-classes.mjs makes from these same expressions.

/** The class bits of a character: set once it is known; a letter, digit or mark; a letter or mark; CJK; an apostrophe. */
const KNOWN = 1;
const WORD = 2;
const LETTER = 4;
const CJK_CHAR = 8;
const APOSTROPHE = 16;
/** A character of a word: a letter, digit or mark. */
export const IS_WORD = /^[\p{L}\p{N}\p{M}]$/u;
/** A character that may follow an apostrophe inside a word: a letter or mark. */
export const IS_LETTER = /^[\p{L}\p{M}]$/u;

/**
 * The class bits of a character (one code point).
 * @param {string} char
 * @returns {number}
 */
function classify(char) {
  let bits = KNOWN;
  if (IS_WORD.test(char)) bits |= WORD;
  if (IS_LETTER.test(char)) bits |= LETTER;
  if (CJK.test(char)) bits |= CJK_CHAR;
  if (char === "'" || char === '’') bits |= APOSTROPHE;
  return bits;
}

/** Classes of the UTF-16 units (the Basic Multilingual Plane; surrogates alone are no word), filled as met. */
const BMP = new Uint8Array(0x10000);
/** Classes of characters beyond U+FFFF, as met. @type {Map<number, number>} */
const ASTRAL = new Map();
/** The UTF-16 units the last classOf() read: 2 for a surrogate pair, else 1. */
let width = 1;

/**
 * The class bits of the character at `i` (its width in `width`).
 * @param {string} text
 * @param {number} i
 * @returns {number}
 */
function classOf(text, i) {
  const unit = text.charCodeAt(i);
  if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) {
      width = 2;
      const point = ((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
      let bits = ASTRAL.get(point);
      if (bits === undefined) {
        bits = classify(String.fromCodePoint(point));
        ASTRAL.set(point, bits);
      }
      return bits;
    }
  }
  width = 1;
  const bits = BMP[unit];
  if (bits !== 0) return bits;
  return (BMP[unit] = classify(String.fromCharCode(unit)));
}

/** Words already normalized, as written (text repeats its words): word → term. Looking a
 * word up costs less than lower-casing it; it was most of the search worker's time. */
const known = new Map();
/** The most words kept; beyond it the cache starts again. */
const TERM_CACHE = 100_000;

/**
 * Normalizes one word of a non-CJK script: lower case, no apostrophe ending, stemmed when
 * it is plain ASCII letters (English).
 * @param {string} word
 * @returns {string}
 */
export function normalizeWord(word) {
  const seen = known.get(word);
  if (seen !== undefined) return seen;
  let lower = word.toLowerCase();
  if (lower.includes("'") || lower.includes('’')) lower = lower.replace(/['’]s$/, '').replace(/['’]/g, '');
  const term = /^[a-z]{3,}$/.test(lower) ? stemmer(lower) : lower;
  if (known.size >= TERM_CACHE) known.clear();
  known.set(word, term);
  return term;
}

/**
 * The bigrams of a CJK run, and its last character.
 * @param {string} run
 * @param {string[]} out
 */
function cjkTerms(run, out) {
  if (!SURROGATES.test(run)) {
    // One UTF-16 unit a character (all but the rarest Han): pairs cut in place.
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    out.push(run[run.length - 1]);
    return;
  }
  const chars = Array.from(run);
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  out.push(chars[chars.length - 1]);
}

/**
 * Calls `each(run, cjk)` for every run of a word in `text`: CJK runs and other runs apart.
 * (Exported for tests/unit/tokenize.test.mjs.)
 * @param {string} text
 * @param {(run: string, cjk: boolean) => void} each
 */
export function runs(text, each) {
  const s = normalizeText(text);
  const n = s.length;
  let i = 0;
  while (i < n) {
    let bits = classOf(s, i);
    if (!(bits & WORD)) {
      i += width;
      continue;
    }
    const start = i;
    let seen = 0;
    // Letters, digits and marks…
    do {
      seen |= bits;
      i += width;
    } while (i < n && ((bits = classOf(s, i)) & WORD));
    // …then, as long as there are, an apostrophe and letters or marks.
    while (i + 1 < n && (classOf(s, i) & APOSTROPHE)) {
      let j = i + 1;
      bits = classOf(s, j);
      if (!(bits & LETTER)) break;
      do {
        seen |= bits;
        j += width;
      } while (j < n && ((bits = classOf(s, j)) & LETTER));
      i = j;
    }
    if (!(seen & CJK_CHAR)) each(s.slice(start, i), false);
    else cjkRuns(s, start, i, each);
  }
}

/**
 * Calls `each` for the CJK runs and the other runs of the word text[start, end).
 * @param {string} text
 * @param {number} start
 * @param {number} end
 * @param {(run: string, cjk: boolean) => void} each
 */
function cjkRuns(text, start, end, each) {
  let from = start;
  let cjk = (classOf(text, start) & CJK_CHAR) !== 0;
  for (let i = start; i < end; i += width) {
    const now = (classOf(text, i) & CJK_CHAR) !== 0;
    if (now === cjk) continue;
    each(text.slice(from, i), cjk);
    from = i;
    cjk = now;
  }
  each(text.slice(from, end), cjk);
}

/**
 * The search terms of a text, in order (repeats kept: they count).
 * @param {string} text
 * @returns {string[]}
 */
export function tokenize(text) {
  /** @type {string[]} */
  const out = [];
  runs(text, (run, cjk) => {
    if (cjk) cjkTerms(run, out);
    else out.push(normalizeWord(run));
  });
  return out;
}

/**
 * One term of a query: the terms to look up for it (all must match), and whether it
 * is being typed (the last word: matched as a prefix, unstemmed as well as stemmed).
 * @typedef {object} QueryPart
 * @property {string[]} terms  Indexed forms to find; for a CJK run, its bigrams.
 * @property {string} raw      The lower-cased word as typed (for prefix matching while typing).
 * @property {boolean} cjk
 */

/**
 * Splits a query into parts: one per word or CJK run.
 * @param {string} query
 * @returns {QueryPart[]}
 */
export function queryParts(query) {
  /** @type {QueryPart[]} */
  const parts = [];
  runs(query, (run, cjk) => {
    if (cjk) {
      const chars = Array.from(run);
      const terms = [];
      for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i] + chars[i + 1]);
      parts.push({ terms: terms.length ? terms : [run], raw: run, cjk: true });
    } else {
      parts.push({ terms: [normalizeWord(run)], raw: run.toLowerCase(), cjk: false });
    }
  });
  return parts;
}
