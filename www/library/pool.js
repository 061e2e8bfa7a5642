// A pool of parse workers sized to the machine's cores (never one alone: a slow file would
// hold up every other); workers idle for IDLE_MS end (each holds a compiled core and
// memory that never shrinks), and start again when files come. Files wait in one queue (a
// file the reader opens leaves it: the viewer's render settles it, library.js `opening`);
// the page reads a few ahead (READ_AHEAD) and hands each, as bytes transferred, to the
// worker holding the fewest bytes, each holding up to eight (and 8 MiB) at a time, so it
// has the next files while the page is busy elsewhere
// (with two, parse workers waited on the page for a third to half of a 10 000-file load).
// A worker that dies fails the file it died on (the oldest it held) and is replaced; the
// others it held are read and sent again. A worker also renders the reader's article whole
// (render(), viewer/render-opened.js) before the files it holds and has not started; while
// paused (pause(): the reader's article renders and is first shown) it starts none. The
// page reads rather than posting the `File`: posting a picked folder's File makes Chromium
// look the file up on the disk, synchronously, and the worker's read of it costs both
// processes more again (10 000 files: ~4.5 s of CPU more in all, bench/library); nor is a
// file's size asked before it is read (the same look-up).

import { readFailure } from './messages.js';
import { replyError } from '../render/messages.js';
import { startWorker } from './workers.js';

/** @typedef {import('./messages.js').ParseReply} ParseReply */

/**
 * @typedef {object} Job
 * @property {string} path
 * @property {Blob} file
 * @property {(reply: ParseReply) => void} done
 * @property {Uint8Array} [bytes]  Its content, once read and until handed to a worker.
 * @property {number} [size]  Its bytes, once read (asking before costs the page a disk look-up).
 * @property {boolean} [cancelled]  Dropped while being read: its read is let go.
 */

/**
 * @typedef {object} Lane
 * @property {import('./workers.js').WorkerLike} worker
 * @property {Map<number, Job>} held
 * @property {Map<number, { resolve: (article: import('../folio.js').Article) => void, reject: (error: Error) => void }>} renders
 *   Whole renders asked of it (render()), by id.
 */

/** Files sent to one worker before it answers, at most. */
export const PER_WORKER = 8;
/** Bytes of files a worker may hold and still be sent another. */
const PER_WORKER_BYTES = 8 * 1024 * 1024;
/** Files the page reads ahead of the workers: read, or being read, and not yet handed out. */
export const READ_AHEAD = 4;
/** How long workers stay with nothing to do before they end, in ms. */
export const IDLE_MS = 5000;

/**
 * The default pool size: one worker per core, at most four (beyond that the index and
 * the page wait on memory bandwidth rather than CPU).
 * @returns {number}
 */
export function defaultPoolSize() {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(4, cores));
}

/**
 * Whether a worker may be sent one more file now.
 * @param {Lane} lane
 * @returns {boolean}
 */
function hasRoom(lane) {
  return lane.held.size < PER_WORKER && heldBytes(lane) < PER_WORKER_BYTES;
}

/**
 * The bytes of the files a worker holds.
 * @param {Lane} lane
 * @returns {number}
 */
function heldBytes(lane) {
  let bytes = 0;
  for (const job of lane.held.values()) bytes += job.size ?? 0;
  return bytes;
}

/** No parse worker could render a file: none runs, or it stopped meanwhile. */
export class WorkerGone extends Error {
  constructor() {
    super('No parse worker could render this file.');
    this.name = 'WorkerGone';
  }
}

/**
 * Resolves a file's promise as cancelled.
 * @param {Job} job
 */
function cancelled(job) {
  job.done({ id: 0, path: job.path, error: { code: 'cancelled', message: 'Cancelled.' } });
}

export class ParsePool {
  /**
   * @param {object} [options]
   * @param {number} [options.size]
   * @param {() => MessagePort | null} [options.searchPort]  A port to the search worker, one per worker.
   * @param {() => import('./workers.js').WorkerLike} [options.start]
   * @param {number} [options.idleMs]  How long idle workers stay (default IDLE_MS).
   */
  constructor({ size = defaultPoolSize(), searchPort = () => null, start = () => startWorker('parse'), idleMs = IDLE_MS } = {}) {
    this.size = size;
    this.idleMs = idleMs;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.idleTimer = undefined;
    this.searchPort = searchPort;
    this.start = start;
    /** Files not yet read, in order. @type {Job[]} */
    this.queue = [];
    /** Files read ahead (READ_AHEAD at most), in order: each is being read, or read and
     * waiting for a worker with room (its bytes set). They go to workers in this order,
     * however their reads finish. @type {Job[]} */
    this.ahead = [];
    /** @type {Lane[]} */
    this.lanes = [];
    this.nextId = 1;
    /** While paused (an article is being rendered for the reader), no file is handed out. */
    this.paused = false;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.resumeTimer = undefined;
  }

