// The two search engines agree: the Rust index (search-wasm.js) finds the same articles
// as MiniSearch (its fallback) over the corpus's plain texts, as the core reads them for
// the library, for CJK, English (stems, the word being typed as a prefix) and mixed
// queries, and ranks the same articles first. Needs the core (www/pkg) and the module
// (scripts/build-search-index.sh). Run: node --test tests/unit/
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { MiniSearchEngine, SearchIndex } from '../../www/library/search-index.js';
import { WASM_URL, WasmEngine } from '../../www/library/search-wasm.js';
import { corpusDocs } from './corpus-docs.mjs';

/** Queries as typed: CJK runs (one character, two, long), English words, stems, prefixes, mixed. */
const QUERIES = ['人民币', '跨境', '开发者', '数据', '中国经济', '算法', '部署', '東京', '한국', '商', '的',
  'search', 'searching', 'javascript', 'release', 'performance', 'jav', 'java', 'markd', 'hexo 部署',
  'security fixes', 'indexed', 'the', 'a', 'post', 'hugo', 'zola', 'nothing-like-this'];

test('the Rust index and MiniSearch find the same articles over the corpus, best first alike', async () => {
  const docs = await corpusDocs();
  const rust = new SearchIndex(await WasmEngine.load(readFileSync(WASM_URL)));
  const mini = new SearchIndex(new MiniSearchEngine());
  rust.add(docs);
  mini.add(docs);
  // Replacing and removing keep them together too.
  rust.remove([docs[0].path]);
  mini.remove([docs[0].path]);
  rust.add([docs[1]]);
  mini.add([docs[1]]);
  assert.equal(rust.size, mini.size);
  for (const query of QUERIES) {
    const a = rust.search(query, 1000);
    const b = mini.search(query, 1000);
    assert.equal(a.total, b.total, `${query}: as many hits`);
    assert.deepEqual(a.hits.map((h) => h.path).sort(), b.hits.map((h) => h.path).sort(), `${query}: the same hits`);
    if (!a.total) continue;
    // The best three are the same articles (scores within 1%: both are BM25+ per field).
    const top = Math.min(3, a.total);
    assert.deepEqual(a.hits.slice(0, top).map((h) => h.path).sort(), b.hits.slice(0, top).map((h) => h.path).sort(), `${query}: the same best hits`);
    for (const hit of a.hits.slice(0, top)) {
      const other = b.hits.find((h) => h.path === hit.path);
      assert.deepEqual(new Set(hit.terms), new Set(other?.terms), `${query}: ${hit.path} marks the same terms`);
    }
  }
});

test('the Rust index reads the parse workers\' UTF-8 as it reads their text as strings: the same hits, scores, terms and snippets', async () => {
  const asText = await corpusDocs();
  const asBytes = await corpusDocs({ bytes: true });
  assert.ok(asBytes.every((doc) => doc.text instanceof Uint8Array), 'the core gave bytes');
  // Some texts hold compatibility characters (full-width punctuation), which are normalized first.
  assert.ok(asBytes.some((doc) => /[\uff01-\uffef]/.test(new TextDecoder().decode(/** @type {Uint8Array} */ (doc.text)))));
  const strings = new SearchIndex(await WasmEngine.load(readFileSync(WASM_URL)));
  const bytes = new SearchIndex(await WasmEngine.load(readFileSync(WASM_URL)));
  strings.add(asText);
  bytes.add(asBytes);
  assert.equal(bytes.size, strings.size);
  for (const query of [...QUERIES, 'ｆｉｌｅ', 'file', '（']) {
    assert.deepEqual(bytes.search(query, 1000), strings.search(query, 1000), query);
  }
  for (const doc of asText) assert.equal(bytes.text(doc.path), strings.text(doc.path), `${doc.path}: the same text kept`);
});
