// How the viewer renders an article the reader opens. While an archive's files are parsed
// (LIBRARY_FILES or more waiting), a parse worker renders it whole: its core is loaded,
// and the core's render on the page's thread was the longest task while an archive
// indexed (the page then only builds the view). Big files, a few files opened (`?src=`,
// files dropped: they are read in moments, and a parse worker may not have its core yet)
// and any file when no parse worker runs go the usual way (render/worker-client.js: the
// render worker, or the page).

import { WorkerGone } from '../library/pool.js';

/** Files waiting for the parse workers from which an opened article is rendered by one. */
export const LIBRARY_FILES = 20;

/** @typedef {import('../folio.js').Article} Article */
/** @typedef {import('../folio.js').RenderOptions} RenderOptions */
/** @typedef {(bytes: Uint8Array, options: RenderOptions) => Promise<Article>} Render */

/**
 * The viewer's render for opened articles.
 * @param {object} parts
 * @param {{ readonly pending: number, render: Render }} parts.pool  The library's parse pool.
 * @param {Render} parts.fallback  The usual render (renderFile).
 * @param {number} parts.maxBytes  Files this big or bigger always go the usual way.
 * @returns {Render}
 */
export function openedRenderer({ pool, fallback, maxBytes }) {
  return (bytes, options) => {
    if (bytes.length >= maxBytes || pool.pending < LIBRARY_FILES) return fallback(bytes, options);
    // The core's own errors stand (the usual way would throw them again); a worker that
    // is gone or stops meanwhile leaves the file to the usual way.
    return pool.render(bytes, options).catch((error) => (error instanceof WorkerGone ? fallback(bytes, options) : Promise.reject(error)));
  };
}
