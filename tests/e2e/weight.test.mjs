// What a page pays for: the files <folio-article> fetches for one Markdown article (from
// the network log: which files, not their sizes; `make bench` prints the sizes), and what
// it fetches only when an article or a failure needs it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recordPaths, settle, useBrowser, withPage } from './harness.mjs';

const harness = useBrowser();

/** @typedef {import('playwright-core').Page} Page */

/** A plain post: front matter, a few paragraphs, emphasis and a link; no headings to outline. */
const PLAIN_POST = `---
title: A plain post
date: 2024-05-06T07:08:09+08:00
tags: [one, two]
---

The first paragraph, with *emphasis* and a [link](https://example.com/).

The second paragraph.
`;

/** A post with an outline (three headings) and code: what it adds loads once it is shown. */
const RICH_POST = `# An outlined post

## One

Text.

## Two

\`\`\`js
const two = 2;
\`\`\`

## Three

The end.
`;

/**
 * Serves a page with one element at /e2e-fixtures/page.html, and the posts next to it.
 * @param {Page} page
 * @param {string} src
 * @param {Record<string, string>} posts
 */
async function servePage(page, src, posts) {
  await page.route('**/e2e-fixtures/**', (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop() ?? '');
    if (name === 'page.html') {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types folio">
<script type="module" src="../folio-article.js"></script></head><body><folio-article src="${src}"></folio-article></body></html>` });
    }
    const text = posts[name];
    return text === undefined ? route.fulfill({ status: 404, body: 'Not found' }) : route.fulfill({ status: 200, contentType: 'text/markdown; charset=utf-8', body: text });
  });
}

/** What every page with the element loads to show a Markdown article: the element's modules, its styles, the core's light module. */
const FIRST_LOAD = [
  'folio-article.js', 'folio.js', 'fetch-article.js', 'trusted-types.js', 'i18n/core.js', 'reading/features.js',
  'view/article.js', 'view/body.js', 'view/anchors.js', 'view/dates.js', 'view/dom.js', 'view/images.js', 'view/links.js', 'view/toc.js',
  'folio-article.css', 'reading/reading.css', 'pkg/folio_light.js', 'pkg/folio_light_bg.wasm',
];

test('one plain Markdown article: the element\'s modules, its styles, the core\'s light module (not the full one), and the rich-content picker once shown; nothing else', async () => {
  /** @type {string[]} */
  let paths = [];
  const setup = async (/** @type {Page} */ page) => {
    paths = recordPaths(page, harness.url);
    await servePage(page, 'plain.md', { 'plain.md': PLAIN_POST });
  };
  await withPage(harness, 'e2e-fixtures/page.html', async (page) => {
    await page.locator('folio-article').locator('[part~="title"]').filter({ hasText: 'A plain post' }).waitFor();
    await page.locator('folio-article').locator('[data-testid="article-body"][data-enhanced]').waitFor();
    await settle(paths);
    const expected = ['e2e-fixtures/page.html', 'e2e-fixtures/plain.md', ...FIRST_LOAD, 'reading/enhance.js', 'reading/blocks.js', 'reading/turns.js'];
    assert.deepEqual([...paths].sort(), expected.sort(), 'each file once, and only these');
  }, { setup });
});

test('an outlined article with code adds the reader-following and code modules after it is shown; a failure adds the error card', async () => {
  /** @type {string[]} */
  let paths = [];
  const setup = async (/** @type {Page} */ page) => {
    paths = recordPaths(page, harness.url);
    await servePage(page, 'rich.md', { 'rich.md': RICH_POST });
  };
  await withPage(harness, 'e2e-fixtures/page.html', async (page) => {
    const element = page.locator('folio-article');
    await element.locator('[part~="title"]').filter({ hasText: 'An outlined post' }).waitFor();
    await element.locator('[data-testid="article-body"][data-enhanced]').waitFor();
    // The code block has its bar (code.js).
    await element.locator('.code-bar').waitFor();
    await settle(paths);
    const added = paths.filter((path) => !FIRST_LOAD.includes(path) && !path.startsWith('e2e-fixtures/'));
    for (const path of ['view/progress.js', 'reading/code.js', 'i18n/reading.js']) assert.ok(added.includes(path), `${path} was not loaded: ${added}`);
    for (const path of ['view/error.js', 'i18n/errors.js', 'i18n.js', 'view/original.js', 'view/controls.js']) assert.ok(!paths.includes(path), `${path} was loaded`);

    // A file that is not there: the error card, in words, with its module loaded now.
    await element.evaluate((node) => node.setAttribute('src', 'missing.md'));
    await element.locator('[part~="error-message"]').filter({ hasText: 'HTTP 404' }).waitFor();
    assert.equal(await element.getAttribute('error'), '');
    await settle(paths);
    for (const path of ['view/error.js', 'i18n/errors.js']) assert.ok(paths.includes(path), `${path} was not loaded for the error`);
    assert.equal(paths.filter((path) => path === 'pkg/folio_light_bg.wasm').length, 1, 'the core is fetched once');
    assert.ok(!paths.some((path) => path.startsWith('pkg/folio.js') || path === 'pkg/folio_bg.wasm'), `the full module was fetched: ${paths}`);
  }, { setup, allowConsole: [/Failed to load resource.*404/] });
});
