// The library in the viewer: a folder with nested assets,
// a Hexo asset folder and a Hugo bundle opened through the folder input; search in
// Chinese and English with highlighting; the keyboard path; zips and a zip bomb.
// Run: node --test tests/e2e/library.test.mjs   (after scripts/build-wasm.sh)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { dropFiles, longArticle, useBrowser, withPage } from './harness.mjs';
import { VIEWER, GIF, corpus, makeFolder, permalink, png, waitForArticle, waitForLibrary } from './library-helpers.mjs';

const harness = useBrowser();

const CAR = corpus('hexo/52x-car-driving-notes-zh.md');
/** The GIFs the Hexo post shows with {% asset_img %}, each put in its asset folder. */
const CAR_IMAGES = [...CAR.toString('utf8').matchAll(/\{% asset_img (\S+)/g)].map((m) => m[1]);

const BLOG = {
  'source/_posts/car.md': CAR,
  ...Object.fromEntries(CAR_IMAGES.map((name) => [`source/_posts/car/${name}`, GIF])),
  'source/_posts/awk.md': corpus('hexo/52x-awk-manual-zh.md'),
  'source/_posts/lambda.md': corpus('hexo/52x-java-lambda-expressions.md'),
  'source/_posts/xss.md': corpus('hexo/52x-xss-csrf.md'),
  'content/posts/trip/index.md': '---\ntitle: A trip bundle\ndate: 2020-05-01\ntags: [travel]\n---\n\n![The map](map.png)\n\nSee [the about page](@/about.md) and [notes](../../../notes/nested/deep/post.md).\n\n![A badge](../../../files/badge.svg) [the badge file](../../../files/badge.svg) [the paper](../../../files/paper.pdf)\n',
  'content/posts/trip/map.png': png(40, 30),
  'content/about.md': '---\ntitle: About this site\ndate: 2019-01-01\n---\n\nAbout text.\n',
  'notes/nested/deep/post.md': '# Deep post\n\n![pic](../../img/pic.png)\n\nA note about indexing archives quickly.\n',
  'notes/img/pic.png': png(8, 8),
  'encodings/gb18030.txt': corpus('encodings/uchardet-zh-gb18030.txt'),
  'files/paper.pdf': Buffer.from('%PDF-1.4\n%%EOF\n'),
  // An SVG that would run a script if opened as a page from a blob: URL of this origin.
  'files/badge.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="30" height="10"><script>parent.pwned = 1</script><rect width="30" height="10" fill="teal"/></svg>',
  '.obsidian/app.json': '{}',
};
const BLOG_ARTICLES = Object.keys(BLOG).filter((p) => /\.(md|txt)$/.test(p)).length;

/**
 * Opens the blog folder through the folder input and waits until all is read and indexed.
 * @param {import('playwright-core').Page} page
 */
async function openBlog(page) {
  await page.getByTestId('folder-input').setInputFiles(makeFolder('blog', BLOG));
  await waitForLibrary(page, BLOG_ARTICLES);
}

/**
 * Opens an article by clicking its list item.
 * @param {import('playwright-core').Page} page
 * @param {string} title
 */
async function openByTitle(page, title) {
  await page.getByTestId('library-item').filter({ hasText: title }).first().click();
  await page.getByTestId('article-title').filter({ hasText: title }).waitFor();
}

test('a folder opens as a library: articles listed, assets kept, images and links resolved', async () => {
  await withPage(harness, VIEWER, async (page) => {
    await openBlog(page);
    assert.match(await page.getByTestId('library-count').innerText(), new RegExp(`^${BLOG_ARTICLES} articles`));
    assert.equal(await page.getByTestId('library-item').count(), BLOG_ARTICLES, 'one item per article; the PDF, images and .obsidian are not listed');
    assert.equal(await page.locator('[data-status="failed"]').count(), 0);
    // Newest first: the 2020 bundle above the 2019 page.
    const titles = await page.getByTestId('library-item').locator('.lib-item-title').allInnerTexts();
    assert.ok(titles.indexOf('A trip bundle') < titles.indexOf('About this site'), titles.join(' | '));

    // The folder tree: a proper ARIA tree with counts; choosing a folder filters the list.
    const tree = page.getByRole('tree');
    assert.equal(await tree.getByRole('treeitem').first().innerText().then((s) => s.replace(/\s+/g, ' ')), `All articles ${BLOG_ARTICLES}`);
    await tree.getByRole('treeitem', { name: /blog/ }).click();
    await page.keyboard.press('ArrowRight');
    await tree.getByRole('treeitem', { name: /notes/ }).waitFor();
    await tree.getByRole('treeitem', { name: /notes/ }).click();
    await page.getByTestId('library-count').filter({ hasText: `1 of ${BLOG_ARTICLES} articles` }).waitFor();
    await tree.getByRole('treeitem').first().click();
    await page.getByTestId('library-count').filter({ hasText: `${BLOG_ARTICLES} articles` }).waitFor();

    // Hexo post_asset_folder: every {% asset_img %} comes from source/_posts/car/.
    await openByTitle(page, 'Car driving notes');
    const images = page.getByTestId('article').locator('img');
    assert.equal(await images.count(), CAR_IMAGES.length);
    // The core marks images loading="lazy": scroll to each, as a reader would.
    for (const img of await images.all()) {
      await img.scrollIntoViewIfNeeded();
      await page.waitForFunction((el) => /** @type {HTMLImageElement} */ (el).complete, await img.elementHandle());
    }
    const widths = await images.evaluateAll((imgs) => imgs.map((img) => /** @type {HTMLImageElement} */ (img).naturalWidth));
    assert.ok(widths.every((w) => w > 0), `images shown: ${widths}`);
    const srcs = await images.evaluateAll((imgs) => imgs.map((img) => img.getAttribute('src') ?? ''));
    assert.ok(srcs.every((s) => s.startsWith('blob:')), 'object URLs, nothing fetched from the server');

    // A Hugo bundle: index.md beside its image; @/ links to another page of the site.
    await openByTitle(page, 'A trip bundle');
    const map = page.getByTestId('article').locator('img[alt="The map"]');
    await page.waitForFunction(() => /** @type {HTMLImageElement | null} */ (document.querySelector('[data-testid="article"] img'))?.complete);
    assert.equal(await map.evaluate((img) => /** @type {HTMLImageElement} */ (img).naturalWidth), 40);
    // An SVG from the archive shows as an image, but a link to it downloads it: opened as a
    // page from a blob: URL of this origin, its script would run here. A PDF opens in a tab.
    const badge = page.getByTestId('article').locator('img[alt="A badge"]');
    await badge.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => /** @type {HTMLImageElement | null} */ (document.querySelector('img[alt="A badge"]'))?.complete);
    assert.equal(await badge.evaluate((img) => /** @type {HTMLImageElement} */ (img).naturalWidth), 30);
    const svgLink = page.getByTestId('article').getByRole('link', { name: 'the badge file' });
    assert.equal(await svgLink.getAttribute('download'), 'badge.svg');
    assert.equal(await svgLink.getAttribute('target'), null);
    assert.equal(await page.getByTestId('article').getByRole('link', { name: 'the paper' }).getAttribute('target'), '_blank');
    // The car post's object URLs were revoked when it was no longer shown.
    const revoked = await page.evaluate((url) => new Promise((resolve) => {
      const probe = new Image();
      probe.onload = () => resolve(false);
      probe.onerror = () => resolve(true);
      probe.src = url;
    }), srcs[0]);
    assert.ok(revoked, 'object URLs of an article that is no longer shown are revoked');
    await page.getByTestId('article').getByRole('link', { name: 'the about page' }).click();
    await page.getByTestId('article-title').filter({ hasText: 'About this site' }).waitFor();
    // "Linked from": the bundle links here.
    assert.match(await page.getByTestId('backlinks').innerText(), /A trip bundle/);

    // A relative image from a deeply nested note; a GB18030 file among UTF-8 ones reads right.
    await openByTitle(page, 'Deep post');
    await page.waitForFunction(() => /** @type {HTMLImageElement | null} */ (document.querySelector('[data-testid="article"] img'))?.complete);
    assert.equal(await page.getByTestId('article').locator('img').evaluate((img) => /** @type {HTMLImageElement} */ (img).naturalWidth), 8);
    const gbk = page.getByTestId('library-item').filter({ hasText: 'gb18030' });
    await gbk.click();
    await page.getByTestId('article').filter({ hasText: /[\u4e00-\u9fff]{4}/ }).waitFor();
  }, { allowConsole: [/blob:.*ERR_FILE_NOT_FOUND|Failed to load resource.*ERR_FILE_NOT_FOUND/] });
});

