// Permalinks (back, forward, and after a reload when the library is kept), "Save library
// as one HTML file" opened from file:// with no network (list, search, images), and
// exporting one article as a standalone page.
// Run: node --test tests/e2e/library-share.test.mjs   (after make build: www/folio.html)
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { blocksOf, checkArchive } from '../../scripts/check-archive.mjs';
import { fromBlocks, readArchive } from '../../www/library/archive.js';
import { useBrowser, withPage } from './harness.mjs';
import { VIEWER, itemFor, permalink, waitForArticle, waitForLibrary } from './library-helpers.mjs';

const harness = useBrowser();
const FIXTURE = fileURLToPath(new URL('../fixtures/archive/blog', import.meta.url));
const HELLO = 'blog/posts/hello.md';
const TRIP = 'blog/posts/trip/index.md';

test('every article has a permalink: back and forward move between articles; after a reload the kept library opens it', async () => {
  await withPage(harness, VIEWER, async (page) => {
    await page.getByTestId('folder-input').setInputFiles(FIXTURE);
    await waitForLibrary(page, 3);
    await itemFor(page, HELLO).click();
    await waitForArticle(page, HELLO);
    await page.getByTestId('article-body').getByRole('link', { name: 'the trip' }).click();
    await waitForArticle(page, TRIP);
    assert.match(await page.getByTestId('backlinks').innerText(), /Hello, archive/, 'the trip is linked from the first post');
    await page.goBack();
    await waitForArticle(page, HELLO);
    await page.getByTestId('article-title').filter({ hasText: 'Hello, archive' }).waitFor();
    await page.goForward();
    await waitForArticle(page, TRIP);
    await page.getByTestId('article-title').filter({ hasText: 'A trip bundle' }).waitFor();

    await page.getByTestId('keep').check();
    await page.getByTestId('keep-size').filter({ hasText: /^Kept/ }).waitFor();
    await page.reload();
    await waitForLibrary(page, 3);
    await page.getByTestId('article-title').filter({ hasText: 'A trip bundle' }).waitFor();
    assert.equal(new URL(page.url()).hash, permalink(TRIP));
    await page.getByTestId('forget-all').click();
  });
});

test('the library saved as one HTML file opens from file:// with no network: list, search, images; one article exports alone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'folio-share-'));
  try {
    let saved = '';
    let exported = '';
    await withPage(harness, VIEWER, async (page) => {
      await page.getByTestId('folder-input').setInputFiles(FIXTURE);
      await waitForLibrary(page, 3);
      assert.equal(await page.evaluate(async () => (await /** @type {any} */ (window).folioLibrary.search('京都'))?.engine), 'rust', 'the served page searches with the Rust index');
      await page.getByTestId('save-menu').locator('summary').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-library').click()]);
      assert.equal(download.suggestedFilename(), 'blog.html');
      saved = join(dir, 'blog.html');
      await download.saveAs(saved);
      await page.getByTestId('save-message').filter({ hasText: /^Saved blog\.html/ }).waitFor();

      await itemFor(page, TRIP).click();
      await waitForArticle(page, TRIP);
      await page.waitForFunction(() => /** @type {HTMLImageElement | null} */ (document.querySelector('[data-testid="article-body"] img'))?.complete);
      // The click on the list closed the menu (viewer/menus.js): open it again.
      await page.getByTestId('save-menu').locator('summary').click();
      const [article] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-article').click()]);
      exported = join(dir, 'trip.html');
      await article.saveAs(exported);
    });

    // What was saved is an archive any reader of the format accepts, holding the folder exactly.
    const html = readFileSync(saved, 'utf8');
    assert.deepEqual(checkArchive(html, FIXTURE).problems, []);
    const archive = readArchive(fromBlocks(blocksOf(html)));
    assert.deepEqual(archive.engine?.slice(0, 4), new Uint8Array([0, 0x61, 0x73, 0x6d]), 'the search index module is saved with it');

    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    /** @type {string[]} */
    const outside = [];
    await context.route((url) => !url.href.startsWith('file:'), (route) => {
      outside.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    /** @type {string[]} */
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
    try {
      await page.goto(`file://${saved}`);
      await waitForLibrary(page, 3);
      await page.getByTestId('article-title').filter({ hasText: 'Hello, archive' }).waitFor(); // the newest
      assert.equal(await page.getByTestId('library-count').innerText(), '3 articles');
      await page.getByTestId('search').fill('京都');
      await page.getByTestId('library-count').filter({ hasText: '1 match' }).waitFor();
      assert.equal(await page.evaluate(async () => (await /** @type {any} */ (window).folioLibrary.search('京都'))?.engine), 'rust', 'from file:// too, with the module from the archive');
      await page.getByTestId('library-item').first().click();
      await page.getByTestId('article-title').filter({ hasText: 'A trip bundle' }).waitFor();
      assert.deepEqual(await page.getByTestId('article-body').locator('mark.library-match').allInnerTexts(), ['京都']);
      await page.waitForFunction(() => /** @type {HTMLImageElement | null} */ (document.querySelector('[data-testid="article-body"] img'))?.complete);
      assert.equal(await page.getByTestId('article-body').locator('img').evaluate((img) => /** @type {HTMLImageElement} */ (img).naturalWidth), 4);
      assert.deepEqual(outside, [], 'the saved library asked the network for nothing');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }

    // The exported article: its text and image inside it, no script, a policy of its own.
    const page2 = readFileSync(exported, 'utf8');
    assert.match(page2, /<title>A trip bundle<\/title>/);
    assert.match(page2, /<img[^>]+src="data:image\/png;base64,/);
    assert.match(page2, /旅行的第二天去了京都/);
    assert.doesNotMatch(page2, /<script|blob:/);
    assert.match(page2, /Content-Security-Policy" content="default-src 'none'/);
    // Opened on its own, its tags read as tags (as in the viewer), not as one phrase.
    const standalone = await harness.browser.newPage();
    try {
      await standalone.goto(pathToFileURL(exported).href);
      const chip = standalone.locator('.chip', { hasText: 'travel' });
      assert.equal(await chip.evaluate((node) => getComputedStyle(node, '::before').content), '"#"');
      assert.notEqual(await chip.evaluate((node) => getComputedStyle(node).borderTopStyle), 'none');
    } finally {
      await standalone.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
