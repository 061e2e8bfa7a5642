// What the parse worker keeps of a rendered Article: a summary for the list and a
// document for the search index. The core gives the body's text and its relative links
// (`includeText`, `Article.links`, the README's Article table), in the index-only render
// the pool asks for (`includeHtml: false`: no HTML to read them from) as in the full one;
// nothing here reads HTML. Pure.

/** @typedef {import('./messages.js').ArticleSummary} ArticleSummary */
/** @typedef {import('./messages.js').ArticleLink} ArticleLink */

/** The longest list summary kept, in characters. */
export const SUMMARY_CHARS = 240;

/**
 * Whether a URL from the body is relative (points into the archive).
 * @param {string} url
 * @returns {boolean}
 */
export function isRelativeUrl(url) {
  return url !== '' && !url.startsWith('#') && !url.startsWith('//') && !/^[a-z][a-z0-9+.-]*:/i.test(url);
}

/**
 * Cuts text to at most `max` characters at a word or sentence boundary, adding "…".
 * @param {string} text
 * @param {number} max
 * @returns {string}
 */
export function clip(text, max) {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/**
 * @param {unknown} value
 * @returns {ArticleLink[]}
 */
function coreLinks(value) {
  if (!Array.isArray(value)) return [];
  const kinds = new Set(['link', 'image', 'wikilink', 'embed']);
  return value.filter((l) => l && kinds.has(l.kind) && typeof l.target === 'string')
    .map((l) => ({ kind: l.kind, target: l.target }));
}

/**
 * The summary and the index text of a rendered article.
 * @param {string} path
 * @param {import('../folio.js').Article & { text?: unknown, links?: unknown, excerpt?: unknown }} article
 * @returns {{ summary: ArticleSummary, text: string | Uint8Array }}  The text as the core gave
 *   it: a string, or its UTF-8 bytes (`textBytes`).
 */
export function summarize(path, article) {
  const text = typeof article.text === 'string' || article.text instanceof Uint8Array ? article.text : '';
  const links = coreLinks(article.links);
  const short = article.summary ?? (typeof article.excerpt === 'string' && article.excerpt.trim() ? article.excerpt : null);
  return {
    summary: {
      path,
      title: article.title,
      date: article.date,
      date_text: article.date_text,
      authors: article.authors,
      categories: article.categories,
      tags: article.tags,
      cover: article.cover,
      summary: short ? clip(short, SUMMARY_CHARS) : null,
      lang: article.lang,
      format: article.format,
      draft: article.draft,
      warnings: Array.isArray(article.warnings) ? article.warnings.length : 0,
      encoding: article.encoding,
      words: article.stats?.words ?? 0,
      links,
    },
    text,
  };
}

/**
 * What the search index holds of an article.
 * @param {ArticleSummary} summary
 * @param {string | Uint8Array} text  Its body's plain text (or its UTF-8 bytes).
 * @returns {import('./messages.js').IndexDoc}
 */
export function indexDoc(summary, text) {
  return {
    path: summary.path,
    title: summary.title ?? '',
    tags: [...summary.tags, ...summary.categories].join(' '),
    authors: summary.authors.join(' '),
    text,
  };
}
