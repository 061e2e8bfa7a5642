// What the first screen waits for, started while the viewer's other modules still load:
// index.html runs this module on its own, before app.js, so the core's compilation and
// the first article's fetch (`?src=`, or the demo on a bare page) overlap the download of
// the rest of the viewer and its start (the kept library is looked up first). Its imports
// have none of their own. files.js takes the fetch it started.

import { init } from '../folio.js';
import { fetchArticle } from '../fetch-article.js';
import { ARCHIVE_TYPE } from '../library/archive-blocks.js';

/** The demo article, shown on a page with nothing else to show (next to the page:
 * scripts/build-wasm.sh copies it there). */
export const DEMO = 'samples/sina-cross-border-ecommerce.md';

/** Fetches started here, by absolute URL, until taken. @type {Map<string, Promise<import('../fetch-article.js').Fetched>>} */
const started = new Map();

/**
 * Starts the core and the first article's fetch for this page's address.
 * @param {Location} where
 */
function begin(where) {
  const src = new URLSearchParams(where.search).get('src');
  // One article by address starts with the light module (the full one follows if the file
  // needs it); the demo, kept articles and a saved library are HTML bodies or many files.
  init(src === null ? { preload: ['full'] } : undefined).catch(() => { /* Each file says so when it renders. */ });
  // A permalink names an article of the kept library: nothing to fetch for it. A page with
  // a library saved into it shows that, not the demo; the single file carries its demo.
  const own = document.querySelector(`script[type="${ARCHIVE_TYPE}"], #folio-demo`);
  const wanted = src ?? (where.hash || own ? null : DEMO);
  if (wanted === null || wanted.trim() === '') return;
  let url;
  try {
    url = new URL(wanted, document.baseURI).href;
  } catch {
    return; // files.js says why when it opens it.
  }
  const fetching = fetchArticle(url);
  fetching.catch(() => { /* Reported when taken. */ });
  started.set(url, fetching);
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
