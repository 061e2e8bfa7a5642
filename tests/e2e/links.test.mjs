// Links in an article never throw the session away (#15, defect 1): links to other sites
// open in a new tab (noopener), `#anchors` scroll within the article and leave the URL
// alone, a relative link opens the opened file it names or says that file is not open.
// In the viewer and in <folio-article>.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corpus, dropFiles, shownTitle, useBrowser, withPage } from './harness.mjs';
import { itemFor } from './library-helpers.mjs';

const harness = useBrowser();

/** @typedef {import('playwright-core').Page} Page */

const LINKS = `---
title: Links of every kind
---

An [outside page](https://example.com/page) and [another](http://example.org/).

Jump to [the details](#details), or write to [us](mailto:someone@example.com).

${'Filler paragraph to make the article longer than a screen.\n\n'.repeat(40)}

## Details

The details are here. See also [the second file](second.md) and [its end](./second.md#the-end).

${'More filler after the details.\n\n'.repeat(40)}
`;

const SECOND = `# The second file

${'Text of the second file.\n\n'.repeat(60)}

## The end

The last words.

${'Room below the end, so that it can scroll to the top.\n\n'.repeat(40)}
`;

/**
 * Records navigations of the page's main frame from now on.
 * @param {Page} page
 * @returns {string[]}
 */
function watchNavigations(page) {
  /** @type {string[]} */
  const seen = [];
  // The library's permalinks change the hash only: the page stays; anything else is a navigation.
  const start = page.url().split('#')[0];
  page.on('framenavigated', (frame) => { if (frame === page.mainFrame() && frame.url().split('#')[0] !== start) seen.push(frame.url()); });
  return seen;
}

/** The page's address without its hash (the library's permalink). @param {Page} page */
const withoutHash = (page) => page.url().split('#')[0];

