// The XSS suite in a real browser: every vector of tests/xss/vectors.mjs is a whole
// article file, opened in the viewer through the real drop path and the file input
// (64 files per page load, each one opened from the list so it renders), and, when
// www/folio-article.js exists, through the <folio-article> element too.
//
// Recorded as attacks: any call to the hooks the payloads use (`__xss`, `alert`,
// `confirm`, `prompt`, `print`, `open`), any dialog, any navigation of the main frame,
// any frame or popup, any request to the attacker's host or any non-image request
// elsewhere, any page error, and any dangerous markup left in the rendered DOM (the
// audit: script-like elements, on* attributes, javascript:/vbscript:/data: URLs,
// any inline style, unprefixed ids). CSP violations are counted and printed:
// they are the second line of defence working, not an attack that succeeded.
//
// Run: node --test --test-concurrency=1 tests/e2e/xss.test.mjs   (after scripts/build-wasm.sh)

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, test } from 'node:test';
import { ATTACKER, vectors } from '../xss/vectors.mjs';
import { ROOT, TINY_POST, dropFiles, useBrowser } from './harness.mjs';

const harness = useBrowser();
const VECTORS = vectors();
const BATCH = 64;
const ELEMENT_MODULE = `${ROOT}www/folio-article.js`;

/** Every file the viewer itself may request from the test server, relative to www/. */
const APP_FILES = new Set(listFiles(`${ROOT}www`, ''));

/**
 * @param {string} dir
 * @param {string} prefix
 * @returns {string[]}
 */
function listFiles(dir, prefix) {
  return readdirSync(dir).flatMap((name) => (statSync(`${dir}/${name}`).isDirectory()
    ? listFiles(`${dir}/${name}`, `${prefix}${name}/`) : [`${prefix}${name}`]));
}

/**
 * What one run saw.
 * @typedef {object} Log
 * @property {string[]} attacks     Hook calls, dialogs, navigations, frames, popups, forbidden requests.
 * @property {string[]} audit       Dangerous markup found in the rendered DOM.
 * @property {string[]} pageErrors
 * @property {string[]} csp         Content-Security-Policy violations (defence in depth).
 * @property {number} images        Remote image requests that were allowed.
 * @property {number} ran           Vectors rendered and audited.
 * @property {number} errors        Vectors the viewer refused (shown as an error card).
 */

/** @returns {Log} */
function newLog() {
  return { attacks: [], audit: [], pageErrors: [], csp: [], images: 0, ran: 0, errors: 0 };
}

/** A grey picture for every allowed remote image. */
const PLACEHOLDER_IMAGE = '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="#ccc"/></svg>';

/**
 * A browser context that records everything an attack could do.
 * @param {{ imagesAllowed: boolean, extraPaths?: RegExp }} policy  Whether remote `<img>`
 *   requests are allowed, and test-served paths on the test server.
 * @param {Log} log
 */
