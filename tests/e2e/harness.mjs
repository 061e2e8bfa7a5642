// Shared plumbing for the browser tests: Debian's Chromium through playwright-core,
// the static server on a free port, and a page that fails its test on any console
// error, uncaught error or CSP violation.
//
// Run: make test-e2e (node --test, two files at a time; after make viewer)

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

/** The repository root (the folder with Cargo.toml). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The canonical sample, read in Node. */
export const SAMPLE_NAME = 'sina-cross-border-ecommerce.md';
export const SAMPLE = readFileSync(new URL(`../shared/samples/${SAMPLE_NAME}`, `file://${ROOT}`));
export const SAMPLE_TITLE = '商务部：全国跨境电商综试区已达132个';
/**
 * A file of the shared corpus (../shared/corpus, read in place, never copied), as bytes.
 * Throws when the corpus is missing: a test that needs it must fail, not pass.
 * @param {string} path  e.g. "zola/zola-test-draft.md"
 * @returns {Buffer}
 */
export function corpus(path) {
  return readFileSync(new URL(`../shared/corpus/${path}`, `file://${ROOT}`));
}

/** The first bytes of a PNG file, with NULs: what a wrong file looks like. */
export const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
};

/**
 * @typedef {object} Harness
 * @property {import('playwright-core').Browser} browser
 * @property {string} url  The server's base URL, ending in "/".
 * @property {import('node:http').Server} server
 */

/**
 * Registers before/after hooks that start the server and the browser for this file.
 * @returns {Harness} filled in once the `before` hook has run.
 */
export function useBrowser() {
  const harness = /** @type {Harness} */ ({});
  before(async () => {
    const { server, url } = await startServer({ root: `${ROOT}www`, port: 0, quiet: true });
    harness.server = server;
    harness.url = url;
    harness.browser = await chromium.launch(LAUNCH);
  });
  after(async () => {
    await harness.browser?.close();
    await new Promise((done) => (harness.server ? harness.server.close(done) : done(undefined)));
  });
  return harness;
}

/**
 * @typedef {object} PageOptions
 * @property {string} [locale]      The reader's locale (default en-US).
 * @property {string} [timezoneId]  The reader's time zone (default Asia/Shanghai).
 * @property {{ width: number, height: number }} [viewport]
 * @property {'light' | 'dark'} [colorScheme]  The reader's preferred colour scheme (default light).
 * @property {(page: import('playwright-core').Page) => Promise<void>} [setup]  Runs before navigation (routes).
 * @property {boolean} [bypassCSP]  Lifts the page's CSP (for tools the test injects, such as
 *   axe-core, whose own inline styles the CSP would block; never for a test about security).
 * @property {RegExp[]} [allowConsole]  Console errors that this test expects (e.g. the browser's own
 *   "Failed to load resource" line for a request the test makes fail).
 * @property {'allow' | 'block'} [serviceWorkers]  Whether the page may register its service
 *   worker (default block: requests it would handle bypass the routes tests set up).
 */

/**
 * Opens `path` in a fresh context, runs `body`, then fails if the page logged any
 * console error, threw, or violated its Content-Security-Policy.
 * @param {Harness} harness
 * @param {string} path  Relative to the server root, e.g. "" or "?src=…".
 * @param {(page: import('playwright-core').Page) => Promise<void>} body
 * @param {PageOptions} [options]
 */
