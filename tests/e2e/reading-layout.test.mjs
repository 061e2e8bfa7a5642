// The reading view (#12): the outline beside the article on wide screens with the current
// section marked while scrolling, above it (and foldable) on phones; heading anchors that
// copy a link; the progress line; the reader's settings (theme, text size, column width,
// language) applied and remembered; the reading position remembered per article; print
// styles; typography per script; `lang` and `dir` on the article.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corpus, fakeCore, serveFixtures, shownTitle, useBrowser, withPage } from './harness.mjs';
import { RICH_CORE, richFile } from './reading-fixture.mjs';

const harness = useBrowser();

/** @typedef {import('playwright-core').Page} Page */

/** A long article with sections and a link, served as /e2e-fixtures/long.md. */
const LONG = `---
title: A long article
---

${Array.from({ length: 8 }, (_, i) => `## Section ${i + 1}\n\n${`Paragraph of section ${i + 1}, long enough to fill lines of the column. `.repeat(6)}\n\n`.repeat(1)
  + 'More text. '.repeat(120)).join('\n\n')}

See [the site](https://example.com/page).
`;

/**
 * Opens the long fixture by URL (so that a reload opens it again) and waits for its view.
 * @param {Page} page
 */
async function openLong(page) {
  await shownTitle(page).filter({ hasText: 'A long article' }).waitFor();
  await page.locator('[data-enhanced]').waitFor();
}

const withLong = { setup: (/** @type {Page} */ page) => serveFixtures(page, { 'long.md': LONG }) };

test('wide screen: the outline sits beside the article, stays in view, and marks the section being read', async () => {
  await withPage(harness, '?src=e2e-fixtures/long.md', async (page) => {
    await openLong(page);
    const toc = page.getByTestId('toc');
    const body = page.getByTestId('article-body');
    const tocBox = await toc.boundingBox();
    const bodyBox = await body.boundingBox();
    assert.ok(tocBox && bodyBox && tocBox.x >= bodyBox.x + bodyBox.width, 'the outline is right of the body');
    assert.ok(tocBox.y < 400, 'and starts near the top');
    await page.locator('#user-content-section-5').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, document.getElementById('user-content-section-5')?.getBoundingClientRect().top ?? 0));
    await toc.locator('a[aria-current="location"]').filter({ hasText: 'Section 5' }).waitFor();
    assert.equal(await toc.locator('a[aria-current]').count(), 1);
    const after = await toc.boundingBox();
    assert.ok(after && after.y >= 0 && after.y < 100, `the outline stayed in view (${after?.y})`);
    // The progress line has moved on.
    const line = await page.getByTestId('progress').locator('div').evaluate((node) => ({ scale: new DOMMatrix(getComputedStyle(node).transform).a, visibility: getComputedStyle(node).visibility }));
    assert.ok(line.scale > 0.3 && line.scale < 1, `progress ${line.scale}`);
    assert.equal(line.visibility, 'visible', 'the line is shown once the article\'s top is passed');
  }, { ...withLong, viewport: { width: 1280, height: 800 } });
});

test('an article that fits on the screen has no progress line above its title', async () => {
  await withPage(harness, '?src=e2e-fixtures/short.md', async (page) => {
    await shownTitle(page).filter({ hasText: 'Short' }).waitFor();
    const line = page.getByTestId('progress').locator('div');
    // Without the rule the line is drawn whole: the article is in its "contain" range from the start.
    assert.ok(await line.evaluate((node) => new DOMMatrix(getComputedStyle(node).transform).a) > 0.5, 'the line would be drawn');
    assert.equal(await line.evaluate((node) => getComputedStyle(node).visibility), 'hidden');
  }, { setup: (/** @type {Page} */ page) => serveFixtures(page, { 'short.md': '# Short\n\nOne paragraph, read at a glance.\n' }), viewport: { width: 1280, height: 800 } });
});

test('beside the article, a long outline (388 headings) is open, scrolls in its own box and follows the reader', async () => {
  await withPage(harness, '?src=&lang=en', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('file-input').setInputFiles([{ name: 'history.markdown', mimeType: 'text/markdown', buffer: corpus('big/jekyll-docs-history.md') }]);
    await page.locator('[data-enhanced]').waitFor({ timeout: 30_000 });
    const toc = page.getByTestId('toc');
    assert.equal(await toc.locator('details').getAttribute('open'), '');
    assert.equal(await toc.locator('li').count(), 388);
    const list = await toc.locator('ol').evaluate((node) => ({ height: node.clientHeight, scroll: node.scrollHeight }));
    assert.ok(list.height > 300 && list.scroll > list.height, `the list is ${list.height}px of ${list.scroll}`);
    // Far down the article, the marked entry is scrolled into the list's view.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.6));
    const marked = toc.locator('a[aria-current="location"]');
    await marked.waitFor();
    const inView = await marked.evaluate((link) => {
      const box = link.getBoundingClientRect();
      const frame = /** @type {Element} */ (link.closest('ol')).getBoundingClientRect();
      return box.top >= frame.top && box.bottom <= frame.bottom;
    });
    assert.ok(inView, 'the current section shows in the outline');
  }, { viewport: { width: 1440, height: 900 } });
});

test('phone: the outline is above the body, foldable, and the article starts near the top; the settings are one button', async () => {
  await withPage(harness, '?src=e2e-fixtures/long.md', async (page) => {
    await openLong(page);
    const toc = page.getByTestId('toc');
    const title = await shownTitle(page).boundingBox();
    assert.ok(title && title.y < 844 * 0.45, `the title starts at ${title?.y}px`);
    const summary = toc.locator('summary');
    await summary.click();
    assert.equal(await toc.locator('details').getAttribute('open'), null, 'folded');
    const bar = await page.locator('.topbar').boundingBox();
    assert.ok(bar && bar.height < 70, `the top bar is one line (${bar?.height}px)`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390);
  }, { ...withLong, viewport: { width: 390, height: 844 } });
});

test('phone: a date or the reading time is not cut across lines, no line of the byline starts with its dot (the demo, in Chinese), and a long part still wraps', async () => {
  await withPage(harness, '?lang=zh', async (page) => {
    await page.locator('[data-enhanced]').waitFor();
    const byline = page.getByTestId('byline');
    let wrapped = 0;
    // Phone widths, so that the lines break at every place they can.
    for (let width = 320; width <= 430; width += 6) {
      await page.setViewportSize({ width, height: 844 });
      const { parts, dots, lines } = await byline.evaluate((line) => {
        const box = line.getBoundingClientRect();
        const dot = (/** @type {Element} */ sep) => {
          const text = /** @type {Text} */ (sep.firstChild);
          const range = document.createRange();
          range.setStart(text, text.data.indexOf('·'));
          range.setEnd(text, text.data.indexOf('·') + 1);
          return range.getBoundingClientRect().left - box.left;
        };
        return {
          parts: [...line.querySelectorAll('time, .reading-time')]
            .map((part) => ({ text: part.textContent, lines: part.getClientRects().length })),
          dots: [...line.querySelectorAll('.sep')].map(dot),
          lines: Math.round(box.height / parseFloat(getComputedStyle(line).lineHeight)),
        };
      });
      if (lines > 1) wrapped += 1;
      for (const part of parts) assert.equal(part.lines, 1, `${width}px: "${part.text}" is on one line`);
      for (const left of dots) assert.ok(left > 20, `${width}px: a dot starts a line (${left}px from its left)`);
    }
    assert.ok(wrapped > 3, `the byline wraps at some of these widths (${wrapped}), so the test means something`);
  });
  // A long "Updated …" part still wraps: kept whole, it ran past a 360 px phone's column.
  await withPage(harness, '?src=&lang=en', async (page) => {
    await page.getByTestId('welcome').waitFor();
    const post = '---\ntitle: Shortcodes\ndate: 2016-08-30T16:01:00+08:00\nlastmod: 2018-02-01T18:01:00+08:00\n---\n\nText.\n';
    await page.getByTestId('file-input').setInputFiles([{ name: 'post.md', mimeType: 'text/markdown', buffer: Buffer.from(post) }]);
    await page.locator('[data-enhanced]').waitFor();
    for (const width of [320, 340, 360]) {
      await page.setViewportSize({ width, height: 800 });
      const [scroll, client, text] = await page.getByTestId('byline').evaluate((line) => [line.scrollWidth, line.clientWidth, line.textContent]);
      assert.match(String(text), /Updated/);
      assert.ok(scroll <= client, `${width}px: the byline (${scroll}px) stays in its column (${client}px)`);
    }
  });
});

test('a heading\'s anchor copies a link to its section and goes there', async () => {
  await withPage(harness, '?src=e2e-fixtures/long.md', async (page) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openLong(page);
    const anchor = page.locator('#user-content-section-3 .heading-anchor');
    assert.equal(await anchor.getAttribute('aria-label'), 'Copy a link to “Section 3”');
    await anchor.focus();
    await page.keyboard.press('Enter');
    await page.locator('#user-content-section-3 .heading-anchor[data-copied]').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /\?src=e2e-fixtures\/long\.md#section-3$/);
    // The link opens the article at that section.
    await page.goto(copied);
    await openLong(page);
    // At the top of the window, or just below the top bar where it stays in view (the library's).
    await page.waitForFunction(() => {
      const top = document.getElementById('user-content-section-3')?.getBoundingClientRect().top ?? 1e9;
      const bar = document.querySelector('.topbar');
      const under = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().bottom : 0;
      return Math.abs(top - under) <= 2;
    });
  }, withLong);
});

test('settings: dark theme, larger text and a wider column apply at once and are remembered; the language switches in place', async () => {
  await withPage(harness, '?src=e2e-fixtures/long.md', async (page) => {
    await openLong(page);
    const article = page.getByTestId('article');
    const size = () => article.evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
    const width = () => article.evaluate((node) => node.getBoundingClientRect().width);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [size0, width0, bg0] = [await size(), await width(), await background()];
    await page.getByTestId('settings-button').click();
    await page.getByTestId('theme').selectOption('dark');
    await page.getByTestId('text-larger').click();
    await page.getByTestId('narrower').click();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.notEqual(await background(), bg0);
    assert.ok(await size() > size0);
    assert.ok(await width() < width0);
    await page.reload();
    await openLong(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.ok(await size() > size0, 'text size remembered');
    assert.ok(await width() < width0, 'column width remembered');
    // Language: the page and the shown article speak Chinese at once, and after a reload.
    await page.getByTestId('settings-button').click();
    await page.getByTestId('language').selectOption('zh');
    await page.locator('.open-button').filter({ hasText: '打开文件…' }).waitFor();
    // The library's words too: text, placeholders and labels.
    assert.equal(await page.getByTestId('search').getAttribute('placeholder'), '搜索');
    assert.equal(await page.getByTestId('sort').locator('option').first().innerText(), '最新在前');
    assert.equal(await page.getByTestId('keep').locator('xpath=..').innerText(), '保存在此浏览器中');
    assert.equal(await page.getByTestId('toc').locator('summary').innerText(), '目录');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    await page.reload();
    await openLong(page);
    await page.locator('.open-button').filter({ hasText: '打开文件…' }).waitFor();
  }, withLong);
});

test('the reading position is remembered per article and restored when it is opened again', async () => {
  await withPage(harness, '?src=e2e-fixtures/long.md', async (page) => {
    await openLong(page);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await page.waitForFunction(() => (localStorage.getItem('folio.positions') ?? '').includes('long.md'));
    const before = await page.evaluate(() => window.scrollY);
    await page.waitForTimeout(100);
    await page.reload();
    await openLong(page);
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 120, before);
  }, withLong);
});

test('print: no chrome, link targets written out', async () => {
  await withPage(harness, '?src=e2e-fixtures/long.md', async (page) => {
    await openLong(page);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.topbar').isVisible(), false);
    assert.equal(await page.getByTestId('file-list-nav').isVisible(), false);
    assert.equal(await page.getByTestId('toc').isVisible(), false);
    const after = await page.locator('.article-body a[href^="https://example.com"]').evaluate((node) => getComputedStyle(node, '::after').content);
    assert.equal(after, '" (https://example.com/page)"');
  }, withLong);
});

test('typography per script: CJK without faux bold, trimmed punctuation, more leading; a full-width indent is not doubled; lang and dir set', async () => {
  const zh = '---\ntitle: 中文\nlang: zh\n---\n\n　　這是一個以全形空格開頭的段落，「引號」也在。\n\n第二段。\n\n## 一個標題\n';
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('file-input').setInputFiles([{ name: 'zh.md', mimeType: 'text/markdown', buffer: Buffer.from(zh) }]);
    await page.locator('[data-enhanced]').waitFor();
    const article = page.getByTestId('article');
    assert.equal(await article.getAttribute('lang'), 'zh');
    const style = await article.evaluate((node) => {
      const s = getComputedStyle(node);
      return { synthesis: s.fontSynthesis, trim: s.getPropertyValue('text-spacing-trim'), lineHeight: parseFloat(s.lineHeight) / parseFloat(s.fontSize) };
    });
    assert.equal(style.synthesis, 'none');
    assert.equal(style.trim, 'trim-start');
    assert.ok(style.lineHeight >= 1.85, `line height ${style.lineHeight}`);
    const first = page.getByTestId('article-body').locator('p').first();
    assert.equal(await first.getAttribute('class'), 'indented');
    assert.equal(await first.evaluate((node) => getComputedStyle(node).textIndent), '0px');
    // Paragraphs are justified; a heading is not (a wrapped one would be spread letter by letter).
    assert.equal(await first.evaluate((node) => getComputedStyle(node).textAlign), 'justify');
    assert.notEqual(await page.getByTestId('article-body').locator('h2').evaluate((node) => getComputedStyle(node).textAlign), 'justify');
    // Not in a phone's column: a line with a long English link was spread into wide gaps.
    await page.setViewportSize({ width: 390, height: 844 });
    assert.notEqual(await first.evaluate((node) => getComputedStyle(node).textAlign), 'justify');
  });
  // An article in no language the core can tell is not typeset in the page's language.
  await withPage(harness, '?src=&lang=zh', async (page) => {
    await page.getByTestId('welcome').waitFor();
    const en = '# Plain\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt.\n';
    await page.getByTestId('file-input').setInputFiles([{ name: 'en.md', mimeType: 'text/markdown', buffer: Buffer.from(en) }]);
    await page.locator('[data-enhanced]').waitFor();
    assert.match(await page.evaluate(() => document.documentElement.lang), /^zh/);
    assert.equal(await page.getByTestId('article').getAttribute('lang'), '');
    assert.notEqual(await page.getByTestId('article-body').locator('p').first().evaluate((node) => getComputedStyle(node).textAlign), 'justify');
  });
  // An article the core says is right-to-left is shown so.
  const RTL_CORE = RICH_CORE.replace('return article;', "if (article.title === 'RTL') article.dir = 'rtl'; return article;");
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('file-input').setInputFiles([{ name: 'rtl.md', mimeType: 'text/markdown', buffer: richFile('RTL', '<p>שלום</p>') }]);
    await page.locator('[data-enhanced]').waitFor();
    assert.equal(await page.getByTestId('article').getAttribute('dir'), 'rtl');
    // The byline's own words keep their order: "1 min read", not "min read 1".
    const order = await page.locator('.reading-time').evaluate((node) => {
      const text = /** @type {Text} */ (node.firstChild);
      const at = (/** @type {number} */ start, /** @type {number} */ end) => {
        const range = document.createRange();
        range.setStart(text, start);
        range.setEnd(text, end);
        return range.getBoundingClientRect().left;
      };
      return { text: text.data, digit: at(0, 1), word: at(2, 5) };
    });
    assert.equal(order.text, '1 min read');
    assert.ok(order.digit < order.word, `"${order.text}" reads left to right (digit at ${order.digit}, word at ${order.word})`);
  }, { setup: (page) => fakeCore(page, RTL_CORE) });
});

test('phone: a heading\'s anchor never sits alone on a line (CJK headings break anywhere)', async () => {
  await withPage(harness, '?src=&lang=zh', async (page) => {
    await page.getByTestId('welcome').waitFor();
    // Headings of every length around a phone's line: one of them ends where the line does.
    const headings = Array.from({ length: 24 }, (_, n) => `## ${'长恨歌贵妃受宠爱马嵬惊变玄宗皇帝思念仙界寻妃'.repeat(2).slice(0, 6 + n)}`);
    await page.getByTestId('file-input').setInputFiles([{ name: 'heads.md', mimeType: 'text/markdown', buffer: Buffer.from(`# 标题\n\n${headings.join('\n\n正文。\n\n')}\n`) }]);
    await shownTitle(page).filter({ hasText: '标题' }).waitFor();
    const lines = await page.getByTestId('article-body').locator('h2').evaluateAll((hs) => hs.map((h) => {
      const anchor = /** @type {HTMLElement} */ (h.querySelector('.heading-anchor'));
      const text = /** @type {Text} */ (h.firstChild);
      const range = document.createRange();
      range.setStart(text, text.data.length - 1);
      range.setEnd(text, text.data.length);
      const last = range.getClientRects();
      return { text: text.data, lastTop: last[last.length - 1].top, anchorTop: anchor.getBoundingClientRect().top, lines: Math.round(h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight)) };
    }));
    assert.ok(lines.some((l) => l.lines > 1), 'some headings wrap, so the test means something');
    for (const l of lines) assert.ok(Math.abs(l.anchorTop - l.lastTop) < 4, `"${l.text}": the anchor is on its last character's line (${l.anchorTop} vs ${l.lastTop})`);
  }, { viewport: { width: 390, height: 844 } });
});
