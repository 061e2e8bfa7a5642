// Rich content (#12), in the viewer and in <folio-article>: code highlighted with a label
// and a copy button, math typeset by KaTeX with its fonts, Mermaid drawn in a sandboxed
// frame and shown as an image, callouts typed and folded by keyboard, footnotes as popovers,
// images captioned and zoomable, wide tables scrolling in the column; each module fetched
// only for an article that needs it, and each turned off by the element's attributes.
// The body is the markup the core emits (the core's Markdown passes, src/body/markdown/), through a stand-in core
// (reading-fixture.mjs) until the real one writes all of it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TINY_POST, fakeCore, shownTitle, useBrowser, withPage } from './harness.mjs';
import { RICH_CORE, richFile } from './reading-fixture.mjs';

const harness = useBrowser();

/** @typedef {import('playwright-core').Page} Page */

/**
 * Opens the rich fixture in the viewer and waits until every enhancement has settled.
 * @param {Page} page
 * @param {Buffer} [bytes]
 */
async function openRich(page, bytes = richFile('Rich content')) {
  await page.getByTestId('welcome').waitFor();
  await page.getByTestId('file-input').setInputFiles([{ name: 'rich.md', mimeType: 'text/markdown', buffer: bytes }]);
  await page.locator('[data-testid="article-body"][data-enhanced]').waitFor({ timeout: 30_000 });
}

/**
 * Records the www/vendor/ and www/reading/ files the page fetches.
 * @param {Page} page
 * @returns {string[]}
 */
function fetched(page) {
  /** @type {string[]} */
  const paths = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    const at = pathname.search(/\/(vendor|reading)\//);
    // The library's search worker loads its own engine (MiniSearch, the stemmer) from
    // vendor/ for every opened file: not rich content, so not counted here.
    if (at >= 0 && !/^\/vendor\/(fflate|minisearch|stemmer)\//.test(pathname.slice(at))) paths.push(pathname.slice(at + 1));
  });
  return paths;
}

const withRichCore = { setup: (/** @type {Page} */ page) => fakeCore(page, RICH_CORE) };

test('code: highlighted by language, labelled, copied; an unknown language stays plain and loses no character', async () => {
  await withPage(harness, '?src=&lang=en', async (page) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openRich(page);
    const blocks = page.locator('.code-block');
    assert.equal(await blocks.count(), 2);
    const js = blocks.nth(0);
    assert.equal(await js.locator('.code-label').innerText(), 'js');
    assert.ok(await js.locator('code .hljs-keyword').count() >= 2, 'keywords are marked');
    assert.ok(await js.locator('code .hljs-comment').count() >= 1, 'the comment is marked');
    assert.match(await js.locator('code').innerText(), /^\/\/ A comment\nconst answer = 42;\nfunction greet\(name\) \{/);
    const plain = blocks.nth(1);
    assert.equal(await plain.locator('code span').count(), 0);
    assert.equal(await plain.locator('code').innerText(), 'plain text here\n');
    await js.getByRole('button', { name: 'Copy the js code' }).click();
    await js.getByRole('button', { name: 'Copy the js code' }).filter({ hasText: 'Copied' }).waitFor();
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^\/\/ A comment\nconst answer = 42;/);
    // Keyboard: the block that may scroll sideways takes focus.
    assert.equal(await js.locator('pre').getAttribute('tabindex'), '0');
  }, withRichCore);
});

/**
 * What the page fetched (resource timing; the buffer is made big enough in setupRich).
 * A module worker's own script graph is listed there too, what it fetches is not.
 * @param {Page} page
 * @returns {Promise<string[]>}
 */
function pageFetched(page) {
  return page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
}

/**
 * The rich core, and a resource timing buffer that keeps every fetch (250 by default).
 * @param {Page} page
 */
async function setupRich(page) {
  await fakeCore(page, RICH_CORE);
  await page.addInitScript(() => performance.setResourceTimingBufferSize(100_000));
}

