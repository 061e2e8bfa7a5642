// The viewer's reading pane: shows the store's current entry (a loading note, the article
// view, or the error card), follows links inside it, and tells screen readers what it shows.

import { WORKER_MIN_BYTES } from '../render/worker-client.js';
import { describeError } from '../i18n.js';
import { articleView } from '../view/article.js';
import { el } from '../view/dom.js';
import { errorView } from '../view/error.js';
import { anchorTarget, followLink, goToAnchor, linkTarget } from '../view/links.js';
import { decodeOriginal } from '../view/original.js';

/** @typedef {import('./files.js').Entry} Entry */
/** @typedef {import('./files.js').OpenedFiles} OpenedFiles */
/** @typedef {import('../i18n.js').Translate} Translate */

/** How long the "not open" notice stays, in ms. */
const NOTICE_MS = 8000;

/**
 * @typedef {object} ReaderParts
 * @property {HTMLElement} pane     Where the entry is shown (`main`).
 * @property {HTMLElement} notice   A `role="status"` line for "… is not open".
 * @property {OpenedFiles} files
 * @property {Translate} t
 * @property {string} locale
 * @property {(message: string) => void} announce  Says something to screen readers.
 */

export class Reader {
  /** Built views, kept for switching back (open toggles stay open). @type {WeakMap<Entry, HTMLElement>} */
  #views = new WeakMap();
  /** The entry shown last (its view, or its loading note). @type {Entry | null} */
  #shown = null;
  /** Whether remote images are shown as click-to-load placeholders. */
  #blockImages = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  #noticeTimer;
  #parts;

  /** @param {ReaderParts} parts */
  constructor(parts) {
    this.#parts = parts;
    const { files, pane } = parts;
    files.addEventListener('selected', () => this.#show());
    files.addEventListener('changed', (event) => {
      const entry = /** @type {CustomEvent<Entry>} */ (event).detail;
      this.#views.delete(entry);
      if (entry === files.current) this.#show();
    });
    pane.addEventListener('click', (event) => {
      const entry = files.current;
      if (entry) followLink(event, pane, (href) => this.#openLink(entry, href));
    });
  }

  /**
   * Shows remote images as placeholders (or not) from now on, and redraws.
   * @param {boolean} block
   */
  setBlockImages(block) {
    this.#blockImages = block;
    this.#views = new WeakMap();
    this.#show();
  }

  /** Shows the store's current entry: its cached view, or a loading note while pending. */
  #show() {
    const { files, pane, t } = this.#parts;
    const entry = files.current;
    if (!entry) return;
    const switched = this.#shown !== entry;
    this.#shown = entry;
    if (entry.state === 'loading') {
      const text = entry.size >= WORKER_MIN_BYTES ? t('loadingLarge', entry.size) : t('loading');
      pane.replaceChildren(el('p', { className: 'loading', text, attrs: { 'data-testid': 'loading' } }));
    } else {
      let view = this.#views.get(entry);
      if (!view) {
        view = this.#build(entry);
        this.#views.set(entry, view);
      }
      if (pane.firstChild !== view) pane.replaceChildren(view);
      const title = entry.article?.title ?? entry.name;
      document.title = `${title} — ${t('appName')}`;
      this.#parts.announce(entry.state === 'error' ? t('errorAnnounce', entry.name, describeError(entry.error, t)) : t('loaded', title));
    }
    if (switched) this.#toTop();
  }

  /**
   * @param {Entry} entry
   * @returns {HTMLElement}
   */
  #build(entry) {
    const { t, locale } = this.#parts;
    if (entry.article) {
      const { article, bytes } = entry;
      return articleView(article, {
        t, locale, name: entry.name, baseUrl: entry.baseUrl, blockImages: this.#blockImages,
        original: () => decodeOriginal(bytes, article.encoding),
      });
    }
    return errorView(entry.error, { t, name: entry.name, bytes: entry.bytes });
  }

  /** Brings the top of the pane into view at once when it was scrolled past (a switch
   * from deep in a long article must not animate across thousands of pixels). */
  #toTop() {
    const top = this.#parts.pane.getBoundingClientRect().top;
    if (top < 0) window.scrollTo({ top: window.scrollY + top, behavior: 'instant' });
  }

  /**
   * A relative link: the opened file it points to, or a notice that it is not open.
   * @param {Entry} from
   * @param {string} href
   */
  #openLink(from, href) {
    const { files, pane, t } = this.#parts;
    const found = files.resolveLink(from, href);
    if (!found) {
      this.#notify(t('notOpen', linkTarget(href)));
      return;
    }
    files.select(found.entry);
    const target = found.fragment ? anchorTarget(pane, found.fragment) : null;
    if (target) goToAnchor(target);
  }

  /**
   * Shows a short message over the bottom of the page, and says it.
   * @param {string} message
   */
  #notify(message) {
    const { notice } = this.#parts;
    notice.textContent = message;
    notice.hidden = false;
    clearTimeout(this.#noticeTimer);
    this.#noticeTimer = setTimeout(() => { notice.hidden = true; }, NOTICE_MS);
  }
}
