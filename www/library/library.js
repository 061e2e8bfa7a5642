// The library: every file opened, as one model that emits events. It sorts files into
// articles and assets, parses the articles in the worker pool (summaries only: metadata,
// links, counts), and has their text indexed by the search worker. It keeps each file's
// File (a handle: a picked folder's bytes stay on disk), never its HTML: the viewer
// renders the article being read (viewer/files.js). Views listen to its events and ask
// it; it never touches the DOM.
//
//   const library = new Library();
//   library.addEventListener('progress', (e) => …e.detail.parsed / e.detail.total);
//   await library.open(await pickedFromDrop(event.dataTransfer));
//
// Events: `files` ({ added: paths, new or replaced }), `parsed` ({ records }, in batches),
// `progress` (counts), `idle` (every file parsed), `cleared`, `error` ({ name, error }:
// a zip or folder that could not be read).

import { indexDoc, summarize } from './extract.js';
import { expand } from './open.js';
import { comparePaths, fileKind, isZip, stem } from './paths.js';
import { ParsePool } from './pool.js';
import { Resolver, articleKeys, linkKeys } from './resolve.js';
import { SearchClient } from './search.js';
import { FolderTree, inFolder } from './tree.js';

/** @typedef {import('./messages.js').ArticleSummary} ArticleSummary */
/** @typedef {import('./messages.js').LibraryErrorInfo} LibraryErrorInfo */
/** @typedef {import('./open.js').OpenedFile} OpenedFile */
/** @typedef {import('./open.js').Picked} Picked */

/**
 * One article of the library.
 * @typedef {object} ArticleRecord
 * @property {string} path
 * @property {File} file
 * @property {'pending' | 'ready' | 'failed'} status
 * @property {ArticleSummary | null} summary
 * @property {LibraryErrorInfo | null} error
 * @property {string} title    What the list shows: the title, else the file name.
 * @property {number | null} time  The date as a number, for sorting (null: undated).
 * @property {string} [baseUrl] The URL it was fetched from (its links resolve against it).
 * @property {boolean} [transient] Not kept in the browser (the demo, a fetched article).
 */

/**
 * @typedef {object} Filter
 * @property {string} [folder]   Only articles in this folder or below.
 * @property {string} [category]
 * @property {string} [tag]
 * @property {string} [author]
 * @property {string} [year]
 */

/** @typedef {'date' | 'title'} SortOrder */

/** The facets a list can be filtered by. */
export const FACETS = /** @type {const} */ (['category', 'tag', 'author', 'year']);

/** The longest the parse pool waits while an opened article renders, in ms. */
const READER_FIRST_MS = 1500;

/** The hits a search brings to the list, at most: the filters and the sort menu then choose
 * among them (the best 100 alone hid, under a filter, what it let through further down). */
export const SEARCH_LIMIT = 1000;
/** How many of them, the best, come with a snippet (each reads its article's text). */
export const SEARCH_SNIPPETS = 50;

/** Throttle for 'parsed' events, so views redraw in batches, not per file. */
const BATCH_MS = 80;

/** How titles are compared when sorting. */
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * @param {string | null} date
 * @returns {number | null}
 */
function timeOf(date) {
  if (!date) return null;
  const t = Date.parse(date);
  return Number.isFinite(t) ? t : null;
}

/**
 * Ties by path in code-unit order (a collator here costs a long task on ten thousand).
 * @param {ArticleRecord} a
 * @param {ArticleRecord} b
 */
