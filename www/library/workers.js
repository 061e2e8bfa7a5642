// Starts the library's module workers and registers the service worker (../sw.js). On a
// page that requires Trusted Types their script URLs pass one policy, `folio-library`,
// which vouches for exactly these four files and nothing else (the page's CSP must
// allow the name).

/** The library's worker scripts, by name. */
const SCRIPTS = {
  zip: new URL('./zip-worker.js', import.meta.url).href,
  parse: new URL('./parse-worker.js', import.meta.url).href,
  search: new URL('./search-worker.js', import.meta.url).href,
  offline: new URL('../sw.js', import.meta.url).href,
};

/** @typedef {keyof typeof SCRIPTS} WorkerName */

/** @type {{ createScriptURL: (url: string) => any } | null} */
let policy = null;

/**
 * The script URL of one of the library's workers, trusted where Trusted Types exist.
 * @param {WorkerName} name
 * @returns {any} a TrustedScriptURL, or the URL string where Trusted Types do not exist
 */
function scriptURL(name) {
  const tt = /** @type {any} */ (globalThis).trustedTypes;
  if (!tt) return SCRIPTS[name];
  if (!policy) {
    const allowed = new Set(Object.values(SCRIPTS));
    policy = tt.createPolicy('folio-library', {
      createScriptURL: (/** @type {string} */ url) => {
        if (!allowed.has(url)) throw new TypeError(`The folio-library policy does not load ${url}.`);
        return url;
      },
    });
  }
  return /** @type {any} */ (policy).createScriptURL(SCRIPTS[name]);
}

/**
 * Registers the service worker that keeps the app shell for offline use (www/sw.js,
 * scope: the folder it lies in). Resolves to null where service workers do not exist.
 * @returns {Promise<ServiceWorkerRegistration | null>}
 */
export function registerOffline() {
  if (!('serviceWorker' in navigator)) return Promise.resolve(null);
  return navigator.serviceWorker.register(scriptURL('offline'));
}

/**
 * Starts one of the library's workers.
 * @param {Exclude<WorkerName, 'offline'>} name
 * @returns {Worker}
 */
export function startWorker(name) {
  return new Worker(scriptURL(name), { type: 'module', name: `folio-${name}` });
}
