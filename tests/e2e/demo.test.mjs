// The demo: the page with no ?src= opens the bundled sample.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PNG_BYTES, SAMPLE_NAME, SAMPLE_TITLE, TINY_POST, shownTitle, useBrowser, withPage } from './harness.mjs';
import { makeFolder, waitForLibrary } from './library-helpers.mjs';

const harness = useBrowser();

test('opening the page shows the sample article', async () => {
  await withPage(harness, '', async (page) => {
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    const body = page.getByTestId('article-body');
    await body.getByText('全国跨境电商综试区已达132个，基本覆盖全国').waitFor();
    assert.match(await page.getByTestId('status').textContent() ?? '', /Loaded .*商务部/);
    // The demo is the library's one article, shown, with its permalink; it is never kept.
    const items = page.getByTestId('library-item');
    assert.equal(await items.count(), 1);
    assert.equal(await items.getAttribute('aria-current'), 'true');
    await items.filter({ hasText: '商务部' }).waitFor();
    await page.waitForFunction((name) => location.hash === `#${name}`, SAMPLE_NAME);
    assert.match(await page.title(), /商务部/);

    // The module's API as other pages would use it: shared init, plain objects back.
    const api = await page.evaluate(async () => {
      const folio = await import('/folio.js');
      const same = folio.init() === folio.init();
      await folio.init();
      const article = folio.render('# Hello\n\nWorld', { fileName: 'hello.md' });
      return { same, plain: Object.getPrototypeOf(article) === Object.prototype, title: article.title, html: article.html };
    });
    assert.deepEqual({ ...api, html: undefined }, { same: true, plain: true, title: 'Hello', html: undefined });
    assert.match(api.html, /<p>World<\/p>/);
  });
});

test('the UI speaks Chinese for zh readers and English with ?lang=en', async () => {
  await withPage(harness, '', async (page) => {
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    assert.equal(await page.getByTestId('open-label').innerText(), '打开文件…');
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    assert.match(await page.getByTestId('byline').innerText(), /2022年4月21日/);
  }, { locale: 'zh-CN' });
  await withPage(harness, '?lang=en', async (page) => {
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    assert.equal(await page.getByTestId('open-label').innerText(), 'Open files…');
  }, { locale: 'zh-CN' });
});

test('the demo makes way for the reader\'s own files; an article opened by address stays', async () => {
  const listed = (/** @type {import('playwright-core').Page} */ page) => page.getByTestId('library-item')
    .evaluateAll((items) => items.map((i) => /** @type {HTMLElement} */ (i).dataset.path).sort());
  await withPage(harness, '?lang=en', async (page) => {
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    await page.getByTestId('folder-input').setInputFiles(makeFolder('notes', {
      'a.md': '---\ntitle: Note A\ndate: 2020-01-02\n---\nA note.\n',
      'b.md': '---\ntitle: Note B\ndate: 2021-01-02\n---\nB note.\n',
    }));
    await waitForLibrary(page, 2);
    assert.deepEqual(await listed(page), ['notes/a.md', 'notes/b.md']);
    assert.match(await page.getByTestId('library-count').innerText(), /^2 articles/);
    // The newest of the folder's articles is shown in the demo's place, with its permalink.
    await shownTitle(page).filter({ hasText: /^Note B$/ }).waitFor();
    await page.waitForFunction(() => location.hash === '#notes/b.md');
  });
  await withPage(harness, `?src=${encodeURIComponent(`samples/${SAMPLE_NAME}`)}&lang=en`, async (page) => {
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    await page.getByTestId('file-input').setInputFiles([{ name: 'tiny.md', mimeType: 'text/markdown', buffer: Buffer.from(TINY_POST) }]);
    await shownTitle(page).filter({ hasText: 'A tiny fixture post' }).waitFor();
    await waitForLibrary(page, 2);
    assert.deepEqual(await listed(page), [SAMPLE_NAME, 'tiny.md']);
  });
});

