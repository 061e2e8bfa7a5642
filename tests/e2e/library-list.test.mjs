// The article list draws its window from the scroll position and height it keeps (it reads
// neither from the layout while redrawing): scrolled to its end it shows the last rows, and
// made shorter by a folder while scrolled there it shows that folder's rows at once.
// Run: node --test tests/e2e/library-list.test.mjs   (after scripts/build-wasm.sh)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useBrowser, withPage } from './harness.mjs';
import { VIEWER, listSettled, makeFolder, waitForLibrary } from './library-helpers.mjs';

const harness = useBrowser();

/** Rows of the list inside its box's visible part. */
function rowsInView(/** @type {import('playwright-core').Page} */ page) {
  return page.getByTestId('file-list').evaluate((box) => {
    const view = box.getBoundingClientRect();
    return [...box.querySelectorAll('[data-testid="library-item"]')].filter((row) => {
      const r = row.getBoundingClientRect();
      return r.bottom > view.top && r.top < view.bottom;
    }).map((row) => /** @type {HTMLElement} */ (row).dataset.path);
  });
}

test('a list scrolled to its end and then narrowed to a small folder shows that folder\'s rows', async () => {
  /** @type {Record<string, string>} */
  const files = {};
  for (let i = 0; i < 80; i++) files[`big/post-${String(i).padStart(2, '0')}.md`] = `# Big ${i}\n\nText ${i}.\n`;
  for (let i = 0; i < 3; i++) files[`small/note-${i}.md`] = `# Small ${i}\n\nText.\n`;
  await withPage(harness, VIEWER, async (page) => {
    await page.getByTestId('folder-input').setInputFiles(makeFolder('lists', files));
    await waitForLibrary(page, 83);
    await listSettled(page);
    const box = page.getByTestId('file-list');
    await box.evaluate((list) => { list.scrollTop = list.scrollHeight; });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="library-item"]')].some((row) => /post-79/.test(/** @type {HTMLElement} */ (row).dataset.path ?? '')));
    assert.ok((await rowsInView(page)).some((path) => path?.endsWith('post-79.md')), 'the last row is drawn at the end');
    // Chosen in one task: its rows are there at once, before the box's own scroll event
    // (which comes a frame later, when it has clamped its scroll to the shorter list).
    const drawnAtOnce = await page.evaluate(() => {
      const folder = [...document.querySelectorAll('[data-testid="folder-item"]')].find((item) => item.textContent?.includes('small'));
      /** @type {HTMLElement} */ (folder?.querySelector('.lib-folder-name') ?? document.body).click();
      return document.querySelectorAll('[data-testid="library-item"]').length;
    });
    assert.equal(drawnAtOnce, 3, 'the folder\'s rows are drawn with the click');
    await page.getByTestId('library-count').filter({ hasText: '3 of 83' }).waitFor();
    // The sort menu and the filter button wrap as one under a long count (the button was left alone on a line).
    for (const count of ['3 of 83 articles', '2,001 articles', '83 articles']) {
      await page.getByTestId('library-count').evaluate((node, text) => { node.textContent = text; }, count);
      const [sort, filter] = await Promise.all([page.getByTestId('sort').boundingBox(), page.getByTestId('filters').boundingBox()]);
      assert.ok(sort && filter && Math.abs((sort.y + sort.height / 2) - (filter.y + filter.height / 2)) < 4, `with "${count}", sort at ${sort?.y}, filter at ${filter?.y}`);
    }
    const shown = await rowsInView(page);
    assert.deepEqual(shown.map((path) => path?.replace(/^.*\//, '')).sort(), ['note-0.md', 'note-1.md', 'note-2.md'], `rows in view: ${shown}`);
  }, { viewport: { width: 1280, height: 800 } });
});

test('a search shows its best hits from the top, though the list was scrolled', async () => {
  /** @type {Record<string, string>} */
  const files = {};
  // Dated, so the list's order is known: post-00 is the newest, post-59 the oldest.
  for (let i = 0; i < 60; i++) files[`posts/post-${String(i).padStart(2, '0')}.md`] = `---\ntitle: Post ${i}\ndate: 2020-01-01 10:${String(59 - i).padStart(2, '0')}:00\n---\n\n${i % 2 ? 'plain words' : 'harbour lights'} ${i}.\n`;
  files['posts/post-59.md'] = '---\ntitle: Harbour lights\ndate: 2019-01-01\n---\n\nThe harbour, its lights.\n';
  await withPage(harness, VIEWER, async (page) => {
    await page.getByTestId('folder-input').setInputFiles(makeFolder('hits', files));
    await waitForLibrary(page, 60);
    await listSettled(page);
    const box = page.getByTestId('file-list');
    await box.evaluate((list) => { list.scrollTop = list.scrollHeight; });
    await page.locator('[data-testid="library-item"][data-path$="post-59.md"]').waitFor();
    assert.ok(await box.evaluate((list) => list.scrollTop) > 0, 'scrolled down');
    await page.getByTestId('search').fill('harbour');
    await page.getByTestId('library-count').filter({ hasText: /match/ }).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="file-list"]')?.scrollTop === 0);
    const inView = await rowsInView(page);
    assert.ok(inView.some((path) => path?.endsWith('post-59.md')), `the best hit (its title holds the word) is in view: ${inView}`);
    assert.equal(await page.getByTestId('library-item').first().getAttribute('data-path'), 'hits/posts/post-59.md', 'and first');
  }, { viewport: { width: 1280, height: 800 } });
});

test('search results get the room: the folders shrink to a few rows while hits are listed, and come back', async () => {
  /** @type {Record<string, string>} */
  const files = {};
  for (let i = 0; i < 24; i++) {
    for (const n of [1, 2]) files[`topic-${String(i).padStart(2, '0')}/post-${n}.md`] = `# Topic ${i} post ${n}\n\n${n === 1 ? 'harbour lights' : 'plain words'} ${i}.\n`;
  }
  await withPage(harness, VIEWER, async (page) => {
    await page.getByTestId('folder-input').setInputFiles(makeFolder('topics', files));
    await waitForLibrary(page, 48);
    await listSettled(page);
    const heights = () => page.evaluate(() => ({
      folders: /** @type {HTMLElement} */ (document.querySelector('.lib-folders')).clientHeight,
      list: /** @type {HTMLElement} */ (document.querySelector('[data-testid="file-list"]')).clientHeight,
    }));
    const before = await heights();
    assert.ok(before.folders > 0.2 * 800, `the folders take ${before.folders}px of the sidebar`);
    /** Each folder's count as the tree shows it, and whether it reads as holding no hits. */
    const badges = () => page.getByTestId('folder-item').evaluateAll((items) => Object.fromEntries(items.map((item) => [
      /** @type {HTMLElement} */ (item).dataset.path || '(all)',
      `${item.querySelector('.lib-badge')?.textContent}${item.hasAttribute('data-no-hits') ? ' none' : ''}`,
    ])));
    await page.getByTestId('search').fill('harbour');
    await page.getByTestId('library-count').filter({ hasText: '24 matches' }).waitFor();
    // While hits are listed, each folder counts them, not its articles.
    await page.waitForFunction(() => document.querySelector('[data-testid="folder-item"] .lib-badge')?.textContent === '24');
    const hitBadges = await badges();
    assert.equal(hitBadges['(all)'], '24');
    assert.equal(hitBadges['topics/topic-03'] ?? hitBadges['topic-03'], '1', JSON.stringify(hitBadges));
    const searching = await heights();
    assert.ok(searching.folders <= 0.12 * 800 + 1, `the folders shrink while hits are listed: ${searching.folders}px`);
    assert.ok(searching.list >= before.list + (before.folders - searching.folders) - 2, `the hits get that room: ${before.list} → ${searching.list}px`);
    // A shade at the tree's bottom edge says more folders lie below (a cut between two rows
    // looked like the tree's end); scrolled to its end, the edge is plain. The strip is left
    // of every row's text.
    const folders = page.locator('.lib-folders');
    const bottomEdge = async () => {
      const box = /** @type {{ x: number, y: number, width: number, height: number }} */ (await folders.boundingBox());
      return page.screenshot({ clip: { x: box.x + 1, y: box.y + box.height - 5, width: 6, height: 4 } });
    };
    const moreBelow = await bottomEdge();
    await folders.evaluate((tree) => new Promise((done) => { tree.scrollTop = tree.scrollHeight; requestAnimationFrame(() => requestAnimationFrame(done)); }));
    const atEnd = await bottomEdge();
    assert.notDeepEqual(moreBelow, atEnd, 'the bottom edge is shaded while folders lie below it, and plain at the end');
    await folders.evaluate((tree) => { tree.scrollTop = 0; });
    // Still there to narrow the hits down to a folder.
    await page.getByTestId('folder-item').filter({ hasText: 'topic-03' }).click();
    await page.getByTestId('library-count').filter({ hasText: '1 match' }).waitFor();
    // A search that finds nothing says so in the list, naming the words and what narrowed it.
    const empty = page.getByTestId('no-files');
    assert.ok(await empty.isHidden(), 'no empty-list words while a hit is listed');
    await page.getByTestId('search').fill('lights');
    await page.getByTestId('library-count').filter({ hasText: '1 match' }).waitFor();
    await page.getByTestId('search').fill('zebra');
    await page.getByTestId('library-count').filter({ hasText: 'No matches' }).waitFor();
    assert.equal(await empty.innerText(), 'Nothing matches “zebra” in this folder or with these filters.');
    await page.getByTestId('folder-item').filter({ hasText: 'All articles' }).click();
    await empty.filter({ hasText: 'Nothing matches “zebra”. Check the spelling' }).waitFor();
    await page.getByTestId('search').fill('zebra');
    await page.getByTestId('library-count').filter({ hasText: 'No matches' }).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="folder-item"] .lib-badge')?.textContent === '0');
    assert.ok(Object.values(await badges()).every((badge) => badge === '0 none'), 'no folder holds a hit');
    await page.getByTestId('search').fill('');
    await empty.waitFor({ state: 'hidden' });
    // The search cleared, the folders count their articles again.
    await page.waitForFunction(() => document.querySelector('[data-testid="folder-item"] .lib-badge')?.textContent === '48');
    const articleBadges = await badges();
    assert.equal(articleBadges['topics/topic-03'] ?? articleBadges['topic-03'], '2', JSON.stringify(articleBadges));
    await page.waitForFunction((was) => /** @type {HTMLElement} */ (document.querySelector('.lib-folders')).clientHeight === was, before.folders);
  }, { viewport: { width: 1280, height: 800 } });
});

