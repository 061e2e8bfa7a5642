// ?src= with a relative and with an absolute URL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SAMPLE_NAME, SAMPLE_TITLE, recordPaths, serveFixtures, shownTitle, useBrowser, withPage } from './harness.mjs';

const harness = useBrowser();

test('?src= with a relative URL', async () => {
  await withPage(harness, `?src=samples/${SAMPLE_NAME}&lang=en`, async (page) => {
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    assert.equal(await page.getByTestId('library-item').getAttribute('data-path'), SAMPLE_NAME);
  });
});

test('?src= with an absolute URL', async () => {
  const absolute = `${harness.url}samples/${SAMPLE_NAME}`;
  await withPage(harness, `?src=${encodeURIComponent(absolute)}`, async (page) => {
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    await page.getByTestId('article-body').getByText('责任编辑：李墨轩').waitFor();
  });
});

test('?src= that fails to fetch shows an error card, not a blank page', async () => {
  const setup = (/** @type {import('playwright-core').Page} */ page) =>
    page.route('**/e2e-fixtures/**', (route) => route.abort('connectionrefused'));
  await withPage(harness, '?src=e2e-fixtures/gone.md', async (page) => {
    const error = page.getByTestId('error');
    await error.waitFor();
    assert.match(await error.innerText(), /gone\.md/);
    assert.match(await page.getByTestId('error-message').innerText(), /Could not fetch/);
    assert.equal(await page.getByTestId('library-item').count(), 0, 'nothing was fetched, so nothing joins the library');
  }, { setup, allowConsole: [/^Failed to load resource: net::ERR_CONNECTION_REFUSED$/] });
});

test('the article of ?src= is fetched once, before the viewer has loaded, and the demo is not', async () => {
  /** @type {string[]} */
  let paths = [];
  const setup = async (/** @type {import('playwright-core').Page} */ page) => {
    paths = recordPaths(page, harness.url);
    await serveFixtures(page, { 'early.md': '---\ntitle: Fetched early\n---\nBody.\n' });
  };
  await withPage(harness, '?src=e2e-fixtures/early.md&lang=en', async (page) => {
    await shownTitle(page).filter({ hasText: 'Fetched early' }).waitFor();
    assert.deepEqual(paths.filter((p) => p.startsWith('e2e-fixtures/')), ['e2e-fixtures/early.md'], 'one fetch, taken by the viewer');
    assert.ok(paths.indexOf('e2e-fixtures/early.md') < paths.indexOf('view/warm.js'), `fetched before app.js started (${paths.join(' ')})`);
    assert.deepEqual(paths.filter((p) => p.startsWith('samples/')), [], 'no demo');
  }, { setup });
});

test('the article of ?src= is rendered once, by viewer/early.js while the rest of the viewer still loads', async () => {
  const setup = async (/** @type {import('playwright-core').Page} */ page) => {
    await serveFixtures(page, { 'early.md': '---\ntitle: Rendered early\n---\nBody.\n' });
    // The light module's glue, counting its renders and noting whether app.js had run yet
    // (it sets window.folioLibrary as it starts).
    await page.route('**/pkg/folio_light.js*', async (route) => {
      const glue = await (await route.fetch()).text();
      const head = 'export function render(input, options) {';
      assert.ok(glue.includes(head), 'the glue has a render() to count');
      route.fulfill({ status: 200, contentType: 'text/javascript', body: glue.replace(head, `${head}
        globalThis.__renders = [...(globalThis.__renders ?? []), 'folioLibrary' in globalThis ? 'after app.js' : 'before app.js'];`) });
    });
    // app.js arrives late: the early render must not wait for it.
    await page.route('**/app.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      route.continue();
    });
  };
  await withPage(harness, '?src=e2e-fixtures/early.md&lang=en', async (page) => {
    await shownTitle(page).filter({ hasText: 'Rendered early' }).waitFor();
    await page.getByTestId('article-body').getByText('Body.').waitFor();
    assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__renders), ['before app.js'], 'one render, taken by the viewer');
  }, { setup });
});

