// The article list: an ARIA listbox of the library's articles (title, date, category
// or folder, a thumbnail when the article has a real one), sorted newest first or by
// title, filtered by folder, category, tag, author and year (with counts), or showing
// search hits with their snippets. j/k and the arrow keys move, Enter opens: a
// `library-open` event ({ path }) bubbles from the container. Only the rows on screen
// (and a few around) are in the document, each at its place in a box as tall as the
// whole list, with aria-setsize/aria-posinset: ten thousand articles cost what twenty do.

import { dayOf, h, placeChildren, plainName } from './dom.js';
import { FACETS, Library, byTitle, newestFirst } from './library.js';
import { dirname } from './paths.js';

/** @typedef {import('./library.js').ArticleRecord} ArticleRecord */
/** @typedef {import('./library.js').Filter} Filter */
/** @typedef {import('./messages.js').SearchHit} SearchHit */
/** @typedef {import('./strings.js').Translate} Translate */

/** Labels of the facet menus. */
const FACET_LABELS = { category: 'filterCategory', tag: 'filterTag', author: 'filterAuthor', year: 'filterYear' };
/** The most values a facet menu offers (the most frequent). */
const FACET_VALUES = 200;
/** Row heights in CSS pixels (library.css sets the same): a plain row, a row with a snippet. */
export const ROW_HEIGHT = 60;
export const HIT_ROW_HEIGHT = 104;
/** Rows kept in the document above and below the visible ones. */
const OVERSCAN = 8;

/** How often, at least, the list is redrawn while articles keep arriving: never more
 * often than every 400 ms, nor than four times as long as the last redraw took (a list
 * of ten thousand is laid out less often than one of fifty). */
const REDRAW_MS = 400;
/** Libraries this small are redrawn at once: it costs less than a frame. */
const SMALL_LIST = 200;

let lists = 0;

