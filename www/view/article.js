// The article view, the one the viewer and <folio-article> both show: header (categories,
// title, byline, summary, tags), cover, table of contents, body, parser notes and, in the
// viewer, the original text. Metadata is always set as text; the core's sanitized body is
// the one piece of HTML, inserted through the `folio` Trusted Types policy.
// Every piece carries `part` (the element's styling hooks) and `data-testid`.
// What only some articles or pages need is loaded when they do: following the reader
// (progress.js: an outline to mark, a position to remember, a heading in the address)
// once the view is on screen, the original text's toggle where the page offers it.

import { describeWarning } from '../i18n/core.js';
import { headingAnchors } from './anchors.js';
import { fillBody, windowOf } from './body.js';
import { showDate } from './dates.js';
import { el, named } from './dom.js';
import { blockRemoteImages, imagePlaceholder, isRemoteImage } from './images.js';
import { prepareLinks } from './links.js';
import { openBeside, tableOfContents } from './toc.js';

/** @typedef {import('../folio.js').Article} Article */
/** @typedef {import('../folio.js').Warning} Warning */
/** @typedef {import('../i18n/core.js').Translate} Translate */
/** @typedef {import('../reading/features.js').Feature} Feature */
/** @typedef {import('../reading/enhance.js').enhance} Enhance */

/** The parts `show` can list; all are shown when it is absent. */
export const SHOW_PARTS = /** @type {const} */ (['title', 'byline', 'date', 'categories', 'tags', 'cover', 'toc', 'summary', 'body']);
/** @typedef {typeof SHOW_PARTS[number]} ShowPart */

/** Bodies this long (in UTF-16 units) lay out only what is near the screen (`.huge` in
 * reading.css: `content-visibility: auto` on each slice of view/body.js and on each block):
 * laying out a 10 MB article at once froze the page for over 10 s. They are also windowed
 * (view/body.js SliceWindow): only the slices near the screen are DOM, as a whole 10 MB
 * body was ~230 MiB of nodes. Smaller bodies keep exact layout everywhere. */
const HUGE_BODY_CHARS = 1 << 20;

/**
 * @typedef {object} ViewOptions
 * @property {Translate} t
 * @property {string} locale             For dates.
 * @property {string} [name]             Shown as the title when the article has none.
 * @property {string} [baseUrl]          The cover's URL is resolved against it (else the page's).
 * @property {ReadonlySet<string>} [show] The parts to show (SHOW_PARTS); default all.
 * @property {boolean} [blockImages]     Remote images become click-to-load placeholders.
 * @property {() => string | null} [original]  The file's text, for a "View original text"
 *   toggle (the viewer gives it; the element has none).
 * @property {(body: DocumentFragment) => void} [prepareBody]  Runs on the body while it is
 *   still inert, before it is attached (the library points its images and links at the
 *   opened files there, so nothing loads from a wrong URL).
 * @property {(src: string) => string | null} [localImage]  The URL to show a relative cover
 *   image from (the library's object URL of that file), or null for no cover; without it
 *   a relative cover resolves against `baseUrl`.
 * @property {Enhance} [enhance]  Rich content (reading/enhance.js), run once the view is on
 *   screen; without it the body stays as the core wrote it. The front ends pass it, so that
 *   the view itself imports nothing from the rich-content modules.
 * @property {ReadonlySet<Feature>} [off]  Rich-content features not to apply.
 * @property {string} [positionKey]  Remember the reading position under this key, and go
 *   back to it when the article is shown again (the viewer; the element does not).
 */

/**
 * A key for remembering an article's reading position: its file name, title and length.
 * @param {Article} article
 * @param {string} name
 * @returns {string}
 */
export function positionKey(article, name) {
  return `${name}|${article.title ?? ''}|${article.stats.chars}`;
}

/**
 * The whole article view.
 * @param {Article} article
 * @param {ViewOptions} options
 * @returns {HTMLElement}
 */
