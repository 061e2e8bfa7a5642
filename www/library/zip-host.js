// The zip worker's work, in one function that runs in the worker (zip-worker.js) or in
// the page where workers cannot start (workers.js): opens an archive (zip-read.js) and
// answers with its entries as Files, in batches, so the page never holds the inflated
// bytes; and writes a library into the single-file viewer (archive.js), answering with
// the HTML file as a Blob.
// Messages: ZipRequest → ZipReply* (messages.js).

import { blockElements, toBlocks, writeArchive } from './archive.js';
import { errorInfo } from './messages.js';
import { readZip } from './zip-read.js';

/** Entries per message: big enough to be cheap, small enough to show progress. */
const BATCH = 500;

/**
 * The zip worker's message handler.
 * @param {(reply: import('./messages.js').ZipReply) => void} post
 * @returns {(request: import('./messages.js').ZipRequest) => Promise<void>}
 */
export function zipHost(post) {
  return async (request) => {
    if ('pack' in request) {
      try {
        post({ id: request.id, type: 'packed', blob: await pack(request.pack) });
      } catch (error) {
        post({ id: request.id, type: 'error', error: errorInfo(error, 'pack-failed') });
      }
      return;
    }
    const { id, file, limits } = request;
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
          post({ id, type: 'entries', entries: batch });
          batch = [];
        }
      }
      if (batch.length) post({ id, type: 'entries', entries: batch });
      post({ id, type: 'done', count: entries.length, skipped });
    } catch (error) {
      post({ id, type: 'error', error: errorInfo(error, 'zip-unreadable') });
    }
  };
}

/**
 * The single-file viewer with the library in it: its archive blocks before `</body>`.
 * @param {import('./messages.js').PackRequest} request
 * @returns {Promise<Blob>}
 */
async function pack({ template, title, generator, files, articles, docs, engine = null }) {
  const end = template.lastIndexOf('</body>');
  if (end < 0) throw new Error('The viewer page has no </body>.');
  const read = await Promise.all(files.map(async ({ path, file, kind }) => ({ path, kind, bytes: new Uint8Array(await file.arrayBuffer()) })));
  const zip = writeArchive({ title, generator, files: read, articles, docs, engine });
  return new Blob([template.slice(0, end), ...blockElements(toBlocks(zip)), template.slice(end)], { type: 'text/html' });
}
