// The card shown in place of an article that could not be opened: what went wrong in
// the reader's language (describeError), and the file's text when it is text.

import { describeError, errorWords } from '../i18n/errors.js';
import { el, named } from './dom.js';
import { decodeOriginal, originalToggle } from './original.js';

/** @typedef {import('../i18n/core.js').Translate} Translate */

/**
 * @param {unknown} error  A FolioError or LoadError (its code picks the words), or anything thrown.
 * @param {{ t: Translate, name?: string, bytes?: Uint8Array | null }} options
 *   `name`: the file's name, for the heading; `bytes`: offered as text when they are text.
 * @returns {HTMLElement}
 */
export function errorView(error, { t, name, bytes = null }) {
  const words = errorWords(t);
  const card = named(el('section', { className: 'error-card' }), 'error');
  card.append(
    el('h1', { text: name ? words('errorTitle', name) : words('errorTitleUnnamed'), attrs: { tabindex: '-1' } }),
    named(el('p', { className: 'error-message', text: describeError(error, t) }), 'error-message'),
  );
  if (decodeOriginal(bytes, null) !== null) card.append(originalToggle(() => decodeOriginal(bytes, null), t));
  return card;
}
