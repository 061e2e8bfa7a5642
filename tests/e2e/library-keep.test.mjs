// Keeping the library in this browser (IndexedDB) across a reload, a full disk that
// leaves the previous copy whole, "Forget all", and reading kept articles offline
// through the service worker.
// Run: node --test tests/e2e/library-keep.test.mjs   (after scripts/build-wasm.sh)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readableText, useBrowser, withPage } from './harness.mjs';
import { VIEWER, corpus, makeFolder, png, waitForLibrary } from './library-helpers.mjs';

const harness = useBrowser();

const VAULT = {
  'posts/awk.md': corpus('hexo/52x-awk-manual-zh.md'),
  'posts/xss.md': corpus('hexo/52x-xss-csrf.md'),
  'posts/pic.md': '---\ntitle: With a picture\n---\n\n![p](img/p.png)\n',
  'posts/img/p.png': png(16, 9),
};

test('kept files come back after a reload; a full disk keeps the previous copy; forget all', async () => {
  await withPage(harness, VIEWER, async (page) => {
    await page.getByTestId('folder-input').setInputFiles(makeFolder('vault', VAULT));
    await waitForLibrary(page, 3);
    const keep = page.getByTestId('keep');
    assert.equal(await keep.isChecked(), false, 'keeping is opt-in');
    await keep.check();
    await page.getByTestId('keep-size').filter({ hasText: /^Kept: \d/ }).waitFor();

    const savedAt = () => page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('folio-library');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const get = open.result.transaction('meta').objectStore('meta').get('library');
        get.onsuccess = () => { resolve(get.result?.savedAt ?? null); open.result.close(); };
        get.onerror = () => reject(get.error);
      };
    }));
    const firstSave = await savedAt();
    assert.ok(firstSave);
    await page.reload();
    await waitForLibrary(page, 3);
    assert.equal(await page.getByTestId('keep').isChecked(), true);
    await page.waitForTimeout(2500); // longer than the resave delay
    assert.equal(await savedAt(), firstSave, 'files that came back from the kept copy are not written again');
    await page.getByTestId('library-item').filter({ hasText: 'With a picture' }).click();
    await page.waitForFunction(() => /** @type {HTMLImageElement | null} */ (document.querySelector('[data-testid="article"] img'))?.complete);
    assert.equal(await page.getByTestId('article').locator('img').evaluate((img) => /** @type {HTMLImageElement} */ (img).naturalWidth), 16, 'kept assets too');

    // A full disk while keeping a bigger library: said, and the kept copy stays as it was.
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      let calls = 0;
      IDBObjectStore.prototype.put = function (...args) {
        calls += 1;
        if (calls === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, /** @type {any} */ (args));
      };
    });
    await page.getByTestId('file-input').setInputFiles([{ name: 'extra.md', mimeType: 'text/markdown', buffer: Buffer.from('# Extra\n\nOne more.\n') }]);
    await page.getByTestId('keep-message').filter({ hasText: /no room to keep/ }).waitFor({ timeout: 15_000 });
    await page.reload();
    await waitForLibrary(page, 3);
    assert.deepEqual((await page.getByTestId('library-item').evaluateAll((items) => items.map((i) => /** @type {HTMLElement} */ (i).dataset.path))).sort(),
      ['vault/posts/awk.md', 'vault/posts/pic.md', 'vault/posts/xss.md'], 'nothing half-written: the three kept before, not four, not none');

    await page.getByTestId('forget-all').click();
    await page.getByTestId('keep-message').filter({ hasText: 'Nothing is kept' }).waitFor();
    await page.reload();
    await page.getByTestId('keep').waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.getByTestId('library-item').count(), 0);
    assert.equal(await page.getByTestId('keep').isChecked(), false);
  });
});

test('the demo is not kept with the library: only what the reader opened comes back', async () => {
  await withPage(harness, '?lang=en', async (page) => {
    await waitForLibrary(page, 1); // the demo
    await page.getByTestId('folder-input').setInputFiles(makeFolder('vault', VAULT));
    await waitForLibrary(page, 3); // the demo made way for them
    await page.getByTestId('keep').check();
    await page.getByTestId('keep-size').filter({ hasText: /^Kept: \d/ }).waitFor();
    await page.reload();
    await waitForLibrary(page, 3, 15_000); // four, were the demo kept
    assert.deepEqual((await page.getByTestId('library-item').evaluateAll((items) => items.map((i) => /** @type {HTMLElement} */ (i).dataset.path))).sort(),
      ['vault/posts/awk.md', 'vault/posts/pic.md', 'vault/posts/xss.md']);
  });
});

test('offline: after one visit the page opens and reads kept articles with no network', async () => {
  await withPage(harness, VIEWER, async (page) => {
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.getByTestId('folder-input').setInputFiles(makeFolder('vault', VAULT));
    await waitForLibrary(page, 3);
    await page.getByTestId('keep').check();
    await page.getByTestId('keep-size').filter({ hasText: /^Kept/ }).waitFor();
    // The worker has installed (the shell is cached) and controls the page after a reload.
    await page.reload();
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
    await waitForLibrary(page, 3);

    await page.context().setOffline(true);
    await page.reload();
    await waitForLibrary(page, 3);
    await page.getByTestId('library-item').filter({ hasText: 'XSS' }).click();
    await page.getByTestId('article-title').filter({ hasText: /XSS/ }).waitFor();
    assert.ok((await readableText(page.getByTestId('article-body'))).length > 500);
    // Search works offline too (its worker came from the cache).
    await page.getByTestId('search').fill('CSRF');
    await page.getByTestId('library-count').filter({ hasText: /match/ }).waitFor();
    await page.context().setOffline(false);
  }, { serviceWorkers: 'allow' });
});

test('the service worker waits for the first article: installing it does not compete with the first screen', async () => {
  /** Lets the article's response go: the test holds it until it has looked. @type {() => void} */
  let arrive = () => {};
  const held = new Promise((/** @type {(value?: unknown) => void} */ resolve) => { arrive = resolve; });
  const setup = async (/** @type {import('playwright-core').Page} */ page) => {
    await page.route('**/e2e-fixtures/slow.md', async (route) => {
      await held;
      route.fulfill({ status: 200, contentType: 'text/markdown; charset=utf-8', body: '---\ntitle: Arrived late\n---\nBody.\n' });
    });
  };
  await withPage(harness, '?src=e2e-fixtures/slow.md&lang=en', async (page) => {
    // The viewer is up, and has had time to register the worker were it not waiting.
    await page.waitForFunction(() => 'folioLibrary' in window);
    await page.waitForTimeout(1000);
    const registered = () => page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration()));
    assert.equal(await registered(), false, 'not registered yet');
    arrive();
    await page.getByTestId('article-title').filter({ hasText: 'Arrived late' }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    assert.equal(await registered(), true, 'registered once the article was shown');
  }, { setup, serviceWorkers: 'allow' });
});
