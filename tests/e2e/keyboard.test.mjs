// The openers, search and the article list work from the keyboard.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SAMPLE_TITLE, TINY_POST, shownTitle, useBrowser, withPage } from './harness.mjs';
import { listSettled } from './library-helpers.mjs';

const harness = useBrowser();

/** Presses Tab up to `limit` times, recording the data-testid of each focused element (or its label's). */
async function tabStops(/** @type {import('playwright-core').Page} */ page, limit) {
  const stops = [];
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    stops.push(await page.evaluate(() => {
      const el = document.activeElement;
      return el?.getAttribute('data-testid') ?? el?.closest('[data-testid]')?.getAttribute('data-testid') ?? el?.tagName ?? '';
    }));
  }
  return stops;
}

test('Tab reaches search, the openers and the article list; arrows move in the list, Enter opens', async () => {
  await withPage(harness, '', async (page) => {
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    await page.getByTestId('file-input').setInputFiles([{ name: 'tiny.md', mimeType: 'text/markdown', buffer: Buffer.from(TINY_POST) }]);
    await shownTitle(page).filter({ hasText: 'A tiny fixture post' }).waitFor();
    await page.getByTestId('library-item').nth(1).waitFor();
    await listSettled(page); // both read: the rows hold their titles

    const stops = await tabStops(page, 14);
    for (const stop of ['search', 'file-input', 'folder-input', 'keep', 'file-list']) {
      assert.ok(stops.includes(stop), `${stop} is a tab stop: ${stops}`);
    }
    assert.ok(stops.indexOf('file-list') > stops.indexOf('file-input'), `the list follows the openers: ${stops}`);
    assert.equal(await page.getByTestId('open-label').getByTestId('file-input').count(), 1, 'the focused input is the one inside the visible label');

    // In the list: the article being read is active; arrows move, Enter opens.
    await page.getByTestId('file-list').focus();
    const active = () => page.evaluate(() => {
      const box = document.querySelector('[data-testid="file-list"]');
      return document.getElementById(box?.getAttribute('aria-activedescendant') ?? '')?.textContent ?? '';
    });
    assert.match(await active(), /A tiny fixture post/);
    await page.keyboard.press('ArrowUp');
    assert.match(await active(), /商务部/, 'newest first: the sample (2022) above the tiny post (2021)');
    await page.keyboard.press('k');
    assert.match(await active(), /商务部/, 'the first stays first');
    await page.keyboard.press('Enter');
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    assert.equal(await page.getByTestId('library-item').first().getAttribute('aria-current'), 'true');
  });
});
