// The article view for every kind of metadata, with a stand-in core that returns a
// fixed Article: the shell is tested apart from what the Rust core maps today.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dropFiles, shownTitle, useBrowser, withPage } from './harness.mjs';
import { itemFor } from './library-helpers.mjs';

const harness = useBrowser();

const ARTICLE = {
  title: '<img src=x data-evil=1> Everything at once',
  date: '2023-06-01T08:00:00Z',
  updated: 'last Tuesday',
  authors: ['Ada <b>Lovelace</b>', 'Grace Hopper'],
  categories: ['Notes', 'Computing', 'History'],
  tags: ['engines', '<script>'],
  cover: 'https://example.invalid/cover.jpg',
  summary: 'A summary with <em>markup</em> that stays text.',
  lang: 'en',
  format: 'markdown',
  front_matter: 'yaml',
  encoding: 'windows-1252',
  html: '<h2 id="user-content-a">A</h2><p>Body <strong>bold</strong></p><h2 id="user-content-b">B</h2><p><img src="https://example.invalid/x.png" alt="x"></p><h2 id="user-content-c">C</h2><table><tr><td>1</td></tr></table>',
  toc: [{ level: 2, id: 'user-content-a', text: 'A' }, { level: 2, id: 'user-content-b', text: 'B' }, { level: 2, id: 'user-content-c', text: 'C' }],
  stats: { chars: 1000, words: 800, reading_minutes: 4 },
  warnings: ['Front matter key "foo" is not understood.', 'Second <warning>.'],
  extra: {},
  draft: true,
};

const FAKE_CORE = `
export default async function start() {}
export function render(input, options) {
  globalThis.__folioRenders = (globalThis.__folioRenders ?? 0) + 1;
  return { ...structuredClone(${JSON.stringify(ARTICLE)}), title: options.fileName === 'all.md' ? ${JSON.stringify(ARTICLE.title)} : options.fileName };
}
`;

const setup = (/** @type {import('playwright-core').Page} */ page) => page.route(
  (url) => url.pathname.endsWith('/pkg/folio.js'),
  (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_CORE }),
);

test('every part of the article view, with metadata always as text', async () => {
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    // windows-1252 bytes: "café" with é = 0xE9, to check the original view's decoding.
    await dropFiles(page, [{ name: 'all.md', bytes: Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]) }]);
    const title = shownTitle(page);
    await title.waitFor();
    assert.equal(await title.innerText(), ARTICLE.title);
    const article = page.getByTestId('article');
    assert.equal(await article.getAttribute('lang'), 'en');
    assert.equal(await article.locator('header img, header b, header em, header script').count(), 0, 'metadata is text');

    const byline = page.getByTestId('byline');
    assert.match(await byline.innerText(), /By Ada <b>Lovelace<\/b>, Grace Hopper/);
    assert.match(await byline.innerText(), /4 min read/);
    assert.equal(await page.getByTestId('article-date').getAttribute('datetime'), '2023-06-01T08:00:00Z');
    // As written (UTC), not moved into the reader's zone (Asia/Shanghai).
    assert.match(await page.getByTestId('article-date').innerText(), /June 1, 2023.*8:00\s?AM UTC/);
    const updated = page.getByTestId('article-updated');
    assert.equal(await updated.innerText(), 'last Tuesday');
    assert.equal(await updated.evaluate((el) => el.tagName), 'SPAN', 'an unparseable date is not a <time>');
    assert.equal(await page.getByTestId('draft').innerText(), 'Draft');

    assert.deepEqual(await page.getByTestId('categories').locator('li').allInnerTexts(), ARTICLE.categories);
    assert.deepEqual(await page.getByTestId('tags').locator('li').allInnerTexts(), ARTICLE.tags);
    const cover = page.getByTestId('cover');
    assert.equal(await cover.getAttribute('referrerpolicy'), 'no-referrer');
    assert.equal(await cover.getAttribute('src'), ARTICLE.cover);

    assert.deepEqual(await page.getByTestId('toc').locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
      ['#user-content-a', '#user-content-b', '#user-content-c']);
    assert.equal(await page.locator('.article-body strong').innerText(), 'bold');
    // A table scrolls sideways in a box of its own (reading/enhance.js).
    const tableScrolls = await page.locator('.article-body table').evaluate((t) => t.parentElement && getComputedStyle(t.parentElement).overflowX);
    assert.equal(tableScrolls, 'auto');

    const warnings = page.getByTestId('warnings');
    assert.equal(await warnings.getAttribute('open'), null, 'warnings start collapsed');
    assert.equal(await warnings.locator('summary').innerText(), '2 parser notes');
    await warnings.locator('summary').click();
    assert.deepEqual(await warnings.locator('li').allInnerTexts(), ARTICLE.warnings);

    await page.getByTestId('original').locator('summary').click();
    // The text is filled in by the `toggle` event, which fires after the click returns.
    await page.getByTestId('original-text').filter({ hasText: 'café' }).waitFor();
    assert.equal(await page.getByTestId('original-text').textContent(), 'café\n');

    // Each file is rendered once: switching back and forth reuses the result.
    await dropFiles(page, [{ name: 'second.md', bytes: Buffer.from('two') }]);
    await title.filter({ hasText: 'second.md' }).waitFor();
    for (const name of ['all.md', 'second.md', 'all.md']) {
      await itemFor(page, name).click();
      await title.filter({ hasText: name === 'all.md' ? 'Everything' : name }).waitFor();
    }
    assert.equal(await page.evaluate(() => /** @type {any} */ (globalThis).__folioRenders), 2);
    assert.equal(await page.getByTestId('original-text').textContent(), 'café\n', 'the opened toggle is kept');
  }, { setup });
});