  /**
   * Hands out no more files for a while, and has each worker start none of those it holds
   * (the one it is reading goes on; whole renders are not held): the article the reader
   * opened renders and is first laid out with the cores to itself. Ends at `resume()`, or
   * after `ms`.
   * @param {number} ms
   */
  pause(ms) {
    if (!this.paused) for (const lane of this.lanes) lane.worker.postMessage({ type: 'hold', on: true });
    this.paused = true;
    clearTimeout(this.resumeTimer);
    this.resumeTimer = setTimeout(() => this.resume(), ms);
  }

  /** Hands out files again, and lets the workers go on with theirs. */
  resume() {
    clearTimeout(this.resumeTimer);
    this.resumeTimer = undefined;
    if (!this.paused) return;
    this.paused = false;
    for (const lane of this.lanes) lane.worker.postMessage({ type: 'hold', on: false });
    this.pump();
  }

  /**
   * Parses one file; resolves with its summary or its error (never rejects).
   * @param {string} path
   * @param {Blob} file
   * @returns {Promise<ParseReply>}
   */
  parse(path, file) {
    return new Promise((done) => {
      this.queue.push({ path, file, done });
      this.pump();
    });
  }

  /**
   * Drops a waiting file (its summary came from elsewhere): its promise resolves as cancelled.
   * @param {string} path
   * @returns {boolean} whether it was still waiting.
   */
  drop(path) {
    for (const list of [this.queue, this.ahead]) {
      const at = list.findIndex((job) => job.path === path);
      if (at < 0) continue;
      cancelled(list.splice(at, 1)[0]); // A read in flight is let go.
      return true;
    }
    return false;
  }

  /** Starts every worker and has it load and exercise the core, before any file arrives
   * (they stay until files have come and gone: the reader may take a while to pick them). */
  warm() {
    while (this.lanes.length < this.size) this.addLane().worker.postMessage({ type: 'warm' });
  }

