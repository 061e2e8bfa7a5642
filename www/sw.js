// Folio's service worker: keeps the app shell (pages, modules, styles, the core's
// WebAssembly) so that the viewer opens, and reads kept articles, with no network after
// the first visit. Same-origin GET requests go to the network first (so an update is seen
// at once) and fall back to the cache; every answer is cached as it passes. Registered by
// www/library/workers.js (registerOffline); a classic script, no imports.

const CACHE = 'folio-shell-v1';

/** The shell, relative to this file: cached when the worker installs. A missing file is skipped. */
const SHELL = [
  './',
  'index.html',
  'style.css',
  'favicon.svg',
  'manifest.webmanifest',
  'app.js',
  'dates.js',
  'drop.js',
  'folio.js',
  'folio-article.js',
  'folio-worker.js',
  'i18n.js',
  'view.js',
  'worker-client.js',
  'pkg/folio.js',
  'pkg/folio_bg.wasm',
  'library/fixture.html',
  'library/library.css',
  'library/dom.js',
  'library/extract.js',
  'library/fixture.js',
  'library/highlight.js',
  'library/keep-view.js',
  'library/keep.js',
  'library/library.js',
  'library/links.js',
  'library/list-view.js',
  'library/messages.js',
  'library/open.js',
  'library/parse-worker.js',
  'library/paths.js',
  'library/pool.js',
  'library/progress-view.js',
  'library/resolve.js',
  'library/search-index.js',
  'library/search-view.js',
  'library/search-worker.js',
  'library/search.js',
  'library/strings.js',
  'library/tokenize.js',
  'library/tree-view.js',
  'library/tree.js',
  'library/workers.js',
  'library/zip-read.js',
  'library/zip-worker.js',
  'library/vendor/fflate.js',
  'library/vendor/minisearch.js',
  'library/vendor/stemmer.js',
];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // One by one: a file the shell no longer has must not stop the rest from being kept.
    await Promise.allSettled(SHELL.map((path) => cache.add(new Request(new URL(path, self.location.href), { cache: 'reload' }))));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name.startsWith('folio-shell-') && name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
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
