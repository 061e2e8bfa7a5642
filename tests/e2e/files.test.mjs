// Two files through the file input, switched with the list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SAMPLE, SAMPLE_NAME, SAMPLE_TITLE, TINY_POST, shownTitle, useBrowser, withPage } from './harness.mjs';
import { itemFor, listSettled } from './library-helpers.mjs';

const harness = useBrowser();

test('two files open through the input and switch through the list', async () => {
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('file-input').setInputFiles([
      { name: SAMPLE_NAME, mimeType: 'text/markdown', buffer: SAMPLE },
      { name: 'tiny.md', mimeType: 'text/markdown', buffer: Buffer.from(TINY_POST) },
    ]);
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    assert.equal(await page.getByTestId('library-item').count(), 2);
    await listSettled(page);

    await itemFor(page, 'tiny.md').click();
    await shownTitle(page).filter({ hasText: 'A tiny fixture post' }).waitFor();
    assert.equal(await itemFor(page, 'tiny.md').getAttribute('aria-current'), 'true');
    assert.equal(await itemFor(page, SAMPLE_NAME).getAttribute('aria-current'), null);
    // Zone-less date: shown as written, not shifted into the reader's zone.
    const time = page.getByTestId('article-date');
    assert.equal(await time.getAttribute('datetime'), '2021-03-04T23:30:00');
    assert.match(await time.innerText(), /March 4, 2021.*11:30\s?PM/);
    // Three headings: a table of contents linking to them.
    const toc = page.getByTestId('toc');
    assert.equal(await toc.locator('a').count(), 3);
    const target = (await toc.locator('a').first().getAttribute('href')) ?? '';
    assert.equal(await page.locator(`[id="${decodeURIComponent(target.slice(1))}"]`).count(), 1);

    await itemFor(page, SAMPLE_NAME).click();
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    assert.equal(await itemFor(page, SAMPLE_NAME).getAttribute('aria-current'), 'true');
    assert.match(await page.getByTestId('status').textContent() ?? '', /Loaded .*商务部/);
  });
});
