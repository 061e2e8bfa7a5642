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

test('index.html preloads exactly the viewer\'s first load (its static imports) and the core', async () => {
  const html = readFileSync(join(WWW, 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]).sort();
  const graph = (await moduleGraph(['app.js'], { firstLoad: true })).filter((path) => path !== 'app.js');
  assert.deepEqual(preloaded, [...graph, 'pkg/folio.js'].sort());
});

test('the rich-content modules stay out of the first load, and are in the whole graph', async () => {
  const lazy = ['reading/code.js', 'reading/math.js', 'reading/mermaid.js', 'reading/callouts.js', 'reading/footnotes.js',
    'reading/figures.js', 'reading/stylesheets.js', 'reading/vendor.js'];
  for (const entry of ['app.js', 'folio-article.js']) {
    const first = await moduleGraph([entry], { firstLoad: true });
    const all = await moduleGraph([entry]);
    assert.deepEqual(lazy.filter((path) => first.includes(path)), [], `${entry} loads these at once`);
    assert.deepEqual(lazy.filter((path) => !all.includes(path)), [], `${entry} never reaches these`);
    assert.ok(first.includes('reading/enhance.js'), 'enhance.js, which picks the modules, is part of the first load');
  }
  // Nothing in the first load names www/vendor/ (third-party code comes with the lazy modules).
  for (const path of await moduleGraph(['app.js', 'folio-article.js'], { firstLoad: true })) {
    assert.doesNotMatch(readFileSync(join(WWW, path), 'utf8'), /vendor\//, path);
  }
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
    trustedBodyHTML: ['trusted-types.js', 'view/article.js'],
    innerHTML: ['view/article.js'],
  });
});

test('every UI string has Chinese words of its own', async () => {
  const { translator } = await import('../../www/i18n.js');
  const en = translator('en');
  const zh = translator('zh');
  const source = readFileSync(join(WWW, 'i18n.js'), 'utf8');
  const table = source.slice(source.indexOf('const EN = {'), source.indexOf('/** @typedef {typeof EN} Strings */'));
  const keys = [...table.matchAll(/^ {2}'?([\w.-]+)'?:/gm)].map((m) => m[1]);
  assert.ok(keys.length > 40, `found ${keys.length} keys`);
  /** Sample arguments: a number for counts and sizes, a params object for errors. */
  const args = (/** @type {string} */ key) => (key.startsWith('error.')
    ? [{ size: '41943040', limit: '33554432', kind: 'PNG image', url: 'https://example.com/a.md', status: '404 Not Found', value: 'x' }]
    : [3, 'x']);
  const same = keys.filter((key) => key !== 'appName'
    && /** @type {any} */ (en)(key, ...args(key)) === /** @type {any} */ (zh)(key, ...args(key)));
  assert.deepEqual(same, [], 'these strings are English in the Chinese UI');
  for (const key of keys) assert.doesNotMatch(/** @type {any} */ (zh)(key, ...args(key)), /undefined|NaN/, key);
});

test('the element\'s styles are its stylesheet\'s: no CSS in its module', () => {
  const element = readFileSync(join(WWW, 'folio-article.js'), 'utf8');
  const css = readFileSync(join(WWW, 'folio-article.css'), 'utf8');
  assert.doesNotMatch(element, /--folio-fg|\.article-body|@media/, 'folio-article.js holds CSS');
  for (const rule of [':host([theme="dark"])', '.article-body', '.image-placeholder', '.toc-long', '.error-card']) {
    assert.ok(css.includes(rule), `folio-article.css lacks ${rule}`);
  }
});
