// www/library/tokenize.js reads words with a hand-written scan (for speed); its terms are
// held here to the tokenizer as first written, with regular expressions (kept below as the
// definition): over every corpus text, and over many strings made of the characters where
// the two could part (apostrophes, marks, digits after apostrophes, CJK beside Latin,
// characters beyond U+FFFF, lone surrogates, full-width forms and ligatures that NFKC
// changes, final sigma, characters of the Han script that are not letters).
// Run: node --test tests/unit/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stemmer } from '../../www/vendor/stemmer/index.js';
import { CJK } from '../../www/library/matches.js';
import { hasCompat, runs, tokenize } from '../../www/library/tokenize.js';
import { corpusDocs } from './corpus-docs.mjs';

// The definition: words by /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{M}]+)*/u, split into CJK runs
// and other runs, CJK runs as bigrams and their last character, other runs lower-cased,
// without apostrophes (nor a final 's), ASCII words of three letters or more stemmed.
const RUNS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u30fc]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u30fc]+/gu;
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
const COMPAT = /[\u3000\uff01-\uffef\ufb00-\ufb4f\u2160-\u217f]/;

/** @param {string} word */
function reference(word) {
  let lower = word.toLowerCase();
  if (lower.includes("'") || lower.includes('’')) lower = lower.replace(/['’]s$/, '').replace(/['’]/g, '');
  return /^[a-z]{3,}$/.test(lower) ? stemmer(lower) : lower;
}

/**
 * @param {string} text
 * @param {(run: string, cjk: boolean) => void} each
 */
function referenceRuns(text, each) {
  const normalized = COMPAT.test(text) ? text.normalize('NFKC') : text;
  for (const [word] of normalized.matchAll(WORD)) {
    if (!CJK.test(word)) each(word, false);
    else for (const [run] of word.matchAll(RUNS)) each(run, CJK.test(String.fromCodePoint(/** @type {number} */ (run.codePointAt(0)))));
  }
}

/** @param {string} text */
function referenceTokens(text) {
  /** @type {string[]} */
  const out = [];
  referenceRuns(text, (run, cjk) => {
    if (!cjk) return void out.push(reference(run));
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    out.push(chars[chars.length - 1]);
  });
  return out;
}

test('the scan gives the terms the regular expressions give, over every corpus text', async () => {
  const docs = await corpusDocs();
  let terms = 0;
  for (const doc of docs) {
    for (const field of [doc.title, doc.tags, doc.authors, doc.text]) {
      const expected = referenceTokens(field);
      assert.deepEqual(tokenize(field), expected, doc.path);
      terms += expected.length;
    }
  }
  assert.ok(terms > 100_000, `the corpus gave terms (${terms})`);
});

/**
 * The runs of a text, as [run, cjk] pairs.
 * @param {(text: string, each: (run: string, cjk: boolean) => void) => void} split
 * @param {string} text
 */
function runList(split, text) {
  /** @type {[string, boolean][]} */
  const out = [];
  split(text, (run, cjk) => out.push([run, cjk]));
  return out;
}

test('the scan gives the same runs and terms over strings made to part them', () => {
  const pieces = ['a', 'B', 'z', 's', '9', '٣', "'", '’', "'s", ' ', '-', '，', '中', '文', '𠮷', '𝐀', '\u0301', '\u3099',
    'か', 'カ', 'ｶ', 'ー', '々', '〇', '⺀', '한', 'ㄱ', 'Σ', 'ß', 'İ', 'ǅ', 'ﬁ', 'Ａ', '１', '\u3000', 'Ⅻ', '\ud800', '\udc00', 'é'];
  // A fixed sequence (a linear congruential generator), so a failure reproduces.
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let round = 0; round < 20_000; round++) {
    let text = '';
    for (let k = 1 + (round % 12); k > 0; k--) text += pieces[Math.floor(next() * pieces.length)];
    assert.deepEqual(tokenize(text), referenceTokens(text), JSON.stringify(text));
    assert.deepEqual(runList(runs, text), runList(referenceRuns, text), JSON.stringify(text));
  }
});

test('hasCompat finds in UTF-8 every character COMPAT names, and no other', () => {
  const encoder = new TextEncoder();
  for (let code = 0; code <= 0x10ffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCodePoint(code);
    // Alone, between other characters (the scan must not read across them), and at the end.
    const bytes = encoder.encode(`长${char}é`);
    assert.equal(hasCompat(bytes), COMPAT.test(char), `U+${code.toString(16)}`);
    if (COMPAT.test(char)) assert.equal(hasCompat(encoder.encode(char)), true, `U+${code.toString(16)} alone`);
  }
  assert.equal(hasCompat(encoder.encode('长文，无全角')), true);
  assert.equal(hasCompat(encoder.encode('plain text, 中文。')), false);
});
