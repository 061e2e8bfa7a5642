// Everything a person can open becomes a list of { path, file }: files and folders picked
// with an <input> (webkitRelativePath), dropped (File System Access handles where the
// browser gives them, else webkitGetAsEntry), and .zip archives, unpacked in the zip
// worker. Paths are normalized (paths.js); hidden and tool folders are never walked.

import { errorInfo } from './messages.js';
import { fileKind, isZip, normalizePath, stem } from './paths.js';
import { startWorker } from './workers.js';

/**
 * @typedef {object} OpenedFile
 * @property {string} path  Normalized path inside what was opened.
 * @property {File} file
 * @property {boolean} [loose]  Opened on its own, not inside a folder or zip.
 * @property {string} [baseUrl]  Fetched from this URL.
 * @property {boolean} [transient]  Not to be kept in the browser.
 */

/**
 * What a drop or a pick held before folders are walked and zips unpacked.
 * @typedef {{ kind: 'file', file: File, path: string }
 *   | { kind: 'entry', entry: FileSystemDirectoryEntry }
 *   | { kind: 'handle', handle: FileSystemDirectoryHandle }} Picked
 */

/**
 * Takes what a drop holds. Must be called synchronously in the `drop` handler (the
 * DataTransfer empties after it); walking happens later, in `expand`.
 * @param {DataTransfer} transfer
 * @returns {Promise<Picked[]>}
 */
export function pickedFromDrop(transfer) {
  /** @type {Promise<Picked | null>[]} */
  const picks = [];
  for (const item of Array.from(transfer.items ?? [])) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    const file = item.getAsFile();
    const anyItem = /** @type {any} */ (item);
    if (entry?.isDirectory && typeof anyItem.getAsFileSystemHandle === 'function') {
      // A handle can be kept in IndexedDB and walked again after a reload.
      picks.push(anyItem.getAsFileSystemHandle().then(
        (/** @type {FileSystemHandle | null} */ handle) => handle?.kind === 'directory'
          ? { kind: 'handle', handle: /** @type {FileSystemDirectoryHandle} */ (handle) }
          : { kind: 'entry', entry: /** @type {FileSystemDirectoryEntry} */ (entry) },
        () => ({ kind: 'entry', entry: /** @type {FileSystemDirectoryEntry} */ (entry) }),
      ));
    } else if (entry?.isDirectory) {
      picks.push(Promise.resolve({ kind: 'entry', entry: /** @type {FileSystemDirectoryEntry} */ (entry) }));
    } else if (file) {
      picks.push(Promise.resolve({ kind: 'file', file, path: file.name }));
    }
  }
  if (!picks.length) {
    for (const file of Array.from(transfer.files ?? [])) picks.push(Promise.resolve({ kind: 'file', file, path: file.name }));
  }
  return Promise.all(picks).then((list) => /** @type {Picked[]} */ (list.filter(Boolean)));
}

/**
 * Takes what an `<input type=file>` holds (with `webkitdirectory`, each file's path).
 * @param {FileList | File[]} files
 * @returns {Picked[]}
 */
export function pickedFromInput(files) {
  return Array.from(files, (file) => ({ kind: 'file', file, path: file.webkitRelativePath || file.name }));
}

/**
 * @typedef {object} ExpandHooks
 * @property {(files: OpenedFile[]) => void} onFiles  Called with each batch as it is found.
 * @property {(name: string, error: import('./messages.js').LibraryErrorInfo) => void} onError  A zip or folder that could not be read.
 * @property {(file: File) => AsyncIterable<OpenedFile[]>} [unzip]  Default: the zip worker.
 */

/**
 * Walks folders and unpacks zips, handing files over in batches as they are found. Files
 * (and a folder picker's files) come first, at once, before any folder is walked. Zips
 * opened at the top level are unpacked (into a folder named after the zip when several
 * things were opened together); a zip inside a folder stays an asset.
 * @param {Picked[]} picked
 * @param {ExpandHooks} hooks
 * @returns {Promise<void>}
 */
export async function expand(picked, { onFiles, onError, unzip = unzipInWorker }) {
  const isTopZip = (/** @type {Picked} */ pick) => pick.kind === 'file' && isZip(pick.path) && !pick.path.includes('/');
  /** @type {OpenedFile[]} */
  const files = [];
  for (const pick of picked) {
    if (pick.kind !== 'file' || isTopZip(pick)) continue;
    const path = normalizePath(pick.path);
    if (path) files.push({ path, file: pick.file, loose: !pick.path.includes('/') });
  }
  // Ten thousand picked files are added 250 per task, so that the page keeps answering
  // (no task near 50 ms) while the list and the tree take them in.
  for (let at = 0; at < files.length; at += FILES_PER_TASK) {
    if (at) await new Promise((resolve) => setTimeout(resolve, 0));
    onFiles(files.slice(at, at + FILES_PER_TASK));
  }
  for (const pick of picked) {
    if (pick.kind === 'handle') {
      await walkHandle(pick.handle, pick.handle.name, onFiles, onError);
    } else if (pick.kind === 'entry') {
      await walkEntry(pick.entry, onFiles, onError);
    } else if (isTopZip(pick)) {
      const prefix = picked.length > 1 ? `${stem(pick.path)}/` : '';
      try {
        for await (const batch of unzip(pick.file)) {
          onFiles(batch.flatMap((f) => {
            const path = normalizePath(prefix + f.path);
            return path && fileKind(path) !== 'ignored' ? [{ path, file: f.file }] : [];
          }));
        }
      } catch (error) {
        onError(pick.path, errorInfo(error, 'zip-unreadable'));
      }
    }
  }
}

/** Picked files added to the library in one task, at most. */
const FILES_PER_TASK = 250;