/** Waits until the page has stopped scrolling (smooth scrolling takes a few frames). @param {Page} page */
async function scrollSettled(page) {
  await page.evaluate(() => new Promise((resolve) => {
    let last = -1;
    let still = 0;
    const check = () => {
      if (window.scrollY === last) still += 1;
      else still = 0;
      last = window.scrollY;
      if (still >= 5) resolve(undefined);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }));
}

test('a relative link to a file that is not open says so and keeps the viewer (zola/zola-test-draft.md)', async () => {
  for (const [lang, expected] of [
    ['en', '“@/hello.md” is not open. Drop it on this page or use “Open files…” to read it.'],
    ['zh', '“@/hello.md”尚未打开。把它拖到本页或点击“打开文件…”即可阅读。'],
  ]) {
    await withPage(harness, `?src=&lang=${lang}`, async (page) => {
      await page.getByTestId('welcome').waitFor();
      await page.getByTestId('file-input').setInputFiles([{ name: 'zola-test-draft.md', mimeType: 'text/markdown', buffer: corpus('zola/zola-test-draft.md') }]);
      await shownTitle(page).filter({ hasText: 'A draft' }).waitFor();
      // The opened file's permalink is in the address (the library's); from here nothing moves.
      await page.waitForFunction(() => location.hash === '#zola-test-draft.md');
      const start = page.url();
      const navigations = watchNavigations(page);
      const notice = page.getByTestId('notice');
      assert.equal(await notice.isVisible(), false);
      await page.getByTestId('article-body').getByRole('link', { name: 'root' }).click();
      await notice.waitFor();
      assert.equal(await notice.innerText(), expected);
      assert.deepEqual(navigations, [], 'the viewer navigated');
      assert.equal(page.url(), start);
      assert.equal(await shownTitle(page).innerText(), 'A draft', 'the article is still shown');
    });
  }
});

test('links to other sites open in a new tab, anchors scroll, and links to opened files open them', async () => {
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    const start = withoutHash(page);
    const navigations = watchNavigations(page);
    await dropFiles(page, [{ name: 'links.md', bytes: Buffer.from(LINKS) }, { name: 'second.md', bytes: Buffer.from(SECOND) }]);
    await shownTitle(page).filter({ hasText: 'Links of every kind' }).waitFor();
    const body = page.getByTestId('article-body');

    // Other sites: a new tab, with no opener and no referrer.
    const outside = body.getByRole('link', { name: 'outside page' });
    assert.equal(await outside.getAttribute('target'), '_blank');
    assert.match(await outside.getAttribute('rel') ?? '', /(?=.*\bnoopener\b)(?=.*\bnoreferrer\b)/);
    assert.equal(await body.getByRole('link', { name: 'another' }).getAttribute('target'), '_blank');
    assert.equal(await body.getByRole('link', { name: 'us' }).getAttribute('target'), null, 'mailto: is left to the mail client');
    const [popup] = await Promise.all([page.context().waitForEvent('page'), outside.click()]);
    await popup.close();

    // An anchor: scrolls to its heading within the article; the URL keeps no hash.
    await body.getByRole('link', { name: 'the details' }).click();
    await scrollSettled(page);
    const heading = body.locator('h2', { hasText: 'Details' });
    // At the top of the window, below the top bar where it stays (scroll-padding-top).
    const barBottom = await page.evaluate(() => Math.max(0, /** @type {Element} */ (document.querySelector('.topbar')).getBoundingClientRect().bottom));
    const top = await heading.evaluate((node) => node.getBoundingClientRect().top);
    assert.ok(Math.abs(top - barBottom) <= 2, `the heading is at ${top}px, not at the top (below the bar at ${barBottom}px)`);
    assert.equal(await heading.evaluate((node) => node === document.activeElement), true, 'focus moved to the heading');
    assert.equal(withoutHash(page), start);

    // A relative link to an opened file shows it; one with a fragment scrolls there too.
    await body.getByRole('link', { name: 'the second file' }).click();
    await shownTitle(page).filter({ hasText: 'The second file' }).waitFor();
    assert.equal(await itemFor(page, 'second.md').getAttribute('aria-current'), 'true');
    await itemFor(page, 'links.md').click();
    await shownTitle(page).filter({ hasText: 'Links of every kind' }).waitFor();
    await body.getByRole('link', { name: 'its end' }).click();
    await shownTitle(page).filter({ hasText: 'The second file' }).waitFor();
    await scrollSettled(page);
    const end = await page.getByTestId('article-body').locator('h2', { hasText: 'The end' }).evaluate((node) => node.getBoundingClientRect().top);
    assert.ok(Math.abs(end - barBottom) <= 2, `"The end" is at ${end}px`);
    assert.equal(await page.getByTestId('notice').isVisible(), false);
    assert.deepEqual(navigations, [], 'the viewer navigated');
    assert.equal(withoutHash(page), start);
  });
});

test('<folio-article>: links to other sites open in a new tab and never navigate the host page', async () => {
  const host = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types folio">
<script type="module" src="../folio-article.js"></script></head><body><folio-article data-testid="a"></folio-article></body></html>`;
  const setup = (/** @type {Page} */ page) => page.route('**/e2e-fixtures/links.html', (route) => route.fulfill({ contentType: 'text/html', body: host }));
  await withPage(harness, 'e2e-fixtures/links.html', async (page) => {
    await page.waitForFunction(() => customElements.get('folio-article') !== undefined);
    const start = page.url();
    const navigations = watchNavigations(page);
    await page.evaluate((text) => /** @type {any} */ (document.querySelector('folio-article')).render(text, { fileName: 'links.md' }), LINKS);
    const element = page.locator('folio-article');
    const outside = element.locator('[part~="body"]').getByRole('link', { name: 'outside page' });
    assert.equal(await outside.getAttribute('target'), '_blank');
    // A relative link (no base given): another page, opened in a new tab against the page's URL.
    const relative = element.locator('[part~="body"]').getByRole('link', { name: 'the second file' });
    const [popup] = await Promise.all([page.context().waitForEvent('page'), relative.click()]);
    await popup.waitForURL(new URL('second.md', start).href);
    await popup.close();
    await element.locator('[part~="body"]').getByRole('link', { name: 'the details' }).click();
    await page.waitForFunction(() => window.scrollY > 0);
    assert.deepEqual(navigations, [], 'the host page navigated');
    assert.equal(page.url(), start);
  }, { setup });
});
