// Takes the pictures the README shows (`make screenshots`, after a build), into docs/:
// the sample in Chinese (light, wide; dark, phone; print), a Hexo post with code
// (www/examples/reading/hexo-code.md), rich content (math, callouts, footnotes, a diagram,
// a figure) and a long article with its outline beside it (the Jekyll changelog from the
// corpus, MIT-licensed). Viewport-sized, so that the set stays a few hundred KB. Kept out
// of `make test`, which must change no tracked file.
//
// The rich-content picture renders the core's markup (src/body/markdown/) through the stand-in core the
// browser tests use (tests/e2e/reading-fixture.mjs), until the core writes it all itself.
//
// Usage: node scripts/screenshots.mjs   (needs www/pkg and www/vendor: `make build`)

import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { RICH_CORE, richFile } from '../tests/e2e/reading-fixture.mjs';
import { startServer } from './serve.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = join(ROOT, 'docs');

/** What every outside image becomes. */
const GREY = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><rect width="100%" height="100%" fill="#c9c3b8"/></svg>';

/**
 * @typedef {object} Shot
 * @property {string} file
 * @property {string} path      The page, relative to the server.
 * @property {string} locale
 * @property {{ width: number, height: number }} viewport
 * @property {'light' | 'dark'} colorScheme
 * @property {{ name: string, bytes: Buffer }} [open]  A file to open with the file picker.
 * @property {boolean} [rich]   Render through the stand-in core (§4 markup).
 * @property {boolean} [print]  Emulate print media.
 * @property {string} [scrollTo]  A selector to bring to the top before the picture.
 */

const wide = { width: 1280, height: 860 };
const phone = { width: 390, height: 844 };

/** @type {Shot[]} */
const SHOTS = [
  { file: 'screenshot.png', path: '', locale: 'zh-CN', viewport: { width: 1200, height: 900 }, colorScheme: 'light' },
  { file: 'reading-phone-dark.png', path: '', locale: 'zh-CN', viewport: phone, colorScheme: 'dark' },
  { file: 'reading-print.png', path: '', locale: 'zh-CN', viewport: { width: 800, height: 1000 }, colorScheme: 'light', print: true },
  { file: 'reading-code.png', path: '?lang=en&src=examples/reading/hexo-code.md', locale: 'en-US', viewport: wide, colorScheme: 'light', scrollTo: '#user-content-javascript' },
  { file: 'reading-rich.png', path: '?lang=en&src=', locale: 'en-US', viewport: wide, colorScheme: 'light', rich: true, scrollTo: '#user-content-math', open: { name: 'notes.md', bytes: richFile('Callouts, math and a diagram') } },
  { file: 'reading-rich-dark.png', path: '?lang=en&src=', locale: 'en-US', viewport: phone, colorScheme: 'dark', rich: true, scrollTo: '#user-content-callouts', open: { name: 'notes.md', bytes: richFile('Callouts, math and a diagram') } },
  { file: 'reading-toc.png', path: '?lang=en&src=', locale: 'en-US', viewport: { width: 1440, height: 900 }, colorScheme: 'light', scrollTo: 'h2:nth-of-type(3)', open: { name: 'history.markdown', bytes: readFileSync(join(ROOT, '..', 'shared', 'corpus', 'big', 'jekyll-docs-history.md')) } },
];

const { server, url } = await startServer({ root: join(ROOT, 'www'), port: 0, quiet: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
let total = 0;
try {
  mkdirSync(DOCS, { recursive: true });
  for (const shot of SHOTS) {
    const context = await browser.newContext({ locale: shot.locale, timezoneId: 'Asia/Shanghai', viewport: shot.viewport, colorScheme: shot.colorScheme });
    // Offline: images from elsewhere are a plain grey picture, anything else is refused.
    await context.route((u) => !u.href.startsWith(url), (route) => (route.request().resourceType() === 'image'
      ? route.fulfill({ status: 200, contentType: 'image/svg+xml', body: GREY })
      : route.abort('blockedbyclient')));
    if (shot.rich) {
      await context.route((u) => u.pathname.endsWith('/pkg/folio.js') && u.search === '', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: RICH_CORE }));
    }
    const page = await context.newPage();
    await page.goto(url + shot.path);
    if (shot.open) {
      await page.getByTestId('welcome').waitFor();
      await page.getByTestId('file-input').setInputFiles([{ name: shot.open.name, mimeType: 'text/markdown', buffer: shot.open.bytes }]);
    }
    await page.getByTestId('article-title').waitFor();
    await page.locator('[data-testid="article-body"][data-enhanced]').waitFor({ timeout: 60_000 });
    await page.evaluate(() => document.fonts.ready);
    if (shot.print) await page.emulateMedia({ media: 'print' });
    if (shot.scrollTo) {
      await page.locator(shot.scrollTo).first().evaluate((node) => window.scrollTo({ top: window.scrollY + node.getBoundingClientRect().top - 16, behavior: 'instant' }));
    }
    await page.waitForTimeout(300); // The outline's current section and the progress line follow the scroll.
    const path = join(DOCS, shot.file);
    await page.screenshot({ path });
    const size = statSync(path).size;
    total += size;
    console.error(`screenshots: wrote ${path} (${size} bytes)`);
    await context.close();
  }
  console.error(`screenshots: ${SHOTS.length} pictures, ${total} bytes in all`);
} finally {
  await browser.close();
  server.close();
}
