// The loader (www/folio.js) over the core's two modules: `<folio-article>` fetches the light
// module for Markdown and the full one only for a file that needs it (HTML, a legacy
// encoding, TOML front matter), with the same Article as a page that loads only the full
// module; over the whole corpus, render() with the light module alone renders or throws
// `not-ready` naming the tier and the module, and every Article equals the full module's;
// a trap in either module fails that one file and a fresh instance of that module follows.
// The service worker's list holds both modules. (tests/e2e/weight.test.mjs: the whole
// list of what a Markdown page fetches; tests/e2e/tiers.test.mjs: light against native.)
//
// Needs scripts/build-wasm.sh (both modules) and node scripts/shell-files.mjs (make build).

import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { ENTRIES, shellFiles } from '../../scripts/shell-files.mjs';
import { moduleGraph } from '../../scripts/dist.mjs';
import { ROOT, SAMPLE_NAME, TINY_POST, TRAPPING_CORE, corpus, fakeCore, recordPaths, settle, useBrowser, withPage } from './harness.mjs';

const harness = useBrowser();
/** A same-origin page with no script of its own (the viewer would load the core itself). */
const BLANK = `samples/${SAMPLE_NAME}`;

/** @typedef {import('playwright-core').Page} Page */

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: http: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types folio";

/**
 * Serves a page with one `<folio-article>` at /e2e-fixtures/page.html (its `src` set later
 * by the test, or `src` here), and `files` next to it.
 * @param {Page} page
 * @param {Record<string, Buffer | string>} files
 * @param {string} [src]
 */
async function serveElementPage(page, files, src = '') {
  await page.route('**/e2e-fixtures/**', (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop() ?? '');
    if (name === 'page.html') {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<script type="module" src="../folio-article.js"></script></head><body><folio-article${src ? ` src="${src}"` : ''}></folio-article></body></html>` });
    }
    const body = files[name];
    return body === undefined ? route.fulfill({ status: 404, body: 'Not found' }) : route.fulfill({ status: 200, contentType: 'application/octet-stream', body });
  });
}

/**
 * The Article a page that loads only the full module gives for these bytes (the element's
 * options: the file's name and its URL as the base).
 * @param {Buffer} bytes
 * @param {string} fileName
 * @param {string} baseUrl
 * @returns {Promise<unknown>}
 */
async function fullOnlyArticle(bytes, fileName, baseUrl) {
  /** @type {unknown} */
  let article;
  await withPage(harness, BLANK, async (page) => {
    article = await page.evaluate(async ([list, name, base]) => {
      const folio = await import('/folio.js');
      await folio.init({ modules: ['full'] });
      return folio.render(new Uint8Array(list), { fileName: name, baseUrl: base });
    }, /** @type {[number[], string, string]} */ ([[...bytes], fileName, baseUrl]));
  });
  return article;
}

/** Corpus files of each kind the light module cannot read, and what they need. */
const NEEDS_FULL = [
  { path: 'other/readability-gmw-source.html', tier: 'an HTML body' },
  { path: 'encodings/uchardet-zh-gb18030.txt', tier: 'a legacy encoding (GB18030)' },
  { path: 'zola/zola-test-draft.md', tier: 'TOML front matter' },
];

test('a Markdown article in <folio-article> fetches the light module only', async () => {
  /** @type {string[]} */
  let paths = [];
  await withPage(harness, 'e2e-fixtures/page.html', async (page) => {
    await page.locator('folio-article [part~="title"]').filter({ hasText: 'A tiny fixture post' }).waitFor();
    await settle(paths);
    assert.deepEqual(paths.filter((path) => path.startsWith('pkg/')).sort(), ['pkg/folio_light.js', 'pkg/folio_light_bg.wasm']);
  }, { setup: async (page) => { paths = recordPaths(page, harness.url); await serveElementPage(page, { 'post.md': TINY_POST }, 'post.md'); } });
});

for (const { path, tier } of NEEDS_FULL) {
  test(`a file with ${tier} in <folio-article> fetches the full module too, and gives the full module's Article`, async () => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const bytes = corpus(path);
    /** @type {string[]} */
    let paths = [];
    /** @type {unknown} */
    let shown;
    await withPage(harness, 'e2e-fixtures/page.html', async (page) => {
      const element = page.locator('folio-article');
      await page.locator('folio-article[rendered]').waitFor();
      shown = await element.evaluate((node) => JSON.parse(JSON.stringify(/** @type {any} */ (node).article)));
      await settle(paths);
      const core = paths.filter((p) => p.startsWith('pkg/')).sort();
      // The light module first (its needs() names the tier), then the full one, each once.
      assert.deepEqual(core, ['pkg/folio.js', 'pkg/folio_bg.wasm', 'pkg/folio_light.js', 'pkg/folio_light_bg.wasm']);
    }, { setup: async (page) => { paths = recordPaths(page, harness.url); await serveElementPage(page, { [name]: bytes }, name); } });
    const expected = await fullOnlyArticle(bytes, name, `${harness.url}e2e-fixtures/${name}`);
    assert.ok(expected && typeof expected === 'object' && 'html' in expected);
    assert.deepEqual(shown, expected);
  });
}