export class ListView {
  /**
   * @param {HTMLElement} container
   * @param {Library} library
   * @param {Translate} t
   * @param {{ locale?: string, remoteImages?: 'load' | 'block', thumbnail?: (record: ArticleRecord) => string | null, testid?: string }} [options]
   *   `thumbnail` gives a local cover's URL (the wiring's object URLs); remote covers load
   *   unless blocked; `testid`: the listbox's `data-testid` (default `library-list`).
   */
  constructor(container, library, t, options = {}) {
    this.container = container;
    this.library = library;
    this.t = t;
    this.locale = options.locale ?? 'en';
    this.remoteImages = options.remoteImages ?? 'load';
    this.thumbnail = options.thumbnail ?? (() => null);
    this.id = `lib-list-${++lists}`;
    /** @type {Filter} */
    this.filter = {};
    /** @type {'date' | 'title'} */
    this.sort = 'date';
    /** How search hits are ordered: best first, unless the reader chose date or title
     * meanwhile (each new query starts from the best). @type {'relevance' | 'date' | 'title'} */
    this.hitSort = 'relevance';
    /** Search hits being shown, or null for the whole (filtered) list. @type {SearchHit[] | null} */
    this.hits = null;
    /** The query they answer (their details are asked for with it). */
    this.hitQuery = '';
    /** Hits shown without a snippet whose details were asked for. @type {Set<SearchHit>} */
    this.detailsAsked = new Set();
    this.hitTotal = 0;
    /** The hits and filter last told to the folder tree (announceHits). @type {{ hits: SearchHit[] | null, filter: string }} */
    this.announced = { hits: null, filter: '' };
    /** The paths shown, in order. @type {string[]} */
    this.shown = [];
    /** @type {Map<string, HTMLDivElement>} */
    this.rows = new Map();
    this.active = -1;
    /** The path of the article being read (`aria-current` on its row). @type {string | null} */
    this.current = null;
    /** Whether its row is to be scrolled to once it is listed. */
    this.revealCurrent = false;
    /** Whether the list keeps that row in sight as rows come in and move (articles read
     * later, newer, go above it), until the reader scrolls or moves in the list. */
    this.following = false;

    this.count = h('p', { class: 'lib-count', 'data-testid': 'library-count', 'aria-live': 'polite' });
    this.sortMenu = h('select', { class: 'lib-select', 'aria-label': t('sortBy'), 'data-lib-i18n-aria-label': 'sortBy', 'data-testid': 'sort' },
      h('option', { value: 'date', text: t('sortDate'), 'data-lib-i18n': 'sortDate' }), h('option', { value: 'title', text: t('sortTitle'), 'data-lib-i18n': 'sortTitle' }),
      // Offered while search hits are shown.
      h('option', { value: 'relevance', text: t('sortRelevance'), 'data-lib-i18n': 'sortRelevance', hidden: true }));
    /** @type {Record<string, HTMLSelectElement>} */
    this.facetMenus = Object.fromEntries(FACETS.map((facet) => [facet,
      h('select', { class: 'lib-select', 'aria-label': t(FACET_LABELS[facet]), 'data-testid': `filter-${facet}` })]));
    this.listbox = h('div', {
      class: 'lib-list', role: 'listbox', tabindex: 0, id: this.id, 'aria-label': t('articles'), 'data-lib-i18n-aria-label': 'articles', 'data-testid': options.testid ?? 'library-list',
    });
    /** As tall as every row together; the rows on screen sit in it at their places. */
    this.sizer = h('div', { class: 'lib-list-sizer', role: 'presentation' });
    this.listbox.append(this.sizer);
    /** @type {Map<string, SearchHit>} */
    this.hitsByPath = new Map();
    /** @type {number | undefined} */
    this.scrollFrame = undefined;
    /** Where the list is scrolled to and how tall its box is, in CSS pixels, kept as they
     * change: reading them from the box lays out the page first whenever anything in it
     * changed, and while a library indexes something always has (a redraw that read them
     * was a 40–60 ms task, most of it the page's layout, done again at the next frame). */
    this.viewTop = 0;
    this.viewHeight = 0;
    new ResizeObserver(() => {
      const height = this.listbox.clientHeight; // Laid out already: observers run after layout.
      if (height === this.viewHeight) return;
      this.viewHeight = height;
      this.drawWindow();
    }).observe(this.listbox);
    this.listbox.addEventListener('scroll', () => {
      // Not where the list last scrolled itself to: the reader scrolled.
      if (Math.abs(this.listbox.scrollTop - this.viewTop) > 1) this.following = false;
      this.viewTop = this.listbox.scrollTop;
      this.scrollFrame ??= requestAnimationFrame(() => {
        this.scrollFrame = undefined;
        this.drawWindow();
      });
    }, { passive: true });
    /** Shows and hides the filter menus (they stay shown while a filter is on). */
    this.filterButton = h('button', {
      type: 'button', class: 'lib-filter-button', 'aria-expanded': 'false', 'data-testid': 'filters', text: t('filters'),
    });
    this.facetRow = h('div', { class: 'lib-facets', hidden: true }, ...FACETS.map((f) => this.facetMenus[f]));
    this.filterButton.addEventListener('click', () => {
      const open = this.facetRow.hidden;
      this.facetRow.hidden = !open;
      this.filterButton.setAttribute('aria-expanded', String(open));
      if (open) this.drawFacets();
    });
    /** Said while nothing is open (outside the listbox: it holds options only). */
    // Its words are drawCount()'s (they depend on what was opened), in the list's language.
    this.empty = h('p', { class: 'lib-empty', 'data-testid': 'no-files', text: t('noFiles') });
    container.append(
      // The sort menu and the filter button wrap as one, below a count too long for the row.
      h('div', { class: 'lib-toolbar' }, this.count, h('span', { class: 'lib-toolbar-actions' }, this.sortMenu, this.filterButton)),
      this.facetRow,
      this.empty,
      this.listbox,
    );

    this.sortMenu.addEventListener('change', () => {
      const value = this.sortMenu.value;
      if (this.hits) this.hitSort = value === 'title' || value === 'date' ? value : 'relevance';
      else this.sort = value === 'title' ? 'title' : 'date';
      this.refresh();
    });
    for (const facet of FACETS) {
      // Counts are worked out when a menu is about to open, not on every redraw.
      for (const type of ['focus', 'pointerdown']) this.facetMenus[facet].addEventListener(type, () => this.drawFacets());
      this.facetMenus[facet].addEventListener('change', () => {
        this.filter = { ...this.filter, [facet]: this.facetMenus[facet].value || undefined };
        this.refresh();
      });
    }
    this.listbox.addEventListener('keydown', (event) => this.onKey(event));
    // Tabbed into: an option is active at once (the article being read, else the first).
    this.listbox.addEventListener('focus', () => {
      if (this.active < 0 && this.shown.length) this.activate(Math.max(0, this.current ? this.shown.indexOf(this.current) : 0));
    });
    // The row pressed opens, though the list reordered before the release (dates come in
    // as an archive is read) and put another row, or none, under the pointer: the click
    // then goes to the rows' common parent.
    /** @type {string | undefined} */
    let pressed;
    const rowAt = (/** @type {EventTarget | null} */ target) => {
      const row = target instanceof Element ? target.closest('[role="option"]') : null;
      return row instanceof HTMLElement ? row.dataset.path : undefined;
    };
    this.listbox.addEventListener('pointerdown', (event) => {
      pressed = event.button === 0 ? rowAt(event.target) : undefined;
      // Its click, if any, comes in the release's task: a press released elsewhere is forgotten.
      window.addEventListener('pointerup', () => setTimeout(() => { pressed = undefined; }), { once: true, capture: true });
    });
    this.listbox.addEventListener('click', (event) => {
      // (A click not made by a pointer, detail 0, is the row it names.)
      const path = (event.detail > 0 ? pressed : undefined) ?? rowAt(event.target);
      pressed = undefined;
      if (path === undefined || !this.shown.includes(path)) return;
      this.activate(this.shown.indexOf(path));
      this.open();
    });

    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.redrawTimer = undefined;
    /** How long the last redraw took, start to end (its slices included). */
    this.lastRedrawMs = 0;
    /** When the list was last redrawn (performance.now()). */
    this.lastDrawAt = -Infinity;
    // A small library is redrawn in the next task; a big one at most every REDRAW_MS (or
    // four times as long as its last redraw took).
    const soon = () => {
      this.listbox.setAttribute('aria-busy', 'true');
      const pause = library.records.size <= SMALL_LIST ? 0 : Math.max(REDRAW_MS, 4 * this.lastRedrawMs);
      this.redrawTimer ??= setTimeout(() => {
        this.redrawTimer = undefined;
        this.refresh();
      }, Math.max(0, this.lastDrawAt + pause - performance.now()));
    };
    library.addEventListener('files', soon);
    // Files that are no articles (images, style sheets) add no row: the empty list's words say they came.
    library.addEventListener('progress', () => { if (!library.records.size) this.drawCount(); });
    library.addEventListener('parsed', (event) => {
      for (const record of /** @type {CustomEvent} */ (event).detail.records) this.updateRow(record);
      soon();
    });
    library.addEventListener('cleared', () => {
      this.rows.clear();
      this.scrollTo(0);
      this.filter = {};
      this.hits = null;
      this.refresh();
    });
    this.refresh();
    // While nothing is listed, the faces and sizes of its rows are looked up (view/warm.js).
    import('../view/warm.js').then(({ warmFonts }) => warmFonts(container, [() => this.specimen()], () => library.records.size === 0))
      .catch(() => { /* Looked up when first needed instead. */ });
  }

