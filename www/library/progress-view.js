// Progress while an archive is read: a bar, "Reading 1 200 of 10 000…", how many are
// indexed for search and how many could not be read.

import { h } from './dom.js';

/** How often the bar and its line are drawn while files are read, in ms: each drawing is a
 * frame's layout and paint (once a frame, they were ~1.5 s of the page's CPU at 10 000 files). */
export const PROGRESS_MS = 250;

/** @typedef {import('./library.js').Library} Library */
/** @typedef {import('./strings.js').Translate} Translate */

export class ProgressView {
  /**
   * @param {HTMLElement} container
   * @param {Library} library
   * @param {Translate} t
   */
  constructor(container, library, t) {
    this.t = t;
    this.bar = h('progress', { class: 'lib-progress-bar', max: 1, value: 0, 'data-testid': 'library-progress', 'aria-label': t('library'), 'data-lib-i18n-aria-label': 'library' });
    this.text = h('span', { class: 'lib-progress-text', 'data-testid': 'library-progress-text' });
    this.box = h('div', { class: 'lib-progress', hidden: true }, this.bar, this.text);
    container.append(this.box);
    /** The latest counts, drawn every PROGRESS_MS however often they come, and at once when all is done. @type {{ total: number, parsed: number, failed: number, indexed: number } | null} */
    this.latest = null;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    /** What is asked for: a timer, then a frame (which draws the latest counts). @type {'timer' | 'frame' | null} */
    this.pending = null;
    this.drawnAt = -Infinity;
    /** The counts drawn last: the same counts again (the index reporting twice) are not drawn. @type {{ total: number, parsed: number, failed: number, indexed: number } | null} */
    this.drawn = null;
    library.addEventListener('progress', (event) => {
      const counts = /** @type {CustomEvent} */ (event).detail;
      this.latest = counts;
      if (this.pending === 'frame') return;
      const wait = isFinished(counts) ? 0 : Math.max(0, this.drawnAt + PROGRESS_MS - performance.now());
      if (this.pending === 'timer' && wait > 0) return;
      clearTimeout(this.timer);
      this.pending = 'timer';
      this.timer = setTimeout(() => {
        this.pending = 'frame';
        requestAnimationFrame(() => {
          this.pending = null;
          const latest = this.latest;
          this.latest = null;
          if (!latest || sameCounts(latest, this.drawn)) return;
          this.drawnAt = performance.now();
          this.draw(latest);
        });
      }, wait);
    });
  }

  /**
   * @param {{ total: number, parsed: number, failed: number, indexed: number }} counts
   */
  draw({ total, parsed, failed, indexed }) {
    this.drawn = { total, parsed, failed, indexed };
    const done = parsed + failed;
    const finished = isFinished({ total, parsed, failed, indexed });
    // Once all is read and indexed, only failures are worth a line (the list has the count).
    this.box.hidden = total === 0 || (finished && failed === 0);
    this.bar.max = Math.max(total, 1);
    this.bar.value = done;
    const parts = [done < total ? this.t('progress', done, total) : this.t('ready', total)];
    if (indexed) parts.push(this.t('indexed', Math.min(indexed, parsed)));
    if (failed) parts.push(this.t('failedCount', failed));
    this.text.textContent = parts.join(' · ');
    this.box.dataset.done = String(finished);
  }
}

/**
 * Whether every file is read and every article indexed.
 * @param {{ total: number, parsed: number, failed: number, indexed: number }} counts
 * @returns {boolean}
 */
function isFinished({ total, parsed, failed, indexed }) {
  return parsed + failed === total && indexed >= parsed;
}

/**
 * @param {{ total: number, parsed: number, failed: number, indexed: number }} a
 * @param {{ total: number, parsed: number, failed: number, indexed: number } | null} b
 */
function sameCounts(a, b) {
  return b !== null && a.total === b.total && a.parsed === b.parsed && a.failed === b.failed && a.indexed === b.indexed;
}
