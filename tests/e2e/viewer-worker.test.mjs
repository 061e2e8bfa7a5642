// The viewer renders big files (≥ WORKER_MIN_BYTES, 512 KiB) in www/folio-worker.js:
// the page stays usable meanwhile, a trap there fails that file only, and without a
// worker the main thread renders as before.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dropFiles, fakeCore, longArticle, readableText, shownTitle, TINY_POST, TRAPPING_CORE, useBrowser, withPage } from './harness.mjs';
import { itemFor, listSettled } from './library-helpers.mjs';

const harness = useBrowser();

/** What the viewer says for a trap, on the main thread as in the worker (i18n.js, en). */
const TRAP_MESSAGE = 'The renderer crashed on this file, so it could not be shown. Other files still work.';

/**
 * A Markdown article of about `size` bytes (well over the worker's threshold), `marker`
 * near the top (e.g. FOLIO-TRAP), ending in a paragraph that names it.
 * @param {string} title
 * @param {number} size
 * @param {string} [marker]
 * @returns {Buffer}
 */
function bigArticle(title, size, marker = '') {
  return longArticle(size, { title, opening: `${marker}\n\n`, ending: `The last paragraph of ${title}.\n` }).bytes;
}

/** Sizes over the threshold; showing such an article takes the page a second or two. */
const BIG = 2 << 20;
const BIGGISH = 1 << 20;

/** Shows `name` from the file list and waits for its title and last paragraph. */
async function openBig(/** @type {import('playwright-core').Page} */ page, /** @type {string} */ name, /** @type {string} */ title) {
  await itemFor(page, name).click();
  await shownTitle(page).filter({ hasText: title }).waitFor({ timeout: 60_000 });
  // All of it built, then scrolled to, as a reader would (a huge body lays out only what is near the screen).
  await page.locator('[data-testid="article-body"]:not([aria-busy])').waitFor({ timeout: 60_000 });
  // Scrolled to until it stays put: the blocks above it take their real height as they come near.
  await page.waitForFunction((text) => {
    const last = [...document.querySelectorAll('.article-body p')].at(-1);
    if (last?.innerText === text) return true;
    last?.scrollIntoView({ block: 'end', behavior: 'instant' });
    return false;
  }, `The last paragraph of ${title}.`, { timeout: 60_000, polling: 100 });
}

/**
 * The page's render workers (folio-worker.js; not the library's parse and search
 * workers) as they start, and those that have ended (`endings[i]` settles when the i-th
 * one does).
 * @param {import('playwright-core').Page} page
 */
function watchWorkers(page) {
  /** @type {import('playwright-core').Worker[]} */
  const started = [];
  /** @type {import('playwright-core').Worker[]} */
  const ended = [];
  /** @type {Promise<void>[]} */
  const endings = [];
  page.on('worker', (worker) => {
    if (!/\/folio-worker\.js$/.test(worker.url())) return;
    started.push(worker);
    endings.push(new Promise((resolve) => worker.once('close', () => { ended.push(worker); resolve(); })));
  });
  return { started, ended, endings };
}

/** Waits until no file is pending. */
async function allSettled(/** @type {import('playwright-core').Page} */ page) {
  await listSettled(page, 60_000);
}

/**
 * A stand-in for pkg/folio.js around the real one: counts renders in `__folioRenders`
 * of the thread that renders, and holds a file named gated-… at a synchronous request
 * to /e2e-gate/ that the test answers when it chooses. A render held on the main
 * thread would block the page (and the test) until then; in the worker it blocks
 * only the worker.
 */
const GATED_CORE = `
import start, { render as realRender } from './folio.js?real';
export default start;
export function render(input, options) {
  globalThis.__folioRenders = (globalThis.__folioRenders ?? 0) + 1;
  if (String(options?.fileName).startsWith('gated-')) {
    const gate = new XMLHttpRequest();
    gate.open('GET', '/e2e-gate/' + encodeURIComponent(options.fileName), false);
    gate.send();
  }
  return realRender(input, options);
}
`;