test('search hits follow the filters and the sort menu, and a new query starts the keyboard at its best hit', async () => {
  // Every post says "harbour"; the best hit has it in its title. Two categories, known dates.
  const post = (/** @type {string} */ title, /** @type {string} */ category, /** @type {string} */ date) =>
    `---\ntitle: ${title}\ncategories: [${category}]\ndate: ${date}\n---\n\nA walk by the harbour.\n`;
  const files = {
    'p/best.md': post('Harbour lights', 'Sea', '2019-05-01'),
    'p/alpha.md': post('Alpha walk', 'Land', '2021-01-01'),
    'p/beta.md': post('Beta walk', 'Sea', '2022-01-01'),
    'p/gamma.md': post('Gamma walk', 'Land', '2020-01-01'),
    'p/other.md': '---\ntitle: Nothing here\ndate: 2023-01-01\n---\n\nNo such word.\n',
  };
  await withPage(harness, VIEWER, async (page) => {
    await page.getByTestId('folder-input').setInputFiles(makeFolder('sorted', files));
    await waitForLibrary(page, 5);
    await listSettled(page);
    const order = () => page.getByTestId('library-item').evaluateAll((rows) => rows
      .sort((a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')))
      .map((r) => r.querySelector('.lib-item-title')?.textContent));
    const sort = page.getByTestId('sort');
    // Reading an article that the search will also find, not first.
    await page.locator('[data-testid="library-item"][data-path$="gamma.md"]').click();
    await page.waitForFunction(() => location.hash.endsWith('gamma.md'));
    assert.equal(await sort.locator('option[value="relevance"]').isHidden(), true, 'no "Best match" without a query');

    await page.keyboard.press('/');
    await page.keyboard.type('harbour');
    await page.getByTestId('library-count').filter({ hasText: '4 matches' }).waitFor();
    assert.equal(await sort.inputValue(), 'relevance', 'the sort menu says how hits are ordered');
    assert.equal(await sort.locator('option:checked').innerText(), 'Best match');
    assert.equal((await order())[0], 'Harbour lights');
    // Down from the box, then Enter: the best hit opens, not the article being read.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.endsWith('best.md'));

    await sort.selectOption('title');
    await page.waitForFunction(() => document.querySelector('[aria-posinset="1"] .lib-item-title')?.textContent === 'Alpha walk');
    assert.deepEqual(await order(), ['Alpha walk', 'Beta walk', 'Gamma walk', 'Harbour lights']);
    await sort.selectOption('date');
    await page.waitForFunction(() => document.querySelector('[aria-posinset="1"] .lib-item-title')?.textContent === 'Beta walk');
    assert.deepEqual(await order(), ['Beta walk', 'Alpha walk', 'Gamma walk', 'Harbour lights']);

    // A filter chooses among the hits.
    await page.getByTestId('filters').click();
    await page.getByTestId('filter-category').focus();
    await page.getByTestId('filter-category').selectOption('Land');
    await page.getByTestId('library-count').filter({ hasText: '2 matches' }).waitFor();
    assert.deepEqual(await order(), ['Alpha walk', 'Gamma walk']);
    await page.getByTestId('filter-category').selectOption('');

    // A new query is ordered best first again.
    await page.getByTestId('search').fill('beta');
    await page.getByTestId('library-count').filter({ hasText: '1 match' }).waitFor();
    assert.equal(await sort.inputValue(), 'relevance');

    // When the search brings only the best of its matches, the count says so (here the
    // library is asked for two at most, as it asks for SEARCH_LIMIT of thousands).
    await page.evaluate(() => {
      const lib = /** @type {any} */ (window).folioLibrary;
      const search = lib.search.bind(lib);
      lib.search = (/** @type {string} */ query) => search(query, 2, 1);
    });
    await page.getByTestId('search').fill('harbour');
    await page.getByTestId('library-count').filter({ hasText: 'Best 2 of 4 matches' }).waitFor();
    // The one that came without a snippet gets it once its row is shown.
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="library-item"] .lib-item-snippet')]
      .filter((s) => s.querySelector('mark')?.textContent?.toLowerCase() === 'harbour').length === 2);
    await page.getByTestId('filter-category').selectOption('Land');
    await page.getByTestId('library-count').filter({ hasText: /match(es)? among the best 2$/ }).waitFor();

    // Cleared: the list's own order and menu again.
    await page.getByTestId('filter-category').selectOption('');
    await page.getByTestId('search').press('Escape');
    await page.getByTestId('library-count').filter({ hasText: /^5 articles$/ }).waitFor();
    assert.equal(await sort.inputValue(), 'date');
    assert.equal(await sort.locator('option[value="relevance"]').isHidden(), true);
  }, { viewport: { width: 1280, height: 800 } });
});

