// www/folio.js's contract, in Node where it can be checked without a browser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FolioError, compiledModule, compiledModules, init, render, renderWhenReady } from '../../www/folio.js';

test('render() before init() throws a clear error', () => {
  assert.throws(() => render('# Hi'), (error) => error instanceof FolioError && error.code === 'not-ready'
    && /await init\(\)/.test(error.message));
});

test('concurrent init() calls share one promise', async () => {
  const first = init();
  assert.equal(init(), first);
  // Node cannot fetch the .wasm by file URL; a failed start is retried by the next call.
  await first.catch(() => {});
  assert.notEqual(init(), first);
  await init().catch(() => {});
});

test('two modules: light renders Markdown, says not-ready (tier, module) for more, and full takes over once loaded', async () => {
  const { readFileSync } = await import('node:fs');
  const pkg = new URL('../../www/pkg/', import.meta.url);
  await assert.rejects(init({ preload: ['heavy'] }), (error) => error instanceof FolioError && error.code === 'bad-option' && error.params.value === 'heavy');
  const light = readFileSync(new URL('folio_light_bg.wasm', pkg));
  const full = readFileSync(new URL('folio_bg.wasm', pkg));
  await init({ wasm: { light, full } });
  assert.deepEqual(Object.keys(compiledModules()), ['light']);
  assert.equal(render('# Light\n', { fileName: 'a.md' }).title, 'Light');
  assert.throws(() => render('<p>x</p>', { fileName: 'a.html' }), (error) => error instanceof FolioError && error.code === 'not-ready'
    && error.params.tier === 'html' && error.params.module === 'full');
  const article = await renderWhenReady('+++\ntitle = "Toml"\n+++\nBody\n', { fileName: 'b.md' });
  assert.equal(article.title, 'Toml');
  assert.deepEqual(Object.keys(compiledModules()).sort(), ['full', 'light']);
  assert.equal(render('<p>x</p>', { fileName: 'a.html' }).format, 'html');
  // One source is the full module, serving every file: light is no longer used.
  await init({ wasm: full });
  assert.deepEqual(Object.keys(compiledModules()), ['full']);
  assert.equal(compiledModule(), compiledModules().full);
});