/** `content-visibility` of the article body's first block. @param {import('playwright-core').Page} page */
function layoutOfFirstBlock(page) {
  return page.locator('.article-body > :first-child').evaluate((node) => getComputedStyle(node).contentVisibility);
}

test('a big file renders in the worker while the page stays usable', async () => {
  /** @type {() => void} */
  let gateReached = () => {};
  const reached = new Promise((resolve) => { gateReached = () => resolve(undefined); });
  /** @type {() => void} */
  let openGate = () => {};
  const opened = new Promise((resolve) => { openGate = () => resolve(undefined); });
  const setup = async (/** @type {import('playwright-core').Page} */ page) => {
    await fakeCore(page, GATED_CORE);
    await page.route('**/e2e-gate/**', async (route) => {
      gateReached();
      await opened;
      await route.fulfill({ status: 200, contentType: 'text/plain', body: 'open' });
    });
  };
  await withPage(harness, '?src=', async (page) => {
    const { started: workers } = watchWorkers(page);
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [
      { name: 'gated-big.md', bytes: bigArticle('A big article', BIG) },
      { name: 'small.md', bytes: Buffer.from(TINY_POST) },
    ]);
    const big = itemFor(page, 'gated-big.md');

    // The big file's render is now held inside the core. The page still answers:
    await reached;
    const loading = page.getByTestId('loading');
    assert.match(await loading.innerText(), /^Rendering a large file \(2\.0 MB\) in the background…$/, 'its loading note is shown');
    assert.equal(await big.getAttribute('data-status'), 'pending');
    // the other file opens and reads, by mouse and by keyboard,
    await itemFor(page, 'small.md').click();
    await shownTitle(page).filter({ hasText: 'A tiny fixture post' }).waitFor();
    assert.match(await readableText(page.getByTestId('article-body')), /Just enough text to be an article/);
    // Every body lays out only its blocks near the screen (reading.css); a short one is not cut into slices.
    assert.equal(await layoutOfFirstBlock(page), 'auto');
    assert.equal(await page.locator('.article-body > .slice').count(), 0, 'a short body came in slices');
    await big.click();
    await loading.waitFor();
    // (newest first: the dated small post above the big one)
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await shownTitle(page).filter({ hasText: 'A tiny fixture post' }).waitFor();
    // and frames are still painted.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    assert.equal(await big.getAttribute('data-status'), 'pending', 'all this happened before the big file was done');

    openGate();
    await allSettled(page);
    await openBig(page, 'gated-big.md', 'A big article');
    assert.equal(await big.getAttribute('data-status'), 'ready');
    assert.equal(await layoutOfFirstBlock(page), 'auto', 'a body over a million characters lays out only what is near the screen');
    assert.equal(workers.length, 1, 'one worker was started');
    assert.match(workers[0].url(), /\/folio-worker\.js$/);
    assert.equal(await workers[0].evaluate(() => /** @type {any} */ (globalThis).__folioRenders), 1, 'the big file rendered in the worker, once');
    assert.equal(await page.evaluate(() => /** @type {any} */ (globalThis).__folioRenders), 1, 'the small file rendered on the main thread, once');

    // The next big file goes to the same worker.
    await dropFiles(page, [{ name: 'second-big.md', bytes: bigArticle('Another big article', BIGGISH) }]);
    await allSettled(page);
    await openBig(page, 'second-big.md', 'Another big article');
    assert.equal(workers.length, 1, 'the worker is reused');
    assert.equal(await workers[0].evaluate(() => /** @type {any} */ (globalThis).__folioRenders), 2);
    assert.equal(await page.evaluate(() => /** @type {any} */ (globalThis).__folioRenders), 1);
  }, { setup });
});