  /**
   * Rows as a first archive fills the list, in each script, one as a search hit: laid out
   * hidden once so that their fonts are looked up before it (view/warm.js).
   * @returns {HTMLElement}
   */
  specimen() {
    const sizer = h('div', { class: 'lib-list-sizer' });
    const samples = [['zh', '中文标题 Folio 2024'], ['ja', '日本語のタイトル Folio'], ['ko', '한국어 제목 Folio'], [null, 'English title 2024']];
    samples.forEach(([lang, title], i) => {
      const row = h('div', { class: 'lib-item', 'data-path': `${i}` });
      /** @type {ArticleRecord} */
      const record = /** @type {any} */ ({
        path: `folio/${title}.md`, title, status: i === 3 ? 'pending' : 'ready',
        summary: { date: '2024-05-06', categories: [title], lang, draft: i === 2, cover: null },
      });
      this.fillRow(row, record);
      if (i === 0) row.setAttribute('aria-current', 'true');
      row.querySelector('.lib-item-snippet')?.append(`${title} `, h('mark', { text: title }));
      row.style.top = `${i * HIT_ROW_HEIGHT}px`;
      sizer.append(row);
    });
    return h('div', { class: 'lib-list' }, h('p', { class: 'lib-count', text: this.t('count', 2024) }), sizer);
  }

