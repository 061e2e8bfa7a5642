// The opened files and what became of each: the viewer's one store. Every file opened
// (picked, dropped, a folder, a zip, a fetched URL) goes into the library (../library/),
// which lists, parses and indexes them; the store renders the one being read, in full,
// from its File (through the render function it is given), and keeps the last few
// rendered for going back. It says what changed through events; the views (library list,
// reader) only listen and ask.
//
//   const files = new OpenedFiles({ library, render: renderFile });
//   files.addEventListener('selected', ({ detail: entry }) => …);
//   files.open(picked);             // what a drop or a picker held
//   files.select('posts/hello.md');
//
// Events (CustomEvent, detail: the Entry): `changed` (its bytes, article or error
// changed), `selected` (it is the one shown now); `emptied` (no detail: the demo left and
// none of the files opened in its place is an article, so nothing is shown). An entry is made for a path when it is
// first shown and dropped when it has not been shown for a while (KEEP_RENDERED): it is
// rendered again from the File when asked for again. The same file opened again is the
// same entry: shown as it is when its bytes are the same, rendered again when they changed.

import { LoadError, fetchArticle, nameFromUrl } from '../fetch-article.js';
import { init } from '../folio.js';
import { yieldToPage } from '../reading/turns.js';
import { openedRenderOptions, takeEarlyFetch, takeEarlyRender } from './early.js';
import { isZip, normalizePath } from '../library/paths.js';

/** How long the newest of the files opened in the demo's place is waited for, in ms,
 * from the first of them read. */
const NEWEST_WAIT_MS = 1000;

/** Files opened at once from which the core's full module is loaded ahead. */
const MANY_FILES = 20;

/** @typedef {import('../folio.js').Article} Article */
/** @typedef {import('../folio.js').RenderOptions} RenderOptions */
/** @typedef {import('../library/library.js').Library} Library */
/** @typedef {import('../library/open.js').Picked} Picked */

/** Rendered articles kept (with their bytes) besides the one shown. */
export const KEEP_RENDERED = 6;

/**
 * One article being read, or read a moment ago.
 * @typedef {object} Entry
 * @property {number} id       Unique in this page.
 * @property {string} key      Its path in the library.
 * @property {string} name     What is shown when it has no title: its path.
 * @property {string} [baseUrl] The URL it came from, for its relative links and images.
 * @property {'loading' | 'ok' | 'error'} state
 * @property {Uint8Array | null} bytes  Its bytes once read ("View original text").
 * @property {number} size     Its size in bytes (0 before it is read).
 * @property {Article | null} article
 * @property {unknown} error   A FolioError or LoadError when state is 'error'.
 * @property {number} version  Bumped whenever its content changes; a render of an older one is dropped.
 */

/** @typedef {'changed' | 'selected' | 'emptied'} FilesEvent */

export class OpenedFiles extends EventTarget {
  /** The entry shown now. @type {Entry | null} */
  current = null;
  /** Entries rendered lately, the most recent last. @type {Map<string, Entry>} */
  #entries = new Map();
  /** Fetches that failed: an entry with no file behind it, by key. @type {Map<string, Entry>} */
  #failedFetches = new Map();
  /** The bytes of files made here from bytes in memory (fetched), for their first render
   * only: reading a Blob back asks the browser process (60–80 ms at a cold start). @type {WeakMap<Blob, Uint8Array>} */
  #inMemory = new WeakMap();
  /** The demo's path while it may be in the library: it makes way for the reader's own files. @type {string | null} */
  #demo = null;
  #nextId = 1;
  #render;