  /** Ends the workers IDLE_MS from now, unless files come meanwhile. */
  idleSoon() {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.retire(), this.idleMs);
  }

  /**
   * Ends every worker when none holds a file and none waits: each is asked to send on what
   * it holds for the search worker first, and ends when it says it has.
   */
  retire() {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (this.pending) return;
    for (const lane of this.lanes.splice(0)) {
      lane.worker.addEventListener('message', (event) => {
        if (event.data?.type === 'ended') lane.worker.terminate();
      });
      lane.worker.postMessage({ type: 'end' });
    }
  }

  /** How many files wait or are being parsed. */
  get pending() {
    return this.queue.length + this.ahead.length + this.lanes.reduce((n, lane) => n + lane.held.size, 0);
  }

  /** Drops every waiting file (their promises resolve as cancelled). */
  cancel() {
    for (const job of [...this.queue.splice(0), ...this.ahead.splice(0)]) cancelled(job);
  }

  /** Ends the workers. */
  close() {
    this.cancel();
    clearTimeout(this.resumeTimer);
    clearTimeout(this.idleTimer);
    for (const lane of this.lanes) lane.worker.terminate();
    this.lanes = [];
  }

  /** Hands files read to workers with room, starting workers up to the pool size, and
   * reads the next ones. */
  pump() {
    if (this.paused) return;
    while (this.ahead[0]?.bytes) {
      const lane = this.lanes.find((l) => l.held.size === 0)
        ?? (this.lanes.length < this.size ? this.addLane() : this.leastLoaded());
      if (!lane) break;
      const job = /** @type {Job} */ (this.ahead.shift());
      const id = this.nextId++;
      lane.held.set(id, job);
      this.send(lane, id, job);
    }
    while (this.queue.length && this.ahead.length < READ_AHEAD) this.read(/** @type {Job} */ (this.queue.shift()));
  }

  /**
   * Reads a file's bytes; once read it waits for a worker, behind the files read ahead
   * of it. A file that cannot be read fails alone.
   * @param {Job} job
   */
  read(job) {
    this.ahead.push(job);
    job.file.arrayBuffer().then((buffer) => {
      if (!this.ahead.includes(job)) return; // dropped meanwhile
      job.bytes = new Uint8Array(buffer);
      job.size = buffer.byteLength;
    }, (error) => {
      const at = this.ahead.indexOf(job);
      if (at < 0) return;
      this.ahead.splice(at, 1);
      job.done({ id: 0, path: job.path, error: readFailure(error) });
    }).then(() => {
      this.pump();
      if (!this.pending) this.idleSoon();
    });
  }

  /**
   * Hands a file's bytes to the lane's worker (transferred: the page keeps no copy); files
   * go in the order the lane took them (a worker that dies is known to have died on its
   * oldest). A file that cannot be sent fails alone.
   * @param {Lane} lane
   * @param {number} id
   * @param {Job} job
   */
  send(lane, id, job) {
    const bytes = /** @type {Uint8Array} */ (job.bytes);
    job.bytes = undefined;
    try {
      lane.worker.postMessage({ id, path: job.path, bytes }, { transfer: [bytes.buffer] });
    } catch (error) {
      lane.held.delete(id);
      job.done({ id, path: job.path, error: readFailure(error) });
      if (!this.pending) this.idleSoon();
    }
  }

  /**
   * The worker with room for another file that holds the fewest bytes.
   * @returns {Lane | undefined}
   */
  leastLoaded() {
    let best;
    let least = Infinity;
    for (const lane of this.lanes) {
      const bytes = heldBytes(lane);
      if (bytes < least && hasRoom(lane)) {
        best = lane;
        least = bytes;
      }
    }
    return best;
  }

  /**
   * Renders a file whole (its HTML too) in a running worker, whose core is loaded: the
   * reader's article while a library is parsed, so that the page's thread only builds its
   * view. The worker takes it before the files it holds and has not started. Rejects with
   * a WorkerGone when no worker runs or it stops meanwhile (the caller renders the file
   * itself), with the core's FolioError when the file cannot be shown.
   * @param {Uint8Array} bytes  Copied, not transferred.
   * @param {import('../folio.js').RenderOptions} options
   * @returns {Promise<import('../folio.js').Article>}
   */
  render(bytes, options) {
    let lane;
    for (const candidate of this.lanes) if (!lane || candidate.held.size < lane.held.size) lane = candidate;
    if (!lane) return Promise.reject(new WorkerGone());
    const id = this.nextId++;
    const taken = lane;
    return new Promise((resolve, reject) => {
      taken.renders.set(id, { resolve, reject });
      taken.worker.postMessage({ type: 'render', id, bytes, options });
    });
  }

  /** @returns {Lane} */
  addLane() {
    const worker = this.start();
    /** @type {Lane} */
    const lane = { worker, held: new Map(), renders: new Map() };
    const port = this.searchPort();
    if (port) worker.postMessage({ type: 'port', port }, { transfer: [port] });
    worker.addEventListener('message', (event) => {
      if (event.data?.type === 'rendered') {
        const asked = lane.renders.get(event.data.id);
        lane.renders.delete(event.data.id);
        if (asked && 'article' in event.data) asked.resolve(event.data.article);
        else asked?.reject(replyError(event.data.error));
        return;
      }
      const reply = /** @type {ParseReply} */ (event.data);
      const job = lane.held.get(reply.id);
      if (!job) return;
      lane.held.delete(reply.id);
      job.done(reply);
      this.pump();
      if (!this.pending) this.idleSoon();
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.lanes = this.lanes.filter((l) => l !== lane);
      worker.terminate();
      // The worker takes its files in order: the oldest it held is the one it died on. The
      // others go back to the front of the queue (if one of them was the cause after all,
      // it is the oldest in the next worker, and fails there).
      const rendering = [...lane.renders.values()];
      lane.renders.clear();
      for (const { reject } of rendering) reject(new WorkerGone());
      // A whole render in flight may be what it died on: then none of its files is blamed
      // (the one that kills a worker kills the next one too, and is blamed there).
      const held = [...lane.held];
      lane.held.clear();
      const first = rendering.length ? undefined : held.shift();
      const others = held;
      if (first) first[1].done({ id: first[0], path: first[1].path, error: { code: 'worker-failed', message: 'The parse worker stopped while reading this file.', params: {} } });
      // Their bytes went to the worker that died: they are read again.
      this.queue.unshift(...others.map(([, job]) => job));
      this.pump();
    });
    this.lanes.push(lane);
    return lane;
  }
}
