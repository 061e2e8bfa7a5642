// Dropping the sample on a page that already shows a small article.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IDLE_MS } from '../../www/library/pool.js';
import { SAMPLE, SAMPLE_NAME, SAMPLE_TITLE, TINY_POST, dropFiles, readableText, serveFixtures, shownTitle, useBrowser, withPage } from './harness.mjs';

const harness = useBrowser();

test('a dropped news article renders cleanly', async () => {
  const setup = (/** @type {import('playwright-core').Page} */ page) => serveFixtures(page, { 'tiny.md': TINY_POST });
  await withPage(harness, '?src=e2e-fixtures/tiny.md', async (page) => {
    await shownTitle(page).filter({ hasText: 'A tiny fixture post' }).waitFor();

    const drag = await dropFiles(page, [{ name: SAMPLE_NAME, bytes: SAMPLE, type: 'text/markdown' }]);
    assert.deepEqual(drag, { draggingDuring: true, draggingAfter: false });
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();

    // The date: machine-readable, and shown as the author wrote it (GMT), not moved into
    // the reader's zone (Asia/Shanghai, where it would read 5:00 PM).
    const time = page.getByTestId('article-date');
    assert.equal(Date.parse(await time.getAttribute('datetime') ?? ''), Date.UTC(2022, 3, 21, 9, 0, 35));
    assert.match(await time.innerText(), /^April 21, 2022.*9:00\s?AM UTC$/);

    const body = page.getByTestId('article-body');
    const last = body.locator('p').last();
    await last.waitFor();
    assert.match(await last.innerText(), /责任编辑：李墨轩/);
    assert.ok(await last.isVisible());
    assert.ok(await body.locator('strong', { hasText: '商务部新闻发言人 高峰：' }).count() >= 1);

    const visible = await readableText(page.locator('body'));
    assert.match(visible, /责任编辑：李墨轩/, 'the whole body was read, not only the blocks on the screen');
    for (const junk of ['appendQr_wrap', '&#123;', '{', 'cms-style']) {
      assert.ok(!visible.includes(junk), `visible text contains ${junk}`);
    }
    const comments = await body.evaluate((node) => {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_COMMENT);
      let n = 0;
      while (walker.nextNode()) n += 1;
      return n;
    });
    assert.equal(comments, 0, 'HTML comments in the body');

    const images = page.locator('[data-testid="article"] img');
    assert.ok(await images.count() >= 1, 'the sample has an image');
    for (const policy of await images.evaluateAll((imgs) => imgs.map((img) => img.getAttribute('referrerpolicy')))) {
      assert.equal(policy, 'no-referrer');
    }
    // Both files are listed; the dropped one is current.
    const items = page.getByTestId('library-item');
    await page.getByTestId('library-count').filter({ hasText: /^2 / }).waitFor();
    assert.equal(await items.count(), 2);
    assert.equal(await items.filter({ hasText: SAMPLE_TITLE }).getAttribute('aria-current'), 'true');
    assert.equal(await items.filter({ hasText: 'A tiny fixture post' }).getAttribute('aria-current'), null);
  }, { setup });
});

test('the original text toggle shows the decoded file as text', async () => {
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [{ name: SAMPLE_NAME, bytes: SAMPLE }]);
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    const original = page.getByTestId('original-text');
    assert.equal(await original.isVisible(), false);
    await page.getByTestId('original').locator('summary').click();
    await original.filter({ hasText: 'cms-style' }).waitFor(); // filled in by the `toggle` event
    const text = await original.textContent() ?? '';
    assert.ok(text.includes('cms-style="font-L"'), 'the raw source, not HTML');
    assert.equal(await original.locator('*').count(), 0, 'no elements inside the <pre>');
  });
});

test('a file dropped alone lets go at once the parse workers its drag warmed for a folder', async () => {
  await withPage(harness, '?src=', async (page) => {
    /** @type {import('playwright-core').Worker[]} */
    const started = [];
    /** @type {import('playwright-core').Worker[]} */
    const closed = [];
    page.on('worker', (worker) => {
      if (!worker.url().endsWith('/parse-worker.js')) return;
      started.push(worker);
      worker.once('close', () => closed.push(worker));
    });
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [{ name: SAMPLE_NAME, bytes: SAMPLE }]);
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    assert.ok(started.length >= 1, 'the drag warmed the parse workers');
    // Not after the pool's idle time: their warm-up would go on beside the article's render.
    await page.waitForFunction(() => /** @type {any} */ (window).folioLibrary.pool.lanes.length === 0, null, { timeout: IDLE_MS / 2 });
    const ended = Date.now();
    while (closed.length < started.length && Date.now() - ended < IDLE_MS / 2) await page.waitForTimeout(50);
    assert.equal(closed.length, started.length, 'every parse worker ended');
    // Files dropped next are listed and read as ever: the workers start again.
    await dropFiles(page, [{ name: 'second.md', bytes: Buffer.from(TINY_POST) }, { name: 'third.md', bytes: Buffer.from('# Third\n\nText.\n') }]);
    await page.getByTestId('library-item').filter({ hasText: 'Third' }).waitFor();
  });
});