  /**
   * @param {{ library: Library, render: (bytes: Uint8Array, options: RenderOptions) => Promise<Article> }} options
   *   `render`: how a file's bytes become an Article (the viewer's renderFile: small files
   *   here, big ones in the render worker, never behind the library's parse queue).
   */
  constructor({ library, render }) {
    super();
    this.library = library;
    this.#render = render;
    library.addEventListener('files', (event) => {
      const { added } = /** @type {CustomEvent<{ added: string[] }>} */ (event).detail;
      // Many files (a folder, an archive) are bound to hold some that need the core's full
      // module (HTML, legacy encodings, TOML): it starts loading now, beside the parse
      // workers, not once the reader opens such a file (a second of the first article's
      // time in bench/library on a busy machine). One article by address keeps the light one.
      if (added.length >= MANY_FILES) init({ preload: ['full'] }).catch(() => { /* Each file says so when it renders. */ });
      // A file opened again: the entry shown reads its new bytes (and keeps its view when they are the same).
      for (const path of added) {
        const entry = this.#entries.get(path);
        if (entry && entry === this.current) this.#load(entry);
        else if (entry) this.#entries.delete(path);
      }
    });
    library.addEventListener('cleared', () => {
      this.#entries.clear();
    });
  }

  /**
   * Opens what a drop or a picker held: files, folders, zips. The first file picked on its
   * own is shown (a folder's or a zip's articles are listed, and shown when chosen).
   * The demo, when it is all the library holds, leaves it: the reader's own files take
   * its place (and, from a folder or a zip, the newest of them is shown instead).
   * @param {Picked[]} picked
   * @param {{ show?: boolean }} [options]  `show`: show the first loose file (default true).
   * @returns {Promise<boolean>} whether it chose the article shown.
   */
  async open(picked, { show = true } = {}) {
    const first = show ? picked.find((p) => p.kind === 'file' && !p.path.includes('/') && !isZip(p.path)) : undefined;
    const path = first?.kind === 'file' ? normalizePath(first.path) : null;
    const replaced = this.#dropDemo();
    const opening = this.library.open(picked);
    // Files picked on their own are added at once (before any folder is walked): shown loading.
    if (path && this.library.records.has(path)) this.select(path);
    await opening;
    if (path && this.current?.key !== path) this.select(path);
    // Loose files only: the parse workers warmed for a folder are let go (library.rest()).
    if (picked.every((p) => p.kind === 'file' && !p.path.includes('/') && !isZip(p.path))) this.library.rest();
    if (path || !replaced) return Boolean(path);
    // In the demo's place, the newest article, as the list shows it once the files are read
    // (of a big archive, the newest read by then); unless the reader chose one meanwhile.
    // The wait is counted from the first article read, not from the opening, so that a
    // machine slow to start reading still reads a few files within it.
    await this.#whenRead(null, () => this.library.counts().parsed > 0);
    if (!this.current) await this.#whenRead(NEWEST_WAIT_MS);
    const listed = this.current ? undefined : this.library.list()[0];
    if (listed) this.select(listed.path);
    // Nothing to show in the demo's place (no article among the files): the page as it
    // was before anything was opened, not the demo's view with the demo gone.
    else if (!this.current) this.dispatchEvent(new CustomEvent('emptied'));
    return Boolean(listed);
  }

