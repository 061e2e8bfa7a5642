// The page's side of search. The index may be split into shards, one search worker
// each (parse workers feed them in turn; a query asks every shard and merges their hits
// by score). One shard is the default: shards rank with their own term statistics, so
// on a small library the same article can score very differently in two shards (measured:
// a short note that ranked first fell below a long one). Only the newest question is
// answered (as you type: a late answer to an older one is dropped).

import { startWorker } from './workers.js';

/** @typedef {import('./messages.js').SearchHit} SearchHit */

export class SearchClient extends EventTarget {
  /**
   * @param {import('./workers.js').WorkerLike[]} [workers] default: one search worker,
   *   started at the first article or query (not with the page: its start would compete
   *   with the first article's)
   */
  constructor(workers) {
    super();
    /** The workers, once started. @type {import('./workers.js').WorkerLike[] | null} */
    this.started = null;
    /** Articles indexed so far, per shard. */
    this.counts = (workers ?? [null]).map(() => 0);
    /** Which shard the next port feeds. */
    this.nextShard = 0;
    let nextId = 0;
    this.nextId = () => ++nextId;
    /** @type {Map<number, (reply: any) => void>} */
    this.waiting = new Map();
    /** The id of the newest query; answers to older ones are dropped. */
    this.latest = 0;
    if (workers) this.listen(workers);
  }

  /** The workers, started now if they are not yet. */
  get workers() {
    return this.started ?? this.listen([startWorker('search')]);
  }

  /**
   * @param {import('./workers.js').WorkerLike[]} workers
   * @returns {import('./workers.js').WorkerLike[]}
   */
  listen(workers) {
    this.started = workers;
    workers.forEach((worker, shard) => worker.addEventListener('message', (event) => {
      const reply = event.data;
      if (reply.type === 'indexed') {
        this.counts[shard] = reply.documents;
        this.dispatchEvent(new CustomEvent('indexed', { detail: { documents: this.indexed } }));
        return;
      }
      const done = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      done?.(reply);
    }));
    return workers;
  }

  /** Articles indexed so far, in every shard. */
  get indexed() {
    return this.counts.reduce((a, b) => a + b, 0);
  }

  /**
   * A port a parse worker sends its articles' text to (shards in turn).
   * @returns {MessagePort}
   */
  port() {
    const channel = new MessageChannel();
    const worker = this.workers[this.nextShard++ % this.workers.length];
    worker.postMessage({ type: 'port', port: channel.port1 }, [channel.port1]);
    return channel.port2;
  }

  /**
   * Asks every shard; resolves to their replies.
   * @param {(id: number) => object} message
   * @returns {Promise<any[]>}
   */
  ask(message) {
    return Promise.all(this.workers.map((worker) => new Promise((resolve) => {
      const id = this.nextId();
      this.waiting.set(id, resolve);
      worker.postMessage(message(id));
    })));
  }

  /**
   * Searches; resolves to null when a newer search was asked meanwhile.
   * @param {string} query
   * @param {number} [limit]
   * @param {number} [snippets]  How many of the best hits get a snippet (all, by default).
   * @returns {Promise<{ hits: SearchHit[], total: number, ms: number, engine: string } | null>}
   */
  async search(query, limit = 50, snippets = limit) {
    const ticket = this.nextId();
    this.latest = ticket;
    const replies = await this.ask((id) => ({ type: 'query', id, query, limit, snippets }));
    if (ticket !== this.latest) return null;
    const hits = replies.flatMap((r) => r.hits).sort((a, b) => b.score - a.score).slice(0, limit);
    return {
      hits,
      total: replies.reduce((n, r) => n + r.total, 0),
      ms: Math.max(...replies.map((r) => r.ms)),
      engine: replies[0]?.engine ?? '',
    };
  }

  /**
   * The marked titles and snippets of hits that came without (search()'s `snippets`).
   * @param {string} query
   * @param {string[]} paths
   * @returns {Promise<import('./messages.js').HitDetails[]>}
   */
  async details(query, paths) {
    const replies = await this.ask((id) => ({ type: 'details', id, query, paths }));
    return replies.flatMap((r) => r.details);
  }

  /**
   * How many articles the index holds right now (after everything sent before).
   * @returns {Promise<number>}
   */
  async count() {
    const replies = await this.ask((id) => ({ type: 'count', id }));
    return replies.reduce((n, r) => n + r.documents, 0);
  }

  /**
   * Every article's whole text, where the index keeps it whole (for saving the library).
   * @returns {Promise<Map<string, string>>}
   */
  async texts() {
    const replies = await this.ask((id) => ({ type: 'texts', id }));
    return new Map(replies.flatMap((r) => r.texts));
  }

  /**
   * Indexes articles whose text the page has (an article the reader opened before its
   * parse worker got to it).
   * @param {import('./messages.js').IndexDoc[]} docs
   */
  add(docs) {
    const worker = this.workers[this.nextShard++ % this.workers.length];
    worker.postMessage({ type: 'add', docs });
  }

  /**
   * Forgets articles (replaced or closed files).
   * @param {string[]} paths
   */
  remove(paths) {
    for (const worker of this.started ?? []) worker.postMessage({ type: 'remove', paths });
  }

  clear() {
    for (const worker of this.started ?? []) worker.postMessage({ type: 'clear' });
  }

  /**
   * Gives the index its module's bytes (where the worker could not fetch them), before
   * anything is indexed.
   * @param {Uint8Array} wasm
   */
  useEngine(wasm) {
    for (const worker of this.workers) worker.postMessage({ type: 'engine', wasm });
  }

  /** Ends the workers. */
  close() {
    for (const worker of this.started ?? []) worker.terminate();
  }
}
