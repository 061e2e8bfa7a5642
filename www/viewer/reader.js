// The viewer's reading pane: shows the store's current entry (a loading note, the article
// view, or the error card), with the article's images and links connected to the opened
// files (library/links.js: object URLs made for this article and revoked when it is no
// longer shown; Obsidian embeds filled in, a few levels deep), "Linked from" under it, and
// a search's matches marked in it. It follows links inside it and tells screen readers
// what it shows.

import { WORKER_MIN_BYTES } from '../render/worker-client.js';
import { describeError } from '../i18n.js';
import { markMatches } from '../library/highlight.js';
import { MAX_EMBED_DEPTH, ObjectUrls, linkArticle } from '../library/links.js';
import { enhance as enhanceBody } from '../reading/enhance.js';
import { afterNextFrame } from '../reading/turns.js';
import { canStartWorkers } from '../library/workers.js';
import { trustedScriptURL } from '../trusted-types.js';
import { articleView, positionKey } from '../view/article.js';
import { el } from '../view/dom.js';
import { errorView } from '../view/error.js';
import { anchorTarget, followLink, goToAnchor, linkTarget, settleOn } from '../view/links.js';
import { decodeOriginal } from '../view/original.js';
import { FIRST_VIEW_ATTR } from './first-view.js';
import { permalinkHash } from './route.js';

/**
 * Starts the code-highlighting worker (reading/code.js asks for it at the first block to
 * highlight): where the viewer can start workers at all (served as written, not the single
 * file), else undefined and code is highlighted on the page's thread.
 * @type {(() => Worker) | undefined}
 */
const highlightWorker = canStartWorkers()
  ? () => new Worker(/** @type {string} */ (trustedScriptURL('reading/highlight-worker.js')), { type: 'module', name: 'folio-highlight' })
  : undefined;

/**
 * Rich content for a body the viewer shows, with its code highlighted in the worker.
 * @type {typeof enhanceBody}
 */
const enhance = (body, options) => enhanceBody(body, { ...options, worker: highlightWorker });

/** @typedef {import('./files.js').Entry} Entry */
/** @typedef {import('./files.js').OpenedFiles} OpenedFiles */
/** @typedef {import('../i18n.js').Translate} Translate */
/** @typedef {import('../library/strings.js').Translate} LibraryTranslate */

/** How long the "not open" notice stays, in ms. */
const NOTICE_MS = 8000;

/** What an embedded note shows of itself: its title and body. */
const EMBED_PARTS = new Set(/** @type {const} */ (['title', 'body']));

/**
 * @typedef {object} ReaderParts
 * @property {HTMLElement} pane     Where the entry is shown (`main`).
 * @property {HTMLElement} notice   A `role="status"` line for "… is not open".
 * @property {OpenedFiles} files
 * @property {Translate} t
 * @property {LibraryTranslate} lt  The library's strings (backlinks, unresolved links).
 * @property {string} locale
 * @property {(message: string) => void} announce  Says something to screen readers.
 * @property {(path: string, fragment: string) => void} go  Moves to another article (a
 *   history entry: the caller puts its permalink in the address).
 */

/**
 * A built view and what it holds.
 * @typedef {object} Built
 * @property {HTMLElement} view
 * @property {(() => void)[]} releases  Give back its object URLs (and its embeds').
 * @property {number} urls    How many object URLs it took (a view with none is kept for going back).
 * @property {number} pending Embedded notes still being rendered into it.
 * @property {string} terms   The search terms marked in it ('' for none).
 */

/**
 * What to do once an entry is shown: scroll to an anchor, mark a search's matches.
 * @typedef {object} Arrival
 * @property {string} key
 * @property {string} fragment
 * @property {string[]} terms
 */

export class Reader {
  /** Built views, kept for switching back (open toggles stay open). @type {WeakMap<Entry, Built>} */
  #views = new WeakMap();
  /** The entry shown last (its view, or its loading note). @type {Entry | null} */
  #shown = null;
  /** What the shown view holds, to give back when another is shown. @type {Built | null} */
  #shownBuilt = null;
  /** @type {Arrival | null} */
  #arrival = null;
  /** Whether remote images are shown as click-to-load placeholders. */
  #blockImages = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  #noticeTimer;
  #urls = new ObjectUrls();
  #parts;
  /** The page's welcome card, shown again when nothing is to be shown (none if the page had none). */
  #welcome;

