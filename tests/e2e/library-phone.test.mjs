// The library on a phone (#12): the top bar is one line, the library a drawer its button
// opens (with the article count), that lists the files; choosing an article (Enter or a
// click) opens it and closes the drawer, Esc and a click outside close it, and the focus
// goes into it and back to its button. The rest of the bar is one menu; the welcome card
// has the openers too.
// Run: node --test tests/e2e/library-phone.test.mjs   (after scripts/build-wasm.sh)
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { shownTitle, useBrowser, withPage } from './harness.mjs';
import { CORPUS, VIEWER, itemFor, listSettled, waitForArticle, waitForLibrary } from './library-helpers.mjs';

const harness = useBrowser();

/** @typedef {import('playwright-core').Page} Page */

const PHONE = { viewport: { width: 390, height: 800 } };

/**
 * The `data-testid` of the element that has the keyboard focus, or of its closest ancestor with one.
 * @param {Page} page
 */
function focused(page) {
  return page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null);
}

/**
 * Opens the news corpus folder and waits for its articles to be read.
 * @param {Page} page
 */
async function openNews(page) {
  await page.getByTestId('folder-input').setInputFiles(join(CORPUS, 'news-hexo'));
  await waitForLibrary(page, 59);
  await listSettled(page);
}

test('phone: one line of top bar; the library drawer opens with its button, lists the files, and closes on choosing, Esc and outside', async () => {
  await withPage(harness, `${VIEWER}&lang=en`, async (page) => {
    await page.getByTestId('welcome').waitFor();
    await openNews(page);
    // Nothing is shown yet: the welcome card says where the files went, and opens the drawer.
    assert.equal(await page.getByTestId('welcome').locator('h1').innerText(), 'Choose an article');
    assert.match(await page.getByTestId('welcome-library').innerText(), /^59 articles are open in the library/);
    await page.getByTestId('welcome-show-library').click();
    await page.getByTestId('file-list-nav').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('file-list-nav').waitFor({ state: 'hidden' });
    const bar = await page.locator('.topbar').boundingBox();
    const row = await page.getByTestId('library-button').boundingBox();
    assert.ok(bar && row && bar.height <= row.height * 2, `the top bar is one line (${bar?.height}px, its buttons ${row?.height}px)`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390, 'nothing is wider than the screen');

    const button = page.getByTestId('library-button');
    const drawer = page.getByTestId('file-list-nav');
    assert.equal(await button.getAttribute('aria-controls'), await drawer.getAttribute('id'));
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.getByTestId('library-button-count').innerText(), '59');
    assert.equal(await button.getAttribute('aria-label'), 'Library, 59 articles');
    assert.equal(await drawer.isVisible(), false, 'the library is hidden until asked for');

    // Open it: the list is shown, the focus is in it; Enter opens an article and closes it.
    await button.click();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    await drawer.waitFor();
    assert.ok(await page.getByTestId('library-item').count() > 5, 'the drawer lists the files');
    assert.equal(await focused(page), 'file-list');
    await page.keyboard.press('j');
    const second = await page.locator('[data-testid="library-item"][aria-selected="true"]').getAttribute('data-path');
    assert.ok(second);
    await page.keyboard.press('Enter');
    await waitForArticle(page, second);
    await drawer.waitFor({ state: 'hidden' });
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await focused(page), 'library-button', 'the focus is back on the button');
    const title = await shownTitle(page).boundingBox();
    assert.ok(title && title.y < 200, `the article starts near the top (${title?.y}px)`);

    // Esc closes it.
    await button.click();
    await drawer.waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    assert.equal(await focused(page), 'library-button');

    // A click on the list's row opens that article; a click outside (on the article) closes it.
    await button.click();
    const third = itemFor(page, /** @type {string} */ (await page.getByTestId('library-item').nth(2).getAttribute('data-path')));
    const path = /** @type {string} */ (await third.getAttribute('data-path'));
    await third.click();
    await waitForArticle(page, path);
    await drawer.waitFor({ state: 'hidden' });
    await button.click();
    await drawer.waitFor();
    await page.mouse.click(380, 600);
    await drawer.waitFor({ state: 'hidden' });
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
  }, PHONE);
});

test('phone: the search field covers the bar while in use and its hits show in the drawer; the menu holds the openers, Save and settings (zh, dark)', async () => {
  await withPage(harness, `${VIEWER}&lang=zh`, async (page) => {
    await page.getByTestId('welcome').waitFor();
    await openNews(page);
    const button = page.getByTestId('library-button');
    assert.equal(await button.getAttribute('aria-label'), '文库，59 篇文章');
    // `/` focuses the search field, which then spans the bar.
    await page.keyboard.press('/');
    const field = await page.getByTestId('search').boundingBox();
    assert.ok(field && field.width > 300, `the field spans the bar (${field?.width}px)`);
    await page.keyboard.type('Vercel');
    await page.getByTestId('file-list-nav').waitFor();
    await page.locator('[data-testid="file-list"][data-mode="search"]').waitFor();
    // ArrowDown moves into the hits; Enter opens one and closes the drawer.
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(page), 'file-list');
    await page.keyboard.press('Enter');
    await page.getByTestId('file-list-nav').waitFor({ state: 'hidden' });
    await shownTitle(page).filter({ hasText: 'Vercel' }).waitFor();
    const title = await shownTitle(page).boundingBox();
    assert.ok(title && title.y < 200, `the article starts near the top (${title?.y}px)`);

    const more = page.getByTestId('more-button');
    assert.equal(await more.getAttribute('aria-label'), '打开、保存与设置');
    assert.equal(await page.getByTestId('open-label').isVisible(), false, 'the openers are in the menu');
    await more.click();
    assert.equal(await more.getAttribute('aria-expanded'), 'true');
    for (const id of ['open-label', 'folder-label', 'settings-button']) assert.ok(await page.getByTestId(id).isVisible(), `${id} in the menu`);
    assert.ok(await page.locator('.share-slot summary').isVisible(), 'Save… in the menu');
    await page.keyboard.press('Escape');
    assert.equal(await more.getAttribute('aria-expanded'), 'false');
    assert.equal(await focused(page), 'more-button');
  }, { ...PHONE, colorScheme: 'dark' });
});

