// The library's full-text index: the tokenizer in tokenize.js, the title above tags above
// authors above the body, every query word required, the word being typed matched as a
// prefix, and snippets cut from the kept text around the matches. The postings live in
// an engine: the Rust index (search-wasm.js, the search worker's own WebAssembly module)
// or MiniSearch (here), the fallback where that module cannot load or stops; both score
// with BM25+ per field, so they rank alike. Pure (no DOM): it runs in the search worker
// and in Node.

import MiniSearch from '../vendor/minisearch/dist/es/index.js';
import { isCjk, marked, snippet, snippetOfOpening } from './matches.js';
import { queryParts, tokenize } from './tokenize.js';

export { findMatches, marked, snippet, snippetOfOpening } from './matches.js';

/** @typedef {import('./messages.js').IndexDoc} IndexDoc */
/** @typedef {import('./messages.js').SearchHit} SearchHit */
/** @typedef {import('./messages.js').HitDetails} HitDetails */
/** @typedef {import('./tokenize.js').QueryPart} QueryPart */

/** Field weights: a word in the title counts four times one in the body. */
export const BOOST = Object.freeze({ title: 4, tags: 2.5, authors: 1.5, text: 1 });

/** Bytes (UTF-8) of each article's text kept for snippets: 50 000 CJK characters, more of a
 * Latin text (the whole text is indexed). */
export const SNIPPET_TEXT_BYTES = 150_000;

/** Bytes of a kept text decoded for its snippet, in turn, while its opening does not tell
 * where its first match is (most lie in the first few KB); then the whole text. */
