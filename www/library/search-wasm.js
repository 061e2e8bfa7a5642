// The Rust index (crates/search-index, built into search-index.wasm) as a search engine
// for search-index.js: the worker hands each document's fields over as UTF-8 (the body as
// the parse workers sent it; a field with compatibility characters NFKC-normalized here
// first), one document a call, through a buffer in the module's memory; the module
// tokenizes them as tokenize.js would (the JS tokenizer was most of the worker's time),
// keeps the postings and ranks. Queries arrive as terms (search-index.js tokenizes them).
// Documents are numbers there, paths here. Any call that traps throws, and
// search-index.js falls back to MiniSearch.

import { hasCompat, normalizeText } from './tokenize.js';

/** @typedef {import('./messages.js').IndexDoc} IndexDoc */
/** @typedef {import('./search-index.js').EnginePart} EnginePart */

/**
 * The module's exports (raw: numbers and pointers into its memory).
 * @typedef {object} IndexExports
 * @property {WebAssembly.Memory} memory
 * @property {(len: number) => number} alloc
 * @property {(ptr: number, len: number) => void} free
 * @property {(ptr: number, title: number, tags: number, authors: number, body: number) => number} add_text
 * @property {(ptr: number, len: number) => number} terms
 * @property {(doc: number) => void} remove
 * @property {() => void} clear
 * @property {() => number} count
 * @property {(ptr: number, len: number, limit: number) => number} search
 * @property {() => number} hits
 * @property {() => number} hit_docs
 * @property {() => number} hit_scores
 * @property {(rank: number) => number} matched
 * @property {() => number} out
 */

/** The module's URL, beside this file. */
export const WASM_URL = new URL('./search-index.wasm', import.meta.url);

/**
 * Whether the module can be fetched: this file is served as written, over http(s) (in the
 * single file, import.meta.url is the page's own, and file:// cannot be fetched; that
 * page gets the module's bytes from its archive instead).
 * @returns {boolean}
 */
export function canFetchModule() {
  const here = new URL(import.meta.url);
  return (here.protocol === 'http:' || here.protocol === 'https:') && here.pathname.endsWith('/library/search-wasm.js');
}

/** What add_text() returns for bytes that are not UTF-8 (never sent: TextEncoder writes UTF-8). */
const REFUSED = 0xffffffff;
/** What terms() returns for bytes that are not UTF-8. */
const REFUSED_TERMS = 0xffffffff;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class WasmEngine {
  /**
   * @param {WebAssembly.Instance} instance
   */
  constructor(instance) {
    this.name = 'rust';
    this.x = /** @type {IndexExports} */ (/** @type {unknown} */ (instance.exports));
    /** Document numbers by path, and paths by number. @type {Map<string, number>} */
    this.ids = new Map();
    /** @type {(string | undefined)[]} */
    this.paths = [];
    /** A buffer in the module's memory, reused while it is big enough. */
    this.buffer = { ptr: 0, size: 0 };
  }

  /**
   * Loads the module (bytes or a URL) and makes an engine of it.
   * @param {BufferSource | URL} [source]
   * @returns {Promise<WasmEngine>}
   */
  static async load(source = WASM_URL) {
    if (source instanceof URL) {
      const response = await fetch(source);
      if (!response.ok) throw new Error(`search-index.wasm: HTTP ${response.status}`);
      const { instance } = await WebAssembly.instantiateStreaming(response, {});
      return new WasmEngine(instance);
    }
    const { instance } = await WebAssembly.instantiate(source, {});
    return new WasmEngine(instance);
  }

  get size() {
    return this.x.count();
  }

  /**
   * Writes texts (strings, or UTF-8 bytes copied as they are) one after another into the
   * module's buffer.
   * @param {(string | Uint8Array)[]} texts
   * @returns {number[]} their lengths in bytes
   */
  write(...texts) {
    // UTF-8 takes at most three bytes per UTF-16 unit.
    const need = texts.reduce((sum, text) => sum + (typeof text === 'string' ? text.length * 3 : text.length), 0);
    if (need > this.buffer.size) {
      if (this.buffer.size) this.x.free(this.buffer.ptr, this.buffer.size);
      const size = Math.max(need, 64 * 1024);
      this.buffer = { ptr: this.x.alloc(size), size };
    }
    let at = 0;
    return texts.map((text) => {
      if (typeof text !== 'string') {
        new Uint8Array(this.x.memory.buffer, this.buffer.ptr + at, text.length).set(text);
        at += text.length;
        return text.length;
      }
      const { written } = encoder.encodeInto(text, new Uint8Array(this.x.memory.buffer, this.buffer.ptr + at, this.buffer.size - at));
      at += written;
      return written;
    });
  }

  /** @param {IndexDoc} doc */
  add(doc) {
    this.remove(doc.path);
    // UTF-8 from the parse workers goes in as it came, unless it needs normalizing.
    const text = typeof doc.text !== 'string' && hasCompat(doc.text) ? decoder.decode(doc.text) : doc.text;
    const [title, tags, authors, body] = this.write(normalizeText(doc.title), normalizeText(doc.tags), normalizeText(doc.authors), typeof text === 'string' ? normalizeText(text) : text);
    // Unsigned: a wasm i32 comes back signed.
    const id = this.x.add_text(this.buffer.ptr, title, tags, authors, body) >>> 0;
    if (id === REFUSED) return;
    this.ids.set(doc.path, id);
    this.paths[id] = doc.path;
  }

  /** @param {string} path */
  remove(path) {
    const id = this.ids.get(path);
    if (id === undefined) return;
    this.x.remove(id);
    this.ids.delete(path);
    this.paths[id] = undefined;
  }

  clear() {
    this.x.clear();
    this.buffer = { ptr: 0, size: 0 };
    this.ids.clear();
    this.paths = [];
  }

  /**
   * @param {EnginePart[]} parts
   * @param {number} limit
   * @param {number} [detailed]  How many of the best get the terms they matched.
   */
  search(parts, limit, detailed = limit) {
    const query = parts.map((p) => `${p.all ? 'A' : 'O'}${p.prefix ? 'p' : 'x'} ${p.terms.join(' ')}`).join('\n');
    const [len] = this.write(query);
    const total = this.x.search(this.buffer.ptr, len, limit);
    const count = this.x.hits();
    const docs = new Uint32Array(this.x.memory.buffer, this.x.hit_docs(), count).slice();
    const scores = new Float32Array(this.x.memory.buffer, this.x.hit_scores(), count).slice();
    const results = [];
    for (let rank = 0; rank < count; rank++) {
      const path = this.paths[docs[rank]];
      if (path === undefined) continue;
      const bytes = rank < detailed ? this.x.matched(rank) : 0;
      const terms = bytes ? decoder.decode(new Uint8Array(this.x.memory.buffer, this.x.out(), bytes)).split(' ') : [];
      results.push({ path, score: scores[rank], terms });
    }
    return { results, total };
  }

  /**
   * The terms the module makes of a text (as tokenize() makes them, the text normalized
   * alike): for the tests that hold the two tokenizers to each other.
   * @param {string} text
   * @returns {string[]}
   */
  terms(text) {
    const [len] = this.write(normalizeText(text));
    const bytes = this.x.terms(this.buffer.ptr, len) >>> 0;
    if (bytes === REFUSED_TERMS) throw new Error('search-index.wasm: the text was not UTF-8');
    // Each term is followed by a space: the last piece is the empty rest.
    return decoder.decode(new Uint8Array(this.x.memory.buffer, this.x.out(), bytes)).split(' ').slice(0, -1);
  }
}
