// <folio-article> in Chromium: attributes, one core for many elements, events, theming,
// hostile host CSS, and render(bytes, { fileName }) for other suites.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PNG_BYTES, SAMPLE, SAMPLE_NAME, SAMPLE_TITLE, TINY_POST, serveFixtures, useBrowser, withPage } from './harness.mjs';

const harness = useBrowser();

/** @typedef {import('playwright-core').Page} Page */

/**
 * A fixture page under /e2e-fixtures/ that loads the element module, with the examples' CSP.
 * @param {string} body
 * @param {string} [head]
 */
function fixturePage(body, head = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types folio">
${head}<script type="module" src="../folio-article.js"></script></head><body>${body}</body></html>`;
}

/**
 * Serves HTML pages and Markdown posts under /e2e-fixtures/.
 * @param {Page} page
 * @param {Record<string, string>} pages  name → HTML
 * @param {Record<string, string>} [posts] name → Markdown
 */
async function serveEmbedFixtures(page, pages, posts = {}) {
  await serveFixtures(page, posts);
  await page.route('**/e2e-fixtures/*.html', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    const html = pages[name];
    return html === undefined ? route.fallback() : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
}

/**
 * The text of a part inside an element's shadow root.
 * @param {Page} page
 * @param {string} testid
 * @param {string} name
 */
function part(page, testid, name) {
  return page.locator(`folio-article[data-testid="${testid}"]`).locator(`[part~="${name}"]`);
}

/**
 * Counts requests whose URL matches, from now on.
 * @param {Page} page
 * @param {RegExp} pattern
 * @returns {{ urls: string[] }}
 */
function recordRequests(page, pattern) {
  const seen = { urls: /** @type {string[]} */ ([]) };
  page.on('request', (request) => { if (pattern.test(request.url())) seen.urls.push(request.url()); });
  return seen;
}

test('several elements share the core and fetch each .wasm once', async () => {
  /** @type {{ urls: string[] }} */
  let wasm = { urls: [] };
  const setup = async (/** @type {Page} */ page) => { wasm = recordRequests(page, /folio(_light)?_bg\.wasm/); };
  await withPage(harness, 'examples/element.html', async (page) => {
    for (const [testid, title] of [['full', 'Embedding Folio in any page'], ['dark', 'Harbour reopens after the storm'],
      ['themed', 'A second article on the same page'], ['inline', 'Written inside the page']]) {
      await part(page, testid, 'title').filter({ hasText: title }).waitFor();
    }
    assert.equal(await page.locator('folio-article[rendered]').count(), 4);
    // Each module of the core once: the light one, and the full one for the articles that need it.
    assert.ok(wasm.urls.length >= 1 && new Set(wasm.urls).size === wasm.urls.length, `a .wasm was fetched more than once: ${wasm.urls}`);
    // The inline <script type="text/markdown"> stayed inert and is not shown as text by the page.
    assert.equal(await page.locator('folio-article[data-testid="inline"] > script').isVisible(), false);
  }, { setup });
});

test('the core is loaded only when the first element needs it', async () => {
  /** @type {{ urls: string[] }} */
  let wasm = { urls: [] };
  const setup = async (/** @type {Page} */ page) => {
    wasm = recordRequests(page, /folio(_light)?_bg\.wasm/);
    await serveEmbedFixtures(page, { 'lazy.html': fixturePage('<folio-article data-testid="a"></folio-article>') }, { 'tiny.md': TINY_POST });
  };
  await withPage(harness, 'e2e-fixtures/lazy.html', async (page) => {
    await page.waitForFunction(() => customElements.get('folio-article') !== undefined);
    assert.equal(await page.locator('folio-article').evaluate((node) => node.hasAttribute('loading') || node.hasAttribute('rendered')), false);
    assert.equal(wasm.urls.length, 0, 'an empty element fetched the core');
    await page.locator('folio-article').evaluate((node) => node.setAttribute('src', 'tiny.md'));
    await part(page, 'a', 'title').filter({ hasText: 'A tiny fixture post' }).waitFor();
    assert.equal(wasm.urls.length, 1);
  }, { setup });
});

test('changing src re-renders; an older src that answers late is dropped', async () => {
  /** @type {(value?: unknown) => void} */
  let slowAsked = () => {};
  const asked = new Promise((resolve) => { slowAsked = resolve; });
  /** @type {(value?: unknown) => void} */
  let releaseSlow = () => {};
  const gate = new Promise((resolve) => { releaseSlow = resolve; });
  const setup = async (/** @type {Page} */ page) => {
    await serveEmbedFixtures(page, { 'src.html': fixturePage('<folio-article data-testid="a" src="first.md"></folio-article>') },
      { 'first.md': '# First article\n', 'fast.md': '# Fast article\n' });
    // slow.md is held until fast.md has rendered.
    await page.route('**/e2e-fixtures/slow.md', async (route) => {
      slowAsked();
      await gate;
      await route.fulfill({ status: 200, contentType: 'text/markdown', body: '# Slow article\n' });
    });
  };
  await withPage(harness, 'e2e-fixtures/src.html', async (page) => {
    await part(page, 'a', 'title').filter({ hasText: 'First article' }).waitFor();
    await page.evaluate(() => {
      const node = /** @type {any} */ (document.querySelector('folio-article'));
      /** @type {any} */ (window).events = [];
      node.addEventListener('folio-rendered', (/** @type {CustomEvent} */ e) => /** @type {any} */ (window).events.push(e.detail.title));
      node.src = 'slow.md';
    });
    await asked;
    await page.evaluate(() => { /** @type {any} */ (document.querySelector('folio-article')).src = 'fast.md'; });
    await part(page, 'a', 'title').filter({ hasText: 'Fast article' }).waitFor();
    releaseSlow();
    // The late answer for slow.md is fetched in full; a render after it would fire an event.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('slow.md')));
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
    assert.equal(await part(page, 'a', 'title').innerText(), 'Fast article');
    assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).events), ['Fast article']);
    assert.equal(await page.locator('folio-article').getAttribute('src'), 'fast.md');
  }, { setup });
});

test('the element speaks the reader\'s language: a blocked image in Chinese', async () => {
  await withPage(harness, 'examples/element.html', async (page) => {
    await part(page, 'full', 'title').waitFor();
    assert.equal(await part(page, 'full', 'blocked-image').last().innerText(), '加载来自 images.example.com 的图片');
  }, { locale: 'zh-CN' });
});

test('theme, show and remote-images re-render; blocked images load only on click', async () => {
  /** @type {{ urls: string[] }} */
  let images = { urls: [] };
  const setup = async (/** @type {Page} */ page) => { images = recordRequests(page, /images\.example\.com/); };
  await withPage(harness, 'examples/element.html', async (page) => {
    const full = page.locator('folio-article[data-testid="full"]');
    await part(page, 'full', 'title').waitFor();

    // remote-images="block": placeholders, nothing requested.
    assert.equal(await part(page, 'full', 'blocked-image').count(), 2);
    assert.equal(await part(page, 'full', 'blocked-image').last().innerText(), 'Load image from images.example.com');
    assert.equal(await full.locator('img').count(), 0);
    assert.deepEqual(images.urls, []);
    await part(page, 'full', 'blocked-image').last().click();
    await full.locator('[part~="body"] img').waitFor();
    assert.deepEqual(images.urls, ['https://images.example.com/folio/diagram.png']);
    // remote-images="load": every image is an <img> again.
    await full.evaluate((node) => node.setAttribute('remote-images', 'load'));
    await full.locator('[part~="cover"] img').waitFor();
    assert.equal(await part(page, 'full', 'blocked-image').count(), 0);

    // A table-of-contents link scrolls to its heading inside the shadow root.
    await part(page, 'full', 'toc').getByRole('link', { name: 'Theming' }).click();
    await page.waitForFunction(() => window.scrollY > 0);
    const top = await full.locator('[part~="body"] h2', { hasText: 'Theming' }).evaluate((node) => node.getBoundingClientRect().top);
    assert.ok(Math.abs(top) <= 2, `the heading is at ${top}px, not at the top`);

    // show: only the listed parts.
    for (const name of ['byline', 'toc', 'tags', 'categories', 'summary', 'cover']) assert.equal(await part(page, 'full', name).count(), 1, name);
    await full.evaluate((node) => { /** @type {any} */ (node).show = 'title body'; });
    await part(page, 'full', 'toc').waitFor({ state: 'detached' });
    for (const name of ['byline', 'toc', 'tags', 'categories', 'summary', 'cover']) assert.equal(await part(page, 'full', name).count(), 0, name);
    assert.equal(await part(page, 'full', 'title').count(), 1);
    assert.equal(await part(page, 'full', 'body').count(), 1);
    // Only the date of the byline.
    await full.evaluate((node) => node.setAttribute('show', 'date'));
    await page.locator('folio-article[data-testid="full"] [data-testid="article-date"]').waitFor();
    assert.doesNotMatch(await part(page, 'full', 'byline').innerText(), /Lin Yue|min read/);

    // theme: the colours inside the shadow root follow the attribute.
    const background = () => full.evaluate((node) => getComputedStyle(/** @type {Element} */ (node.shadowRoot?.querySelector('.root'))).backgroundColor);
    await full.evaluate((node) => node.setAttribute('theme', 'light'));
    const light = await background();
    await full.evaluate((node) => { /** @type {any} */ (node).theme = 'dark'; });
    const dark = await background();
    assert.notEqual(light, dark);
    assert.equal(dark, 'rgb(23, 22, 20)');
    assert.equal(await full.getAttribute('theme'), 'dark');
  }, { setup });
});

test('folio-rendered carries the Article; folio-error carries a message and shows a card', async () => {
  const setup = async (/** @type {Page} */ page) => {
    await serveEmbedFixtures(page, { 'events.html': fixturePage('<folio-article data-testid="a"></folio-article>') }, { 'tiny.md': TINY_POST });
  };
  await withPage(harness, 'e2e-fixtures/events.html', async (page) => {
    await page.waitForFunction(() => customElements.get('folio-article') !== undefined);
    const rendered = await page.evaluate(() => new Promise((done) => {
      // Listened on the document: the event bubbles and is composed.
      document.addEventListener('folio-rendered', (event) => {
        const detail = /** @type {CustomEvent} */ (event).detail;
        done({ title: detail.title, tags: detail.tags, same: detail === /** @type {any} */ (event.target).article });
      }, { once: true });
      /** @type {any} */ (document.querySelector('folio-article')).src = 'tiny.md';
    }));
    assert.deepEqual(rendered, { title: 'A tiny fixture post', tags: ['fixture', 'e2e'], same: true });

    const failed = await page.evaluate(() => new Promise((done) => {
      document.addEventListener('folio-error', (event) => done(/** @type {CustomEvent} */ (event).detail), { once: true });
      /** @type {any} */ (document.querySelector('folio-article')).src = 'missing.md';
    }));
    assert.match(/** @type {any} */ (failed).message, /Could not fetch .*missing\.md \(HTTP 404/);
    const card = part(page, 'a', 'error');
    await card.waitFor();
    assert.match(await card.innerText(), /missing\.md/);
    assert.deepEqual(await page.locator('folio-article').evaluate((node) => [node.hasAttribute('error'), node.hasAttribute('rendered'), /** @type {any} */ (node).article]),
      [true, false, null]);

    // Bytes that are not an article: render() rejects, the card shows the core's message.
    const rejected = await page.evaluate((bytes) => /** @type {any} */ (document.querySelector('folio-article'))
      .render(new Uint8Array(bytes), { fileName: 'image.png' }).then(() => 'resolved', (/** @type {Error} */ e) => e.message), [...PNG_BYTES]);
    assert.notEqual(rejected, 'resolved');
    assert.equal(await part(page, 'a', 'error-message').innerText(), rejected);
  }, { setup, allowConsole: [/Failed to load resource: the server responded with a status of 404/] });
});

test('render(bytes, { fileName }) returns the Article and shows it', async () => {
  const setup = async (/** @type {Page} */ page) => {
    await serveEmbedFixtures(page, { 'api.html': fixturePage('<folio-article data-testid="a"></folio-article>') });
  };
  await withPage(harness, 'e2e-fixtures/api.html', async (page) => {
    await page.waitForFunction(() => customElements.get('folio-article') !== undefined);
    const result = await page.evaluate(async ({ bytes, name }) => {
      const node = /** @type {any} */ (document.querySelector('folio-article'));
      const article = await node.render(new Uint8Array(bytes), { fileName: name });
      return { title: article.title, same: article === node.article, rendered: node.hasAttribute('rendered') };
    }, { bytes: [...SAMPLE], name: SAMPLE_NAME });
    assert.deepEqual(result, { title: SAMPLE_TITLE, same: true, rendered: true });
    assert.equal(await part(page, 'a', 'title').innerText(), SAMPLE_TITLE);
    // Script in an HTML body never runs and never reaches the shadow root.
    await page.evaluate(() => /** @type {any} */ (document.querySelector('folio-article'))
      .render('<h1>Hi</h1><img src="https://evil.example/x.png" onerror="window.pwned=1"><script>window.pwned=2</script>', { fileName: 'x.html' }));
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).pwned), undefined);
    assert.equal(await page.locator('folio-article').evaluate((node) => node.shadowRoot?.querySelectorAll('script, [onerror]').length), 0);
  }, { setup });
});

test('custom properties theme the inside; the host page CSS does not leak in', async () => {
  await withPage(harness, 'examples/element.html', async (page) => {
    await part(page, 'themed', 'title').waitFor();
    // --folio-accent on the host colours links inside the shadow root.
    const themed = page.locator('folio-article[data-testid="themed"]');
    const accent = () => themed.evaluate((node) => getComputedStyle(/** @type {Element} */ (node.shadowRoot?.querySelector('.root'))).getPropertyValue('--_accent').trim());
    assert.equal(await accent(), 'rgb(0, 110, 90)');
    await themed.evaluate((node) => /** @type {HTMLElement} */ (node).style.setProperty('--folio-accent', 'rgb(200, 0, 100)'));
    assert.equal(await accent(), 'rgb(200, 0, 100)');
    const font = await part(page, 'themed', 'body').evaluate((node) => getComputedStyle(node).fontFamily);
    assert.match(font, /Georgia/);
  });

  await withPage(harness, 'examples/hostile-host.html', async (page) => {
    const title = part(page, 'article', 'title');
    await title.waitFor();
    // The page's own text is what its CSS says…
    const host = await page.getByTestId('host-text').evaluate((node) => getComputedStyle(node).color);
    assert.equal(host, 'rgb(255, 0, 0)');
    // …the article's is not.
    const inside = await title.evaluate((node) => {
      const style = getComputedStyle(node);
      return { color: style.color, transform: style.textTransform, family: style.fontFamily, display: style.display };
    });
    assert.notEqual(inside.color, 'rgb(255, 0, 0)');
    assert.equal(inside.transform, 'none');
    assert.doesNotMatch(inside.family, /Comic/);
    assert.equal(inside.display, 'block');
    const paragraph = await part(page, 'article', 'body').locator('p').first().evaluate((node) => {
      const style = getComputedStyle(node);
      return { size: style.fontSize, color: style.color, background: getComputedStyle(/** @type {Element} */ (node.parentElement)).backgroundColor };
    });
    assert.deepEqual(paragraph, { size: '16px', color: 'rgb(31, 29, 26)', background: 'rgba(0, 0, 0, 0)' });
    const cover = part(page, 'article', 'cover').locator('img');
    assert.equal(await cover.evaluate((node) => getComputedStyle(node).display), 'block');
    assert.ok(await cover.isVisible());
    // And the element's styles do not leak out: the page's headings keep their font.
    assert.match(await page.locator('body > h1').evaluate((node) => getComputedStyle(node).fontFamily), /Comic/);
  });
});

test('the element highlights code on the page itself: it starts no worker on its host\'s page', async () => {
  const post = '---\ntitle: Code\n---\n\n```js\nconst answer = 42;\nfunction greet(name) {\n  return `Hello, ${name}!`;\n}\n```\n';
  /** @type {string[]} */
  const workers = [];
  await withPage(harness, 'e2e-fixtures/code.html', async (page) => {
    const code = page.locator('folio-article').locator('pre code');
    await code.locator('span[class^="hljs-"]').first().waitFor({ timeout: 30_000 });
    assert.ok(await code.locator('span[class^="hljs-"]').count() >= 3);
    assert.equal(await code.textContent(), 'const answer = 42;\nfunction greet(name) {\n  return `Hello, ${name}!`;\n}\n');
    assert.deepEqual(workers, [], 'no worker');
  }, {
    setup: async (page) => {
      page.on('worker', (worker) => workers.push(worker.url()));
      await serveEmbedFixtures(page, { 'code.html': fixturePage('<folio-article src="code.md"></folio-article>') }, { 'code.md': post });
    },
  });
});
