// The first article, fast (#11): fonts looked up in hidden specimens while nothing is open
// (view/warm.js), every body laid out only near the screen (content-visibility in
// reading.css) with anchors, find-in-page, print and the reading position still right, and
// the folder tree redrawn without rebuilding its items.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corpus, serveFixtures, shownTitle, useBrowser, withPage } from './harness.mjs';
import { makeFolder, waitForLibrary } from './library-helpers.mjs';

const harness = useBrowser();

/** @typedef {import('playwright-core').Page} Page */

/** A long article of the corpus (89 KB, Chinese, code blocks, 20 headings), by URL. */
const LONG = 'hexo/52x-awk-manual-zh.md';
const withLong = { setup: (/** @type {Page} */ page) => serveFixtures(page, { 'awk.md': corpus(LONG) }) };

/**
 * Records every specimen box the page adds: what it held, whether it was laid out, when.
 * @param {Page} page
 */
async function recordSpecimens(page) {
  await page.addInitScript(() => {
    const seen = /** @type {any[]} */ ([]);
    Object.assign(window, { __specimens: seen });
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof HTMLElement) || !node.classList.contains('font-warmup')) continue;
          const entry = {
            at: performance.now(),
            named: node.querySelectorAll('[id], [data-testid]').length,
            inert: node.inert && node.getAttribute('aria-hidden') === 'true',
            langs: [...node.querySelectorAll('.article')].map((a) => a.getAttribute('lang')),
            rows: node.querySelectorAll('.lib-item').length,
            folders: node.querySelectorAll('.lib-tree-item').length,
            height: -1,
          };
          seen.push(entry);
          const parts = /** @type {any} */ (window).__specimenParts ??= [];
          for (const part of ['.toc-long', '.toc-short', 'figure.image-figure figcaption', '.library-missing-image', 'dt code']) {
            if (node.querySelector(part) && !parts.includes(part)) parts.push(part);
          }
          requestAnimationFrame(() => { entry.height = node.firstElementChild?.getBoundingClientRect().height ?? 0; });
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

test('while nothing is open, specimens in each script are laid out hidden, one at a time, and leave nothing behind', async () => {
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    // Ten article specimens (four scripts and one with no language, header and body), the
    // list's rows, the tree's.
    await page.waitForFunction(() => /** @type {any} */ (window).__specimens.length >= 12 && !document.querySelector('.font-warmup'), undefined, { timeout: 30_000 });
    const seen = await page.evaluate(() => /** @type {any} */ (window).__specimens);
    assert.deepEqual([...new Set(seen.flatMap((/** @type {any} */ s) => s.langs))].sort(), ['', 'en', 'ja', 'ko', 'zh']);
    const parts = await page.evaluate(() => /** @type {any} */ (window).__specimenParts);
    for (const part of ['.toc-long', '.toc-short', 'figure.image-figure figcaption', '.library-missing-image', 'dt code']) {
      assert.ok(parts.includes(part), `a specimen shows ${part}: fonts in sizes of their own`);
    }
    assert.ok(seen.some((/** @type {any} */ s) => s.rows >= 4), 'the list\'s rows');
    assert.ok(seen.some((/** @type {any} */ s) => s.folders >= 4), 'the tree\'s rows');
    for (const specimen of seen) {
      assert.equal(specimen.named, 0, 'a specimen has no ids or test ids');
      assert.ok(specimen.inert, 'a specimen is inert and hidden from assistive technology');
      assert.ok(specimen.height > 0, 'a specimen is laid out');
    }
    assert.equal(await page.getByTestId('article').count(), 0);
    assert.equal(await page.getByTestId('library-item').count(), 0);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'nothing widened the page');
  }, { setup: recordSpecimens });
});

test('once an article is open, no specimen is laid out any more', async () => {
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('file-input').setInputFiles([{ name: 'awk.md', mimeType: 'text/markdown', buffer: corpus(LONG) }]);
    await shownTitle(page).waitFor();
    const opened = await page.evaluate(() => performance.now());
    await page.waitForTimeout(2500);
    const later = await page.evaluate((t) => /** @type {any} */ (window).__specimens.filter((/** @type {any} */ s) => s.at > t + 100).length, opened);
    assert.equal(later, 0, 'specimens added after the article was shown');
    assert.equal(await page.locator('.font-warmup').count(), 0);
  }, { setup: recordSpecimens });
});

