// Reading a long or far-away article (#15): a long table of contents does not bury the
// body and is built only when opened (defect 4); a date written with an offset shows that
// offset's day and time to every reader (defect 8); a phone's page is never wider than
// its screen (defect 2's long URL); a note that is all properties lists them; an image
// that fails to load says so. In the viewer and in <folio-article>.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corpus, dropFiles, shownTitle, useBrowser, withPage } from './harness.mjs';

const harness = useBrowser();

/** @typedef {import('playwright-core').Page} Page */

/** A host page for the element, with the examples' CSP. */
const ELEMENT_HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; require-trusted-types-for 'script'; trusted-types folio">
<script type="module" src="../folio-article.js"></script></head><body><folio-article data-testid="a"></folio-article></body></html>`;

/** @param {Page} page */
const serveHost = (page) => page.route('**/e2e-fixtures/host.html', (route) => route.fulfill({ contentType: 'text/html', body: ELEMENT_HOST }));

/**
 * Renders bytes in the host page's element and waits for it.
 * @param {Page} page
 * @param {Buffer} bytes
 * @param {string} fileName
 */
async function renderInElement(page, bytes, fileName) {
  await page.waitForFunction(() => customElements.get('folio-article') !== undefined);
  await page.evaluate(([data, name]) => /** @type {any} */ (document.querySelector('folio-article'))
    .render(Uint8Array.from(atob(/** @type {string} */ (data)), (c) => c.charCodeAt(0)), { fileName: name }), [bytes.toString('base64'), fileName]);
}

test('a 388-heading outline is collapsed behind its count, built when opened, and the body starts on the first screen', async () => {
  await withPage(harness, '?src=&lang=en', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('file-input').setInputFiles([{ name: 'history.markdown', mimeType: 'text/markdown', buffer: corpus('big/jekyll-docs-history.md') }]);
    await shownTitle(page).waitFor();
    const toc = page.getByTestId('toc');
    assert.equal(await toc.locator('details').getAttribute('open'), null, 'the outline starts collapsed');
    assert.equal(await page.getByTestId('toc-summary').innerText(), 'Contents (388 headings)');
    assert.equal(await toc.locator('li').count(), 0, 'no entry is built before the outline is opened');
    const bodyTop = await page.getByTestId('article-body').evaluate((node) => node.getBoundingClientRect().top);
    assert.ok(bodyTop < 900 / 2, `the body starts at ${bodyTop}px, not on the first screen`);

    await page.getByTestId('toc-summary').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="toc"] li').length === 388);
    const link = toc.getByRole('link').nth(100);
    const id = decodeURIComponent((await link.getAttribute('href') ?? '').slice(1));
    await link.click();
    // At the top of the window, or just below the top bar where it stays in view (the library's).
    await page.waitForFunction((wanted) => {
      const top = document.getElementById(wanted)?.getBoundingClientRect().top ?? 1e9;
      const bar = document.querySelector('.topbar');
      const under = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().bottom : 0;
      return Math.abs(top - under) <= 2;
    }, id);
  });
  await withPage(harness, '?src=&lang=zh', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('file-input').setInputFiles([{ name: 'history.markdown', mimeType: 'text/markdown', buffer: corpus('big/jekyll-docs-history.md') }]);
    await page.getByTestId('toc-summary').waitFor();
    assert.equal(await page.getByTestId('toc-summary').innerText(), '目录（388 个标题）');
  });
});

test('31 841 headings: the outline is built only when opened, all of it', async () => {
  const headings = 31_841;
  const text = Array.from({ length: headings }, (_, i) => `## Heading ${i + 1}\n\nText ${i + 1}.\n`).join('\n');
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [{ name: 'headings.md', bytes: Buffer.from(`# Many headings\n\n${text}`) }]);
    await shownTitle(page).filter({ hasText: 'Many headings' }).waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId('toc').locator('li').count(), 0);
    // Every heading of the outline (the title's own heading may or may not be one of them).
    const count = Number(/\((\d+) headings\)/.exec(await page.getByTestId('toc-summary').innerText())?.[1]);
    assert.ok(count >= headings, `the summary counts ${count}`);
    // The page may still be building the body's later slices: the click waits for it.
    await page.getByTestId('toc-summary').click({ timeout: 60_000 });
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="toc"] li').length === n, count, { timeout: 60_000 });
    // The open list scrolls inside its own box: the body still starts right below it.
    const box = await page.getByTestId('toc').locator('ol').evaluate((node) => node.getBoundingClientRect().height);
    assert.ok(box <= 900 * 0.6 + 1, `the open outline is ${box}px tall`);
  });
});

test('<folio-article> collapses a long outline too, where it is above the body (a narrow element)', async () => {
  await withPage(harness, 'e2e-fixtures/host.html', async (page) => {
    await renderInElement(page, corpus('big/jekyll-docs-history.md'), 'history.markdown');
    const toc = page.locator('folio-article').locator('[part~="toc"]');
    assert.equal(await toc.locator('details').getAttribute('open'), null);
    assert.equal(await toc.locator('li').count(), 0);
  }, { setup: serveHost, viewport: { width: 800, height: 900 } });
});

