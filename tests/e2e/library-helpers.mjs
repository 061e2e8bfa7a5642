// Helpers for the library's browser tests: archives built in a temporary folder from the
// corpus (read in place, copied only to /tmp, never into the repository) and small
// fixture files, and waiting for the viewer's library.

import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { ROOT } from './harness.mjs';

/** The real-world corpus, read where it lies. */
export const CORPUS = join(ROOT, '..', 'shared', 'corpus');

/** The viewer with nothing opened (no demo), relative to the server root. */
export const VIEWER = '?src=';

/** A 1×1 GIF. */
export const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

/**
 * A valid PNG of one colour.
 * @param {number} width
 * @param {number} height
 * @returns {Buffer}
 */
export function png(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  /** @param {Buffer} b */
  const crc = (b) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  /** @param {string} type @param {Buffer} data */
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; header[9] = 2; // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x5a)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Writes files into a new temporary folder.
 * @param {string} name the folder's name (it is what the folder input reports)
 * @param {Record<string, string | Buffer>} files path → content
 * @returns {string} the folder
 */
export function makeFolder(name, files) {
  const root = join(mkdtempSync(join(tmpdir(), 'folio-lib-')), name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/**
 * A corpus file's bytes.
 * @param {string} path relative to the corpus
 * @returns {Buffer}
 */
export function corpus(path) {
  return readFileSync(join(CORPUS, path));
}

/**
 * Every corpus article (not the README or the sources list), by group/name.
 * @returns {string[]}
 */
export function corpusArticles() {
  return readdirSync(CORPUS, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.parentPath !== CORPUS)
    .map((e) => join(e.parentPath.slice(CORPUS.length + 1), e.name));
}

/**
 * Waits until the library has read every file and indexed every article it read.
 * @param {import('playwright-core').Page} page
 * @param {number} articles how many articles are expected
 * @param {number} [timeout]
 */
export async function waitForLibrary(page, articles, timeout = 60_000) {
  await page.waitForFunction((n) => {
    const lib = /** @type {any} */ (window).folioLibrary;
    const c = lib?.counts();
    return c && c.total === n && c.parsed + c.failed === n && c.indexed >= c.parsed
      && document.querySelector('.lib-progress')?.getAttribute('data-done') === 'true'
      && document.querySelector('[role="listbox"]')?.getAttribute('aria-busy') === 'false';
  }, articles, { timeout, polling: 100 });
}

/**
 * The permalink hash of a path, as the viewer writes it (viewer/route.js).
 * @param {string} path
 * @returns {string}
 */
export function permalink(path) {
  return `#${path.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * Waits until the article at `path` is the one shown (its permalink in the address, its view on screen).
 * @param {import('playwright-core').Page} page
 * @param {string} path
 */
export async function waitForArticle(page, path) {
  await page.waitForFunction((hash) => location.hash === hash && document.querySelector('[data-testid="article"]'), permalink(path));
}

/**
 * Waits until the list has drawn every article opened so far and none is still being read.
 * @param {import('playwright-core').Page} page
 * @param {number} [timeout]
 */
export async function listSettled(page, timeout = 30_000) {
  await page.waitForFunction(() => document.querySelector('[data-testid="file-list"]')?.getAttribute('aria-busy') === 'false'
    && !document.querySelector('[data-testid="library-item"][data-status="pending"]'), undefined, { timeout, polling: 50 });
}

/**
 * The list's row of the article at `path`.
 * @param {import('playwright-core').Page} page
 * @param {string} path
 */
export function itemFor(page, path) {
  return page.locator(`[data-testid="library-item"][data-path="${path}"]`);
}

/** A stand-in for pkg/folio.js around the real one (imported as `?real`) that writes Obsidian
 * wiki-links as the README's Article table says the core will (`a.wikilink`, `a.wikilink.embed`, `img`
 * for an embedded image) and lists them in `Article.links`: the viewer's side of wiki-links
 * is tested before the core's side lands. Each `[[…]]` of the input's body becomes a
 * placeholder word that the real core passes through, then the markup. */
export const WIKI_CORE = `
import start, { render as realRender } from './folio.js?real';
export default start;
const IMAGE = /\\.(png|jpe?g|gif|webp|svg|avif)$/i;
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
export function render(input, options) {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  const start = text.startsWith('---') ? text.indexOf('\\n---', 3) + 4 : 0;
  if (!text.includes('[[', start)) return realRender(input, options);
  const made = [];
  const body = text.slice(start).replace(/(!?)\\[\\[([^\\]|]+)(?:\\|([^\\]]*))?\\]\\]/g, (whole, bang, target, label) => {
    const name = target.trim();
    let markup;
    if (bang && IMAGE.test(name)) markup = { kind: 'image', html: '<img src="' + escape(encodeURI(name)) + '" alt="' + escape(name) + '">' };
    else markup = { kind: bang ? 'embed' : 'wikilink', html: '<a class="wikilink' + (bang ? ' embed' : '') + '" href="' + escape(encodeURI(name)) + '">' + escape(label ?? name.replace(/#.*$/, '')) + '</a>' };
    made.push({ ...markup, target: name });
    return 'WIKILINKPLACEHOLDER' + (made.length - 1) + 'X';
  });
  const article = realRender(text.slice(0, start) + body, options);
  const html = article.html.replace(/WIKILINKPLACEHOLDER(\\d+)X/g, (whole, n) => made[Number(n)].html);
  const links = [...(Array.isArray(article.links) ? article.links : []), ...made.map(({ kind, target }) => ({ kind, target }))];
  return { ...article, html, links };
}
`;