/**
 * The JS block's text, spans and the workers started, once the rich file is shown.
 * @param {Page} page
 */
async function highlightedBlock(page) {
  /** @type {string[]} */
  const workers = [];
  page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
  await openRich(page);
  const code = page.locator('.code-block').nth(0).locator('code');
  return { workers, spans: await code.locator('span[class^="hljs-"]').count(), text: await code.textContent(), inPage: await pageFetched(page) };
}

/** The fixture's JS block as the core writes it (reading-fixture.mjs). */
const JS_TEXT = /^\/\/ A comment\nconst answer = 42;\nfunction greet\(name\) \{\n {2}return `Hello, \$\{name\}!`;\n\}\n$/;

test('code: highlighted in a worker: highlight.js never loads in the page, and the text is unchanged', async () => {
  await withPage(harness, '?src=&lang=en', async (page) => {
    const { workers, spans, text, inPage } = await highlightedBlock(page);
    assert.ok(workers.includes('/reading/highlight-worker.js'), `the highlighting worker started: ${workers}`);
    assert.ok(spans >= 4, `spans built from the worker's tree: ${spans}`);
    assert.match(text ?? '', JS_TEXT);
    assert.deepEqual(inPage.filter((path) => /@highlightjs\//.test(path)), [], 'the page loaded no highlight.js');
  }, { setup: setupRich });
});

test('code: where the worker cannot load, or is refused, the page highlights the blocks itself', async () => {
  // The worker's file is missing (as beside a bundle that ships none): its error comes before any answer.
  await withPage(harness, '?src=&lang=en', async (page) => {
    const { workers, spans, text, inPage } = await highlightedBlock(page);
    assert.ok(workers.includes('/reading/highlight-worker.js'), 'the worker was tried');
    assert.ok(spans >= 4, `highlighted in the page: ${spans}`);
    assert.match(text ?? '', JS_TEXT);
    assert.ok(inPage.some((path) => path.endsWith('@highlightjs/cdn-assets/es/core.min.js')), 'highlight.js loaded in the page');
  }, {
    setup: async (page) => {
      await setupRich(page);
      await page.route('**/reading/highlight-worker.js', (route) => route.fulfill({ status: 404, body: '' }));
    },
    allowConsole: [/Failed to load resource.*404/],
  });
  // `new Worker` throws for it (a CSP or Trusted Types that refuse it).
  await withPage(harness, '?src=&lang=en', async (page) => {
    const { workers, spans, text, inPage } = await highlightedBlock(page);
    assert.ok(!workers.includes('/reading/highlight-worker.js'), 'no highlighting worker');
    assert.ok(spans >= 4, `highlighted in the page: ${spans}`);
    assert.match(text ?? '', JS_TEXT);
    assert.ok(inPage.some((path) => path.endsWith('@highlightjs/cdn-assets/es/core.min.js')), 'highlight.js loaded in the page');
  }, {
    setup: async (page) => {
      await setupRich(page);
      await page.addInitScript(() => {
        const real = window.Worker;
        // Refuses the highlighting worker only, as a CSP that does not allow it would.
        window.Worker = /** @type {typeof Worker} */ (/** @type {unknown} */ (function (/** @type {string | URL} */ url, /** @type {WorkerOptions} */ options) {
          if (String(url).includes('highlight-worker')) throw new DOMException('refused', 'SecurityError');
          return new real(url, options);
        }));
      });
    },
  });
});

test('math: KaTeX typesets inline and display math with its own fonts; broken TeX stays as written, marked', async () => {
  await withPage(harness, '?src=', async (page) => {
    await openRich(page);
    const body = page.getByTestId('article-body');
    assert.equal(await body.locator('span.math-inline[data-math="typeset"] .katex').count(), 1);
    assert.equal(await body.locator('span.math-display[data-math="typeset"] .katex-display').count(), 1);
    // MathML for screen readers rides along.
    assert.equal(await body.locator('span.math-inline math annotation').evaluate((node) => node.textContent), 'e^{i\\pi} + 1 = 0');
    const broken = body.locator('[data-math-error]');
    assert.equal(await broken.innerText(), '\\frac{1}{');
    assert.match(await broken.getAttribute('title') ?? '', /KaTeX parse error/);
    await page.waitForFunction(() => document.fonts.check('16px KaTeX_Main'));
    const family = await body.locator('.katex .mord').first().evaluate((node) => getComputedStyle(node).fontFamily);
    assert.match(family, /KaTeX/);
  }, withRichCore);
});

test('callouts: typed from their alias, with an icon; a folded one opens and closes by keyboard; nesting kept', async () => {
  await withPage(harness, '?src=', async (page) => {
    await openRich(page);
    const body = page.getByTestId('article-body');
    assert.deepEqual(await body.locator('.callout').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-callout-type'))),
      ['note', 'question', 'warning', 'tip']);
    assert.equal(await body.locator('.callout .callout-title > svg.callout-icon').count(), 4);
    const folded = body.locator('details.callout');
    assert.equal(await folded.getAttribute('open'), null);
    assert.equal(await folded.locator(':scope > .callout-content').isVisible(), false, 'a folded callout shows only its title');
    await folded.locator('summary').focus();
    await page.keyboard.press('Enter');
    assert.equal(await folded.getAttribute('open'), '');
    assert.ok(await folded.locator('.callout[data-callout-type="warning"]').isVisible(), 'the nested callout shows');
    await page.keyboard.press('Space');
    assert.equal(await folded.getAttribute('open'), null);
    // Each type has its own colour.
    const colours = await body.locator('.callout').evaluateAll((nodes) => nodes.map((n) => getComputedStyle(n).borderInlineStartColor));
    assert.equal(new Set(colours).size, 4, colours.join(' '));
  }, withRichCore);
});

test('footnotes: a reference opens its note in a popover, Escape closes it and focus returns; the back link is still there', async () => {
  await withPage(harness, '?src=', async (page) => {
    await openRich(page);
    const ref = page.locator('sup.footnote-ref a').first();
    // In view at once (the page scrolls smoothly otherwise, and the two boxes would be read mid-scroll).
    await ref.evaluate((node) => node.scrollIntoView({ block: 'center', behavior: 'instant' }));
    await ref.focus();
    await page.keyboard.press('Enter');
    const popover = page.locator('.footnote-popover');
    await popover.waitFor();
    assert.match(await popover.innerText(), /The source of the claim\./);
    assert.equal(await popover.locator('.footnote-backref').count(), 0);
    assert.equal(await popover.locator('[id]').count(), 0, 'no id is repeated');
    const box = await popover.boundingBox();
    const at = await ref.boundingBox();
    assert.ok(box && at, 'both are on screen');
    const below = box.y >= at.y + at.height - 1;
    const above = box.y + box.height <= at.y + 1;
    assert.ok(below || above, 'the popover opens beside its reference (under it, or over it near the bottom of the window)');
    assert.ok(box.y >= 0 && box.y + box.height <= 900, 'inside the window');
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.closest('sup')?.className), 'footnote-ref');
    // The popover's own link goes to the note itself.
    await ref.click();
    await page.locator('.footnote-popover .footnote-goto a').click();
    await page.waitForFunction(() => {
      const note = document.getElementById('user-content-fn-src')?.getBoundingClientRect();
      return note !== undefined && note.top >= 0 && note.bottom <= window.innerHeight && window.scrollY > 0;
    });
    assert.equal(await page.locator('#user-content-fn-src .footnote-backref').count(), 1);
  }, withRichCore);
});

