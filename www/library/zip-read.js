// Reads a .zip archive's entries with fflate, refusing archives that would blow up:
// every bound is checked on the central directory before anything is inflated, and
// fflate inflates each entry into a buffer of its declared size, so an entry that lies
// about its size is cut there, never grown past it. Names are read as their writer meant
// them (zip-names.js: UTF-8 without the flag, a legacy code page) and normalized (paths.js)
// so that no entry escapes the archive. Pure (no DOM): runs in the zip worker and in Node.

import { unzipSync } from '../vendor/fflate/esm/browser.js';
import { normalizePath } from './paths.js';
import { entryName, storedNames } from './zip-names.js';

/**
 * @typedef {object} ZipLimits
 * @property {number} maxEntries      Files in one archive.
 * @property {number} maxTotalBytes   Uncompressed bytes of all the files kept.
 * @property {number} maxEntryBytes   Uncompressed bytes of one file.
 * @property {number} maxRatio        Uncompressed / compressed, for entries above `ratioFloor`.
 * @property {number} ratioFloor      Entries smaller than this are never refused for their ratio.
 */

/** @type {ZipLimits} */
export const DEFAULT_ZIP_LIMITS = Object.freeze({
  maxEntries: 50_000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxEntryBytes: 256 * 1024 * 1024,
  // Text deflates 3–10×, a page of one repeated character about 1000×; bombs go to millions.
  maxRatio: 1000,
  ratioFloor: 1024 * 1024,
});

/** Why an archive was refused or could not be read; `code` is for the UI's strings. */
export class ZipError extends Error {
  /**
   * @param {'zip-too-many' | 'zip-too-large' | 'zip-entry-too-large' | 'zip-bomb' | 'zip-unreadable'} code
   * @param {string} message English, for logs and the CLI
   * @param {Record<string, string>} params what the message names, for other languages
   */
  constructor(code, message, params = {}) {
    super(message);
    this.name = 'ZipError';
    this.code = code;
    this.params = params;
  }
}

/**
 * @typedef {object} ZipEntry
 * @property {string} path   Normalized path inside the archive.
 * @property {Uint8Array} bytes
 */

/**
 * @typedef {object} ZipContents
 * @property {ZipEntry[]} entries  Files, in archive order; a later entry with the same path replaces an earlier one.
 * @property {string[]} skipped    Names that were not kept (folders excluded): unusable names.
 */

/**
 * Lists and inflates a zip archive's files.
 * @param {Uint8Array} data the whole archive
 * @param {Partial<ZipLimits>} [limits]
 * @param {readonly string[]} [languages]  The reader's languages: the code page a name
 *   without the UTF-8 flag is tried in first (zip-names.js).
 * @returns {ZipContents}
 * @throws {ZipError}
 */
export function readZip(data, limits = {}, languages = globalThis.navigator?.languages ?? []) {
  const bounds = { ...DEFAULT_ZIP_LIMITS, ...limits };
  const stored = storedNames(data);
  let index = 0;
  /** @type {Map<string, string>} raw name → normalized path, for the entries to keep */
  const keep = new Map();
  /** @type {string[]} */
  const skipped = [];
  let files = 0;
  let total = 0;
  try {
    // First pass: the central directory only (the filter says no to everything).
    unzipSync(data, {
      filter(entry) {
        const name = entryName(entry.name, stored?.[index], languages);
        index += 1;
        if (name.endsWith('/') || name.endsWith('\\')) return false;
        files += 1;
        if (files > bounds.maxEntries) {
          throw new ZipError('zip-too-many', `The archive holds more than ${bounds.maxEntries} files.`, { limit: String(bounds.maxEntries) });
        }
        const path = normalizePath(name);
        if (path === null) {
          skipped.push(name);
          return false;
        }
        if (entry.originalSize > bounds.maxEntryBytes) {
          throw new ZipError('zip-entry-too-large', `“${path}” would be ${entry.originalSize} bytes unpacked, more than the ${bounds.maxEntryBytes} allowed for one file.`,
            { name: path, size: String(entry.originalSize), limit: String(bounds.maxEntryBytes) });
        }
        if (entry.originalSize > bounds.ratioFloor && entry.originalSize / Math.max(entry.size, 1) > bounds.maxRatio) {
          throw new ZipError('zip-bomb', `“${path}” would unpack ${Math.round(entry.originalSize / Math.max(entry.size, 1))} times its packed size: the archive looks like a zip bomb.`,
            { name: path, ratio: String(Math.round(entry.originalSize / Math.max(entry.size, 1))) });
        }
        total += entry.originalSize;
        if (total > bounds.maxTotalBytes) {
          throw new ZipError('zip-too-large', `The archive would unpack to more than ${bounds.maxTotalBytes} bytes.`, { limit: String(bounds.maxTotalBytes) });
        }
        keep.set(entry.name, path);
        return false;
      },
    });
    if (keep.size === 0) return { entries: [], skipped };
    // Second pass: inflate what was kept, each into a buffer of its declared size.
    const inflated = unzipSync(data, { filter: (entry) => keep.has(entry.name) });
    /** @type {Map<string, ZipEntry>} */
    const byPath = new Map();
    for (const [name, bytes] of Object.entries(inflated)) {
      const path = /** @type {string} */ (keep.get(name));
      byPath.delete(path);
      byPath.set(path, { path, bytes });
    }
    return { entries: [...byPath.values()], skipped };
  } catch (error) {
    if (error instanceof ZipError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ZipError('zip-unreadable', `The archive could not be read: ${reason}.`, { reason });
  }
}
