// "Keep in this browser": the library's files (or, where the File System Access API
// gave them, its folders' handles) saved in IndexedDB, opt-in, and opened again on the
// next visit. A save is one IndexedDB transaction over everything, so it lands whole or
// not at all: a full disk (QuotaExceededError) leaves what was kept before untouched.
// What comes back is checked like a fresh file (paths normalized again, Blobs only) and
// goes through the same reading as anything opened.

import { normalizePath } from './paths.js';

const DB_NAME = 'folio-library';
const DB_VERSION = 1;
const FILES = 'files';
const META = 'meta';
const META_KEY = 'library';

/**
 * @typedef {object} KeptMeta
 * @property {number} version
 * @property {number} savedAt
 * @property {number} bytes
 * @property {number} files
 * @property {FileSystemDirectoryHandle[]} handles
 */

/** Why keeping failed; `code` is 'quota' (no room) or 'failed'. */
export class KeepError extends Error {
  /**
   * @param {'quota' | 'failed'} code
   * @param {string} message
   * @param {number} bytes what was being kept
   */
  constructor(code, message, bytes) {
    super(message);
    this.name = 'KeepError';
    this.code = code;
    this.bytes = bytes;
  }
}

/**
 * @param {IDBRequest | IDBTransaction} request
 * @returns {Promise<any>}
 */
function settled(request) {
  return new Promise((resolve, reject) => {
    if (request instanceof IDBTransaction) {
      request.oncomplete = () => resolve(undefined);
      request.onabort = () => reject(request.error ?? new DOMException('The transaction was aborted.', 'AbortError'));
      request.onerror = () => reject(request.error);
    } else {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    }
  });
}

/** @returns {Promise<IDBDatabase>} */
function openDb() {
  const request = indexedDB.open(DB_NAME, DB_VERSION);
  request.onupgradeneeded = () => {
    const db = request.result;
    if (!db.objectStoreNames.contains(FILES)) db.createObjectStore(FILES, { keyPath: 'path' });
    if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
  };
  return settled(request);
}

/**
 * @param {unknown} error
 * @returns {boolean}
 */
function isQuota(error) {
  const name = /** @type {any} */ (error)?.name;
  return name === 'QuotaExceededError' || /** @type {any} */ (error)?.inner?.name === 'QuotaExceededError';
}

/**
 * Keeps these files (replacing whatever was kept). All or nothing.
 * @param {{ path: string, file: Blob }[]} files
 * @param {FileSystemDirectoryHandle[]} [handles] folders to reopen instead of their files
 * @returns {Promise<KeptMeta>}
 * @throws {KeepError}
 */
export async function keep(files, handles = []) {
  const bytes = files.reduce((n, f) => n + f.file.size, 0);
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  if (estimate && typeof estimate.quota === 'number' && typeof estimate.usage === 'number' && bytes > estimate.quota - estimate.usage) {
    throw new KeepError('quota', `There is no room to keep ${bytes} bytes.`, bytes);
  }
  let db;
  try {
    db = await openDb();
  } catch (error) {
    throw new KeepError(isQuota(error) ? 'quota' : 'failed', `IndexedDB could not be opened: ${error}`, bytes);
  }
  try {
    const tx = db.transaction([FILES, META], 'readwrite');
    const done = settled(tx);
    try {
      const store = tx.objectStore(FILES);
      store.clear();
      for (const { path, file } of files) {
        store.put({ path, blob: file, size: file.size, name: file instanceof File ? file.name : path.slice(path.lastIndexOf('/') + 1), lastModified: file instanceof File ? file.lastModified : 0 });
      }
      /** @type {KeptMeta} */
      const meta = { version: 1, savedAt: Date.now(), bytes, files: files.length, handles };
      tx.objectStore(META).put(meta, META_KEY);
    } catch (error) {
      // Thrown while queueing (a value that cannot be stored, or no room): undo it all.
      try { tx.abort(); } catch { /* already finished */ }
      await done.catch(() => {});
      throw error;
    }
    await done;
    return { version: 1, savedAt: Date.now(), bytes, files: files.length, handles };
  } catch (error) {
    if (error instanceof KeepError) throw error;
    throw new KeepError(isQuota(error) ? 'quota' : 'failed', `Keeping failed: ${error}`, bytes);
  } finally {
    db.close();
  }
}

/**
 * What is kept: its size and count, or null when nothing is.
 * @returns {Promise<KeptMeta | null>}
 */
export async function kept() {
  const db = await openDb();
  try {
    const meta = await settled(db.transaction(META).objectStore(META).get(META_KEY));
    return isMeta(meta) ? meta : null;
  } finally {
    db.close();
  }
}

/**
 * @param {any} meta
 * @returns {meta is KeptMeta}
 */
function isMeta(meta) {
  return Boolean(meta) && typeof meta === 'object' && meta.version === 1 && Number.isFinite(meta.bytes) && Number.isFinite(meta.files)
    && Array.isArray(meta.handles);
}

/**
 * The kept files, each checked: a path that is not already normalized, a value that is
 * not a Blob, or a size that does not match is dropped (and counted).
 * @returns {Promise<{ files: { path: string, file: File }[], rejected: number, handles: FileSystemDirectoryHandle[] }>}
 */
export async function restore() {
  const db = await openDb();
  try {
    const tx = db.transaction([FILES, META]);
    const [records, meta] = await Promise.all([
      settled(tx.objectStore(FILES).getAll()),
      settled(tx.objectStore(META).get(META_KEY)),
    ]);
    if (!isMeta(meta)) return { files: [], rejected: 0, handles: [] };
    /** @type {{ path: string, file: File }[]} */
    const files = [];
    let rejected = 0;
    for (const record of Array.isArray(records) ? records : []) {
      const path = record && typeof record.path === 'string' ? record.path : '';
      const blob = record?.blob;
      if (!path || normalizePath(path) !== path || !(blob instanceof Blob) || blob.size !== record.size) {
        rejected += 1;
        continue;
      }
      const name = typeof record.name === 'string' && record.name && !record.name.includes('/') ? record.name : path.slice(path.lastIndexOf('/') + 1);
      const lastModified = Number.isFinite(record.lastModified) ? record.lastModified : 0;
      files.push({ path, file: blob instanceof File ? blob : new File([blob], name, { lastModified }) });
    }
    const handles = meta.handles.filter((h) => h && typeof h === 'object' && /** @type {any} */ (h).kind === 'directory');
    return { files, rejected, handles };
  } finally {
    db.close();
  }
}

/** Forgets everything kept. */
export async function forget() {
  const db = await openDb();
  try {
    const tx = db.transaction([FILES, META], 'readwrite');
    tx.objectStore(FILES).clear();
    tx.objectStore(META).delete(META_KEY);
    await settled(tx);
  } finally {
    db.close();
  }
}