test('the article being read stays in sight in the list while newer articles are read in above it, until the reader scrolls', async () => {
  await withPage(harness, VIEWER, async (page) => {
    await page.getByTestId('folder-input').setInputFiles(makeFolder('older', { 'old.md': '---\ntitle: The old one\ndate: 2001-01-01\n---\n\nOld.\n' }));
    await waitForLibrary(page, 1);
    await page.locator('[data-testid="library-item"][data-path$="old.md"]').click();
    await page.waitForFunction(() => location.hash.endsWith('old.md'));
    /** @type {Record<string, string>} */
    const files = {};
    for (let i = 0; i < 40; i++) files[`n-${String(i).padStart(2, '0')}.md`] = `---\ntitle: Newer ${i}\ndate: 2020-01-${String(1 + (i % 28)).padStart(2, '0')}\n---\n\nNew.\n`;
    await page.getByTestId('folder-input').setInputFiles(makeFolder('newer', files));
    await waitForLibrary(page, 41);
    await listSettled(page);
    const current = page.locator('[data-testid="library-item"][aria-current="true"]');
    await current.waitFor();
    assert.equal(await current.getAttribute('aria-posinset'), '41', 'the oldest is last');
    assert.ok((await rowsInView(page)).some((path) => path?.endsWith('old.md')), 'and its row is in sight');

    // Scrolled by the reader: the list stays where they put it.
    const box = page.getByTestId('file-list');
    await box.hover();
    await page.mouse.wheel(0, -5000);
    await page.waitForFunction(() => document.querySelector('[data-testid="file-list"]')?.scrollTop === 0);
    await page.getByTestId('folder-input').setInputFiles(makeFolder('newest', { 'z.md': '---\ntitle: Newest\ndate: 2024-01-01\n---\n\nNewest.\n' }));
    await waitForLibrary(page, 42);
    await listSettled(page);
    assert.equal(await box.evaluate((list) => list.scrollTop), 0);
  }, { viewport: { width: 1280, height: 800 } });
});

