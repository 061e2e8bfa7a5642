// Images: an image alone in its paragraph becomes a figure, captioned by its title
// (Markdown's `![alt](src "title")`), else by its alt text when that is words, not a file
// name; and a zoom view, a <dialog> with the image at full size (a button around the
// image, so the keyboard reaches it; Escape, the close button or a click closes it).
// An image that fails to load (gone, hot-link protected, offline) is replaced by a line
// saying so, with its alt text: not the browser's broken-image icon, and no zoom button.

import { el } from '../view/dom.js';
import { readingWords } from '../i18n/reading.js';
import { inTurns } from './turns.js';

/** @typedef {import('../i18n/core.js').Translate} Translate */
/** @typedef {import('../i18n/reading.js').ReadingWords} Words */

/** An alt text that is a file name or a placeholder, not a caption. */
const NOT_WORDS = /^(?:image|img|图片|pic|photo|screenshot)?\s*\d*$|\.(?:png|jpe?g|gif|webp|svg|avif|bmp)$/i;

/**
 * The caption an image carries, or '' for none.
 * @param {HTMLImageElement} img
 * @returns {string}
 */
export function captionOf(img) {
  const parent = img.parentElement;
  const alone = parent?.localName === 'p' && parent.childElementCount === 1 && (parent.textContent ?? '').trim() === '';
  if (!alone) return '';
  const title = img.getAttribute('title')?.trim();
  if (title) return title;
  const alt = img.getAttribute('alt')?.trim() ?? '';
  return alt && !NOT_WORDS.test(alt) ? alt : '';
}

/**
 * Captions and zoom for every image under `body`. An image without alt text gets an
 * empty one: the author gave no description, and its address is not one.
 * @param {HTMLElement} body
 * @param {{ t: Translate, zoom: boolean }} options
 * @returns {Promise<void>}
 */
export function enhanceImages(body, { t: given, zoom }) {
  const t = readingWords(given);
  return inTurns(body.querySelectorAll('img'), (img) => {
    if (!img.hasAttribute('alt')) img.setAttribute('alt', '');
    watchFailure(img, t);
    if (img.closest('figure, a, .diagram, .zoom-button')) return;
    const caption = captionOf(img); // Read before a zoom button wraps the image.
    /** @type {Element} */
    let shown = img;
    if (zoom) {
      const button = el('button', { className: 'zoom-button', attrs: { type: 'button', 'aria-label': t('zoomImage', img.alt) } });
      img.replaceWith(button);
      button.append(img);
      button.addEventListener('click', () => zoomIn(img, t));
      shown = button;
    }
    if (caption) {
      const figure = el('figure', { className: 'image-figure' });
      shown.parentElement?.replaceWith(figure); // The paragraph that held only this image.
      figure.append(shown, el('figcaption', { text: caption }));
    }
  });
}

/**
 * Replaces `img` (and its zoom button) with a line saying it did not load, once it fails:
 * now, if it has already failed, or when it does (a lazy image fails when scrolled to).
 * @param {HTMLImageElement} img
 * @param {Words} t
 */
function watchFailure(img, t) {
  const fail = () => {
    if (!img.isConnected) return;
    const caption = img.closest('figure')?.querySelector('figcaption')?.textContent?.trim();
    const alt = img.alt.trim();
    const line = el('span', { className: 'image-failed', text: t('imageFailed', alt === caption ? '' : alt), attrs: { 'data-testid': 'image-failed' } });
    (img.closest('.zoom-button') ?? img).replaceWith(line);
  };
  img.addEventListener('error', fail, { once: true });
  // Failed before this module came: complete with no image. `decode()` tells a broken
  // image from one without a size of its own (an SVG), which also reads as 0 wide.
  if (img.complete && img.naturalWidth === 0 && img.currentSrc) img.decode().catch(fail);
}

/**
 * Shows the image at full size in a modal dialog.
 * @param {HTMLImageElement} img
 * @param {Words} t
 */
function zoomIn(img, t) {
  const large = /** @type {HTMLImageElement} */ (img.cloneNode(false));
  large.removeAttribute('width');
  large.removeAttribute('height');
  large.loading = 'eager';
  const close = el('button', { className: 'zoom-close', text: t('close'), attrs: { type: 'button' } });
  const dialog = el('dialog', { className: 'zoom-dialog', attrs: { 'aria-label': t('zoomedImage', img.alt) } }, close, large);
  const root = img.getRootNode();
  (root instanceof ShadowRoot ? root : document.body).append(dialog);
  dialog.addEventListener('close', () => {
    dialog.remove();
    img.closest('button')?.focus();
  });
  dialog.addEventListener('click', () => dialog.close());
  dialog.showModal();
  close.focus();
}