test('wide screen: the library stays beside the article, no drawer button, the openers in the bar', async () => {
  await withPage(harness, `${VIEWER}&lang=en`, async (page) => {
    await page.getByTestId('welcome').waitFor();
    await openNews(page);
    assert.equal(await page.getByTestId('library-button').isVisible(), false);
    assert.equal(await page.getByTestId('more-button').isVisible(), false);
    assert.ok(await page.getByTestId('open-label').isVisible());
    const nav = await page.getByTestId('file-list-nav').boundingBox();
    const viewer = await page.getByTestId('viewer').boundingBox();
    assert.ok(nav && viewer && nav.x === 0 && nav.x + nav.width <= viewer.x + 1, 'the library is left of the article');
    await page.keyboard.press('Escape');
    assert.ok(await page.getByTestId('file-list-nav').isVisible(), 'Esc does not hide it');
  }, { viewport: { width: 1280, height: 800 } });
});

test('phone: the welcome card has the openers the bar keeps in its menu; they open the pickers', async () => {
  await withPage(harness, `${VIEWER}&lang=zh`, async (page) => {
    await page.getByTestId('welcome').waitFor();
    assert.equal(await page.getByTestId('open-label').isVisible(), false, 'the bar\'s opener is in the menu');
    const files = page.getByTestId('welcome-open-files');
    assert.ok(await files.isVisible());
    assert.equal(await files.innerText(), '打开文件…');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), files.click()]);
    assert.equal(await chooser.element().getAttribute('data-testid'), 'file-input');
    await chooser.setFiles([{ name: 'picked.md', mimeType: 'text/markdown', buffer: Buffer.from('# Picked on a phone\n\nText.\n') }]);
    await shownTitle(page).filter({ hasText: 'Picked on a phone' }).waitFor();
  }, PHONE);
  await withPage(harness, VIEWER, async (page) => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('welcome-open-folder').click()]);
    assert.equal(await chooser.element().getAttribute('data-testid'), 'folder-input');
  }, PHONE);
});

/**
 * The search box's placeholder and its `/` key hint: the placeholder's width against the
 * box's room for text, and where the hint is.
 * @param {Page} page
 */
function searchBox(page) {
  return page.evaluate(() => {
    const input = /** @type {HTMLInputElement} */ (document.querySelector('[data-testid="search"]'));
    const key = /** @type {HTMLElement} */ (document.querySelector('[data-testid="search-key"]'));
    const style = getComputedStyle(input);
    const context = /** @type {CanvasRenderingContext2D} */ (document.createElement('canvas').getContext('2d'));
    context.font = style.font;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const box = input.getBoundingClientRect();
    const hint = key.getBoundingClientRect();
    return {
      placeholder: input.placeholder,
      textWidth: context.measureText(input.placeholder).width,
      room,
      keyShown: key.checkVisibility(),
      textEnd: box.left + parseFloat(style.paddingLeft) + context.measureText(input.placeholder).width,
      keyStart: hint.left,
      shortcut: input.getAttribute('aria-keyshortcuts'),
    };
  });
}

test('the search box: its placeholder fits a small phone\'s bar in both languages; the `/` that focuses it is shown inside it on a wide screen only', async () => {
  for (const lang of ['en', 'zh']) {
    await withPage(harness, `${VIEWER}&lang=${lang}`, async (page) => {
      await page.getByTestId('welcome').waitFor();
      await openNews(page); // the bar then holds the library's button too
      const phone = await searchBox(page);
      assert.ok(phone.textWidth <= phone.room, `${lang}: "${phone.placeholder}" (${phone.textWidth.toFixed(0)}px) fits the box (${phone.room.toFixed(0)}px)`);
      assert.equal(phone.keyShown, false, `${lang}: no key hint on a phone`);
      assert.equal(phone.shortcut, '/');
    }, { viewport: { width: 320, height: 640 } }); // the narrowest phones in use
  }
  await withPage(harness, `${VIEWER}&lang=en`, async (page) => {
    await page.getByTestId('welcome').waitFor();
    const wide = await searchBox(page);
    assert.equal(wide.keyShown, true, 'the key hint is shown in the empty box');
    assert.ok(wide.keyStart > wide.textEnd, `the hint (at ${wide.keyStart}px) is clear of the placeholder (ending at ${wide.textEnd.toFixed(0)}px)`);
    await page.keyboard.press('/');
    assert.equal(await focused(page), 'search', '/ focuses the search');
    assert.equal((await searchBox(page)).keyShown, false, 'the hint goes while the box is in use');
    await page.keyboard.type('数据');
    await page.keyboard.press('Tab');
    assert.equal((await searchBox(page)).keyShown, false, 'and while it holds a query');
  }, { viewport: { width: 1280, height: 800 } });
});