test('a row pressed while the list reorders opens the article pressed, not nothing', async () => {
  // As an archive is read the list sorts itself again as dates come in: a row can move away
  // between the press and the release, and another take its place under the pointer.
  const post = (/** @type {string} */ title, /** @type {string} */ date) => `---\ntitle: ${title}\ndate: ${date}\n---\n\nText.\n`;
  const files = { 'r/zeta.md': post('Zeta', '2023-01-01'), 'r/mid.md': post('Mid', '2021-01-01'), 'r/alpha.md': post('Alpha', '2020-01-01') };
  await withPage(harness, VIEWER, async (page) => {
    await page.getByTestId('folder-input').setInputFiles(makeFolder('moving', files));
    await waitForLibrary(page, 3);
    await listSettled(page);
    const first = page.locator('[data-testid="library-item"][aria-posinset="1"]');
    assert.equal(await first.getAttribute('data-path'), 'moving/r/zeta.md', 'newest first');
    const box = /** @type {{ x: number, y: number, width: number, height: number }} */ (await first.boundingBox());
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    // The list reorders under the pressed pointer (here by title: Alpha comes first).
    await page.getByTestId('sort').evaluate((menu) => {
      /** @type {HTMLSelectElement} */ (menu).value = 'title';
      menu.dispatchEvent(new Event('change'));
    });
    await page.waitForFunction(() => document.querySelector('[data-testid="library-item"][aria-posinset="1"]')?.getAttribute('data-path') === 'moving/r/alpha.md');
    await page.mouse.up();
    await page.getByTestId('article-title').filter({ hasText: 'Zeta' }).waitFor();
    await page.waitForFunction(() => location.hash.endsWith('zeta.md'));
  });
});