const byPath = (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Newest first, undated last, then by path.
 * @param {ArticleRecord} a
 * @param {ArticleRecord} b
 */
export const newestFirst = (a, b) => (b.time ?? -Infinity) - (a.time ?? -Infinity) || byPath(a, b);

/**
 * By title, then by path.
 * @param {ArticleRecord} a
 * @param {ArticleRecord} b
 */
export const byTitle = (a, b) => collator.compare(a.title, b.title) || byPath(a, b);

export class Library extends EventTarget {
  /**
   * @param {object} [options]
   * @param {ParsePool} [options.pool]
   * @param {SearchClient | null} [options.search]  null: no full-text index.
   */
  constructor({ pool, search } = {}) {
    super();
    /** @type {SearchClient | null} */
    this.searchClient = search === undefined ? new SearchClient() : search;
    const client = this.searchClient;
    this.pool = pool ?? new ParsePool({ searchPort: () => (client ? client.port() : null) });
    client?.addEventListener('indexed', () => this.progress());
    /** @type {Map<string, ArticleRecord>} */
    this.records = new Map();
    /** Files that are not articles, by path. @type {Map<string, File>} */
    this.assets = new Map();
    this.tree = new FolderTree();
    this.resolver = new Resolver();
    this.parsed = 0;
    this.failed = 0;
    /** @type {ArticleRecord[]} */
    this.fresh = [];
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.flushTimer = undefined;
    /** Every article's links, filed by the names they could reach (resolve.js linkKeys). @type {Map<string, { record: ArticleRecord, link: import('./messages.js').ArticleLink }[]>} */
    this.linksByKey = new Map();
    /** Backlinks asked for since the library last changed, by path. @type {Map<string, string[]>} */
    this.backlinkCache = new Map();
    /** Articles taken from the parse queue by opening(): the viewer's render settles them. @type {WeakSet<ArticleRecord>} */
    this.openedAhead = new WeakSet();
    /** The articles newest first as last sorted, and those added or dated since (list()
     * merges them in: a full sort of ten thousand on every redraw is a long task). */
    /** @type {ArticleRecord[]} */
    this.byDate = [];
    /** @type {Set<ArticleRecord>} */
    this.dateChanged = new Set();
    /** The search index module's bytes when they came with the page's archive (saved again with it). @type {Uint8Array | null} */
    this.engineBytes = null;
    /** The folders and zips opened into this library, by name (cleared with it). @type {Set<string>} */
    this.openedFrom = new Set();
  }

  /**
   * A name for the library (a saved copy's title and file name): the one folder or zip it
   * was opened from (a zip's entries lie at its top level), else its one top folder (a kept
   * library come back), else null.
   * @returns {string | null}
   */
  name() {
    if (this.openedFrom.size === 1) return [...this.openedFrom][0];
    const folders = [...this.tree.root.folders.keys()];
    return folders.length === 1 ? folders[0] : null;
  }

  /**
   * Opens what was dropped or picked: walks folders, unpacks zips, adds every file.
   * Resolves when every file is known (parsing goes on; listen for 'idle').
   * @param {Picked[]} picked
   * @returns {Promise<void>}
   */
  async open(picked) {
    // What this library was opened from, to name it (a zip's entries sit at its top level).
    for (const pick of picked) {
      const name = pick.kind === 'handle' ? pick.handle.name : pick.kind === 'entry' ? pick.entry.name
        : isZip(pick.path) && !pick.path.includes('/') ? stem(pick.path) : pick.path.split('/').length > 1 ? pick.path.split('/')[0] : '';
      if (name) this.openedFrom.add(name);
    }
    await expand(picked, {
      onFiles: (files) => this.addFiles(files),
      onError: (name, error) => this.dispatchEvent(new CustomEvent('error', { detail: { name, error } })),
    });
  }

  /**
   * Adds files. A path opened again is replaced when its file changed, else kept. A file
   * opened on its own (`loose`: picked or dropped, not inside a folder or zip) is always
   * an article, whatever its name: the reader asked to see it (a wrong one then says why).
   * @param {OpenedFile[]} files
   * @param {{ known?: Map<string, { summary: ArticleSummary, doc: import('./messages.js').IndexDoc }> }} [options]
   *   `known`: articles already read elsewhere (an archive's manifest and search documents):
   *   settled and indexed from these, not parsed.
   */
  addFiles(files, { known } = {}) {
    /** @type {string[]} */
    const added = [];
    for (const { path, file, loose, baseUrl, transient } of files) {
      const kind = loose ? 'article' : fileKind(path);
      if (kind === 'ignored') continue;
      if (kind !== 'article') {
        this.assets.set(path, file);
        this.resolver.add(path, false);
        continue;
      }
      const old = this.records.get(path);
      if (old && old.file.size === file.size && old.file.lastModified === file.lastModified && old.baseUrl === baseUrl) continue;
      if (old) {
        if (old.status === 'ready') this.parsed -= 1;
        if (old.status === 'failed') this.failed -= 1;
        this.searchClient?.remove([path]);
      } else {
        this.tree.addArticle(path);
        this.resolver.add(path, true);
      }
      /** @type {ArticleRecord} */
      const record = { path, file, status: 'pending', summary: null, error: null, title: stem(path), time: null };
      if (baseUrl) record.baseUrl = baseUrl;
      if (transient) record.transient = true;
      this.records.set(path, record);
      this.dateChanged.add(record);
      added.push(path);
      const read = known?.get(path);
      if (read) this.settle(record, { id: 0, summary: read.summary });
      else this.pool.parse(path, file).then((reply) => this.settle(record, reply));
    }
    if (known) {
      const docs = added.flatMap((path) => (known.has(path) ? [/** @type {any} */ (known.get(path)).doc] : []));
      for (let at = 0; at < docs.length; at += 200) this.searchClient?.add(docs.slice(at, at + 200));
    }
    this.backlinkCache.clear();
    if (added.length) this.dispatchEvent(new CustomEvent('files', { detail: { added } }));
    this.progress();
  }

  /**
   * @param {ArticleRecord} record
   * @param {import('./messages.js').ParseReply} reply
   */
  settle(record, reply) {
    // Replaced or cleared meanwhile, or already settled from the reader's render.
    if (this.records.get(record.path) !== record || record.status !== 'pending') return;
    if ('summary' in reply) {
      record.status = 'ready';
      record.summary = reply.summary;
      record.title = reply.summary.title ?? stem(record.path);
      record.time = timeOf(reply.summary.date);
      this.dateChanged.add(record);
      this.parsed += 1;
      for (const link of reply.summary.links) {
        for (const key of linkKeys(link)) {
          const filed = this.linksByKey.get(key);
          if (filed) filed.push({ record, link });
          else this.linksByKey.set(key, [{ record, link }]);
        }
      }
    } else {
      if (reply.error.code === 'cancelled') return;
      record.status = 'failed';
      record.error = reply.error;
      this.failed += 1;
    }
    this.backlinkCache.clear();
    this.fresh.push(record);
    // The first article read is announced at once (the reader may be waiting to open it).
    this.flushTimer ??= setTimeout(() => this.flush(), this.parsed + this.failed === 1 ? 0 : BATCH_MS);
  }

  /** Announces the records parsed since the last announcement. */
  flush() {
    this.flushTimer = undefined;
    const records = this.fresh;
    this.fresh = [];
    if (records.length) this.dispatchEvent(new CustomEvent('parsed', { detail: { records } }));
    this.progress();
    if (this.parsed + this.failed === this.records.size) this.dispatchEvent(new CustomEvent('idle'));
  }

  /** Tells listeners how far parsing and indexing are. */
  progress() {
    this.dispatchEvent(new CustomEvent('progress', { detail: this.counts() }));
  }

  /**
   * @returns {{ total: number, parsed: number, failed: number, indexed: number, assets: number }}
   */
  counts() {
    return {
      total: this.records.size,
      parsed: this.parsed,
      failed: this.failed,
      indexed: this.searchClient?.indexed ?? 0,
      assets: this.assets.size,
    };
  }

  /**
   * Whether a record passes a filter.
   * @param {ArticleRecord} record
   * @param {Filter} filter
   * @param {string} [except] a facet to ignore (for that facet's own counts)
   * @returns {boolean}
   */
  static passes(record, filter, except) {
    if (filter.folder && !inFolder(record.path, filter.folder)) return false;
    const s = record.summary;
    if (filter.category && except !== 'category' && !s?.categories.includes(filter.category)) return false;
    if (filter.tag && except !== 'tag' && !s?.tags.includes(filter.tag)) return false;
    if (filter.author && except !== 'author' && !s?.authors.includes(filter.author)) return false;
    if (filter.year && except !== 'year' && yearOf(record) !== filter.year) return false;
    return true;
  }

  /**
   * The articles to list, filtered and sorted (newest first, undated last; or by title).
   * @param {{ sort?: SortOrder, filter?: Filter }} [options]
   * @returns {ArticleRecord[]}
   */
  list({ sort = 'date', filter = {} } = {}) {
    if (sort === 'date') return this.dateOrder().filter((r) => Library.passes(r, filter));
    const out = [...this.records.values()].filter((r) => Library.passes(r, filter));
    out.sort(byTitle);
    return out;
  }

  /**
   * Every article newest first (undated last, ties by path): the last order, with the
   * records added or dated since sorted on their own and merged in.
   * @returns {ArticleRecord[]}
   */
  dateOrder() {
    if (!this.dateChanged.size) return this.byDate;
    const changed = this.dateChanged;
    this.dateChanged = new Set();
    const current = (/** @type {ArticleRecord} */ r) => this.records.get(r.path) === r;
    const kept = this.byDate.filter((r) => !changed.has(r) && current(r));
    const fresh = [...changed].filter(current).sort(newestFirst);
    /** @type {ArticleRecord[]} */
    const merged = [];
    let i = 0;
    let j = 0;
    while (i < kept.length && j < fresh.length) merged.push(newestFirst(kept[i], fresh[j]) <= 0 ? kept[i++] : fresh[j++]);
    while (i < kept.length) merged.push(kept[i++]);
    while (j < fresh.length) merged.push(fresh[j++]);
    this.byDate = merged;
    return merged;
  }

  /**
   * Counts per value of each facet among the articles the filter lets through (each
   * facet counted as if it were not itself filtered), most frequent first.
   * @param {Filter} [filter]
   * @returns {Record<(typeof FACETS)[number], [string, number][]>}
   */
  facets(filter = {}) {
    /** @type {Record<string, Map<string, number>>} */
    const counts = Object.fromEntries(FACETS.map((f) => [f, new Map()]));
    /** @param {string} facet @param {string} value */
    const bump = (facet, value) => counts[facet].set(value, (counts[facet].get(value) ?? 0) + 1);
    for (const record of this.records.values()) {
      const s = record.summary;
      if (!s) continue;
      if (Library.passes(record, filter, 'category')) for (const v of new Set(s.categories)) bump('category', v);
      if (Library.passes(record, filter, 'tag')) for (const v of new Set(s.tags)) bump('tag', v);
      if (Library.passes(record, filter, 'author')) for (const v of new Set(s.authors)) bump('author', v);
      const year = yearOf(record);
      if (year && Library.passes(record, filter, 'year')) bump('year', year);
    }
    /** @param {Map<string, number>} map @param {boolean} byValue */
    const order = (map, byValue) => [...map.entries()].sort((a, b) => (byValue ? collator.compare(b[0], a[0]) : b[1] - a[1] || collator.compare(a[0], b[0])));
    return /** @type {any} */ ({
      category: order(counts.category, false),
      tag: order(counts.tag, false),
      author: order(counts.author, false),
      year: order(counts.year, true),
    });
  }

  /**
   * A file of the archive by path (article or asset).
   * @param {string} path
   * @returns {File | undefined}
   */
  file(path) {
    return this.records.get(path)?.file ?? this.assets.get(path);
  }

  /**
   * Opens a Folio archive read from a page's blocks (archive.js): its files, its articles
   * settled from their summaries and indexed from their search documents (an article
   * missing either is parsed as usual).
   * @param {import('./archive.js').ReadArchive} archive
   */
  openArchive({ files, summaries, docs, engine }) {
    if (engine) {
      this.engineBytes = engine;
      this.searchClient?.useEngine(engine);
    }
    const docsByPath = new Map(docs.map((doc) => [doc.path, doc]));
    /** @type {Map<string, { summary: ArticleSummary, doc: import('./messages.js').IndexDoc }>} */
    const known = new Map();
    for (const [path, summary] of summaries) {
      const doc = docsByPath.get(path);
      if (doc) known.set(path, { summary, doc });
    }
    this.addFiles(files.map(({ path, bytes }) => ({
      path, file: new File([/** @type {Uint8Array<ArrayBuffer>} */ (bytes)], path.slice(path.lastIndexOf('/') + 1)),
    })), { known });
  }

  /**
   * Settles a waiting article from its full render (the reader opened it before a parse
   * worker got to it): its summary and index document come from that render, and it
   * leaves the parse queue (opening() took it out already). Nothing changes for an article
   * already read.
   * @param {string} path
   * @param {import('../folio.js').Article & { text?: unknown }} article  Rendered from this record's File.
   */
  settleFromArticle(path, article) {
    const record = this.records.get(path);
    if (!record || record.status !== 'pending') return;
    if (!this.openedAhead.delete(record) && !this.pool.drop(path)) return;
    const { summary, text } = summarize(path, article);
    this.searchClient?.add([indexDoc(summary, text)]);
    this.settle(record, { id: 0, summary });
  }

  /**
   * The reader opened an article, which the viewer renders whole: an article still waiting
   * to be parsed leaves the parse queue, and that render settles it (settleFromArticle).
   * Each file is rendered once: a dropped 10 MB article was also read for the index, which
   * held a second core and, until that parse worker ended, ~130 MiB of its memory beside
   * the article's view. The pool is paused (no file started) until the viewer has
   * rendered, enhanced and drawn it (readerShown) or READER_FIRST_MS pass: the cores are
   * the reader's. Should the viewer's render fail, readerFailed() parses it as any other.
   * @param {string} path
   */
  opening(path) {
    const record = this.records.get(path);
    if (record?.status === 'pending' && this.pool.drop(path)) this.openedAhead.add(record);
    if (this.pool.pending) this.pool.pause(READER_FIRST_MS);
  }

  /**
   * The viewer could not read or render an article that opening() took from the parse
   * queue: it is parsed as any other (and fails there with its own reason, or is read).
   * @param {string} path
   */
  readerFailed(path) {
    const record = this.records.get(path);
    if (!record || !this.openedAhead.delete(record)) return;
    this.pool.parse(path, record.file).then((reply) => this.settle(record, reply));
  }

  /** The article the reader opened is shown, enhanced and drawn (or it failed): the parse
   * pool goes on. */
  readerShown() {
    this.pool.resume();
  }

  /**
   * The articles that link to this one ("linked from"), by path.
   * @param {string} path
   * @returns {string[]}
   */
  backlinks(path) {
    const cached = this.backlinkCache.get(path);
    if (cached) return cached;
    /** @type {Set<string>} */
    const from = new Set();
    // Only the links filed under this article's names are resolved, not every link of the library.
    for (const key of articleKeys(path)) {
      for (const { record, link } of this.linksByKey.get(key) ?? []) {
        if (record.path === path || from.has(record.path) || this.records.get(record.path) !== record) continue;
        const found = link.kind === 'link' ? this.resolver.resolve(record.path, link.target, 'link') : this.resolver.resolveWiki(record.path, link.target);
        if (found?.path === path) from.add(record.path);
      }
    }
    const sources = [...from].sort(comparePaths);
    this.backlinkCache.set(path, sources);
    return sources;
  }

  /**
   * Full-text search (null when a newer search replaced this one): by default as the list
   * asks it, the best SEARCH_LIMIT hits, the first SEARCH_SNIPPETS of them with a snippet.
   * @param {string} query
   * @param {number} [limit]
   * @param {number} [snippets]
   */
  search(query, limit = SEARCH_LIMIT, snippets = Math.min(limit, SEARCH_SNIPPETS)) {
    return this.searchClient ? this.searchClient.search(query, limit, snippets) : Promise.resolve({ hits: [], total: 0, ms: 0, engine: '' });
  }

  /**
   * The marked titles and snippets of hits that came without them.
   * @param {string} query
   * @param {string[]} paths
   * @returns {Promise<import('./messages.js').HitDetails[]>}
   */
  searchDetails(query, paths) {
    return this.searchClient ? this.searchClient.details(query, paths) : Promise.resolve([]);
  }

  /**
   * Starts the parse workers and their cores ahead of the first file (call when the page
   * is idle): the first article opened then waits for nothing but itself.
   */
  warm() {
    this.pool.warm();
  }

  /**
   * Ends the parse workers now if no file waits for them: loose files dropped or picked,
   * which the viewer renders itself, leave them nothing to do, and the warm-up begun when
   * the reader reached for the files took a core and memory from that render (a 10 MB
   * post dropped: its first screen 1.9–2.8 s instead of 1.2–1.3, the tab's peak up to
   * 100 MiB higher). Files that come later start them again.
   */
  rest() {
    this.pool.retire();
  }

  /** Forgets every file (the workers stay for the next archive). */
  clear() {
    this.pool.cancel();
    this.searchClient?.clear();
    this.records.clear();
    this.openedFrom.clear();
    this.byDate = [];
    this.dateChanged.clear();
    this.assets.clear();
    this.tree = new FolderTree();
    this.resolver = new Resolver();
    this.parsed = 0;
    this.failed = 0;
    this.fresh = [];
    this.linksByKey.clear();
    this.backlinkCache.clear();
    this.dispatchEvent(new CustomEvent('cleared'));
    this.progress();
  }

  /** Ends the workers. */
  close() {
    this.pool.close();
    this.searchClient?.close();
  }
}

/**
 * The year of an article's date, as written ('2021'), or null.
 * @param {ArticleRecord} record
 * @returns {string | null}
 */
export function yearOf(record) {
  const date = record.summary?.date;
  return date && /^\d{4}/.test(date) ? date.slice(0, 4) : null;
}
