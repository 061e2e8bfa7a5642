// Builds the article view and the error card as DOM nodes. Metadata is always text;
// the sanitized body is the one piece of HTML, inserted through the `folio` policy
// (which also vouches for the render worker's script URL, and nothing else).

import { showDate } from './dates.js';

/** @typedef {import('./folio.js').Article} Article */
/** @typedef {(key: string, ...args: any[]) => string} Translate */

/** Bodies this long (in UTF-16 units) lay out only the blocks on screen (`.huge` in
 * style.css: `content-visibility: auto`): laying out a 10 MB article at once froze the page
 * for over 10 s, this way about 1 s. Smaller bodies keep exact layout everywhere. */
const HUGE_BODY_CHARS = 1 << 20;

/** The most original text shown in the `<pre>`; bigger files are cut there. */
const ORIGINAL_LIMIT = 1_000_000;

/**
 * Shorthand for an element with optional class, text and attributes.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {{ className?: string, text?: string, attrs?: Record<string, string> }} [props]
 * @param {...(Node | null)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** This module's URL. Not written as `new URL('…', import.meta.url)`: bundlers resolve that
 * idiom at build time, and the npm package (which has this module) ships no worker. */
const HERE = import.meta.url;
/** The one script URL the `folio` policy vouches for: Folio's render worker next to this module. */
const WORKER_SCRIPT = new URL('folio-worker.js', HERE).href;

/**
 * @typedef {object} FolioPolicy
 * @property {(html: string) => TrustedHTML | string} createHTML
 * @property {(url: string) => TrustedScriptURL | string} createScriptURL
 */

/** @type {FolioPolicy | null} */
let policy = null;

/**
 * The page's one Trusted Types policy, `folio` (a CSP allows it once): HTML for the
 * article body (parseArticleBody), and the worker's script URL (workerScriptURL).
 * @returns {FolioPolicy}
 */
function folioPolicy() {
  if (!policy) {
    const rules = {
      createHTML: (/** @type {string} */ html) => html,
      createScriptURL: (/** @type {string} */ url) => {
        if (url !== WORKER_SCRIPT) throw new TypeError(`The folio policy only loads ${WORKER_SCRIPT}, not ${url}.`);
        return url;
      },
    };
    const tt = /** @type {any} */ (window).trustedTypes;
    policy = tt ? tt.createPolicy('folio', rules) : rules;
  }
  return /** @type {FolioPolicy} */ (policy);
}

/**
 * The URL of www/folio-worker.js (next to this module) as a TrustedScriptURL, for
 * `new Worker()` on a page that requires Trusted Types.
 * @returns {TrustedScriptURL | string}
 */
export function workerScriptURL() {
  return folioPolicy().createScriptURL(WORKER_SCRIPT);
}

/**
 * Parses the core's sanitized body HTML into an inert fragment. This is the only
 * place where HTML enters the page (through the `folio` Trusted Types policy).
 * @param {string} sanitizedHtml Article.html from the core, already sanitized.
 * @returns {DocumentFragment}
 */
export function parseArticleBody(sanitizedHtml) {
  const template = document.createElement('template');
  // The template's content is inert: nothing loads before we adjust it below.
  template.innerHTML = /** @type {string} */ (folioPolicy().createHTML(sanitizedHtml));
  return template.content;
}

/**
 * Whether showing this image would fetch it from another site: an http(s) or
 * protocol-relative URL on another origin. data: and blob: images and the viewer's
 * own files are not remote.
 * @param {string} src
 * @returns {boolean}
 */
export function isRemoteImage(src) {
  let url;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== location.origin;
}

/**
 * A button standing in for a blocked remote image; clicking it puts that one image
 * back and lets it load. The image waits, without `src`, in `data-src`.
 * @param {HTMLImageElement} img  An image whose `src` was moved to `data-src`.
 * @param {Translate} t
 * @returns {HTMLButtonElement}
 */
