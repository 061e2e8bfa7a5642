// A note whose body is empty shows its front matter's other properties, as Obsidian's
// Properties do (a reference note is all properties: director, year, rating …): a list
// of names and values, all text. What the header already shows (title, dates, authors,
// categories, tags, cover, summary) is left out. Loaded only for such a note.

import { viewMoreWords } from '../i18n/view-more.js';
import { el, named } from './dom.js';

/** @typedef {import('../i18n/core.js').Translate} Translate */

/** Front matter keys whose values the article's header already shows, in lowercase. */
const SHOWN = new Set([
  'title', 'date', 'updated', 'lastmod', 'modified', 'author', 'authors', 'categories', 'category',
  'tags', 'tag', 'keywords', 'cover', 'image', 'headimg', 'thumbnail', 'banner', 'featured_image',
  'og_image', 'cover_image', 'hero', 'description', 'summary', 'excerpt', 'subtitle', 'draft', 'lang', 'dir',
]);

/** The most properties shown, and the longest value, in characters. */
const MAX_PROPERTIES = 50;
const MAX_VALUE_CHARS = 300;

/**
 * A property's value as text: Obsidian's `[[Note|label]]` as its label (or the note's
 * name), lists joined, other objects as JSON; null when there is nothing to show.
 * @param {unknown} value
 * @returns {string | null}
 */
export function propertyText(value) {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    const items = value.map(propertyText).filter((v) => v !== null && v !== '');
    return items.length ? items.join(', ') : null;
  }
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  text = text.replace(/\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g, (_, name, label) => (label || name).trim());
  text = text.trim();
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}

/**
 * The list of an empty note's other properties, or null when it has none to show.
 * @param {Record<string, unknown>} extra  The whole front matter (`Article.extra`).
 * @param {Translate} t
 * @returns {HTMLElement | null}
 */
export function propertiesList(extra, t) {
  if (!extra || typeof extra !== 'object') return null;
  const list = el('dl');
  let count = 0;
  for (const [name, value] of Object.entries(extra)) {
    if (count >= MAX_PROPERTIES) break;
    if (SHOWN.has(name.toLowerCase())) continue;
    const text = propertyText(value);
    if (text === null || text === '') continue;
    list.append(el('dt', { text: name }), el('dd', { text }));
    count += 1;
  }
  if (!count) return null;
  return named(el('section', { className: 'properties', attrs: { 'aria-label': viewMoreWords(t)('properties') } }, list), 'properties');
}
