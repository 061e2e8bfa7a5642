// Takes the pictures the README shows (`make screenshots`, after a build): the viewer with
// the demo article, in Chinese, at 1200 × 900, saved as docs/screenshot.png. Kept out of
// `make test`, which must change no tracked file.
//
// Usage: node scripts/screenshots.mjs   (needs www/pkg: scripts/build-wasm.sh)

import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = join(ROOT, 'docs');
/** The demo's title, to know when it is shown. */
const SAMPLE_TITLE = '商务部：全国跨境电商综试区已达132个';

/** What every outside image becomes. */
const GREY = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><rect width="100%" height="100%" fill="#c9c3b8"/></svg>';

/** What to take: name, page, locale, viewport and colour scheme. */
const SHOTS = [
  { file: 'screenshot.png', path: '', locale: 'zh-CN', viewport: { width: 1200, height: 900 }, colorScheme: /** @type {const} */ ('light') },
];

const { server, url } = await startServer({ root: join(ROOT, 'www'), port: 0, quiet: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  mkdirSync(DOCS, { recursive: true });
  for (const shot of SHOTS) {
    const context = await browser.newContext({ locale: shot.locale, timezoneId: 'Asia/Shanghai', viewport: shot.viewport, colorScheme: shot.colorScheme });
    // Offline: images from elsewhere are a plain grey picture, anything else is refused.
    await context.route((u) => !u.href.startsWith(url), (route) => (route.request().resourceType() === 'image'
      ? route.fulfill({ status: 200, contentType: 'image/svg+xml', body: GREY })
      : route.abort('blockedbyclient')));
    const page = await context.newPage();
    await page.goto(url + shot.path);
    await page.getByTestId('article-title').filter({ hasText: SAMPLE_TITLE }).waitFor();
    await page.evaluate(() => document.fonts.ready);
    const path = join(DOCS, shot.file);
    await page.screenshot({ path });
    console.error(`screenshots: wrote ${path} (${statSync(path).size} bytes)`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