test('search: Chinese without word boundaries, English stems and prefixes, matches highlighted', async () => {
  await withPage(harness, VIEWER, async (page) => {
    await openBlog(page);
    const search = page.getByTestId('search');
    await search.fill('驾驶员');
    await page.getByTestId('library-count').filter({ hasText: /^1 match$/ }).waitFor();
    const hit = page.getByTestId('library-item').first();
    assert.match(await hit.innerText(), /Car driving notes/);
    const marks = await hit.locator('mark').allInnerTexts();
    assert.ok(marks.length > 0 && marks.every((m) => m === '驾驶员'), `marked: ${marks}`);
    // Opened from the hit, the article shows its matches marked too.
    await hit.click();
    await page.getByTestId('article-title').filter({ hasText: 'Car driving notes' }).waitFor();
    const inArticle = await page.getByTestId('article-body').locator('mark.library-match').allInnerTexts();
    assert.ok(inArticle.length >= 2 && inArticle.every((m) => m === '驾驶员'), `marked in the article: ${inArticle}`);
    // A word found in the title alone is marked there.
    await search.fill('bundle');
    await page.getByTestId('library-count').filter({ hasText: /^1 match$/ }).waitFor();
    await page.getByTestId('library-item').first().click();
    await page.getByTestId('article-title').locator('mark.library-match', { hasText: /^bundle$/ }).waitFor();

    // English: "indexed" finds "indexing" (stem); "archi" finds "archives" while typing.
    await search.fill('indexed');
    // "A note about indexing archives" is short and says it once; the awk manual says it too, in a long text.
    await page.locator('[data-testid="library-item"][aria-posinset="1"]').filter({ hasText: 'Deep post' }).waitFor();
    await search.fill('archi');
    await page.getByTestId('library-item').filter({ hasText: 'Deep post' }).locator('mark', { hasText: /^archives$/ }).waitFor();
    // Esc clears the search and the whole list is back.
    await search.press('Escape');
    await page.getByTestId('library-count').filter({ hasText: `${BLOG_ARTICLES} articles` }).waitFor();
    assert.equal(await search.inputValue(), '');
  });
});

