// The Rust index tokenizes documents (crates/search-index/src/tokenize.rs) and the JS side
// tokenizes queries (www/library/tokenize.js): a query finds a document only where the two
// give the same terms. Held here to each other, through the built module's `terms` export:
// over every code point (each in four places, which show its classes and its lower case),
// over the texts of every corpus article, and the Porter stemmer over every ASCII word of
// the corpus files, every three-letter word and many made of the letters the rules turn on. Needs the core (www/pkg) and the module
// (scripts/build-search-index.sh). Run: node --test tests/unit/
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stemmer } from '../../www/vendor/stemmer/index.js';
import { WASM_URL, WasmEngine } from '../../www/library/search-wasm.js';
import { tokenize } from '../../www/library/tokenize.js';
import { corpusDocs } from './corpus-docs.mjs';

const CORPUS = resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/corpus');
const engine = await WasmEngine.load(readFileSync(WASM_URL));

/**
 * Asserts both tokenizers give the same terms for each text (batched: one call per text).
 * @param {string[]} texts
 * @param {string} what
 */
function same(texts, what) {
  for (const text of texts) {
    const rust = engine.terms(text);
    const js = tokenize(text);
    if (rust.length === js.length && rust.every((term, i) => term === js[i])) continue;
    // Narrow the failure to the first term that differs, for a readable message.
    const at = rust.findIndex((term, i) => term !== js[i]);
    assert.fail(`${what}: term ${at} differs: Rust ${JSON.stringify(rust.slice(at, at + 3))}, JS ${JSON.stringify(js.slice(at, at + 3))}`);
  }
}

test('the Rust tokenizer gives the JS terms for every code point, in four places', () => {
  // Alone: a word or not. After `x'`: a letter or not (the word goes on or stops). After
  // `x`: CJK or not (the word is cut or not), and its lower case. After `bus's'`: a letter
  // or not, for CJK characters too (`bus's'` then a letter is one word, "buss"; else
  // "bus's" is, "bu").
  const texts = [];
  let batch = '';
  for (let point = 0; point <= 0x10ffff; point++) {
    // Surrogates alone are no UTF-8: TextEncoder writes U+FFFD, no word either way.
    const c = String.fromCodePoint(point);
    batch += `${c} x'${c} x${c} bus's'${c}\n`;
    if ((point & 0xfff) === 0xfff) {
      texts.push(batch);
      batch = '';
    }
  }
  assert.equal(texts.length, 0x110);
  same(texts, 'code points');
  // Lower case depends on the neighbours for a capital sigma (final or not).
  same(['ΟΔΟΣ x', 'ΣΑΣ. Σ', "ΌΣΟΣ's", 'ΑΣ\u0301Β ΑΣ\u0301'], 'final sigma');
});

test('the Rust tokenizer gives the JS terms for strings made to part them', () => {
  const pieces = ['a', 'B', 'z', 's', 'y', 'ing', 'ed', 'ies', '9', '٣', "'", '’', "'s", '’s', ' ', '-', '，', '中', '文', '𠮷', '𝐀',
    '\u0301', '\u3099', 'か', 'カ', 'ｶ', 'ー', '々', '〇', '⺀', '한', 'ㄱ', 'Σ', 'ς', 'ß', 'İ', 'ǅ', 'ﬁ', 'Ａ', '１', '\u3000', 'Ⅻ',
    '\ud800', '\udc00', 'é', 'K', '\u212a', 'ΐ', '\u0345'];
  // A fixed sequence (a linear congruential generator), so a failure reproduces.
  let seed = 54321;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const texts = [];
  for (let round = 0; round < 20_000; round++) {
    let text = '';
    for (let k = 1 + (round % 14); k > 0; k--) text += pieces[Math.floor(next() * pieces.length)];
    texts.push(text);
  }
  same(texts, 'made strings');
});

test('the Rust tokenizer gives the JS terms over every corpus text', async () => {
  const docs = await corpusDocs();
  let terms = 0;
  for (const doc of docs) {
    const fields = [doc.title, doc.tags, doc.authors, doc.text];
    same(fields, doc.path);
    terms += fields.reduce((sum, field) => sum + tokenize(field).length, 0);
  }
  assert.ok(terms > 100_000, `the corpus gave terms (${terms})`);
});

test('the Rust stemmer stems as the vendored stemmer over every ASCII word of the corpus and made words', () => {
  /** @type {Set<string>} */
  const words = new Set(['sses', 'ies', 'xies', 'eed', 'feed', 'agreed', 'ing', 'sing', 'bled', 'ational', 'tional', 'relational',
    'logi', 'biliti', 'ion', 'sion', 'tion', 'lion', 'cession', 'controll', 'lll', 'alll', 'yyy', 'yyyyyyy', 'syzygy', 'ayyy',
    'yay', 'eyeing', 'ying', 'yelled', 'yes', 'yss', 'happy', 'sky', 'say', 'boy', 'toying', 'replacement', 'ement', 'ment',
    'generalizations', 'oscillators', 'fullness', 'hopefulness', 'electrical', 'electricity', 'adjustable', 'irritant',
    'dependent', 'adoption', 'communism', 'activate', 'angulariti', 'homologous', 'effective', 'bowdlerize', 'probate',
    'rate', 'cease', 'controlling', 'rolling', 'hissed', 'fizzed', 'failing', 'filing', 'hoping', 'hopping', 'tanned',
    'falling', 'fuzzing', 'boxed', 'snowing', 'trying', 'ties', 'dies', 'spies', 'caress', 'cats', 'ponies', 'abilities']);
  for (const entry of readdirSync(CORPUS, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), 'latin1');
    for (const [word] of text.matchAll(/[A-Za-z]{3,}/g)) words.add(word.toLowerCase());
  }
  const corpusWords = words.size;
  assert.ok(corpusWords > 10_000, `the corpus gave words (${corpusWords})`);
  // Every three-letter word, and words of the letters the rules turn on.
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const a of letters) for (const b of letters) for (const c of letters) words.add(a + b + c);
  const ruled = 'aeiouysltnzgdbcr';
  let seed = 777;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let n = 0; n < 60_000; n++) {
    let word = '';
    for (let k = 3 + (n % 12); k > 0; k--) word += ruled[Math.floor(next() * ruled.length)];
    words.add(word);
  }
  const list = [...words];
  for (let i = 0; i < list.length; i += 5000) {
    const chunk = list.slice(i, i + 5000);
    const rust = engine.terms(chunk.join(' '));
    assert.equal(rust.length, chunk.length);
    chunk.forEach((word, k) => assert.equal(rust[k], stemmer(word), word));
  }
});
