// The file list (#15): the same file opened twice is one entry, replaced when its bytes
// changed (defect 13); the first visit says files can be dropped and an empty list says
// so; End and the arrows move within the list without scrolling the page; a newly opened
// file's entry is scrolled into view.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TINY_POST, dropFiles, shownTitle, useBrowser, withPage } from './harness.mjs';

const harness = useBrowser();

/** @typedef {import('playwright-core').Page} Page */

/** A long article, so that the page itself can scroll. */
const LONG = `# A long article\n\n${'A paragraph of a long article, long enough to wrap.\n\n'.repeat(300)}`;

/** Waits until no file is loading. @param {Page} page */
const settled = (page) => page.waitForFunction(() => !document.querySelector('[data-testid="file-button"][aria-busy]'));

test('the same file opened twice is one entry; with changed bytes it is rendered again in place', async () => {
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    const input = page.getByTestId('file-input');
    const buttons = page.getByTestId('file-button');
    await input.setInputFiles([{ name: 'tiny.md', mimeType: 'text/markdown', buffer: Buffer.from(TINY_POST) }]);
    await shownTitle(page).filter({ hasText: 'A tiny fixture post' }).waitFor();
    await dropFiles(page, [{ name: 'other.md', bytes: Buffer.from('# Another file\n') }]);
    await shownTitle(page).filter({ hasText: 'Another file' }).waitFor();

    // Again, the same bytes: no second entry; the one there is shown.
    await input.setInputFiles([{ name: 'tiny.md', mimeType: 'text/markdown', buffer: Buffer.from(TINY_POST) }]);
    await shownTitle(page).filter({ hasText: 'A tiny fixture post' }).waitFor();
    await settled(page);
    assert.deepEqual(await buttons.allInnerTexts(), ['tiny.md', 'other.md']);
    assert.equal(await buttons.first().getAttribute('aria-current'), 'true');

    // Twice in one drop: still one.
    await dropFiles(page, [{ name: 'other.md', bytes: Buffer.from('# Another file\n') }, { name: 'other.md', bytes: Buffer.from('# Another file\n') }]);
    await shownTitle(page).filter({ hasText: 'Another file' }).waitFor();
    await settled(page);
    assert.equal(await buttons.count(), 2);

    // Changed bytes under the same name: the entry shows the new article.
    await dropFiles(page, [{ name: 'tiny.md', bytes: Buffer.from(TINY_POST.replace('A tiny fixture post', 'A tiny post, edited')) }]);
    await shownTitle(page).filter({ hasText: 'A tiny post, edited' }).waitFor();
    await settled(page);
    assert.deepEqual(await buttons.allInnerTexts(), ['tiny.md', 'other.md']);
    assert.equal(await buttons.first().getAttribute('title'), 'A tiny post, edited');
    await buttons.nth(1).click();
    await buttons.first().click();
    await shownTitle(page).filter({ hasText: 'A tiny post, edited' }).waitFor();
  });
});

test('first visit: the page says files can be dropped; an empty list says it is empty', async () => {
  await withPage(harness, '', async (page) => {
    const hint = page.locator('.files-hint');
    assert.ok(await hint.isVisible(), 'the hint is shown beside the demo');
    assert.match(await hint.innerText(), /^Drop Markdown, HTML or text files/);
  });
  await withPage(harness, '?src=&lang=zh', async (page) => {
    await page.getByTestId('welcome').waitFor();
    const empty = page.getByTestId('no-files');
    assert.equal(await empty.innerText(), '还没有打开文件。');
    assert.match(await page.locator('.files-hint').innerText(), /拖到本页/);
    await dropFiles(page, [{ name: 'tiny.md', bytes: Buffer.from(TINY_POST) }]);
    await shownTitle(page).waitFor();
    assert.equal(await empty.count(), 0);
  });
  await withPage(harness, '?src=&lang=en', async (page) => {
    assert.equal(await page.getByTestId('no-files').innerText(), 'No files yet.');
  });
});

test('End, Home and the arrows move within the list without scrolling the page; a new entry is scrolled into view', async () => {
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    const names = Array.from({ length: 40 }, (_, i) => `file-${String(i + 1).padStart(2, '0')}.md`);
    await dropFiles(page, [{ name: 'long.md', bytes: Buffer.from(LONG) }, ...names.map((name) => ({ name, bytes: Buffer.from(`# ${name}\n`) }))]);
    await shownTitle(page).filter({ hasText: 'A long article' }).waitFor();
    await settled(page);
    const buttons = page.getByTestId('file-button');
    /** Whether a button is wholly visible: inside the window and inside the list's scroll box. @param {number} i */
    const inWindow = (i) => buttons.nth(i).evaluate((node) => {
      const r = node.getBoundingClientRect();
      const list = /** @type {Element} */ (document.querySelector('[data-testid="file-list-nav"]')).getBoundingClientRect();
      return r.top >= Math.max(0, list.top) && r.bottom <= Math.min(window.innerHeight, list.bottom);
    });

    await buttons.first().focus();
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    await page.keyboard.press('End');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'file-40.md');
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'End scrolled the page');
    assert.ok(await inWindow(40), 'the last entry is in view');
    await page.keyboard.press('Home');
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'Home scrolled the page');
    assert.ok(await inWindow(0));

    // A file opened now is added at the end of the list, shown, and its entry scrolled to.
    await dropFiles(page, [{ name: 'newest.md', bytes: Buffer.from('# The newest file\n') }]);
    await shownTitle(page).filter({ hasText: 'The newest file' }).waitFor();
    assert.ok(await inWindow(41), 'the new entry is in view');
    assert.equal(await page.evaluate(() => window.scrollY), 0);
  });
});