test('search in a long article: a match in a slice built after the first is marked, and the reader is taken to it', async () => {
  await withPage(harness, VIEWER, async (page) => {
    // Over WHOLE_CHARS of HTML: the body is built a slice at a time, the first slice first.
    const long = longArticle(400_000, { ending: '## The end\n\nOnly the end says zanzibarite.\n' }).bytes;
    await page.getByTestId('folder-input').setInputFiles(makeFolder('long', { 'long.md': long, 'short.md': '# Short\n\nNothing here.\n' }));
    await waitForLibrary(page, 2);
    await page.getByTestId('search').fill('zanzibarite');
    await page.getByTestId('library-count').filter({ hasText: /^1 match$/ }).waitFor();
    await page.getByTestId('library-item').first().click();
    const mark = page.getByTestId('article-body').locator('mark.library-match');
    await mark.waitFor();
    assert.deepEqual(await mark.allInnerTexts(), ['zanzibarite']);
    // The reader lands on it: the mark is in the window, far below the article's start.
    await page.waitForFunction(() => {
      const box = document.querySelector('[data-testid="article-body"] mark.library-match')?.getBoundingClientRect();
      return box && box.top >= 0 && box.bottom <= innerHeight;
    });
    assert.ok(await page.evaluate(() => scrollY) > 10_000, 'scrolled far down the long article');
  });
});

test('the keyboard path: / focuses search, arrows and j/k move, Enter opens', async () => {
  await withPage(harness, VIEWER, async (page) => {
    await openBlog(page);
    await page.getByTestId('welcome').click();
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'search');
    await page.keyboard.type('about');
    await page.getByTestId('library-count').filter({ hasText: /match/ }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('library-count').filter({ hasText: `${BLOG_ARTICLES} articles` }).waitFor();
    await page.keyboard.press('ArrowDown');
    const list = page.getByRole('listbox');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'listbox');
    const active = async () => page.evaluate(() => {
      const box = document.querySelector('[role="listbox"]');
      return document.getElementById(box?.getAttribute('aria-activedescendant') ?? '')?.dataset.path;
    });
    const first = await active();
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowDown');
    const third = await active();
    await page.keyboard.press('k');
    const second = await active();
    assert.notEqual(first, second);
    assert.notEqual(second, third);
    assert.equal(await list.locator('[aria-selected="true"]').count(), 1);
    await page.keyboard.press('Enter');
    await page.waitForFunction((path) => location.hash === `#${path.split('/').map(encodeURIComponent).join('/')}`, second);
    await page.getByTestId('article').waitFor();
  });
});

