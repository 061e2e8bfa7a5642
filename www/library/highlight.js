// Marks a search's matches in a shown article: each text node's matches (found as in the
// list's snippets, matches.js) are wrapped in <mark>, built as nodes, never as HTML.

import { findMatches } from './matches.js';

/** Elements whose text is not marked. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'MARK']);

/**
 * Wraps the matches of `terms` under `root` in <mark class="library-match">; returns how
 * many were marked, and scrolls nothing (the caller may scroll to the first).
 * @param {Element | DocumentFragment} root  An element, or a part of a body still in its template
 * @param {string[]} terms the indexed terms a search hit matched (SearchHit.terms)
 * @returns {number}
 */
export function markMatches(root, terms) {
  if (!terms.length) return 0;
  const doc = /** @type {Document} */ (root.ownerDocument);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement && SKIP.has(node.parentElement.tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  /** @type {Text[]} */
  const texts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(/** @type {Text} */ (node));
  let marked = 0;
  for (const node of texts) {
    const text = node.data;
    const ranges = findMatches(text, terms);
    if (!ranges.length) continue;
    const parts = doc.createDocumentFragment();
    let at = 0;
    for (const [from, to] of ranges) {
      if (from > at) parts.append(text.slice(at, from));
      const mark = doc.createElement('mark');
      mark.className = 'library-match';
      mark.textContent = text.slice(from, to);
      parts.append(mark);
      at = to;
      marked += 1;
    }
    if (at < text.length) parts.append(text.slice(at));
    node.replaceWith(parts);
  }
  return marked;
}
