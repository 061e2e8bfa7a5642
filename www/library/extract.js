// What the parse worker keeps of a rendered Article: a summary for the list and a
// document for the search index. The core gives the body's text and its relative links
// (`includeText`, `Article.links`, the README's Article table); with a core that predates them the
// two are read from the sanitized HTML instead (the worker has no DOM). Pure.

/** @typedef {import('./messages.js').ArticleSummary} ArticleSummary */
/** @typedef {import('./messages.js').ArticleLink} ArticleLink */

/** The longest list summary kept, in characters. */
export const SUMMARY_CHARS = 240;

/** Entities html5ever writes when it serializes text and attributes. */
const ENTITIES = /** @type {Record<string, string>} */ ({ amp: '&', lt: '<', gt: '>', quot: '"', nbsp: '\u00a0', '#39': "'" });

/**
 * Decodes the entities in serialized, sanitized HTML text.
 * @param {string} text
 * @returns {string}
 */
function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+[0-9]*);/gi, (whole, name) => {
    if (name in ENTITIES) return ENTITIES[name];
    const code = name[0] === '#' ? (name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)) : NaN;
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Elements after which text starts a new block (line). */
const BLOCK_END = /<\/(p|h[1-6]|li|blockquote|pre|tr|table|div|section|article|dd|dt|figcaption)>|<br\s*\/?>/gi;

/**
 * The plain text of sanitized body HTML, blocks on their own lines.
 * @param {string} html
 * @returns {string}
 */
export function textFromHtml(html) {
  return decodeEntities(html.replace(BLOCK_END, '\n').replace(/<[^>]*>/g, ''))
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

/**
 * Whether a URL from the body is relative (points into the archive).
 * @param {string} url
 * @returns {boolean}
 */
export function isRelativeUrl(url) {
  return url !== '' && !url.startsWith('#') && !url.startsWith('//') && !/^[a-z][a-z0-9+.-]*:/i.test(url);
}

/**
 * Relative links and images in sanitized body HTML, in order, percent-decoded.
 * @param {string} html
 * @returns {ArticleLink[]}
 */
export function linksFromHtml(html) {
  /** @type {ArticleLink[]} */
  const links = [];
  const tag = /<(a|img)\s([^>]*)>/gi;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const image = m[1].toLowerCase() === 'img';
    const attr = (image ? /\ssrc="([^"]*)"/ : /\shref="([^"]*)"/).exec(` ${m[2]}`);
    if (!attr) continue;
    const url = decodeEntities(attr[1]);
    if (!isRelativeUrl(url)) continue;
    let target = url;
    try {
      target = decodeURIComponent(url);
    } catch {
      // A malformed escape is kept as written.
    }
    const wiki = !image && /\bclass="[^"]*\bwikilink\b/.test(m[2]);
    links.push({ kind: image ? 'image' : wiki ? (/\bembed\b/.test(m[2]) ? 'embed' : 'wikilink') : 'link', target });
  }
  return links;
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
 * @returns {{ summary: ArticleSummary, text: string }}
 */
export function summarize(path, article) {
  const text = typeof article.text === 'string' ? article.text : textFromHtml(article.html);
  const links = Array.isArray(article.links) ? coreLinks(article.links) : linksFromHtml(article.html);
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
 * @param {string} text  Its body's plain text.
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
