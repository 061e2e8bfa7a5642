// The list of opened articles (#15, now the library's list): the same file opened twice is
// one entry, replaced when its bytes changed (defect 13); the first visit says files can be
// dropped and an empty list says so; End and the arrows move within the list without
// scrolling the page; a newly opened file's entry is scrolled into view.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TINY_POST, dropFiles, shownTitle, useBrowser, withPage } from './harness.mjs';
import { itemFor, listSettled } from './library-helpers.mjs';

const harness = useBrowser();

/** A long article, so that the page itself can scroll. */
const LONG = `# A long article\n\n${'A paragraph of a long article, long enough to wrap.\n\n'.repeat(300)}`;

/** @param {import('playwright-core').Page} page */
const paths = (page) => page.getByTestId('library-item').evaluateAll((rows) => rows
  .sort((a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')))
  .map((row) => /** @type {HTMLElement} */ (row).dataset.path));

test('the same file opened twice is one entry; with changed bytes it is rendered again in place', async () => {
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    const input = page.getByTestId('file-input');
    await input.setInputFiles([{ name: 'tiny.md', mimeType: 'text/markdown', buffer: Buffer.from(TINY_POST) }]);
    await shownTitle(page).filter({ hasText: 'A tiny fixture post' }).waitFor();
    await dropFiles(page, [{ name: 'other.md', bytes: Buffer.from('# Another file\n') }]);
    await shownTitle(page).filter({ hasText: 'Another file' }).waitFor();

    // Again, the same bytes: no second entry; the one there is shown.
    await input.setInputFiles([{ name: 'tiny.md', mimeType: 'text/markdown', buffer: Buffer.from(TINY_POST) }]);
    await shownTitle(page).filter({ hasText: 'A tiny fixture post' }).waitFor();
    await listSettled(page);
    assert.deepEqual(await paths(page), ['tiny.md', 'other.md'], 'the dated post first, one entry each');
    assert.equal(await itemFor(page, 'tiny.md').getAttribute('aria-current'), 'true');

    // Twice in one drop: still one.
    await dropFiles(page, [{ name: 'other.md', bytes: Buffer.from('# Another file\n') }, { name: 'other.md', bytes: Buffer.from('# Another file\n') }]);
    await shownTitle(page).filter({ hasText: 'Another file' }).waitFor();
    await listSettled(page);
    assert.equal(await page.getByTestId('library-item').count(), 2);

    // Changed bytes under the same name: the entry shows the new article.
    await dropFiles(page, [{ name: 'tiny.md', bytes: Buffer.from(TINY_POST.replace('A tiny fixture post', 'A tiny post, edited')) }]);
    await shownTitle(page).filter({ hasText: 'A tiny post, edited' }).waitFor();
    await listSettled(page);
    // Under load the list may still be taking the edited file's date in: give it the time.
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="library-item"]')]
      .map((row) => /** @type {HTMLElement} */ (row).dataset.path).join() === 'tiny.md,other.md', undefined, { timeout: 10_000 }).catch(() => {});
    assert.deepEqual(await paths(page), ['tiny.md', 'other.md']);
    await itemFor(page, 'tiny.md').filter({ hasText: 'A tiny post, edited' }).waitFor();
    await itemFor(page, 'other.md').click();
    await itemFor(page, 'tiny.md').click();
    await shownTitle(page).filter({ hasText: 'A tiny post, edited' }).waitFor();
  });
});

test('first visit: the page says files can be dropped; an empty list says it is empty', async () => {
  await withPage(harness, '', async (page) => {
    const hint = page.locator('.files-hint');
    assert.ok(await hint.isVisible(), 'the hint is shown beside the demo');
    assert.match(await hint.innerText(), /^Drop files, folders or \.zip archives/);
  });
  await withPage(harness, '?src=&lang=zh', async (page) => {
    await page.getByTestId('welcome').waitFor();
    const empty = page.getByTestId('no-files');
    assert.equal(await empty.innerText(), '还没有打开文件。');
    assert.match(await page.locator('.files-hint').innerText(), /拖到本页/);
    assert.match(await page.getByTestId('welcome').innerText(), /文件夹.*\.zip/s, 'the welcome says folders and zips open too');
    await dropFiles(page, [{ name: 'tiny.md', bytes: Buffer.from(TINY_POST) }]);
    await shownTitle(page).waitFor();
    await empty.waitFor({ state: 'hidden' });
  });
  await withPage(harness, '?src=&lang=en', async (page) => {
    assert.equal(await page.getByTestId('no-files').innerText(), 'No files opened yet.');
    assert.match(await page.getByTestId('welcome').innerText(), /whole folders or \.zip archives/);
  });
});

test('End, Home and the arrows move within the list without scrolling the page; a new entry is scrolled into view', async () => {
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    const names = Array.from({ length: 40 }, (_, i) => `file-${String(i + 1).padStart(2, '0')}.md`);
    await dropFiles(page, [{ name: 'long.md', bytes: Buffer.from(LONG) }, ...names.map((name) => ({ name, bytes: Buffer.from(`# ${name}\n`) }))]);
    await shownTitle(page).filter({ hasText: 'A long article' }).waitFor();
    await listSettled(page);
    /** Whether the row of `path` is wholly visible: inside the window and inside the list's scroll box. @param {string} path */
    const inWindow = (path) => itemFor(page, path).evaluate((node) => {
      const r = node.getBoundingClientRect();
      const list = /** @type {Element} */ (document.querySelector('[data-testid="file-list"]')).getBoundingClientRect();
      // A pixel of slack: the list's top may fall between pixels, its scroll position cannot.
      return r.top >= Math.max(0, list.top) - 1 && r.bottom <= Math.min(window.innerHeight, list.bottom) + 1;
    });
    const active = () => page.evaluate(() => {
      const box = document.querySelector('[data-testid="file-list"]');
      return document.getElementById(box?.getAttribute('aria-activedescendant') ?? '')?.dataset.path;
    });

    await page.getByTestId('file-list').focus();
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    await page.keyboard.press('End');
    assert.equal(await active(), 'long.md', 'untitled by date: by path, long.md last');
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'End scrolled the page');
    assert.ok(await inWindow('long.md'), 'the last entry is in view');
    await page.keyboard.press('Home');
    assert.equal(await active(), 'file-01.md');
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'Home scrolled the page');
    assert.ok(await inWindow('file-01.md'));
    await page.keyboard.press('ArrowDown');
    assert.equal(await active(), 'file-02.md');

    // A file opened now is shown, and its entry scrolled to.
    await page.keyboard.press('End');
    await dropFiles(page, [{ name: 'aaa-newest.md', bytes: Buffer.from('# The newest file\n') }]);
    await shownTitle(page).filter({ hasText: 'The newest file' }).waitFor();
    await itemFor(page, 'aaa-newest.md').waitFor();
    assert.ok(await inWindow('aaa-newest.md'), 'the new entry is in view');
    assert.equal(await page.evaluate(() => window.scrollY), 0);
  });
});
