// www/library/tokenize.js and search-index.js: CJK without word boundaries, English
// prefixes and stems, mixed text, ranking and snippets, on both engines (the Rust
// module, search-wasm.js, and MiniSearch, its fallback).
// Run: node --test tests/unit/ (after scripts/build-search-index.sh)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { queryParts, tokenize } from '../../www/library/tokenize.js';
import { MiniSearchEngine, SNIPPET_OPENINGS, SNIPPET_TEXT_BYTES, SearchIndex, cutUtf8, findMatches, marked, snippet, snippetOfOpening } from '../../www/library/search-index.js';
import { WASM_URL, WasmEngine } from '../../www/library/search-wasm.js';

/** The Rust module's bytes (built by scripts/build-search-index.sh; a missing build fails here). */
const wasm = readFileSync(WASM_URL);

/** Each engine by name: a fresh one per call. */
const ENGINES = {
  rust: () => WasmEngine.load(wasm),
  minisearch: async () => new MiniSearchEngine(),
};

test('CJK runs become bigrams, words are lower-cased and stemmed', () => {
  assert.deepEqual(tokenize('跨境电商'), ['跨境', '境电', '电商', '商']);
  assert.deepEqual(tokenize('Indexing Hexo posts'), ['index', 'hexo', 'post']);
  assert.deepEqual(tokenize('用Hexo部署'), ['用', 'hexo', '部署', '署']);
  assert.deepEqual(tokenize('ｆｕｌｌ－ｗｉｄｔｈ'), ['full', 'width'], 'NFKC folds full-width letters');
  assert.deepEqual(tokenize("it's 2021"), ['it', '2021']);
  assert.deepEqual(tokenize('𠮷野家 𠮷'), ['𠮷野', '野家', '家', '𠮷'], 'a character of two UTF-16 units stays whole');
  assert.deepEqual(tokenize("Don’t DON'T don't"), ['dont', 'dont', 'dont'], 'a word already seen gives the same term');
  assert.deepEqual(queryParts('电商 Indexing').map((p) => p.terms), [['电商'], ['index']]);
});

/**
 * @param {import('../../www/library/search-index.js').Engine} engine
 * @returns {SearchIndex}
 */
function sampleIndex(engine) {
  const index = new SearchIndex(engine);
  index.add([
    { path: 'a.md', title: '跨境电商综试区', tags: 'news 商务', authors: '', text: '商务部新闻发言人表示，全国跨境电商综试区已达132个。' },
    { path: 'b.md', title: 'Indexing static sites', tags: 'search', authors: 'Ann', text: 'How a search engine indexes pages. Hexo and Jekyll sites.' },
    { path: 'c.md', title: 'Notes', tags: '', authors: '', text: 'Searching is mentioned in the body only, with an index of pages.' },
    { path: 'd.md', title: 'Hexo 部署', tags: 'hexo', authors: '', text: '使用 Hexo 部署到 GitHub Pages 的步骤。' },
  ]);
  return index;
}

for (const [engine, make] of Object.entries(ENGINES)) test(`${engine}: Chinese queries find text without word boundaries`, async () => {
  const index = sampleIndex(await make());
  assert.deepEqual(index.search('电商').hits.map((h) => h.path), ['a.md']);
  assert.deepEqual(index.search('综试区').hits.map((h) => h.path), ['a.md']);
  assert.deepEqual(index.search('商').hits.map((h) => h.path).sort(), ['a.md'], 'one character, by prefix');
  assert.deepEqual(index.search('电商 部署').hits, [], 'every part of the query must match');
});

