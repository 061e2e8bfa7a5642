// Splits mixed text into search terms. Chinese, Japanese and Korean have no spaces
// between words, so their runs become overlapping character pairs (bigrams), plus the
// run's last character alone, so a one-character query finds every character by
// prefix; other scripts split into words, lower-cased, and English words are stemmed
// (Porter, the `stemmer` package) so "indexing" finds "indexed". Pure.

import { stemmer } from './vendor/stemmer.js';

/** Han, kana, Hangul, and the CJK marks between them: text written without spaces. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u30fc]/u;
/** A run of CJK characters, or a word of letters and digits (apostrophes inside words kept). */
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u30fc]+|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{N}\p{M}])+(?:['’](?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])\p{L})+)*/gu;

/**
 * Normalizes one word of a non-CJK script: lower case, no apostrophe ending, stemmed when
 * it is plain ASCII letters (English).
 * @param {string} word
 * @returns {string}
 */
export function normalizeWord(word) {
  const lower = word.toLowerCase().replace(/['’]s$/, '').replace(/['’]/g, '');
  return /^[a-z]{3,}$/.test(lower) ? stemmer(lower) : lower;
}

/**
 * The bigrams of a CJK run, and its last character.
 * @param {string} run
 * @param {string[]} out
 */
function cjkTerms(run, out) {
  const chars = Array.from(run);
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  out.push(chars[chars.length - 1]);
}

/**
 * The search terms of a text, in order (repeats kept: they count).
 * @param {string} text
 * @returns {string[]}
 */
export function tokenize(text) {
  /** @type {string[]} */
  const out = [];
  for (const match of text.normalize('NFKC').matchAll(TOKEN)) {
    const token = match[0];
    if (CJK.test(token[0])) cjkTerms(token, out);
    else out.push(normalizeWord(token));
  }
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
  for (const match of query.normalize('NFKC').matchAll(TOKEN)) {
    const token = match[0];
    if (CJK.test(token[0])) {
      const chars = Array.from(token);
      const terms = [];
      for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i] + chars[i + 1]);
      parts.push({ terms: terms.length ? terms : [token], raw: token, cjk: true });
    } else {
      parts.push({ terms: [normalizeWord(token)], raw: token.toLowerCase(), cjk: false });
    }
  }
  return parts;
}

/**
 * Whether a character is written without spaces (CJK).
 * @param {string} char
 * @returns {boolean}
 */
export function isCjk(char) {
  return CJK.test(char);
}
