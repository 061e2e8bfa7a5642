// A huge body is windowed (www/view/body.js SliceWindow): only the slices near the window
// are DOM, every other one an empty box of its height, however far the reader scrolls;
// what reaches into the body (the outline, anchors, footnotes, an address's fragment,
// print, find-in-page) builds the slices it needs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dropFiles, longArticle, shownTitle, useBrowser, withPage } from './harness.mjs';

const harness = useBrowser();

/**
 * A Markdown article of about `size` bytes: numbered sections, a footnote referenced in
 * the first paragraph and written at the very end, then a last heading and paragraph.
 * @param {number} size
 */
function bigArticle(size) {
  return longArticle(size, {
    opening: 'The opening, with a note.[^far]\n\n',
    ending: '## The very end\n\nThe last paragraph of the long article.\n\n[^far]: The note at the far end.\n',
  });
}

/** The body's state: its elements, its slices and those of them not built. */
function bodyState() {
  const body = /** @type {HTMLElement} */ (document.querySelector('[data-testid="article-body"]'));
  const slices = body.querySelectorAll(':scope > .slice');
  return {
    elements: body.querySelectorAll('*').length,
    slices: slices.length,
    empty: [...slices].filter((box) => !box.firstChild).length,
    sections: body.querySelectorAll('h2').length,
    busy: body.hasAttribute('aria-busy'),
  };
}

/**
 * Scrolls to the end of the page until it stays there (the slices near it take their real height).
 * @param {import('playwright-core').Page} page
 */
async function scrollToEnd(page) {
  for (let tries = 0; tries < 50; tries += 1) {
    const moved = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
      return window.scrollY !== before;
    });
    await page.waitForTimeout(150);
    if (!moved && tries > 2) return;
  }
}

/**
 * The distance of heading `index` (among the body's h2) from the top of the window, or
 * below the top bar where that stays in view; null when it is not in the DOM.
 * @param {import('playwright-core').Page} page
 * @param {string} text
 */
function offsetOf(page, text) {
  return page.evaluate((wanted) => {
    const heading = [...document.querySelectorAll('[data-testid="article-body"] h2')].find((h) => h.textContent?.includes(wanted));
    if (!heading) return null;
    const bar = document.querySelector('.topbar');
    const under = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().bottom : 0;
    return heading.getBoundingClientRect().top - under;
  }, text);
}

/**
 * Waits until the heading is at the top of the window, then checks it stays there.
 * @param {import('playwright-core').Page} page
 * @param {string} text
 */
async function landsOn(page, text) {
  for (let tries = 0; ; tries += 1) {
    const offset = await offsetOf(page, text);
    if (offset !== null && Math.abs(offset) <= 2) break;
    assert.ok(tries < 100, `"${text}" never reached the top (${offset}px off)`);
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(500);
  const offset = await offsetOf(page, text);
  assert.ok(offset !== null && Math.abs(offset) <= 2, `"${text}" moved to ${offset}px off the top after it was reached`);
}

test('a huge body keeps only the slices near the window as DOM; the outline, footnotes, print and find-in-page build what they need', async () => {
  const { bytes, sections } = bigArticle(4 << 20);
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [{ name: 'long.md', bytes }]);
    await shownTitle(page).filter({ hasText: 'A long article' }).waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="article-body"]:not([aria-busy])').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="article-body"][data-enhanced]').waitFor();
    const atFirst = await page.evaluate(bodyState);
    assert.ok(atFirst.slices > 30, `${atFirst.slices} slices`);
    assert.ok(atFirst.empty > atFirst.slices - 5, `${atFirst.empty} of ${atFirst.slices} slices are not built`);
    assert.ok(atFirst.sections < sections / 10, `${atFirst.sections} of ${sections} sections are in the DOM`);
    // The whole body is about 200 elements a section (paragraphs, links, bold; checked at the
    // end): a tenth of that at most, wherever the reader is.
    const bound = sections * 20;
    assert.ok(atFirst.elements < bound, `${atFirst.elements} elements in the body at first`);

    // The footnote's popover finds its note, in the last slice (not built).
    await page.locator('[data-testid="article-body"] .footnote-ref a').first().click();
    await page.locator('.footnote-popover').filter({ hasText: 'The note at the far end.' }).waitFor();
    await page.keyboard.press('Escape');

    // Scrolling to the end shows the last block; the slices left behind are emptied again.
    await scrollToEnd(page);
    const last = page.getByText('The last paragraph of the long article.');
    assert.ok(await last.isVisible(), 'the last paragraph is shown');
    const box = await last.boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 900, `the last paragraph is in the window (at ${box?.y})`);
    const atEnd = await page.evaluate(bodyState);
    assert.ok(atEnd.elements < bound && atEnd.sections < sections / 10, `${atEnd.elements} elements, ${atEnd.sections} sections in the body at the end`);
    assert.ok(await page.evaluate(() => !document.querySelector('[data-testid="article-body"] > .slice')?.firstChild), 'the first slice was emptied');

    // Half-way (a jump, as a scroll bar's): what is in the window is text, not an empty box.
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight / 2, behavior: 'instant' }));
    await page.waitForTimeout(500);
    const middle = await page.evaluate(() => {
      const at = document.elementFromPoint(600, 450);
      return at?.closest('.slice')?.firstChild ? at.closest('p, h2, li')?.tagName ?? at.tagName : 'empty';
    });
    assert.ok(['P', 'H2'].includes(middle), `the middle of the window shows ${middle}`);

    // An outline entry far down leads to its heading, its slice built first.
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await page.waitForTimeout(300);
    const toc = page.getByTestId('toc');
    if (!(await toc.locator('details').evaluate((node) => /** @type {HTMLDetailsElement} */ (node).open))) await toc.locator('summary').click();
    const far = Math.floor(sections * 0.7);
    assert.equal(await offsetOf(page, `Section ${far}`), null, 'the far heading is not in the DOM before');
    await toc.locator('a').filter({ hasText: new RegExp(`^Section ${far}$`) }).click();
    await landsOn(page, `Section ${far}`);
    assert.equal(await toc.locator('a[aria-current="location"]').textContent(), `Section ${far}`);
    assert.ok((await page.evaluate(bodyState)).elements < bound);

    // Print lays out every slice: all are built before it, and the window shrinks back after.
    const printed = await page.evaluate(() => {
      window.dispatchEvent(new Event('beforeprint'));
      return document.querySelectorAll('[data-testid="article-body"] h2').length;
    });
    assert.equal(printed, sections);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.waitForFunction((max) => document.querySelectorAll('[data-testid="article-body"] *').length < max, bound);

    // Find-in-page sees only the DOM: Ctrl+F builds every slice, and keeps them.
    await page.keyboard.press('Control+f');
    await page.locator('[data-testid="article-body"]:not([aria-busy])').waitFor({ timeout: 60_000 });
    const found = await page.evaluate(bodyState);
    assert.equal(found.empty, 0);
    assert.equal(found.sections, sections);
    assert.ok(found.elements > 5 * bound, `${found.elements} elements in the whole body`);
    await scrollToEnd(page);
    assert.equal((await page.evaluate(bodyState)).sections, sections, 'the slices stay once find-in-page has asked for them');
  });
});

