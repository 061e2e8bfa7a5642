// The page's side of search: asks the search worker, keeps only the newest question
// (answers as you type: an older answer that arrives late is dropped).

import { startWorker } from './workers.js';

/** @typedef {import('./messages.js').SearchHit} SearchHit */

export class SearchClient extends EventTarget {
  /**
   * @param {Worker} [worker] default: a new search worker
   */
  constructor(worker = startWorker('search')) {
    super();
    this.worker = worker;
    /** Articles indexed so far. */
    this.indexed = 0;
    let nextId = 0;
    this.nextId = () => ++nextId;
    /** @type {Map<number, (reply: any) => void>} */
    this.waiting = new Map();
    /** The id of the newest query; answers to older ones are dropped. */
    this.latest = 0;
    worker.addEventListener('message', (event) => {
      const reply = event.data;
      if (reply.type === 'indexed') {
        this.indexed = reply.documents;
        this.dispatchEvent(new CustomEvent('indexed', { detail: { documents: reply.documents } }));
        return;
      }
      const done = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      done?.(reply);
    });
  }

  /**
   * A port a parse worker sends its articles' text to.
   * @returns {MessagePort}
   */
  port() {
    const channel = new MessageChannel();
    this.worker.postMessage({ type: 'port', port: channel.port1 }, [channel.port1]);
    return channel.port2;
  }

  /**
   * Searches; resolves to null when a newer query was asked meanwhile.
   * @param {string} query
   * @param {number} [limit]
   * @returns {Promise<{ hits: SearchHit[], total: number, ms: number } | null>}
   */
  search(query, limit = 50) {
    const id = this.nextId();
    this.latest = id;
    return new Promise((resolve) => {
      this.waiting.set(id, (reply) => resolve(id === this.latest ? reply : null));
      this.worker.postMessage({ type: 'query', id, query, limit });
    });
  }

  /**
   * How many articles the index holds right now (after everything sent before).
   * @returns {Promise<number>}
   */
  count() {
    const id = this.nextId();
    return new Promise((resolve) => {
      this.waiting.set(id, (reply) => resolve(reply.documents));
      this.worker.postMessage({ type: 'count', id });
    });
  }

  /**
   * Forgets articles (replaced or closed files).
   * @param {string[]} paths
   */
  remove(paths) {
    this.worker.postMessage({ type: 'remove', paths });
  }

  clear() {
    this.worker.postMessage({ type: 'clear' });
  }

  /** Ends the worker. */
  close() {
    this.worker.terminate();
  }
}
