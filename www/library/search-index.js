// The library's full-text index: MiniSearch over the tokenizer in tokenize.js, with
// the title above tags above authors above the body, every query word required, the
// word being typed matched as a prefix, and snippets cut from the kept text around the
// matches. Pure (no DOM): it runs in the search worker and in Node.

import MiniSearch from '../vendor/minisearch/dist/es/index.js';
import { isCjk, marked, snippet } from './matches.js';
import { queryParts, tokenize } from './tokenize.js';

export { findMatches, marked, snippet } from './matches.js';

/** @typedef {import('./messages.js').IndexDoc} IndexDoc */
/** @typedef {import('./messages.js').SearchHit} SearchHit */

/** Field weights: a word in the title counts four times one in the body. */
export const BOOST = Object.freeze({ title: 4, tags: 2.5, authors: 1.5, text: 1 });

/** Characters of each article's text kept for snippets (the whole text is indexed). */
export const SNIPPET_TEXT_LIMIT = 50_000;


export class SearchIndex {
  constructor() {
    this.mini = new MiniSearch({
      idField: 'path',
      fields: ['title', 'tags', 'authors', 'text'],
      storeFields: [],
      tokenize,
      processTerm: (term) => term,
    });
    /** Text kept for snippets, by path. @type {Map<string, string>} */
    this.texts = new Map();
    /** Titles, for snippets of articles whose body does not match. @type {Map<string, string>} */
    this.titles = new Map();
    /** Articles whose kept text was cut at SNIPPET_TEXT_LIMIT. @type {Set<string>} */
    this.cut = new Set();
  }

  /** How many articles are indexed. */
  get size() {
    return this.mini.documentCount;
  }

  /**
   * Adds articles; one already indexed under the same path is replaced.
   * @param {IndexDoc[]} docs
   */
  add(docs) {
    for (const doc of docs) {
      if (this.mini.has(doc.path)) this.mini.discard(doc.path);
      this.mini.add(doc);
      this.texts.set(doc.path, doc.text.length > SNIPPET_TEXT_LIMIT ? doc.text.slice(0, SNIPPET_TEXT_LIMIT) : doc.text);
      if (doc.text.length > SNIPPET_TEXT_LIMIT) this.cut.add(doc.path);
      else this.cut.delete(doc.path);
      this.titles.set(doc.path, doc.title);
    }
  }

  /**
   * @param {string[]} paths
   */
  remove(paths) {
    for (const path of paths) {
      if (this.mini.has(path)) this.mini.discard(path);
      this.texts.delete(path);
      this.titles.delete(path);
      this.cut.delete(path);
    }
  }

  /**
   * The whole text of every article whose text is kept whole (for an archive's search
   * documents; one cut for its length is left out, and read again from its file).
   * @returns {[string, string][]}  [path, text] pairs.
   */
  wholeTexts() {
    return [...this.texts].filter(([path]) => !this.cut.has(path));
  }

  clear() {
    this.mini.removeAll();
    this.texts.clear();
    this.titles.clear();
    this.cut.clear();
  }

  /**
   * Finds the articles that hold every word of `query`, best first.
   * @param {string} query
   * @param {number} [limit] how many hits get a snippet and are returned
   * @returns {{ hits: SearchHit[], total: number }}
   */
  search(query, limit = 50) {
    const parts = queryParts(query);
    if (!parts.length) return { hits: [], total: 0 };
    const last = parts.length - 1;
    const queries = parts.map((part, i) => {
      const typing = i === last;
      if (part.cjk) {
        // All bigrams of the run; a single character is matched as a prefix.
        return { combineWith: 'AND', queries: part.terms, prefix: part.terms[0].length === 1 };
      }
      const forms = typing && part.raw !== part.terms[0] ? [part.terms[0], part.raw] : part.terms;
      // No fuzzy matching: on a big index it costs more than the 30 ms a keystroke may
      // take, and stems already cover a word's forms.
      return { combineWith: 'OR', queries: forms, prefix: typing };
    });
    const results = this.mini.search(/** @type {any} */ ({ combineWith: 'AND', queries }), {
      boost: BOOST,
      tokenize: (/** @type {string} */ term) => [term],
      processTerm: (/** @type {string} */ term) => term,
      weights: { fuzzy: 0, prefix: 0.6 },
    });
    // What is marked: a CJK run of the query as a whole (not each of its bigrams, which
    // would mark 驾驶 in 驾驶人 for 驾驶员), and the indexed words that matched.
    const runs = parts.filter((p) => p.cjk).map((p) => p.raw);
    const hits = results.slice(0, limit).map((result) => {
      const path = String(result.id);
      const text = this.texts.get(path) ?? '';
      const title = this.titles.get(path) ?? '';
      const terms = [...runs, ...result.terms.filter((t) => !isCjk(t[0]))];
      return {
        path,
        score: result.score,
        terms,
        title: marked(title, terms),
        snippet: snippet(text, terms),
      };
    });
    return { hits, total: results.length };
  }
}
