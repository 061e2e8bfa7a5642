// What follows the reader's scrolling through an article (the progress line at the top
// is CSS alone: reading.css): the outline's current section (`aria-current="location"` on its link), and, where the
// page asks for it, the position remembered per article (localStorage) and restored when
// the article is shown again. A fragment in the page's address that names a heading of
// the article wins over the remembered position. The article view loads this module
// when it is first on screen, and only when there is something to follow; it listens
// while the view is on screen (an IntersectionObserver) and in the document.

import { HEADINGS, windowOf } from './body.js';
import { anchorTarget, goToAnchor } from './links.js';

/** Where positions are kept: `{ [key]: [fraction, time, block?, within?] }`: the fraction of
 * the body above the window's top; the top-level block there (its index in the body, or in
 * a huge body's slice: `[slice, block]`) and how far into it, which hold where the blocks
 * below are not laid out yet (their height a guess: reading.css). */
const STORE_KEY = 'folio.positions';
/** The most articles whose position is kept; the oldest go first. */
const MAX_KEPT = 200;
/** A heading counts as the current section once its top is this far down the window, in px. */
const CURRENT_LINE = 96;
/** The position is written to storage at most this often while scrolling, in ms. */
const SAVE_EVERY_MS = 500;

/**
 * @typedef {object} FollowParts
 * @property {HTMLElement} view     The article.
 * @property {HTMLElement} body
 * @property {HTMLElement | null} toc
 * @property {string} [positionKey]  Remember the position under this key (the viewer's pages).
 */

/** @returns {Record<string, [number, number] | [number, number, number[], number]>} */
function readPositions() {
  try {
    const value = JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}');
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

/**
 * Where the reader is: the fraction of the body above the window's top, and the block there.
 * @typedef {object} Place
 * @property {number} fraction
 * @property {number[]} [block]  Its index in the body (or `[slice, index]` in a huge body).
 * @property {number} [within]   How far into it the window's top is (0–1).
 */

/**
 * @param {string} key
 * @param {Place} place
 */
function savePosition(key, { fraction, block, within }) {
  const all = readPositions();
  const round = (/** @type {number} */ n) => Math.round(n * 10000) / 10000;
  all[key] = block ? [round(fraction), Date.now(), block, round(within ?? 0)] : [round(fraction), Date.now()];
  const keys = Object.keys(all);
  if (keys.length > MAX_KEPT) {
    keys.sort((a, b) => all[a][1] - all[b][1]).slice(0, keys.length - MAX_KEPT).forEach((old) => delete all[old]);
  }
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify(all));
  } catch {
    // Storage is off or full: the position is not kept.
  }
}

/**
 * The remembered position of an article, as a fraction of its body, or null.
 * @param {string} key
 * @returns {number | null}
 */
export function rememberedPosition(key) {
  const entry = readPositions()[key];
  return Array.isArray(entry) && Number.isFinite(entry[0]) ? entry[0] : null;
}

/**
 * The remembered place of an article, or null.
 * @param {string} key
 * @returns {Place | null}
 */
function rememberedPlace(key) {
  const entry = readPositions()[key];
  if (!Array.isArray(entry) || !Number.isFinite(entry[0])) return null;
  const [fraction, , block, within] = /** @type {[number, number, unknown?, unknown?]} */ (entry);
  const valid = Array.isArray(block) && block.length > 0 && block.every((i) => Number.isInteger(i) && i >= 0) && typeof within === 'number' && Number.isFinite(within);
  return valid ? { fraction, block, within } : { fraction };
}

/**
 * The block of `parent` at the window's top (a binary search over its children: each is
 * measured where it stands, laid out or not), or null.
 * @param {Element} parent
 * @returns {{ index: number, node: Element } | null}
 */
function blockAtTop(parent) {
  const children = [...parent.children];
  const index = lastPassing(children, 0, children.length, (node) => node.getBoundingClientRect().top <= 0);
  return index >= 0 ? { index, node: children[index] } : null;
}

/**
 * Where the reader is in `body` now.
 * @param {HTMLElement} body
 * @returns {Place}
 */
function placeIn(body) {
  const box = body.getBoundingClientRect();
  const span = box.height - window.innerHeight;
  const fraction = span > 0 ? Math.min(1, Math.max(0, -box.top / span)) : (box.top < 0 ? 1 : 0);
  let found = blockAtTop(body);
  if (!found) return { fraction };
  const block = [found.index];
  if (found.node.classList.contains('slice')) {
    const inner = blockAtTop(found.node);
    if (inner) {
      block.push(inner.index);
      found = inner;
    }
  }
  const rect = found.node.getBoundingClientRect();
  return { fraction, block, within: rect.height > 0 ? Math.min(1, Math.max(0, -rect.top / rect.height)) : 0 };
}

/**
 * The block a place names in `body`, or null when the body has no such block (it changed).
 * @param {HTMLElement} body
 * @param {number[]} block
 * @returns {Element | null}
 */
function blockOf(body, block) {
  // A windowed body's slice (view/body.js) is built first.
  windowOf(body)?.buildAt(block[0]);
  /** @type {Element | null} */
  let node = body;
  for (const index of block) node = node?.children[index] ?? null;
  return node === body ? null : node;
}

/**
 * Starts following the reader through the view (see the module's comment).
 * @param {FollowParts} parts
 */
