// Splits mixed text into search terms. Chinese, Japanese and Korean have no spaces
// between words, so their runs become overlapping character pairs (bigrams), plus the
// run's last character alone, so a one-character query finds every character by
// prefix; other scripts split into words, lower-cased, and English words are stemmed
// (Porter, the `stemmer` package) so "indexing" finds "indexed". Pure.

import { stemmer } from '../vendor/stemmer/index.js';
import { CJK } from './matches.js';

export { isCjk } from './matches.js';

/** Runs of CJK, or of other letters and digits, within one word. */
const RUNS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u30fc]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u30fc]+/gu;
/** A word: letters, digits and marks (apostrophes inside words kept). */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
/** Surrogates: a character written in two UTF-16 units. */
const SURROGATES = /[\ud800-\udfff]/;
/** Characters that compatibility normalization (NFKC) changes in practice: full-width forms, ligatures. */
const COMPAT = /[\u3000\uff01-\uffef\ufb00-\ufb4f\u2160-\u217f]/;

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
 * @param {string} text
 * @param {(run: string, cjk: boolean) => void} each
 */
function runs(text, each) {
  const normalized = COMPAT.test(text) ? text.normalize('NFKC') : text;
  for (const match of normalized.matchAll(WORD)) {
    const word = match[0];
    if (!CJK.test(word)) {
      each(word, false);
      continue;
    }
    // The run's first character whole (a Han character beyond U+FFFF is two UTF-16 units).
    for (const run of word.matchAll(RUNS)) each(run[0], CJK.test(String.fromCodePoint(/** @type {number} */ (run[0].codePointAt(0)))));
  }
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
