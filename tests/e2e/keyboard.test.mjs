// The open-files control and the file list work from the keyboard.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SAMPLE_TITLE, TINY_POST, shownTitle, useBrowser, withPage } from './harness.mjs';

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

test('Tab reaches the open-files control and the file list; arrows move in the list', async () => {
  await withPage(harness, '', async (page) => {
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    await page.getByTestId('file-input').setInputFiles([{ name: 'tiny.md', mimeType: 'text/markdown', buffer: Buffer.from(TINY_POST) }]);
    await shownTitle(page).filter({ hasText: 'A tiny fixture post' }).waitFor();

    const stops = await tabStops(page, 5);
    assert.ok(stops.includes('file-input'), `the file input is a tab stop: ${stops}`);
    const inputInLabel = await page.getByTestId('open-label').getByTestId('file-input').count();
    assert.equal(inputInLabel, 1, 'the focused input is the one inside the visible label');
    const first = stops.indexOf('file-button');
    assert.ok(first > stops.indexOf('file-input'), `a file button follows: ${stops}`);

    // Focus is on the first file button now (or reach it again); Enter opens, arrows move.
    await page.getByTestId('file-button').first().focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'tiny.md');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    assert.equal(await page.getByTestId('file-button').first().getAttribute('aria-current'), 'true');
  });
});
