// A rich-content module's stylesheet (KaTeX's), added once where the article is shown: the
// page, or <folio-article>'s shadow root. Fetched and adopted as a constructable stylesheet,
// as the element's own styles are; fonts declared in a shadow root are ignored by
// browsers, so a sheet that brings fonts is adopted by the page too.

import { vendorText, vendorUrl } from './vendor.js';

/** Sheets made from fetched text, by path. @type {Map<string, Promise<CSSStyleSheet | null>>} */
const sheets = new Map();
/** Paths already linked in the page's <head>. @type {Map<string, Promise<void>>} */
const linked = new Map();

/**
 * Links a stylesheet in the page's <head> once; settles when it has loaded (or failed).
 * @param {string} path  Under www/vendor/.
 * @returns {Promise<void>}
 */
function linkInHead(path) {
  let done = linked.get(path);
  if (!done) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = vendorUrl(path);
    done = new Promise((resolve) => {
      link.addEventListener('load', () => resolve(), { once: true });
      link.addEventListener('error', () => resolve(), { once: true });
    });
    document.head.append(link);
    linked.set(path, done);
  }
  return done;
}

/**
 * A stylesheet's relative `url()`s made absolute against its own address (a constructed
 * sheet's fonts would otherwise resolve against the page's).
 * @param {string} text
 * @param {string} base
 * @returns {string}
 */
export function absoluteUrls(text, base) {
  return text.replace(/url\((['"]?)(?![a-z][a-z0-9+.-]*:|\/|#)([^'")]+)\1\)/gi, (_, quote, ref) => `url(${quote}${new URL(ref, base).href}${quote})`);
}

/**
 * The stylesheet as a constructable sheet whose `url()`s resolve next to the file.
 * @param {string} path
 * @returns {Promise<CSSStyleSheet | null>}
 */
function constructed(path) {
  let sheet = sheets.get(path);
  if (!sheet) {
    sheet = vendorText(path).then((text) => {
      const made = new CSSStyleSheet();
      made.replaceSync(absoluteUrls(text, vendorUrl(path)));
      return made;
    }).catch(() => null);
    sheets.set(path, sheet);
  }
  return sheet;
}

/**
 * Adds a sheet to a document's or shadow root's adopted sheets, once.
 * @param {Document | ShadowRoot} root
 * @param {CSSStyleSheet} sheet
 */
function adopt(root, sheet) {
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/**
 * Makes a vendored stylesheet apply where `node` is shown: fetched once and adopted (not
 * governed by `style-src`, so the single-file build's hash-only CSP allows it too); linked
 * where the fetch is refused.
 * @param {Node} node  A node of the shown article (connected).
 * @param {string} path  Under www/vendor/.
 * @param {{ fonts?: boolean }} [options]  `fonts`: the sheet declares @font-face rules.
 * @returns {Promise<void>}
 */
export async function adoptStylesheet(node, path, options = {}) {
  const found = node.getRootNode();
  const root = found instanceof ShadowRoot ? found : document;
  const sheet = await constructed(path);
  if (sheet) {
    adopt(root, sheet);
    if (options.fonts && root !== document) adopt(document, sheet);
    return;
  }
  if (root === document || options.fonts) await linkInHead(path);
  if (root instanceof ShadowRoot && !root.querySelector(`link[data-vendor="${CSS.escape(path)}"]`)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = vendorUrl(path);
    link.dataset.vendor = path;
    root.prepend(link);
  }
}