  /**
   * Writes dates in another locale (the UI's language switched in place): every row anew.
   * @param {string} locale
   */
  setLocale(locale) {
    this.locale = locale;
    this.rows.clear();
    this.refresh();
  }

  /**
   * Shows only the articles in a folder ('' for all).
   * @param {string} path
   */
  setFolder(path) {
    this.filter = { ...this.filter, folder: path || undefined };
    this.refresh();
  }

  /**
   * Marks the article being read, and scrolls the list to it when it is out of sight.
   * @param {string | null} path
   */
  setCurrent(path) {
    this.current = path;
    this.following = path !== null;
    // Not listed yet (just opened): scrolled to when the list is next redrawn.
    this.revealCurrent = !this.reveal();
    this.drawWindow();
  }

  /**
   * Scrolls the list to the current article's row when it is out of sight.
   * @returns {boolean} whether the row is listed.
   */
  reveal() {
    const index = this.current ? this.shown.indexOf(this.current) : -1;
    if (index < 0) return false;
    const top = index * this.rowHeight;
    const view = this.viewHeight;
    if (top < this.viewTop || top + this.rowHeight > this.viewTop + view) this.scrollTo(Math.max(0, top - Math.floor(view / 3)));
    return true;
  }

  /**
   * Shows search hits in their order, or the whole list again (null). A new query's hits
   * are shown from the top, the best first (the list kept its scroll, and showed the last
   * hits).
   * @param {SearchHit[] | null} hits
   * @param {number} [total]
   * @param {boolean} [fresh]  Hits for a new query (false: the same query answered again as
   *   more is indexed, where the reader may have scrolled them).
   * @param {string} [query]  The query they answer: a hit that came without its snippet gets
   *   it asked for once its row is shown.
   */
  showHits(hits, total = hits?.length ?? 0, fresh = true, query = '') {
    this.hits = hits;
    this.hitTotal = total;
    this.hitQuery = query;
    this.detailsAsked.clear();
    if (hits && fresh) {
      // A new query: its best hit first, and the one the keyboard goes on from.
      this.hitSort = 'relevance';
      this.scrollTo(0);
      this.active = -1;
      this.refresh();
      if (this.shown.length) this.activate(0);
      return;
    }
    this.refresh();
  }

  /** The height of one row now (search hits carry a snippet). */
  get rowHeight() {
    return this.hits ? HIT_ROW_HEIGHT : ROW_HEIGHT;
  }

