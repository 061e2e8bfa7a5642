// Reader mode in the viewer with the real core: the sample's app promo and its QR code
// are hidden, the article says so, and one switch shows them (and hides them again);
// the same in <folio-article>. English and Chinese. And a scraped page's description that only
// repeats its title is no summary under it (the core gives none: assemble.rs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SAMPLE, SAMPLE_NAME, corpus, dropFiles, shownTitle, useBrowser, withPage } from './harness.mjs';

const harness = useBrowser();
const PROMO = '尽在新浪财经APP';

test('the sample ends without its promo, and show-all brings it back', async () => {
  await withPage(harness, '?src=&lang=en', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [{ name: SAMPLE_NAME, bytes: SAMPLE }]);
    await shownTitle(page).waitFor();
    const body = page.getByTestId('article').locator('.article-body');
    const promo = body.getByText(PROMO);
    assert.equal(await promo.count(), 1, 'kept in the page for show-all');
    assert.equal(await promo.isVisible(), false, 'hidden by default');
    assert.equal(await body.locator('img').first().isVisible(), false, 'the QR code too');
    assert.equal(await page.getByTestId('cover').count(), 0, 'the QR code is no cover');
    // The article text is all there.
    assert.ok(await body.getByText('全国跨境电商综试区已达132个').first().isVisible());
    assert.ok(await body.getByText('责任编辑').isVisible());
    const bar = page.getByTestId('hidden-bar');
    assert.match(await bar.innerText(), /1 block of page clutter hidden \(app promo\)/);
    const button = page.getByTestId('show-all');
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
    await button.click();
    assert.ok(await promo.isVisible(), 'shown after the click');
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    assert.equal(await button.innerText(), 'Hide clutter');
    await button.click();
    assert.equal(await promo.isVisible(), false, 'hidden again');
  });
});

test('the Chinese switch names the video player and the promo; nothing hidden, no switch', async () => {
  await withPage(harness, '?src=&lang=zh', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [{ name: 'video.md', bytes: corpus('news-hexo/rsshubpage-sina-video-digital-rmb.md') }]);
    await shownTitle(page).waitFor();
    const bar = page.getByTestId('hidden-bar');
    assert.match(await bar.innerText(), /已隐藏 2 处页面杂项（应用推广、视频播放器）/);
    assert.equal(await page.getByTestId('show-all').innerText(), '显示全部');
    const body = page.getByTestId('article').locator('.article-body');
    assert.equal(await body.getByText('视频加载中').isVisible(), false);
    await dropFiles(page, [{ name: 'plain.md', bytes: Buffer.from('# Plain\n\nNothing to hide.\n') }]);
    await page.getByText('Nothing to hide.').waitFor();
    assert.equal(await page.getByTestId('show-all').count(), 0);
  });
});

test('a page whose description only repeats its title shows no summary; another description shows', async () => {
  const page_ = (/** @type {string} */ description) => Buffer.from(`<!doctype html><html><head><title>Deep  Mind learns</title><meta name="description" content="${description}"></head><body><article><h1>Deep Mind learns</h1><p>The body of the story, long enough to read.</p></article></body></html>`);
  await withPage(harness, '?src=&lang=en', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [{ name: 'other.html', bytes: page_('What the story says, in a line.') }]);
    await shownTitle(page).filter({ hasText: 'Deep Mind learns' }).waitFor();
    assert.equal(await page.getByTestId('summary').innerText(), 'What the story says, in a line.');
    await dropFiles(page, [{ name: 'same.html', bytes: page_(' Deep Mind\nlearns ') }]);
    await page.waitForFunction(() => location.hash.includes('same.html'));
    await page.getByTestId('article').locator('p', { hasText: 'The body of the story' }).waitFor();
    await page.waitForTimeout(500);
    assert.equal(await page.getByTestId('summary').count(), 0);
    assert.equal(await shownTitle(page).innerText(), 'Deep Mind learns');
  });
});

test('a summary the body opens with is not shown twice; one cut short with "…" neither', async () => {
  const story = 'Rivers &amp; lakes froze early this year, <a href="https://example.com/a">the agency</a> said on Monday.';
  const said = 'Rivers & lakes froze early this year, the agency said on Monday.';
  const page_ = (/** @type {string} */ description) => Buffer.from(`<!doctype html><html><head><title>Ice</title><meta name="description" content="${description.replace(/&/g, '&amp;')}"></head><body><article><h1>Ice</h1><p>${story}</p><p>A second paragraph, long enough to read.</p></article></body></html>`);
  await withPage(harness, '?src=&lang=en', async (page) => {
    await page.getByTestId('welcome').waitFor();
    for (const [name, description] of [['same.html', said], ['cut.html', 'Rivers & lakes froze early this year, the agen…']]) {
      await dropFiles(page, [{ name, bytes: page_(description) }]);
      await page.waitForFunction((n) => location.hash.includes(n), name);
      await page.getByTestId('article').locator('p', { hasText: 'A second paragraph' }).waitFor();
      assert.equal(await page.getByTestId('summary').count(), 0, name);
    }
    // A summary the body does not open with is the reader's dek.
    await dropFiles(page, [{ name: 'other.html', bytes: page_('Ice came early to the northern rivers this year.') }]);
    await page.waitForFunction(() => location.hash.includes('other.html'));
    assert.equal(await page.getByTestId('summary').innerText(), 'Ice came early to the northern rivers this year.');
  });
});
