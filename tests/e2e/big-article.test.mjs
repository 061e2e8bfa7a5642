// A long body is built a slice at a time (www/view/body.js): cut between top-level blocks,
// each slice parses to exactly the nodes the whole body parses to (over the whole corpus);
// the viewer and the element show the first screen at once and the rest after, complete,
// with links, anchors, the outline and rich content working in the last slice too.
// (How long each task takes is a figure `make bench` prints, not a test.)
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, dropFiles, longArticle, shownTitle, useBrowser, withPage } from './harness.mjs';

const harness = useBrowser();
const CORPUS = join(ROOT, '..', 'shared', 'corpus');

/** Every corpus file, relative to the corpus folder (read in place, served to the page). */
function corpusFiles() {
  return readdirSync(CORPUS, { withFileTypes: true }).filter((entry) => entry.isDirectory())
    .flatMap((dir) => readdirSync(join(CORPUS, dir.name)).map((name) => `${dir.name}/${name}`)).sort();
}

/**
 * A Markdown article of about `size` bytes: sections with headings, paragraphs with links,
 * and at the very end a heading, a code block and a last paragraph.
 * @param {number} size
 */
function bigArticle(size) {
  return longArticle(size, { ending: '## The very end\n\n```js\nconst last = true;\n```\n\nThe last paragraph of the long article.\n' }).bytes;
}

test('slices cut between top-level blocks parse to the same nodes as the whole body, over the corpus', async () => {
  const files = corpusFiles();
  assert.ok(files.length > 200, `the corpus has ${files.length} files`);
  const setup = (/** @type {import('playwright-core').Page} */ page) => page.route('**/e2e-corpus/**', (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname.slice('/e2e-corpus/'.length));
    return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: readFileSync(join(CORPUS, path)) });
  });
  // A same-origin page without the viewer's CSP, so that the test can import the modules.
  await withPage(harness, 'samples/sina-cross-border-ecommerce.md', async (page) => {
    const result = await page.evaluate(async (list) => {
      const { init, render } = await import('/folio.js');
      const { slices, partsOf } = await import('/view/body.js');
      await init();
      const parse = (/** @type {string} */ html) => {
        const template = document.createElement('template');
        template.innerHTML = html;
        return template;
      };
      let cuts = 0;
      /** @type {string[]} */
      const differ = [];
      for (const path of list) {
        const bytes = new Uint8Array(await (await fetch(`/e2e-corpus/${path.split('/').map(encodeURIComponent).join('/')}`)).arrayBuffer());
        let html;
        try {
          ({ html } = render(bytes, { fileName: path.split('/').pop() }));
        } catch {
          continue; // Not an article (empty, binary).
        }
        // Cut at every top-level block: the hardest case.
        const parts = slices(html, { whole: 0, first: 1, slice: 1 });
        cuts += parts.length - 1;
        if (parts.join('') !== html) {
          differ.push(`${path}: the slices do not join back into the body`);
          continue;
        }
        const whole = parse(html).innerHTML;
        const sliced = parts.map((part) => parse(part).innerHTML).join('');
        if (sliced !== whole) differ.push(path);
        // A windowed body's empty slice guesses its height from its count of blocks, found while cutting.
        const counted = html ? [...partsOf(html, { whole: 0, first: 4096, slice: 4096 })] : [];
        const miscounted = counted.find((part) => part.blocks !== parse(part.html).content.childElementCount);
        if (miscounted) differ.push(`${path}: ${miscounted.blocks} blocks counted in a part of ${parse(miscounted.html).content.childElementCount}`);
      }
      return { cuts, differ };
    }, files);
    assert.deepEqual(result.differ, []);
    assert.ok(result.cuts > 10_000, `only ${result.cuts} cuts were tried`);
  }, { setup });
});

test('a cut never falls inside an element or a quoted attribute; odd markup gives the whole rest', async () => {
  await withPage(harness, 'samples/sina-cross-border-ecommerce.md', async (page) => {
    const cuts = await page.evaluate(async () => {
      const { cutAfter } = await import('/view/body.js');
      return [
        cutAfter('<p>a</p><p>b</p>', 0, 1),
        cutAfter('<p title="x > y">a</p>\n<hr />\n<p>b</p>', 0, 1),
        cutAfter('<hr><img src="a.png" alt="<p>">tail<p>b</p>', 0, 1),
        cutAfter('<!-- <p> --><p>a</p>', 0, 1),
        cutAfter('<div><p>a</p><p>b</p></div><p>c</p>', 0, 1),
        cutAfter('<p>a</p>\n<p>b</p>', 0, 9), // after the text between two blocks
        cutAfter('text<p>b</p>', 0, 2), // top-level text, then a block
        cutAfter('<p>a</p></div><p>b</p>', 8, 1), // an end tag with nothing open: no cut
        cutAfter('<p title="never closed>a</p>', 0, 1), // an unending quote: no cut
      ];
    });
    assert.deepEqual(cuts, [8, 22, 4, 12, 27, 9, 4, 22, 28]);
  });
});