export async function withPage(harness, path, body, options = {}) {
  const context = await harness.browser.newContext({
    locale: options.locale ?? 'en-US',
    timezoneId: options.timezoneId ?? 'Asia/Shanghai',
    viewport: options.viewport ?? { width: 1200, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    serviceWorkers: options.serviceWorkers ?? 'block',
    bypassCSP: options.bypassCSP ?? false,
  });
  context.setDefaultTimeout(10_000);
  await offline(context, harness.url);
  const page = await context.newPage();
  /** @type {string[]} */
  const problems = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (!(options.allowConsole ?? []).some((allowed) => allowed.test(text))) problems.push(`console.error: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.exposeFunction('__folioReportCsp', (/** @type {string} */ what) => problems.push(`CSP violation: ${what}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      /** @type {any} */ (window).__folioReportCsp(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`);
    });
  });
  try {
    if (options.setup) await options.setup(page);
    await page.goto(harness.url + path);
    await body(page);
    assert.deepEqual(problems, [], 'the page reported problems');
  } finally {
    await context.close();
  }
}

/** What every image from outside the test server becomes: a plain grey picture. */
const PLACEHOLDER_IMAGE = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><rect width="100%" height="100%" fill="#c9c3b8"/></svg>';

/**
 * Keeps the page off the network: images from elsewhere get a placeholder, anything
 * else from elsewhere is refused (the machine has no network; tests must not need it).
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} base The test server's URL.
 */
async function offline(context, base) {
  await context.route((url) => !url.href.startsWith(base), (route) => {
    if (route.request().resourceType() === 'image') {
      return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PLACEHOLDER_IMAGE });
    }
    return route.abort('blockedbyclient');
  });
}

/**
 * @typedef {object} FakeFile
 * @property {string} name
 * @property {Uint8Array} bytes
 * @property {string} [type]
 */

/**
 * Drops files on the drop zone through a real DataTransfer: dragenter, dragover, drop.
 * @param {import('playwright-core').Page} page
 * @param {FakeFile[]} files
 * @returns {Promise<{ draggingDuring: boolean, draggingAfter: boolean }>}
 */
export async function dropFiles(page, files) {
  const payload = files.map((f) => ({ name: f.name, type: f.type ?? '', b64: Buffer.from(f.bytes).toString('base64') }));
  return page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, { type: f.type }));
    }
    const zone = /** @type {HTMLElement} */ (document.querySelector('[data-testid="dropzone"]'));
    const fire = (/** @type {string} */ type) =>
      zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    fire('dragenter');
    fire('dragover');
    const draggingDuring = zone.hasAttribute('dragging');
    fire('drop');
    return { draggingDuring, draggingAfter: zone.hasAttribute('dragging') };
  }, payload);
}

/**
 * Serves `body` at every URL under /e2e-fixtures/ for this page.
 * @param {import('playwright-core').Page} page
 * @param {Record<string, string>} files  name → Markdown text
 */
export async function serveFixtures(page, files) {
  await page.route('**/e2e-fixtures/**', (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop() ?? '');
    const text = files[name];
    if (text === undefined) return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({ status: 200, contentType: 'text/markdown; charset=utf-8', body: text });
  });
}

/**
 * Every path the page requests from now on (the test server's, relative to its root).
 * @param {import('playwright-core').Page} page
 * @param {string} base
 * @returns {string[]}
 */
export function recordPaths(page, base) {
  /** @type {string[]} */
  const paths = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(base)) paths.push(url.slice(base.length));
  });
  return paths;
}

/** Waits for the network to go quiet: no new request for `ms`. @param {string[]} paths */
export async function settle(paths, ms = 400) {
  for (let seen = -1; seen !== paths.length;) {
    seen = paths.length;
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
}

/** A small Markdown post for tests that need a second file. */
export const TINY_POST = `---
title: A tiny fixture post
date: 2021-03-04T23:30:00
author: Test Writer
tags: [fixture, e2e]
categories: [Testing, Browser]
---

# Introduction

Just enough text to be an article.

## Details

More text.

## Closing

The end.
`;

/**
 * The text a reader can read in `scope`, the whole of it: innerText leaves out blocks whose
 * `content-visibility: auto` (reading.css) skips them, those far off the screen and, until
 * the frame that first lays them out, every one (a loaded machine may read the body before
 * that frame). Each such block is laid out for the read, then put back.
 * @param {import('playwright-core').Locator} scope
 * @returns {Promise<string>}
 */
export async function readableText(scope) {
  return scope.evaluate((root) => {
    const skipped = [root, ...root.querySelectorAll('*')].filter((node) => getComputedStyle(node).contentVisibility !== 'visible');
    const kept = skipped.map((node) => /** @type {HTMLElement} */ (node).style.contentVisibility);
    for (const node of skipped) /** @type {HTMLElement} */ (node).style.contentVisibility = 'visible';
    const text = /** @type {HTMLElement} */ (root).innerText;
    skipped.forEach((node, i) => { /** @type {HTMLElement} */ (node).style.contentVisibility = kept[i]; });
    return text;
  });
}

/** The article title currently shown. */
export function shownTitle(/** @type {import('playwright-core').Page} */ page) {
  return page.getByTestId('article-title');
}

/** A stand-in for pkg/folio.js around the real one (imported as `?real`) that traps on
 * inputs containing FOLIO-TRAP, as a core bug would. fakeCore serves it for the light
 * module's glue too, importing that one. */
export const TRAPPING_CORE = `
import start, { render as realRender, needs } from './folio.js?real';
export default start;
export { needs };
export function render(input, options) {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  if (text.includes('FOLIO-TRAP')) throw new WebAssembly.RuntimeError('unreachable');
  return realRender(input, options);
}
`;

/** The core's glues, as the page and its workers import them. */
const GLUES = { full: 'folio.js', light: 'folio_light.js' };

/**
 * Serves `body` for the core's glue as the page and its workers import it, the full
 * module's (pkg/folio.js) and the light one's (pkg/folio_light.js, where `body`'s
 * `./folio.js?real` becomes `./folio_light.js?real`); not for the real ones it imports
 * as `?real`, nor for the fresh instances folio.js starts after a trap.
 * @param {import('playwright-core').Page} page
 * @param {string} body
 * @param {{ modules?: ('full' | 'light')[] }} [options]  Which glues to stand in for (default both).
 */
export async function fakeCore(page, body, { modules = ['full', 'light'] } = {}) {
  for (const name of modules) {
    const glue = GLUES[name];
    const text = body.replaceAll('./folio.js?real', `./${glue}?real`);
    await page.route(
      (url) => url.pathname.endsWith(`/pkg/${glue}`) && url.search === '',
      (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: text }),
    );
  }
}

/**
 * A long Markdown article of about `size` bytes for the big-body and worker tests: its
 * `title` in front matter, `opening`, then numbered sections (`## Section N`, twelve
 * paragraphs with a link and bold text each), then `ending`.
 * @param {number} size
 * @param {{ title?: string, opening?: string, ending: string }} parts
 * @returns {{ bytes: Buffer, sections: number }}  `sections`: how many headings it holds.
 */
export function longArticle(size, { title = 'A long article', opening = '', ending }) {
  const paragraph = 'Words of a long article, with a [link](https://example.com/page) and **bold** text. '.repeat(8);
  const parts = [`---\ntitle: ${title}\n---\n\n${opening}`];
  let length = parts[0].length;
  for (let i = 1; length < size; i += 1) {
    const section = `## Section ${i}\n\n${`${paragraph}\n\n`.repeat(12)}`;
    parts.push(section);
    length += section.length;
  }
  parts.push(ending);
  return { bytes: Buffer.from(parts.join('')), sections: parts.length - 1 };
}
