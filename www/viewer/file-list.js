// The list of opened files: one button per entry of the store, its state shown as
// attributes (`aria-busy` while loading, `data-state` ok/error, `aria-current` when shown).
// Arrow keys, Home and End move between the buttons; the list scrolls itself to keep the
// focused or shown entry in view, and never scrolls the page to do so.

import { el } from '../view/dom.js';

/** @typedef {import('./files.js').Entry} Entry */
/** @typedef {import('./files.js').OpenedFiles} OpenedFiles */
/** @typedef {import('../i18n.js').Translate} Translate */

/**
 * Shows the store's entries in `list` and keeps them in step with it.
 * @param {{ list: HTMLUListElement, scroller: HTMLElement, files: OpenedFiles, t: Translate }} parts
 *   `scroller`: the element whose scrollbar the list uses.
 */
export function showFileList({ list, scroller, files, t }) {
  /** @type {Map<Entry, HTMLButtonElement>} */
  const buttons = new Map();
  const empty = el('li', { className: 'empty', text: t('noFiles'), attrs: { 'data-testid': 'no-files' } });
  if (!files.entries.length) list.append(empty);

  files.addEventListener('added', (event) => {
    const entry = /** @type {CustomEvent<Entry>} */ (event).detail;
    const button = el('button', { className: 'file-button', attrs: { type: 'button', 'data-testid': 'file-button' } },
      el('span', { className: 'file-name', text: entry.name }));
    button.addEventListener('click', () => files.select(entry));
    buttons.set(entry, button);
    empty.remove();
    list.append(el('li', {}, button));
    update(entry, button, t);
  });
  files.addEventListener('changed', (event) => {
    const entry = /** @type {CustomEvent<Entry>} */ (event).detail;
    const button = buttons.get(entry);
    if (button) update(entry, button, t);
  });
  files.addEventListener('selected', (event) => {
    const shown = /** @type {CustomEvent<Entry>} */ (event).detail;
    for (const [entry, button] of buttons) {
      if (entry === shown) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
    const button = buttons.get(shown);
    if (button) revealInList(scroller, button);
  });
  list.addEventListener('keydown', (event) => {
    const all = [...buttons.values()];
    const at = all.indexOf(/** @type {HTMLButtonElement} */ (document.activeElement));
    if (at < 0) return;
    const next = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = all[Math.max(0, Math.min(all.length - 1, next))];
    target.focus({ preventScroll: true });
    revealInList(scroller, target);
  });
}

/**
 * Shows an entry's state on its button.
 * @param {Entry} entry
 * @param {HTMLButtonElement} button
 * @param {Translate} t
 */
function update(entry, button, t) {
  button.querySelector('.failed-tag')?.remove();
  if (entry.state === 'loading') {
    button.setAttribute('aria-busy', 'true');
    delete button.dataset.state;
    return;
  }
  button.removeAttribute('aria-busy');
  button.dataset.state = entry.state;
  if (entry.state === 'error') button.append(el('span', { className: 'failed-tag', text: ` ${t('failedTag')}` }));
  const title = entry.article?.title;
  if (title) button.title = title;
  else button.removeAttribute('title');
}

/**
 * Scrolls `scroller` (only) so that `item` is within it and on screen: `scrollIntoView`
 * would scroll the page too.
 * @param {HTMLElement} scroller
 * @param {HTMLElement} item
 */
export function revealInList(scroller, item) {
  const box = scroller.getBoundingClientRect();
  // Where the list is on screen, the part of it that is visible; else all of it.
  const onScreen = box.bottom > 0 && box.top < window.innerHeight;
  const top = onScreen ? Math.max(box.top, 0) : box.top;
  const bottom = onScreen ? Math.min(box.bottom, window.innerHeight) : box.bottom;
  const rect = item.getBoundingClientRect();
  // A little room beyond the item, and whole pixels (a fraction would round to no scroll).
  const margin = 8;
  if (rect.top < top) scroller.scrollTop -= Math.ceil(top - rect.top + margin);
  else if (rect.bottom > bottom) scroller.scrollTop += Math.ceil(Math.min(rect.bottom - bottom + margin, rect.top - top));
}