  /** @param {ReaderParts} parts */
  constructor(parts) {
    this.#parts = parts;
    const { files, pane } = parts;
    this.#welcome = pane.querySelector('[data-testid="welcome"]');
    files.addEventListener('selected', () => this.#show());
    files.addEventListener('emptied', () => this.#showWelcome());
    files.addEventListener('changed', (event) => {
      const entry = /** @type {CustomEvent<Entry>} */ (event).detail;
      this.#forget(entry);
      if (entry === files.current) this.#show();
    });
    // Links found once the rest of the library is read: "Linked from" catches up.
    files.library.addEventListener('idle', () => this.#refreshBacklinks());
    pane.addEventListener('click', (event) => {
      const entry = files.current;
      if (!entry) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      const mouse = /** @type {MouseEvent} */ (event);
      // A link to another opened article (library/links.js gave it its permalink): a plain
      // click moves there; with a modifier the browser opens the permalink as it would.
      if (link?.hasAttribute('data-library-path')) {
        if (mouse.button !== 0 || mouse.ctrlKey || mouse.metaKey || mouse.shiftKey || mouse.altKey) return;
        event.preventDefault();
        parts.go(link.getAttribute('data-library-path') ?? '', link.getAttribute('data-library-fragment') ?? '');
        return;
      }
      followLink(event, pane, (href) => this.#openLink(entry, href, link));
    });
    // While nothing is open (nor opening), the fonts a first article needs are looked up (view/warm.js;
    // loaded apart: not part of the first load, and a page without it reads the same).
    Promise.all([import('../view/warm.js'), import('./specimens.js')])
      .then(([{ warmFonts }, { articleSpecimens }]) => warmFonts(pane, articleSpecimens(parts), () => files.current === null && files.library.records.size === 0))
      .catch(() => { /* Fonts are looked up when first needed instead. */ });
  }

  /**
   * Says what to do when the article at `key` is shown next: scroll to `fragment`, or
   * mark a search's `terms` (and scroll to the first).
   * @param {string} key
   * @param {{ fragment?: string, terms?: string[] }} arrival
   */
  arrive(key, { fragment = '', terms = [] }) {
    this.#arrival = { key, fragment, terms };
  }

  /**
   * The article being read, as shown (for exporting it), or null.
   * @returns {{ view: HTMLElement, title: string, lang: string | null, blobOf: (url: string) => Blob | undefined } | null}
   */
  shownArticle() {
    const entry = this.#shown;
    const built = this.#shownBuilt;
    if (!entry?.article || !built) return null;
    return { view: built.view, title: entry.article.title ?? entry.name, lang: entry.article.lang, blobOf: (url) => this.#urls.blobOf(url) };
  }

  /**
   * Shows remote images as placeholders (or not) from now on, and redraws.
   * @param {boolean} block
   */
  setBlockImages(block) {
    this.#blockImages = block;
    this.#leave();
    this.#views = new WeakMap();
    this.#shown = null;
    this.#show();
  }

  /** Shows what the page showed before anything was opened: its welcome card. */
  #showWelcome() {
    const { pane, t } = this.#parts;
    this.#leave();
    this.#shown = null;
    pane.replaceChildren(this.#welcome ?? '');
    document.title = t('appName');
  }

  /** Shows the store's current entry: its cached view, or a loading note while pending. */
  #show() {
    const { files, pane, t } = this.#parts;
    const entry = files.current;
    if (!entry) return;
    const switched = this.#shown !== entry;
    // Where the pane starts, read before the new view goes in: its content does not move
    // it, and reading it afterwards would lay out the whole new article at once.
    const paneTop = switched ? pane.getBoundingClientRect().top : 0;
    if (switched) this.#leave();
    this.#shown = entry;
    const arrival = this.#arrival?.key === entry.key ? this.#arrival : null;
    if (entry.state === 'loading' && pane.firstElementChild?.hasAttribute(FIRST_VIEW_ATTR)) {
      // The article as viewer/first-view.js drew it before the reader was up: it stays
      // (not a loading note over it, nor a move to the top) until its own view takes its place.
      this.#shownBuilt = null;
      return;
    }
    if (entry.state === 'loading') {
      const text = entry.size >= WORKER_MIN_BYTES ? t('loadingLarge', entry.size) : t('loading');
      pane.replaceChildren(el('p', { className: 'loading', text, attrs: { 'data-testid': 'loading' } }));
      this.#shownBuilt = null;
    } else {
      const terms = arrival?.terms.join('\u0000') ?? '';
      let built = this.#views.get(entry);
      if (built && built.terms !== terms) {
        this.#forget(entry);
        built = undefined;
      }
      if (!built) {
        built = this.#build(entry, terms);
        this.#views.set(entry, built);
      }
      this.#shownBuilt = built;
      if (pane.firstChild !== built.view) pane.replaceChildren(built.view);
      const title = entry.article?.title ?? entry.name;
      document.title = `${title} — ${t('appName')}`;
      this.#parts.announce(entry.state === 'error' ? t('errorAnnounce', entry.name, describeError(entry.error, t)) : t('loaded', title));
      if (arrival) {
        this.#arrival = null;
        this.#land(built, arrival, paneTop);
        return;
      }
    }
    if (switched) this.#toTop(false, paneTop);
  }

  /**
   * Takes the reader to where it was sent: the first search match, else the anchor.
   * @param {Built} built
   * @param {Arrival} arrival
   * @param {number} paneTop where the pane starts (read before the view went in)
   */
  #land(built, arrival, paneTop) {
    const first = arrival.terms.length ? built.view.querySelector('mark.library-match') : null;
    // A long body's first match may be in a slice still to come: the reader goes there once it is in.
    const body = built.view.querySelector('[data-testid="article-body"][aria-busy="true"]');
    if (!first && arrival.terms.length && body) {
      const done = new MutationObserver((records) => {
        const added = records.flatMap((record) => [...record.addedNodes]).filter((node) => node instanceof Element);
        const mark = added.map((node) => (node.matches('mark.library-match') ? node : node.querySelector('mark.library-match'))).find(Boolean);
        if (!mark && body.getAttribute('aria-busy') === 'true') return;
        done.disconnect();
        if (mark && this.#shownBuilt === built) settleOn(mark, { block: 'center' });
      });
      done.observe(body, { attributes: true, attributeFilter: ['aria-busy'], childList: true });
    }
    const target = first ?? (arrival.fragment ? anchorTarget(built.view, arrival.fragment) : null);
    if (target) {
      if (first) settleOn(target, { block: 'center' });
      else goToAnchor(target);
    } else {
      this.#toTop(true, paneTop);
    }
  }

  /** Gives back what the shown view holds; a view that took object URLs is built again next time. */
  #leave() {
    const built = this.#shownBuilt;
    this.#shownBuilt = null;
    if (!built) return;
    for (const release of built.releases.splice(0)) release();
    if ((built.urls > 0 || built.pending > 0) && this.#shown) this.#views.delete(this.#shown);
  }

  /**
   * Drops an entry's built view (its content changed), giving back its object URLs.
   * @param {Entry} entry
   */
  #forget(entry) {
    const built = this.#views.get(entry);
    if (!built) return;
    for (const release of built.releases.splice(0)) release();
    this.#views.delete(entry);
    if (this.#shownBuilt === built) this.#shownBuilt = null;
  }

  /**
   * @param {Entry} entry
   * @param {string} terms  The search terms to mark, joined by NUL ('' for none).
   * @returns {Built}
   */
  #build(entry, terms) {
    const { t, locale } = this.#parts;
    /** @type {Built} */
    const built = { view: el('div'), releases: [], urls: 0, pending: 0, terms };
    if (entry.article) {
      const { article, bytes } = entry;
      built.view = articleView(article, {
        t, locale, name: entry.name, baseUrl: entry.baseUrl, blockImages: this.#blockImages,
        original: () => decodeOriginal(bytes, article.encoding),
        positionKey: positionKey(article, entry.key),
        // The library's parse workers hold their files (library.opening) until this view
        // is enhanced and drawn: its first layouts were the page's longest tasks while an
        // archive indexed.
        enhance: (body, options) => enhance(body, options).finally(() => this.#shownToReader()),
        // The search's matches are marked in each part of the body as it is built: a long
        // body comes in slices after the first, and a huge one builds them as they near the screen.
        prepareBody: (body) => {
          this.#connect(body, entry.key, 0, built);
          if (terms) markMatches(body, terms.split('\u0000'));
        },
        localImage: (src) => this.#localImage(entry.key, src, built),
      });
      const backlinks = this.#backlinks(entry.key);
      if (backlinks) built.view.append(backlinks);
      // And in the title (a hit found there alone).
      const title = built.view.querySelector('[data-testid="article-title"]');
      if (terms && title) markMatches(title, terms.split('\u0000'));
    } else {
      built.view = errorView(entry.error, { t, name: entry.name, bytes: entry.bytes });
      this.#shownToReader();
    }
    return built;
  }

  /** Lets the library's parse workers go on once the next frame is drawn. */
  #shownToReader() {
    afterNextFrame().then(() => this.#parts.files.library.readerShown());
  }

  /**
   * Connects a body (the article's, or an embedded note's) to the opened files.
   * @param {DocumentFragment} body
   * @param {string} from  The article's path.
   * @param {number} depth  How many embeds deep it is.
   * @param {Built} built  Where its releases go.
   */
  #connect(body, from, depth, built) {
    const { files, lt, t, locale } = this.#parts;
    const library = files.library;
    const before = this.#urls.acquired;
    built.releases.push(linkArticle(body, from, {
      resolver: library.resolver,
      file: (path) => library.file(path),
      isArticle: (path) => library.records.has(path),
      urls: this.#urls,
      hrefFor: (path, fragment) => permalinkHash(path, fragment),
      unresolvedLabel: (target) => lt('unresolved', target),
      embed: (note, _fragment, box) => {
        box.setAttribute('data-testid', 'embed');
        if (depth + 1 >= MAX_EMBED_DEPTH || note === from) {
          box.append(el('p', { className: 'library-embed-note', text: lt('embedTooDeep', note) }));
          return;
        }
        box.append(el('p', { className: 'loading', text: t('loading') }));
        built.pending += 1;
        files.rendered(note).then((embedded) => {
          built.pending -= 1;
          if (this.#shownBuilt !== built) return; // Left meanwhile: the view is built again when shown.
          if (!embedded?.article) {
            box.replaceChildren(el('p', { className: 'library-embed-note unresolved', text: lt('unresolved', note) }));
            return;
          }
          const beforeEmbed = this.#urls.acquired;
          box.replaceChildren(articleView(embedded.article, {
            t, locale, name: embedded.name, show: EMBED_PARTS, enhance,
            prepareBody: (inner) => this.#connect(inner, note, depth + 1, built),
          }));
          built.urls += this.#urls.acquired - beforeEmbed;
        });
      },
    }));
    built.urls += this.#urls.acquired - before;
  }

  /**
   * The object URL of an archive's image, for a relative cover; null when there is none.
   * @param {string} from
   * @param {string} src
   * @param {Built} built
   * @returns {string | null}
   */
  #localImage(from, src, built) {
    const library = this.#parts.files.library;
    let target = src;
    try {
      target = decodeURIComponent(src);
    } catch {
      // As written.
    }
    const found = library.resolver.resolve(from, target, 'image');
    const file = found ? library.file(found.path) : undefined;
    if (!found || !file) return null;
    const { key, url } = this.#urls.acquire(found.path, file, 'image');
    built.releases.push(() => this.#urls.release(key));
    built.urls += 1;
    return url;
  }

  /**
   * "Linked from": the articles whose links lead to this one, or null when none do.
   * @param {string} path
   * @returns {HTMLElement | null}
   */
  #backlinks(path) {
    const { files, lt } = this.#parts;
    const from = files.library.backlinks(path);
    if (!from.length) return null;
    const list = el('ul');
    for (const source of from) {
      const record = files.library.records.get(source);
      list.append(el('li', {}, el('a', { text: record?.title ?? source, attrs: { href: permalinkHash(source), 'data-library-path': source } })));
    }
    return el('section', { className: 'backlinks', attrs: { 'data-testid': 'backlinks', 'aria-label': lt('linkedFrom') } },
      el('h2', { text: lt('linkedFrom') }), list);
  }

  /** Draws the shown article's "Linked from" again (more of the library has been read). */
  #refreshBacklinks() {
    const built = this.#shownBuilt;
    const entry = this.#shown;
    if (!built || !entry?.article) return;
    const fresh = this.#backlinks(entry.key);
    const old = built.view.querySelector(':scope > [data-testid="backlinks"]');
    if (old && fresh) old.replaceWith(fresh);
    else if (old) old.remove();
    else if (fresh) built.view.append(fresh);
  }

  /**
   * Brings the top of the pane into view at once when it was scrolled past (a switch
   * from deep in a long article must not animate across thousands of pixels), and, for
   * an article the reader went to (`bring`), when it lies below the list (a phone, where
   * the library stacks above the article). `top` is where the pane starts, if known.
   * @param {boolean} [bring]
   * @param {number} [top]
   */
  #toTop(bring = false, top = this.#parts.pane.getBoundingClientRect().top) {
    if (top < 0 || (bring && top > window.innerHeight / 3)) window.scrollTo({ top: window.scrollY + top, behavior: 'instant' });
  }

  /**
   * A relative link the library could not place: another opened article after all (a
   * link written after the view was built), or a notice that it is not open.
   * @param {Entry} from
   * @param {string} href
   * @param {Element | null} link
   */
  #openLink(from, href, link) {
    const { files, t } = this.#parts;
    const found = files.resolveLink(from, href, { wiki: Boolean(link?.classList.contains('wikilink')) });
    if (found) this.#parts.go(found.path, found.fragment);
    else this.#notify(t('notOpen', linkTarget(href)));
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