async function recordingContext(policy, log) {
  const base = harness.url;
  // No service worker: requests it handled would bypass the recorder's routes.
  const context = await harness.browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-US', serviceWorkers: 'block' });
  context.setDefaultTimeout(15_000);
  await context.exposeFunction('__xssReport', (/** @type {string} */ kind, /** @type {string} */ detail) => {
    if (kind === 'csp') log.csp.push(detail);
    else log.attacks.push(`${kind}(${detail})`);
  });
  await context.addInitScript(() => {
    const w = /** @type {any} */ (window);
    const tell = (/** @type {string} */ kind, /** @type {unknown} */ detail) => {
      try { w.__xssReport(kind, String(detail)); } catch { /* the binding is gone while the page closes */ }
    };
    for (const name of ['alert', 'confirm', 'prompt', 'print']) w[name] = (/** @type {unknown} */ v) => tell(name, v);
    w.open = (/** @type {unknown} */ url) => { tell('open', url); return null; };
    w.__xss = (/** @type {unknown} */ id) => tell('hook', id);
    document.addEventListener('securitypolicyviolation', (event) => {
      tell('csp', `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} ${event.sample}`.trim());
    });
  });
  // The audit is installed like the hooks, out of the article's reach and outside the CSP.
  await context.addInitScript({ content: `window.__xssAudit = ${auditDom.toString()};` });
  context.on('request', (request) => {
    const url = request.url();
    const type = request.resourceType();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (url.startsWith(base)) {
      const path = decodeURIComponent(new URL(url).pathname.slice(1));
      const own = path === '' || APP_FILES.has(path) || policy.extraPaths?.test(path);
      if (!own && type !== 'image') log.attacks.push(`request ${type} ${url}`);
      return;
    }
    const host = new URL(url).hostname;
    if (host !== ATTACKER && type === 'image' && imagesAllowedFor(request, policy.imagesAllowed)) log.images += 1;
    else log.attacks.push(`request ${type} ${url}`);
  });
  await context.route((url) => !url.href.startsWith(base), (route) => (route.request().resourceType() === 'image'
    ? route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PLACEHOLDER_IMAGE })
    : route.abort('blockedbyclient')));
  context.on('page', (page) => {
    page.on('dialog', (dialog) => {
      log.attacks.push(`dialog ${dialog.type()}(${dialog.message()})`);
      dialog.dismiss().catch(() => {});
    });
    page.on('pageerror', (error) => log.pageErrors.push(error.message));
    page.on('frameattached', (frame) => log.attacks.push(`frame attached ${frame.url() || '(empty)'}`));
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      // The viewer's own permalinks change the hash only (a same-document navigation).
      const expected = /** @type {string} */ (/** @type {any} */ (page).__expectedUrl);
      if (frame.url().split('#')[0] !== expected.split('#')[0]) log.attacks.push(`navigation to ${frame.url()}`);
    });
    page.on('popup', (popup) => log.attacks.push(`popup ${popup.url()}`));
  });
  return context;
}

/**
 * Whether the page that made `request` allows remote images (its `?images=` setting).
 * @param {import('playwright-core').Request} request
 * @param {boolean} fallback  For requests that belong to no page.
 */
function imagesAllowedFor(request, fallback) {
  try {
    return !new URL(request.frame().page().mainFrame().url()).searchParams.has('images', 'block');
  } catch {
    return fallback;
  }
}

/**
 * Opens `url` in a new page of `context`, as the one navigation the page may make.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 */
async function openPage(context, url) {
  const page = await context.newPage();
  /** @type {any} */ (page).__expectedUrl = url;
  await page.goto(url);
  return page;
}

/**
 * Runs in the page: lists dangerous markup under `root` (open shadow roots included).
 * Only the rendered article region is checked for ids; the whole page for the rest.
 * @param {Element} root
 * @returns {string[]}
 */
