// www/library/extract.js: what the parse worker keeps of an Article; strings.js: both
// languages complete; the vendored libraries equal the locked npm packages; sw.js caches
// every module of the shell.
// Run: node --test tests/unit/
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { moduleGraph } from '../../scripts/dist.mjs';
import { ENTRIES, shellFiles } from '../../scripts/shell-files.mjs';
import { clip, isRelativeUrl, summarize } from '../../www/library/extract.js';
import { KEYS, errorText, translator } from '../../www/library/strings.js';
import { safeType } from '../../www/library/links.js';
import { dayOf, plainName } from '../../www/library/dom.js';

const ROOT = new URL('../../', import.meta.url);

test('relative URLs and clipped summaries', () => {
  assert.ok(isRelativeUrl('a/b.png'));
  for (const url of ['', '#x', '//host/a', 'https://a', 'mailto:x', 'data:image/png;base64,']) assert.ok(!isRelativeUrl(url), url);
  assert.equal(clip('word '.repeat(100), 20), 'word word word word…');
});

test('a summary keeps metadata, links and counts, never the HTML', () => {
  const article = /** @type {any} */ ({
    title: 'T', date: '2020-01-02', date_text: null, authors: ['A'], categories: ['C'], tags: ['x'], cover: null,
    summary: null, excerpt: 'The opening.', lang: 'en', format: 'markdown', draft: false, encoding: 'UTF-8',
    warnings: [{ code: 'yaml-broken' }], stats: { words: 12 }, html: '<p>secret html</p>',
    text: 'core text', links: [{ kind: 'wikilink', target: 'N#h' }, { kind: 'bogus', target: 'x' }],
  });
  const { summary, text } = summarize('p/a.md', article);
  assert.equal(text, 'core text', "the core's text when it gives one");
  assert.equal(summary.summary, 'The opening.', 'the excerpt when there is no summary');
  assert.deepEqual(summary.links, [{ kind: 'wikilink', target: 'N#h' }]);
  assert.equal(summary.warnings, 1);
  assert.ok(!JSON.stringify(summary).includes('secret html'));
  const bare = summarize('p/a.md', { ...article, text: undefined, links: undefined });
  assert.deepEqual([bare.text, bare.summary.links], ['', []], 'nothing is read from the HTML');
});

test('object URLs are typed by use: an SVG or HTML file from the archive never opens as a page of this origin', () => {
  assert.equal(safeType('a/b.svg', 'image'), 'image/svg+xml');
  assert.equal(safeType('a/b.svg', 'link'), 'application/octet-stream');
  assert.equal(safeType('a/page.HTML', 'link'), 'application/octet-stream');
  assert.equal(safeType('a/b.xhtml', 'image'), 'application/octet-stream');
  assert.equal(safeType('a/paper.pdf', 'link'), 'application/pdf');
  assert.equal(safeType('a/p.PNG', 'link'), 'image/png');
});

test('list values as a reader sees them: wiki-link names, the calendar day as written', () => {
  assert.equal(plainName('[[Clippings]]'), 'Clippings');
  assert.equal(plainName('[[Steph Ango|Steph]] & [[Note#Part]]'), 'Steph & Note');
  assert.equal(plainName('Plain'), 'Plain');
  assert.equal(dayOf('2017-08-30T01:37:56+08:00', 'en'), 'Aug 30, 2017', 'the day the author wrote, whatever the zone');
  assert.equal(dayOf('not a date', 'en'), null);
});

test('every UI string exists in English and Chinese, and error codes read as sentences', () => {
  assert.deepEqual([...KEYS.zh].sort(), [...KEYS.en].sort());
  const zh = translator('zh');
  assert.match(errorText(zh, { code: 'zip-bomb', message: 'x', params: { name: 'a.txt', ratio: '5000' } }), /压缩炸弹/);
  assert.equal(errorText(zh, { code: 'some-new-code', message: 'English fallback' }), 'English fallback');
  assert.equal(translator('en')('count', 10000), '10,000 articles');
});

test('the library imports its vendored libraries from www/vendor/, as the locked npm packages copy them', () => {
  /** What the library's modules import from www/vendor/, and the package file each is. */
  const imported = new Map();
  for (const name of readdirSync(new URL('www/library/', ROOT)).filter((f) => f.endsWith('.js'))) {
    const text = readFileSync(new URL(`www/library/${name}`, ROOT), 'utf8');
    for (const m of text.matchAll(/from '\.\.\/vendor\/([^']+)'/g)) imported.set(m[1], name);
  }
  assert.deepEqual([...imported.keys()].sort(), ['fflate/esm/browser.js', 'minisearch/dist/es/index.js', 'stemmer/index.js']);
  for (const path of imported.keys()) {
    const copy = new URL(`www/vendor/${path}`, ROOT);
    assert.ok(readFileSync(copy).equals(readFileSync(new URL(`node_modules/${path}`, ROOT))), `www/vendor/${path} differs: run node scripts/vendor.mjs`);
    // Its types beside it, for tsc (the JSDoc-typed modules that import it).
    assert.ok(readFileSync(new URL(`www/vendor/${path.replace(/\.js$/, '.d.ts')}`, ROOT)).length > 0, path);
  }
});

test('the service worker caches every module, style and page of the shell', async () => {
  const sw = readFileSync(new URL('www/sw.js', ROOT), 'utf8');
  assert.match(sw, /const SHELL_LIST = 'shell-files\.json'/, 'sw.js reads the list the build writes');
  const graph = await moduleGraph(ENTRIES);
  const listed = new Set(shellFiles(fileURLToPath(new URL('www/', ROOT)), new Set(graph)));
  const needed = [...graph, 'index.html', 'style.css', 'library/library.css', 'manifest.webmanifest', 'favicon.svg', 'pkg/folio.js', 'pkg/folio_bg.wasm', 'library/search-index.wasm'];
  for (const file of needed) assert.ok(listed.has(file), `the shell's list lacks ${file}`);
  assert.ok(graph.includes('vendor/minisearch/dist/es/index.js'), 'the library\'s vendored code is imported, so listed');
  assert.ok(![...listed].some((file) => file.startsWith('examples/') || file.endsWith('.d.ts')), 'examples and type files are not the shell');
  // Cached when first used, not at install: the lazily loaded third-party code and the single file.
  assert.ok(![...listed].some((file) => file.startsWith('vendor/mermaid/') || file.startsWith('vendor/katex/') || file === 'folio.html'), 'lazy code is not installed');
});
