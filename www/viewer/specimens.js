// Specimen articles for view/warm.js: one short article per script the reading styles set
// a font stack for (Chinese, Japanese, Korean, Latin), shown by the article view as any
// article is, its header from metadata and its body built here as DOM nodes in the shapes
// the core writes (headings, emphasis, code, lists, quotes, callouts, tables, definitions,
// footnotes) and as enhancing dresses code blocks (their bar, highlighted tokens) and
// images (a zoom button, a caption; an image not loaded shows its alt text; one missing
// from the opened files, as the library marks it): every face and size a first article
// uses is laid out once before the reader opens one. The core is not asked (nothing is
// rendered, no HTML string is made). Never shown; the text is Folio's own.

import { articleView } from '../view/article.js';
import { el } from '../view/dom.js';
import { OPEN_ENTRIES } from '../view/toc.js';

/** @typedef {import('../folio.js').Article} Article */
/** @typedef {import('../i18n.js').Translate} Translate */
/** @typedef {import('../view/warm.js').Specimen} Specimen */

/** Words in each script, with Latin letters, digits and the script's punctuation, by language. */
const WORDS = /** @type {const} */ ([
  ['zh', '字体与排版', '正文里有中文、English 和数字 2024，还有「引号」与（括号）。'],
  ['ja', '日本語の組版', '本文にはひらがな、カタカナ、漢字と English、数字 2024 が入ります。'],
  ['ko', '한국어 조판', '본문에는 한글과 English, 숫자 2024가 들어갑니다.'],
  ['en', 'Typesetting', 'Body text with English words, digits 2024, “quotes” and (brackets) — a dash.'],
  // No language (the core gives none when the body is not in these scripts): Chinese in
  // the header takes the page's language, whose fallback fonts differ.
  ['', '新闻与分类', 'Body text in English, with 中文的分类、作者 and 数字 2024 in its header.'],
]);

/** The parts of a specimen laid out first, and then the rest. The head's outline is a long
 * one (its summary counts the headings, in a size of its own); the body's a short one. */
const HEAD = new Set(/** @type {const} */ (['title', 'byline', 'date', 'categories', 'tags', 'summary', 'toc']));
const BODY = new Set(/** @type {const} */ (['body', 'toc']));

/** Heading levels in a specimen's body (and its outline). */
const LEVELS = [1, 2, 3, 4, 5];

/**
 * The metadata of one specimen: what the header and the outline show.
 * @param {string} lang
 * @param {string} title
 * @param {string} text
 * @param {boolean} [long]  With an outline long enough to be folded (its summary counts the headings).
 * @returns {Article}
 */
function specimenArticle(lang, title, text, long = false) {
  return /** @type {Article} */ (/** @type {unknown} */ ({
    title: `${title} Folio 2024`, date: '2024-05-06', updated: '2024-06-07', date_text: null, updated_text: null,
    authors: [title, 'Folio'], author_links: {}, categories: [title], category_paths: [[title, 'Folio']], tags: [title, 'Folio'],
    cover: null, source_url: null, summary: text, excerpt: null, lang: lang || null, dir: null, format: 'markdown', front_matter: null,
    encoding: 'UTF-8', html: '', text: null, links: [], extra: {}, draft: true, hidden: [], site_name: null, warnings: [],
    toc: Array.from({ length: long ? OPEN_ENTRIES + 1 : LEVELS.length }, (_, i) => {
      const level = LEVELS[i % LEVELS.length];
      return { level, id: `folio-specimen-${level}`, text: `${title} ${level}` };
    }),
    stats: { chars: text.length, words: 10, reading_minutes: 3 },
  }));
}

/**
 * The body of one specimen, as DOM nodes.
 * @param {string} title
 * @param {string} text
 * @param {Translate} t
 * @returns {Node[]}
 */
function specimenBody(title, text, t) {
  const words = () => [
    `${text} `, el('strong', { text: title }), ' ', el('em', { text: title }), ' ', el('code', { text: `${title} code` }), ' ',
    el('a', { text: title, attrs: { href: 'https://example.com/' } }), ' ', el('mark', { text: title }), ' ', el('sub', { text: '2' }), ' ',
    el('sup', { className: 'footnote-ref' }, el('a', { text: '1', attrs: { href: '#folio-specimen-note' } })),
  ];
  const token = (/** @type {string} */ className) => el('span', { className, text: `${title} 2024 ` });
  return [
    el('p', {}, ...words()),
    ...LEVELS.map((level) => el(/** @type {"h1"} */ (`h${level}`), { text: `${title} ${level}`, attrs: { id: `folio-specimen-${level}` } })),
    el('ul', {}, el('li', {}, ...words()), el('li', { text: title })),
    el('ol', {}, el('li', { text }, el('ul', {}, el('li', { text: title })))),
    el('blockquote', {}, el('p', {}, ...words())),
    el('div', { className: 'callout', attrs: { 'data-callout': 'note' } },
      el('div', { className: 'callout-title' }, el('div', { className: 'callout-title-inner', text: title })),
      el('div', { className: 'callout-content' }, el('p', { text }))),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', { text: title }), el('th', { text: '2024' }))),
      el('tbody', {}, el('tr', {}, el('td', {}, ...words()), el('td', {}, el('strong', { text: title }))))),
    el('dl', {}, el('dt', {}, `${title} `, el('code', { text: title })), el('dd', { text })),
    // An image as reading/figures.js dresses one (an image not loaded shows its alt text).
    el('figure', { className: 'image-figure' },
      el('button', { className: 'zoom-button', attrs: { type: 'button' } }, el('img', { attrs: { alt: `${title} ${text}` } })),
      el('figcaption', {}, ...words())),
    // An image the opened files do not hold, as library/links.js marks it (an emoji before it).
    el('p', {}, el('span', { className: 'library-missing-image unresolved', text: `images/${title}.png` })),
    el('div', { className: 'code-block', attrs: { 'data-language': 'js' } },
      el('div', { className: 'code-bar' }, el('span', { className: 'code-label', text: 'js' }),
        el('button', { className: 'copy-button', text: t('loading'), attrs: { type: 'button' } })),
      el('pre', {}, el('code', { className: 'language-js hljs' }, token('hljs-comment'), token('hljs-keyword'), token('hljs-strong'),
        token('hljs-string'), token('hljs-emphasis'), token('hljs-title')))),
    el('hr'),
    el('section', { className: 'footnotes' }, el('ol', {}, el('li', { attrs: { id: 'folio-specimen-note' } }, el('p', { text })))),
  ];
}

/**
 * The specimens: for each script its header and outline, then its body (two smaller
 * layouts, each in an idle moment of its own).
 * @param {{ t: Translate, locale: string }} options
 * @returns {Specimen[]}
 */
export function articleSpecimens({ t, locale }) {
  return WORDS.flatMap(([lang, title, text]) => [HEAD, BODY].map((show) => () => articleView(specimenArticle(lang, title, text, show === HEAD), {
    t, locale, show, prepareBody: (body) => body.append(...specimenBody(title, text, t)),
  })));
}
