// The search box: asks the library as the reader types and shows the hits in the list
// (with snippets); Esc clears it; `/` anywhere on the page (outside a text field)
// focuses it, and ArrowDown from it moves into the list.

import { h } from './dom.js';

/** @typedef {import('./library.js').Library} Library */
/** @typedef {import('./list-view.js').ListView} ListView */
/** @typedef {import('./strings.js').Translate} Translate */

export class SearchView {
  /**
   * @param {HTMLElement} container
   * @param {Library} library
   * @param {ListView} list
   * @param {Translate} t
   */
  constructor(container, library, list, t) {
    this.library = library;
    this.list = list;
    this.input = h('input', {
      type: 'search', class: 'lib-search', 'data-testid': 'search', 'aria-label': t('search'), 'data-lib-i18n-aria-label': 'search',
      placeholder: t('searchPlaceholder'), 'data-lib-i18n-placeholder': 'searchPlaceholder', 'aria-controls': list.listbox.id, autocomplete: 'off', spellcheck: 'false', enterkeyhint: 'search',
      'aria-keyshortcuts': '/',
    });
    // The key that focuses it, shown inside the empty box where there is room and a
    // keyboard (styles); screen readers have it from aria-keyshortcuts.
    const key = h('kbd', { class: 'lib-search-key', 'aria-hidden': 'true', 'data-testid': 'search-key', text: '/' });
    container.append(h('search', { class: 'lib-search-box' }, this.input, key));
    /** The last query shown, so that re-indexing can ask it again. */
    this.query = '';
    /** The query whose hits the list shows (a new one's are shown from the top). */
    this.shownQuery = '';
    /** The query whose best hit Enter asked to open, until its hits are shown. */
    this.openFirst = '';
    this.input.addEventListener('input', () => this.run());
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.clear();
      } else if (event.key === 'ArrowDown') {
        event.preventDefault();
        list.focus();
      } else if (event.key === 'Enter') {
        // Type, Enter, read: the best hit opens (once this query's hits are in the list),
        // and the focus is in the list, where j/k and Enter go on from it.
        event.preventDefault();
        list.focus();
        this.openFirst = this.input.value.trim();
        this.openFirstWhenShown();
      }
    });
    // Articles indexed while a query is shown: ask again (the answers arrive as you wait).
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let again;
    library.searchClient?.addEventListener('indexed', () => {
      if (!this.query) return;
      again ??= setTimeout(() => { again = undefined; this.run(); }, 300);
    });
    library.addEventListener('cleared', () => this.clear());
    /** @param {KeyboardEvent} event */
    this.onGlobalKey = (event) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = /** @type {HTMLElement | null} */ (event.target);
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      event.preventDefault();
      this.input.focus();
      this.input.select();
    };
    document.addEventListener('keydown', this.onGlobalKey);
  }

  /** Searches for what the box holds (the whole list again when it is empty). */
  async run() {
    const query = this.input.value.trim();
    this.query = query;
    if (!query) {
      this.shownQuery = '';
      this.list.showHits(null);
      return;
    }
    // Busy until this answer is shown (the list clears it when it draws the hits).
    this.list.listbox.setAttribute('aria-busy', 'true');
    const answer = await this.library.search(query);
    if (answer && this.query === query) {
      this.list.showHits(answer.hits, answer.total, query !== this.shownQuery, query);
      this.shownQuery = query;
      this.openFirstWhenShown();
    }
  }

  /** Opens the best hit if Enter asked for it and the list shows that query's hits. */
  openFirstWhenShown() {
    if (!this.openFirst || this.openFirst !== this.shownQuery || this.openFirst !== this.query) return;
    this.openFirst = '';
    if (!this.list.hits) return;
    this.list.activate(0); // nothing to open when the hits are none (or all filtered out)
    this.list.open();
  }

  /** Empties the box and shows the whole list. */
  clear() {
    this.openFirst = '';
    this.input.value = '';
    this.query = '';
    this.shownQuery = '';
    this.list.showHits(null);
  }

  /** Stops listening to the page's keys. */
  disconnect() {
    document.removeEventListener('keydown', this.onGlobalKey);
  }
}
