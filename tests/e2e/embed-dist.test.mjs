// What `make dist` ships: the single file from file://, the packed npm package in a
// scratch project (Node and the browser), and the viewer's iframe mode (?embed=1).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildDist } from '../../scripts/dist.mjs';
import { startServer } from '../../scripts/serve.mjs';
import { ROOT, SAMPLE_NAME, SAMPLE_TITLE, TINY_POST, TRAPPING_CORE, dropFiles, fakeCore, shownTitle, useBrowser, withPage } from './harness.mjs';

const harness = useBrowser();
/** An article over the viewer's worker threshold (512 KiB). */
const BIG_POST = Buffer.from(`# A big article\n\n${'Some text in a big article. '.repeat(24_000)}\n\nThe end of the big article.\n`);
/** A temp directory holding dist/ for this run. */
let work = '';

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'folio-dist-'));
  await buildDist(join(work, 'dist'));
});
after(() => { if (work) rmSync(work, { recursive: true, force: true }); });

/**
 * Opens a URL the test server does not serve (file://, another server) in a fresh context
 * and fails on console errors, page errors and CSP violations, like the harness does.
 * Outside images get a placeholder; every other request is recorded and refused.
 * @param {string} url
 * @param {(page: import('playwright-core').Page, outside: string[]) => Promise<void>} body
 * @param {string} [allowedPrefix] Requests under this URL are let through.
 * @param {(text: string, frameUrl: string) => boolean} [allowConsole] Console errors this test expects.
 */
async function withUrl(url, body, allowedPrefix = url, allowConsole = /** @type {(text: string, frameUrl: string) => boolean} */ (() => false), setup = async (/** @type {import('playwright-core').Page} */ _page) => {}) {
  const context = await harness.browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(10_000);
  /** @type {string[]} */
  const outside = [];
  await context.route((u) => /^https?:/.test(u.href) && !u.href.startsWith(allowedPrefix), (route) => {
    if (route.request().resourceType() === 'image') {
      return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>' });
    }
    outside.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  /** @type {string[]} */
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !allowConsole(message.text(), message.location().url)) problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.exposeFunction('__folioReportCsp', (/** @type {string} */ what, /** @type {string} */ where) => {
    if (!allowConsole(what, where)) problems.push(`CSP violation: ${what}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      /** @type {any} */ (window).__folioReportCsp(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`, document.URL);
    });
  });
  try {
    await setup(page);
    await page.goto(url);
    await body(page, outside);
    assert.deepEqual(problems, [], 'the page reported problems');
  } finally {
    await context.close();
  }
}

/**
 * What the diagram frame's inherited CSP refuses (its own code applies the same styles
 * through the CSSOM, and DOMPurify works without its policy): expected, inside that frame.
 * @param {string} text
 * @param {string} frameUrl
 */
const frameRefusals = (text, frameUrl) => frameUrl === 'about:srcdoc'
  && /Applying inline style violates|TrustedTypePolicy named 'dompurify'|^style-src-(elem|attr) blocked inline$|^trusted-types blocked trusted-types-policy$/.test(text);

test('dist/folio.html shows rich content from file://: code highlighted, math with its fonts, a diagram drawn in its sandboxed frame', async () => {
  const file = join(work, 'dist', 'folio.html');
  const rich = '# Rich\n\n```js\nconst answer = 42;\n```\n\n```math\n\\int_0^1 x\\,dx\n```\n\n```mermaid\ngraph TD\n  A[Start] --> B[End]\n```\n\n> [!NOTE]\n> A note.\n';
  await withUrl(`file://${file}`, async (page, outside) => {
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    await dropFiles(page, [{ name: 'rich.md', bytes: Buffer.from(rich) }]);
    await shownTitle(page).filter({ hasText: 'Rich' }).waitFor();
    await page.locator('[data-testid="article-body"][data-enhanced]').waitFor({ timeout: 60_000 });
    assert.ok(await page.locator('.hljs-keyword').count() > 0, 'highlighted');
    assert.equal(await page.locator('.katex-display').count(), 1, 'typeset');
    await page.waitForFunction(() => document.fonts.check('16px KaTeX_Main'));
    const img = page.getByTestId('diagram');
    assert.match(await img.getAttribute('src') ?? '', /^data:image\/svg\+xml/);
    assert.equal(await page.locator('iframe.diagram-renderer').getAttribute('sandbox'), 'allow-scripts');
    // The page itself made no default policy (only the sandboxed frame does).
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).trustedTypes.defaultPolicy), null);
    // The reading view's styles came inline too (style.css imports them).
    assert.equal(await page.locator('.code-bar').evaluate((node) => getComputedStyle(node).position), 'absolute');
    assert.deepEqual(outside, []);
  }, undefined, frameRefusals);
});

