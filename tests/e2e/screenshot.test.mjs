// A picture of the viewer with the sample, saved as docs/screenshot.png.
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { test } from 'node:test';
import { ROOT, SAMPLE_TITLE, shownTitle, useBrowser, withPage } from './harness.mjs';

const harness = useBrowser();

test('screenshot of the demo', async () => {
  await withPage(harness, '', async (page) => {
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    await page.evaluate(() => document.fonts.ready);
    mkdirSync(`${ROOT}docs`, { recursive: true });
    const path = `${ROOT}docs/screenshot.png`;
    await page.screenshot({ path });
    assert.ok(statSync(path).size > 20_000, 'the screenshot has content');
  }, { locale: 'zh-CN', viewport: { width: 1200, height: 900 } });
});
