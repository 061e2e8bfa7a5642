// Rich content, loaded only when an article needs it. This small module (the front ends
// hand it to the article view as its `enhance` option: the viewer with its first load,
// <folio-article> once its first article is on screen) looks at the
// sanitized body for what it holds and imports the matching module from
// www/reading/ on demand: code.js for code blocks, math.js for math, mermaid.js for
// diagrams, callouts.js, footnotes.js, figures.js. Each works on DOM nodes only: it adds
// elements with text around the core's output, and never inserts an HTML string.
// Wide tables are wrapped here (no module needed); so is the full-width indent check.

import { el } from '../view/dom.js';
import { PLAIN_LANGUAGES, codeLanguage } from './blocks.js';
import { inTurns } from './turns.js';

/** @typedef {import('../i18n/core.js').Translate} Translate */

/** @typedef {import('./features.js').Feature} Feature */

/**
 * @typedef {object} EnhanceOptions
 * @property {Translate} t
 * @property {ReadonlySet<Feature>} [off]  Features not to apply.
 * @property {() => Worker} [worker]  Starts the code-highlighting worker
 *   (reading/highlight-worker.js); without it code is highlighted on the page's thread.
 */

/**
 * What a body holds that a lazy module handles.
 * @param {ParentNode} body
 */
export function needs(body) {
  const blocks = [...body.querySelectorAll('pre > code')];
  return {
    code: blocks.filter((code) => !PLAIN_LANGUAGES.has(codeLanguage(code))),
    math: body.querySelector('span.math, code.language-math') !== null,
    mermaid: blocks.filter((code) => codeLanguage(code) === 'mermaid'),
    callouts: body.querySelector('.callout') !== null,
    footnotes: body.querySelector('.footnote-ref a[href^="#"]') !== null,
    images: body.querySelector('img') !== null,
  };
}

/**
 * Enhances a body in place: synchronous work at once, each module once it has loaded.
 * Settles when every part is done (a module that fails to load leaves its part as the
 * core wrote it: readable, only plainer); sets `data-enhanced` on the body then.
 * @param {HTMLElement} body
 * @param {EnhanceOptions} options
 * @returns {Promise<void>}
 */
export async function enhance(body, options) {
  const off = options.off ?? new Set();
  const { t } = options;
  wrapTables(body);
  await markIndentedParagraphs(body);
  const found = needs(body);
  /** @type {Promise<unknown>[]} */
  const work = [];
  if (found.code.length) {
    work.push(import('./code.js').then((m) => m.enhanceCode(found.code, { t, highlight: !off.has('highlight'), worker: options.worker })));
  }
  if (found.math && !off.has('math')) work.push(import('./math.js').then((m) => m.typesetMath(body)));
  if (found.mermaid.length && !off.has('mermaid')) work.push(import('./mermaid.js').then((m) => m.drawDiagrams(found.mermaid, { t })));
  if (found.callouts) work.push(import('./callouts.js').then((m) => m.enhanceCallouts(body)));
  if (found.footnotes && !off.has('popovers')) work.push(import('./footnotes.js').then((m) => m.footnotePopovers(body, { t })));
  if (found.images) work.push(import('./figures.js').then((m) => m.enhanceImages(body, { t, zoom: !off.has('zoom') })));
  const results = await Promise.allSettled(work);
  for (const result of results) {
    if (result.status === 'rejected') console.warn('Folio: an enhancement failed:', result.reason);
  }
  body.setAttribute('data-enhanced', '');
}

/**
 * Wide tables scroll inside the column: each table goes in a focusable box (a keyboard
 * user can scroll it too) instead of widening the page.
 * @param {ParentNode} body
 */
function wrapTables(body) {
  for (const table of body.querySelectorAll('table')) {
    if (table.parentElement?.classList.contains('table-scroll')) continue;
    const box = el('div', { className: 'table-scroll', attrs: { tabindex: '0', role: 'group' } });
    const caption = table.querySelector('caption')?.textContent?.trim();
    if (caption) box.setAttribute('aria-label', caption);
    table.replaceWith(box);
    box.append(table);
  }
}

/**
 * A paragraph that opens with full-width spaces (U+3000, as scraped Chinese news writes its
 * indent) is marked, so that no style indents it a second time.
 * @param {ParentNode} body
 * @returns {Promise<void>}
 */
function markIndentedParagraphs(body) {
  return inTurns(body.querySelectorAll('p'), (p) => {
    if (/^[\s\u00a0]*\u3000/.test(p.textContent ?? '')) p.classList.add('indented');
  });
}
