// Folio in a module worker: renders off the main thread, so a 10 MB article does not
// freeze the page. Not wired into the viewer yet (see README "Performance").
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
    await init();
    self.postMessage({ id, article: render(input, options) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = error instanceof FolioError ? error.code : 'unreadable';
    self.postMessage({ id, error: { message, code } });
  }
});