test('<folio-article> with a huge body goes to the heading its page\'s address names, built first', async () => {
  const { bytes, sections } = bigArticle(2 << 20);
  const far = Math.floor(sections * 0.8);
  await withPage(harness, `examples/element.html#section-${far}`, async (page) => {
    await page.evaluate(async (markdown) => {
      const element = /** @type {any} */ (document.createElement('folio-article'));
      document.body.prepend(element);
      await element.render(markdown, { fileName: 'long.md' });
    }, bytes.toString('utf8'));
    const offset = () => page.evaluate((wanted) => {
      const root = /** @type {ShadowRoot} */ (document.querySelector('folio-article')?.shadowRoot);
      const heading = root.querySelector(`[data-testid="article-body"] h2[id="${wanted}"]`);
      return heading ? heading.getBoundingClientRect().top : null;
    }, `user-content-section-${far}`);
    for (let tries = 0; ; tries += 1) {
      const top = await offset();
      if (top !== null && Math.abs(top) <= 2) break;
      assert.ok(tries < 100, `the heading never reached the top (${top})`);
      await page.waitForTimeout(100);
    }
    const state = await page.evaluate(() => {
      const body = /** @type {HTMLElement} */ (document.querySelector('folio-article')?.shadowRoot?.querySelector('[data-testid="article-body"]'));
      return { sections: body.querySelectorAll('h2').length };
    });
    assert.ok(state.sections < sections / 4, `${state.sections} of ${sections} sections are in the DOM`);
  });
});

test('in a huge body, a list\'s four-digit numbers are not cut off at the left', async () => {
  const items = Array.from({ length: 1200 }, (_, i) => `${i + 1}. Item ${i + 1}`).join('\n');
  const { bytes } = longArticle(1_200_000, { title: 'A long list', ending: `${items}\n` });
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [{ name: 'long-list.md', bytes }]);
    await shownTitle(page).filter({ hasText: 'A long list' }).waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="article-body"].huge:not([aria-busy])').waitFor({ timeout: 60_000 });
    await shownTitle(page).click();
    await page.keyboard.press('End');
    await page.locator('.article-body li', { hasText: /^Item 1200$/ }).waitFor();
    // The marker hangs left of the list's box: it shows only as far as the list's padding and
    // the clip edge of every box around it that contains its paint (content-visibility: auto).
    const fit = await page.evaluate(() => {
      const li = /** @type {HTMLElement} */ ([...document.querySelectorAll('.article-body li')].at(-1));
      const list = /** @type {HTMLElement} */ (li.parentElement);
      const probe = document.createElement('span');
      probe.textContent = '1200. ';
      probe.style.font = getComputedStyle(li).font;
      probe.style.position = 'absolute';
      document.body.append(probe);
      const marker = probe.getBoundingClientRect().width;
      probe.remove();
      let room = Infinity;
      for (let box = /** @type {HTMLElement | null} */ (list); box && !box.classList.contains('article-body'); box = box.parentElement) {
        const style = getComputedStyle(box);
        if (style.contentVisibility !== 'auto') continue;
        const edge = box.getBoundingClientRect().left - parseFloat(style.overflowClipMargin || '0');
        room = Math.min(room, li.getBoundingClientRect().left - edge);
      }
      return { marker: Math.round(marker), room: Math.round(room) };
    });
    assert.ok(fit.room >= fit.marker, `the marker (${fit.marker} px) has ${fit.room} px before the clip edge`);
  }, { viewport: { width: 390, height: 844 } });
});
