// www/library/archive.js and scripts/check-archive.mjs: an archive written from the
// fixture library reads back whole; damaged, partial, foreign and escaping archives are
// refused or cleaned as the format says (docs/archive-format.md).
// Run: node --test tests/unit/
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { blocksOf, checkArchive, folderFiles } from '../../scripts/check-archive.mjs';
import { blockElements, fromBlocks, readArchive, toBlocks, writeArchive } from '../../www/library/archive.js';
import { fileKind } from '../../www/library/paths.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/archive/blog', import.meta.url));
const TEMPLATE = '<!doctype html>\n<html><head><title>Folio</title></head><body><p>viewer</p>\n</body>\n</html>\n';

/** An archive page of the fixture library, with made-up summaries and texts. */
function fixturePage(blockBytes = 30) {
  const files = [...folderFiles(FIXTURE)].map(([path, bytes]) => ({ path, bytes: new Uint8Array(bytes), kind: /** @type {'article' | 'asset'} */ (fileKind(path) === 'article' ? 'article' : 'asset') }));
  const articles = files.filter((f) => f.kind === 'article').map((f) => ({
    path: f.path, title: f.path, date: null, date_text: null, authors: [], categories: [], tags: ['t'], cover: null, summary: null,
    lang: null, format: 'markdown', draft: false, warnings: 0, encoding: 'UTF-8', words: 3, links: [{ kind: /** @type {const} */ ('link'), target: 'x.md' }],
  }));
  const docs = articles.map((a) => ({ path: a.path, title: a.path, tags: 't', authors: '', text: `text of ${a.path}` }));
  const zip = writeArchive({ title: 'blog', generator: 'test', files, articles, docs, created: new Date(0) });
  const end = TEMPLATE.lastIndexOf('</body>');
  return { html: TEMPLATE.slice(0, end) + blockElements(toBlocks(zip, blockBytes)).join('') + TEMPLATE.slice(end), files, zip };
}

test('an archive of the fixture library reads back whole, in blocks that decode alone', () => {
  const { html, files, zip } = fixturePage();
  const blocks = blocksOf(html);
  assert.ok(blocks.length > 3, `cut into ${blocks.length} blocks`);
  assert.deepEqual(fromBlocks([...blocks].reverse()), zip, 'parts are put back in order');
  const read = readArchive(zip);
  assert.equal(read.manifest.title, 'blog');
  assert.equal(read.manifest.created, '1970-01-01T00:00:00.000Z');
  assert.deepEqual(read.files.map((f) => f.path).sort(), files.map((f) => f.path).sort());
  assert.deepEqual(read.files.find((f) => f.path.endsWith('map.png'))?.bytes, files.find((f) => f.path.endsWith('map.png'))?.bytes);
  assert.equal(read.summaries.size, 3);
  assert.equal(read.docs.length, 3);
  assert.deepEqual(checkArchive(html, FIXTURE).problems, []);
});

test('the checker finds what a writer got wrong', () => {
  const { html } = fixturePage();
  const blocks = blocksOf(html);
  assert.throws(() => fromBlocks(blocks.slice(1)), { code: 'archive-parts' });
  assert.throws(() => fromBlocks([{ ...blocks[0], text: '%%%' }, ...blocks.slice(1)]), { code: 'archive-damaged' });
  // A library with one file more than the archive holds.
  const partial = zipSync({
    'folio-archive.json': strToU8(JSON.stringify({ format: 'folio-archive', version: 1, title: 't', created: '', generator: 'g', files: [], articles: [] })),
    'files/blog/posts/hello.md': strToU8('changed'),
  });
  const page = `<body>${blockElements(toBlocks(partial)).join('')}</body>`;
  const { problems } = checkArchive(page, FIXTURE);
  assert.ok(problems.includes('blog/posts/hello.md: bytes differ'), problems.join('\n'));
  assert.ok(problems.includes('blog/notes/Kyoto notes.md: missing'), problems.join('\n'));
  assert.ok(problems.includes('blog/posts/hello.md: no summary in the manifest'), problems.join('\n'));
  assert.ok(problems.includes('blog/posts/hello.md: not in the manifest\'s files'), problems.join('\n'));
});

test('foreign, newer and escaping archives', () => {
  assert.throws(() => readArchive(zipSync({ 'a.txt': strToU8('x') })), { code: 'archive-damaged' });
  assert.throws(() => readArchive(zipSync({ 'folio-archive.json': strToU8('{') })), { code: 'archive-damaged' });
  assert.throws(() => readArchive(zipSync({ 'folio-archive.json': strToU8('{"format":"folio-archive","version":2,"files":[]}') })), { code: 'archive-version' });
  const hostile = readArchive(zipSync({
    'folio-archive.json': strToU8(JSON.stringify({ format: 'folio-archive', version: 1, files: [], articles: [
      { path: 'a.md', title: 'A', date: null, summary: null, cover: null, authors: [], categories: [], tags: [], links: [] },
      { path: 'gone.md', title: 'G', date: null, summary: null, cover: null, authors: [], categories: [], tags: [], links: [] },
      { path: 'a.md', title: 5 },
    ] })),
    'index.jsonl': strToU8('{"path":"a.md","title":"A","tags":"","authors":"","text":"t"}\nnot json\n{"path":"a.md"}\n'),
    'files/../../etc/evil.md': strToU8('# Escaped\n'),
    'files/a.md': strToU8('# A\n'),
    'outside.md': strToU8('# Not under files/\n'),
  }));
  // files/../../etc/evil.md climbs out of files/ (its name is normalized first): not a file of the library.
  assert.deepEqual(hostile.files.map((f) => f.path).sort(), ['a.md'], 'names stay inside the library; entries outside files/ are not files');
  assert.deepEqual([...hostile.summaries.keys()], ['a.md'], 'summaries only for files that are there, of the right shape');
  assert.equal(hostile.summaries.get('a.md')?.format, 'markdown', 'missing fields get their defaults');
  assert.deepEqual(hostile.docs.map((d) => d.path), ['a.md'], 'damaged lines are skipped');
});