  /** Orders and filters the list again; the active row stays active if still shown. */
  refresh() {
    const started = performance.now();
    this.listbox.setAttribute('aria-busy', 'true');
    const activePath = this.shown[this.active];
    this.drawFacetsLight();
    /** @type {string[]} */
    let paths;
    this.hitsByPath = new Map();
    if (this.hits) {
      // The filters choose among the hits too; the sort menu orders them.
      /** @type {ArticleRecord[]} */
      const records = [];
      for (const hit of this.hits) {
        const record = this.library.records.get(hit.path);
        if (record && Library.passes(record, this.filter)) {
          records.push(record);
          this.hitsByPath.set(hit.path, hit);
        }
      }
      if (this.hitSort !== 'relevance') records.sort(this.hitSort === 'date' ? newestFirst : byTitle);
      paths = records.map((r) => r.path);
    } else {
      paths = this.library.list({ sort: this.sort, filter: this.filter }).map((r) => r.path);
    }
    this.announceHits();
    this.shown = paths;
    this.active = activePath ? paths.indexOf(activePath) : -1;
    this.listbox.dataset.mode = this.hits ? 'search' : 'list';
    /** @type {HTMLOptionElement} */ (this.sortMenu.options[2]).hidden = !this.hits;
    this.sortMenu.value = this.hits ? this.hitSort : this.sort;
    this.sizer.style.height = `${paths.length * this.rowHeight}px`;
    if (this.revealCurrent && this.reveal()) this.revealCurrent = false;
    else if (this.following && !this.hits) this.reveal();
    this.drawCount();
    this.drawWindow();
    this.lastDrawAt = performance.now();
    this.lastRedrawMs = this.lastDrawAt - started;
    if (this.redrawTimer === undefined) this.listbox.setAttribute('aria-busy', 'false');
  }

  /**
   * Tells the folder tree where the hits lie (`library-hits`, bubbling: `paths`, the hits
   * the filters other than the folder let through, or null while no search is listed or
   * when it brought only its best hits), once for each search and filter.
   */
  announceHits() {
    const filter = { ...this.filter, folder: undefined };
    const hits = this.hits && this.hitTotal <= this.hits.length ? this.hits : null;
    const key = JSON.stringify(filter);
    if (hits === this.announced.hits && (!hits || key === this.announced.filter)) return;
    this.announced = { hits, filter: key };
    const paths = hits && hits.flatMap((hit) => {
      const record = this.library.records.get(hit.path);
      return record && Library.passes(record, filter) ? [hit.path] : [];
    });
    this.container.dispatchEvent(new CustomEvent('library-hits', { bubbles: true, detail: { paths } }));
  }

  /**
   * Scrolls the list (and notes where to, for the next drawing).
   * @param {number} top
   */
  scrollTo(top) {
    this.listbox.scrollTop = top;
    this.viewTop = top;
  }

  /** Puts the rows that are on screen (and a few around) in the document. Reads nothing
   * from the layout (viewTop and viewHeight are kept as they change). */
  drawWindow() {
    const height = this.rowHeight;
    const view = this.viewHeight || height * 20;
    // The box clamps its scroll when the list got shorter (its scroll event comes later).
    const top = Math.max(0, Math.min(this.viewTop, this.shown.length * height - view));
    const first = Math.max(0, Math.floor(top / height) - OVERSCAN);
    const last = Math.min(this.shown.length, Math.ceil((top + view) / height) + OVERSCAN);
    /** @type {HTMLElement[]} */
    const rows = [];
    for (let i = first; i < last; i++) {
      const path = this.shown[i];
      const row = this.rowFor(path);
      row.style.top = `${i * height}px`;
      row.setAttribute('aria-posinset', String(i + 1));
      row.setAttribute('aria-setsize', String(this.shown.length));
      row.setAttribute('aria-selected', String(i === this.active));
      if (path === this.current) row.setAttribute('aria-current', 'true');
      else row.removeAttribute('aria-current');
      this.setSnippet(row, this.hitsByPath.get(path) ?? null);
      rows.push(row);
    }
    // The active row stays in the document (aria-activedescendant must point at an element).
    if (this.active >= 0 && (this.active < first || this.active >= last)) {
      const row = this.rowFor(this.shown[this.active]);
      row.style.top = `${this.active * height}px`;
      row.setAttribute('aria-posinset', String(this.active + 1));
      row.setAttribute('aria-setsize', String(this.shown.length));
      row.setAttribute('aria-selected', 'true');
      rows.push(row);
    }
    // Rows already in place stay attached (a row taken out between a mousedown and its
    // mouseup loses the click): only rows that left the window go, only new ones come,
    // and a row moves only when the order changed (the document's order is the list's,
    // for screen readers and for reading the list in order).
    placeChildren(this.sizer, rows);
    this.askDetails(rows);
    if (this.active >= 0) this.listbox.setAttribute('aria-activedescendant', this.rowFor(this.shown[this.active]).id);
    else this.listbox.removeAttribute('aria-activedescendant');
    for (const row of rows) {
      if (row.dataset.cover && !row.querySelector('.lib-thumb')) this.loadThumbnail(/** @type {HTMLDivElement} */ (row));
    }
  }

