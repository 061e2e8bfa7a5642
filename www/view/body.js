// The article's body from the core's sanitized HTML. A short body is parsed at once; a long
// one is cut between its top-level blocks and built a slice at a time: the first slice
// (the first screen and more) at once, each next one in a task of its own, so that no
// task of a 10 MB article holds the page for long (parsing it whole took over a second).
// Each slice is parsed in an inert template and prepared there (links, remote images,
// heading anchors) before it is added. While slices are still coming, the body is
// `aria-busy`; `built` settles when the last one is in. In a huge body each slice is a box
// of its own (`.slice`, `content-visibility: auto` in reading.css), so that the page lays
// out a few dozen boxes, not a hundred thousand blocks, each time a slice is added.

import { trustedBodyHTML } from '../trusted-types.js';

/** Bodies up to this many UTF-16 units are parsed in one go (a few tens of ms at most). */
export const WHOLE_CHARS = 256 * 1024;
/** The first slice of a longer body: several screens, parsed in a few ms. */
export const FIRST_CHARS = 16 * 1024;
/** Each later slice: about 10–30 ms of parsing and preparing on a laptop. */
export const SLICE_CHARS = 64 * 1024;

/** Elements with no end tag (the HTML standard's void elements). */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * Where `html` can be cut after `from` + `size` or later: just after a top-level element or
 * piece of text ends, so that each part parses to the same nodes alone as it does in the
 * whole. `html` is serialized HTML as the core writes it: every `<` in text or in an
 * attribute value is escaped, attribute values are quoted, elements are closed in order.
 * Returns `html.length` when there is no such place (or the markup is not as expected).
 * @param {string} html
 * @param {number} from  Where the part being cut starts (at the top level).
 * @param {number} size  How long the part should be at least.
 * @returns {number}
 */
export function cutAfter(html, from, size) {
  const want = from + size;
  if (want >= html.length) return html.length;
  let depth = 0;
  let at = from;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open < 0) return html.length;
    // Text before a tag at the top level: a place to cut, once far enough.
    if (depth === 0 && open > at && open >= want) return open;
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      if (close < 0) return html.length;
      at = close + 3;
    } else {
      const end = tagEnd(html, open);
      if (end < 0) return html.length;
      const closing = html.charCodeAt(open + 1) === 0x2f; // '/'
      const name = tagName(html, closing ? open + 2 : open + 1);
      if (!name) return html.length;
      if (closing) depth -= 1;
      else if (!VOID.has(name)) depth += 1;
      if (depth < 0) return html.length;
      at = end;
    }
    if (depth === 0 && at >= want) return at;
  }
  return html.length;
}

/**
 * The lowercased name of the tag whose name starts at `at`, or '' when none does.
 * @param {string} html
 * @param {number} at
 * @returns {string}
 */
function tagName(html, at) {
  const first = html.charCodeAt(at) | 0x20; // ASCII lowercase
  if (first < 0x61 || first > 0x7a) return '';
  let end = at + 1;
  for (; end < html.length; end += 1) {
    const c = html.charCodeAt(end);
    if (c === 0x3e || c === 0x2f || c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d) break;
  }
  return html.slice(at, end).toLowerCase();
}

/**
 * The index just past the `>` that ends the tag opening at `open`, skipping quoted
 * attribute values; -1 when it never ends.
 * @param {string} html
 * @param {number} open
 * @returns {number}
 */
function tagEnd(html, open) {
  for (let i = open + 1; i < html.length; i += 1) {
    const c = html[i];
    if (c === '>') return i + 1;
    if (c === '"' || c === "'") {
      const close = html.indexOf(c, i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

/**
 * @typedef {object} SliceSizes  In UTF-16 units; the defaults above, other sizes for tests.
 * @property {number} [whole]
 * @property {number} [first]
 * @property {number} [slice]
 */

/**
 * The parts a body is built from, in order, each cut when it is asked for (finding all the
 * cuts of a 10 MB body at once would be a long task of its own): the whole when it is
 * short, else a first part of about FIRST_CHARS and then parts of about SLICE_CHARS, each
 * cut between top-level blocks.
 * @param {string} html
 * @param {SliceSizes} [sizes]
 * @returns {Generator<string>}
 */
export function* slicesOf(html, { whole = WHOLE_CHARS, first = FIRST_CHARS, slice = SLICE_CHARS } = {}) {
  if (html.length <= whole) {
    yield html;
    return;
  }
  for (let start = 0, size = first; start < html.length; size = slice) {
    const end = cutAfter(html, start, size);
    yield html.slice(start, end);
    start = end;
  }
}

/**
 * All the parts at once (slicesOf).
 * @param {string} html
 * @param {SliceSizes} [sizes]
 * @returns {string[]}
 */
export function slices(html, sizes) {
  return [...slicesOf(html, sizes)];
}

/**
 * Parses one part of the sanitized body in an inert template (nothing loads, nothing runs).
 * @param {string} part
 * @returns {DocumentFragment}
 */
function parse(part) {
  const template = document.createElement('template');
  template.innerHTML = /** @type {string} */ (trustedBodyHTML(part));
  return template.content;
}

/**
 * Fills `body` from the core's HTML: the first part now, the rest a task at a time.
 * `prepare` runs on each part's fragment before it is added (while it is inert).
 * @param {HTMLElement} body
 * @param {string} html  Article.html from the core.
 * @param {(fragment: DocumentFragment) => void} prepare
 * @param {{ boxes?: boolean }} [options]  `boxes`: each part in a `.slice` box of its own,
 *   which tells the styles how many blocks it holds (`--blocks`: its height before it is laid out).
 * @returns {Promise<void>} settles when the whole body is in.
 */
export function fillBody(body, html, prepare, { boxes = false } = {}) {
  const parts = slicesOf(html);
  const add = (/** @type {string} */ part) => {
    const fragment = parse(part);
    prepare(fragment);
    if (!boxes) {
      body.append(fragment);
      return;
    }
    const box = document.createElement('div');
    box.className = 'slice';
    box.style.setProperty('--blocks', String(fragment.childElementCount));
    box.append(fragment);
    body.append(box);
  };
  add(/** @type {string} */ (parts.next().value));
  let next = parts.next();
  if (next.done) return Promise.resolve();
  body.setAttribute('aria-busy', 'true');
  return new Promise((resolve) => {
    const step = () => {
      add(/** @type {string} */ (next.value));
      next = parts.next();
      if (!next.done) {
        setTimeout(step, 0);
      } else {
        body.removeAttribute('aria-busy');
        resolve();
      }
    };
    setTimeout(step, 0);
  });
}