export function articleView(article, options) {
  const show = options.show ?? new Set(SHOW_PARTS);
  const { t } = options;
  const view = named(el('article', { className: 'article' }), 'article');
  // The core guesses Chinese, Japanese and Korean from the script: an article it gives no
  // language is not in those, and must not take the page's (a Chinese UI would typeset it as Chinese).
  view.lang = article.lang ?? '';
  const dir = /** @type {{ dir?: unknown }} */ (article).dir;
  if (dir === 'rtl' || dir === 'ltr') view.dir = dir;
  view.append(el('div', { className: 'reading-progress', attrs: { 'aria-hidden': 'true', 'data-testid': 'progress' } }, el('div')));
  const header = articleHeader(article, show, options);
  if (header.childNodes.length) view.append(header);
  if (show.has('cover')) view.append(coverFigure(article.cover, options) ?? '');
  const toc = show.has('toc') ? tableOfContents(article.toc, t) : null;
  if (toc) {
    view.append(toc);
    view.classList.add('has-toc');
  }
  if (show.has('body')) {
    const huge = article.html.length >= HUGE_BODY_CHARS;
    const body = named(el('div', { className: huge ? 'article-body huge' : 'article-body' }), 'body', 'article-body');
    // A long body comes in slices (view/body.js): rich content and the reader's place wait for all of it.
    const built = fillBody(body, article.html, (fragment) => prepareBody(fragment, options), { windowed: huge });
    view.append(body, notesBox(article.warnings, t) ?? '');
    // A note that is all properties (an empty body): its properties, loaded only then.
    if (!article.stats.chars && article.extra && Object.keys(article.extra).length) {
      built.then(() => import('./properties.js')).then(({ propertiesList }) => body.append(propertiesList(article.extra, t) ?? ''),
        (error) => console.warn('Folio: the properties cannot be shown:', error));
    }
    // Reader mode's switch, loaded only for an article with hidden boilerplate.
    if (article.hidden.length) {
      import('./hidden.js').then(({ showAllSwitch }) => body.after(showAllSwitch(article.hidden, view, t) ?? ''),
        (error) => console.warn('Folio: the show-all switch cannot be shown:', error));
    }
    const remember = options.positionKey;
    whenFirstShown(view, () => {
      if (toc) openBeside(toc);
      built.then(() => {
        // Rich content is enhanced where it is shown (a shadow root takes its own styles);
        // in a windowed body, each slice as it is built (the body is marked once those built now are done).
        const { enhance, off } = options;
        const slices = windowOf(body);
        if (enhance && slices) {
          Promise.allSettled(slices.whenBuilt((box) => enhance(box, { t, off }))).then(() => body.setAttribute('data-enhanced', ''));
        } else {
          enhance?.(body, { t, off });
        }
        if (toc || remember || location.hash) {
          import('./progress.js').then(({ followReading }) => followReading({ view, body, toc, positionKey: remember }),
            (error) => console.warn('Folio: could not follow the reading position:', error));
        }
      });
    });
  }
  const { original } = options;
  if (original) {
    import('./original.js').then(({ originalToggle }) => view.append(originalToggle(original, t)),
      (error) => console.warn('Folio: the original text cannot be shown:', error));
  }
  return view;
}

/**
 * Runs `then` once, the first time `view` is on screen (an IntersectionObserver: the
 * page calls nothing when it shows the view).
 * @param {HTMLElement} view
 * @param {() => void} then
 */
function whenFirstShown(view, then) {
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting) || !view.isConnected) return;
    observer.disconnect();
    then();
  });
  observer.observe(view);
}

/**
 * Categories, title, byline, summary and tags, as `show` asks.
 * @param {Article} article
 * @param {ReadonlySet<string>} show
 * @param {ViewOptions} options
 * @returns {HTMLElement}
 */
function articleHeader(article, show, { t, locale, name }) {
  const header = named(el('header', { className: 'article-header' }), 'header');
  if (show.has('categories')) header.append(categoriesNav(article.category_paths, t) ?? '');
  const title = article.title ?? name;
  if (show.has('title') && title) {
    header.append(named(el('h1', { text: title, attrs: { tabindex: '-1' } }), 'title', 'article-title'));
  }
  if (show.has('byline') || show.has('date')) {
    const line = byline(article, { authors: show.has('byline'), dates: show.has('date') }, t, locale);
    if (line.childNodes.length) header.append(line);
  }
  if (show.has('summary') && article.summary && !repeatsOpening(article.summary, article.html)) {
    header.append(named(el('p', { className: 'summary', text: article.summary }), 'summary'));
  }
  if (show.has('tags') && article.tags.length) header.append(chips(article.tags, t('tags'), 'tags'));
  return header;
}

/** How much of the body's HTML, past the summary's own length, is its opening. */
const OPENING_CHARS = 2000;
/** A summary shorter than this (white space collapsed) is never taken for a repeat. */
const REPEAT_MIN_CHARS = 20;
/** The entities the core's sanitizer writes in text. */
const ENTITIES = /** @type {Record<string, string>} */ ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&nbsp;': ' ' });

/**
 * Whether the body's opening already says the summary: a scraped page's description is
 * often its first or second paragraph, which the reader would then read twice. Compared
 * as text, white space collapsed; a summary the site cut short ("…") by what it kept.
 * @param {string} summary
 * @param {string} html  The body's sanitized HTML.
 * @returns {boolean}
 */
export function repeatsOpening(summary, html) {
  const flat = (/** @type {string} */ text) => text.replace(/\s+/g, ' ').trim();
  const said = flat(summary).replace(/(?:…|\.\.\.)$/u, '').trim();
  if (said.length < REPEAT_MIN_CHARS) return false;
  const opening = html.slice(0, OPENING_CHARS + 4 * said.length)
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:amp|lt|gt|quot|nbsp);/g, (entity) => ENTITIES[entity]);
  return flat(opening).includes(said);
}

/**
 * Categories: each hierarchy as a breadcrumb (Hexo's flat list is one hierarchy).
 * @param {string[][]} paths
 * @param {Translate} t
 * @returns {HTMLElement | null}
 */