function imagePlaceholder(img, t) {
  const src = img.dataset.src ?? '';
  let host = src;
  try {
    host = new URL(src, document.baseURI).host;
  } catch {
    // Keep the URL as written.
  }
  const button = el('button', { className: 'image-placeholder', text: t('loadImage', host),
    attrs: { type: 'button', 'data-testid': 'image-placeholder' } });
  const alt = img.getAttribute('alt');
  if (alt) button.title = alt;
  button.addEventListener('click', (event) => {
    event.preventDefault(); // A placeholder inside a link loads the image, not the link.
    button.replaceWith(img);
    img.loading = 'eager';
    img.src = src;
    img.removeAttribute('data-src');
  }, { once: true });
  return button;
}

/**
 * Replaces every remote image under `root` with a click-to-load placeholder. Runs on
 * the inert template content, so nothing has been fetched yet.
 * @param {ParentNode} root
 * @param {Translate} t
 */
function blockRemoteImages(root, t) {
  for (const img of root.querySelectorAll('img')) {
    img.removeAttribute('srcset');
    const src = img.getAttribute('src');
    if (src === null || !isRemoteImage(src)) continue;
    img.dataset.src = src;
    img.removeAttribute('src');
    img.replaceWith(imagePlaceholder(img, t));
  }
}

/**
 * The article body. Its images already carry `referrerpolicy="no-referrer"`,
 * `loading="lazy"` and `decoding="async"` from the core's sanitizer; remote ones are
 * replaced by placeholders when they are blocked.
 * @param {string} html
 * @param {{ blockImages?: boolean }} options
 * @param {Translate} t
 * @returns {HTMLElement}
 */
function articleBody(html, options, t) {
  const fragment = parseArticleBody(html);
  if (options.blockImages) blockRemoteImages(fragment, t);
  const huge = html.length >= HUGE_BODY_CHARS;
  const body = el('div', { className: huge ? 'article-body huge' : 'article-body', attrs: { 'data-testid': 'article-body' } });
  body.append(fragment);
  return body;
}

/**
 * @param {Article} article
 * @param {string} fallbackTitle
 * @param {Translate} t
 * @param {string} locale
 * @returns {HTMLElement}
 */
function articleHeader(article, fallbackTitle, t, locale) {
  const header = el('header', { className: 'article-header' });
  header.append(
    categoriesNav(article.category_paths, t) ?? '',
    el('h1', { text: article.title ?? fallbackTitle, attrs: { 'data-testid': 'article-title', tabindex: '-1' } }),
    byline(article, t, locale),
  );
  if (article.summary) header.append(el('p', { className: 'summary', text: article.summary }));
  if (article.tags.length) header.append(chips(article.tags, t('tags'), 'tags'));
  return header;
}

/**
 * Categories: each hierarchy as a breadcrumb (Hexo's flat list is one hierarchy).
 * @param {string[][]} paths
 * @param {Translate} t
 * @returns {HTMLElement | null}
 */
export function categoriesNav(paths, t) {
  if (!paths.length) return null;
  const nav = el('nav', { className: 'breadcrumb', attrs: { 'aria-label': t('categories'), 'data-testid': 'categories' } });
  for (const path of paths) {
    const list = el('ol');
    for (const name of path) list.append(el('li', { text: name }));
    nav.append(list);
  }
  return nav;
}

/**
 * @param {string[]} names
 * @param {string} label
 * @param {string} testid
 * @returns {HTMLElement}
 */
export function chips(names, label, testid) {
  const list = el('ul', { className: 'chips', attrs: { 'aria-label': label, 'data-testid': testid } });
  for (const name of names) list.append(el('li', { className: 'chip', text: name }));
  return list;
}

/**
 * Authors, date, updated date, reading time and the draft badge.
 * @param {Article} article
 * @param {Translate} t
 * @param {string} locale
 * @returns {HTMLElement}
 */
