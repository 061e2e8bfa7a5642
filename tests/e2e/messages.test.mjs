// Every message the reader sees comes in their language (#15, defect 11): errors by the
// code and params the core gives (FolioError.code), on the main thread, through the render
// worker and in <folio-article>; the core's English sentence only for a code the shell has
// no words for. Warnings: the hook for codes, and the line they are about.
// A stand-in core around the real one throws coded errors for marked inputs, as the core
// does from 0.2 on (until it does, its errors arrive as `unreadable`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dropFiles, fakeCore, shownTitle, useBrowser, withPage } from './harness.mjs';
import { itemFor, listSettled } from './library-helpers.mjs';

const harness = useBrowser();

/** @typedef {import('playwright-core').Page} Page */

const CODED_CORE = `
import start, { render as realRender } from './folio.js?real';
export default start;
const coded = (message, code, params) => Object.assign(new Error(message), { code, params });
export function render(input, options) {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input.subarray(0, 4096));
  if (text.includes('FOLIO-TOO-LARGE')) {
    throw coded('This file is 40.0 MB, larger than the 32 MB Folio can open.', 'too-large', { size: '41943040', limit: '33554432' });
  }
  if (text.includes('FOLIO-BINARY')) throw coded('This is a PNG image, not an article.', 'binary', { kind: 'PNG image' });
  if (text.includes('FOLIO-NUL')) {
    throw coded('This looks like a binary file (it contains NUL bytes), not an article.', 'binary', { kind: 'binary file', sign: 'NUL bytes' });
  }
  if (text.includes('FOLIO-EMPTY')) throw coded('This file is empty.', 'empty', {});
  if (text.includes('FOLIO-NEW-CODE')) throw coded('A reason this shell has no words for yet.', 'brand-new-reason', {});
  const article = realRender(input, options);
  if (text.includes('FOLIO-WARN')) {
    article.warnings = [
      { code: 'front-matter-unclosed', message: 'The front matter that opens on line 1 is never closed.', line: 1, params: { delimiter: '---', until: '4' } },
      'A warning from a core that gives no codes.',
    ];
  }
  return article;
}
`;

const setup = (/** @type {Page} */ page) => fakeCore(page, CODED_CORE);

/** A file over the worker threshold (512 KiB) whose render fails with too-large. */
const BIG_TOO_LARGE = Buffer.from(`# FOLIO-TOO-LARGE\n\n${'Filler text. '.repeat(50_000)}`);

/**
 * The error message shown for `name` after clicking it in the list.
 * @param {Page} page
 * @param {string} name
 */
async function errorFor(page, name) {
  await itemFor(page, name).click();
  await page.getByTestId('error').filter({ hasText: name }).waitFor();
  return page.getByTestId('error-message').innerText();
}

const FILES = [
  { name: 'huge.md', bytes: Buffer.from('# FOLIO-TOO-LARGE\n') },
  { name: 'photo.md', bytes: Buffer.from('# FOLIO-BINARY\n') },
  { name: 'nothing.md', bytes: Buffer.from('FOLIO-EMPTY') },
  { name: 'nul.md', bytes: Buffer.from('FOLIO-NUL') },
  { name: 'future.md', bytes: Buffer.from('# FOLIO-NEW-CODE\n') },
  { name: 'big.md', bytes: BIG_TOO_LARGE },
];

test('errors are told in English and Chinese from their code, on the main thread and in the worker', async () => {
  const expected = {
    en: {
      'huge.md': 'This file is 40.0 MB, larger than the 32 MB Folio can open.',
      'photo.md': 'This is a PNG image, not an article.',
      'nothing.md': 'This file is empty.',
      'nul.md': 'This looks like a binary file (it contains NUL bytes), not an article.',
      'future.md': 'A reason this shell has no words for yet.',
      'big.md': 'This file is 40.0 MB, larger than the 32 MB Folio can open.',
    },
    zh: {
      'huge.md': '这个文件有 40.0 MB，超过了 Folio 能打开的 32 MB 上限。',
      'photo.md': '这是 PNG 图片，不是文章。',
      'nothing.md': '这个文件是空的。',
      'nul.md': '这看起来是二进制文件（含有 NUL 字节），不是文章。',
      // No words for this code: the core's English sentence.
      'future.md': 'A reason this shell has no words for yet.',
      'big.md': '这个文件有 40.0 MB，超过了 Folio 能打开的 32 MB 上限。',
    },
  };
  for (const lang of /** @type {const} */ (['en', 'zh'])) {
    await withPage(harness, `?src=&lang=${lang}`, async (page) => {
      /** @type {import('playwright-core').Worker[]} */
      const workers = [];
      page.on('worker', (worker) => { if (/\/folio-worker\.js$/.test(worker.url())) workers.push(worker); });
      await page.getByTestId('welcome').waitFor();
      await dropFiles(page, FILES);
      await listSettled(page, 60_000);
      for (const { name } of FILES) assert.equal(await errorFor(page, name), expected[lang][name], `${lang}: ${name}`);
      assert.equal(workers.length, 1, 'big.md went through the render worker');
      // The live region says it too, in the same words.
      assert.match(await page.getByTestId('status').textContent() ?? '', new RegExp(expected[lang]['big.md'].replace(/[.()]/g, '\\$&')));
    }, { setup });
  }
});

