// Folio in a module worker: renders off the main thread, so a 10 MB article does not
// freeze the page. The viewer sends it every file of WORKER_MIN_BYTES (512 KiB) or more
// through www/worker-client.js, which also recovers when it traps or cannot start.
// Any page may use it the same way:
//
//   const worker = new Worker(new URL('./folio-worker.js', import.meta.url), { type: 'module' });
//   worker.postMessage({ id: 1, input: bytes, options: { fileName: 'post.md' } }, [bytes.buffer]);
//   worker.onmessage = ({ data }) => data.error ? fail(data.error.message) : show(data.article);
//
// Each request is `{ id, input, options }` (input: string or Uint8Array, as for render());
// each reply is `{ id, article }` or `{ id, error: { message, code } }` (code as FolioError's).

import { init, render, FolioError } from './folio.js';

self.addEventListener('message', async (event) => {
  const { id, input, options } = event.data ?? {};
  try {
    self.postMessage({ id, article: await renderWhenReady(input, options) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = error instanceof FolioError ? error.code : 'unreadable';
    self.postMessage({ id, error: { message, code } });
  }
});

/**
 * `await init()`, then render(); once more if a request before this one trapped in
 * between (requests that arrive together all wait on one init(), and a trap takes the
 * instance away: render() throws 'not-ready' until the fresh one is up).
 * @param {string | Uint8Array} input
 * @param {import('./folio.js').RenderOptions} [options]
 */
async function renderWhenReady(input, options) {
  await init();
  try {
    return render(input, options);
  } catch (error) {
    if (!(error instanceof FolioError) || error.code !== 'not-ready') throw error;
    await init();
    return render(input, options);
  }
}