  /**
   * Resolves once every file opened is read, or `ready()` holds (checked as files are
   * read), or after `ms` (null: no limit).
   * @param {number | null} ms
   * @param {() => boolean} [ready]
   * @returns {Promise<void>}
   */
  #whenRead(ms, ready = () => false) {
    const library = this.library;
    const done = () => { const c = library.counts(); return c.parsed + c.failed === c.total || ready(); };
    if (done()) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        library.removeEventListener('parsed', check);
        library.removeEventListener('idle', check);
        resolve();
      };
      const check = () => { if (done()) finish(); };
      const timer = ms === null ? undefined : setTimeout(finish, ms);
      library.addEventListener('parsed', check);
      library.addEventListener('idle', check);
    });
  }

  /**
   * Takes the demo out of the library when it is all the library holds.
   * @returns {boolean} whether the demo was the article shown.
   */
  #dropDemo() {
    const demo = this.#demo;
    this.#demo = null;
    if (!demo || this.library.records.size !== 1 || !this.library.records.has(demo)) return false;
    const shown = this.current?.key === demo;
    this.library.clear();
    if (shown) this.current = null;
    return shown;
  }

  /**
   * Opens one local file (the embedded demo, a test).
   * @param {File} file
   * @param {{ name?: string, show?: boolean, transient?: boolean, demo?: boolean }} [options]  `name`: its path
   *   (default: the file's name); `show`: make it the current entry (default true);
   *   `transient`: never kept in the browser; `demo`: the demo (see open()).
   * @returns {Promise<void>}
   */
  async openFile(file, { name = file.name, show = true, transient = false, demo = false } = {}) {
    const path = normalizePath(name) ?? file.name;
    if (demo) this.#demo = path;
    this.library.addFiles([{ path, file, loose: true, ...(transient ? { transient } : {}) }]);
    if (show) this.select(path);
  }

  /**
   * Fetches an article by URL (relative to the page) and opens it. It joins the library
   * (not kept in the browser); its links resolve against its URL.
   * @param {string} src
   * @param {{ demo?: boolean }} [options]  `demo`: the demo (see open()).
   * @returns {Promise<void>}
   */
  async openUrl(src, { demo = false } = {}) {
    let url;
    try {
      url = new URL(src, document.baseURI);
    } catch {
      this.#showFailure(src, src, new LoadError(`“${src}” is not a valid address.`, 'bad-url', { url: src }));
      return;
    }
    const name = nameFromUrl(url);
    const waiting = this.#failedFetches.get(url.href) ?? this.#newEntry(url.href, name);
    waiting.baseUrl = url.href;
    this.#select(waiting);
    let fetched;
    try {
      fetched = await (takeEarlyFetch(url.href) ?? fetchArticle(url.href));
    } catch (error) {
      this.#showFailure(url.href, name, error, waiting);
      return;
    }
    this.#failedFetches.delete(url.href);
    const path = normalizePath(name) ?? 'article';
    if (demo) this.#demo = path;
    const file = new File([/** @type {Uint8Array<ArrayBuffer>} */ (fetched.bytes)], name);
    this.#inMemory.set(file, fetched.bytes);
    this.library.addFiles([{ path, file, loose: true, baseUrl: url.href, transient: true }]);
    if (this.current === waiting) this.select(path);
  }

  /**
   * Makes the article at `path` the one shown (rendered now if it is not kept).
   * @param {string} path
   * @returns {Entry | null} null when the library has no such article.
   */
  select(path) {
    const entry = this.entry(path);
    if (entry) this.#select(entry);
    return entry;
  }

  /**
   * The entry for an article of the library, rendering it if it is not kept; null when
   * the library has no article at `path`.
   * @param {string} path
   * @returns {Entry | null}
   */
  entry(path) {
    let entry = this.#entries.get(path);
    const record = this.library.records.get(path);
    if (!record) return this.#failedFetches.get(path) ?? null;
    if (entry) {
      this.#entries.delete(path); // Most recent last.
      this.#entries.set(path, entry);
      return entry;
    }
    entry = this.#newEntry(path, path);
    if (record.baseUrl) entry.baseUrl = record.baseUrl;
    this.#entries.set(path, entry);
    this.#trim();
    this.library.opening(path);
    this.#load(entry);
    return entry;
  }

  /**
   * The rendered article at `path` (for an embedded note): resolves when it is ready.
   * @param {string} path
   * @returns {Promise<Entry | null>}
   */
  rendered(path) {
    const entry = this.entry(path);
    if (!entry || entry.state !== 'loading') return Promise.resolve(entry);
    return new Promise((resolve) => {
      const onChange = (/** @type {Event} */ event) => {
        const changed = /** @type {CustomEvent<Entry>} */ (event).detail;
        if (changed !== entry || changed.state === 'loading') return;
        this.removeEventListener('changed', onChange);
        resolve(changed);
      };
      this.addEventListener('changed', onChange);
    });
  }

  /**
   * The article a relative link in `from` points to, found in the library as the site
   * generators and Obsidian find it (library/resolve.js), and the `#fragment` it names.
   * Null when the library has no such article.
   * @param {Entry} from
   * @param {string} href  As written in the article (percent-encoded).
   * @param {{ wiki?: boolean }} [options]  A wiki-link (`a.wikilink`): found by note name.
   * @returns {{ path: string, fragment: string } | null}
   */
  resolveLink(from, href, { wiki = false } = {}) {
    let target = href;
    try {
      target = decodeURIComponent(href);
    } catch {
      // Matched as written.
    }
    const resolver = this.library.resolver;
    const found = wiki ? resolver.resolveWiki(from.key, target) : resolver.resolve(from.key, target, 'link');
    return found && this.library.records.has(found.path) ? found : null;
  }

  /**
   * Files to let go when the shown one changes: only the last few rendered are kept.
   */
  #trim() {
    for (const [path, entry] of this.#entries) {
      if (this.#entries.size <= KEEP_RENDERED + 1) break;
      if (entry !== this.current) this.#entries.delete(path);
    }
  }

  /**
   * @param {string} key
   * @param {string} name
   * @returns {Entry}
   */
  #newEntry(key, name) {
    return { id: this.#nextId++, key, name, state: 'loading', bytes: null, size: 0, article: null, error: null, version: 0 };
  }

  /**
   * @param {Entry} entry
   */
  #select(entry) {
    this.current = entry;
    this.#emit('selected', entry);
  }

  /**
   * A fetch that failed: an entry with its error, shown.
   * @param {string} key
   * @param {string} name
   * @param {unknown} error
   * @param {Entry} [entry]
   */
  #showFailure(key, name, error, entry = this.#newEntry(key, name)) {
    Object.assign(entry, { state: 'error', error, article: null });
    this.#failedFetches.set(key, entry);
    if (this.current !== entry) this.#select(entry);
    this.#emit('changed', entry);
  }

  /**
   * Reads an entry's file and renders it, unless its bytes are the ones it shows already.
   * @param {Entry} entry
   * @returns {Promise<void>}
   */
  async #load(entry) {
    const record = this.library.records.get(entry.key);
    if (!record) return;
    const version = entry.version + 1;
    let bytes;
    try {
      bytes = this.#inMemory.get(record.file) ?? new Uint8Array(await record.file.arrayBuffer());
      this.#inMemory.delete(record.file);
    } catch {
      this.library.readerFailed(entry.key); // Parsed as any other file: its failure is listed.
      if (entry.state === 'ok') return; // The copy already shown stays.
      entry.version = version;
      this.#settle(entry, version, { error: new LoadError(`The file ${entry.name} could not be read.`, 'read') });
      return;
    }
    if (entry.bytes && entry.state !== 'loading' && sameBytes(entry.bytes, bytes)) return;
    entry.version = version;
    Object.assign(entry, { state: 'loading', bytes, size: bytes.length, article: null, error: null });
    this.#emit('changed', entry);
    try {
      // When no parse worker has read it yet, this render settles it in the library (its
      // summary and search text): the file left the parse queue when it was opened.
      const options = openedRenderOptions(entry.key.slice(entry.key.lastIndexOf('/') + 1), entry.baseUrl);
      const article = await (takeEarlyRender(bytes, options) ?? this.#render(bytes, options));
      // The view is built in a task of its own: the core's render and the article's DOM
      // together made one 60–120 ms task on a page whose library was indexing.
      await yieldToPage();
      if (this.library.records.get(entry.key) === record) this.library.settleFromArticle(entry.key, article);
      this.#settle(entry, version, { article });
    } catch (error) {
      this.library.readerFailed(entry.key);
      this.#settle(entry, version, { error });
    }
  }

  /**
   * Records how a render or read ended, unless the entry's content changed meanwhile.
   * @param {Entry} entry
   * @param {number} version
   * @param {{ article?: Article, error?: unknown }} outcome
   */
  #settle(entry, version, { article, error }) {
    if (entry.version !== version) return;
    Object.assign(entry, article ? { state: 'ok', article, error: null } : { state: 'error', article: null, error });
    this.#emit('changed', entry);
  }

  /**
   * @param {FilesEvent} type
   * @param {Entry} entry
   */
  #emit(type, entry) {
    this.dispatchEvent(new CustomEvent(type, { detail: entry }));
  }
}

/**
 * Whether two files have the same bytes.
 * @param {Uint8Array} a
 * @param {Uint8Array} b
 * @returns {boolean}
 */
function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