function auditDom(root) {
  const BAD_TAGS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta',
    'link', 'style', 'form', 'svg', 'math', 'template', 'noscript', 'portal', 'param', 'video', 'audio', 'source',
    'track', 'isindex', 'xmp', 'plaintext', 'textarea', 'select', 'animate', 'set', 'use', 'image', 'foreignobject',
    'handler', 'discard', 'noembed', 'noframes', 'title']);
  const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite',
    'srcset', 'ping', 'data', 'srcdoc', 'dynsrc', 'lowsrc', 'code', 'codebase', 'values', 'to', 'from', 'by', 'content']);
  const RASTER = /^data:image\/(png|jpe?g|gif|webp|avif|bmp)[;,]/;
  /** @type {string[]} */
  const found = [];
  const tagOf = (/** @type {Element} */ el) => `<${el.localName}>`;
  /** @param {ParentNode} node */
  const walk = (node) => {
    for (const el of node.querySelectorAll('*')) {
      // The page's own settings menu (view/controls.js: two <select>s) is not article content.
      if (el.closest('[data-testid="reader-controls"]')) continue;
      const tag = el.localName.toLowerCase();
      if (BAD_TAGS.has(tag) && !el.closest('head')) found.push(`element ${tagOf(el)}`);
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        const value = attr.value;
        if (name.startsWith('on')) found.push(`${tagOf(el)} has ${name}`);
        if (name === 'style') found.push(`${tagOf(el)} style="${value}"`);
        if (name === 'id' && el.closest('[data-testid="article-body"]') && !value.startsWith('user-content-')) {
          found.push(`${tagOf(el)} id="${value}" is not prefixed`);
        }
        if (URL_ATTRS.has(name) || name.endsWith(':href')) {
          const squeezed = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          const scheme = /^([a-z][a-z0-9+.-]*):/.exec(squeezed)?.[1];
          const rasterImage = tag === 'img' && name === 'src' && RASTER.test(squeezed);
          if (scheme && !['http', 'https', 'mailto', 'blob'].includes(scheme) && !rasterImage) {
            found.push(`${tagOf(el)} ${name}="${value.slice(0, 80)}"`);
          }
          if (['srcdoc', 'action', 'formaction', 'ping', 'data', 'dynsrc', 'lowsrc', 'background', 'poster'].includes(name)) {
            found.push(`${tagOf(el)} has ${name}`);
          }
        }
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return found;
}

/**
 * Feeds one batch of vectors to a page, renders each in turn, and adds to the log what
 * the audit found and how many ran.
 * @typedef {(page: import('playwright-core').Page, batch: import('../xss/vectors.mjs').Vector[], log: Log, index: number) => Promise<void>} Feed
 */

/**
 * The viewer driver: drop (even batches) or pick (odd batches) the files, then open
 * each one from the library's list (scrolled to its row, which is clicked) so each one
 * renders, and audit the page after each.
 * @type {Feed}
 */
async function feedViewer(page, batch, log, index) {
  await page.getByTestId('welcome').waitFor();
  const files = batch.map((v) => ({ name: v.fileName, bytes: Buffer.from(v.text), type: 'text/markdown' }));
  if (index % 2 === 0) await dropFiles(page, files);
  else {
    await page.getByTestId('file-input').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: f.bytes })));
  }
  const results = await page.evaluate(async (count) => {
    const w = /** @type {any} */ (window);
    const tick = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    const box = /** @type {HTMLElement} */ (document.querySelector('[data-testid="file-list"]'));
    const records = () => [...w.folioLibrary.records.values()];
    for (let waited = 0; records().length < count || records().some((r) => r.status === 'pending') || box.getAttribute('aria-busy') !== 'false'; waited += 1) {
      if (waited > 2000) throw new Error(`only ${records().length} of ${count} files were read`);
      await tick();
    }
    const out = [];
    for (let i = 0; i < count; i += 1) {
      w.folioList.activate(i); // scrolls the list to the row
      await tick();
      const path = w.folioList.shown[i];
      const row = /** @type {HTMLElement | null} */ (box.querySelector(`[data-path="${CSS.escape(path)}"]`));
      if (!row) throw new Error(`file ${i} has no row`);
      row.click();
      const hash = `#${path.split('/').map(encodeURIComponent).join('/')}`;
      for (let waited = 0; location.hash !== hash || !document.querySelector('[data-testid="viewer"] > [data-testid="article"], [data-testid="viewer"] > [data-testid="error"]'); waited += 1) {
        if (waited > 2000) throw new Error(`file ${i} did not show`);
        await tick();
      }
      if (row.getAttribute('aria-current') !== 'true') throw new Error(`file ${i} is not marked as shown`);
      // Everything but the library's own controls (its menus are <select>s, its virtual
      // list places rows with inline styles): the reading pane and the rest of the body.
      const audited = [...document.body.children].filter((el) => !el.matches('header.topbar') && !el.matches('.layout'));
      audited.push(/** @type {Element} */ (document.querySelector('[data-testid="viewer"]')));
      const findings = audited.flatMap((el) => /** @type {string[]} */ (w.__xssAudit(el)));
      // The library's titles and snippets are text: nothing in the sidebar but its own markup.
      const sidebar = /** @type {Element} */ (document.querySelector('[data-testid="file-list-nav"]'));
      for (const el of sidebar.querySelectorAll('*')) {
        if (!['div', 'span', 'p', 'h2', 'section', 'details', 'summary', 'select', 'option', 'button', 'ul', 'li', 'time', 'mark', 'label', 'input', 'progress', 'img'].includes(el.localName)) findings.push(`sidebar <${el.localName}>`);
        for (const attr of el.attributes) if (attr.name.startsWith('on')) findings.push(`sidebar <${el.localName}> has ${attr.name}`);
      }
      out.push({ state: w.folioLibrary.records.get(path)?.status, findings });
    }
    return out;
  }, batch.length);
  results.forEach(({ state, findings }, i) => {
    if (state === 'failed') log.errors += 1;
    for (const finding of findings) log.audit.push(`#${batch[i].id} (${batch[i].family}: ${batch[i].name}): ${finding}`);
    log.ran += 1;
  });
}

