// Folio in a module worker: renders off the main thread, so a 10 MB article does not
// freeze the page. The viewer sends it every file of WORKER_MIN_BYTES (512 KiB) or more
// through www/render/worker-client.js, which also recovers when it traps or cannot start.
// Any page may use it the same way:
//
//   const worker = new Worker(new URL('./folio-worker.js', import.meta.url), { type: 'module' });
//   worker.postMessage({ id: 1, input: bytes, options: { fileName: 'post.md' } }, [bytes.buffer]);
//   worker.onmessage = ({ data }) => data.error ? fail(data.error) : show(data.article);
//
// The messages are defined in www/render/messages.js: `{ id, input, options }` in,
// `{ id, article }` or `{ id, error: { message, code, params } }` out (FolioError's code).
// A page that has compiled the core already may send it first (`{ core }`): the worker
// then instantiates that module and compiles nothing.

import { init, renderWhenReady } from './folio.js';
import { errorReply } from './render/messages.js';

self.addEventListener('message', async (event) => {
  if (event.data?.core instanceof WebAssembly.Module) {
    // Rendering starts with the first request; a failure shows there.
    init({ wasm: event.data.core }).catch(() => {});
    return;
  }
  const { id, input, options } = /** @type {import('./render/messages.js').RenderRequest} */ (event.data ?? {});
  try {
    self.postMessage({ id, article: await renderWhenReady(input, options) });
  } catch (error) {
    self.postMessage(errorReply(id, error));
  }
});
