// What the page's URL asks of the viewer, read and written in this one place:
//   ?src=URL     open this article (empty: open nothing; absent: the demo)
//   ?lang=en|zh  the UI language (else the browser's)
//   ?images=block|load  the remote-images setting for this visit
//   ?embed=1     the article alone, for an iframe
//   #PATH        the library's permalink: the article at this path in what was opened
//   #PATH#ID     … scrolled to the element with this id (a heading)
// In-article anchors scroll without touching the URL (view/links.js), so the hash is the
// permalinks' alone. Each article the reader moves to is a history entry: back and
// forward move between articles (`onPermalink`).

import { browserLanguages, pickLang } from '../i18n.js';

/**
 * @typedef {object} Route
 * @property {string | null} src      null: absent.
 * @property {import('../i18n.js').Lang} lang
 * @property {boolean} langForced     Whether `?lang=` chose it (dates then follow it too).
 * @property {'block' | 'load' | null} images
 * @property {boolean} embed
 * @property {Permalink | null} permalink  The hash's article, if any.
 */

/**
 * @typedef {object} Permalink
 * @property {string} path      The article's path in the library.
 * @property {string} fragment  An element's id in it ('' for its top).
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
    permalink: readPermalink(where.hash),
  };
}

/**
 * The locale of a UI language (the page's `lang`, numbers, the list's dates).
 * @param {string} lang  `zh` or `en`.
 * @returns {string}
 */
export function localeOf(lang) {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/**
 * The locale dates are shown in: the UI language's when `?lang=` forces it, else the
 * reader's own.
 * @param {{ lang: string, langForced: boolean }} route
 * @returns {string}
 */
export function datesLocale(route) {
  return route.langForced ? localeOf(route.lang) : (navigator.language || 'en');
}

/**
 * The article a URL's hash names: `#posts/a%20b.md#intro` → { path: 'posts/a b.md', fragment: 'intro' }.
 * @param {string} hash  With its leading `#` (or empty).
 * @returns {Permalink | null}
 */
export function readPermalink(hash) {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!raw) return null;
  const split = raw.indexOf('#');
  const decode = (/** @type {string} */ part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  };
  const path = decode(split < 0 ? raw : raw.slice(0, split));
  return path ? { path, fragment: split < 0 ? '' : decode(raw.slice(split + 1)) } : null;
}

/**
 * The hash of an article's permalink: each path segment percent-encoded (so `#` and `?`
 * in a name stay in the path), `/` kept readable.
 * @param {string} path
 * @param {string} [fragment]
 * @returns {string}
 */
export function permalinkHash(path, fragment = '') {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `#${encoded}${fragment ? `#${encodeURIComponent(fragment)}` : ''}`;
}

/**
 * Puts an article's permalink in the address bar: a new history entry (`replace`: the
 * current one changes, e.g. when the page starts on it).
 * @param {string} path
 * @param {{ fragment?: string, replace?: boolean }} [options]
 */
export function showPermalink(path, { fragment = '', replace = false } = {}) {
  const hash = permalinkHash(path, fragment);
  if (location.hash === hash) return;
  const url = `${location.pathname}${location.search}${hash}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
}

/** Takes the permalink out of the address (nothing is shown), with no history entry. */
export function clearPermalink() {
  if (location.hash) history.replaceState(null, '', `${location.pathname}${location.search}`);
}

/**
 * Calls `go` with the article the address names whenever back or forward (or an edited
 * hash) changes it; null when it names none. (Moving between history entries whose hashes
 * differ fires `hashchange`; pushState itself does not.)
 * @param {(permalink: Permalink | null) => void} go
 */
export function onPermalink(go) {
  window.addEventListener('hashchange', () => go(readPermalink(location.hash)));
}