test('a date written at +08:00 shows that day and time to a reader in UTC (hugo/hugo-even-chinese-preview.md)', async () => {
  const bytes = corpus('hugo/hugo-even-chinese-preview.md');
  await withPage(harness, '?src=&lang=en', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [{ name: 'hugo-even-chinese-preview.md', bytes }]);
    const date = page.getByTestId('article-date');
    await date.waitFor();
    assert.equal(await date.getAttribute('datetime'), '2017-08-30T01:37:56+08:00');
    assert.match(await date.innerText(), /^August 30, 2017.*1:37\s?AM UTC\+8$/);
  }, { timezoneId: 'UTC' });
  await withPage(harness, 'e2e-fixtures/host.html', async (page) => {
    await renderInElement(page, bytes, 'hugo-even-chinese-preview.md');
    const date = page.locator('folio-article').getByTestId('article-date');
    assert.match(await date.innerText(), /^August 30, 2017.*1:37\s?AM UTC\+8$/);
  }, { setup: serveHost, timezoneId: 'America/Los_Angeles' });
});

test('on a 390 px phone the page is never wider than the screen (hexo/52x-awk-manual-zh.md)', async () => {
  for (const name of ['hexo/52x-awk-manual-zh.md', 'hugo/hugo-even-chinese-preview.md', 'big/jekyll-docs-history.md']) {
    await withPage(harness, '?src=', async (page) => {
      await page.getByTestId('welcome').waitFor();
      await page.getByTestId('file-input').setInputFiles([{ name: name.split('/').pop() ?? name, mimeType: 'text/markdown', buffer: corpus(name) }]);
      await shownTitle(page).waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `${name}: the page is ${width}px wide`);
    }, { viewport: { width: 390, height: 844 } });
  }
});

test('a note that is all properties shows them, as text, in the viewer and in <folio-article> (other/obsidian-reference-blade-runner.md)', async () => {
  const bytes = corpus('other/obsidian-reference-blade-runner.md');
  const expected = [['cast', 'Harrison Ford'], ['director', 'Ridley Scott'], ['genre', 'Sci-fi'], ['imdbId', 'tt0083658'], ['last', '2023-09-14'], ['rating', '7'], ['year', '1982']];
  const rows = (/** @type {import('playwright-core').Locator} */ list) => list.evaluate((dl) => [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
  await withPage(harness, '?src=&lang=en', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [{ name: 'blade-runner.md', bytes: Buffer.concat([bytes, Buffer.from('\n')]) }, { name: 'hostile.md', bytes: Buffer.from('---\nnote: "<img src=x onerror=alert(1)> [[Target|Label]]"\n---\n') }]);
    const properties = page.getByTestId('properties');
    await properties.waitFor();
    // The categories, the cover (and the title) are the header's: not repeated here.
    assert.deepEqual(await rows(properties), expected);
    assert.equal(await properties.getAttribute('aria-label'), 'Properties');
    // A note with a body shows none; markup in a value stays text.
    await page.getByTestId('library-item').filter({ hasText: 'hostile' }).click();
    await page.getByTestId('properties').filter({ hasText: 'Label' }).waitFor();
    assert.deepEqual(await rows(page.getByTestId('properties')), [['note', '<img src=x onerror=alert(1)> Label']]);
    assert.equal(await page.getByTestId('properties').locator('img').count(), 0);
  });
  await withPage(harness, 'e2e-fixtures/host.html', async (page) => {
    await renderInElement(page, bytes, 'blade-runner.md');
    const properties = page.locator('folio-article').getByTestId('properties');
    await properties.waitFor();
    assert.deepEqual(await rows(properties), expected);
  }, { setup: serveHost });
});

test('a note with a body shows no properties list', async () => {
  await withPage(harness, '?src=&lang=zh', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [{ name: 'with-body.md', bytes: Buffer.from('---\nrating: 7\n---\nThe body.\n') }]);
    await page.getByTestId('article-body').filter({ hasText: 'The body.' }).waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.getByTestId('properties').count(), 0);
  });
});

test('an image that fails to load reads as such, with its alt text: no broken-image icon, no zoom (zh too)', async () => {
  const PICS = '# Pictures\n\n![A gone chart](gone.png "The chart")\n\nText with ![an inline icon](gone-icon.png) inside.\n\n![A fine drawing](ok.svg)\n';
  const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="teal"/></svg>';
  const setup = (/** @type {Page} */ page) => page.route('**/e2e-fixtures/**', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    if (name === 'pics.md') return route.fulfill({ contentType: 'text/markdown; charset=utf-8', body: PICS });
    if (name === 'ok.svg') return route.fulfill({ contentType: 'image/svg+xml', body: SVG });
    return route.fulfill({ status: 404, body: 'Not found' });
  });
  for (const [lang, words] of [['en', ['Image not loaded: A gone chart', 'Image not loaded: an inline icon']], ['zh', ['图片未能加载：A gone chart', '图片未能加载：an inline icon']]]) {
    await withPage(harness, `?src=e2e-fixtures/pics.md&lang=${lang}`, async (page) => {
      await shownTitle(page).filter({ hasText: 'Pictures' }).waitFor();
      const body = page.getByTestId('article-body');
      await body.and(page.locator('[data-enhanced]')).waitFor();
      const failed = body.getByTestId('image-failed');
      await failed.nth(1).waitFor();
      assert.deepEqual(await failed.allInnerTexts(), words);
      // The captioned one keeps its caption; the failed images and their zoom buttons are gone.
      assert.deepEqual(await body.locator('figure figcaption').allInnerTexts(), ['The chart', 'A fine drawing']);
      assert.deepEqual(await body.locator('img').evaluateAll((imgs) => imgs.map((img) => /** @type {HTMLImageElement} */ (img).naturalWidth)), [40]);
      assert.equal(await body.locator('.zoom-button').count(), 1, 'the image that loaded can still be enlarged');
    }, { setup, allowConsole: [/404/] });
  }
});
