// The remote-content switch: remote images load by default (no referrer); "Block remote
// images" (top bar, remembered, or ?images=block) shows click-to-load placeholders and
// fetches nothing until one is clicked. A cover that fails to load is left out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serveFixtures, shownTitle, useBrowser, withPage } from './harness.mjs';

const harness = useBrowser();

/** A 1×1 PNG: a data: image, which is never remote. */
const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const PICTURES = `---
title: Pictures from elsewhere
cover: https://cover.example/c.jpg
---

Intro.

![First picture](https://n.sinaimg.cn/a.png)

![Second picture](//img.example/b.jpg)

[![Linked picture](https://img.example/linked.png)](https://img.example/page)

![Inline pixel](${PIXEL})
`;

/**
 * Serves the fixture and records every request that leaves the test server.
 * @param {string[]} remote  Filled with the URLs requested from other hosts.
 * @param {Array<Record<string, string>>} [headers]  Filled with those requests' headers.
 */
function setupRecording(remote, headers = []) {
  return async (/** @type {import('playwright-core').Page} */ page) => {
    await serveFixtures(page, { 'pictures.md': PICTURES });
    page.on('request', (request) => {
      if (request.url().startsWith(harness.url) || request.url().startsWith('data:')) return;
      remote.push(request.url());
      headers.push(request.headers());
    });
  };
}

/**
 * Waits until the inline data: image has loaded: by then the browser has had every
 * chance to fetch the other images of the same body.
 * @param {import('playwright-core').Page} page
 */
async function waitForInlinePixel(page) {
  await page.waitForFunction(() => {
    const img = /** @type {HTMLImageElement | null} */ (document.querySelector('[data-testid="article-body"] img[src^="data:"]'));
    return img?.complete && img.naturalWidth > 0;
  });
}

test('with ?images=block nothing remote is fetched; a placeholder loads its one image', async () => {
  /** @type {string[]} */
  const remote = [];
  /** @type {Array<Record<string, string>>} */
  const headers = [];
  await withPage(harness, '?images=block&src=e2e-fixtures/pictures.md', async (page) => {
    await shownTitle(page).filter({ hasText: 'Pictures from elsewhere' }).waitFor();
    await waitForInlinePixel(page);
    assert.equal(await page.getByTestId('block-images').isChecked(), true);
    const placeholders = page.getByTestId('image-placeholder');
    assert.deepEqual(await placeholders.allInnerTexts(), [
      'Load image from cover.example',
      'Load image from n.sinaimg.cn',
      'Load image from img.example',
      'Load image from img.example',
    ]);
    assert.equal(await placeholders.nth(1).getAttribute('title'), 'First picture');
    const body = page.getByTestId('article-body');
    assert.equal(await body.locator('img').count(), 1, 'only the data: image is an <img>');
    assert.deepEqual(remote, [], 'a blocked image was requested');

    const request = page.waitForRequest('https://n.sinaimg.cn/a.png');
    await placeholders.nth(1).click();
    assert.equal((await request).resourceType(), 'image');
    const first = body.locator('img[alt="First picture"]');
    await first.waitFor();
    await page.waitForFunction(() => {
      const img = /** @type {HTMLImageElement | null} */ (document.querySelector('img[alt="First picture"]'));
      return img?.complete && img.naturalWidth > 0;
    });
    assert.equal(await first.getAttribute('referrerpolicy'), 'no-referrer');
    assert.equal(await first.getAttribute('data-src'), null);
    assert.deepEqual(remote, ['https://n.sinaimg.cn/a.png'], 'only the clicked image was fetched');
    assert.equal(headers[0].referer, undefined, 'the image request names the page it came from');
    assert.equal(await placeholders.count(), 3);

    // A placeholder inside a link loads the image and does not follow the link.
    await placeholders.nth(2).click();
    await body.locator('a img[alt="Linked picture"]').waitFor();
    assert.equal(new URL(page.url()).origin, new URL(harness.url).origin);

    await placeholders.first().click();
    await page.getByTestId('cover').waitFor();
    assert.equal(await page.getByTestId('cover').getAttribute('src'), 'https://cover.example/c.jpg');
    assert.equal(await placeholders.count(), 1);
  }, { setup: setupRecording(remote, headers) });
});