test('a long body lays out only what is near the screen; a deep link to a far heading, find-in-page and print still reach all of it', async () => {
  await withPage(harness, '?src=e2e-fixtures/awk.md', async (page) => {
    await shownTitle(page).waitFor();
    await page.locator('[data-enhanced]').waitFor();
    const body = page.getByTestId('article-body');
    assert.equal(await body.evaluate((node) => getComputedStyle(/** @type {Element} */ (node.firstElementChild)).contentVisibility), 'auto');
    // The last block (a code block, far taller than the guess) is not laid out yet: it
    // stands at its guessed height (contain-intrinsic-size).
    const lastSkipped = () => body.evaluate((node) => {
      const last = /** @type {Element} */ (node.lastElementChild);
      const guess = parseFloat(getComputedStyle(last).containIntrinsicHeight.replace('auto', ''));
      return Math.abs(last.getBoundingClientRect().height - guess) < 0.5;
    });
    assert.equal(await lastSkipped(), true, 'the last block was laid out before it came near the screen');
    // Find-in-page: the text of a paragraph far down is in the document and found (the
    // browser's own find bar unlocks skipped blocks for its matches; window.find() is what a
    // test can drive).
    const words = await body.evaluate((node) => [...node.querySelectorAll(':scope > p')].at(-2)?.textContent?.trim().slice(0, 12) ?? '');
    assert.ok(words.length >= 4);
    assert.equal(await lastSkipped(), true);
    assert.equal(await page.evaluate((w) => /** @type {any} */ (window).find(w), words), true);
    // Print lays out every block.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await body.evaluate((node) => getComputedStyle(/** @type {Element} */ (node.lastElementChild)).contentVisibility), 'visible');
    assert.equal(await lastSkipped(), false, 'print skipped the last block');
    await page.emulateMedia({ media: 'screen' });
    const id = await body.evaluate((node) => [...node.querySelectorAll(':scope > h2[id], :scope > h1[id]')].at(-1)?.id ?? '');
    assert.ok(id, 'a heading far down has an id');
    // The same article opened at that heading's address lands there, and stays.
    await page.goto(`${harness.url}?src=e2e-fixtures/awk.md#${encodeURIComponent(id)}`);
    await shownTitle(page).waitFor();
    const offset = () => page.evaluate((wanted) => {
      const top = document.getElementById(wanted)?.getBoundingClientRect().top ?? 1e9;
      const bar = document.querySelector('.topbar');
      const under = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().bottom : 0;
      return top - under;
    }, id);
    for (let tries = 0; Math.abs(await offset()) > 2; tries += 1) {
      assert.ok(tries < 100, `the heading never reached the top (${await offset()}px off)`);
      await page.waitForTimeout(100);
    }
    await page.waitForTimeout(500);
    assert.ok(Math.abs(await offset()) <= 2, `the heading moved to ${await offset()}px off the top`);
  }, withLong);
});

test('the reading position comes back to the same block of a long body whose blocks below are not laid out', async () => {
  await withPage(harness, '?src=e2e-fixtures/awk.md', async (page) => {
    await shownTitle(page).waitFor();
    await page.locator('[data-enhanced]').waitFor();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.6));
    await page.waitForTimeout(300);
    /** The body's block at the top of the window, and where its top is. */
    const atTop = () => page.evaluate(() => {
      const blocks = [...document.querySelectorAll('[data-testid="article-body"] > *')];
      const index = blocks.findIndex((b) => b.getBoundingClientRect().bottom > 0);
      return { index, top: blocks[index]?.getBoundingClientRect().top ?? 0, count: blocks.length };
    });
    const before = await atTop();
    assert.ok(before.index > 10, `scrolled to block ${before.index} of ${before.count}`);
    await page.waitForFunction(() => /"awk\.md[^"]*":\[[^\]]*,\[\d+\]/.test(localStorage.getItem('folio.positions') ?? ''));
    await page.waitForTimeout(700);
    const saved = await atTop();
    await page.reload();
    await shownTitle(page).waitFor();
    await page.waitForFunction(({ index, top }) => {
      const block = document.querySelectorAll('[data-testid="article-body"] > *')[index];
      return block && Math.abs(block.getBoundingClientRect().top - top) < 40;
    }, saved, { timeout: 15_000 });
  }, withLong);
});

test('the folder tree keeps its items when counts change', async () => {
  const folder = makeFolder('notes', { 'a/one.md': '# One\n\nText.\n', 'b/two.md': '# Two\n\nText.\n' });
  const more = makeFolder('more', { 'c/three.md': '# Three\n\nText.\n' });
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('folder-input').setInputFiles(folder);
    await waitForLibrary(page, 2);
    const all = page.locator('[data-testid="folder-item"][data-path=""]');
    await page.waitForFunction(() => document.querySelector('[data-testid="folder-item"][data-path=""] .lib-badge')?.textContent === '2');
    await all.evaluate((node) => { /** @type {any} */ (node).__kept = true; });
    await page.getByTestId('folder-input').setInputFiles(more);
    await waitForLibrary(page, 3);
    await page.waitForFunction(() => document.querySelector('[data-testid="folder-item"][data-path=""] .lib-badge')?.textContent === '3');
    assert.equal(await all.evaluate((node) => /** @type {any} */ (node).__kept === true), true, 'the item was made again');
    assert.deepEqual(await page.getByTestId('folder-item').evaluateAll((items) => items.map((i) => i.getAttribute('aria-level'))).then((l) => l[0]), '1');
  });
});

test('one file opened keeps the core\'s light module (a folder of many starts the full one ahead: bench/library)', async () => {
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('file-input').setInputFiles([{ name: 'one.md', mimeType: 'text/markdown', buffer: Buffer.from('# One\n\nText.\n') }]);
    await shownTitle(page).waitFor();
    await page.waitForTimeout(500);
    assert.deepEqual(await page.evaluate(async () => Object.keys((await import('./folio.js')).compiledModules())), ['light']);
  });
});
