// The article's body from the core's sanitized HTML. A short body is parsed at once; a long
// one is cut between its top-level blocks and built a slice at a time: the first slice
// (the first screen and more) at once, each next one in a task of its own, so that no
// task of a 10 MB article holds the page for long (parsing it whole took over a second).
// Each slice is parsed in an inert template and prepared there (links, remote images,
// heading anchors) before it is added. While slices are still coming, the body is
// `aria-busy`; `built` settles when the last one is in.
// A huge body is windowed (SliceWindow below): each slice is a box of its own (`.slice`,
// `content-visibility: auto` in reading.css), and only the slices near the window are DOM;
// every other one is kept as its HTML in an empty box of its height. A 10 MB article's
// whole body was ~800 000 nodes (~230 MiB); near the window it is a few thousand.

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
  return cut(html, from, size).end;
}

/**
 * cutAfter, and how many top-level elements the part holds (its `childElementCount` once
 * parsed; counted as far as the markup was as expected).
 * @param {string} html
 * @param {number} from
 * @param {number} size
 * @returns {{ end: number, blocks: number }}
 */
export function cut(html, from, size) {
  const want = from + size;
  let blocks = 0;
  const rest = () => ({ end: html.length, blocks });
  let depth = 0;
  let at = from;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open < 0) return rest();
    // Text before a tag at the top level: a place to cut, once far enough.
    if (depth === 0 && open > at && open >= want) return { end: open, blocks };
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      if (close < 0) return rest();
      at = close + 3;
    } else {
      const end = tagEnd(html, open);
      if (end < 0) return rest();
      const closing = html.charCodeAt(open + 1) === 0x2f; // '/'
      const name = tagName(html, closing ? open + 2 : open + 1);
      if (!name) return rest();
      if (closing) depth -= 1;
      else {
        if (depth === 0) blocks += 1;
        if (!VOID.has(name)) depth += 1;
      }
      if (depth < 0) return rest();
      at = end;
    }
    if (depth === 0 && at >= want) return { end: at, blocks };
  }
  return rest();
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

/** How long the page is kept at its end after End, at most, in ms. */
const PIN_MS = 2000;

/**
 * Goes to the page's end and keeps it there while the blocks near it take their real heights
 * (they lay out as they come on screen), until the reader moves or PIN_MS.
 */
function pinToEnd() {
  const page = document.scrollingElement;
  if (!page) return;
  const toEnd = () => { page.scrollTop = page.scrollHeight; };
  toEnd();
  const observer = new ResizeObserver(toEnd);
  eachShown((win) => observer.observe(win.body));
  const moves = ['wheel', 'touchstart', 'pointerdown', 'keydown'];
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const type of moves) window.removeEventListener(type, stop, true);
  };
  const timer = setTimeout(stop, PIN_MS);
  for (const type of moves) window.addEventListener(type, stop, { capture: true, passive: true });
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
 * cut between top-level blocks; with the count of top-level elements each holds.
 * @param {string} html
 * @param {SliceSizes} [sizes]
 * @returns {Generator<{ html: string, blocks: number }>}
 */
export function* partsOf(html, { whole = WHOLE_CHARS, first = FIRST_CHARS, slice = SLICE_CHARS } = {}) {
  if (html.length <= whole) {
    yield { html, blocks: -1 };
    return;
  }
  for (let start = 0, size = first; start < html.length; size = slice) {
    const { end, blocks } = cut(html, start, size);
    yield { html: html.slice(start, end), blocks };
    start = end;
  }
}

/**
 * The parts' HTML (partsOf).
 * @param {string} html
 * @param {SliceSizes} [sizes]
 * @returns {Generator<string>}
 */
