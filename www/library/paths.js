// Paths inside an opened archive: every file gets one, normalized so that no name can
// escape its folder (zip slip), and a kind (article, image, other asset, or ignored).
// Pure functions: the same rules for folders, dropped files and .zip entries.

/** File name endings read as articles (lower case): the one list in www/, the CLI's
 * folder walk reads the same (tests/cli.rs holds them equal). */
export const ARTICLE_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd', '.mkdn', '.mdx', '.html', '.htm', '.xhtml', '.txt', '.text', '.rst', '.adoc', '.org'];

/** Raster and vector images an article may show (as object URLs). */
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg', '.bmp', '.ico'];

/** The longest path kept, in UTF-16 units; longer names are refused (no real archive has them). */
export const MAX_PATH_LENGTH = 1024;
/** The deepest folder nesting kept. */
export const MAX_DEPTH = 64;

/** Folder or file names that are tools' housekeeping, never content. */
const IGNORED_NAMES = new Set(['node_modules', '__MACOSX', 'Thumbs.db', 'desktop.ini']);

/** @typedef {'article' | 'image' | 'asset' | 'ignored'} FileKind */

/** A path of printable ASCII segments separated by single slashes, none of them `.` or `..`. */
const NORMAL_ASCII = /^(?!\.\.?(?:\/|$))[\x20-\x2e\x30-\x5b\x5d-\x7e]+(?:\/(?!\.\.?(?:\/|$))[\x20-\x2e\x30-\x5b\x5d-\x7e]+)*$/;

/**
 * Normalizes a path from a zip entry, a folder walk or `webkitRelativePath`:
 * backslashes become slashes, `.` and empty segments go, `..` climbs but never above
 * the archive's root, drive letters and leading slashes are dropped, Unicode is NFC.
 * Returns null for a name that cannot be a file: a folder entry (trailing slash),
 * NUL or other control characters, too long or too deep, or nothing left.
 * @param {string} name
 * @returns {string | null}
 */
export function normalizePath(name) {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_PATH_LENGTH) return null;
  // Most names are already normal: printable ASCII (so NFC as it is), no backslash, no
  // empty, `.` or `..` segment, no drive letter, not too deep. Checked without copying.
  if (NORMAL_ASCII.test(name) && !/^[A-Za-z]:/.test(name) && name.split('/').length <= MAX_DEPTH) return name;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return null;
  let path = name.normalize('NFC').replace(/\\/g, '/');
  if (path.endsWith('/')) return null;
  path = path.replace(/^[A-Za-z]:(?=\/|$)/, '');
  /** @type {string[]} */
  const parts = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  if (parts.length === 0 || parts.length > MAX_DEPTH) return null;
  return parts.join('/');
}

/**
 * The folder part of a path ('' at the root).
 * @param {string} path
 * @returns {string}
 */
export function dirname(path) {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/**
 * The last segment of a path.
 * @param {string} path
 * @returns {string}
 */
export function basename(path) {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The extension with its dot, lower case ('' when there is none).
 * @param {string} path
 * @returns {string}
 */
export function extension(path) {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

/**
 * The name without its extension (`2023-09-12.md` → `2023-09-12`).
 * @param {string} path
 * @returns {string}
 */
export function stem(path) {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? name : name.slice(0, dot);
}

/**
 * Joins a relative reference onto a folder and normalizes the result (null when it
 * climbs out of the archive or is not a file path).
 * @param {string} folder '' for the root
 * @param {string} relative
 * @returns {string | null}
 */
export function joinPath(folder, relative) {
  if (relative.startsWith('/')) return null;
  const climbs = folder === '' ? relative : `${folder}/${relative}`;
  // Climbing above the root is not clamped here: a link that leaves the archive points at nothing.
  let depth = 0;
  for (const segment of climbs.split('/')) {
    if (segment === '..') depth -= 1;
    else if (segment !== '' && segment !== '.') depth += 1;
    if (depth < 0) return null;
  }
  return normalizePath(climbs);
}

/**
 * What a file is to the library. Hidden files and folders (`.git`, `.obsidian`,
 * `.DS_Store`) and tool folders are ignored; articles by extension; everything else is
 * an asset that articles may point at (images shown, the rest linked).
 * @param {string} path a normalized path
 * @returns {FileKind}
 */
export function fileKind(path) {
  for (const segment of path.split('/')) {
    if (segment.startsWith('.') || IGNORED_NAMES.has(segment)) return 'ignored';
  }
  const ext = extension(path);
  if (ARTICLE_EXTENSIONS.includes(ext)) return 'article';
  if (IMAGE_EXTENSIONS.includes(ext)) return 'image';
  return 'asset';
}

/**
 * Whether a path names a .zip archive (opened as a folder of its entries).
 * @param {string} name
 * @returns {boolean}
 */
export function isZip(name) {
  return extension(name) === '.zip';
}

/**
 * Compares paths for display: folder by folder, numbers in names by value, case-insensitive.
 * @type {(a: string, b: string) => number}
 */
export const comparePaths = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;
