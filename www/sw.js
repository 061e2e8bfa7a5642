// Folio's service worker: keeps the app shell (pages, modules, styles, the core's
// WebAssembly; the list the build writes, shell-files.json) so that the viewer opens, and
// reads kept articles, with no network after the first visit. Same-origin GET requests
// go to the network first (so an update is seen at once) and fall back to the cache;
// every answer is cached as it passes. Registered by www/library/workers.js
// (registerOffline); a classic script, no imports.

const CACHE = 'folio-shell-v2';

/** This worker's global scope (typed: the page's DOM types do not know it). */
const scope = /** @type {{ location: Location, skipWaiting: () => Promise<void>, clients: { claim: () => Promise<void> } } & EventTarget} */ (/** @type {unknown} */ (self));

/**
 * The install, activate and fetch events' extras.
 * @typedef {Event & { waitUntil: (work: Promise<unknown>) => void, request: Request, respondWith: (response: Promise<Response>) => void }} WorkerEvent
 */

/** The list of the shell's files, relative to this file, written by the build
 * (scripts/shell-files.mjs): cached when the worker installs. */
const SHELL_LIST = 'shell-files.json';

scope.addEventListener('install', (/** @type {Event} */ e) => {
  const event = /** @type {WorkerEvent} */ (e);
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    /** @type {string[]} */
    let shell = [];
    try {
      const listed = await (await fetch(new URL(SHELL_LIST, scope.location.href), { cache: 'reload' })).json();
      if (Array.isArray(listed)) shell = listed.filter((path) => typeof path === 'string');
    } catch {
      // No list (a page served without `make build`): only what passes is cached.
    }
    // One by one: a file the shell no longer has must not stop the rest from being kept.
    await Promise.allSettled(['./', ...shell].map((path) => cache.add(new Request(new URL(path, scope.location.href), { cache: 'reload' }))));
    await scope.skipWaiting();
  })());
});

scope.addEventListener('activate', (/** @type {Event} */ e) => {
  const event = /** @type {WorkerEvent} */ (e);
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith('folio-shell-') && name !== CACHE) await caches.delete(name);
    await scope.clients.claim();
  })());
});

scope.addEventListener('fetch', (/** @type {Event} */ e) => {
  const event = /** @type {WorkerEvent} */ (e);
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
      return response;
    } catch (error) {
      // Offline: the cached copy; a page asked with another query (?lang=zh) gets its cached page.
      const cached = await cache.match(request) ?? await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      throw error;
    }
  })());
});
