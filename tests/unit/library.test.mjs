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
    prioritize: () => {},
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
