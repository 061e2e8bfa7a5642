// How the viewer renders a file: small ones on the main thread (render() from folio.js),
// big ones in www/folio-worker.js (messages: ./messages.js), so that a 10 MB article does not freeze the page for
// seconds. Both ways give the same Article or throw the same FolioError.
//
//   const article = await renderFile(bytes, { fileName: 'post.md' });
//
// One module worker, made on the first big file and reused while files keep coming;
// ended after WORKER_IDLE_MS with nothing to do, which gives its WebAssembly memory (it
// never shrinks: ~60 MiB after a 10 MB Markdown article) back to the system. Replies are
// matched to requests by id. The bytes are copied to it, not transferred: the viewer
// keeps them for "View original text" and the error card.
//
// When the worker fails, the file in it fails alone and the others go on:
// - a `trap` reply (the core crashed on that file) fails that file with code 'trap'; the
//   worker stays: its folio.js has already replaced the crashed core, as on the main thread;
// - an `error` (or `messageerror`) event after the worker has answered before counts as
//   a crash on the oldest waiting file (the worker takes them in order): the same;
// - no worker at all (no Worker, bundled into dist/folio.html, `new Worker` throws, or an
//   `error` event before its first answer, i.e. it never started): this file and every
//   later one render on the main thread, as they did before the worker existed.

import { FolioError, compiledModule, renderWhenReady } from '../folio.js';
import { workerScriptURL } from '../trusted-types.js';
import { replyError } from './messages.js';

/** @typedef {import('../folio.js').Article} Article */
/** @typedef {import('../folio.js').RenderOptions} RenderOptions */

/**
 * Files of at least this many bytes render in the worker. The core renders 11–19 MB/s
 * in Chromium at 1 MB and up (bench/run.mjs), so a 512 KiB file is one main-thread task
 * of ~30–50 ms (at most a visible stutter) and a 10 MB one a freeze of most of a second.
 * Below this size the worker does not pay: starting it loads a second copy of the core
 * (instantiated from the page's compiled module when there is one, else compiled
 * again, ~150 ms, each time it starts after an idle end), and each file is copied
 * to it and its HTML copied back. So everyday articles (up to a few hundred KB) stay on the main thread,
 * and only the files that would block it for long go to the worker.
 */
export const WORKER_MIN_BYTES = 512 * 1024;

/** How long the worker may sit idle before it is ended (the next big file makes a new one). */
export const WORKER_IDLE_MS = 30_000;

/** After a file this big the worker is ended as soon as it has nothing else to do: its
 * WebAssembly memory is then about 6× the file (~60 MiB after 10 MB of Markdown), which would sit
 * beside the article's DOM, the biggest part of the page's memory, while it is being built.
 * A worker made again later instantiates the page's compiled core when there is one. */
export const RETIRE_AFTER_BYTES = 4 << 20;
let idleMs = WORKER_IDLE_MS;

/**
 * Sets how long the worker may sit idle, in ms (for tests, and hosts that open big
 * files in bursts).
 * @param {number} ms
 */
export function setWorkerIdleTime(ms) {
  idleMs = ms;
}

/**
 * One request to the worker, kept until it is answered (and sent again to a fresh
 * worker if the one it waited in was thrown away).
 * @typedef {object} Request
 * @property {number} id
 * @property {Uint8Array} bytes
 * @property {RenderOptions} options
 * @property {(article: Article) => void} resolve
 * @property {(error: unknown) => void} reject
 */

/**
 * A worker and the requests it has not answered yet, in the order sent.
 * @typedef {object} Lane
 * @property {Worker} worker
 * @property {Map<number, Request>} pending
 * @property {boolean} answered  It has answered something, so it did start.
 * @property {ReturnType<typeof setTimeout> | undefined} idle  Ends it when it has been idle long enough.
 */

/** The live worker, if one has been made. @type {Lane | null} */
let lane = null;
/** False once workers are known not to work here: every file renders on the main thread. */
let workersAvailable = canStartWorkers();
let nextId = 1;

/**
 * Renders one file's bytes: in the worker when the file is big and workers work here,
 * else on the main thread.
 * @param {Uint8Array} bytes
 * @param {RenderOptions} options
 * @returns {Promise<Article>}
 * @throws {FolioError} as render() does: code 'trap' if the core crashed on this file.
 */
export function renderFile(bytes, options) {
  return new Promise((resolve, reject) => {
    const request = { id: nextId++, bytes, options, resolve, reject };
    if (bytes.length >= WORKER_MIN_BYTES) send(request);
    else renderHere(request);
  });
}

/**
 * Whether this page may start www/folio-worker.js at all. Bundled into the single file
 * (scripts/dist.mjs inlines every module into one inline script), import.meta.url is the
 * page's own URL, not this module's: there is no worker file next to it, and that page's
 * CSP (scripts by hash only) would refuse one anyway. From file:// a module worker
 * cannot load either.
 * @returns {boolean}
 */
function canStartWorkers() {
  if (typeof Worker !== 'function') return false;
  const here = new URL(import.meta.url);
  return (here.protocol === 'http:' || here.protocol === 'https:') && here.pathname.endsWith('/render/worker-client.js');
}

/**
 * The main-thread render, for small files and when workers are unavailable.
 * @param {Request} request
 */