test('an idle worker is ended (its memory returns) and a new one takes the next big file', async () => {
  await withPage(harness, '?src=', async (page) => {
    const { started: workers, endings } = watchWorkers(page);
    await page.getByTestId('welcome').waitFor();
    await page.evaluate(async () => (await import('./render/worker-client.js')).setWorkerIdleTime(500));
    await dropFiles(page, [{ name: 'first-big.md', bytes: bigArticle('A first big article', BIGGISH) }]);
    await allSettled(page);
    await openBig(page, 'first-big.md', 'A first big article');
    assert.equal(workers.length, 1, 'the big file went to a worker');
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('the idle worker was not ended')), 15_000));
    await Promise.race([endings[0], timeout]);

    await dropFiles(page, [{ name: 'second-big.md', bytes: bigArticle('A second big article', BIGGISH) }]);
    await allSettled(page);
    await openBig(page, 'second-big.md', 'A second big article');
    assert.equal(workers.length, 2, 'a new worker was made for the next big file');
    // The first article, rendered by the worker that is gone, still reads.
    await openBig(page, 'first-big.md', 'A first big article');
  });
});

test('after a file of 4 MiB or more the worker is ended at once, not after its idle time', async () => {
  await withPage(harness, '?src=', async (page) => {
    const { started: workers, endings } = watchWorkers(page);
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [{ name: 'huge.md', bytes: bigArticle('A huge article', 5 << 20) }]);
    await shownTitle(page).filter({ hasText: 'A huge article' }).waitFor({ timeout: 60_000 });
    assert.equal(workers.length, 1, 'the file went to a worker');
    // Its idle time is 30 s: ended within a few, it was ended for the file's size.
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('the worker was not ended after a huge file')), 5_000));
    await Promise.race([endings[0], timeout]);
    // The article, rendered by the worker that is gone, still reads (its end is scrolled to
    // in the tests above: here, at 5 MiB, that alone took 25 s).
    await page.locator('.article-body h2', { hasText: 'Section 1' }).first().waitFor();
    await page.locator('[data-testid="article-body"]:not([aria-busy])').waitFor({ timeout: 60_000 });
  });
});

test('a trap in the worker fails that file only; the same worker, with a fresh core, renders the rest', async () => {
  await withPage(harness, '?src=', async (page) => {
    const { started: workers, ended: closed } = watchWorkers(page);
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [{ name: 'small.md', bytes: Buffer.from(TINY_POST) }]);
    await shownTitle(page).filter({ hasText: 'A tiny fixture post' }).waitFor();
    assert.equal(workers.length, 0, 'a small file starts no worker');

    await dropFiles(page, [
      { name: 'crash-big.md', bytes: bigArticle('Never shown', BIGGISH, 'FOLIO-TRAP') },
      { name: 'crash-small.md', bytes: Buffer.from('# FOLIO-TRAP\n') },
      // Opened together with a crashing file on each thread: they wait on the instance it takes down.
      { name: 'fine-small.md', bytes: Buffer.from('# Fine and small\n') },
      { name: 'fine-big.md', bytes: bigArticle('A big article', BIGGISH) },
    ]);
    await allSettled(page);
    const states = await Promise.all(['small.md', 'crash-big.md', 'crash-small.md', 'fine-small.md', 'fine-big.md']
      .map((name) => itemFor(page, name).getAttribute('data-status')));
    assert.deepEqual(states, ['ready', 'failed', 'failed', 'ready', 'ready']);

    // The worker's trap reads exactly like the main thread's.
    await itemFor(page, 'crash-big.md').click();
    const error = page.getByTestId('error');
    await error.filter({ hasText: 'crash-big.md' }).waitFor();
    assert.equal(await page.getByTestId('error-message').innerText(), TRAP_MESSAGE);
    assert.equal(await error.getByTestId('original').count(), 1, 'the text of the file is still viewable');
    await itemFor(page, 'crash-small.md').click();
    await error.filter({ hasText: 'crash-small.md' }).waitFor();
    assert.equal(await page.getByTestId('error-message').innerText(), TRAP_MESSAGE);

    // The files sent with the crashing ones rendered; so do the next ones.
    await itemFor(page, 'fine-small.md').click();
    await shownTitle(page).filter({ hasText: 'Fine and small' }).waitFor();
    await openBig(page, 'fine-big.md', 'A big article');
    await itemFor(page, 'small.md').click();
    await shownTitle(page).filter({ hasText: 'A tiny fixture post' }).waitFor();
    await dropFiles(page, [{ name: 'after.md', bytes: bigArticle('After the crash', BIGGISH) }]);
    await allSettled(page);
    await openBig(page, 'after.md', 'After the crash');
    assert.equal(workers.length, 1, 'the worker outlives a trap: its folio.js replaced the core');
    assert.deepEqual(closed, [], 'the worker was not terminated');
    // Each module was fetched and compiled once: the page (opened with ?src=, Markdown only)
    // the light one, the worker (big files: the full one, the faster) the full one; each
    // thread's fresh instance after its trap was made from its compiled module (new glue only).
    const fetched = (/** @type {string[]} */ names) => names.map((name) => new URL(name).pathname + new URL(name).search).filter((path) => path.startsWith('/pkg/') && !path.endsWith('?real'));
    const resources = () => performance.getEntriesByType('resource').map((entry) => entry.name);
    assert.deepEqual(fetched(await page.evaluate(resources)).sort(), ['/pkg/folio_light.js', '/pkg/folio_light.js?instance=1', '/pkg/folio_light_bg.wasm']);
    assert.deepEqual(fetched(await workers[0].evaluate(resources)).sort(), ['/pkg/folio.js', '/pkg/folio.js?instance=1', '/pkg/folio_bg.wasm']);
  }, { setup: (page) => fakeCore(page, TRAPPING_CORE) });
});