function categoriesNav(paths, t) {
  if (!paths.length) return null;
  const nav = named(el('nav', { className: 'breadcrumb', attrs: { 'aria-label': t('categories') } }), 'categories');
  for (const path of paths) {
    const list = el('ol');
    for (const item of path) list.append(el('li', { text: item }));
    nav.append(list);
  }
  return nav;
}

/**
 * @param {string[]} names
 * @param {string} label
 * @param {string} part
 * @returns {HTMLElement}
 */
function chips(names, label, part) {
  const list = named(el('ul', { className: 'chips', attrs: { 'aria-label': label } }), part);
  for (const item of names) list.append(el('li', { className: 'chip', text: item }));
  return list;
}

/**
 * Authors, reading time and the draft badge (`authors`); date and updated date (`dates`).
 * @param {Article} article
 * @param {{ authors: boolean, dates: boolean }} which
 * @param {Translate} t
 * @param {string} locale
 * @returns {HTMLElement}
 */
function byline(article, which, t, locale) {
  const line = named(el('p', { className: 'byline' }), 'byline');
  /** @type {Node[]} */
  const parts = [];
  if (which.authors && article.authors.length) {
    parts.push(el('span', { className: 'authors', text: `${t('by')} ${article.authors.join(', ')}` }));
  }
  if (which.dates) {
    const date = timeElement(article.date ?? article.date_text, locale, 'article-date');
    if (date) parts.push(date);
    const updated = timeElement(article.updated ?? article.updated_text, locale, 'article-updated');
    if (updated && article.updated !== article.date) {
      parts.push(el('span', { className: 'updated', text: `${t('updated')} ` }, updated));
    }
  }
  if (which.authors && article.stats.reading_minutes > 0) {
    parts.push(el('span', { className: 'reading-time', text: t('minutesRead', article.stats.reading_minutes) }));
  }
  if (which.authors && article.draft) parts.push(el('span', { className: 'badge draft', text: t('draft'), attrs: { 'data-testid': 'draft' } }));
  parts.forEach((part, i) => {
    // A no-break space before the dot: a line breaks after it, never starts with it.
    if (i > 0) line.append(el('span', { className: 'sep', text: '\u00a0· ', attrs: { 'aria-hidden': 'true' } }));
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
 * The cover image. The core has already applied the URL policy to it; here it is only
 * resolved against the article's base. A remote cover becomes a placeholder when remote
 * images are blocked, and is left out when it fails to load.
 * @param {string | null} cover
 * @param {ViewOptions} options
 * @returns {HTMLElement | null}
 */
function coverFigure(cover, { baseUrl, blockImages, t, localImage }) {
  if (!cover) return null;
  let url;
  try {
    const relative = !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(cover);
    const local = relative && localImage ? localImage(cover) : undefined;
    if (local === null) return null;
    url = new URL(local ?? cover, baseUrl ?? document.baseURI);
  } catch {
    return null;
  }
  const img = el('img', { attrs: { alt: t('coverAlt'), 'data-testid': 'cover' } });
  img.referrerPolicy = 'no-referrer';
  img.decoding = 'async';
  const figure = el('figure', { className: 'cover', attrs: { part: 'cover' } });
  if (blockImages && isRemoteImage(url.href)) {
    figure.append(imagePlaceholder(img, url.href, t));
  } else {
    // A cover that cannot be had (gone, hot-link protected, offline) leaves no broken
    // image and no gap: it is decoration, its alt text says nothing (the list's thumbnail does the same).
    img.addEventListener('error', () => figure.remove(), { once: true });
    img.src = url.href;
    figure.append(img);
  }
  return figure;
}

/**
 * A part of the sanitized body, still inert (in its template, before it is added): remote
 * images are swapped for placeholders and links to other sites set to open in a new tab
 * before anything loads; headings get their anchors.
 * @param {DocumentFragment} fragment
 * @param {ViewOptions} options
 */
function prepareBody(fragment, { blockImages, t, prepareBody: prepareMore }) {
  if (blockImages) blockRemoteImages(fragment, t);
  prepareLinks(fragment);
  prepareMore?.(fragment);
  headingAnchors(fragment, t);
}

/**
 * The parser's notes on the file, collapsed, each in the UI language where its code is known.
 * @param {Warning[]} warnings
 * @param {Translate} t
 * @returns {HTMLElement | null}
 */
function notesBox(warnings, t) {
  if (!warnings.length) return null;
  const list = el('ul');
  const fill = (/** @type {Record<string, (params: Record<string, string>) => string> | undefined} */ words) =>
    list.replaceChildren(...warnings.map((warning) => el('li', { text: describeWarning(warning, t, words) })));
  fill(undefined);
  // The core's sentences are English: other languages fetch their words for the codes.
  if (t.lang === 'zh' && warnings.some((warning) => warning.code)) {
    import('../i18n/warnings.js').then(({ WARNINGS_ZH }) => fill(WARNINGS_ZH), () => { /* English stays */ });
  }
  return named(el('details', { className: 'warnings' }, el('summary', { text: t('notes', warnings.length) }), list), 'warnings');
}
