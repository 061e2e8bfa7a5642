// Starts the library's workers (zip, parse, search) and registers the service worker
// (../sw.js). Their script URLs pass the page's one Trusted Types policy, `folio`
// (../trusted-types.js lists them). Where a page cannot start module workers (the single
// file, dist/folio.html, whose CSP allows its one inline script only; a page opened from
// file://), each "worker" runs in the page instead: the same handler (the *-host.js
// modules), behind the same message interface, a task at a time.

import { trustedScriptURL } from '../trusted-types.js';

/** The library's worker scripts, relative to www/. */
const SCRIPTS = /** @type {const} */ ({
  zip: 'library/zip-worker.js',
  parse: 'library/parse-worker.js',
  search: 'library/search-worker.js',
});

/** @typedef {keyof typeof SCRIPTS} WorkerName */

/**
 * What the library needs of a worker: a real Worker, or the in-page stand-in.
 * @typedef {Pick<Worker, 'postMessage' | 'addEventListener' | 'removeEventListener' | 'terminate'>} WorkerLike
 */

/**
 * Whether this page may start the library's module workers: served over http(s), and
 * this module is the file it was written as (bundled into the single file,
 * import.meta.url is the page's own URL and no worker file lies beside it).
 * @returns {boolean}
 */
export function canStartWorkers() {
  if (typeof Worker !== 'function') return false;
  const here = new URL(import.meta.url);
  return (here.protocol === 'http:' || here.protocol === 'https:') && here.pathname.endsWith('/library/workers.js');
}

/**
 * Registers the service worker that keeps the app shell for offline use (www/sw.js,
 * scope: the folder it lies in). Resolves to null where there can be none.
 * @returns {Promise<ServiceWorkerRegistration | null>}
 */
export function registerOffline() {
  if (!('serviceWorker' in navigator) || !canStartWorkers()) return Promise.resolve(null);
  return navigator.serviceWorker.register(/** @type {string} */ (trustedScriptURL('sw.js')));
}

/** Each host module's handler maker, loaded only when a worker runs in the page. */
const HOSTS = {
  zip: () => import('./zip-host.js').then((m) => m.zipHost),
  parse: () => import('./parse-host.js').then((m) => m.parseHost),
  search: () => import('./search-host.js').then((m) => m.searchHost),
};

/**
 * A worker that runs in the page: messages go to the handler one task later, replies
 * come back as `message` events, as from a Worker. Errors in the handler become `error`
 * events (the pool treats them as it treats a worker's).
 */
export class InPageWorker extends EventTarget {
  /**
   * @param {WorkerName} name
   */
  constructor(name) {
    super();
    this.closed = false;
    /** @type {Promise<(data: any) => unknown>} */
    this.handler = HOSTS[name]().then((host) => host((/** @type {unknown} */ data) => {
      if (!this.closed) setTimeout(() => !this.closed && this.dispatchEvent(new MessageEvent('message', { data })), 0);
    }));
  }

  /**
   * @param {any} data
   */
  postMessage(data) {
    if (this.closed) return;
    setTimeout(() => {
      this.handler.then((handle) => handle(data)).catch((error) => {
        if (!this.closed) this.dispatchEvent(new ErrorEvent('error', { error, message: String(error) }));
      });
    }, 0);
  }

  terminate() {
    this.closed = true;
  }
}

/**
 * Starts one of the library's workers (in the page where workers cannot start).
 * @param {WorkerName} name
 * @returns {WorkerLike}
 */
export function startWorker(name) {
  if (!canStartWorkers()) return /** @type {WorkerLike} */ (/** @type {unknown} */ (new InPageWorker(name)));
  return new Worker(/** @type {string} */ (trustedScriptURL(SCRIPTS[name])), { type: 'module', name: `folio-${name}` });
}
