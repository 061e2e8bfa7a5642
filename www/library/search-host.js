// The search worker's work, in one function that runs in the worker (search-worker.js)
// or in the page where workers cannot start (workers.js): holds the index
// (search-index.js), fed by the parse workers through their ports and asked by the page.
// Messages: SearchRequest → SearchReply (messages.js).

import { SearchIndex } from './search-index.js';

/** How often, at most, the page is told how many articles are indexed, in ms. */
const ANNOUNCE_MS = 100;

/**
 * The search worker's message handler.
 * @param {(reply: import('./messages.js').SearchReply) => void} post
 * @returns {(request: import('./messages.js').SearchRequest) => void}
 */
export function searchHost(post) {
  const index = new SearchIndex();
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let announce;
  const indexed = () => {
    announce ??= setTimeout(() => {
      announce = undefined;
      post({ type: 'indexed', documents: index.size });
    }, ANNOUNCE_MS);
  };
  /** @param {import('./messages.js').SearchRequest} request */
  const handle = (request) => {
    switch (request?.type) {
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
        post({ type: 'count', id: request.id, documents: index.size });
        break;
      case 'texts':
        post({ type: 'texts', id: request.id, texts: index.wholeTexts() });
        break;
      case 'query': {
        const started = performance.now();
        const { hits, total } = index.search(request.query, request.limit);
        post({ type: 'results', id: request.id, hits, total, ms: performance.now() - started });
        break;
      }
      default:
        break;
    }
  };
  return handle;
}