export function byline(article, t, locale) {
  const line = el('p', { className: 'byline', attrs: { 'data-testid': 'byline' } });
  /** @type {Node[]} */
  const parts = [];
  if (article.authors.length) {
    parts.push(el('span', { className: 'authors', text: `${t('by')} ${article.authors.join(', ')}` }));
  }
  const date = timeElement(article.date ?? article.date_text, locale, 'article-date');
  if (date) parts.push(date);
  const updated = timeElement(article.updated, locale, 'article-updated');
  if (updated && article.updated !== article.date) {
    parts.push(el('span', { className: 'updated', text: `${t('updated')} ` }, updated));
  }
  if (article.stats.reading_minutes > 0) {
    parts.push(el('span', { className: 'reading-time', text: t('minutesRead', article.stats.reading_minutes) }));
  }
  if (article.draft) parts.push(el('span', { className: 'badge draft', text: t('draft'), attrs: { 'data-testid': 'draft' } }));
  parts.forEach((part, i) => {
    if (i > 0) line.append(el('span', { className: 'sep', text: ' · ', attrs: { 'aria-hidden': 'true' } }));
    line.append(part);
  });
  return line;
}

/**
 * A `<time>` for a date the reader can parse, a `<span>` for one that isn't a date.
 * @param {string | null} value
 * @param {string} locale
 * @param {string} testid
 * @returns {HTMLElement | null}
 */
function timeElement(value, locale, testid) {
  const shown = showDate(value, locale);
  if (!shown) return null;
  if (!shown.datetime) return el('span', { className: 'date', text: shown.text, attrs: { 'data-testid': testid } });
  return el('time', { className: 'date', text: shown.text, attrs: { datetime: shown.datetime, 'data-testid': testid, title: value ?? '' } });
}

/**
 * The cover's URL resolved against `baseUrl`, or null when it is not one an image may load
 * from: only http(s), blob: and data: images pass.
 * @param {string} cover
 * @param {string | undefined} baseUrl
 * @returns {URL | null}
 */