/**
 * Runs all vectors through one driver, BATCH per page load.
 * @param {object} options
 * @param {(index: number) => string} options.path  The page to open for batch `index`,
 *   relative to the server root.
 * @param {Feed} options.feed
 * @param {boolean} options.imagesAllowed
 * @param {RegExp} [options.extraPaths]
 * @param {(context: import('playwright-core').BrowserContext) => Promise<void>} [options.setup]
 * @returns {Promise<Log>}
 */
async function runSuite({ path, feed, imagesAllowed, extraPaths, setup }) {
  const log = newLog();
  const context = await recordingContext({ imagesAllowed, extraPaths }, log);
  try {
    if (setup) await setup(context);
    for (let start = 0, index = 0; start < VECTORS.length; start += BATCH, index += 1) {
      const page = await openPage(context, harness.url + path(index));
      await feed(page, VECTORS.slice(start, start + BATCH), log, index);
      // Let late events (image errors, animations, timers) land before the page goes.
      await page.waitForTimeout(300);
      await page.close();
    }
  } finally {
    await context.close();
  }
  return log;
}

/**
 * Names the vectors behind the ids that attack records mention.
 * @param {string[]} lines
 */
function explain(lines) {
  return lines.map((line) => {
    const id = Number(/\/x\/(\d+)|\((\d+)\)|\/(\d+)/.exec(line)?.slice(1).find(Boolean));
    const vector = VECTORS.find((v) => v.id === id);
    return vector ? `${line}  ← #${id} ${vector.family}: ${vector.name}` : line;
  });
}

/**
 * Prints the summary line and fails on anything an attack achieved.
 * @param {string} label
 * @param {Log} log
 */
function report(label, log) {
  console.log(`xss (${label}): ${log.ran} vectors, ${log.attacks.length} executed or reached out, ` +
    `${log.audit.length} unsafe markup, ${log.csp.length} CSP violations caught, ${log.errors} refused as unreadable, ` +
    `${log.images} remote images loaded`);
  for (const line of log.csp.slice(0, 10)) console.log(`  CSP: ${line}`);
  assert.ok(log.ran >= 300, `only ${log.ran} vectors ran`);
  assert.deepEqual(explain(log.attacks), [], 'an attack executed, navigated or reached the network');
  assert.deepEqual(log.audit, [], 'unsafe markup reached the page');
  assert.deepEqual(log.pageErrors, [], 'the page threw');
}

describe('the viewer', () => {
  test('the recorder sees hook calls, dialog overrides, requests, navigations and unsafe markup', async () => {
    const log = newLog();
    const context = await recordingContext({ imagesAllowed: true }, log);
    try {
      const page = await openPage(context, `${harness.url}?src=`);
      await feedViewer(page, [{ id: 0, family: 'control', name: 'benign', fileName: 'control.md', text: TINY_POST }], log, 0);
      assert.deepEqual(log, { ...newLog(), ran: 1 }, 'a benign article is clean');
      await page.evaluate('window.__xss("control"); alert("control"); confirm("control")');
      await page.evaluate(`fetch('https://${ATTACKER}/control').catch(() => {})`);
      await page.evaluate(() => {
        // Trusted Types forbid setting handler attributes even here; a javascript: link and
        // an empty script element are what the audit must still see.
        const link = document.createElement('a');
        link.href = 'javascript:void(0)';
        document.querySelector('[data-testid="article-body"]')?.append(link, document.createElement('script'));
      });
      const audit = await page.evaluate(() => /** @type {any} */ (window).__xssAudit(document.querySelector('[data-testid="viewer"]')));
      await page.evaluate(`location.href = 'https://${ATTACKER}/away'`);
      await page.waitForEvent('framenavigated');
      await page.close();
      assert.ok(log.attacks.includes('hook(control)'), log.attacks.join('\n'));
      assert.ok(log.attacks.includes('alert(control)'));
      assert.ok(log.attacks.includes('confirm(control)'));
      assert.ok(log.attacks.some((line) => line.startsWith(`request fetch https://${ATTACKER}/control`)), log.attacks.join('\n'));
      assert.ok(log.attacks.some((line) => line.startsWith('navigation to')), log.attacks.join('\n'));
      assert.deepEqual(audit, ['<a> href="javascript:void(0)"', 'element <script>']);
    } finally {
      await context.close();
    }
  });

  test(`${VECTORS.length} vectors through drop (remote images on) and file input (?images=block)`, async () => {
    // Even batches are dropped with remote images on; odd ones picked with images blocked,
    // where any remote request at all counts as an attack.
    const log = await runSuite({ path: (index) => (index % 2 ? '?src=&images=block' : '?src='), feed: feedViewer, imagesAllowed: false });
    report('viewer', log);
  });
});

