// The viewer's layout (#15 rough edges, defect 12): inline code has a background; the rule
// between the file list and the article runs to the bottom however far the page is
// scrolled; switching files from deep in a long article jumps to the top of the next one
// instead of animating across thousands of pixels; the element example's themed article
// is readable in dark mode.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dropFiles, shownTitle, useBrowser, withPage } from './harness.mjs';
import { listSettled } from './library-helpers.mjs';

const harness = useBrowser();

/** @typedef {import('playwright-core').Page} Page */

const LONG = `# A long article\n\nIt has \`inline code\` in it.\n\n${'A paragraph of a long article, long enough to wrap.\n\n'.repeat(400)}`;

/**
 * The WCAG contrast ratio of two computed CSS colours (`rgb(…)`).
 * @param {string} a
 * @param {string} b
 * @returns {number}
 */
function contrast(a, b) {
  const luminance = (/** @type {string} */ color) => {
    const [r, g, b2] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test('inline code has a background, in the viewer and in the element', async () => {
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [{ name: 'long.md', bytes: Buffer.from(LONG) }]);
    await shownTitle(page).waitFor();
    const code = page.getByTestId('article-body').locator('p code').first();
    assert.notEqual(await code.evaluate((node) => getComputedStyle(node).backgroundColor), 'rgba(0, 0, 0, 0)');
  });
  await withPage(harness, 'examples/element.html', async (page) => {
    const code = page.locator('folio-article[data-testid="inline"]').locator('[part~="body"] p code').first();
    await code.waitFor();
    assert.notEqual(await code.evaluate((node) => getComputedStyle(node).backgroundColor), 'rgba(0, 0, 0, 0)');
  });
});

test('the rule beside the file list reaches the bottom of the window, scrolled or not', async () => {
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    /** Where the rule (the pane's left border) starts and ends, and how wide it is. */
    const rule = () => page.getByTestId('viewer').evaluate((node) => {
      const r = node.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, width: getComputedStyle(node).borderLeftWidth, height: window.innerHeight };
    });
    const empty = await rule();
    assert.equal(empty.width, '1px');
    assert.ok(empty.bottom >= empty.height, `an empty pane's rule stops at ${empty.bottom}px of ${empty.height}`);
    await dropFiles(page, [{ name: 'long.md', bytes: Buffer.from(LONG) }]);
    await shownTitle(page).waitFor();
    await page.evaluate(() => window.scrollTo({ top: 4000, behavior: 'instant' }));
    const scrolled = await rule();
    assert.ok(scrolled.top < 0 && scrolled.bottom >= scrolled.height, `scrolled, the rule runs from ${scrolled.top} to ${scrolled.bottom}px`);
  });
});

test('switching files from deep in a long article jumps to the next one\'s top at once', async () => {
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    // Both long: a short one would bring the page up by itself, being too short to stay scrolled.
    const other = LONG.replace('# A long article', '# Another long one');
    await dropFiles(page, [{ name: 'long.md', bytes: Buffer.from(LONG) }, { name: 'other.md', bytes: Buffer.from(other) }]);
    await shownTitle(page).filter({ hasText: 'A long article' }).waitFor();
    await listSettled(page);
    // Even with smooth scrolling on (the page has none of its own since article bodies lay
    // out near the screen only, but a reader's style may set it).
    await page.evaluate(() => { document.documentElement.style.scrollBehavior = 'smooth'; });
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), 'smooth');
    const after = await page.evaluate(() => {
      window.scrollTo({ top: 6000, behavior: 'instant' });
      const before = window.scrollY;
      /** @type {HTMLElement} */ (document.querySelector('[data-testid="library-item"][data-path="other.md"]')).click();
      return { before, now: window.scrollY, top: /** @type {Element} */ (document.querySelector('[data-testid="viewer"]')).getBoundingClientRect().top };
    });
    assert.ok(after.before > 5000, `scrolled to ${after.before}`);
    assert.ok(after.top >= -1 && after.now < 200, `right after the click the page is at ${after.now}px (pane top ${after.top}px)`);
    await shownTitle(page).filter({ hasText: 'Another long one' }).waitFor();
  });
});

test('the themed element of examples/element.html is readable in dark mode (and light)', async () => {
  for (const colorScheme of /** @type {const} */ (['dark', 'light'])) {
    await withPage(harness, 'examples/element.html', async (page) => {
      const themed = page.locator('folio-article[data-testid="themed"]');
      const paragraph = themed.locator('[part~="body"] p').first();
      await paragraph.waitFor();
      const colors = await paragraph.evaluate((node) => ({
        fg: getComputedStyle(node).color,
        bg: getComputedStyle(/** @type {Element} */ (node.getRootNode() instanceof ShadowRoot ? node.getRootNode().querySelector('.root') : node)).backgroundColor,
      }));
      const ratio = contrast(colors.fg, colors.bg);
      assert.ok(ratio >= 4.5, `${colorScheme}: text ${colors.fg} on ${colors.bg} is ${ratio.toFixed(2)}:1`);
    }, { colorScheme });
  }
});

test('on a phone the article follows the top bar closely (the file list is a drawer), however short it is', async () => {
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [{ name: 'short.md', bytes: Buffer.from('# A short one\n\nShort.\n') }]);
    await shownTitle(page).waitFor();
    assert.equal(await page.getByTestId('file-list-nav').isVisible(), false, 'the list waits in its drawer');
    const gap = await page.evaluate(() => /** @type {Element} */ (document.querySelector('[data-testid="article-title"]')).getBoundingClientRect().top
      - /** @type {Element} */ (document.querySelector('.topbar')).getBoundingClientRect().bottom);
    assert.ok(gap < 80, `the title is ${gap}px below the top bar`);
  }, { viewport: { width: 390, height: 844 } });
});