test('dist/folio.html works from file:// with no network: the demo shows, a dropped file renders', async () => {
  const file = join(work, 'dist', 'folio.html');
  const html = readFileSync(file, 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  // The module's hash, and the diagram frame's two scripts' (the frame inherits this policy).
  assert.match(csp, /script-src (?:'sha256-[A-Za-z0-9+/=]+' ){3}'wasm-unsafe-eval';/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|'self'/);
  const outsideModule = html.replace(/<script type="module">[^]*?<\/script>/, '');
  assert.equal((outsideModule.match(/<script\b/g) ?? []).length, 1, 'one module and one data block');
  assert.doesNotMatch(html, /<script[^>]+src=|<link rel="stylesheet"|<link rel="modulepreload"/);
  // Minified: the viewer's own functions lost their names and comments.
  assert.ok(html.includes('Could not open') && !html.includes('function articleView(') && !html.includes('@param {Article}'), 'the single file is not minified');

  await withUrl(`file://${file}`, async (page, outside) => {
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    assert.equal(await page.getByTestId('library-item').getAttribute('data-path'), SAMPLE_NAME);
    await dropFiles(page, [{ name: 'tiny.md', bytes: Buffer.from(TINY_POST) }]);
    await shownTitle(page).filter({ hasText: 'A tiny fixture post' }).waitFor();
    assert.equal(await page.getByTestId('library-item').count(), 1, 'the demo made way for the dropped file');
    // Links: a relative one says its file is not open and leaves the page where it is.
    await dropFiles(page, [{ name: 'links.md', bytes: Buffer.from('# Links\n\nSee [the other post](other.md) or [a site](https://example.com/).\n') }]);
    await page.getByRole('link', { name: 'the other post' }).click();
    assert.equal(await page.getByTestId('notice').innerText(), '“other.md” is not open. Drop it on this page or use “Open files…” to read it.');
    assert.equal(page.url().split('#')[0], `file://${file}`, 'the page stayed (its hash is the shown article\'s permalink)');
    assert.equal(await page.getByRole('link', { name: 'a site' }).getAttribute('target'), '_blank');
    // A file big enough for the worker: the single file starts none (it has no worker file
    // next to it, and from file:// none could load), so the main thread renders it.
    let workers = 0;
    page.on('worker', () => { workers += 1; });
    await dropFiles(page, [{ name: 'big.md', bytes: BIG_POST }]);
    await shownTitle(page).filter({ hasText: 'A big article' }).waitFor({ timeout: 30_000 });
    // textContent: the last block is far below the screen, not laid out yet (content-visibility), so it has no innerText.
    assert.equal(await page.getByTestId('article-body').locator(':scope > p:last-child').textContent(), 'The end of the big article.');
    assert.equal(workers, 0);
    // Saving the library from file:// reaches for no search module beside the page (none
    // is there, and its CSP refuses file:// fetches): no refusal reported.
    await page.getByTestId('save-menu').locator('summary').click();
    const [saved] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-library').click()]);
    assert.match(saved.suggestedFilename(), /\.html$/);
    assert.deepEqual(outside, [], 'the single file asked the network for something other than images');
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !/^https?:/.test(n)));
    assert.deepEqual(loaded, [], 'the single file loaded a script, style or .wasm from elsewhere');
  });
});