/** The host page for the element: the viewer's own CSP, one external module. */
function elementHostFiles() {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(readFileSync(`${ROOT}www/index.html`, 'utf8'))?.[1];
  assert.ok(csp, 'index.html has a CSP meta');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="referrer" content="no-referrer">
<title>folio-article XSS host</title><script type="module" src="driver.js"></script></head>
<body data-testid="dropzone"><main id="host"></main></body></html>`;
  const driver = `
const mod = await import('../folio-article.js');
if (!customElements.get('folio-article')) {
  const define = mod.define ?? mod.defineFolioArticle ?? mod.register;
  const cls = mod.default ?? mod.FolioArticle;
  if (typeof define === 'function') define();
  else if (typeof cls === 'function') customElements.define('folio-article', cls);
}
await customElements.whenDefined('folio-article');
window.__xssFeed = async (name, b64) => {
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const el = document.createElement('folio-article');
  document.getElementById('host').replaceChildren(el);
  if (typeof el.render === 'function') {
    try { await el.render(bytes, { fileName: name }); } catch { return 'error'; }
    return 'render';
  }
  el.setAttribute('src', 'files/' + encodeURIComponent(name));
  for (let i = 0; i < 100; i += 1) {
    if (el.hasAttribute('rendered')) return 'src';
    if (el.hasAttribute('error')) return 'error';
    await new Promise((done) => setTimeout(done, 30));
  }
  return 'timeout';
};
document.body.dataset.ready = 'true';
`;
  return { html, driver };
}

describe('the <folio-article> element', () => {
  const present = existsSync(ELEMENT_MODULE);
  test(`${VECTORS.length} vectors through <folio-article>`, { skip: present ? false : 'www/folio-article.js does not exist yet' }, async () => {
    const { html, driver } = elementHostFiles();
    const byName = new Map(VECTORS.map((v) => [v.fileName, v.text]));
    /** @type {Record<string, number>} */
    const modes = {};
    /** @type {Feed} */
    const feedElement = async (page, batch, log) => {
      await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
      for (const vector of batch) {
        const mode = await page.evaluate(([name, b64]) => /** @type {any} */ (window).__xssFeed(name, b64),
          [vector.fileName, Buffer.from(vector.text).toString('base64')]);
        modes[mode] = (modes[mode] ?? 0) + 1;
        if (mode === 'error') log.errors += 1;
        for (const finding of await page.evaluate(() => /** @type {any} */ (window).__xssAudit(document.body))) {
          log.audit.push(`#${vector.id} (${vector.family}: ${vector.name}): ${finding}`);
        }
        log.ran += 1;
      }
    };
    const log = await runSuite({
      path: () => 'xss-host/index.html',
      feed: feedElement,
      imagesAllowed: true,
      extraPaths: /^xss-host\//,
      setup: (context) => context.route(`${harness.url}xss-host/**`, (route) => {
        const path = decodeURIComponent(new URL(route.request().url()).pathname);
        if (path.endsWith('/index.html')) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
        if (path.endsWith('/driver.js')) return route.fulfill({ contentType: 'text/javascript', body: driver });
        const text = byName.get(path.split('/files/').pop() ?? '');
        return text === undefined ? route.fulfill({ status: 404, body: 'Not found' }) : route.fulfill({ contentType: 'text/plain; charset=utf-8', body: text });
      }),
    });
    console.log(`folio-article fed by: ${JSON.stringify(modes)}`);
    assert.equal(modes.timeout ?? 0, 0, 'the element never said it had rendered');
    report('folio-article', log);
  });
  if (!present) console.log('xss: www/folio-article.js does not exist yet; the <folio-article> run is skipped.');
});