for (const [engine, make] of Object.entries(ENGINES)) test(`${engine}: the word being typed is marked as the prefix it is, not as every indexed word it expands to`, async () => {
  const index = sampleIndex(await make());
  const { hits } = index.search('s');
  assert.deepEqual(hits.map((h) => h.path).sort(), ['b.md', 'c.md']);
  for (const hit of hits) {
    assert.ok(hit.terms.includes('s'), `${hit.path} marks the prefix typed`);
    assert.deepEqual(hit.terms.filter((t) => t.startsWith('s') && t !== 's'), [], `${hit.path}: no word the prefix expanded to (${hit.terms})`);
  }
  const notes = /** @type {any} */ (hits.find((h) => h.path === 'c.md'));
  assert.deepEqual(notes.snippet.filter((/** @type {any} */ s) => s.mark).map((/** @type {any} */ s) => s.text), ['Searching'], 'a word is marked to its end');
});

for (const [engine, make] of Object.entries(ENGINES)) test(`${engine}: English: stems, prefixes while typing, and the title ranks above the body`, async () => {
  const index = sampleIndex(await make());
  assert.deepEqual(index.search('indexed').hits.map((h) => h.path), ['b.md', 'c.md'], 'title match first');
  assert.deepEqual(index.search('searc').hits.map((h) => h.path).sort(), ['b.md', 'c.md'], 'the word being typed is a prefix');
  assert.deepEqual(index.search('hexo 部署').hits.map((h) => h.path), ['d.md'], 'mixed query');
  assert.equal(index.search('').total, 0);
  index.remove(['b.md']);
  assert.deepEqual(index.search('indexed').hits.map((h) => h.path), ['c.md']);
  index.add([{ path: 'c.md', title: 'Replaced', tags: '', authors: '', text: 'nothing here' }]);
  assert.equal(index.search('indexed').total, 0, 'a re-added path replaces the old text');
});

for (const [engine, make] of Object.entries(ENGINES)) test(`${engine}: snippets mark every match around the first one`, async () => {
  const index = sampleIndex(await make());
  const hit = index.search('跨境电商').hits[0];
  const marks = hit.snippet.filter((s) => s.mark).map((s) => s.text);
  assert.ok(marks.includes('跨境电商'), `overlapping bigrams mark the whole word: ${JSON.stringify(hit.snippet)}`);
  assert.deepEqual(hit.title, [{ text: '跨境电商', mark: true }, { text: '综试区', mark: false }]);
  assert.equal(hit.snippet.map((s) => s.text).join('').includes('132'), true);
  assert.deepEqual(findMatches('Indexing and index, reindex', ['index']), [[0, 8], [13, 18]], 'word starts only');
  assert.deepEqual(marked('Hexo 部署指南', ['hexo', '部署']), [{ text: 'Hexo', mark: true }, { text: ' ', mark: false }, { text: '部署', mark: true }, { text: '指南', mark: false }]);
  const long = `${'x '.repeat(200)}needle${' y'.repeat(200)}`;
  const cut = snippet(long, ['needle']);
  assert.equal(cut[0].text, '…');
  assert.equal(cut[cut.length - 1].text, '…');
  assert.deepEqual(cut.filter((s) => s.mark).map((s) => s.text), ['needle']);
  assert.ok(cut.map((s) => s.text).join('').length < 250);
});

test('an engine that fails (the module trapped) gives way to MiniSearch, indexed again from the kept texts', async () => {
  const engine = await ENGINES.rust();
  const index = sampleIndex(engine);
  assert.equal(index.engine.name, 'rust');
  // What a trap looks like from JavaScript: every later call throws a RuntimeError.
  engine.search = () => { throw new WebAssembly.RuntimeError('unreachable'); };
  assert.deepEqual(index.search('电商').hits.map((h) => h.path), ['a.md'], 'the search is answered all the same');
  assert.equal(index.engine.name, 'minisearch');
  assert.equal(index.size, 4);
  assert.deepEqual(index.search('indexed').hits.map((h) => h.path), ['b.md', 'c.md']);
});

