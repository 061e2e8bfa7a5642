// Progress while an archive is read: a bar, "Reading 1 200 of 10 000…", how many are
// indexed for search and how many could not be read.

import { h } from './dom.js';

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
    /** The latest counts, drawn once a frame however often they come. @type {{ total: number, parsed: number, failed: number, indexed: number } | null} */
    this.latest = null;
    library.addEventListener('progress', (event) => {
      const first = this.latest === null;
      this.latest = /** @type {CustomEvent} */ (event).detail;
      if (first) {
        requestAnimationFrame(() => {
          const counts = this.latest;
          this.latest = null;
          if (counts) this.draw(counts);
        });
      }
    });
  }

  /**
   * @param {{ total: number, parsed: number, failed: number, indexed: number }} counts
   */
  draw({ total, parsed, failed, indexed }) {
    const done = parsed + failed;
    const finished = done === total && indexed >= parsed;
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
