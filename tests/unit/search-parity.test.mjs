// The two search engines agree: the Rust index (search-wasm.js) finds the same articles
// as MiniSearch (its fallback) over the corpus's plain texts, as the core reads them for
// the library, for CJK, English (stems, the word being typed as a prefix) and mixed
// queries, and ranks the same articles first. Needs the core (www/pkg) and the module
// (scripts/build-search-index.sh). Run: node --test tests/unit/
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { init, render } from '../../www/folio.js';
import { indexDoc, summarize } from '../../www/library/extract.js';
import { fileKind } from '../../www/library/paths.js';
import { MiniSearchEngine, SearchIndex } from '../../www/library/search-index.js';
import { WASM_URL, WasmEngine } from '../../www/library/search-wasm.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = resolve(ROOT, '../shared/corpus');

/** Queries as typed: CJK runs (one character, two, long), English words, stems, prefixes, mixed. */
const QUERIES = ['人民币', '跨境', '开发者', '数据', '中国经济', '算法', '部署', '東京', '한국', '商', '的',
  'search', 'searching', 'javascript', 'release', 'performance', 'jav', 'java', 'markd', 'hexo 部署',
  'security fixes', 'indexed', 'the', 'a', 'post', 'hugo', 'zola', 'nothing-like-this'];

/** The corpus's articles as index documents, read by the core as the parse workers read them. */
async function corpusDocs() {
  await init({ wasm: readFileSync(join(ROOT, 'www/pkg/folio_bg.wasm')) });
  const docs = [];
  for (const entry of readdirSync(CORPUS, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name).slice(CORPUS.length + 1);
    if (!entry.isFile() || entry.parentPath === CORPUS || fileKind(path) !== 'article' || !statSync(join(CORPUS, path)).size) continue;
    try {
      // The parse workers' options (parse-host.js): the index render writes no HTML.
      const article = render(readFileSync(join(CORPUS, path)), /** @type {any} */ ({ fileName: entry.name, includeText: true, includeHtml: false }));
      assert.equal(article.html, '', `${path}: no HTML in an index render`);
      const { summary, text } = summarize(path, article);
      docs.push(indexDoc(summary, text));
    } catch {
      // Files the core refuses are not indexed by the library either.
    }
  }
  return docs;
}

test('the Rust index and MiniSearch find the same articles over the corpus, best first alike', async () => {
  const docs = await corpusDocs();
  assert.ok(docs.length > 100, `the corpus was read (${docs.length} articles)`);
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