test('the text kept for snippets is held as UTF-8 and read back whole: CJK, astral characters, a cut at SNIPPET_TEXT_BYTES', async () => {
  const index = sampleIndex(new MiniSearchEngine());
  const astral = '𠮷野家の牛丼 😀 café';
  const long = `${'长'.repeat(SNIPPET_TEXT_BYTES / 3)}尾`;
  const utf8 = new TextEncoder().encode(`a${'长'.repeat(SNIPPET_TEXT_BYTES / 3)}`);
  index.add([
    { path: 'e.md', title: '', tags: '', authors: '', text: astral },
    { path: 'f.md', title: '', tags: '', authors: '', text: long },
    // As the parse workers send it: UTF-8, kept as it came, cut at a character's start.
    { path: 'g.md', title: '', tags: '', authors: '', text: utf8 },
    { path: 'h.md', title: '', tags: '', authors: '', text: new TextEncoder().encode('牛丼の写真') },
    // A string of more characters than the limit has bytes, but no more bytes: cut all the same.
    { path: 'i.md', title: '', tags: '', authors: '', text: 'a'.repeat(SNIPPET_TEXT_BYTES + 1) },
  ]);
  assert.equal(index.cut.has('i.md'), true);
  assert.equal(index.text('i.md').length, SNIPPET_TEXT_BYTES);
  assert.equal(index.texts.get('e.md')?.byteLength, new TextEncoder().encode(astral).byteLength, 'held as its UTF-8 bytes');
  assert.equal(index.text('e.md'), astral);
  const whole = new Map(index.wholeTexts());
  assert.equal(whole.get('e.md'), astral);
  assert.equal(whole.get('h.md'), '牛丼の写真');
  assert.equal(whole.get('a.md'), '商务部新闻发言人表示，全国跨境电商综试区已达132个。');
  assert.equal(whole.has('f.md'), false, 'a text cut for its length is not whole');
  assert.equal(whole.has('g.md'), false);
  assert.equal(index.text('f.md'), '长'.repeat(SNIPPET_TEXT_BYTES / 3));
  assert.equal(index.text('g.md'), `a${'长'.repeat(SNIPPET_TEXT_BYTES / 3 - 1)}`, 'no character cut in two');
  assert.deepEqual(index.search('牛丼').hits.map((h) => h.path).sort(), ['e.md', 'h.md'], 'bytes are indexed too (MiniSearch reads them as text)');
  assert.deepEqual(index.search('牛丼').hits[0].snippet.filter((s) => s.mark).map((s) => s.text), ['牛丼']);
});

test('a word is marked right after CJK text, not inside a word; a snippet starts at a word', () => {
  assert.deepEqual(findMatches('需要先知道JavaScript的变量', ['javascript']), [[5, 15]], 'Han right before it');
  assert.deepEqual(findMatches('スーパーJava、한국java', ['java']), [[4, 8], [11, 15]], 'kana and Hangul right before it');
  assert.deepEqual(findMatches('ajavascript éjava 1java', ['java']), [], 'a letter or digit of a spaced script before it');
  const text = 'Some text that goes on here and describes, in many more words than a snippet shows, the longest tasks that AIs can reliably perform. Job exposure';
  for (let from = 0; from < 30; from++) {
    const [dots, first] = snippet(text.slice(from), ['perform']);
    assert.equal(dots.text, '…');
    assert.ok(/^\S/.test(first.text) && /\s/.test(text[text.indexOf(first.text) - 1]), `cut at ${from}: ${JSON.stringify(first.text)}`);
  }
  const cjk = snippet(`${'很长的中文文本'.repeat(12)}需要先知道JavaScript的变量`, ['javascript']);
  assert.equal(cjk[1].text.length, 60, 'CJK text has no word to wait for: 60 characters before the match');
});