  /** Writes the count line (and the empty list's words). */
  drawCount() {
    const total = this.library.records.size;
    const others = this.library.assets.size;
    const filtered = Object.values(this.filter).some(Boolean);
    // An empty list says why: nothing opened, no article among the files (images, style
    // sheets…), nothing matching the search, or nothing left by the folder and filters.
    const nothingShown = total > 0 && this.shown.length === 0;
    this.empty.hidden = total > 0 && !nothingShown;
    if (!total) this.empty.textContent = others ? this.t('noArticles', others) : this.t('noFiles');
    else if (nothingShown) this.empty.textContent = this.hits ? this.t('noHits', this.hitQuery, filtered) : this.t('noneShown');
    this.count.textContent = this.hits ? this.hitCount(filtered)
      : filtered ? this.t('countOf', this.shown.length, total) : this.t('count', total);
  }

  /**
   * What the count says of search hits: how many match, or, when the search brought only
   * the best of them, how many it brought (and of those, how many the filters let through).
   * @param {boolean} filtered
   * @returns {string}
   */
  hitCount(filtered) {
    const brought = this.hits?.length ?? 0;
    if (this.hitTotal <= brought) return this.t('results', this.shown.length);
    return filtered ? this.t('resultsAmong', this.shown.length, brought) : this.t('resultsBest', this.shown.length, this.hitTotal);
  }

  /** Shows the facet menus (once there are articles to tell apart) with their current
   * choice, without counting. */
  drawFacetsLight() {
    const filtered = FACETS.filter((facet) => /** @type {any} */ (this.filter)[facet]).length;
    this.filterButton.hidden = this.library.parsed < 2 && !filtered;
    this.filterButton.textContent = filtered ? this.t('filtersOn', filtered) : this.t('filters');
    for (const facet of FACETS) {
      const menu = this.facetMenus[facet];
      const current = /** @type {any} */ (this.filter)[facet] ?? '';
      if (menu.options.length && menu.value === current) continue;
      menu.replaceChildren(
        h('option', { value: '', text: `${this.t(FACET_LABELS[facet])}: ${this.t('any')}` }),
        ...(current ? [h('option', { value: current, text: current, selected: true })] : []),
      );
    }
  }

  /** Fills the facet menus with the values and counts the current filter leaves. */
  drawFacets() {
    const facets = this.library.facets(this.filter);
    for (const facet of FACETS) {
      const menu = this.facetMenus[facet];
      const current = /** @type {any} */ (this.filter)[facet] ?? '';
      const values = facets[facet].slice(0, FACET_VALUES);
      if (current && !values.some(([v]) => v === current)) values.unshift([current, 0]);
      menu.replaceChildren(
        h('option', { value: '', text: `${this.t(FACET_LABELS[facet])}: ${this.t('any')}` }),
        ...values.map(([value, n]) => h('option', { value, text: `${value} (${n})`, selected: value === current })),
      );
      menu.hidden = values.length === 0;
    }
  }

