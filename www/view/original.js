// "View original text": the file's own bytes, decoded as the core decoded them, shown as
// text in a <pre> (never as HTML), filled in only when the reader opens it.

import { viewMoreWords } from '../i18n/view-more.js';
import { el, named } from './dom.js';

/** @typedef {import('../i18n/core.js').Translate} Translate */

/** The most original text shown in the `<pre>`; bigger files are cut there. */
const ORIGINAL_LIMIT = 1_000_000;

/**
 * Decodes a file's bytes for the "original text" view.
 * @param {Uint8Array | null} bytes
 * @param {string | null} encoding The article's encoding, or null to accept only clean UTF-8.
 * @returns {string | null} null when the bytes are not text.
 */
export function decodeOriginal(bytes, encoding) {
  if (!bytes || bytes.length === 0) return null;
  if (encoding) {
    try {
      return new TextDecoder(encoding).decode(bytes);
    } catch {
      // An encoding label this browser doesn't know: fall back to UTF-8.
    }
    return new TextDecoder('utf-8').decode(bytes);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.includes('\0') ? null : text;
  } catch {
    return null;
  }
}

/**
 * A "View original text" toggle; the text is decoded and filled in when first opened.
 * @param {() => string | null} getText
 * @param {Translate} t
 * @returns {HTMLElement}
 */
export function originalToggle(getText, t) {
  const words = viewMoreWords(t);
  const pre = named(el('pre', { className: 'original', attrs: { tabindex: '0' } }), 'original-text');
  const details = named(el('details', { className: 'original-toggle' }, el('summary', { text: words('viewOriginal') }), pre), 'original');
  details.addEventListener('toggle', () => {
    if (!details.open || pre.childNodes.length) return;
    const text = getText() ?? '';
    pre.textContent = text.length > ORIGINAL_LIMIT ? text.slice(0, ORIGINAL_LIMIT) : text;
    if (text.length > ORIGINAL_LIMIT) {
      details.append(el('p', { className: 'note', text: words('originalTruncated', ORIGINAL_LIMIT) }));
    }
  });
  return details;
}
