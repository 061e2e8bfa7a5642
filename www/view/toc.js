// The table of contents. A short one is shown open above the body; a long one is a
// collapsed disclosure whose list is built only when the reader opens it, so that neither
// the first screen of the body nor the page waits for thousands of headings (a 20 MB file
// had 31 841 of them). Opened, it is built at once, in a box that lays out alone: built a
// slice per frame, each frame paid the huge article's rendering again (0.6–1.1 s each,
// measured), where one build costs one such frame.

import { el, named } from './dom.js';

/** @typedef {import('../folio.js').TocEntry} TocEntry */
/** @typedef {import('../i18n/core.js').Translate} Translate */

/** Fewer headings than this make no table of contents. */
const MIN_ENTRIES = 3;
/** Up to this many headings are listed open; more are collapsed behind their count. */
export const OPEN_ENTRIES = 8;
/** The height of one entry in ems of the list (its line height): the open list's box is
 * at most this times the count (entries that wrap scroll a little more). */
const LINE_EM = 1.6;

/**
 * The table of contents, or null when the article has fewer than three headings.
 * @param {TocEntry[]} toc
 * @param {Translate} t
 * @returns {HTMLElement | null}
 */
export function tableOfContents(toc, t) {
  if (toc.length < MIN_ENTRIES) return null;
  const nav = named(el('nav', { className: 'toc', attrs: { 'aria-label': t('contents'), 'data-count': String(toc.length) } }), 'toc');
  const list = el('ol');
  if (toc.length <= OPEN_ENTRIES) {
    // Open, and collapsible (a phone's reader may fold it away).
    fill(list, toc);
    nav.append(el('details', { className: 'toc-short', attrs: { open: '' } }, el('summary', { text: t('contents') }), list));
    return nav;
  }
  // The open list scrolls inside a box of a set height with `contain: strict` (styles):
  // adding entries then lays out that box alone, not the whole (maybe huge) article.
  list.style.setProperty('--toc-height', `${(toc.length * LINE_EM).toFixed(1)}em`);
  const details = el('details', { className: 'toc-long' },
    el('summary', { text: t('contentsCount', toc.length), attrs: { 'data-testid': 'toc-summary' } }), list);
  details.addEventListener('toggle', () => {
    if (details.open && !list.firstChild) fill(list, toc);
  });
  nav.append(details);
  return nav;
}

/** Beside the article, a long outline opens by itself up to this many entries. */
const OPEN_BESIDE = 1000;

/**
 * Opens a long outline that is shown beside the article (where it pushes no text down),
 * unless it is very long; called once the view is on screen.
 * @param {HTMLElement} nav
 */
export function openBeside(nav) {
  const details = nav.querySelector('details.toc-long');
  if (!(details instanceof HTMLDetailsElement) || details.open) return;
  if (getComputedStyle(nav).position !== 'sticky' || Number(nav.dataset.count) > OPEN_BESIDE) return;
  details.open = true;
}

/**
 * Each entry's indent, as nested lists would show it: one step under the heading it
 * sits under, so a skipped level (an h4 straight under an h2) indents one step, not
 * two; an entry under none indents by its level over the outline's shallowest.
 * @param {TocEntry[]} toc
 * @returns {number[]}
 */
export function outlineDepths(toc) {
  const top = toc.reduce((min, entry) => Math.min(min, entry.level), 6);
  /** @type {number[][]} [level, depth] of each heading the current entry sits under, innermost first */
  const open = [];
  return toc.map(({ level }) => {
    while (open[0]?.[0] >= level) open.shift();
    const depth = open[0] ? open[0][1] + 1 : level - top;
    open.unshift([level, depth]);
    return Math.min(depth, 3); // the styles indent three steps at most
  });
}

/**
 * Appends every entry to the list.
 * @param {HTMLOListElement} list
 * @param {TocEntry[]} toc
 */
function fill(list, toc) {
  const depths = outlineDepths(toc);
  const items = document.createDocumentFragment();
  toc.forEach((entry, i) => {
    const link = el('a', { text: entry.text, attrs: { href: `#${encodeURIComponent(entry.id)}` } });
    items.append(el('li', { attrs: { 'data-depth': String(depths[i]) } }, link));
  });
  list.append(items);
}