test('a snippet from a text\'s opening is the whole text\'s snippet, or none: at every cut', () => {
  // Matches near each other, a word run on past them, CJK bigrams, astral characters and a
  // case-folded form (K, the Kelvin sign, matches k under /iu).
  const text = `${'前言 '.repeat(30)}The Kernel ${'x'.repeat(50)} 𠮷 kernels 跨境电商${' filler'.repeat(40)} kernel 跨境 ${'尾'.repeat(30)}`;
  const cases = [['kernel'], ['跨境', '境电', '电商'], ['kernel', '跨境'], ['k'], ['absent']];
  for (const terms of cases) {
    const whole = snippet(text, terms);
    let told = 0;
    // Every cut at a code point's start, as cutUtf8 cuts the bytes.
    for (let cut = 0; cut <= text.length; cut++) {
      if (/[\udc00-\udfff]/.test(text[cut] ?? '')) continue;
      const part = snippetOfOpening(text.slice(0, cut), terms);
      if (part === null) continue;
      told += 1;
      assert.deepEqual(part, whole, `${terms} cut at ${cut}`);
    }
    if (terms[0] === 'absent') assert.equal(told, 0, 'no match in the opening: it cannot tell');
    else assert.ok(told > 0, `${terms}: some opening tells`);
  }
});

test('an index\'s snippets read a long text\'s opening where it tells, the whole text where not', () => {
  const index = new SearchIndex(new MiniSearchEngine());
  const at = (/** @type {number} */ n) => `${'填充文字，'.repeat(n)}The needle is here. ${'更多的文字。'.repeat(8000)}`;
  // First matches in each opening, past the last, near a cut, and in the title alone.
  const spots = [0, 100, SNIPPET_OPENINGS[0] / 3, SNIPPET_OPENINGS[1] / 15 - 2, SNIPPET_OPENINGS[2] / 15 + 10, 9000];
  index.add(spots.map((n, i) => ({ path: `${i}.md`, title: '', tags: '', authors: '', text: new TextEncoder().encode(at(n)) })));
  index.add([{ path: 'title.md', title: 'needle', tags: '', authors: '', text: new TextEncoder().encode('更多的文字。'.repeat(9000)) }]);
  const { hits } = index.search('needle');
  assert.equal(hits.length, spots.length + 1);
  for (const hit of hits) {
    assert.deepEqual(hit.snippet, snippet(index.text(hit.path), hit.terms), hit.path);
    const marks = hit.snippet.filter((s) => s.mark).map((s) => s.text);
    assert.deepEqual(marks, hit.path === 'title.md' ? [] : ['needle'], hit.path);
  }
  const [details] = index.details('needle', ['5.md']);
  assert.deepEqual(details.snippet.filter((s) => s.mark).map((s) => s.text), ['needle'], 'details() cut alike');
});

test('cutUtf8 cuts before a character, never inside one', () => {
  const bytes = new TextEncoder().encode('aé长😀');
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((max) => new TextDecoder('utf-8', { fatal: true }).decode(cutUtf8(bytes, max))),
    ['a', 'a', 'aé', 'aé', 'aé', 'aé长', 'aé长', 'aé长', 'aé长', 'aé长😀']);
});

for (const [engine, make] of Object.entries(ENGINES)) test(`${engine}: only the best hits get a snippet when asked for fewer; the rest come in the same order`, async () => {
  const index = sampleIndex(await make());
  const whole = index.search('pages', 10);
  assert.equal(whole.hits.length, 3);
  const some = index.search('pages', 10, 1);
  assert.deepEqual(some.hits.map((h) => h.path), whole.hits.map((h) => h.path));
  assert.equal(some.total, whole.total);
  assert.deepEqual(some.hits[0], whole.hits[0], 'the best is whole, snippet and all');
  assert.ok(whole.hits.every((h) => h.snippet.length > 0));
  assert.deepEqual(some.hits.slice(1).map((h) => [h.snippet, h.title]), [[[], []], [[], []]]);
  assert.ok(some.hits.slice(1).every((h) => h.terms.includes('page')), 'the query\'s own terms mark the article opened');
  // Asked for when the list shows them: marked with the query's own terms.
  const details = index.details('pages', [...some.hits.slice(1).map((h) => h.path), 'gone.md']);
  assert.deepEqual(details.map((d) => d.path), some.hits.slice(1).map((h) => h.path), 'a path the index lacks is left out');
  for (const d of details) assert.ok(d.snippet.some((s) => s.mark && /^pages$/i.test(s.text)), `${d.path}: ${JSON.stringify(d.snippet)}`);
});
