// Footnotes as popovers: activating a footnote reference (click, Enter) shows its note
// beside it, in a popover (the browser's top layer: Escape or a click elsewhere closes
// it), with a link to the note itself; the notes stay at the end with their back links
// (the core writes both, the core's Markdown passes, src/body/markdown/). The popover holds copies of the note's nodes.

import { el } from '../view/dom.js';
import { anchorTarget } from '../view/links.js';
import { readingWords } from '../i18n/reading.js';

/** @typedef {import('../i18n/core.js').Translate} Translate */
/** @typedef {import('../i18n/reading.js').ReadingWords} Words */

/** Space between the reference and its popover, in px. */
const GAP = 6;

/**
 * Makes every footnote reference under `body` open its note in a popover.
 * @param {HTMLElement} body
 * @param {{ t: Translate }} options
 */
export function footnotePopovers(body, { t: given }) {
  const t = readingWords(given);
  if (!('popover' in HTMLElement.prototype)) return; // The note is still one link away.
  /** @type {HTMLElement | null} */
  let open = null;
  body.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('.footnote-ref a[href^="#"]') : null;
    if (!(link instanceof HTMLAnchorElement) || event.defaultPrevented) return;
    const root = body.getRootNode();
    const note = anchorTarget(/** @type {ParentNode} */ (root), (link.getAttribute('href') ?? '').slice(1));
    if (!note) return;
    event.preventDefault();
    open?.remove();
    const box = notePopover(note, link, t);
    open = box;
    body.append(box);
    box.showPopover();
    place(box, link);
    // It stays beside its reference while the page scrolls (a smooth scroll may still be running).
    const follow = () => place(box, link);
    document.addEventListener('scroll', follow, { capture: true, passive: true });
    box.addEventListener('toggle', () => document.removeEventListener('scroll', follow, { capture: true }), { once: true });
    box.querySelector('a')?.focus({ preventScroll: true });
  });
}

/**
 * The popover for one note: its content without the back links, and a link to the note.
 * @param {Element} note  The `<li>` of the notes list.
 * @param {HTMLAnchorElement} ref
 * @param {Words} t
 * @returns {HTMLElement}
 */
function notePopover(note, ref, t) {
  const box = el('div', { className: 'footnote-popover', attrs: { popover: 'auto', role: 'note', 'aria-label': t('footnote', ref.textContent?.trim() ?? '') } });
  for (const child of note.childNodes) box.append(child.cloneNode(true));
  for (const back of box.querySelectorAll('.footnote-backref')) back.remove();
  for (const node of box.querySelectorAll('[id]')) node.removeAttribute('id');
  box.append(el('p', { className: 'footnote-goto' }, el('a', { text: t('toNote'), attrs: { href: `#${note.id}` } })));
  box.addEventListener('toggle', (event) => {
    if (/** @type {ToggleEvent} */ (event).newState === 'closed') {
      box.remove();
      if (box.contains(document.activeElement) || document.activeElement === document.body) ref.focus({ preventScroll: true });
    }
  });
  box.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('.footnote-goto a')) box.hidePopover();
  });
  return box;
}

/**
 * Places the popover under the reference, inside the window.
 * @param {HTMLElement} box
 * @param {Element} ref
 */
function place(box, ref) {
  const at = ref.getBoundingClientRect();
  const size = box.getBoundingClientRect();
  const left = Math.max(8, Math.min(at.left, window.innerWidth - size.width - 8));
  const below = at.bottom + GAP;
  const wanted = below + size.height > window.innerHeight - 8 ? at.top - GAP - size.height : below;
  const top = Math.max(8, Math.min(wanted, window.innerHeight - size.height - 8));
  box.style.left = `${left}px`;
  box.style.top = `${top}px`;
}
