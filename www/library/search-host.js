// The search worker's work, in one function that runs in the worker (search-worker.js)
// or in the page where workers cannot start (workers.js): holds the index
// (search-index.js), fed by the parse workers through their ports and asked by the page.
// The index's engine is the Rust module (search-wasm.js) where it loads, else MiniSearch;
// messages wait, in order, until it is ready.
// Messages: SearchRequest → SearchReply (messages.js).

import { SearchIndex } from './search-index.js';
import { WasmEngine, canFetchModule } from './search-wasm.js';

/**
 * The index, on the Rust engine where its module loads (MiniSearch otherwise).
 * @returns {Promise<SearchIndex>}
 */
export async function createIndex() {
  if (!canFetchModule()) return new SearchIndex();
  try {
    return new SearchIndex(await WasmEngine.load());
  } catch {
    return new SearchIndex();
  }
}

/** How often, at most, the page is told how many articles are indexed, in ms. */
const ANNOUNCE_MS = 100;

/**
 * The search worker's message handler.
 * @param {(reply: import('./messages.js').SearchReply) => void} post
 * @param {Promise<SearchIndex>} [made]  The index (default: createIndex()).
 * @returns {(request: import('./messages.js').SearchRequest) => void}
 */
export function searchHost(post, made = createIndex()) {
  /** @type {SearchIndex} */
  let index;
  /** Requests run in the order they came, once the index is made. */
  let queue = made.then((ready) => { index = ready; });
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
    // A failing request is reported (thrown in a task of its own) without stopping the next.
    queue = queue.then(() => run(request)).catch((error) => {
      setTimeout(() => { throw error; });
    });
  };
  /** @param {import('./messages.js').SearchRequest} request */
  const run = (request) => {
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
      case 'engine':
        // The module's bytes, from the page's own archive (a page from file:// cannot fetch
        // it): taken while nothing is indexed yet and the index runs on MiniSearch.
        if (index.engine.name !== 'rust' && index.size === 0) {
          return WasmEngine.load(/** @type {Uint8Array<ArrayBuffer>} */ (request.wasm)).then((engine) => { index = new SearchIndex(engine); }, () => {});
        }
        break;
      case 'count':
        post({ type: 'count', id: request.id, documents: index.size });
        break;
      case 'texts':
        post({ type: 'texts', id: request.id, texts: index.wholeTexts() });
        break;
      case 'details':
        post({ type: 'details', id: request.id, details: index.details(request.query, request.paths) });
        break;
      case 'query': {
        const started = performance.now();
        const { hits, total } = index.search(request.query, request.limit, request.snippets ?? request.limit);
        post({ type: 'results', id: request.id, hits, total, ms: performance.now() - started, engine: index.engine.name });
        break;
      }
      default:
        break;
    }
  };
  return handle;
}