test('dist/folio.html over http renders a big file on the main thread: it starts no worker its CSP would refuse', async () => {
  const { server, url } = await startServer({ root: join(work, 'dist'), port: 0, quiet: true });
  try {
    await withUrl(`${url}folio.html`, async (page) => {
      await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
      let workers = 0;
      page.on('worker', () => { workers += 1; });
      await dropFiles(page, [{ name: 'big.md', bytes: BIG_POST }]);
      await shownTitle(page).filter({ hasText: 'A big article' }).waitFor({ timeout: 30_000 });
      assert.equal(workers, 0);
    }, url);
  } finally {
    await new Promise((done) => server.close(done));
  }
});

test('the packed npm package installs into a scratch project and renders in Node and the browser', async () => {
  const npmDir = join(work, 'dist', 'npm');
  const manifest = JSON.parse(readFileSync(join(npmDir, 'package.json'), 'utf8'));
  const crateVersion = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8'))?.[1];
  assert.equal(manifest.version, crateVersion);
  assert.equal(manifest.type, 'module');
  assert.deepEqual(manifest.sideEffects, ['./folio-article.js']);
  assert.equal(manifest.exports['./wasm'], './pkg/folio_bg.wasm');
  assert.equal(manifest.exports['./wasm-light'], './pkg/folio_light_bg.wasm');

  const packed = JSON.parse(execFileSync('npm', ['pack', npmDir, '--json', '--pack-destination', work], { encoding: 'utf8' }));
  const tarball = join(work, packed[0].filename);
  const packedFiles = packed[0].files.map((/** @type {{ path: string }} */ f) => f.path).sort();
  for (const needed of ['folio.js', 'folio.d.ts', 'folio-article.js', 'folio-article.d.ts', 'folio-article.css', 'view.js',
    'reading/reading.css', 'reading/mermaid-frame.html', 'reading/mermaid-frame.js', 'pkg/folio.js', 'pkg/folio_bg.wasm',
    'pkg/folio_light.js', 'pkg/folio_light_bg.wasm', 'package.json']) {
    assert.ok(packedFiles.includes(needed), `the tarball lacks ${needed}`);
  }
  // Bundled and minified: Folio's modules are the entry points and their chunks at the root
  // (no www/ module ships as written), each with no comments and no indentation left.
  const ours = packedFiles.filter((/** @type {string} */ path) => path.endsWith('.js') && !path.startsWith('vendor/'));
  assert.deepEqual(ours.filter((/** @type {string} */ path) => path.includes('/') && !['pkg/folio.js', 'pkg/folio_light.js', 'reading/mermaid-frame.js'].includes(path)), []);
  for (const path of ours) {
    const text = readFileSync(join(npmDir, path), 'utf8');
    assert.doesNotMatch(text, /^\s*\/\/|\/\*\*|^ {2}/m, `${path} is not minified`);
  }

  const scratch = join(work, 'scratch');
  cpSync(join(ROOT, 'tests', 'package'), scratch, { recursive: true });
  execFileSync('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock'],
    { cwd: scratch, stdio: 'pipe' });

  // The declarations, as a TypeScript consumer uses them (an error fails with tsc's report).
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const tscArgs = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--lib', 'es2022,dom', 'consumer.ts'];
  try {
    execFileSync(process.execPath, [tsc, ...tscArgs], { cwd: scratch, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    assert.fail(`the package's types do not check:\n${/** @type {{ stdout?: string }} */ (error).stdout ?? error}`);
  }

  // Node 20: the .wasm bytes from the ./wasm export, passed to init().
  const sample = join(ROOT, '..', 'shared', 'samples', SAMPLE_NAME);
  const out = JSON.parse(execFileSync(process.execPath, ['render.mjs', sample], { cwd: scratch, encoding: 'utf8' }));
  assert.equal(out.title, SAMPLE_TITLE);
  assert.equal(out.format, 'html');
  assert.notEqual(out.refused, '');
  assert.notEqual(out.refused, 'not a FolioError');
  assert.equal(out.version, crateVersion);

  // The browser: the element imported from node_modules, served with the project.
  writeFileSync(join(scratch, 'post.md'), TINY_POST);
  writeFileSync(join(scratch, 'code.md'), '# Code\n\n```js\nconst answer = 42;\n```\n');
  writeFileSync(join(scratch, 'crash.md'), '# FOLIO-TRAP\n');
  const { server, url } = await startServer({ root: scratch, port: 0, quiet: true });
  try {
    /** @type {string[]} */
    const fetched = [];
    const setup = async (/** @type {import('playwright-core').Page} */ page) => {
      page.on('request', (request) => fetched.push(request.url().slice(url.length)));
      await fakeCore(page, TRAPPING_CORE);
    };
    await withUrl(`${url}index.html`, async (page) => {
      const element = page.locator('folio-article');
      const title = element.locator('[part~="title"]');
      await title.filter({ hasText: 'A tiny fixture post' }).waitFor();
      assert.equal(await element.getAttribute('rendered'), '');
      // Rich content from a chunk: highlight.js found under vendor/ beside the bundle.
      await element.evaluate((node) => node.setAttribute('src', 'code.md'));
      await element.locator('.hljs-keyword').first().waitFor();
      // A trap: the error card (its chunk and words on demand), then a fresh instance from the compiled core.
      await element.evaluate((node) => node.setAttribute('src', 'crash.md'));
      await element.locator('[part~="error-message"]').filter({ hasText: 'crashed' }).waitFor();
      await element.evaluate((node) => node.setAttribute('src', 'post.md'));
      await title.filter({ hasText: 'A tiny fixture post' }).waitFor();
      const modules = fetched.filter((path) => /\.js(\?|$)/.test(path)).map((path) => path.replace('node_modules/folio-viewer/', ''));
      assert.ok(modules.includes('pkg/folio_light.js?instance=1'), `no fresh instance after the trap: ${modules}`);
      assert.deepEqual(modules.filter((path) => /^(view|i18n|render)\//.test(path)), [], 'a module loaded as written, not from the bundle');
      assert.equal(fetched.filter((path) => path.endsWith('folio_light_bg.wasm')).length, 1);
      // Markdown only: the light module renders all three; the full one is never fetched.
      assert.equal(fetched.filter((path) => path.endsWith('folio_bg.wasm')).length, 0);
      // The first load: the element's bundle and chunks, the core's light glue (its stand-in and the real one).
      assert.ok(modules.includes('folio-article.js') && modules.includes('pkg/folio_light.js'), modules.join());
    }, url, undefined, setup);
  } finally {
    await new Promise((done) => server.close(done));
  }
});

test('iframe mode: ?embed=1 shows the article alone and posts its height to the parent', async () => {
  await withPage(harness, 'examples/iframe.html', async (page) => {
    const frame = page.getByTestId('frame');
    const inner = page.frameLocator('iframe[data-testid="frame"]');
    await inner.getByTestId('article-title').filter({ hasText: 'Embedding Folio in any page' }).waitFor();
    assert.equal(await inner.locator('.topbar').isVisible(), false);
    assert.equal(await inner.getByTestId('file-list-nav').isVisible(), false);
    // The frame becomes as tall as the last message said (plus its border), read in one go: later
    // messages (images and fonts settling) may still move both.
    const settled = await page.waitForFunction(() => {
      const iframe = document.querySelector('iframe');
      const sized = Number(iframe?.dataset.sized);
      const height = iframe?.getBoundingClientRect().height ?? 0;
      return sized > 400 && Math.abs(height - sized - 2) <= 1 && { sized, height };
    }, undefined, { timeout: 30_000 }).then((handle) => handle.jsonValue());
    assert.ok(settled.sized > 400, `message ${settled.sized}px`);
    await frame.waitFor();
    const scroll = await inner.locator('html').evaluate((node) => node.scrollHeight - node.clientHeight);
    assert.ok(scroll <= 1, `the framed page still scrolls by ${scroll}px`);
  });
});
