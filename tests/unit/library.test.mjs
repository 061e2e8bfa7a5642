// www/library/library.js with a stand-in pool: articles vs assets, files opened again,
// the list's order and filters with their counts, backlinks, events.
// Run: node --test tests/unit/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Library } from '../../www/library/library.js';

/**
 * @param {string} path
 * @param {Partial<import('../../www/library/messages.js').ArticleSummary>} fields
 */
function summary(path, fields) {
  return { path, title: null, date: null, date_text: null, authors: [], categories: [], tags: [], cover: null, summary: null,
    lang: null, format: 'markdown', draft: false, warnings: 0, encoding: 'UTF-8', words: 0, links: [], ...fields };
}

/** @param {string} name @param {number} [size] */
const file = (name, size = 10) => /** @type {File} */ (/** @type {unknown} */ ({ name, size, lastModified: 1 }));

const SUMMARIES = {
  'blog/a.md': summary('blog/a.md', { title: 'Alpha', date: '2021-05-01', tags: ['x'], categories: ['News'], authors: ['Ann'], links: [{ kind: 'link', target: 'b.md' }] }),
  'blog/b.md': summary('blog/b.md', { title: 'beta', date: '2023-01-02T10:00:00+08:00', tags: ['x', 'y'], categories: ['News'] }),
  'blog/sub/c.md': summary('blog/sub/c.md', { title: null, tags: ['y'], links: [{ kind: 'link', target: '../b.md' }, { kind: 'image', target: 'p.png' }] }),
};

/** A pool that answers from SUMMARIES, failing bad.md. */
function fakePool() {
  /** @type {string[]} */
  const parsed = [];
  return {
    parsed,
    parse: async (/** @type {string} */ path) => {
      parsed.push(path);
      return path.endsWith('bad.md')
        ? { id: 0, path, error: { code: 'binary', message: 'Binary.', params: {} } }
        : { id: 0, summary: /** @type {any} */ (SUMMARIES)[path] ?? summary(path, {}) };
    },
    cancel: () => {},
    close: () => {},
  };
}

/** @param {Library} library */
const idle = (library) => new Promise((resolve) => library.addEventListener('idle', resolve, { once: true }));

test('a library sorts files into articles and assets, lists, filters and counts them', async () => {
  const pool = fakePool();
  const library = new Library({ search: null, pool: /** @type {any} */ (pool) });
  /** @type {string[]} */
  const events = [];
  library.addEventListener('files', (e) => events.push(`files ${/** @type {CustomEvent} */ (e).detail.added.length}`));
  const done = idle(library);
  library.addFiles(['blog/a.md', 'blog/b.md', 'blog/sub/c.md', 'blog/sub/p.png', 'blog/bad.md', 'blog/.git/x.md']
    .map((path) => ({ path, file: file(path) })));
  await done;
  assert.deepEqual(events, ['files 4']);
  assert.deepEqual(library.counts(), { total: 4, parsed: 3, failed: 1, indexed: 0, assets: 1 });
  assert.deepEqual(library.list().map((r) => r.title), ['beta', 'Alpha', 'bad', 'c'], 'newest first, undated last, file name when untitled');
  assert.deepEqual(library.list({ sort: 'title' }).map((r) => r.title), ['Alpha', 'bad', 'beta', 'c']);
  assert.deepEqual(library.list({ filter: { tag: 'y' } }).map((r) => r.path), ['blog/b.md', 'blog/sub/c.md']);
  assert.deepEqual(library.list({ filter: { folder: 'blog/sub' } }).map((r) => r.path), ['blog/sub/c.md']);
  assert.deepEqual(library.list({ filter: { year: '2021' } }).map((r) => r.path), ['blog/a.md']);
  const facets = library.facets({ tag: 'y' });
  assert.deepEqual(facets.tag, [['x', 2], ['y', 2]], "a facet's own filter does not narrow its counts");
  assert.deepEqual(facets.category, [['News', 1]]);
  assert.deepEqual(facets.year, [['2023', 1]]);
  assert.equal(library.tree.find('blog')?.total, 4);
  assert.deepEqual(library.backlinks('blog/b.md'), ['blog/a.md', 'blog/sub/c.md']);
  assert.equal(library.file('blog/sub/p.png')?.name, 'blog/sub/p.png');
});

test('a file opened again is kept when unchanged and read again when it changed', async () => {
  const pool = fakePool();
  const library = new Library({ search: null, pool: /** @type {any} */ (pool) });
  let done = idle(library);
  library.addFiles([{ path: 'a.md', file: file('a.md', 10) }]);
  await done;
  library.addFiles([{ path: 'a.md', file: file('a.md', 10) }]);
  assert.deepEqual(pool.parsed, ['a.md'], 'the same file twice is one entry');
  done = idle(library);
  library.addFiles([{ path: 'a.md', file: file('a.md', 12) }]);
  await done;
  assert.deepEqual(pool.parsed, ['a.md', 'a.md']);
  assert.deepEqual(library.counts(), { total: 1, parsed: 1, failed: 0, indexed: 0, assets: 0 });
  library.clear();
  assert.equal(library.counts().total, 0);
});

test('an article the reader opens leaves the parse queue: the viewer\'s render settles it, or it is parsed after all', async () => {
  /** A pool whose files wait until answered, as the parse pool's do. @type {Map<string, (reply: any) => void>} */
  const waiting = new Map();
  /** @type {string[]} */
  const calls = [];
  const pool = {
    parse: (/** @type {string} */ path) => new Promise((resolve) => { calls.push(`parse ${path}`); waiting.set(path, resolve); }),
    drop: (/** @type {string} */ path) => {
      const resolve = waiting.get(path);
      if (!resolve) return false;
      waiting.delete(path);
      resolve({ id: 0, path, error: { code: 'cancelled', message: 'Cancelled.' } });
      return true;
    },
    get pending() { return waiting.size; },
    pause: () => calls.push('pause'),
    cancel: () => {},
    close: () => {},
  };
  const library = new Library({ search: null, pool: /** @type {any} */ (pool) });
  library.addFiles(['a.md', 'b.md', 'c.md'].map((path) => ({ path, file: file(path) })));
  library.opening('a.md');
  assert.deepEqual([...waiting.keys()], ['b.md', 'c.md'], 'a.md left the queue');
  assert.equal(calls.at(-1), 'pause', 'the cores are the reader\'s');
  library.settleFromArticle('a.md', /** @type {any} */ ({ title: 'Opened', authors: [], categories: [], tags: [], links: [], text: 'words' }));
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(library.records.get('a.md')?.status, 'ready');
  assert.equal(library.records.get('a.md')?.title, 'Opened', 'settled from the viewer\'s render');

  // The viewer's render failed: the file is parsed as any other.
  library.opening('b.md');
  assert.equal(waiting.has('b.md'), false);
  library.readerFailed('b.md');
  assert.deepEqual(calls.filter((c) => c === 'parse b.md'), ['parse b.md', 'parse b.md']);
  /** @type {(reply: any) => void} */ (waiting.get('b.md'))({ id: 1, summary: summary('b.md', { title: 'Parsed' }) });
  waiting.delete('b.md');
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(library.records.get('b.md')?.title, 'Parsed');
  library.readerFailed('b.md');
  assert.equal(waiting.has('b.md'), false, 'once only');

  // Already with a parse worker (not waiting): its render there settles it, not the viewer's.
  waiting.delete('c.md');
  library.opening('c.md');
  library.settleFromArticle('c.md', /** @type {any} */ ({ title: 'Twice', authors: [], categories: [], tags: [], links: [] }));
  assert.equal(library.records.get('c.md')?.status, 'pending');
});
