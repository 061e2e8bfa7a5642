// The search engines side by side on the same plain texts (the corpus rendered by the
// core, repeated to 10 000 articles), in Node's V8: the library's index on its Rust engine
// (crates/search-index, what the search worker runs) and on MiniSearch (its fallback),
// both with the library's tokenizer and snippet texts, and FlexSearch with the same
// tokenizer (forward prefixes). Index time, memory (V8 heap after a full GC, plus the
// module's linear memory for the Rust one), query p95 for CJK and English queries, and
// size shipped (gzip). `node bench/library/engines.mjs`.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { Document, Encoder } from 'flexsearch';
import { init, render } from '../../www/folio.js';
import { summarize } from '../../www/library/extract.js';
import { MiniSearchEngine, SearchIndex } from '../../www/library/search-index.js';
import { WASM_URL, WasmEngine } from '../../www/library/search-wasm.js';
import { tokenize } from '../../www/library/tokenize.js';
import { CORPUS, corpusArticles } from './generate.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
setFlagsFromString('--expose-gc');
const gc = /** @type {() => void} */ (runInNewContext('gc'));

const QUERIES = {
  cjk: ['人民币', '跨境', '开发者', '数据', '中国经济', '算法', '部署', '東京', '한국'],
  english: ['search', 'javascript', 'release', 'performance', 'jav', 'java', 'markd', 'hexo 部署', 'security fixes'],
};

/** @returns {number} */
function heap() {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * @param {number[]} values
 * @param {number} q
 */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * The corpus as index documents, rendered by the core (its text, title, tags).
 * @returns {Promise<import('../../www/library/messages.js').IndexDoc[]>}
 */
async function corpusDocs() {
  await init({ wasm: readFileSync(join(ROOT, 'www/pkg/folio_bg.wasm')) });
  const docs = [];
  for (const path of corpusArticles()) {
    try {
      const { summary, text } = summarize(path, render(readFileSync(join(CORPUS, path)), /** @type {any} */ ({ fileName: path.split('/').pop(), includeText: true, includeHtml: false })));
      docs.push({ path, title: summary.title ?? '', tags: [...summary.tags, ...summary.categories].join(' '), authors: summary.authors.join(' '), text });
    } catch {
      // Files the core refuses are not indexed by the library either.
    }
  }
  return docs;
}

/**
 * @param {string} name
 * @param {object} engine
 * @param {(docs: any[]) => void} engine.build
 * @param {(q: string) => number} engine.query  returns the number of hits
 * @param {() => number} [engine.memory]  bytes held outside the V8 heap (a module's memory)
 * @param {number} engine.shipped  gzip bytes
 * @param {any[]} docs
 */
function run(name, engine, docs) {
  const before = heap();
  const t0 = performance.now();
  engine.build(docs);
  const indexMs = performance.now() - t0;
  const memory = heap() - before + (engine.memory ? engine.memory() : 0);
  /** @type {Record<string, number[]>} */
  const times = { cjk: [], english: [] };
  /** @type {Record<string, number>} */
  const hits = {};
  for (const [kind, queries] of Object.entries(QUERIES)) {
    for (let round = 0; round < 20; round++) {
      for (const q of queries) {
        const t = performance.now();
        hits[q] = engine.query(q);
        times[kind].push(performance.now() - t);
      }
    }
  }
  return { name, indexMs, memory, p95: { cjk: quantile(times.cjk, 0.95), english: quantile(times.english, 0.95) }, shipped: engine.shipped, hits };
}

const gz = (/** @type {string} */ path) => gzipSync(readFileSync(join(ROOT, path)), { level: 9 }).length;

/**
 * Builds each engine over `count` documents and measures it.
 * @param {number} count
 */
export async function compareEngines(count) {
  const base = await corpusDocs();
  const docs = Array.from({ length: count }, (_, i) => ({ ...base[i % base.length], path: `copy-${Math.floor(i / base.length)}/${base[i % base.length].path}` }));
  const textBytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);

  /** @type {SearchIndex | null} */
  let mini = null;
  const miniResult = run('MiniSearch 7 (+ stemmer, CJK bigrams)', {
    build: (list) => { mini = new SearchIndex(new MiniSearchEngine()); mini.add(list); },
    // limit 0: the ranked results only, no snippets (the other engines make none either).
    query: (q) => /** @type {SearchIndex} */ (mini).search(q, 0).total,
    shipped: gz('www/vendor/minisearch/dist/es/index.js') + gz('www/vendor/stemmer/index.js'),
  }, docs);
  mini = null;

  /** @type {any} */
  let flex = null;
  const flexResult = run('FlexSearch 0.8 (same tokenizer, forward)', {
    build: (list) => {
      const encoder = new Encoder({ cache: false });
      encoder.encode = (/** @type {string} */ s) => tokenize(s);
      flex = new Document({ encoder, tokenize: 'forward', document: { id: 'path', index: ['title', 'tags', 'authors', 'text'] } });
      for (const d of list) flex.add({ path: d.path, title: d.title, tags: d.tags, authors: d.authors, text: d.text });
    },
    query: (q) => flex.search({ query: q, merge: true, limit: 50 }).length,
    shipped: gz('node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs'),
  }, docs);
  flex = null;

  execFileSync(join(ROOT, 'scripts/build-search-index.sh'), { stdio: 'inherit' });
  const wasm = readFileSync(WASM_URL);
  const engine = await WasmEngine.load(wasm);
  /** @type {SearchIndex | null} */
  let rust = null;
  const rustResult = run('Rust index (wasm, its own tokenizer: the same terms)', {
    build: (list) => { rust = new SearchIndex(engine); rust.add(list); },
    query: (q) => /** @type {SearchIndex} */ (rust).search(q, 0).total,
    // The V8 heap (kept texts) is counted by run(); the module's memory is added here.
    memory: () => engine.x.memory.buffer.byteLength,
    shipped: gzipSync(wasm, { level: 9 }).length + gz('www/library/search-wasm.js'),
  }, docs);

  const results = [miniResult, flexResult, rustResult];
  console.log(`\nsearch engines, ${count} articles (${(textBytes / 1048576).toFixed(0)} MiB of plain text), Node ${process.version}`);
  console.log('engine                                     index s   memory MiB   p95 CJK ms   p95 English ms   shipped KiB gz');
  for (const r of results) {
    console.log(`${r.name.padEnd(42)} ${(r.indexMs / 1000).toFixed(1).padStart(7)}   ${(r.memory / 1048576).toFixed(0).padStart(10)}   ${r.p95.cjk.toFixed(2).padStart(10)}   ${r.p95.english.toFixed(2).padStart(14)}   ${(r.shipped / 1024).toFixed(1).padStart(14)}`);
  }
  for (const r of results.slice(1)) {
    console.log(`  MiniSearch vs ${r.name.split(' (')[0]}: index time ×${(miniResult.indexMs / r.indexMs).toFixed(2)}, memory ×${(miniResult.memory / r.memory).toFixed(2)}, p95 CJK ×${(miniResult.p95.cjk / r.p95.cjk).toFixed(2)}, English ×${(miniResult.p95.english / r.p95.english).toFixed(2)}`);
  }
  console.log(`  hits per query (MiniSearch / FlexSearch / Rust): ${Object.keys(miniResult.hits).map((q) => `${q} ${miniResult.hits[q]}/${flexResult.hits[q]}/${rustResult.hits[q]}`).join(', ')}`);
  return { count, textBytes, results };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await compareEngines(Number(process.argv[2] ?? 10_000));
}
