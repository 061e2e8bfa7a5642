// A module worker that opens .zip archives (zip-read.js) off the main thread and sends
// the entries back as Files in batches, so the page never holds the inflated bytes.
// Messages: ZipRequest → ZipReply (messages.js).

import { errorInfo } from './messages.js';
import { readZip } from './zip-read.js';

/** Entries per message: big enough to be cheap, small enough to show progress. */
const BATCH = 500;

self.addEventListener('message', async (event) => {
  const { id, file, limits } = /** @type {import('./messages.js').ZipRequest} */ (event.data ?? {});
  try {
    const { entries, skipped } = readZip(new Uint8Array(await file.arrayBuffer()), limits);
    /** @type {{ path: string, file: File }[]} */
    let batch = [];
    for (let i = 0; i < entries.length; i++) {
      const { path, bytes } = entries[i];
      batch.push({ path, file: new File([/** @type {Uint8Array<ArrayBuffer>} */ (bytes)], path.slice(path.lastIndexOf('/') + 1)) });
      // @ts-ignore: let the inflated bytes go as soon as their File holds a copy.
      entries[i] = null;
      if (batch.length === BATCH) {
        self.postMessage({ id, type: 'entries', entries: batch });
        batch = [];
      }
    }
    if (batch.length) self.postMessage({ id, type: 'entries', entries: batch });
    self.postMessage({ id, type: 'done', count: entries.length, skipped });
  } catch (error) {
    self.postMessage({ id, type: 'error', error: errorInfo(error, 'zip-unreadable') });
  }
});
