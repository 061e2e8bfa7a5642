// What follows the reader's scrolling through an article (the progress line at the top
// is CSS alone: reading.css): the outline's current section (`aria-current="location"` on its link), and, where the
// page asks for it, the position remembered per article (localStorage) and restored when
// the article is shown again. A fragment in the page's address that names a heading of
// the article wins over the remembered position. Starts when the view is first on
// screen (an IntersectionObserver, so the view needs no "connected" call from its page)
// and listens only while it is in the document.

import { anchorTarget, goToAnchor } from './links.js';

/** Where positions are kept: `{ [key]: [fraction, time] }`. */
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
 * @property {() => void} [onFirstShown]  Runs once, when the view is first on screen.
 */

/** @returns {Record<string, [number, number]>} */
function readPositions() {
  try {
    const value = JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}');
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

/**
 * @param {string} key
 * @param {number} fraction
 */
function savePosition(key, fraction) {
  const all = readPositions();
  all[key] = [Math.round(fraction * 10000) / 10000, Date.now()];
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
 * Starts following the reader through the view (see the module's comment).
 * @param {FollowParts} parts
 */
export function followReading(parts) {
  const { view, body, toc, positionKey } = parts;
  const headings = /** @type {HTMLElement[]} */ ([...body.querySelectorAll('h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]')]);
  let started = false;
  let frame = 0;
  let listening = false;
  /** @type {Element | null} */
  let current = null;
  let savedAt = 0;

  const fraction = () => {
    const box = body.getBoundingClientRect();
    const span = box.height - window.innerHeight;
    return span > 0 ? Math.min(1, Math.max(0, -box.top / span)) : (box.top < 0 ? 1 : 0);
  };

  const update = () => {
    frame = 0;
    if (!view.isConnected) return;
    if (toc && headings.length) markCurrent();
    if (positionKey && performance.now() - savedAt >= SAVE_EVERY_MS) {
      savedAt = performance.now();
      savePosition(positionKey, fraction());
    }
  };

  const markCurrent = () => {
    // The last heading whose top has passed the line (binary search: headings are in order).
    let lo = 0;
    let hi = headings.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (headings[mid].getBoundingClientRect().top <= CURRENT_LINE) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    const id = found >= 0 ? headings[found].id : null;
    const link = id && toc ? toc.querySelector(`a[href="#${CSS.escape(encodeURIComponent(id))}"]`) : null;
    if (link === current) return;
    current?.removeAttribute('aria-current');
    current = link;
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
    if (positionKey && view.isConnected) savePosition(positionKey, fraction());
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
      parts.onFirstShown?.();
      arrive(view, body, positionKey);
    }
    update();
  });
  observer.observe(view);
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
  const at = rememberedPosition(positionKey);
  if (at === null || at < 0.01) return;
  const box = body.getBoundingClientRect();
  const span = box.height - window.innerHeight;
  if (span > 0) window.scrollTo({ top: window.scrollY + box.top + at * span, behavior: 'instant' });
}