test('parser notes: titled as notes from the parser, with their line, in the UI language', async () => {
  const post = Buffer.from('---\ntitle: Notes ahead\n---\n\nFOLIO-WARN\n');
  await withPage(harness, '?src=&lang=en', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [{ name: 'notes.md', bytes: post }]);
    await shownTitle(page).filter({ hasText: 'Notes ahead' }).waitFor();
    const notes = page.getByTestId('warnings');
    assert.equal(await notes.locator('summary').innerText(), '2 parser notes');
    await notes.locator('summary').click();
    assert.deepEqual(await notes.locator('li').allInnerTexts(), [
      'Line 1: The front matter that opens on line 1 is never closed.',
      'A warning from a core that gives no codes.',
    ]);
  }, { setup });
  await withPage(harness, '?src=&lang=zh', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [{ name: 'notes.md', bytes: post }]);
    await shownTitle(page).filter({ hasText: 'Notes ahead' }).waitFor();
    const notes = page.getByTestId('warnings');
    assert.equal(await notes.locator('summary').innerText(), '2 条解析提示');
    await notes.locator('summary').click();
    // The words for the code come with the Chinese table, loaded once there are notes to show.
    await notes.locator('li').first().filter({ hasText: '头部信息' }).waitFor();
    assert.deepEqual(await notes.locator('li').allInnerTexts(), [
      '第 1 行：头部信息（front matter）没有用“---”结束；已读到第 4 行，其余作为正文。',
      'A warning from a core that gives no codes.',
    ]);
  }, { setup });
});

test('<folio-article> tells its errors in the reader\'s language, with the code in folio-error', async () => {
  const host = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types folio">
<script type="module" src="../folio-article.js"></script></head><body><folio-article data-testid="a"></folio-article></body></html>`;
  const pageSetup = async (/** @type {Page} */ page) => {
    await setup(page);
    await page.route('**/e2e-fixtures/messages.html', (route) => route.fulfill({ contentType: 'text/html', body: host }));
    await page.route('**/e2e-fixtures/missing.md', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  };
  await withPage(harness, 'e2e-fixtures/messages.html', async (page) => {
    await page.waitForFunction(() => customElements.get('folio-article') !== undefined);
    const element = page.locator('folio-article');
    const failed = await page.evaluate(() => new Promise((done) => {
      const node = /** @type {any} */ (document.querySelector('folio-article'));
      node.addEventListener('folio-error', (/** @type {CustomEvent} */ event) => done(event.detail), { once: true });
      node.render('# FOLIO-BINARY', { fileName: 'x.md' }).catch(() => {});
    }));
    assert.deepEqual(failed, { message: '这是 PNG 图片，不是文章。', code: 'binary' });
    assert.equal(await element.locator('[part~="error-message"]').innerText(), '这是 PNG 图片，不是文章。');
    assert.equal(await element.locator('[part~="error"] h1').innerText(), '无法显示这篇文章。');

    await element.evaluate((node) => node.setAttribute('src', 'missing.md'));
    await element.locator('[part~="error-message"]').filter({ hasText: 'missing.md' }).waitFor();
    assert.match(await element.locator('[part~="error-message"]').innerText(), /^无法获取 http:\/\/.*\/e2e-fixtures\/missing\.md（HTTP 404 Not Found）。$/);
  }, { setup: pageSetup, locale: 'zh-CN', allowConsole: [/Failed to load resource: the server responded with a status of 404/] });
});
