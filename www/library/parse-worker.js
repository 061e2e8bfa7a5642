// One of the library's parse workers: reads a File, renders it with the core
// (renderWhenReady, with the body's text), answers the page with the article's summary
// (never its HTML) and sends its text to the search worker through the port the pool
// gives it, so the page's main thread never carries the text. Asked for a `full`
// render (an article the reader opens), it answers with the whole Article instead.
// Messages: ParseRequest → ParseReply; IndexDoc batches → the search port (messages.js).

import { FolioError, init, renderWhenReady } from '../folio.js';
import { errorInfo } from './messages.js';
import { summarize } from './extract.js';

/** @type {MessagePort | null} */
let searchPort = null;
/** @type {import('./messages.js').IndexDoc[]} */
let pendingDocs = [];
/** @type {ReturnType<typeof setTimeout> | undefined} */
let flushTimer;

/** Sends the waiting index documents in one message. */
function flush() {
  flushTimer = undefined;
  if (searchPort && pendingDocs.length) searchPort.postMessage({ type: 'add', docs: pendingDocs });
  pendingDocs = [];
}

self.addEventListener('message', async (event) => {
  const data = event.data ?? {};
  if (data.type === 'port') {
    searchPort = data.port;
    return;
  }
  if (data.type === 'warm') {
    // Compile the core now, so that the first file opened does not wait for it.
    init().catch(() => {});
    return;
  }
  const { id, path, file, full } = /** @type {import('./messages.js').ParseRequest} */ (data);
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const fileName = path.slice(path.lastIndexOf('/') + 1);
    if (full) {
      // The reader opened this article: the whole Article, HTML included.
      self.postMessage({ id, article: await renderWhenReady(bytes, { fileName }) });
      return;
    }
    const article = await renderWhenReady(bytes, /** @type {any} */ ({ fileName, includeText: true }));
    const { summary, text } = summarize(path, article);
    self.postMessage({ id, summary });
    pendingDocs.push({
      path,
      title: summary.title ?? '',
      tags: [...summary.tags, ...summary.categories].join(' '),
      authors: summary.authors.join(' '),
      text,
    });
    // Batched: one message per ~25 articles or 50 ms, whichever comes first.
    if (pendingDocs.length >= 25) flush();
    else flushTimer ??= setTimeout(flush, 50);
  } catch (error) {
    const info = errorInfo(error, 'unreadable');
    if (error instanceof FolioError) info.code = /** @type {any} */ (error).code;
    self.postMessage({ id, path, error: info });
  }
});