test('the viewer shows a long article\'s first screen at once, then the rest: complete, with working links, anchors, outline and code', async () => {
  const bytes = bigArticle(3 << 20);
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    await page.evaluate(() => {
      // The body's state when its title first appears (the first slice is in, the rest is coming).
      const w = /** @type {any} */ (window);
      const observer = new MutationObserver(() => {
        const body = document.querySelector('[data-testid="article-body"]');
        if (!body || !document.querySelector('[data-testid="article-title"]')) return;
        observer.disconnect();
        w.__atFirst = { busy: body.getAttribute('aria-busy'), sections: body.querySelectorAll('h2').length };
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await dropFiles(page, [{ name: 'long.md', bytes }]);
    await shownTitle(page).filter({ hasText: 'A long article' }).waitFor({ timeout: 60_000 });
    const body = page.getByTestId('article-body');
    await page.locator('[data-testid="article-body"]:not([aria-busy])').waitFor({ timeout: 60_000 });
    const first = await page.evaluate(() => /** @type {any} */ (window).__atFirst);
    const toc = page.getByTestId('toc');
    const sections = Number(await toc.getAttribute('data-count')) - 1; // and "The very end"
    assert.equal(first.busy, 'true', 'the body was still being built when the title appeared');
    assert.ok(first.sections > 0 && first.sections < sections / 10, `${first.sections} of ${sections} sections were there at first`);
    // A huge body comes in boxes, one per slice (laid out only near the screen, built only
    // near it: big-body.test.mjs); print builds them all.
    assert.ok(await body.locator(':scope > .slice').count() > 10);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    // Complete and in order.
    assert.equal(await body.locator('p').last().textContent(), 'The last paragraph of the long article.');
    const numbers = await body.locator('h2').evaluateAll((all) => all.slice(0, -1).map((h) => Number(/Section (\d+)/.exec(h.textContent ?? '')?.[1])));
    assert.deepEqual(numbers, numbers.map((_, i) => i + 1));
    assert.equal(numbers.length, sections);
    // The last slice was prepared like the first: links open a new tab, headings have anchors.
    const lastLink = body.locator('a[href="https://example.com/page"]').last();
    assert.equal(await lastLink.getAttribute('target'), '_blank');
    assert.equal(await body.locator('h2').last().locator('.heading-anchor').count(), 1);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    // Rich content: the code block at the body's end has its bar once its slice is built.
    await page.locator('[data-testid="article-body"][data-enhanced]').waitFor();
    await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
    await body.locator('.code-bar').waitFor();
    // An outline entry far down leads to its heading, though the blocks above it take their
    // real height only once near the screen (content-visibility), and so move it.
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    if (!(await toc.locator('details').evaluate((node) => /** @type {HTMLDetailsElement} */ (node).open))) await toc.locator('summary').click();
    const far = Math.floor(sections * 0.6);
    await toc.locator('a').nth(far).click();
    // At the top of the window, or just below the top bar where it stays in view (the library's).
    const offset = () => page.evaluate((id) => {
      const top = document.getElementById(id)?.getBoundingClientRect().top ?? NaN;
      const bar = document.querySelector('.topbar');
      const under = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().bottom : 0;
      return top - under;
    }, `user-content-section-${far + 1}`);
    for (let tries = 0; !(Math.abs(await offset()) <= 2); tries += 1) {
      assert.ok(tries < 100, `the heading never reached the top (${await offset()}px off)`);
      await page.waitForTimeout(100);
    }
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    const top = await offset();
    assert.ok(Math.abs(top) <= 2, `the heading moved to ${top}px off the top after it was reached`);
  });
});

test('<folio-article> builds a long article in slices too, and tells the page when it is all there', async () => {
  // Long, not huge (view/article.js HUGE_BODY_CHARS): every slice stays in the DOM.
  const text = bigArticle(512 << 10).toString('utf8');
  await withPage(harness, 'examples/element.html', async (page) => {
    const result = await page.evaluate(async (markdown) => {
      const element = /** @type {any} */ (document.createElement('folio-article'));
      document.body.prepend(element);
      const article = await element.render(markdown, { fileName: 'long.md' });
      const body = element.shadowRoot.querySelector('[data-testid="article-body"]');
      const busyAtFirst = body.getAttribute('aria-busy');
      await new Promise((resolve) => {
        const check = () => (body.hasAttribute('aria-busy') ? setTimeout(check, 50) : resolve(undefined));
        check();
      });
      return { busyAtFirst, title: article.title, last: [...body.querySelectorAll('p')].at(-1)?.textContent, headings: body.querySelectorAll('h2').length, toc: article.toc.length };
    }, text);
    assert.equal(result.busyAtFirst, 'true');
    assert.equal(result.title, 'A long article');
    assert.equal(result.last, 'The last paragraph of the long article.');
    assert.equal(result.headings, result.toc);
  });
});
