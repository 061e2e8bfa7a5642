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

import { FolioError, renderWhenReady } from './folio.js';

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
