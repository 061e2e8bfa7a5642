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
// It renders every file with the core's `full` module: big files are what it is for, and
// `full` renders them 2–2.4× faster than `light` (built for size), with no `needs()` first.
// A page that has compiled it already may send it first (`{ core }`, the compiled full
// module): the worker then instantiates it and compiles nothing.

import { init, renderWhenReady } from './folio.js';
import { errorReply } from './render/messages.js';

let configured = false;

/**
 * Sets the worker's core once, before its first render: the full module, the page's
 * compiled one when it sent it.
 * @param {WebAssembly.Module} [compiled]
 */
function configure(compiled) {
  if (configured) return;
  configured = true;
  // Rendering starts with the first request; a failure shows there.
  init({ modules: ['full'], ...(compiled ? { wasm: { full: compiled } } : {}) }).catch(() => {});
}

self.addEventListener('message', async (event) => {
  if (event.data?.core instanceof WebAssembly.Module) {
    configure(event.data.core);
    return;
  }
  configure();
  const { id, input, options } = /** @type {import('./render/messages.js').RenderRequest} */ (event.data ?? {});
  try {
    const article = await renderWhenReady(input, options);
    // The text's and the HTML's bytes (`textBytes`, `htmlBytes`) are moved, not copied:
    // this worker keeps nothing.
    const { text, html_bytes: html } = /** @type {{ text?: unknown, html_bytes?: unknown }} */ (article);
    const own = (/** @type {unknown} */ bytes) => bytes instanceof Uint8Array && bytes.byteLength === bytes.buffer.byteLength;
    const transfer = [text, html].filter(own).map((bytes) => /** @type {ArrayBuffer} */ (/** @type {Uint8Array} */ (bytes).buffer));
    self.postMessage({ id, article }, { transfer });
  } catch (error) {
    self.postMessage(errorReply(id, error));
  }
});
