// What the page's URL asks of the viewer, read in this one place:
//   ?src=URL     open this article (empty: open nothing; absent: the demo)
//   ?lang=en|zh  the UI language (else the browser's)
//   ?images=block|load  the remote-images setting for this visit
//   ?embed=1     the article alone, for an iframe
// The hash is not read: in-article anchors scroll without it (view/links.js), so that the
// library's permalinks can take it (`#path/in/the/archive.md`) without a clash.

import { browserLanguages, pickLang } from '../i18n.js';

/**
 * @typedef {object} Route
 * @property {string | null} src      null: absent.
 * @property {import('../i18n.js').Lang} lang
 * @property {boolean} langForced     Whether `?lang=` chose it (dates then follow it too).
 * @property {'block' | 'load' | null} images
 * @property {boolean} embed
 */

/**
 * @param {Location | URL} where
 * @returns {Route}
 */
export function readRoute(where) {
  const params = new URLSearchParams(where.search);
  const images = params.get('images');
  return {
    src: params.get('src'),
    lang: pickLang(params, browserLanguages()),
    langForced: params.has('lang'),
    images: images === 'block' || images === 'load' ? images : null,
    embed: params.get('embed') === '1',
  };
}