export function followReading(parts) {
  const { view, body, toc, positionKey } = parts;
  const current = currentHeading(body);
  let started = false;
  let frame = 0;
  let listening = false;
  /** @type {Element | null} */
  let marked = null;
  let savedAt = 0;

  const update = () => {
    frame = 0;
    if (!view.isConnected) return;
    if (toc) markCurrent();
    if (positionKey && performance.now() - savedAt >= SAVE_EVERY_MS) {
      savedAt = performance.now();
      savePosition(positionKey, placeIn(body));
    }
  };

  const markCurrent = () => {
    const heading = current();
    const link = heading && toc ? toc.querySelector(`a[href="#${CSS.escape(encodeURIComponent(heading))}"]`) : null;
    if (link === marked) return;
    marked?.removeAttribute('aria-current');
    marked = link;
    if (!link) return;
    link.setAttribute('aria-current', 'location');
    // Keep the marked entry in view inside the outline's own scrolling box (a long list, or the sidebar).
    const list = [link.closest('ol'), link.closest('nav')].find((box) => box && box.scrollHeight > box.clientHeight);
    if (list) {
      const at = link.getBoundingClientRect();
      const box = list.getBoundingClientRect();
      if (at.top < box.top || at.bottom > box.bottom) list.scrollTop += at.top - box.top - box.height / 2;
    }
  };

  const onScroll = () => {
    if (!view.isConnected) {
      stop();
      return;
    }
    frame ||= requestAnimationFrame(update);
  };
  // The last position is written when scrolling stops, and when the page is hidden.
  let settle = 0;
  const saveNow = () => {
    if (positionKey && view.isConnected) savePosition(positionKey, placeIn(body));
  };
  const onScrollEnd = () => {
    clearTimeout(settle);
    settle = window.setTimeout(saveNow, SAVE_EVERY_MS);
  };
  const start = () => {
    if (listening) return;
    listening = true;
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    document.addEventListener('scroll', onScrollEnd, { capture: true, passive: true });
    window.addEventListener('resize', onScroll, { passive: true });
    window.addEventListener('pagehide', saveNow);
  };
  const stop = () => {
    listening = false;
    document.removeEventListener('scroll', onScroll, { capture: true });
    document.removeEventListener('scroll', onScrollEnd, { capture: true });
    window.removeEventListener('resize', onScroll);
    window.removeEventListener('pagehide', saveNow);
  };

  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting) || !view.isConnected) return;
    start();
    if (!started) {
      started = true;
      arrive(view, body, positionKey);
    }
    update();
  });
  observer.observe(view);
}

/**
 * The last index in `from`…`to` (exclusive) whose item passes `test`, or `from - 1`; the
 * items pass up to a point and fail after it (a binary search).
 * @template T
 * @param {T[]} items
 * @param {number} from
 * @param {number} to
 * @param {(item: T) => boolean} test
 * @returns {number}
 */
function lastPassing(items, from, to, test) {
  let lo = from;
  let hi = to - 1;
  let found = from - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (test(items[mid])) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * How to find the section being read: the id of the last heading whose top has passed the
 * line. In a huge body (view/body.js's `.slice` boxes, laid out only near the screen) the box
 * at the line is found first, so that only headings on screen are measured: measuring
 * one in a box far away would lay that box out. Its slices come and go (windowed): their
 * headings are looked up as they are, and one before a box not built is asked of the window.
 * @param {HTMLElement} body
 * @returns {() => string | null}
 */
function currentHeading(body) {
  const passed = (/** @type {Element} */ node) => node.getBoundingClientRect().top <= CURRENT_LINE;
  const slices = windowOf(body);
  if (!slices) {
    const headings = /** @type {HTMLElement[]} */ ([...body.querySelectorAll(HEADINGS)]);
    return () => headings[lastPassing(headings, 0, headings.length, passed)]?.id ?? null;
  }
  return () => {
    const boxes = slices.slices.map((slice) => slice.box);
    const at = lastPassing(boxes, 0, boxes.length, passed);
    if (at < 0) return null;
    const here = [...boxes[at].querySelectorAll(HEADINGS)];
    return here[lastPassing(here, 0, here.length, passed)]?.id ?? slices.headingBefore(at);
  };
}

/**
 * Where the reader lands when an article is first shown: the heading the address's
 * fragment names, else the remembered position.
 * @param {HTMLElement} view
 * @param {HTMLElement} body
 * @param {string | undefined} positionKey
 */
function arrive(view, body, positionKey) {
  const fragment = location.hash.slice(1);
  const target = fragment ? anchorTarget(view, fragment) : null;
  if (target) {
    goToAnchor(target);
    return;
  }
  if (!positionKey) return;
  const place = rememberedPlace(positionKey);
  if (place === null || place.fraction < 0.01) return;
  const node = place.block ? blockOf(body, place.block) : null;
  if (node) {
    // The way into the block, again each other frame until it stays put: the block and
    // those around it take their real heights once laid out (as view/links.js settleOn).
    // Blocks near the window are laid out a frame or two after it arrives, so it is checked
    // until it has stayed put three times running (at most 30 times).
    const to = (/** @type {number} */ tries, /** @type {number} */ still) => {
      const rect = node.getBoundingClientRect();
      const want = (place.within ?? 0) * rect.height;
      const moved = Math.abs(rect.top + want) > 1;
      if (moved) window.scrollTo({ top: window.scrollY + rect.top + want, behavior: 'instant' });
      const left = moved ? 3 : still - 1;
      if (tries > 1 && left > 0) requestAnimationFrame(() => requestAnimationFrame(() => node.isConnected && to(tries - 1, left)));
    };
    to(30, 3);
    return;
  }
  const box = body.getBoundingClientRect();
  const span = box.height - window.innerHeight;
  if (span > 0) window.scrollTo({ top: window.scrollY + box.top + place.fraction * span, behavior: 'instant' });
}
