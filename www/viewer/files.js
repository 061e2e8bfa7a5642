// The opened files and what became of each: the viewer's one store. It reads, fetches and
// renders (through the render function it is given), keeps one entry per file, and says
// what changed through events; the views (file list, reader) only listen and ask.
//
//   const files = new OpenedFiles({ render: renderFile });
//   files.addEventListener('added', ({ detail: entry }) => …);
//   await files.openFile(file);
//
// Events (CustomEvent, detail: the Entry): `added` (a new entry, still loading), `changed`
// (its bytes, article or error changed), `selected` (it is the one shown now).
// The same file opened again is the same entry: shown as it is when its bytes are the
// same, rendered again in place when they changed. A file's identity is its name (its path
// inside a dropped folder), or its URL when it was fetched.

import { LoadError, fetchArticle, nameFromUrl } from '../fetch-article.js';

/** @typedef {import('../folio.js').Article} Article */
/** @typedef {import('../folio.js').RenderOptions} RenderOptions */

/**
 * One opened file.
 * @typedef {object} Entry
 * @property {number} id       Unique in this page.
 * @property {string} key      Its identity: the name, or the URL it was fetched from.
 * @property {string} name     What the list shows: the file's name, or path in a dropped folder.
 * @property {string} [baseUrl] The URL it came from, for its relative links and images.
 * @property {'loading' | 'ok' | 'error'} state
 * @property {Uint8Array | null} bytes  Its bytes once read ("View original text").
 * @property {number} size     Its size in bytes once read (0 before).
 * @property {Article | null} article
 * @property {unknown} error   A FolioError or LoadError when state is 'error'.
 * @property {number} version  Bumped whenever its content changes; a render of an older one is dropped.
 */

/** @typedef {'added' | 'changed' | 'selected'} FilesEvent */

export class OpenedFiles extends EventTarget {
  /** In the order opened. @type {Entry[]} */
  entries = [];
  /** The entry shown now. @type {Entry | null} */
  current = null;
  #nextId = 1;
  #render;

  /**
   * @param {{ render: (bytes: Uint8Array, options: RenderOptions) => Promise<Article> }} options
   *   How a file's bytes become an Article (the viewer's renderFile: small files here, big
   *   ones in the worker).
   */
  constructor({ render }) {
    super();
    this.#render = render;
  }

  /**
   * Opens a local file (picker, drop, the embedded demo).
   * @param {File} file
   * @param {{ name?: string, show?: boolean }} [options]  `name`: its path in a dropped
   *   folder (default: the file's name); `show`: make it the current entry (default true).
   * @returns {Promise<Entry>}
   */
  async openFile(file, { name = file.name, show = true } = {}) {
    const entry = this.#entryFor(name, name);
    if (show) this.select(entry);
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      if (entry.state === 'ok') return entry; // The copy already shown stays.
      return this.#settle(entry, entry.version, { error: new LoadError(`The file ${name} could not be read.`, 'read') });
    }
    return this.#load(entry, bytes);
  }

  /**
   * Fetches an article by URL (relative to the page) and opens it.
   * @param {string} src
   * @returns {Promise<Entry>}
   */
  async openUrl(src) {
    let url;
    try {
      url = new URL(src, document.baseURI);
    } catch {
      const entry = this.#entryFor(src, src);
      this.select(entry);
      return this.#settle(entry, entry.version, { error: new LoadError(`“${src}” is not a valid address.`, 'bad-url', { url: src }) });
    }
    const entry = this.#entryFor(url.href, nameFromUrl(url));
    entry.baseUrl = url.href;
    this.select(entry);
    const version = entry.version;
    let fetched;
    try {
      fetched = await fetchArticle(url.href);
    } catch (error) {
      return this.#settle(entry, version, { error });
    }
    return this.#load(entry, fetched.bytes);
  }

  /**
   * Makes `entry` the one shown.
   * @param {Entry} entry
   */
  select(entry) {
    this.current = entry;
    this.#emit('selected', entry);
  }

  /**
   * The entry with this identity (a name, or a fetched file's URL), if it is open.
   * @param {string} key
   * @returns {Entry | undefined}
   */
  find(key) {
    return this.entries.find((entry) => entry.key === key);
  }

  /**
   * The opened file a relative link in `from` points to, found by its path relative to
   * `from`'s folder (`../b.md`, `./img/x.png`, `/posts/a.md` from the top of a dropped
   * folder), and the `#fragment` it names. Null when no opened file has that path.
   * @param {Entry} from
   * @param {string} href  As written in the article.
   * @returns {{ entry: Entry, fragment: string } | null}
   */
  resolveLink(from, href) {
    const hash = href.indexOf('#');
    const fragment = hash < 0 ? '' : href.slice(hash + 1);
    const path = (hash < 0 ? href : href.slice(0, hash)).replace(/\?.*$/, '');
    if (!path) return null;
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // Matched as written.
    }
    const folder = from.key === from.name ? from.name.slice(0, from.name.lastIndexOf('/') + 1) : '';
    const wanted = normalizePath(decoded.startsWith('/') ? decoded : folder + decoded);
    const entry = this.entries.find((candidate) => candidate.key === candidate.name && candidate.name === wanted);
    return entry ? { entry, fragment } : null;
  }

  /**
   * The entry for this identity: the open one, or a new one (announced as `added`).
   * @param {string} key
   * @param {string} name
   * @returns {Entry}
   */
  #entryFor(key, name) {
    const open = this.find(key);
    if (open) return open;
    /** @type {Entry} */
    const entry = { id: this.#nextId++, key, name, state: 'loading', bytes: null, size: 0, article: null, error: null, version: 0 };
    this.entries.push(entry);
    this.#emit('added', entry);
    return entry;
  }

  /**
   * Renders an entry's bytes, unless they are the ones it already shows.
   * @param {Entry} entry
   * @param {Uint8Array} bytes
   * @returns {Promise<Entry>}
   */
  async #load(entry, bytes) {
    if (entry.bytes && entry.state !== 'error' && sameBytes(entry.bytes, bytes)) return entry;
    entry.version += 1;
    const version = entry.version;
    Object.assign(entry, { state: 'loading', bytes, size: bytes.length, article: null, error: null });
    this.#emit('changed', entry);
    try {
      const article = await this.#render(bytes, { fileName: entry.name, ...(entry.baseUrl ? { baseUrl: entry.baseUrl } : {}) });
      return this.#settle(entry, version, { article });
    } catch (error) {
      return this.#settle(entry, version, { error });
    }
  }

  /**
   * Records how a render or read ended, unless the entry's content changed meanwhile.
   * @param {Entry} entry
   * @param {number} version
   * @param {{ article?: Article, error?: unknown }} outcome
   * @returns {Entry}
   */
  #settle(entry, version, { article, error }) {
    if (entry.version !== version) return entry;
    Object.assign(entry, article ? { state: 'ok', article, error: null } : { state: 'error', article: null, error });
    this.#emit('changed', entry);
    return entry;
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
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A folder path without `.`, `..` or empty segments: `a/./b/../c.md` → `a/c.md`.
 * @param {string} path
 * @returns {string}
 */
function normalizePath(path) {
  /** @type {string[]} */
  const out = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return out.join('/');
}