test('images: captioned from their title and opened full size; wide tables scroll inside a focusable box; mark and dl kept', async () => {
  await withPage(harness, '?src=', async (page) => {
    await openRich(page);
    const body = page.getByTestId('article-body');
    const figure = body.locator('figure.image-figure');
    assert.equal(await figure.locator('figcaption').innerText(), 'The banner, captioned');
    await figure.getByRole('button', { name: 'Enlarge image: A blue banner' }).click();
    const dialog = page.locator('dialog.zoom-dialog[open]');
    await dialog.waitFor();
    assert.equal(await dialog.locator('img').count(), 1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const scroller = body.locator('.table-scroll');
    assert.equal(await scroller.getAttribute('tabindex'), '0');
    assert.equal(await body.locator('mark').innerText(), 'a highlight');
    assert.equal(await body.locator('dl dt').innerText(), 'Term');
  }, withRichCore);
  await withPage(harness, '?src=', async (page) => {
    const wide = `<table><tr>${'<td>an-unbreakable-cell-of-a-wide-table</td>'.repeat(12)}</tr></table>`;
    await openRich(page, richFile('Wide', wide));
    const { scroll, client } = await page.locator('.table-scroll').evaluate((node) => ({ scroll: node.scrollWidth, client: node.clientWidth }));
    assert.ok(scroll > client, 'the table is wider than its box, which scrolls');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390, 'the page does not widen');
  }, { ...withRichCore, viewport: { width: 390, height: 844 } });
});

