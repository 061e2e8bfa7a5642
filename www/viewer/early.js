// What the first screen waits for, started while the viewer's other modules still load:
// index.html runs this module on its own, `async` (as soon as it is loaded), so the core's
// compilation, the first article's fetch (`?src=`, or the demo on a bare page) and its
// render overlap the download of the rest of the viewer and its start; the page's words
// are put in the reader's language and the article of `?src=` is drawn (first-view.js,
// loaded meanwhile). Its static imports have none of their own. files.js takes the fetch
// and the render it started.

import { renderWhenReady, init } from '../folio.js';
import { fetchArticle } from '../fetch-article.js';
import { ARCHIVE_TYPE } from '../library/archive-blocks.js';

/** The demo article, shown on a page with nothing else to show (next to the page:
 * scripts/build-wasm.sh copies it there). */
export const DEMO = 'samples/sina-cross-border-ecommerce.md';

/** Fetches started here, by absolute URL, until taken. @type {Map<string, Promise<import('../fetch-article.js').Fetched>>} */
const started = new Map();

/** Files up to this size are rendered here as soon as they arrive (bigger ones are
 * rendered when files.js opens them, the biggest in the render worker). */
const EARLY_RENDER_MAX_BYTES = 256 * 1024;

/**
 * The early render of the first article: the core's first render of a page compiles
 * most of the module's functions (lazily, on the page's thread: 40–190 ms on this
 * machine), so it is done while the rest of the viewer still downloads.
 * @typedef {object} EarlyRender
 * @property {Uint8Array} bytes
 * @property {import('../folio.js').RenderOptions} options
 * @property {Promise<import('../folio.js').Article>} article
 */
/** @type {EarlyRender | null} */
let early = null;

/**
 * Starts the core and the first article's fetch for this page's address.
 * @param {Location} where
 */
function begin(where) {
  const src = new URLSearchParams(where.search).get('src');
  // One article by address starts with the light module (the full one follows if the file
  // needs it); the demo, kept articles and a saved library are HTML bodies or many files.
  init(src === null ? { preload: ['full'] } : undefined).catch(() => { /* Each file says so when it renders. */ });
  // The page's words and the first article's view, loaded meanwhile.
  const drawing = import('./first-view.js');
  drawing.catch(() => { /* app.js does both when it is up. */ });
  // The page's own words, in the reader's language once it is parsed.
  whenParsed(() => drawing.then(({ speakEarly }) => speakEarly()).catch(() => {}));
  if (src !== null) {
    // Drawn at once too, unless a permalink may name another article to show.
    fetchEarly(src, where.hash ? null : drawing);
    return;
  }
  // A permalink names an article of the kept library: nothing to fetch for it. A page with
  // a library saved into it shows that, not the demo; the single file carries its demo.
  // Those are in the page's body: read once it is parsed.
  whenParsed(() => {
    const own = document.querySelector(`script[type="${ARCHIVE_TYPE}"], #folio-demo`);
    if (!where.hash && !own) fetchEarly(DEMO, null);
  });
}

/**
 * Runs `then` once the page is parsed: index.html runs this module `async` (as soon as it
 * is loaded, possibly before), and this is still before app.js runs.
 * @param {() => void} then
 */
function whenParsed(then) {
  const check = () => {
    if (document.readyState === 'loading') return;
    document.removeEventListener('readystatechange', check);
    then();
  };
  document.addEventListener('readystatechange', check);
  check();
}

/**
 * Fetches the first article (and renders it as soon as it arrives, if small).
 * @param {string} wanted  Its address, as given.
 * @param {Promise<typeof import('./first-view.js')> | null} draw  Where given, it is drawn
 *   too, before the rest of the viewer is up: the article the reader asked for by address.
 *   Not the demo: a library kept in this browser may take its place.
 */
function fetchEarly(wanted, draw) {
  if (wanted.trim() === '') return;
  let url;
  try {
    url = new URL(wanted, document.baseURI).href;
  } catch {
    return; // files.js says why when it opens it.
  }
  const fetching = fetchArticle(url);
  fetching.then((fetched) => {
    const article = renderEarly(fetched);
    if (draw && article) drawEarly(article, fetched, draw);
  }, () => { /* Reported when taken. */ });
  started.set(url, fetching);
}

/**
 * Renders a fetched article as files.js will (the same options), if it is small.
 * @param {import('../fetch-article.js').Fetched} fetched
 * @returns {Promise<import('../folio.js').Article> | null}
 */
function renderEarly({ bytes, url, name }) {
  if (bytes.length > EARLY_RENDER_MAX_BYTES) return null;
  const options = openedRenderOptions(name, url.href);
  const article = renderWhenReady(bytes, options);
  article.catch(() => { /* A failed render is files.js's to report, when it takes it. */ });
  early = { bytes, options, article };
  return article;
}

/**
 * Draws the rendered article in the reading pane if nothing else is shown there yet.
 * @param {Promise<import('../folio.js').Article>} rendering
 * @param {import('../fetch-article.js').Fetched} fetched
 * @param {Promise<typeof import('./first-view.js')>} drawing
 */
function drawEarly(rendering, { url, name }, drawing) {
  Promise.all([rendering, drawing])
    .then(([article, { drawFirst }]) => drawFirst(article, { name, baseUrl: url.href }))
    .catch(() => { /* The reader shows it (or why it cannot) when it is up. */ });
}

/**
 * How an opened file is rendered (files.js, and this module ahead of it): with its text
 * (the README's Article table), which gives the library its summary and search text, as
 * UTF-8 bytes: they go to the search worker as they are, where a 10 MB article's text as a
 * string was copied from the render worker and again to the search worker, ~80 ms of the
 * page's thread before its first screen.
 * @param {string} fileName
 * @param {string} [baseUrl]  Where it came from, for its relative links.
 * @returns {import('../folio.js').RenderOptions}
 */
export function openedRenderOptions(fileName, baseUrl) {
  return /** @type {import('../folio.js').RenderOptions} */ (/** @type {unknown} */ ({ fileName, includeText: true, textBytes: true, ...(baseUrl ? { baseUrl } : {}) }));
}

/**
 * The early render, once, if it was of these very bytes (the fetched array itself, which
 * files.js renders from memory) with these options; else null.
 * @param {Uint8Array} bytes
 * @param {import('../folio.js').RenderOptions} options
 * @returns {Promise<import('../folio.js').Article> | null}
 */
export function takeEarlyRender(bytes, options) {
  const found = early;
  if (!found || found.bytes !== bytes || !sameOptions(found.options, options)) return null;
  early = null;
  return found.article;
}

/**
 * @param {Record<string, unknown>} a
 * @param {Record<string, unknown>} b
 */
function sameOptions(a, b) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}

/**
 * The fetch this module started for `url`, once (a second call fetches anew: a retry), or null.
 * @param {string} url  Absolute.
 * @returns {Promise<import('../fetch-article.js').Fetched> | null}
 */
export function takeEarlyFetch(url) {
  const fetching = started.get(url) ?? null;
  started.delete(url);
  return fetching;
}

if (typeof location !== 'undefined' && typeof document !== 'undefined') begin(location);
