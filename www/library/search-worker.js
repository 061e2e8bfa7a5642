// The library's search worker: holds the index (search-index.js), fed by the parse
// workers through their ports and asked by the page. Indexing here keeps the page's
// main thread free while thousands of articles come in.
// Messages: SearchRequest → SearchReply (messages.js).

import { SearchIndex } from './search-index.js';

const index = new SearchIndex();
/** @type {ReturnType<typeof setTimeout> | undefined} */
let announce;

/** Tells the page how many articles are indexed, at most every 100 ms. */
function indexed() {
  announce ??= setTimeout(() => {
    announce = undefined;
    self.postMessage({ type: 'indexed', documents: index.size });
  }, 100);
}

/**
 * @param {import('./messages.js').SearchRequest} request
 */
function handle(request) {
  switch (request.type) {
    case 'port':
      request.port.onmessage = (event) => handle(event.data);
      break;
    case 'add':
      index.add(request.docs);
      indexed();
      break;
    case 'remove':
      index.remove(request.paths);
      indexed();
      break;
    case 'clear':
      index.clear();
      indexed();
      break;
    case 'count':
      self.postMessage({ type: 'count', id: request.id, documents: index.size });
      break;
    case 'query': {
      const started = performance.now();
      const { hits, total } = index.search(request.query, request.limit);
      self.postMessage({ type: 'results', id: request.id, hits, total, ms: performance.now() - started });
      break;
    }
    default:
      break;
  }
}

self.addEventListener('message', (event) => handle(event.data));