test('Mermaid: drawn in a sandboxed frame with a CSP of its own, shown as an image, its source one click away', async () => {
  await withPage(harness, '?src=', async (page) => {
    await openRich(page);
    const img = page.getByTestId('diagram');
    const src = await img.getAttribute('src') ?? '';
    assert.match(src, /^data:image\/svg\+xml/);
    const svg = decodeURIComponent(src.slice(src.indexOf(',') + 1));
    const text = svg.replace(/<style>[^]*?<\/style>/g, '').replace(/<[^>]+>/g, '');
    for (const label of ['Open a file', 'Is it an article?', 'Show it', 'Say why']) assert.ok(text.includes(label), label);
    assert.doesNotMatch(svg, /<script|onload=|javascript:/i);
    assert.ok(await img.evaluate((node) => /** @type {HTMLImageElement} */ (node).naturalWidth > 100), 'the image is drawn');
    const frame = page.locator('iframe.diagram-renderer');
    assert.equal(await frame.getAttribute('sandbox'), 'allow-scripts');
    // The frame's own page is not the viewer's origin: it cannot reach the page.
    const origin = await page.frames().find((f) => f.url().endsWith('mermaid-frame.html'))?.evaluate(() => origin);
    assert.equal(origin, 'null');
    assert.equal(await page.locator('.diagram-source pre code.language-mermaid').count(), 1);
  }, withRichCore);
  // A diagram Mermaid cannot read stays as its source, with a note.
  await withPage(harness, '?src=', async (page) => {
    await openRich(page, richFile('Bad diagram', '<pre><code class="language-mermaid">graph TD\n  A --&gt;&gt;&gt; [[[\n</code></pre>'));
    await page.getByTestId('diagram-error').waitFor();
    assert.equal(await page.locator('pre code.language-mermaid').isVisible(), true);
  }, withRichCore);
});

test('each module is fetched only for an article that needs it', async () => {
  await withPage(harness, '?src=', async (page) => {
    const paths = fetched(page);
    await page.getByTestId('welcome').waitFor();
    await page.getByTestId('file-input').setInputFiles([{ name: 'tiny.md', mimeType: 'text/markdown', buffer: Buffer.from(TINY_POST) }]);
    await page.locator('[data-enhanced]').waitFor();
    assert.deepEqual(paths.filter((p) => !p.endsWith('.css')), [], 'a plain article loads no rich-content module');
    const code = richFile('Only code', '<pre><code class="language-python">print("hi")\n</code></pre>');
    await page.getByTestId('file-input').setInputFiles([{ name: 'code.md', mimeType: 'text/markdown', buffer: code }]);
    await page.locator('.hljs-built_in, .hljs-string').first().waitFor();
    const loaded = paths.filter((p) => !p.endsWith('.css')).sort();
    // The worker (and what it imports) fetches highlight.js; the page only code.js.
    assert.deepEqual(loaded, ['reading/code.js', 'reading/highlight-worker.js', 'reading/highlighter.js', 'reading/vendor.js',
      'vendor/@highlightjs/cdn-assets/es/core.min.js',
      'vendor/@highlightjs/cdn-assets/es/languages/aliases.json', 'vendor/@highlightjs/cdn-assets/es/languages/python.min.js']);
  }, withRichCore);
});

