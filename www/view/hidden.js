// Reader mode's switch: the core marks boilerplate in HTML bodies (app and QR promos,
// video players, share bars …) with `data-folio-hidden` and counts it in
// `article.hidden`; reading.css hides the marked blocks. One button shows them all
// again (`data-show-all` on the article), and hides them once more.

import { viewMoreWords } from '../i18n/view-more.js';
import { el, named } from './dom.js';

/** @typedef {import('../folio.js').Article} Article */
/** @typedef {import('../i18n/core.js').Translate} Translate */

/**
 * The "show everything" switch, or null when nothing is hidden.
 * @param {Article['hidden']} hidden
 * @param {HTMLElement} view The article element that carries `data-show-all`.
 * @param {Translate} given  The view's translator (its language is followed).
 * @returns {HTMLElement | null}
 */
export function showAllSwitch(hidden, view, given) {
  const t = viewMoreWords(given);
  const count = hidden.reduce((n, h) => n + h.count, 0);
  if (!count) return null;
  const kinds = hidden.map((h) => t('hiddenKind', h.kind)).join(t('listSeparator'));
  const note = el('span', { className: 'hidden-note', text: t('hiddenNote', count, kinds) });
  const button = el('button', { className: 'show-all', text: t('showAll'), attrs: { type: 'button', 'aria-pressed': 'false', 'data-testid': 'show-all' } });
  button.addEventListener('click', () => {
    const on = !view.hasAttribute('data-show-all');
    view.toggleAttribute('data-show-all', on);
    button.setAttribute('aria-pressed', String(on));
    button.textContent = t(on ? 'hideAgain' : 'showAll');
  });
  return named(el('p', { className: 'hidden-bar' }, note, ' ', button), 'hidden-bar');
}
