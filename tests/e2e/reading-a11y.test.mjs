// Access (#12): axe-core finds no serious or critical violation (contrast AA included) in the
// viewer showing the sample, a long article and the rich-content fixture, in light and dark,
// nor in <folio-article>; and every control of the article is reachable with Tab. (axe adds
// inline styles of its own, so its pages run without their CSP: other suites test the CSP.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { SAMPLE_TITLE, corpus, fakeCore, shownTitle, useBrowser, withPage } from './harness.mjs';
import { RICH_CORE, richFile } from './reading-fixture.mjs';

const harness = useBrowser();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The first 15 releases of Jekyll's history (36 KB, 52 headings: an outline collapsed behind
 * its count, lists, links, code): the same kinds of nodes as the whole 300 KB file, which
 * took axe 45 s a theme.
 */
const HISTORY_START = (() => {
  const text = corpus('big/jekyll-docs-history.md').toString('utf8');
  let end = 0;
  for (let release = 0; release < 16; release += 1) end = text.indexOf('\n## ', end + 1);
  assert.ok(end > 0, 'the history has its releases as ## headings');
  return Buffer.from(text.slice(0, end));
})();

/** @typedef {import('playwright-core').Page} Page */

/**
 * Runs axe-core on the page (WCAG 2.1 A and AA rules, best practices) and returns its
 * serious and critical violations, one line each.
 * @param {Page} page
 * @returns {Promise<string[]>}
 */
async function seriousViolations(page) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = /** @type {any} */ (window).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((/** @type {any} */ v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((/** @type {any} */ n) => `${n.target.join(' ')}: ${n.failureSummary.split('\n')[1] ?? ''}`) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.join(' | ')}`);
}

for (const colorScheme of /** @type {const} */ (['light', 'dark'])) {
  test(`axe: the viewer showing the sample, ${colorScheme}`, async () => {
    await withPage(harness, '?lang=zh', async (page) => {
      await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
      await page.locator('[data-enhanced]').waitFor();
      assert.deepEqual(await seriousViolations(page), []);
    }, { colorScheme, locale: 'zh-CN', bypassCSP: true });
  });

  test(`axe: a long article with its outline beside it, ${colorScheme}`, async () => {
    await withPage(harness, '?src=&lang=en', async (page) => {
      await page.getByTestId('welcome').waitFor();
      await page.getByTestId('file-input').setInputFiles([{ name: 'history.markdown', mimeType: 'text/markdown', buffer: HISTORY_START }]);
      await page.locator('[data-enhanced]').waitFor({ timeout: 30_000 });
      assert.deepEqual(await seriousViolations(page), []);
    }, { colorScheme, viewport: { width: 1440, height: 900 }, bypassCSP: true });
  });

  test(`axe: rich content (code, math, callouts, footnotes, figures, a diagram), ${colorScheme}`, async () => {
    await withPage(harness, '?src=', async (page) => {
      await page.getByTestId('welcome').waitFor();
      await page.getByTestId('file-input').setInputFiles([{ name: 'rich.md', mimeType: 'text/markdown', buffer: richFile('Rich content') }]);
      await page.locator('[data-enhanced]').waitFor({ timeout: 30_000 });
      await page.locator('details.callout summary').click(); // The folded callout's content too.
      assert.deepEqual(await seriousViolations(page), []);
    }, { colorScheme, setup: (page) => fakeCore(page, RICH_CORE), bypassCSP: true });
  });

  test(`axe: <folio-article> in the examples page, ${colorScheme}`, async () => {
    await withPage(harness, 'examples/element.html', async (page) => {
      await page.waitForFunction(() => [...document.querySelectorAll('folio-article')].every((node) => node.hasAttribute('rendered') || node.hasAttribute('error')));
      assert.deepEqual(await seriousViolations(page), []);
    }, { colorScheme, bypassCSP: true });
  });
}

test('keyboard: Tab reaches every control of a rich article, in order, and each shows its focus', async () => {
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('file-input').setInputFiles([{ name: 'rich.md', mimeType: 'text/markdown', buffer: richFile('Rich content') }]);
    await page.locator('[data-enhanced]').waitFor({ timeout: 30_000 });
    const expected = await page.getByTestId('article').evaluate((article) => [...article.querySelectorAll('a[href], button, summary, select, input, [tabindex="0"]')]
      .filter((node) => node.getClientRects().length > 0 && !node.closest('details:not([open]) > :not(summary)'))
      .map((node) => node.outerHTML.slice(0, 60)));
    assert.ok(expected.length > 15, `${expected.length} controls`);
    await page.getByTestId('article-title').focus();
    /** @type {string[]} */
    const reached = [];
    for (let i = 0; i < expected.length + 5 && reached.length < expected.length; i += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const node = document.activeElement;
        if (!node || !node.closest('[data-testid="article"]')) return null;
        const style = getComputedStyle(node);
        return { html: node.outerHTML.slice(0, 60), outline: style.outlineStyle !== 'none' || style.boxShadow !== 'none' };
      });
      if (!focused) continue;
      assert.ok(focused.outline, `${focused.html} shows no focus`);
      reached.push(focused.html);
    }
    assert.deepEqual(reached, expected);
  }, { setup: (page) => fakeCore(page, RICH_CORE) });
});