  /**
   * The row of an article, made on first use and kept.
   * @param {string} path
   * @returns {HTMLDivElement}
   */
  rowFor(path) {
    let row = this.rows.get(path);
    if (!row) {
      row = h('div', { role: 'option', class: 'lib-item', 'data-testid': 'library-item', 'data-path': path, id: `${this.id}-${this.rows.size}` });
      this.rows.set(path, row);
      const record = this.library.records.get(path);
      if (record) this.fillRow(row, record);
    }
    return row;
  }

  /**
   * @param {ArticleRecord} record
   */
  updateRow(record) {
    const row = this.rows.get(record.path);
    if (row) this.fillRow(row, record);
  }

  /**
   * @param {HTMLDivElement} row
   * @param {ArticleRecord} record
   */
  fillRow(row, record) {
    const s = record.summary;
    const day = dayOf(s?.date ?? null, this.locale);
    const where = s?.categories.length ? s.categories.map(plainName).join(' › ') : dirname(record.path) || null;
    const state = record.status === 'pending' ? this.t('pending') : record.status === 'failed' ? this.t('failed') : null;
    row.dataset.status = record.status;
    const text = h('div', { class: 'lib-item-text' },
      h('span', { class: 'lib-item-title', text: record.title, lang: s?.lang ?? null }),
      h('span', { class: 'lib-item-meta' },
        day ? h('time', { datetime: s?.date?.slice(0, 10), text: day }) : null,
        where ? h('span', { class: 'lib-item-where', text: where }) : null,
        state ? h('span', { class: 'lib-item-state', text: state }) : null,
        s?.draft ? h('span', { class: 'lib-item-state', text: this.t('draft') }) : null),
      h('span', { class: 'lib-item-snippet' }));
    const old = row.querySelector('.lib-item-snippet');
    if (old?.firstChild) text.lastElementChild?.replaceWith(old);
    row.replaceChildren(text);
    if (s?.cover) {
      row.dataset.cover = s.cover;
      if (row.isConnected) this.loadThumbnail(row);
    }
  }

