// The library's full-text index: MiniSearch over the tokenizer in tokenize.js, with
// the title above tags above authors above the body, every query word required, the
// word being typed matched as a prefix, and snippets cut from the kept text around the
// matches. Pure (no DOM): it runs in the search worker and in Node.

import MiniSearch from './vendor/minisearch.js';
import { isCjk, queryParts, tokenize } from './tokenize.js';

/** @typedef {import('./messages.js').IndexDoc} IndexDoc */
/** @typedef {import('./messages.js').SearchHit} SearchHit */

/** Field weights: a word in the title counts four times one in the body. */
export const BOOST = Object.freeze({ title: 4, tags: 2.5, authors: 1.5, text: 1 });

/** Characters of each article's text kept for snippets (the whole text is indexed). */
export const SNIPPET_TEXT_LIMIT = 50_000;

/** Characters of context on each side of the first match in a snippet. */
const CONTEXT = 60;

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

/** The rest of a word after its stem: letters and digits, not CJK (which has no word ends). */
const WORD_REST = '[^\\s\\p{P}\\p{S}\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]*';

/** Matches looked for in one text, at most. */
const MAX_MATCHES = 200;

/**
 * @param {string} text
 * @returns {string}
 */
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where the indexed terms occur in a text: [start, end) ranges, in order, not
 * overlapping. A CJK term matches as written; a word matches a word that starts with
 * it (the stem `index` marks "indexing"), case-insensitively. One regular expression
 * over the text as it is (no lower-cased copy of a long text per hit).
 * @param {string} text
 * @param {string[]} terms
 * @returns {[number, number][]}
 */
export function findMatches(text, terms) {
  const cjk = [...new Set(terms.filter((t) => t && isCjk(t[0])))];
  const words = [...new Set(terms.filter((t) => t && !isCjk(t[0])))];
  /** @type {[number, number][]} */
  const ranges = [];
  // CJK terms overlap (bigrams of one run): each is found on its own, then merged.
  for (const term of cjk) {
    let found = 0;
    for (let at = text.indexOf(term); at >= 0 && found < MAX_MATCHES; at = text.indexOf(term, at + 1)) {
      ranges.push([at, at + term.length]);
      found += 1;
    }
  }
  if (words.length) {
    const pattern = new RegExp(words.map((w) => `(?<![\\p{L}\\p{N}])${escapeRegExp(w)}${WORD_REST}`).join('|'), 'giu');
    for (let m = pattern.exec(text), found = 0; m && found < MAX_MATCHES; m = pattern.exec(text), found++) {
      ranges.push([m.index, m.index + m[0].length]);
    }
  }
  ranges.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  /** @type {[number, number][]} */
  const merged = [];
  for (const [from, to] of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && from <= prev[1]) prev[1] = Math.max(prev[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/**
 * The whole of a short text (a title) as segments, its matches marked.
 * @param {string} text
 * @param {string[]} terms
 * @returns {{ text: string, mark: boolean }[]}
 */
export function marked(text, terms) {
  /** @type {{ text: string, mark: boolean }[]} */
  const out = [];
  let at = 0;
  for (const [from, to] of findMatches(text, terms)) {
    if (from > at) out.push({ text: text.slice(at, from), mark: false });
    out.push({ text: text.slice(from, to), mark: true });
    at = to;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/**
 * A short piece of `text` around its first match, as segments, the matches marked.
 * With no match: the text's opening.
 * @param {string} text
 * @param {string[]} terms
 * @returns {{ text: string, mark: boolean }[]}
 */
export function snippet(text, terms) {
  const ranges = findMatches(text, terms);
  if (!ranges.length) {
    const opening = text.slice(0, CONTEXT * 2).replace(/\s+/g, ' ').trim();
    return opening ? [{ text: opening + (text.length > CONTEXT * 2 ? '…' : ''), mark: false }] : [];
  }
  const start = Math.max(0, ranges[0][0] - CONTEXT);
  const end = Math.min(text.length, ranges[0][1] + CONTEXT * 2);
  /** @type {{ text: string, mark: boolean }[]} */
  const out = [];
  let at = start;
  for (const [from, to] of ranges) {
    if (from >= end) break;
    if (from > at) out.push({ text: text.slice(at, from), mark: false });
    out.push({ text: text.slice(Math.max(from, at), Math.min(to, end)), mark: true });
    at = Math.min(to, end);
  }
  if (at < end) out.push({ text: text.slice(at, end), mark: false });
  const flat = out.map((s) => ({ text: s.text.replace(/\s+/g, ' '), mark: s.mark }));
  if (start > 0) flat.unshift({ text: '…', mark: false });
  if (end < text.length) flat.push({ text: '…', mark: false });
  return flat;
}