/**
 * Every file of the shared corpus, relative to it.
 * @returns {string[]}
 */
function corpusFiles() {
  const root = join(ROOT, '../shared/corpus');
  /** @type {string[]} */
  const out = [];
  const walk = (/** @type {string} */ dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name !== 'README.md' && name !== 'SOURCES.tsv') out.push(relative(root, path));
    }
  };
  walk(root);
  return out.sort();
}

test('over the corpus: the light module alone renders or says which module a file needs; every Article equals the full module\'s', async (t) => {
  const files = corpusFiles();
  assert.ok(files.length > 200, `only ${files.length} corpus files`);
  const setup = async (/** @type {Page} */ page) => {
    await page.route('**/__corpus/**', (route) => {
      const path = decodeURIComponent(new URL(route.request().url()).pathname.slice('/__corpus/'.length));
      return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: corpus(path) });
    });
  };
  /**
   * Each file's outcome in a fresh page: `modules` null is the default loader (light
   * first, then the full module for what light cannot render), else `init({ modules })`.
   * @param {string[] | null} modules
   * @returns {Promise<{ path: string, light?: string, code?: string, params?: Record<string, string>, json?: string }[]>}
   */
  const run = async (modules) => {
    /** @type {any[]} */
    let results = [];
    await withPage(harness, BLANK, async (page) => {
      results = await page.evaluate(async ([list, only]) => {
        const folio = await import('/folio.js');
        const out = [];
        const bytes = await Promise.all(list.map(async (path) => new Uint8Array(await (await fetch(`/__corpus/${encodeURIComponent(path)}`)).arrayBuffer())));
        const outcome = (/** @type {Uint8Array} */ input, /** @type {string} */ path) => {
          try {
            return { json: JSON.stringify(folio.render(input, { fileName: path })) };
          } catch (error) {
            const e = /** @type {{ code?: string, params?: Record<string, string> }} */ (error);
            return { code: e.code, params: e.params };
          }
        };
        if (only) {
          await folio.init({ modules: only });
          list.forEach((path, i) => out.push({ path, ...outcome(bytes[i], path) }));
          return out;
        }
        await folio.init();
        list.forEach((path, i) => out.push({ path, light: 'yes', ...outcome(bytes[i], path) }));
        await folio.init({ preload: ['full'] });
        for (const r of out) {
          if (r.code !== 'not-ready') continue;
          r.light = `not-ready ${JSON.stringify(r.params)}`;
          Object.assign(r, { code: undefined, params: undefined }, outcome(bytes[list.indexOf(r.path)], r.path));
        }
        return out;
      }, /** @type {[string[], string[] | null]} */ ([files, modules]));
    }, { setup });
    return results;
  };
  const [loaded, full] = [await run(null), await run(['full'])];
  const byLight = loaded.filter((r) => r.light === 'yes' && r.json !== undefined);
  const deferred = loaded.filter((r) => r.light?.startsWith('not-ready'));
  for (const r of deferred) {
    const params = JSON.parse(/** @type {string} */ (r.light).slice('not-ready '.length));
    assert.ok(['html', 'legacy', 'toml'].includes(params.tier) && params.module === 'full', `${r.path}: ${r.light}`);
  }
  assert.ok(byLight.length > 60 && deferred.length > 60, `light rendered ${byLight.length}, left ${deferred.length} to the full module`);
  for (const [i, r] of loaded.entries()) {
    const f = full[i];
    assert.equal(r.path, f.path);
    assert.equal(r.code, f.code, `${r.path}: ${r.code} / ${f.code}`);
    if (r.json !== undefined || f.json !== undefined) assert.deepEqual(JSON.parse(r.json ?? 'null'), JSON.parse(f.json ?? 'null'), `${r.path}: the loader's Article differs from the full module's`);
  }
  t.diagnostic(`${byLight.length} files rendered by the light module, ${deferred.length} by the full one, ${loaded.filter((r) => r.code).length} refused by both alike`);
});

