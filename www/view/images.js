// Remote images behind a click: when the reader blocks remote images, each one from
// another site becomes a button that loads that one image. Runs on inert content (a
// template's fragment, or an <img> with no src yet), so nothing is fetched before the click.

import { el } from './dom.js';

/** @typedef {import('../i18n/core.js').Translate} Translate */

/**
 * Whether showing this image would fetch it from another site: an http(s) or
 * protocol-relative URL on another origin. data: and blob: images and the viewer's
 * own files are not remote.
 * @param {string} src
 * @returns {boolean}
 */
export function isRemoteImage(src) {
  let url;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== location.origin;
}

/**
 * A button standing in for a blocked remote image; clicking it puts the image back and
 * lets it load.
 * @param {HTMLImageElement} img  Without `src`: it requests nothing until clicked.
 * @param {string} src
 * @param {Translate} t
 * @returns {HTMLButtonElement}
 */
export function imagePlaceholder(img, src, t) {
  let host = src;
  try {
    host = new URL(src, document.baseURI).host;
  } catch {
    // Shown as written.
  }
  const button = el('button', {
    className: 'image-placeholder',
    text: t('loadImage', host),
    attrs: { type: 'button', part: 'blocked-image', 'data-testid': 'image-placeholder', 'data-src': src },
  });
  const alt = img.getAttribute('alt');
  if (alt) button.title = alt;
  button.addEventListener('click', (event) => {
    event.preventDefault(); // A placeholder inside a link loads the image, not the link.
    button.replaceWith(img);
    img.loading = 'eager';
    img.src = src;
  }, { once: true });
  return button;
}

/**
 * Replaces every remote image under `root` with a click-to-load placeholder. The core's
 * sanitizer already made every image lazy and referrer-free.
 * @param {ParentNode} root  Inert content: a template's fragment.
 * @param {Translate} t
 */
export function blockRemoteImages(root, t) {
  for (const img of root.querySelectorAll('img')) {
    const src = img.getAttribute('src');
    if (src === null || !isRemoteImage(src)) continue;
    img.removeAttribute('src');
    img.removeAttribute('srcset');
    img.replaceWith(imagePlaceholder(img, src, t));
  }
}
