// The shell's structure, checked in Node (no browser): the page preloads exactly the
// viewer's module graph; HTML and script URLs are trusted in one module and inserted in
// one; every UI string has its own Chinese; the element's styles live in their .css file.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { moduleGraph } from '../../scripts/dist.mjs';
import { ROOT } from './harness.mjs';

const WWW = join(ROOT, 'www');

/**
 * Every JS file under www/ (not the core's generated glue), relative to www/.
 * @param {string} dir
 * @returns {string[]}
 */
function shellModules(dir = '') {
  return readdirSync(join(WWW, dir)).flatMap((name) => {
    const path = dir ? `${dir}/${name}` : name;
    if (path === 'pkg' || path === 'samples' || name === 'vendor') return []; // generated or third-party
    if (statSync(join(WWW, path)).isDirectory()) return shellModules(path);
    return path.endsWith('.js') ? [path] : [];
  });
}

test('index.html preloads exactly the viewer\'s first load (its static imports) and the core\'s light module', async () => {
  const html = readFileSync(join(WWW, 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"[^>]*>/g)].map((m) => m[1]).sort();
  const graph = (await moduleGraph(['app.js'], { firstLoad: true })).filter((path) => path !== 'app.js');
  assert.deepEqual(preloaded, [...graph, 'pkg/folio_light.js'].sort());
});

test('index.html asks first for what the first article needs (viewer/early.js, the core, viewer/first-view.js: their imports), the rest at low priority', async () => {
  const html = readFileSync(join(WWW, 'index.html'), 'utf8');
  const links = [...html.matchAll(/<link rel="(?:module)?preload" href="([^"]+)"([^>]*)>/g)].map((m) => ({ href: m[1], low: /fetchpriority="low"/.test(m[2]) }));
  const first = [...await moduleGraph(['viewer/early.js', 'viewer/first-view.js'], { firstLoad: true }), 'pkg/folio_light.js', 'pkg/folio_light_bg.wasm'];
  const ahead = links.slice(0, first.length);
  assert.deepEqual(ahead.map((l) => l.href).sort(), [...first].sort(), 'the first preloads are early.js\'s and first-view.js\'s graphs and the core');
  assert.deepEqual(ahead.filter((l) => l.low).map((l) => l.href), [], 'the first preloads keep their usual priority');
  assert.deepEqual(links.slice(first.length).filter((l) => !l.low).map((l) => l.href), [], 'the rest are fetched at low priority');
});

test('the rich-content modules stay out of the first load, and are in the whole graph', async () => {
  const lazy = ['reading/code.js', 'reading/math.js', 'reading/mermaid.js', 'reading/callouts.js', 'reading/footnotes.js',
    'reading/figures.js', 'reading/stylesheets.js', 'reading/vendor.js', 'i18n/reading.js'];
  for (const entry of ['app.js', 'folio-article.js']) {
    const first = await moduleGraph([entry], { firstLoad: true });
    const all = await moduleGraph([entry]);
    assert.deepEqual(lazy.filter((path) => first.includes(path)), [], `${entry} loads these at once`);
    assert.deepEqual(lazy.filter((path) => !all.includes(path)), [], `${entry} never reaches these`);
  }
  // The viewer picks rich content with its first load (reader.js hands enhance.js to the view).
  assert.ok((await moduleGraph(['app.js'], { firstLoad: true })).includes('reading/enhance.js'));
  // Nothing in the first load names www/vendor/ (third-party code comes with the lazy modules).
  for (const path of await moduleGraph(['app.js', 'folio-article.js'], { firstLoad: true })) {
    assert.doesNotMatch(readFileSync(join(WWW, path), 'utf8'), /vendor\//, path);
  }
});

test('the element loads at once only what one article needs: no viewer words, error card, rich content or reader-following', async () => {
  const first = await moduleGraph(['folio-article.js'], { firstLoad: true });
  const all = await moduleGraph(['folio-article.js']);
  const later = ['i18n.js', 'i18n/errors.js', 'view/error.js', 'view/original.js', 'view/progress.js', 'reading/enhance.js', 'reading/blocks.js'];
  assert.deepEqual(later.filter((path) => first.includes(path)), [], 'the element loads these at once');
  // Each is still reached, on demand (except the viewer's own words, which it never needs).
  assert.deepEqual(later.filter((path) => path !== 'i18n.js' && !all.includes(path)), []);
  assert.ok(!all.includes('i18n.js') && !all.includes('view/controls.js'), 'the element reaches the viewer\'s words or settings');
});

test('one module makes the Trusted Types policy; one inserts the body HTML', () => {
  /** What is looked for: a call or an assignment, not a mention in a comment. */
  const uses = { createPolicy: /\.createPolicy\(/, trustedBodyHTML: /\btrustedBodyHTML\(/, innerHTML: /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML\(/ };
  /** @type {Record<string, string[]>} */
  const found = { createPolicy: [], trustedBodyHTML: [], innerHTML: [] };
  for (const path of shellModules()) {
    const text = readFileSync(join(WWW, path), 'utf8');
    for (const [name, pattern] of Object.entries(uses)) if (pattern.test(text)) found[name].push(path);
  }
  assert.deepEqual(found, {
    // The page's one policy; and the diagram frame's own, in its sandbox (mermaid-frame.js).
    createPolicy: ['reading/mermaid-frame.js', 'trusted-types.js'],
    trustedBodyHTML: ['trusted-types.js', 'view/body.js'],
    innerHTML: ['view/body.js'],
  });
});

test('every UI string has Chinese words of its own, in every table of words', async () => {
  const tables = {
    'i18n/core.js': (await import('../../www/i18n/core.js')).CORE_WORDS,
    'i18n/errors.js': (await import('../../www/i18n/errors.js')).ERROR_WORDS,
    'i18n/reading.js': (await import('../../www/i18n/reading.js')).READING_WORDS,
    'i18n/view-more.js': (await import('../../www/i18n/view-more.js')).VIEW_MORE_WORDS,
    'i18n.js': (await import('../../www/i18n.js')).VIEWER_WORDS,
  };
  // Every table module under www/i18n/ is listed here (the warnings' Chinese words, which
  // have no English table, are checked against the core's codes by tests/contract.rs).
  const listed = readdirSync(join(WWW, 'i18n')).map((name) => `i18n/${name}`).filter((path) => path !== 'i18n/warnings.js');
  assert.deepEqual(listed.sort(), Object.keys(tables).filter((path) => path !== 'i18n.js').sort());
  /** Sample arguments: a number for counts and sizes, a params object for errors. */
  const args = (/** @type {string} */ key) => (key.startsWith('error.')
    ? [{ size: '41943040', limit: '33554432', kind: 'PNG image', url: 'https://example.com/a.md', status: '404 Not Found', value: 'x' }]
    : [3, 'x']);
  /** @param {unknown} entry @param {string} key */
  const say = (entry, key) => (typeof entry === 'function' ? entry(...args(key)) : entry);
  let count = 0;
  for (const [path, { en, zh }] of Object.entries(tables)) {
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort(), `${path}: the same keys in both languages`);
    const same = Object.keys(en).filter((key) => key !== 'appName' && say(/** @type {any} */ (en)[key], key) === say(/** @type {any} */ (zh)[key], key));
    assert.deepEqual(same, [], `${path}: these strings are English in the Chinese UI`);
    for (const key of Object.keys(zh)) assert.doesNotMatch(String(say(/** @type {any} */ (zh)[key], key)), /undefined|NaN/, `${path}: ${key}`);
    count += Object.keys(en).length;
  }
  assert.ok(count > 60, `found ${count} strings`);
});

test('the element\'s styles are its stylesheet\'s: no CSS in its module', () => {
  const element = readFileSync(join(WWW, 'folio-article.js'), 'utf8');
  const css = readFileSync(join(WWW, 'folio-article.css'), 'utf8');
  assert.doesNotMatch(element, /--folio-fg|\.article-body|@media/, 'folio-article.js holds CSS');
  for (const rule of [':host([theme="dark"])', '.article-body', '.image-placeholder', '.toc-long', '.error-card']) {
    assert.ok(css.includes(rule), `folio-article.css lacks ${rule}`);
  }
});