test('when the worker cannot start, big files render on the main thread', async () => {
  let requests = 0;
  const setup = async (/** @type {import('playwright-core').Page} */ page) => {
    await fakeCore(page, GATED_CORE);
    await page.route('**/folio-worker.js', (route) => {
      requests += 1;
      return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
    });
  };
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [{ name: 'one.md', bytes: bigArticle('The first big article', BIGGISH) }]);
    await allSettled(page);
    await openBig(page, 'one.md', 'The first big article');
    await dropFiles(page, [{ name: 'two.md', bytes: bigArticle('The second big article', BIGGISH) }]);
    await allSettled(page);
    await openBig(page, 'two.md', 'The second big article');
    assert.equal(requests, 1, 'a worker that failed to start is not tried again');
    assert.equal(await page.evaluate(() => /** @type {any} */ (globalThis).__folioRenders), 2, 'each file rendered once, on the main thread');
  }, { setup, allowConsole: [/Failed to load resource.*404/] });
});

test('End takes the reader to a huge article\'s end, which stays there as the slices near it are built', async () => {
  const title = 'An article read to its end';
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await dropFiles(page, [{ name: 'to-the-end.md', bytes: bigArticle(title, BIG) }]);
    await shownTitle(page).filter({ hasText: title }).waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="article-body"]:not([aria-busy])').waitFor({ timeout: 60_000 });
    await shownTitle(page).click();
    await page.keyboard.press('End');
    // Pressed once: the last paragraph comes into view and the page stays at its end.
    const lastInView = () => page.evaluate((text) => {
      const last = [...document.querySelectorAll('.article-body p')].at(-1);
      const r = last?.getBoundingClientRect();
      const end = /** @type {Element} */ (document.scrollingElement);
      return { last: last?.textContent === text && Boolean(r && r.top >= 0 && r.bottom <= innerHeight), atEnd: end.scrollTop + end.clientHeight >= end.scrollHeight - 2 };
    }, `The last paragraph of ${title}.`);
    await page.waitForFunction(() => {
      const end = /** @type {Element} */ (document.scrollingElement);
      return end.scrollTop > 0 && document.querySelectorAll('.article-body .slice:last-child p').length > 0;
    }, null, { timeout: 10_000 });
    await page.waitForTimeout(1500);
    assert.deepEqual(await lastInView(), { last: true, atEnd: true });
  });
});
