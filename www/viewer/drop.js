// Drag and drop anywhere on the page: `[dragging]` on the drop zone while files hover,
// and a drop turned into a list of files, walking dropped folders where the browser
// exposes them (webkitGetAsEntry). Inside folders only article-like files are kept;
// files dropped one by one are all kept (a wrong one gets a clear error).

/** File name endings that look like articles. */
export const ARTICLE_EXTENSIONS = ['.md', '.markdown', '.mdown', '.mkd', '.mkdn', '.mdx', '.html', '.htm', '.xhtml', '.txt', '.text', '.rst', '.adoc', '.org'];

/** At most this many files are taken from dropped folders. */
const FOLDER_LIMIT = 500;

/**
 * @typedef {object} DroppedFile
 * @property {File} file
 * @property {string} name  The file's path inside a dropped folder, else its name.
 */

/**
 * Listens for files dragged over the page and dropped on it.
 * @param {HTMLElement} zone  Gets `[dragging]` while files hover.
 * @param {(files: DroppedFile[]) => void} onFiles  Called once per drop with what it held.
 */
export function listenForDrops(zone, onFiles) {
  let depth = 0;
  const carriesFiles = (/** @type {DragEvent} */ e) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  const stop = () => { depth = 0; zone.removeAttribute('dragging'); };
  document.addEventListener('dragenter', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    depth += 1;
    zone.setAttribute('dragging', '');
  });
  document.addEventListener('dragover', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) stop();
  });
  document.addEventListener('drop', (e) => {
    if (!carriesFiles(e) || !e.dataTransfer) return;
    e.preventDefault();
    stop();
    // Folder walking never rejects: unreadable folders and files are skipped.
    droppedFiles(e.dataTransfer).then(onFiles);
  });
}

/**
 * @param {string} name
 * @returns {boolean}
 */
export function looksLikeArticle(name) {
  const lower = name.toLowerCase();
  return ARTICLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * Collects the dropped files. Must be called synchronously inside the drop handler:
 * the DataTransfer's items are only readable during the event.
 * @param {DataTransfer} transfer
 * @returns {Promise<DroppedFile[]>}
 */
export function droppedFiles(transfer) {
  /** @type {Array<File | FileSystemDirectoryEntry>} */
  const picked = [];
  for (const item of Array.from(transfer.items ?? [])) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry && entry.isDirectory) {
      picked.push(/** @type {FileSystemDirectoryEntry} */ (entry));
    } else {
      const file = item.getAsFile();
      if (file) picked.push(file);
    }
  }
  if (!picked.length) picked.push(...Array.from(transfer.files ?? []));
  return expand(picked);
}

/**
 * @param {Array<File | FileSystemDirectoryEntry>} picked
 * @returns {Promise<DroppedFile[]>}
 */
async function expand(picked) {
  /** @type {DroppedFile[]} */
  const out = [];
  for (const item of picked) {
    if (item instanceof File) out.push({ file: item, name: item.name });
    else await walk(item, out);
  }
  return out;
}

/**
 * Adds the article-like files under a folder, in name order, to `out`.
 * @param {FileSystemDirectoryEntry} dir
 * @param {DroppedFile[]} out
 */
async function walk(dir, out) {
  /** @type {FileSystemEntry[]} */
  let children;
  try {
    children = (await readAll(dir)).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return; // An unreadable folder is skipped; the rest of the drop still opens.
  }
  for (const child of children) {
    if (out.length >= FOLDER_LIMIT) return;
    if (child.name.startsWith('.') || child.name === 'node_modules') continue;
    if (child.isDirectory) {
      await walk(/** @type {FileSystemDirectoryEntry} */ (child), out);
    } else if (looksLikeArticle(child.name)) {
      try {
        const file = await new Promise((ok, fail) => /** @type {FileSystemFileEntry} */ (child).file(ok, fail));
        out.push({ file, name: child.fullPath.replace(/^\//, '') });
      } catch {
        // A file that vanished or can't be read is skipped.
      }
    }
  }
}

/**
 * readEntries() returns a folder's entries in batches until an empty one.
 * @param {FileSystemDirectoryEntry} dir
 * @returns {Promise<FileSystemEntry[]>}
 */
async function readAll(dir) {
  const reader = dir.createReader();
  /** @type {FileSystemEntry[]} */
  const all = [];
  for (;;) {
    const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
    if (!batch.length) return all;
    all.push(...batch);
  }
}
