// The openers, search, the article list and the top bar's menus work from the keyboard.
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
    const newer = TINY_POST.replace('A tiny fixture post', 'A newer post').replace('date: 2021-03-04', 'date: 2022-05-06');
    await page.getByTestId('file-input').setInputFiles([
      { name: 'tiny.md', mimeType: 'text/markdown', buffer: Buffer.from(TINY_POST) },
      { name: 'newer.md', mimeType: 'text/markdown', buffer: Buffer.from(newer) },
    ]);
    await shownTitle(page).filter({ hasText: 'A tiny fixture post' }).waitFor();
    await page.getByTestId('library-item').nth(1).waitFor();
    await listSettled(page); // both read: the rows hold their titles
    assert.equal(await page.getByTestId('library-item').count(), 2, 'the demo made way for the two files');

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
    assert.match(await active(), /A newer post/, 'newest first: the newer post (2022) above the tiny one (2021)');
    await page.keyboard.press('k');
    assert.match(await active(), /A newer post/, 'the first stays first');
    await page.keyboard.press('Enter');
    await shownTitle(page).filter({ hasText: 'A newer post' }).waitFor();
    assert.equal(await page.getByTestId('library-item').first().getAttribute('aria-current'), 'true');
  });
});

test('the top bar\'s menus close as menus do: Escape, a press outside, another menu opened', async () => {
  await withPage(harness, '', async (page) => {
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    const save = page.getByTestId('save-menu');
    const settings = page.getByTestId('reader-controls');
    const isOpen = (/** @type {import('playwright-core').Locator} */ menu) => menu.evaluate((d) => /** @type {HTMLDetailsElement} */ (d).open);

    // Escape closes the menu the focus is in, and the focus is back on its button.
    await save.locator('summary').click();
    assert.equal(await isOpen(save), true);
    await page.keyboard.press('Escape');
    assert.equal(await isOpen(save), false);
    assert.equal(await page.evaluate(() => document.activeElement?.closest('details')?.dataset.testid), 'save-menu');
    // Opening one closes the other, from the mouse and from the keyboard.
    await save.locator('summary').click();
    await page.getByTestId('settings-button').click();
    assert.equal(await isOpen(settings), true);
    assert.equal(await isOpen(save), false, 'the Save menu closed when the settings opened');
    await save.locator('summary').focus();
    await page.keyboard.press('Enter');
    assert.equal(await isOpen(save), true);
    assert.equal(await isOpen(settings), false, 'the settings closed when Save opened from the keyboard');
    // A press outside closes it; a press inside does not.
    await page.getByTestId('article').click({ position: { x: 5, y: 5 } });
    assert.equal(await isOpen(save), false, 'a press on the article closed it');
    await page.getByTestId('settings-button').click();
    await page.getByTestId('settings-button').locator('xpath=..').getByRole('group').first().click({ position: { x: 2, y: 2 } });
    assert.equal(await isOpen(settings), true, 'a press inside keeps it open');
  });
});