export function* slicesOf(html, sizes) {
  for (const part of partsOf(html, sizes)) yield part.html;
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
 * @param {{ windowed?: boolean }} [options]  `windowed`: a huge body, kept as DOM only near
 *   the window (SliceWindow).
 * @returns {Promise<void>} settles when the whole body is in (windowed: when every slice
 *   has its box, built or not).
 */
export function fillBody(body, html, prepare, { windowed = false } = {}) {
  if (windowed) return new SliceWindow(body, html, prepare).known;
  const parts = slicesOf(html);
  const add = (/** @type {string} */ part) => {
    const fragment = parse(part);
    prepare(fragment);
    body.append(fragment);
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

/** How far above and below the window slices are built (kept as DOM): a few screens. */
export const WINDOW_MARGIN = '300% 0px';
/** Cutting a windowed body's slices takes tasks of about this long, in ms. */
const CUT_MS = 8;
/** The headings progress.js follows. */
export const HEADINGS = 'h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]';

/** Every windowed body's window, by body. @type {WeakMap<Element, SliceWindow>} */
const windows = new WeakMap();
/** The windows for the page's print and find-in-page listeners (held weakly: a dropped view goes). @type {Set<WeakRef<SliceWindow>>} */
const live = new Set();

/**
 * The window of a windowed body (fillBody's `windowed`), or undefined for any other.
 * @param {Element} body
 * @returns {SliceWindow | undefined}
 */
export function windowOf(body) {
  return windows.get(body);
}

/**
 * The windows of the windowed bodies inside `scope` (or that are `scope`), built or not.
 * @param {ParentNode} scope
 * @returns {SliceWindow[]}
 */
export function windowsIn(scope) {
  /** @type {SliceWindow[]} */
  const found = [];
  for (const ref of live) {
    const win = ref.deref();
    if (!win) live.delete(ref);
    else if (/** @type {Node} */ (scope).contains?.(win.body)) found.push(win);
  }
  return found;
}

/**
 * Runs `each` on every live window whose body is in the document (or a shadow root in it).
 * @param {(win: SliceWindow) => void} each
 */
function eachShown(each) {
  for (const ref of live) {
    const win = ref.deref();
    if (!win) live.delete(ref);
    else if (win.body.isConnected) each(win);
  }
}

/**
 * The browser's find-in-page (Ctrl/Cmd+F) searches only what is in the DOM: when the reader
 * asks for it, every slice of a shown windowed body is built, and kept (the page's memory is
 * then as it was before windowing). Print lays out every slice too: all are built before
 * it, and the window shrinks back after.
 */
function listenToPage() {
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') eachShown((win) => win.keepAll());
  }, { capture: true });
  // End (Ctrl+End too) outside anything that takes keys: the slices at the end are built
  // first, then the page goes to its end. The browser's own End would go to the end of the
  // guessed heights, and those slices, built on the way, would push the end away.
  window.addEventListener('keydown', (event) => {
    if (event.key !== 'End' || event.defaultPrevented || event.altKey || event.shiftKey || event.metaKey) return;
    const target = /** @type {Element | null} */ (event.target instanceof Element ? event.target : null);
    if (target?.closest('input, textarea, select, [contenteditable], [role="listbox"], [role="tree"], [role="slider"]')) return;
    let ended = false;
    eachShown((win) => { ended = win.buildEnd() || ended; });
    if (!ended) return;
    event.preventDefault();
    pinToEnd();
  });
  window.addEventListener('beforeprint', () => eachShown((win) => win.buildAll()));
  window.addEventListener('afterprint', () => eachShown((win) => win.rewindow()));
}

/**
 * @typedef {object} Slice
 * @property {string} html
 * @property {number} blocks  Its top-level elements (its height before it is ever shown).
 * @property {HTMLElement} box
 * @property {boolean} built
 * @property {string | null | undefined} lastHeading  The id of its last heading (null: none), once known.
 */

/**
 * A huge body, windowed: its slices are `.slice` boxes, and only those within WINDOW_MARGIN of
 * the window hold their DOM (an IntersectionObserver builds them as they come near and
 * empties them as they leave). An empty box keeps its height: the one it had when it was
 * last shown, else a guess from its count of blocks (reading.css). A box emptied is replaced
 * by a new one, so that what rich content added to it (listeners) goes with it.
 */
export class SliceWindow {
  /** @type {Slice[]} */
  slices = [];
  /** Every slice is built and stays (find-in-page). */
  kept = false;
  /** @type {((box: HTMLElement) => unknown) | null} */
  #onBuilt = null;
  /** @type {WeakMap<Element, number>} */
  #index = new WeakMap();
  /** @type {IntersectionObserver} */
  #observer;
  /** @type {(fragment: DocumentFragment) => void} */
  #prepare;
  /** @type {Promise<void>} */
  known;

  /**
   * @param {HTMLElement} body
   * @param {string} html
   * @param {(fragment: DocumentFragment) => void} prepare
   */
  constructor(body, html, prepare) {
    this.body = body;
    this.#prepare = prepare;
    windows.set(body, this);
    if (!live.size) listenToPage();
    live.add(new WeakRef(this));
    this.#observer = new IntersectionObserver((entries) => this.#moved(entries), { rootMargin: WINDOW_MARGIN });
    const parts = partsOf(html, { whole: 0 });
    this.#add(/** @type {{ html: string, blocks: number }} */ (parts.next().value));
    this.build(0);
    let next = parts.next();
    if (next.done) {
      this.known = Promise.resolve();
      return;
    }
    body.setAttribute('aria-busy', 'true');
    this.known = new Promise((resolve) => {
      const step = () => {
        const until = performance.now() + CUT_MS;
        const boxes = document.createDocumentFragment();
        do {
          boxes.append(this.#add(next.value, false));
          next = parts.next();
        } while (!next.done && performance.now() < until);
        body.append(boxes);
        if (!next.done) {
          setTimeout(step, 0);
        } else {
          if (!this.kept) body.removeAttribute('aria-busy');
          resolve();
        }
      };
      setTimeout(step, 0);
    });
  }

  /**
   * A new slice's empty box, appended to the body (or returned to be).
   * @param {{ html: string, blocks: number }} part
   * @param {boolean} [append]
   * @returns {HTMLElement}
   */
  #add({ html, blocks }, append = true) {
    const box = this.#emptyBox(this.slices.length, blocks);
    this.slices.push({ html, blocks, box, built: false, lastHeading: undefined });
    if (append) this.body.append(box);
    return box;
  }

  /**
   * @param {number} index
   * @param {number} blocks
   * @param {number} [height]  In px, as last shown.
   * @returns {HTMLElement}
   */
  #emptyBox(index, blocks, height) {
    const box = document.createElement('div');
    box.className = 'slice';
    box.style.setProperty('--blocks', String(blocks));
    if (height) box.style.setProperty('--height', `${height}px`);
    this.#index.set(box, index);
    this.#observer.observe(box);
    return box;
  }

  /** @param {IntersectionObserverEntry[]} entries */
  #moved(entries) {
    if (!this.body.isConnected) return;
    for (const entry of entries) {
      const index = this.#index.get(entry.target);
      if (index === undefined || this.slices[index].box !== entry.target) continue;
      if (entry.isIntersecting) this.build(index);
      else this.#empty(index);
    }
  }

  /**
   * Builds a slice (parsed, prepared, then added; `onBuilt` runs on its box), if it is not.
   * @param {number} index
   * @returns {HTMLElement | undefined} its box
   */
  build(index) {
    const slice = this.slices[index];
    if (!slice) return undefined;
    if (slice.built) return slice.box;
    const fragment = parse(slice.html);
    this.#prepare(fragment);
    slice.box.append(fragment);
    slice.built = true;
    this.#onBuilt?.(slice.box);
    return slice.box;
  }

  /**
   * Empties a built slice that has left the window: a new empty box of its height takes its place.
   * @param {number} index
   */
  #empty(index) {
    const slice = this.slices[index];
    if (!slice.built || this.kept) return;
    const height = slice.box.getBoundingClientRect().height;
    if (!(height > 0)) return; // Not laid out (the view is hidden): its height would be lost.
    slice.lastHeading = lastHeadingIn(slice.box);
    const box = this.#emptyBox(index, slice.blocks, height);
    this.#observer.unobserve(slice.box);
    slice.box.replaceWith(box);
    slice.box = box;
    slice.built = false;
  }

  /**
   * Runs `then` on each slice's box as it is built from now on, and at once on those built.
   * @param {(box: HTMLElement) => unknown} then
   * @returns {unknown[]} what it returned for those built already
   */
  whenBuilt(then) {
    this.#onBuilt = then;
    return this.slices.filter((slice) => slice.built).map((slice) => then(slice.box));
  }

  /**
   * The element with this id, its slice built first when it is not (the slices' HTML is
   * searched for the id as the core writes it), or null.
   * @param {string} id
   * @returns {Element | null}
   */
  find(id) {
    const needle = ` id="${escapeAttribute(id)}"`;
    const selector = `[id="${CSS.escape(id)}"]`;
    for (const [index, slice] of this.slices.entries()) {
      if (!slice.html.includes(needle)) continue;
      const found = (slice.built ? slice.box : this.#buildAway(index)).querySelector(selector);
      if (found) return found;
    }
    return null;
  }

  /**
   * Builds a slice that may be far from the window, and has the observer look at it afresh:
   * unless it is scrolled to at once (the caller's aim), it is emptied again.
   * @param {number} index
   * @returns {HTMLElement}
   */
  #buildAway(index) {
    const box = /** @type {HTMLElement} */ (this.build(index));
    this.#observer.unobserve(box);
    this.#observer.observe(box);
    return box;
  }

  /**
   * The box of a slice, built (the position restored in it).
   * @param {number} index
   * @returns {HTMLElement | undefined}
   */
  buildAt(index) {
    return index < this.slices.length ? this.#buildAway(index) : undefined;
  }

  /**
   * The id of the last heading (HEADINGS) before slice `index`, looking back through the
   * slices; a slice not built is parsed for it (once).
   * @param {number} index
   * @returns {string | null}
   */
  headingBefore(index) {
    for (let i = index - 1; i >= 0; i -= 1) {
      const slice = this.slices[i];
      if (slice.built) slice.lastHeading = lastHeadingIn(slice.box);
      else slice.lastHeading ??= lastHeadingIn(parse(slice.html));
      if (slice.lastHeading) return slice.lastHeading;
    }
    return null;
  }

  /** Builds every slice now (print lays them all out). */
  buildAll() {
    for (let i = 0; i < this.slices.length; i += 1) this.build(i);
  }

  /** Builds every slice, a task each, and keeps them all (find-in-page). */
  keepAll() {
    if (this.kept) return;
    this.kept = true;
    this.body.setAttribute('aria-busy', 'true');
    let index = 0;
    const step = () => {
      while (index < this.slices.length && this.slices[index].built) index += 1;
      if (index < this.slices.length) {
        this.build(index);
        setTimeout(step, 0);
      } else {
        this.known.then(() => {
          if (index < this.slices.length) step();
          else this.body.removeAttribute('aria-busy');
        });
      }
    };
    step();
  }

  /**
   * Builds the last slices, as many as fill the window's margin below the end (End).
   * @returns {boolean} whether this body is the page's end: shown and laid out, with slices
   */
  buildEnd() {
    if (!this.slices.length || !(this.body.getBoundingClientRect().height > 0)) return false;
    let height = 0;
    for (let index = this.slices.length - 1; index >= 0 && height < 3 * innerHeight; index -= 1) {
      height += /** @type {HTMLElement} */ (this.build(index)).getBoundingClientRect().height;
    }
    return true;
  }

  /** After print: the observer looks at every built slice afresh, and those away are emptied. */
  rewindow() {
    for (const slice of this.slices) {
      if (!slice.built) continue;
      this.#observer.unobserve(slice.box);
      this.#observer.observe(slice.box);
    }
  }
}

/**
 * The id of the last heading (HEADINGS) under `root`, or null.
 * @param {ParentNode} root
 * @returns {string | null}
 */
function lastHeadingIn(root) {
  const all = root.querySelectorAll(HEADINGS);
  return all.length ? all[all.length - 1].id : null;
}

/**
 * A value as the core writes it in an attribute (html5ever's escaping: `& < > "` and no-break space).
 * @param {string} value
 * @returns {string}
 */
export function escapeAttribute(value) {
  return value.replace(/[&<>"\u00a0]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\u00a0': '&nbsp;' })[c] ?? c);
}