test('a bare page fetches the demo once, early; with a permalink the demo waits for the kept library, and is fetched once', async () => {
  /** @type {string[]} */
  let paths = [];
  const setup = (/** @type {import('playwright-core').Page} */ page) => { paths = recordPaths(page, harness.url); };
  await withPage(harness, '?lang=en', async (page) => {
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    assert.deepEqual(paths.filter((p) => p.startsWith('samples/')), [`samples/${SAMPLE_NAME}`]);
  }, { setup });
  await withPage(harness, '?lang=en#posts/kept.md', async (page) => {
    // Nothing is kept: the permalink names no article, and the demo shows.
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    assert.deepEqual(paths.filter((p) => p.startsWith('samples/')), [`samples/${SAMPLE_NAME}`]);
  }, { setup });
});

test('the article of ?src= is drawn before the rest of the viewer has loaded, in the reader\'s language and image setting, then the reader\'s own view takes its place', async () => {
  const setup = async (/** @type {import('playwright-core').Page} */ page) => {
    await serveFixtures(page, { 'first.md': '---\ntitle: Drawn first\n---\nSee [the other](other.md).\n\n![remote](https://example.invalid/a.png)\n' });
    // What the pane shows on the way (a loading note over the drawn article would flash),
    // and the article as first drawn.
    await page.addInitScript(() => {
      const w = /** @type {any} */ (window);
      w.__paneSeen = [];
      new MutationObserver(() => {
        const view = document.querySelector('[data-testid="viewer"]')?.firstElementChild;
        const what = !view ? '' : view.matches('[data-testid="loading"]') ? 'loading' : view.hasAttribute('data-first-view') ? 'first view'
          : view.matches('[data-testid="article"]') ? 'reader view' : view.getAttribute('data-testid') ?? view.tagName;
        if (what && w.__paneSeen.at(-1) !== what) w.__paneSeen.push(what);
        if (what && what.endsWith('view') && !w.__firstDrawn && view?.querySelector('[data-testid="article-title"]')) {
          w.__firstDrawn = {
            appStarted: 'folioLibrary' in window,
            inert: /** @type {HTMLElement} */ (view).inert,
            placeholder: view.querySelector('[data-testid="image-placeholder"]')?.textContent ?? '',
            image: view.querySelector('img[src*="example.invalid"]') !== null,
          };
        }
      }).observe(document, { childList: true, subtree: true });
    });
    // app.js arrives late: the article must not wait for it.
    await page.route('**/app.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      route.continue();
    });
  };
  await withPage(harness, '?src=e2e-fixtures/first.md&lang=zh&images=block', async (page) => {
    await shownTitle(page).filter({ hasText: 'Drawn first' }).waitFor();
    // The reader's view takes its place: live (not inert), its links followed by the reader.
    await page.waitForFunction(() => { const v = document.querySelector('[data-testid="article"]'); return v && !v.hasAttribute('data-first-view'); });
    const first = await page.evaluate(() => /** @type {any} */ (window).__firstDrawn);
    assert.deepEqual({ ...first, placeholder: /example\.invalid/.test(first.placeholder) }, { appStarted: false, inert: true, placeholder: true, image: false },
      'drawn before app.js ran, inert, the remote image blocked as ?images=block says');
    assert.match(first.placeholder, /[\u4e00-\u9fff]/, 'in Chinese, as ?lang=zh says');
    assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__paneSeen), ['welcome', 'first view', 'reader view'], 'no loading note between the two');
    assert.equal(await page.getByTestId('article').evaluate((view) => /** @type {HTMLElement} */ (view).inert), false);
    // A link in it is the reader's to follow: the viewer stays the page (the browser would load other.md).
    await page.getByTestId('article-body').getByRole('link', { name: 'the other' }).click();
    await page.waitForTimeout(300);
    assert.equal(new URL(page.url()).pathname.endsWith('other.md'), false, page.url());
    assert.equal(await page.getByTestId('viewer').count(), 1);
  }, { setup });
});