function renderHere({ bytes, options, resolve, reject }) {
  renderWhenReady(bytes, options).then(resolve, reject);
}

/**
 * Sends a request to the live worker (making it if needed), or renders it here when
 * there can be no worker.
 * @param {Request} request
 */
function send(request) {
  const target = workersAvailable ? liveLane() : null;
  if (!target) {
    renderHere(request);
    return;
  }
  clearTimeout(target.idle);
  target.pending.set(request.id, request);
  try {
    // Copied (structured clone), not transferred: the caller keeps the bytes. The HTML comes
    // back as bytes (`htmlBytes`), moved: as a string it was copied while the worker still
    // held its own and its WebAssembly memory, the tab's peak for a 10 MB article.
    target.worker.postMessage({ id: request.id, input: request.bytes, options: { ...request.options, htmlBytes: true } });
  } catch {
    target.pending.delete(request.id); // Options that cannot be cloned: render it here.
    renderHere(request);
  }
}

/**
 * The live worker, made now if there is none. Null (and no worker from now on) if it
 * cannot be made.
 * @returns {Lane | null}
 */
function liveLane() {
  if (lane) return lane;
  let worker;
  try {
    worker = new Worker(/** @type {string} */ (workerScriptURL()), { type: 'module', name: 'folio-render' });
  } catch {
    workersAvailable = false;
    return null;
  }
  /** @type {Lane} */
  const made = { worker, pending: new Map(), answered: false, idle: undefined };
  worker.addEventListener('message', (event) => onReply(made, event.data));
  worker.addEventListener('error', (event) => {
    event.preventDefault(); // Handled here: the failing file says so; no console noise.
    onFailure(made);
  });
  worker.addEventListener('messageerror', () => onFailure(made));
  // The page's compiled core, when it has one: the worker instantiates it, compiling nothing.
  const core = compiledModule();
  if (core) {
    try {
      worker.postMessage({ core });
    } catch {
      // A module that cannot cross (none known): the worker compiles its own.
    }
  }
  lane = made;
  return made;
}

/**
 * A reply (./messages.js): `{ id, article }` or `{ id, error }`.
 * @param {Lane} from
 * @param {any} data  Checked here: it crossed a thread.
 */
function onReply(from, data) {
  const request = from.pending.get(data?.id);
  if (!request) return;
  from.pending.delete(request.id);
  from.answered = true;
  if (from.pending.size === 0) {
    if (request.bytes.length >= RETIRE_AFTER_BYTES) retire(from);
    else from.idle = setTimeout(() => retire(from), idleMs);
  }
  if (!data.error) {
    // Taken here (reading `data` copies a big article out of the message), its HTML made a
    // string a mebibyte a task (after the worker has ended, when it was a big file: 65–78 ms
    // in one for 10 MB), and shown in a task of its own: together they were one long task.
    const { article } = data;
    const bytes = article?.html_bytes;
    if (!(bytes instanceof Uint8Array)) {
      setTimeout(() => request.resolve(article), 0);
      return;
    }
    delete article.html_bytes;
    setTimeout(() => decodeInTasks(bytes).then((html) => {
      article.html = html;
      setTimeout(() => request.resolve(article), 0);
    }), 0);
    return;
  }
  request.reject(replyError(data.error));
}

/** How much of the HTML's bytes one task decodes. */
const DECODE_STEP = 1 << 20;

/**
 * UTF-8 bytes as a string, DECODE_STEP bytes a task (the last task joins the pieces).
 * @param {Uint8Array} bytes
 * @returns {Promise<string>}
 */
export function decodeInTasks(bytes) {
  return new Promise((resolve) => {
    const decoder = new TextDecoder();
    /** @type {string[]} */
    const pieces = [];
    let at = 0;
    const step = () => {
      const end = Math.min(at + DECODE_STEP, bytes.length);
      pieces.push(decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length }));
      at = end;
      if (at < bytes.length) setTimeout(step, 0);
      else resolve(pieces.join(''));
    };
    step();
  });
}

/**
 * The worker failed outside a reply: it never started (then no workers from now on), or
 * it crashed on the file it was rendering, the oldest one it holds.
 * @param {Lane} failed
 */
function onFailure(failed) {
  if (lane !== failed) return; // Already thrown away.
  if (!failed.answered) {
    workersAvailable = false;
  } else {
    const [culprit] = failed.pending.values();
    if (culprit) {
      failed.pending.delete(culprit.id);
      culprit.reject(new FolioError('This file could not be rendered: the render worker crashed on it. Other files still work.', 'trap'));
    }
  }
  discard(failed);
}

/**
 * Ends a worker that has had nothing to do for `idleMs`.
 * @param {Lane} idle
 */
function retire(idle) {
  // send() stops the timer before it hands the worker a file, so an idle end never
  // meets a waiting one; a lane already discarded has nothing to end.
  if (lane !== idle) return;
  lane = null;
  idle.worker.terminate();
}

/**
 * Terminates a failed worker and sends what it still held to a fresh one (or to the
 * main thread when workers are unavailable).
 * @param {Lane} old
 */
function discard(old) {
  clearTimeout(old.idle);
  if (lane === old) lane = null;
  old.worker.terminate();
  const waiting = [...old.pending.values()];
  old.pending.clear();
  for (const request of waiting) send(request);
}
