// Math: the core marks TeX as `<span class="math math-inline|math-display">` (and a
// ```math block is a `code.language-math`); KaTeX, fetched only for articles with math,
// typesets each one into DOM nodes (katex.render builds elements; no HTML string). Its
// stylesheet and fonts load with it (stylesheets.js). Untrusted TeX: KaTeX's `trust` stays
// off (no \href, \url, \includegraphics, \htmlClass …) and expansion and sizes are capped.

import { adoptStylesheet } from './stylesheets.js';
import { vendorModule } from './vendor.js';

/** KaTeX's settings for text from an article. */
const SETTINGS = {
  throwOnError: true,
  trust: false,
  strict: 'ignore',
  maxExpand: 500,
  maxSize: 50,
  output: 'htmlAndMathml',
};

/**
 * @typedef {{ render: (tex: string, node: Element, options: object) => void }} Katex
 */

/** @type {Promise<Katex> | null} */
let katex = null;

/**
 * Typesets every math span and ```math block under `body`. TeX that KaTeX cannot read
 * stays as written, marked (`data-math-error`, with KaTeX's message as its title).
 * @param {HTMLElement} body
 */
export async function typesetMath(body) {
  katex ??= vendorModule('katex/dist/katex.mjs').then((m) => m.default);
  const [lib] = await Promise.all([katex, adoptStylesheet(body, 'katex/dist/katex.min.css', { fonts: true })]);
  for (const node of body.querySelectorAll('span.math, pre > code.language-math')) {
    const display = !node.classList.contains('math-inline');
    const tex = node.textContent ?? '';
    /** @type {Element} */
    let target = node;
    if (node.localName === 'code') {
      // A ```math block becomes a display-math box in place of its <pre>.
      const box = document.createElement('div');
      box.className = 'math math-display';
      box.textContent = tex;
      node.parentElement?.replaceWith(box);
      target = box;
    }
    try {
      lib.render(tex, target, { ...SETTINGS, displayMode: display });
      target.setAttribute('data-math', 'typeset');
    } catch (error) {
      target.textContent = tex;
      target.setAttribute('data-math-error', '');
      target.setAttribute('title', error instanceof Error ? error.message : String(error));
    }
  }
}