test('images load by default without a referrer; the switch redraws, is remembered, and ?images=load wins', async () => {
  /** @type {string[]} */
  const remote = [];
  /** @type {Array<Record<string, string>>} */
  const headers = [];
  await withPage(harness, '?src=e2e-fixtures/pictures.md', async (page) => {
    await shownTitle(page).filter({ hasText: 'Pictures from elsewhere' }).waitFor();
    const toggle = page.getByTestId('block-images');
    assert.equal(await toggle.isChecked(), false);
    assert.equal((await page.locator('.image-toggle').textContent())?.trim(), 'Block remote images');
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid="article"] img'))
      .every((img) => /** @type {HTMLImageElement} */ (img).complete));
    assert.equal(await page.getByTestId('image-placeholder').count(), 0);
    assert.ok(remote.includes('https://n.sinaimg.cn/a.png'), remote.join('\n'));
    assert.ok(remote.includes('https://cover.example/c.jpg'), remote.join('\n'));
    assert.ok(headers.every((h) => h.referer === undefined), 'an image request carried a Referer');

    const remoteThumbs = page.locator('img.lib-thumb[src^="https:"]');
    await remoteThumbs.first().waitFor();
    assert.equal(await remoteThumbs.getAttribute('src'), 'https://cover.example/c.jpg', 'the list shows the remote cover as a thumbnail');

    await page.getByTestId('settings-button').click(); // The switch is in the reading settings.
    await toggle.check();
    assert.equal(await page.getByTestId('image-placeholder').count(), 4);
    assert.equal(await remoteThumbs.count(), 0, 'a remote thumbnail stayed in the list once blocked');
    assert.equal(await page.evaluate(() => localStorage.getItem('folio.images')), 'block');

    remote.length = 0;
    await page.reload();
    await shownTitle(page).filter({ hasText: 'Pictures from elsewhere' }).waitFor();
    await waitForInlinePixel(page);
    assert.equal(await page.getByTestId('block-images').isChecked(), true, 'the choice was not remembered');
    assert.equal(await page.getByTestId('image-placeholder').count(), 4);
    assert.deepEqual(remote, [], 'a blocked image was requested after reloading (the list\'s thumbnail too)');
    assert.equal(await remoteThumbs.count(), 0, 'the list shows no remote thumbnail once blocking is remembered');

    await page.goto(`${harness.url}?images=load&src=e2e-fixtures/pictures.md`);
    await shownTitle(page).filter({ hasText: 'Pictures from elsewhere' }).waitFor();
    assert.equal(await page.getByTestId('block-images').isChecked(), false);
    await page.locator('[data-testid="article-body"] img[alt="First picture"]').waitFor();

    await page.getByTestId('settings-button').click();
    await page.getByTestId('block-images').check();
    await page.getByTestId('block-images').uncheck();
    assert.equal(await page.evaluate(() => localStorage.getItem('folio.images')), 'load');
    assert.equal(await page.getByTestId('image-placeholder').count(), 0);
  }, { setup: setupRecording(remote, headers) });
});

test('the switch and the placeholders speak Chinese', async () => {
  /** @type {string[]} */
  const remote = [];
  await withPage(harness, '?lang=zh&images=block&src=e2e-fixtures/pictures.md', async (page) => {
    await shownTitle(page).filter({ hasText: 'Pictures from elsewhere' }).waitFor();
    assert.equal((await page.locator('.image-toggle').textContent())?.trim(), '屏蔽远程图片');
    assert.match(await page.locator('.image-toggle').getAttribute('title') ?? '', /远程图片/);
    assert.equal(await page.getByTestId('image-placeholder').nth(1).innerText(), '加载来自 n.sinaimg.cn 的图片');
    assert.deepEqual(remote, []);
  }, { setup: setupRecording(remote) });
});

test('a cover that fails to load leaves no broken image and no gap; one that loads stays', async () => {
  const post = (/** @type {string} */ cover) => `---\ntitle: Cover test\ncover: ${cover}\n---\n\nThe body.\n`;
  await withPage(harness, '?src=e2e-fixtures/gone.md', async (page) => {
    await page.getByTestId('article-body').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="cover"]'));
    assert.equal(await page.locator('figure.cover').count(), 0);
    await page.goto(`${harness.url}?src=e2e-fixtures/there.md`);
    await page.getByTestId('cover').waitFor();
    await page.waitForFunction(() => /** @type {HTMLImageElement | null} */ (document.querySelector('[data-testid="cover"]'))?.complete);
    await page.waitForTimeout(200);
    assert.equal(await page.getByTestId('cover').count(), 1);
  }, {
    setup: async (page) => {
      await serveFixtures(page, { 'gone.md': post('https://gone.example/c.jpg'), 'there.md': post('https://cover.example/c.jpg') });
      await page.route('https://gone.example/**', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    },
    allowConsole: [/Failed to load resource: the server responded with a status of 404/],
  });
});