export function coverUrl(cover, baseUrl) {
  let url;
  try {
    url = new URL(cover, baseUrl ?? document.baseURI);
  } catch {
    return null;
  }
  if (!['http:', 'https:', 'blob:'].includes(url.protocol) && !/^data:image\//i.test(cover)) return null;
  return url;
}

/**
 * The file name for a URL's last path segment (the host when the path is empty).
 * @param {URL} url
 * @returns {string}
 */
export function nameFromUrl(url) {
  const last = url.pathname.split('/').filter(Boolean).pop();
  try {
    return last ? decodeURIComponent(last) : url.host;
  } catch {
    return last ?? url.host;
  }
}

/**
 * The cover image; URLs other than http(s), data: images and relative ones are ignored.
 * A remote cover becomes a placeholder when remote images are blocked.
 * @param {string | null} cover
 * @param {string | undefined} baseUrl
 * @param {Translate} t
 * @param {{ blockImages?: boolean }} [options]
 * @returns {HTMLElement | null}
 */
function coverFigure(cover, baseUrl, t, options = {}) {
  const url = cover ? coverUrl(cover, baseUrl) : null;
  if (!url) return null;
  const img = el('img', { attrs: { alt: t('coverAlt'), 'data-testid': 'cover' } });
  img.referrerPolicy = 'no-referrer';
  img.decoding = 'async';
  if (options.blockImages && isRemoteImage(url.href)) {
    img.dataset.src = url.href;
    return el('figure', { className: 'cover' }, imagePlaceholder(img, t));
  }
  img.src = url.href;
  return el('figure', { className: 'cover' }, img);
}

/**
 * The table of contents, when the article has at least three headings.
 * @param {Article['toc']} toc
 * @param {Translate} t
 * @returns {HTMLElement | null}
 */
export function tableOfContents(toc, t) {
  if (toc.length < 3) return null;
  const top = Math.min(...toc.map((entry) => entry.level));
  const list = el('ol');
  for (const entry of toc) {
    const link = el('a', { text: entry.text, attrs: { href: `#${encodeURIComponent(entry.id)}` } });
    const item = el('li', { attrs: { 'data-depth': String(Math.min(entry.level - top, 3)) } }, link);
    list.append(item);
  }
  return el('nav', { className: 'toc', attrs: { 'aria-label': t('contents'), 'data-testid': 'toc' } },
    el('h2', { text: t('contents') }), list);
}

/**
 * The parser's warnings, collapsed.
 * @param {string[]} warnings
 * @param {Translate} t
 * @returns {HTMLElement | null}
 */
export function warningsBox(warnings, t) {
  if (!warnings.length) return null;
  const list = el('ul');
  for (const warning of warnings) list.append(el('li', { text: warning }));
  return el('details', { className: 'warnings', attrs: { 'data-testid': 'warnings' } },
    el('summary', { text: t('warnings', warnings.length) }), list);
}

/**
 * Decodes a file's bytes for the "original text" view.
 * @param {Uint8Array | null} bytes
 * @param {string | null} encoding The article's encoding, or null to accept only clean UTF-8.
 * @returns {string | null} null when the bytes are not text.
 */
export function decodeOriginal(bytes, encoding) {
  if (!bytes || bytes.length === 0) return null;
  if (encoding) {
    try {
      return new TextDecoder(encoding).decode(bytes);
    } catch {
      // An encoding label this browser doesn't know: fall back to UTF-8.
    }
    return new TextDecoder('utf-8').decode(bytes);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.includes('\0') ? null : text;
  } catch {
    return null;
  }
}

/**
 * A "View original text" toggle; the text is decoded and filled in when first opened.
 * @param {() => string | null} getText
 * @param {Translate} t
 * @returns {HTMLElement | null}
 */
export function originalToggle(getText, t) {
  const pre = el('pre', { className: 'original', attrs: { 'data-testid': 'original-text', tabindex: '0' } });
  const details = el('details', { className: 'original-toggle', attrs: { 'data-testid': 'original' } },
    el('summary', { text: t('viewOriginal') }), pre);
  details.addEventListener('toggle', () => {
    if (!details.open || pre.childNodes.length) return;
    const text = getText() ?? '';
    pre.textContent = text.length > ORIGINAL_LIMIT ? text.slice(0, ORIGINAL_LIMIT) : text;
    if (text.length > ORIGINAL_LIMIT) {
      details.append(el('p', { className: 'note', text: t('originalTruncated', ORIGINAL_LIMIT) }));
    }
  });
  return details;
}

/**
 * The whole article view.
 * @param {object} source
 * @param {Article} source.article
 * @param {string} source.name       The file's name (the title when the article has none).
 * @param {Uint8Array | null} source.bytes
 * @param {string} [source.baseUrl]
 * @param {Translate} t
 * @param {string} locale
 * @param {{ blockImages?: boolean }} [options]  blockImages: show remote images as click-to-load placeholders.
 * @returns {HTMLElement}
 */
export function articleView({ article, name, bytes, baseUrl }, t, locale, options = {}) {
  const view = el('article', { className: 'article', attrs: { 'data-testid': 'article' } });
  if (article.lang) view.lang = article.lang;
  view.append(
    articleHeader(article, name, t, locale),
    coverFigure(article.cover, baseUrl, t, options) ?? '',
    tableOfContents(article.toc, t) ?? '',
    articleBody(article.html, options, t),
    warningsBox(article.warnings, t) ?? '',
    originalToggle(() => decodeOriginal(bytes, article.encoding), t) ?? '',
  );
  return view;
}

/**
 * The card shown in place of an article that could not be opened.
 * @param {object} source
 * @param {string} source.name
 * @param {string} source.message
 * @param {Uint8Array | null} source.bytes
 * @param {Translate} t
 * @returns {HTMLElement}
 */
export function errorView({ name, message, bytes }, t) {
  const card = el('section', { className: 'error-card', attrs: { 'data-testid': 'error' } },
    el('h1', { text: t('errorTitle', name), attrs: { tabindex: '-1' } }),
    el('p', { className: 'error-message', text: message, attrs: { 'data-testid': 'error-message' } }));
  if (decodeOriginal(bytes, null) !== null) {
    card.append(originalToggle(() => decodeOriginal(bytes, null), t) ?? '');
  }
  return card;
}
