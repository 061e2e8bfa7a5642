// Wrong files fail alone: a clear error for them, the other files keep working.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dropFiles, fakeCore, PNG_BYTES, SAMPLE, SAMPLE_NAME, SAMPLE_TITLE, shownTitle, TINY_POST, TRAPPING_CORE, useBrowser, withPage } from './harness.mjs';
import { itemFor, listSettled } from './library-helpers.mjs';

const harness = useBrowser();

test('a binary file dropped with a good one: an error for it, the good one still opens', async () => {
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [
      { name: 'photo.png', bytes: PNG_BYTES, type: 'image/png' },
      { name: 'empty.md', bytes: new Uint8Array() },
      { name: SAMPLE_NAME, bytes: SAMPLE },
    ]);
    const error = page.getByTestId('error');
    await error.waitFor();
    assert.match(await error.locator('h1').innerText(), /photo\.png/);
    assert.match(await page.getByTestId('error-message').innerText(), /PNG image, not an article/);
    assert.equal(await error.getByTestId('original').count(), 0, 'binary bytes are not offered as text');
    assert.match(await page.getByTestId('status').textContent() ?? '', /photo\.png/);

    // Each file dropped on its own is listed, the wrong ones as failed (the dated article first).
    await listSettled(page);
    const items = page.getByTestId('library-item');
    assert.deepEqual(await items.evaluateAll((all) => all.map((b) => `${/** @type {HTMLElement} */ (b).dataset.path} ${/** @type {HTMLElement} */ (b).dataset.status}`)),
      [`${SAMPLE_NAME} ready`, 'empty.md failed', 'photo.png failed']);

    await itemFor(page, 'empty.md').click();
    assert.match(await page.getByTestId('error-message').innerText(), /empty/i);

    await itemFor(page, SAMPLE_NAME).click();
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    await page.getByTestId('article-body').getByText('责任编辑：李墨轩').waitFor();
  });
});

test('a trap in the core fails that file only; a fresh instance renders the next ones', async () => {
  const setup = (/** @type {import('playwright-core').Page} */ page) => fakeCore(page, TRAPPING_CORE);
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [{ name: 'crash.md', bytes: Buffer.from('# FOLIO-TRAP\n') }]);
    const error = page.getByTestId('error');
    await error.waitFor();
    assert.match(await error.innerText(), /crash\.md/);
    assert.match(await page.getByTestId('error-message').innerText(), /crashed/);
    assert.equal(await error.getByTestId('original').count(), 1, 'the text of the file is still viewable');

    await dropFiles(page, [{ name: 'tiny.md', bytes: Buffer.from(TINY_POST) }]);
    await shownTitle(page).filter({ hasText: 'A tiny fixture post' }).waitFor();
    // The page opened with ?src= renders Markdown with the light module: its glue again.
    const instances = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname + new URL(entry.name).search)
      .filter((path) => path.startsWith('/pkg/folio')));
    assert.ok(instances.includes('/pkg/folio_light.js?instance=1'), `a fresh module was loaded: ${instances}`);
  }, { setup });
});

test('files opened with a crashing one, before the core is ready, still render', async () => {
  /** @type {() => void} */
  let releaseCore = () => {};
  const released = new Promise((resolve) => { releaseCore = () => resolve(undefined); });
  let wasmRequests = 0;
  const setup = async (/** @type {import('playwright-core').Page} */ page) => {
    await fakeCore(page, TRAPPING_CORE);
    // The first instance's .wasm (the light module's: the page is opened with ?src=) waits
    // until the files are dropped: they all wait on one init().
    await page.route('**/pkg/folio_light_bg.wasm', async (route) => {
      wasmRequests += 1;
      if (wasmRequests === 1) await released;
      await route.continue();
    });
  };
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [
      { name: 'crash.md', bytes: Buffer.from('# FOLIO-TRAP\n') },
      { name: 'tiny.md', bytes: Buffer.from(TINY_POST) },
    ]);
    // Both files are read and waiting for the core (reading takes a few ms).
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    releaseCore();
    await listSettled(page);
    assert.equal(await itemFor(page, 'crash.md').getAttribute('data-status'), 'failed');
    assert.equal(await itemFor(page, 'tiny.md').getAttribute('data-status'), 'ready');
    await itemFor(page, 'tiny.md').click();
    await shownTitle(page).filter({ hasText: 'A tiny fixture post' }).waitFor();
  }, { setup });
});
