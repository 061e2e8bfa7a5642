// Links in an article never take the reader's page away: a link to another site opens
// in a new tab (noopener, no referrer), `#anchor` scrolls within the article (the page's
// URL is left alone), and a relative link, which can only mean another file, is handed to
// the caller (the viewer opens that file when it is open, and says so when it is not).

import { windowsIn } from './body.js';

/** @typedef {'anchor' | 'external' | 'relative'} LinkKind */

/**
 * What a link's `href` points to. The core has already dropped every scheme but http(s)
 * and mailto, and resolved relative links against an http(s) base when it had one.
 * @param {string} href  As written in the sanitized HTML.
 * @returns {LinkKind}
 */
export function linkKind(href) {
  if (href.startsWith('#')) return 'anchor';
  // A scheme (`https:`, `mailto:`) or a protocol-relative `//host`.
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return 'external';
  return 'relative';
}

/**
 * Makes every link to another site open in a new tab. Run on the body before it is shown.
 * @param {ParentNode} root
 */
export function prepareLinks(root) {
  for (const link of root.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    if (linkKind(href) !== 'external' || /^mailto:/i.test(href)) continue;
    link.setAttribute('target', '_blank');
    const rel = new Set((link.getAttribute('rel') ?? '').split(/\s+/).filter(Boolean));
    rel.add('noopener').add('noreferrer');
    link.setAttribute('rel', [...rel].join(' '));
  }
}

/**
 * A link's target as the author wrote it, percent-decoded for the reader.
 * @param {string} href
 * @returns {string}
 */
export function linkTarget(href) {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

/**
 * The element an in-article `#anchor` points to, inside `scope` only. The core prefixes
 * ids with `user-content-`; an author's `#name` finds `user-content-name` too. In a huge
 * body most slices are not DOM (view/body.js SliceWindow): the one holding it is built.
 * @param {ParentNode} scope
 * @param {string} fragment  Without the `#`, percent-encoded or not.
 * @returns {Element | null}
 */
export function anchorTarget(scope, fragment) {
  const id = linkTarget(fragment);
  if (!id) return null;
  const candidates = [id, `user-content-${id}`];
  for (const candidate of candidates) {
    const found = scope.querySelector(`[id="${CSS.escape(candidate)}"]`);
    if (found) return found;
  }
  for (const slices of windowsIn(scope)) {
    for (const candidate of candidates) {
      const found = slices.find(candidate);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Scrolls to an anchor's target and moves keyboard focus there, without touching the URL.
 * @param {Element} target
 */
export function goToAnchor(target) {
  // In an article's body the blocks lay out only near the screen (reading.css): see settleOn.
  if (target.closest('.article-body')) settleOn(target);
  else target.scrollIntoView({ block: 'start' });
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  /** @type {HTMLElement} */ (target).focus({ preventScroll: true });
}

/**
 * Scrolls to a target in an article's body (`content-visibility: auto`), where the blocks above
 * it take their real height only once they are near the screen, and so move it: at once,
 * then again after the next frames, until it stays put (a smooth scroll would end
 * where the target was when it started, tens of thousands of pixels off).
 * @param {Element} target
 * @param {{ block?: ScrollLogicalPosition, tries?: number }} [options]  Where in the window
 *   it goes (default its top).
 */
export function settleOn(target, { block = 'start', tries = 20 } = {}) {
  target.scrollIntoView({ block, behavior: 'instant' });
  const top = target.getBoundingClientRect().top;
  requestAnimationFrame(() => requestAnimationFrame(() => {
    if (tries > 1 && target.isConnected && Math.abs(target.getBoundingClientRect().top - top) > 1) settleOn(target, { block, tries: tries - 1 });
  }));
}

/**
 * Handles a click inside an article: anchors scroll within `scope`, relative links go to
 * `onRelative` (and never navigate), links to other sites follow their `target="_blank"`.
 * @param {Event} event
 * @param {ParentNode} scope  Where anchors are looked for: the article, or a shadow root.
 * @param {(href: string) => void} onRelative  Given the link's `href` as written (linkTarget
 *   decodes it for the reader).
 */
export function followLink(event, scope, onRelative) {
  const link = /** @type {Element | null} */ (event.target instanceof Element ? event.target.closest('a[href]') : null);
  if (!link || event.defaultPrevented) return;
  const href = link.getAttribute('href') ?? '';
  const kind = linkKind(href);
  if (kind === 'external') return;
  event.preventDefault();
  if (kind === 'anchor') {
    const target = anchorTarget(scope, href.slice(1));
    if (target) goToAnchor(target);
    return;
  }
  onRelative(href);
}
