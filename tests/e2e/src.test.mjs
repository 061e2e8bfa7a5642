// ?src= with a relative and with an absolute URL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SAMPLE_NAME, SAMPLE_TITLE, shownTitle, useBrowser, withPage } from './harness.mjs';

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