test('over the demo, a folder\'s newest article is shown even when its files are slow to be read', async () => {
  // Reading starts late (a busy machine): the wait for the newest counts from the first read.
  const setup = async (/** @type {import('playwright-core').Page} */ page) => {
    await page.addInitScript(() => {
      const read = Blob.prototype.arrayBuffer;
      const late = /** @type {Record<string, number>} */ ({ 'a.md': 1500, 'b.md': 1800 });
      Blob.prototype.arrayBuffer = function () {
        const name = this instanceof File ? this.name : '';
        const delay = /** @type {any} */ (window).__slowReads ? late[name] ?? 0 : 0;
        return delay ? new Promise((resolve) => setTimeout(resolve, delay)).then(() => read.call(this)) : read.call(this);
      };
    });
  };
  await withPage(harness, '?lang=en', async (page) => {
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    await page.evaluate(() => { /** @type {any} */ (window).__slowReads = true; });
    await page.getByTestId('folder-input').setInputFiles(makeFolder('notes', {
      'a.md': '---\ntitle: Note A\ndate: 2020-01-02\n---\nA note.\n',
      'b.md': '---\ntitle: Note B\ndate: 2021-01-02\n---\nB note.\n',
    }));
    await waitForLibrary(page, 2);
    await page.waitForFunction(() => location.hash.startsWith('#notes/'));
    assert.equal(await page.evaluate(() => location.hash), '#notes/b.md', 'the newest note, not the first read');
    await shownTitle(page).filter({ hasText: /^Note B$/ }).waitFor();
  }, { setup });
});

test('a folder with no article, opened over the demo, leaves the welcome card: not the demo\'s view with the demo gone', async () => {
  await withPage(harness, '?lang=en', async (page) => {
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    await page.waitForFunction((name) => location.hash === `#${name}`, SAMPLE_NAME);
    await page.getByTestId('folder-input').setInputFiles(makeFolder('pictures', { 'a.png': PNG_BYTES, 'style.css': 'p { color: red }' }));
    await page.getByTestId('welcome').waitFor();
    assert.equal(await page.getByTestId('article').count(), 0, 'no article shown');
    assert.match(await page.getByTestId('library-count').innerText(), /^0 articles/);
    assert.equal(await page.getByTestId('no-files').innerText(), 'No articles among the files opened (2 other files: images, style sheets…).');
    assert.equal(await page.evaluate(() => location.hash), '', 'no permalink to the demo');
    assert.equal(await page.title(), 'Folio');
    // Its words follow the page's language when the reader changes it.
    await page.getByTestId('settings-button').click();
    await page.getByTestId('language').selectOption('zh');
    await page.getByTestId('no-files').filter({ hasText: /^打开的文件中没有文章/ }).waitFor();
    if (!await page.getByTestId('language').isVisible()) await page.getByTestId('settings-button').click();
    await page.getByTestId('language').selectOption('en');
    await page.getByTestId('no-files').filter({ hasText: /^No articles among the files opened/ }).waitFor();
    await page.keyboard.press('Escape');
    // Files opened next show as ever.
    await page.getByTestId('file-input').setInputFiles([{ name: 'tiny.md', mimeType: 'text/markdown', buffer: Buffer.from(TINY_POST) }]);
    await shownTitle(page).filter({ hasText: 'A tiny fixture post' }).waitFor();
  }, { viewport: { width: 1280, height: 800 } });
});

test('on a Chinese page the page\'s own words are Chinese before the rest of the viewer has loaded', async () => {
  const setup = async (/** @type {import('playwright-core').Page} */ page) => {
    // The words on screen the moment app.js starts (it sets window.folioLibrary before it translates anything).
    await page.addInitScript(() => {
      let library;
      Object.defineProperty(window, 'folioLibrary', {
        configurable: true,
        get: () => library,
        set: (value) => {
          library = value;
          const text = (/** @type {string} */ testid) => document.querySelector(`[data-testid="${testid}"]`)?.textContent?.trim();
          /** @type {any} */ (window).__wordsBeforeApp = { welcome: text('welcome')?.slice(0, 6), openFiles: text('open-label'), lang: document.documentElement.lang };
        },
      });
    });
    await page.route('**/app.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      route.continue();
    });
  };
  await withPage(harness, '', async (page) => {
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__wordsBeforeApp), { welcome: '打开一篇文章', openFiles: '打开文件…', lang: 'zh-CN' });
  }, { setup, locale: 'zh-CN' });
  // English stays English (index.html's own words).
  await withPage(harness, '?lang=en', async (page) => {
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__wordsBeforeApp), { welcome: 'Open a', openFiles: 'Open files…', lang: 'en' });
  }, { setup, locale: 'zh-CN' });
});