/** How many folder reads run at once while walking. */
const WALK_PARALLEL = 16;

/**
 * Walks a dropped folder through the old entries API, in parallel within each folder.
 * @param {FileSystemDirectoryEntry} root
 * @param {(files: OpenedFile[]) => void} onFiles
 * @param {(name: string, error: import('./messages.js').LibraryErrorInfo) => void} onError
 */
async function walkEntry(root, onFiles, onError) {
  /** @type {FileSystemDirectoryEntry[]} */
  const folders = [root];
  while (folders.length) {
    const round = folders.splice(0, WALK_PARALLEL);
    const found = await Promise.all(round.map(async (dir) => {
      /** @type {OpenedFile[]} */
      const files = [];
      let children;
      try {
        children = await readAllEntries(dir);
      } catch (error) {
        onError(dir.fullPath, errorInfo(error, 'folder-unreadable'));
        return files;
      }
      await Promise.all(children.map(async (child) => {
        const path = normalizePath(child.fullPath);
        if (!path || fileKind(path) === 'ignored') return;
        if (child.isDirectory) {
          folders.push(/** @type {FileSystemDirectoryEntry} */ (child));
          return;
        }
        try {
          const file = await new Promise((ok, fail) => /** @type {FileSystemFileEntry} */ (child).file(ok, fail));
          files.push({ path, file });
        } catch {
          // A file that vanished while walking is left out; the rest open.
        }
      }));
      return files;
    }));
    const batch = found.flat();
    if (batch.length) onFiles(batch);
  }
}

/**
 * readEntries() returns a folder's entries in batches until an empty one.
 * @param {FileSystemDirectoryEntry} dir
 * @returns {Promise<FileSystemEntry[]>}
 */
async function readAllEntries(dir) {
  const reader = dir.createReader();
  /** @type {FileSystemEntry[]} */
  const all = [];
  for (;;) {
    const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
    if (!batch.length) return all;
    all.push(...batch);
  }
}

/**
 * Walks a directory handle (File System Access API).
 * @param {FileSystemDirectoryHandle} dir
 * @param {string} prefix the folder's path
 * @param {(files: OpenedFile[]) => void} onFiles
 * @param {(name: string, error: import('./messages.js').LibraryErrorInfo) => void} onError
 */
export async function walkHandle(dir, prefix, onFiles, onError) {
  /** @type {OpenedFile[]} */
  const files = [];
  /** @type {Promise<void>[]} */
  const pending = [];
  try {
    for await (const child of /** @type {any} */ (dir).values()) {
      const path = normalizePath(`${prefix}/${child.name}`);
      if (!path || fileKind(path) === 'ignored') continue;
      if (child.kind === 'directory') {
        pending.push(walkHandle(child, path, onFiles, onError));
      } else {
        pending.push(child.getFile().then((/** @type {File} */ file) => { files.push({ path, file }); }, () => {}));
      }
    }
  } catch (error) {
    onError(prefix, errorInfo(error, 'folder-unreadable'));
  }
  await Promise.all(pending);
  if (files.length) onFiles(files);
}

/** The zip worker, started on the first zip and kept. @type {import('./workers.js').WorkerLike | null} */
let zipWorker = null;
let zipIds = 0;

/**
 * Unpacks a zip in the zip worker, yielding its entries in batches.
 * @param {File} file
 * @returns {AsyncIterable<OpenedFile[]>}
 */
export async function* unzipInWorker(file) {
  const worker = zipWorker ?? startWorker('zip');
  zipWorker = worker;
  const id = ++zipIds;
  /** @type {import('./messages.js').ZipReply[]} */
  const queue = [];
  /** @type {(() => void) | null} */
  let wake = null;
  const onMessage = (/** @type {MessageEvent} */ event) => {
    if (event.data?.id !== id) return;
    queue.push(event.data);
    wake?.();
  };
  const onError = (/** @type {Event} */ event) => {
    event.preventDefault?.();
    queue.push({ id, type: 'error', error: { code: 'zip-unreadable', message: 'The zip worker failed.', params: { reason: 'worker' } } });
    zipWorker = null;
    wake?.();
  };
  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', onError);
  worker.postMessage({ id, file });
  try {
    for (;;) {
      if (!queue.length) await new Promise((ok) => { wake = () => ok(undefined); });
      wake = null;
      const reply = /** @type {import('./messages.js').ZipReply} */ (queue.shift());
      if (reply.type === 'entries') yield reply.entries;
      else if (reply.type === 'done') return;
      else if (reply.type === 'error') throw Object.assign(new Error(reply.error.message), { code: reply.error.code, params: reply.error.params });
    }
  } finally {
    worker.removeEventListener('message', onMessage);
    worker.removeEventListener('error', onError);
  }
}

/**
 * Writes a library into the single-file viewer, in the zip worker (archive.js).
 * @param {import('./messages.js').PackRequest} pack
 * @returns {Promise<Blob>}
 */
export function packInWorker(pack) {
  const worker = zipWorker ?? startWorker('zip');
  zipWorker = worker;
  const id = ++zipIds;
  return new Promise((resolve, reject) => {
    const onMessage = (/** @type {MessageEvent} */ event) => {
      /** @type {import('./messages.js').ZipReply} */
      const reply = event.data;
      if (!reply || reply.id !== id) return;
      worker.removeEventListener('message', onMessage);
      if (reply.type === 'packed') {
        resolve(reply.blob);
      } else if (reply.type === 'error') {
        const { message, code, params } = reply.error;
        reject(Object.assign(new Error(message), { code, params }));
      }
    };
    worker.addEventListener('message', onMessage);
    worker.postMessage({ id, type: 'pack', pack });
  });
}
