// Heading anchors: each heading of the body gets a small link after its text that copies a
// link to that section (the page's address with the heading's id as its fragment) and
// goes there. The view scrolls to such a fragment when the article is opened (progress.js).

import { el } from './dom.js';

/** @typedef {import('../i18n/core.js').Translate} Translate */

/** How long "Link copied" shows, in ms. */
const COPIED_MS = 2000;

/**
 * The id an author would write for a heading: the core's id without its `user-content-`
 * prefix (links.js finds the heading from either).
 * @param {string} id
 * @returns {string}
 */
export function authorId(id) {
  return id.startsWith('user-content-') ? id.slice('user-content-'.length) : id;
}

/**
 * Adds a copy-link anchor to every heading with an id under `body`.
 * @param {ParentNode} body
 * @param {Translate} t
 */
export function headingAnchors(body, t) {
  for (const heading of body.querySelectorAll('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]')) {
    const fragment = `#${encodeURIComponent(authorId(heading.id))}`;
    const anchor = el('a', { className: 'heading-anchor', text: '#', attrs: { href: fragment, 'aria-label': t('copyLink', heading.textContent?.trim() ?? '') } });
    anchor.addEventListener('click', () => {
      const url = new URL(location.href);
      url.hash = fragment;
      navigator.clipboard?.writeText(url.href).then(() => {
        anchor.setAttribute('data-copied', t('linkCopied'));
        setTimeout(() => anchor.removeAttribute('data-copied'), COPIED_MS);
      }, () => {});
    });
    // A word joiner keeps the anchor on the line of the heading's last character: between
    // CJK characters a line may break anywhere, and the anchor was left alone on a phone.
    heading.append('\u2060', anchor);
  }
}