export const SNIPPET_OPENINGS = Object.freeze([2 * 1024, 8 * 1024, 32 * 1024]);

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * One part of a query as an engine runs it: every term required (a CJK run's bigrams)
 * or any (a word's stem and its form as typed), prefixes or exact terms.
 * @typedef {object} EnginePart
 * @property {string[]} terms
 * @property {boolean} all
 * @property {boolean} prefix
 */

/**
 * Where the postings live. Paths are the documents' ids.
 * @typedef {object} Engine
 * @property {string} name
 * @property {number} size
 * @property {(doc: IndexDoc) => void} add       Replaces a document already held under its path.
 * @property {(path: string) => void} remove
 * @property {() => void} clear
 * @property {(parts: EnginePart[], limit: number, detailed?: number) => { results: { path: string, score: number, terms: string[] }[], total: number }} search
 *   Documents matching every part, best first: the `limit` best, the first `detailed` of
 *   them (all by default) with the indexed terms they matched (the others' may be none).
 */

/**
 * The parts of a query as the engines run them (the same for both).
 * @param {QueryPart[]} parts
 * @returns {EnginePart[]}
 */
export function engineParts(parts) {
  const last = parts.length - 1;
  return parts.map((part, i) => {
    const typing = i === last;
    // A CJK run: all its bigrams; a single character is matched as a prefix.
    if (part.cjk) return { terms: part.terms, all: true, prefix: part.terms[0].length === 1 };
    const forms = typing && part.raw !== part.terms[0] ? [part.terms[0], part.raw] : part.terms;
    return { terms: forms, all: false, prefix: typing };
  });
}

/** MiniSearch as an engine (the fallback). */
export class MiniSearchEngine {
  constructor() {
    this.name = 'minisearch';
    this.mini = new MiniSearch({
      idField: 'path',
      fields: ['title', 'tags', 'authors', 'text'],
      storeFields: [],
      tokenize,
      processTerm: (term) => term,
    });
  }

  get size() {
    return this.mini.documentCount;
  }

  /** @param {IndexDoc} doc */
  add(doc) {
    if (this.mini.has(doc.path)) this.mini.discard(doc.path);
    this.mini.add(typeof doc.text === 'string' ? doc : { ...doc, text: decoder.decode(doc.text) });
  }

  /** @param {string} path */
  remove(path) {
    if (this.mini.has(path)) this.mini.discard(path);
  }

  clear() {
    this.mini.removeAll();
  }

  /**
   * @param {EnginePart[]} parts
   * @param {number} limit
   */
  search(parts, limit) {
    // No fuzzy matching: on a big index it costs more than the 30 ms a keystroke may
    // take, and stems already cover a word's forms.
    const queries = parts.map((p) => ({ combineWith: p.all ? 'AND' : 'OR', queries: p.terms, prefix: p.prefix }));
    const found = this.mini.search(/** @type {any} */ ({ combineWith: 'AND', queries }), {
      boost: BOOST,
      tokenize: (/** @type {string} */ term) => [term],
      processTerm: (/** @type {string} */ term) => term,
      weights: { fuzzy: 0, prefix: 0.6 },
    });
    return { results: found.slice(0, limit).map((r) => ({ path: String(r.id), score: r.score, terms: r.terms })), total: found.length };
  }
}

/**
 * UTF-8 bytes cut to at most `max`, at a character's start (a copy when cut, so that the
 * whole text's buffer can go).
 * @param {Uint8Array} bytes
 * @param {number} max
 * @returns {Uint8Array}
 */
export function cutUtf8(bytes, max) {
  if (bytes.length <= max) return bytes;
  let end = max;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return bytes.slice(0, end);
}

export class SearchIndex {
  /**
   * @param {Engine} [engine]  default: MiniSearch
   */
  constructor(engine = new MiniSearchEngine()) {
    /** @type {Engine} */
    this.engine = engine;
    /** Text kept for snippets, by path, as UTF-8: two thirds of the memory it takes as a
     * string over the corpus (10 000 articles: ~61 MB, not ~85), and decoded for the hits
     * of a query only. @type {Map<string, Uint8Array>} */
    this.texts = new Map();
    /** Titles, tags and authors, for snippets and for indexing again. @type {Map<string, { title: string, tags: string, authors: string }>} */
    this.fields = new Map();
    /** Articles whose kept text was cut at SNIPPET_TEXT_BYTES. @type {Set<string>} */
    this.cut = new Set();
  }

  /** How many articles are indexed. */
  get size() {
    return this.engine.size;
  }

  /**
   * Runs an engine call; when the engine fails (the WebAssembly module trapped: out of
   * memory), MiniSearch takes over, indexed again from the kept texts, and the call is
   * made there.
   * @template T
   * @param {(engine: Engine) => T} call
   * @returns {T}
   */
  guarded(call) {
    try {
      return call(this.engine);
    } catch (error) {
      if (this.engine instanceof MiniSearchEngine) throw error;
      const mini = new MiniSearchEngine();
      for (const [path, f] of this.fields) mini.add({ path, ...f, text: this.text(path) });
      this.engine = mini;
      return call(mini);
    }
  }

  /**
   * Adds articles; one already indexed under the same path is replaced.
   * @param {IndexDoc[]} docs
   */
  add(docs) {
    for (const doc of docs) {
      // The parse workers send UTF-8 (kept as it came); a string is encoded here.
      const bytes = typeof doc.text === 'string' ? encoder.encode(doc.text) : doc.text;
      const kept = cutUtf8(bytes, SNIPPET_TEXT_BYTES);
      this.texts.set(doc.path, kept);
      if (kept.length < bytes.length) this.cut.add(doc.path);
      else this.cut.delete(doc.path);
      this.fields.set(doc.path, { title: doc.title, tags: doc.tags, authors: doc.authors });
      this.guarded((engine) => engine.add(doc));
    }
  }

  /**
   * @param {string[]} paths
   */
  remove(paths) {
    for (const path of paths) {
      this.guarded((engine) => engine.remove(path));
      this.texts.delete(path);
      this.fields.delete(path);
      this.cut.delete(path);
    }
  }

  /**
   * The whole text of every article whose text is kept whole (for an archive's search
   * documents; one cut for its length is left out, and read again from its file).
   * @returns {[string, string][]}  [path, text] pairs.
   */
  wholeTexts() {
    return [...this.texts.keys()].filter((path) => !this.cut.has(path)).map((path) => [path, this.text(path)]);
  }

  /**
   * The text kept for an article ('' for none).
   * @param {string} path
   * @returns {string}
   */
  text(path) {
    const bytes = this.texts.get(path);
    return bytes ? decoder.decode(bytes) : '';
  }

  /**
   * The snippet of an article's kept text around the first of `terms`: from its opening
   * alone where that tells, else from the whole text.
   * @param {string} path
   * @param {string[]} terms
   */
  snippetOf(path, terms) {
    const bytes = this.texts.get(path);
    if (!bytes) return snippet('', terms);
    for (const size of SNIPPET_OPENINGS) {
      if (bytes.length <= size) break;
      const opening = snippetOfOpening(decoder.decode(cutUtf8(bytes, size)), terms);
      if (opening) return opening;
    }
    return snippet(decoder.decode(bytes), terms);
  }

  clear() {
    this.guarded((engine) => engine.clear());
    this.texts.clear();
    this.fields.clear();
    this.cut.clear();
  }

  /**
   * Finds the articles that hold every word of `query`, best first.
   * @param {string} query
   * @param {number} [limit] how many hits are returned
   * @param {number} [snippets] how many of them, the best, get a snippet and a marked title
   *   (the body's text is read for each: the rest come with neither, for the list to filter
   *   and order)
   * @returns {{ hits: SearchHit[], total: number }}
   */
  search(query, limit = 50, snippets = limit) {
    const parts = queryParts(query);
    if (!parts.length) return { hits: [], total: 0 };
    const asked = engineParts(parts);
    const { results, total } = this.guarded((engine) => engine.search(asked, limit, snippets));
    // What is marked: a CJK run of the query as a whole (not each of its bigrams, which
    // would mark 驾驶 in 驾驶人 for 驾驶员), the word being typed as the prefix it is (a
    // word is marked to its end: one letter matches hundreds of indexed words, and one
    // pattern of them all took seconds a query), and the other indexed words that matched.
    const runs = parts.filter((p) => p.cjk).map((p) => p.raw);
    const typed = asked.filter((p) => p.prefix && !isCjk(p.terms[0][0])).flatMap((p) => p.terms);
    const byTyped = (/** @type {string} */ term) => typed.some((prefix) => term.startsWith(prefix));
    const queryTerms = ownTerms(runs, asked);
    const hits = results.map((result, rank) => {
      const title = this.fields.get(result.path)?.title ?? '';
      const terms = rank < snippets ? [...runs, ...typed, ...result.terms.filter((t) => !isCjk(t[0]) && !byTyped(t))] : queryTerms;
      return {
        path: result.path,
        score: result.score,
        terms,
        // Beyond the best, neither (details() gives them when the list shows those hits).
        title: rank < snippets ? marked(title, terms) : [],
        snippet: rank < snippets ? this.snippetOf(result.path, terms) : [],
      };
    });
    return { hits, total };
  }

  /**
   * The marked titles and snippets of hits of `query` that search() sent without them,
   * marked with the query's own terms.
   * @param {string} query
   * @param {string[]} paths
   * @returns {HitDetails[]}
   */
  details(query, paths) {
    const parts = queryParts(query);
    const terms = ownTerms(parts.filter((p) => p.cjk).map((p) => p.raw), engineParts(parts));
    return paths.filter((path) => this.fields.has(path)).map((path) => ({
      path,
      title: marked(this.fields.get(path)?.title ?? '', terms),
      snippet: this.snippetOf(path, terms),
    }));
  }
}

/**
 * What the query itself says to mark, where the words each hit matched are not at hand:
 * its CJK runs whole and its words' terms (a stem marks the word's other forms, as a
 * prefix does).
 * @param {string[]} runs
 * @param {EnginePart[]} asked
 * @returns {string[]}
 */
function ownTerms(runs, asked) {
  return [...runs, ...new Set(asked.flatMap((p) => p.terms).filter((t) => !isCjk(t[0])))];
}