/** A host page for the element with the examples' CSP, plus frames from this server. */
const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types folio">
<script type="module" src="../folio-article.js"></script></head><body>
<folio-article data-testid="all"></folio-article>
<folio-article data-testid="none" no-highlight no-math no-mermaid no-popovers no-zoom></folio-article>
</body></html>`;

test('<folio-article> enhances the same content in its shadow root, and no-highlight, no-math, no-mermaid, no-popovers, no-zoom turn each off', async () => {
  await withPage(harness, 'e2e-fixtures/rich-host.html', async (page) => {
    await page.waitForFunction(() => customElements.get('folio-article') !== undefined);
    const bytes = richFile('Rich in an element').toString('base64');
    for (const id of ['all', 'none']) {
      await page.evaluate(([testid, data]) => /** @type {any} */ (document.querySelector(`[data-testid="${testid}"]`))
        .render(Uint8Array.from(atob(/** @type {string} */ (data)), (c) => c.charCodeAt(0)), { fileName: 'rich.md' }), [id, bytes]);
    }
    const all = page.locator('[data-testid="all"]');
    const none = page.locator('[data-testid="none"]');
    await all.locator('[data-testid="article-body"][data-enhanced]').waitFor({ timeout: 30_000 });
    await none.locator('[data-testid="article-body"]').scrollIntoViewIfNeeded();
    await none.locator('[data-testid="article-body"][data-enhanced]').waitFor({ timeout: 30_000 });
    assert.ok(await all.locator('.hljs-keyword').count() > 0);
    assert.equal(await all.locator('.katex').count() > 0, true);
    assert.equal(await all.getByTestId('diagram').count(), 1);
    assert.equal(await all.locator('.callout-icon').count(), 4);
    assert.equal(await all.locator('.zoom-button').count(), 1);
    // KaTeX's styles reached the shadow root (its fonts are declared in the page).
    assert.match(await all.locator('.katex .mord').first().evaluate((node) => getComputedStyle(node).fontFamily), /KaTeX/);
    assert.equal(await none.locator('.hljs-keyword').count(), 0);
    assert.equal(await none.locator('.code-label').count(), 2, 'labels and copy buttons stay');
    assert.equal(await none.locator('.katex').count(), 0);
    assert.equal(await none.getByTestId('diagram').count(), 0);
    assert.equal(await none.locator('.zoom-button').count(), 0);
    assert.equal(await none.locator('figcaption').count(), 1, 'captions stay');
    // Popovers off: the reference is a plain link to the note.
    await none.locator('sup.footnote-ref a').first().click();
    assert.equal(await page.locator('.footnote-popover').count(), 0);
    await all.locator('sup.footnote-ref a').first().click();
    await all.locator('.footnote-popover').waitFor();
  }, {
    setup: async (page) => {
      await setupRich(page);
      await page.route('**/e2e-fixtures/rich-host.html', (route) => route.fulfill({ contentType: 'text/html', body: HOST }));
    },
  });
});

test('the viewer\'s title still shows for a plain article after the rich ones (no enhancement breaks the view)', async () => {
  await withPage(harness, '?src=', async (page) => {
    await openRich(page);
    await page.getByTestId('file-input').setInputFiles([{ name: 'tiny.md', mimeType: 'text/markdown', buffer: Buffer.from(TINY_POST) }]);
    await shownTitle(page).filter({ hasText: 'A tiny fixture post' }).waitFor();
  }, withRichCore);
});
