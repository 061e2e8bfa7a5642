// The "Keep in this browser" switch, the size kept and "Forget all". While the switch is
// on, files opened later are kept too (saved again, whole, a moment after they arrive).
// Errors are said next to the switch; a failed save leaves the previous one in place.

import { h } from './dom.js';
import { KeepError, forget, keep, kept } from './keep.js';

/** @typedef {import('./library.js').Library} Library */
/** @typedef {import('./strings.js').Translate} Translate */

/** How long after the last change the kept copy is brought up to date. */
const RESAVE_MS = 1500;

export class KeepView {
  /**
   * @param {HTMLElement} container
   * @param {Library} library
   * @param {Translate} t
   * @param {{ handles?: () => FileSystemDirectoryHandle[] }} [options]
   */
  constructor(container, library, t, options = {}) {
    this.library = library;
    this.t = t;
    this.handles = options.handles ?? (() => []);
    this.box = h('input', { type: 'checkbox', role: 'switch', 'data-testid': 'keep' });
    this.size = h('span', { class: 'lib-keep-size', 'data-testid': 'keep-size' });
    this.forgetButton = h('button', { type: 'button', class: 'lib-link-button', 'data-testid': 'forget-all', text: t('forgetAll'), 'data-lib-i18n': 'forgetAll', hidden: true });
    this.message = h('span', { class: 'lib-keep-message', role: 'status', 'data-testid': 'keep-message' });
    container.append(h('div', { class: 'lib-keep' },
      h('label', { title: t('keepHint'), 'data-lib-i18n-title': 'keepHint' }, this.box, h('span', { text: t('keep'), 'data-lib-i18n': 'keep' })),
      this.size, this.forgetButton, this.message));
    this.box.addEventListener('change', () => (this.box.checked ? this.save() : this.forget()));
    this.forgetButton.addEventListener('click', () => this.forget());
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    /** @type {Promise<void>} */
    this.saving = Promise.resolve();
    /** While true, files added are the kept ones coming back: nothing to save. */
    this.muted = false;
    library.addEventListener('files', () => {
      if (!this.box.checked || this.muted) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.save(), RESAVE_MS);
    });
    this.ready = kept().then((meta) => this.show(meta), () => this.show(null));
  }

  /**
   * @param {import('./keep.js').KeptMeta | null} meta
   */
  show(meta) {
    this.box.checked = Boolean(meta);
    this.size.textContent = meta ? this.t('kept', meta.bytes) : '';
    this.forgetButton.hidden = !meta;
  }

  /**
   * Runs `work` (which adds the kept files back) without saving them again.
   * @param {() => Promise<void> | void} work
   */
  async quiet(work) {
    this.muted = true;
    try {
      await work();
    } finally {
      this.muted = false;
    }
  }

  /** Keeps every file of the library now (one at a time: a later save waits for the one before),
   * but the transient ones: the demo and an article fetched by address are never kept. */
  save() {
    this.saving = this.saving.then(async () => {
      const files = [...this.library.records.values()].filter((r) => !r.transient).map((r) => ({ path: r.path, file: r.file }))
        .concat([...this.library.assets].map(([path, file]) => ({ path, file })));
      this.message.textContent = this.t('keeping');
      try {
        this.show(await keep(files, this.handles()));
        this.message.textContent = '';
      } catch (error) {
        const bytes = error instanceof KeepError ? error.bytes : 0;
        this.message.textContent = error instanceof KeepError && error.code === 'quota' ? this.t('quotaError', bytes) : this.t('keepError');
        this.show(await kept().catch(() => null));
      }
    });
    return this.saving;
  }

  /** Forgets what is kept. */
  forget() {
    clearTimeout(this.timer);
    this.saving = this.saving.then(async () => {
      await forget().catch(() => {});
      this.show(null);
      this.message.textContent = this.t('forgotten');
    });
    return this.saving;
  }
}