  /**
   * Loads remote covers as thumbnails, or not (the reader's "Block remote images"): when
   * blocked, the remote thumbnails shown are taken away; when allowed, drawn rows get theirs.
   * @param {'load' | 'block'} mode
   */
  setRemoteImages(mode) {
    this.remoteImages = mode;
    for (const row of /** @type {NodeListOf<HTMLDivElement>} */ (this.listbox.querySelectorAll('[data-cover]'))) {
      const thumb = row.querySelector('img.lib-thumb');
      if (mode === 'block' && thumb && /^https?:\/\//i.test(thumb.getAttribute('src') ?? '')) thumb.remove();
      else if (mode === 'load') this.loadThumbnail(row);
    }
  }

  /**
   * Adds the thumbnail when the row is first drawn.
   * @param {HTMLDivElement} row
   */
  loadThumbnail(row) {
    const record = this.library.records.get(row.dataset.path ?? '');
    if (!record?.summary?.cover || row.querySelector('.lib-thumb')) return;
    const local = this.thumbnail(record);
    const remote = /^https?:\/\//i.test(record.summary.cover) && this.remoteImages === 'load' ? record.summary.cover : null;
    const src = local ?? remote;
    if (!src) return;
    const img = h('img', { class: 'lib-thumb', alt: '', loading: 'lazy', decoding: 'async', referrerpolicy: 'no-referrer', src });
    img.addEventListener('error', () => img.remove(), { once: true });
    row.prepend(img);
  }

  /**
   * Asks for the snippets of the hits shown that came without (beyond the best, the search
   * sends none), and puts them in their rows when they come.
   * @param {HTMLElement[]} rows
   */
  askDetails(rows) {
    const hits = this.hits;
    const query = this.hitQuery;
    if (!hits || !query) return;
    const wanted = rows.map((row) => this.hitsByPath.get(row.dataset.path ?? ''))
      .filter((hit) => hit !== undefined && !hit.snippet.length && !this.detailsAsked.has(hit));
    if (!wanted.length) return;
    for (const hit of wanted) this.detailsAsked.add(/** @type {SearchHit} */ (hit));
    this.library.searchDetails(query, wanted.map((hit) => /** @type {SearchHit} */ (hit).path)).then((details) => {
      if (this.hits !== hits) return; // another answer is shown now
      for (const { path, title, snippet } of details) {
        const hit = this.hitsByPath.get(path);
        if (!hit) continue;
        hit.title = title;
        hit.snippet = snippet;
        const row = this.rows.get(path);
        if (row?.isConnected) this.setSnippet(row, hit);
      }
    }, () => { /* the summary stays in their place */ });
  }

  /**
   * Puts a hit's snippet under the row's title (or takes it away).
   * @param {HTMLDivElement} row
   * @param {SearchHit | null} hit
   */
  setSnippet(row, hit) {
    const slot = row.querySelector('.lib-item-snippet');
    const title = row.querySelector('.lib-item-title');
    if (!slot || !title) return;
    /** @param {{ text: string, mark: boolean }[]} segments */
    const nodes = (segments) => segments.map((s) => (s.mark ? h('mark', { text: s.text }) : s.text));
    const record = this.library.records.get(row.dataset.path ?? '');
    // A hit beyond the best (SEARCH_SNIPPETS) comes without a snippet: its summary stands in.
    slot.replaceChildren(...(!hit ? [] : hit.snippet.length ? nodes(hit.snippet) : [record?.summary?.summary ?? '']));
    if (hit && hit.title.some((s) => s.mark)) title.replaceChildren(...nodes(hit.title));
    else if (title.querySelector('mark')) title.textContent = record?.title ?? '';
  }

  /**
   * Makes the row at `index` the active one (aria-activedescendant) and scrolls to it.
   * @param {number} index
   */
  activate(index) {
    if (index < 0 || index >= this.shown.length) return;
    this.following = false; // the reader moves in the list: it goes where they go
    const previous = this.shown[this.active];
    if (previous) this.rows.get(previous)?.setAttribute('aria-selected', 'false');
    this.active = index;
    const height = this.rowHeight;
    const top = index * height;
    if (top < this.viewTop) this.scrollTo(top);
    else if (top + height > this.viewTop + this.viewHeight) this.scrollTo(top + height - this.viewHeight);
    this.drawWindow();
  }

  /** How many rows a screen of the list holds. */
  pageRows() {
    return Math.max(1, Math.floor(this.viewHeight / this.rowHeight) - 1);
  }

  /** Opens the active article (with the terms a search hit matched, to mark them in it). */
  open() {
    const path = this.shown[this.active];
    if (!path) return;
    const terms = this.hitsByPath.get(path)?.terms ?? [];
    this.container.dispatchEvent(new CustomEvent('library-open', { bubbles: true, detail: { path, fragment: '', terms } }));
  }

  /** Moves the keyboard focus to the list (the first article active if none is). */
  focus() {
    this.listbox.focus({ preventScroll: true });
  }

  /**
   * @param {KeyboardEvent} event
   */
  onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    switch (event.key) {
      case 'ArrowDown': case 'j': this.activate(this.active + 1); break;
      case 'ArrowUp': case 'k': this.activate(Math.max(0, this.active - 1)); break;
      case 'Home': this.activate(0); break;
      case 'End': this.activate(this.shown.length - 1); break;
      case 'PageDown': this.activate(Math.min(this.shown.length - 1, this.active + this.pageRows())); break;
      case 'PageUp': this.activate(Math.max(0, this.active - this.pageRows())); break;
      case 'Enter': this.open(); break;
      default: return;
    }
    event.preventDefault();
  }
}