test('a trap in either module fails that file only; a fresh instance of that module renders the next', async () => {
  /** @type {string[]} */
  let paths = [];
  const files = {
    'crash.md': '# FOLIO-TRAP\n',
    'post.md': TINY_POST,
    'crash.html': '<!doctype html><html><head><title>Crash</title></head><body><p>FOLIO-TRAP</p></body></html>',
    'after.html': '<!doctype html><html><head><title>A page after the crash</title></head><body><p>Fine.</p></body></html>',
  };
  const setup = async (/** @type {Page} */ page) => {
    paths = recordPaths(page, harness.url);
    await fakeCore(page, TRAPPING_CORE);
    await serveElementPage(page, files);
  };
  await withPage(harness, 'e2e-fixtures/page.html', async (page) => {
    const element = page.locator('folio-article');
    const title = element.locator('[part~="title"]');
    const crashed = element.locator('[part~="error-message"]').filter({ hasText: 'crashed' });
    const show = (/** @type {string} */ src) => element.evaluate((node, value) => node.setAttribute('src', value), src);
    await show('crash.md');
    await crashed.waitFor();
    await show('post.md');
    await title.filter({ hasText: 'A tiny fixture post' }).waitFor();
    assert.ok(paths.includes('pkg/folio_light.js?instance=1'), `no fresh light instance: ${paths}`);
    assert.ok(!paths.includes('pkg/folio_bg.wasm'), 'the full module was fetched for Markdown');
    await show('crash.html');
    await crashed.waitFor();
    await show('after.html');
    await title.filter({ hasText: 'A page after the crash' }).waitFor();
    await settle(paths);
    assert.ok(paths.includes('pkg/folio.js?instance=1'), `no fresh full instance: ${paths}`);
    for (const wasm of ['pkg/folio_light_bg.wasm', 'pkg/folio_bg.wasm']) {
      assert.equal(paths.filter((path) => path === wasm).length, 1, `${wasm} fetched again after a trap`);
    }
  }, { setup });
});

test('the service worker\'s list holds both modules of the core, glue and .wasm', async () => {
  const listed = shellFiles(join(ROOT, 'www'), new Set(await moduleGraph(ENTRIES)));
  for (const file of ['pkg/folio_light.js', 'pkg/folio_light_bg.wasm', 'pkg/folio.js', 'pkg/folio_bg.wasm']) {
    assert.ok(listed.includes(file), `the shell's list lacks ${file}`);
  }
  const written = JSON.parse(readFileSync(join(ROOT, 'www/shell-files.json'), 'utf8'));
  assert.deepEqual(written, listed, 'www/shell-files.json is stale: run node scripts/shell-files.mjs (make build)');
});

test('a parse worker the pool starts unwarmed loads the full module alone, not light first', async () => {
  /** @type {string[]} */
  let paths = [];
  await withPage(harness, '?src=', async (page) => {
    // Three files picked (no pointer or drag on the page: the pool warms no worker);
    // the viewer shows the first with its light module, the workers read the others.
    const posts = ['one', 'two', 'three'].map((name) => ({
      name: `${name}.md`, mimeType: 'text/markdown', buffer: Buffer.from(TINY_POST.replace('A tiny fixture post', `Post ${name}`)),
    }));
    await page.locator('[data-testid="file-input"]').setInputFiles(posts);
    await page.locator('[data-testid="library-item"]').filter({ hasText: 'Post three' }).waitFor();
    await page.locator('[data-testid="library-item"]').filter({ hasText: 'Post two' }).waitFor();
    await settle(paths);
    const count = (/** @type {string} */ file) => paths.filter((p) => p === `pkg/${file}`).length;
    assert.ok(count('folio_bg.wasm') >= 1, `no worker loaded the full module: ${paths.filter((p) => p.startsWith('pkg/'))}`);
    // The page's own light module only: a worker fetching light too would add one.
    assert.equal(count('folio_light_bg.wasm'), 1, `light fetched by a worker: ${paths.filter((p) => p.startsWith('pkg/'))}`);
  }, { setup: async (page) => { paths = recordPaths(page, harness.url); } });
});