test('Enter in the search box opens the best hit, once it is known, and j/k go on from it', async () => {
  await withPage(harness, VIEWER, async (page) => {
    await openBlog(page);
    await page.getByTestId('welcome').click();
    await page.keyboard.press('/');
    // Enter at once, before the hits can have come: the best one opens when they come.
    await page.keyboard.type('about');
    await page.keyboard.press('Enter');
    await page.getByTestId('library-count').filter({ hasText: /match/ }).waitFor();
    const best = await page.getByTestId('library-item').first().getAttribute('data-path');
    assert.ok(best, 'the search has hits');
    await waitForArticle(page, best);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'listbox');
    await page.keyboard.press('j');
    const next = await page.getByTestId('library-item').nth(1).getAttribute('data-path');
    assert.ok(next && next !== best);
    await page.keyboard.press('Enter');
    await waitForArticle(page, next);
    // A query with no hits: Enter opens nothing, and the article stays.
    await page.keyboard.press('/');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('zzzqqqxxx');
    await page.keyboard.press('Enter');
    await page.getByTestId('library-count').filter({ hasText: 'No matches' }).waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => location.hash), permalink(next));
  });
});

test('a .zip opens off the main thread; a zip bomb is refused with a clear message', async () => {
  const zip = zipSync({
    'site/posts/a.md': strToU8('---\ntitle: Zipped post\n---\n\n![x](img/x.png)\n'),
    'site/posts/img/x.png': png(12, 12),
    '../../escape.md': strToU8('# Escaped name\n'),
    'site/style.css': strToU8('body{}'),
  });
  await withPage(harness, VIEWER, async (page) => {
    await page.getByTestId('file-input').setInputFiles([{ name: 'site.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) }]);
    await waitForLibrary(page, 2);
    assert.deepEqual((await page.getByTestId('library-item').evaluateAll((items) => items.map((i) => /** @type {HTMLElement} */ (i).dataset.path))).sort(),
      ['escape.md', 'site/posts/a.md']);
    await openByTitle(page, 'Zipped post');
    await page.waitForFunction(() => /** @type {HTMLImageElement | null} */ (document.querySelector('[data-testid="article"] img'))?.complete);
    assert.equal(await page.getByTestId('article').locator('img').evaluate((img) => /** @type {HTMLImageElement} */ (img).naturalWidth), 12);

    const bomb = zipSync({ 'bomb.txt': new Uint8Array(64 * 1024 * 1024) }, { level: 9 });
    await page.getByTestId('file-input').setInputFiles([{ name: 'bomb.zip', mimeType: 'application/zip', buffer: Buffer.from(bomb) }]);
    const error = page.getByTestId('library-error');
    await error.filter({ hasText: 'zip bomb' }).waitFor();
    assert.match(await error.innerText(), /Could not open bomb\.zip: “bomb\.txt” would unpack to [\d,]+ times its packed size/);
    assert.equal(await page.getByTestId('library-item').count(), 2, 'the library is unchanged');
  });
});

/**
 * A zip whose entries' names are stored as `names` give them (UTF-8 or a code page's bytes)
 * without the UTF-8 flag, as Info-ZIP on Linux and Windows' own zip write them: fflate
 * writes ASCII stand-ins of the same lengths, whose bytes are then replaced.
 * @param {[Uint8Array, string][]} entries  each entry's stored name and its text
 */
function zipUnflagged(entries) {
  const stands = entries.map(([name], i) => String.fromCharCode(65 + i).repeat(name.length));
  const zip = zipSync(Object.fromEntries(entries.map(([, text], i) => [stands[i], strToU8(text)])));
  entries.forEach(([name], i) => {
    const stand = strToU8(stands[i]);
    for (let at = 0; at + stand.length <= zip.length; at++) {
      if (stand.every((b, k) => zip[at + k] === b)) zip.set(name, at);
    }
  });
  return zip;
}

test('a zip without the UTF-8 flag keeps its Chinese names (UTF-8 or GBK) and is saved under its own name; the welcome card offers the newest', async () => {
  const zip = zipUnflagged([
    [strToU8('笔记/京都.md'), '---\ndate: 2023-09-12\n---\n# 京都\n\n伏见稻荷。\n'],
    // 寺庙.md in GBK, as a Chinese Windows writes it.
    [Uint8Array.from([0xcb, 0xc2, 0xc3, 0xed, 0x2e, 0x6d, 0x64]), '---\ndate: 2023-09-13\n---\n# Temples\n\nBack to [[京都]].\n'],
  ]);
  await withPage(harness, `${VIEWER}&lang=en`, async (page) => {
    await page.getByTestId('file-input').setInputFiles([{ name: 'vault.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) }]);
    await waitForLibrary(page, 2);
    assert.deepEqual((await page.getByTestId('library-item').evaluateAll((items) => items.map((i) => /** @type {HTMLElement} */ (i).dataset.path))).sort(),
      ['寺庙.md', '笔记/京都.md']);
    // Nothing was shown before: the welcome card says the files are here, and offers the newest.
    const welcome = page.getByTestId('welcome');
    assert.equal(await welcome.locator('h1').innerText(), 'Choose an article');
    assert.equal(await page.getByTestId('welcome-library').innerText(), '2 articles are open in the library. Choose one from the list, or start with the newest.');
    assert.equal(await page.getByTestId('welcome-open-files').isVisible(), false, 'the pickers make way');
    assert.equal(await page.getByTestId('welcome-show-library').isVisible(), false, 'the library is in view on a wide screen');
    await page.getByTestId('welcome-newest').click();
    await waitForArticle(page, '寺庙.md');
    // The wiki-link by the other note's name finds it.
    await page.getByTestId('article-body').getByRole('link', { name: '京都' }).click();
    await waitForArticle(page, '笔记/京都.md');
    // Saved as one file, the library is named after the zip (its entries have no one top folder).
    await page.getByTestId('save-menu').locator('summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-library').click()]);
    assert.equal(download.suggestedFilename(), 'vault.html');
  });
});

test('the Chinese UI', async () => {
  await withPage(harness, `${VIEWER}&lang=zh`, async (page) => {
    await openBlog(page);
    assert.equal(await page.getByTestId('library-count').innerText(), `${BLOG_ARTICLES} 篇文章`);
    assert.equal(await page.getByRole('tree').getByRole('treeitem').first().locator('.lib-folder-name').innerText(), '全部文章');
    assert.equal(await page.getByTestId('search').getAttribute('placeholder'), '搜索');
    // The short heading 文库 shares a line with the keep switch: the two stand level (the
    // row once aligned the heading's baseline with the checkbox's bottom, 5 px lower).
    const [heading, keep] = await Promise.all(['#files-heading', '.lib-keep label span'].map((selector) =>
      page.locator(selector).evaluate((node) => { const box = node.getBoundingClientRect(); return { top: box.top, middle: box.top + box.height / 2 }; })));
    assert.ok(Math.abs(heading.top - keep.top) < 20, `one line: ${JSON.stringify({ heading, keep })}`);
    assert.ok(Math.abs(heading.middle - keep.middle) <= 1, `level: ${JSON.stringify({ heading, keep })}`);
  });
});

test('files and a zip dropped on the page open together; filters and sorting narrow the list', async () => {
  const zip = zipSync({ 'a/zipped.md': strToU8('---\ntitle: From the zip\ncategories: [Zipped]\ndate: 2018-02-02\n---\n\nText.\n') });
  await withPage(harness, VIEWER, async (page) => {
    await page.getByTestId('folder-input').waitFor({ state: 'attached' });
    await dropFiles(page, [
      { name: 'car.md', bytes: CAR, type: 'text/markdown' },
      { name: 'lambda.md', bytes: corpus('hexo/52x-java-lambda-expressions.md') },
      { name: 'bundle.zip', bytes: zip, type: 'application/zip' },
    ]);
    await waitForLibrary(page, 3);
    assert.ok(await page.locator('[data-path="bundle/a/zipped.md"]').count(), 'a zip dropped with other files opens in a folder named after it');

    // Category filter (behind the Filter button), with counts; the count line says how many of how many.
    await page.getByTestId('filters').click();
    const category = page.getByTestId('filter-category');
    await category.focus();
    const options = await category.locator('option').allInnerTexts();
    assert.ok(options.includes('Zipped (1)'), options.join(' | '));
    await category.selectOption('Zipped');
    await page.getByTestId('library-count').filter({ hasText: '1 of 3 articles' }).waitFor();
    assert.deepEqual(await page.getByTestId('library-item').locator('.lib-item-title').allInnerTexts(), ['From the zip']);
    await category.selectOption('');
    await page.getByTestId('library-count').filter({ hasText: /^3 articles$/ }).waitFor();

    // Newest first by default; by title on request.
    const order = () => page.getByTestId('library-item').evaluateAll((rows) => rows
      .sort((a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')))
      .map((r) => r.querySelector('.lib-item-title')?.textContent));
    assert.deepEqual(await order(), ['From the zip', 'Car driving notes', 'Java Lambda 表达式（又名闭包(Closure)/匿名函数) 笔记']);
    await page.getByTestId('sort').selectOption('title');
    await page.waitForFunction(() => document.querySelector('[aria-posinset="1"] .lib-item-title')?.textContent === 'Car driving notes');
    assert.deepEqual(await order(), ['Car driving notes', 'From the zip', 'Java Lambda 表达式（又名闭包(Closure)/匿名函数) 笔记']);
  });
});
