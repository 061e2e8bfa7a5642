// The folder tree of an opened archive: folders nested as in the archive, each with the
// number of articles beneath it. A model only (the tree view draws it); pure.

import { comparePaths } from './paths.js';

/**
 * @typedef {object} Folder
 * @property {string} name    Its own name ('' for the root).
 * @property {string} path    Its path from the root ('' for the root).
 * @property {Map<string, Folder>} folders  Sub-folders by name.
 * @property {number} articles  Articles directly in it.
 * @property {number} total     Articles in it and every folder below.
 */

/**
 * @param {string} name
 * @param {string} path
 * @returns {Folder}
 */
function folder(name, path) {
  return { name, path, folders: new Map(), articles: 0, total: 0 };
}

/** A tree that grows as files arrive. */
export class FolderTree {
  constructor() {
    /** @type {Folder} */
    this.root = folder('', '');
  }

  /**
   * Counts one article at `path` (its folders are made as needed).
   * @param {string} path a normalized file path
   */
  addArticle(path) {
    const parts = path.split('/');
    parts.pop();
    let node = this.root;
    node.total += 1;
    for (const name of parts) {
      let next = node.folders.get(name);
      if (!next) {
        next = folder(name, node.path ? `${node.path}/${name}` : name);
        node.folders.set(name, next);
      }
      next.total += 1;
      node = next;
    }
    node.articles += 1;
  }

  /**
   * The folder at `path`, or null.
   * @param {string} path
   * @returns {Folder | null}
   */
  find(path) {
    if (path === '') return this.root;
    let node = this.root;
    for (const name of path.split('/')) {
      const next = node.folders.get(name);
      if (!next) return null;
      node = next;
    }
    return node;
  }

  /**
   * A folder's sub-folders in display order.
   * @param {Folder} node
   * @returns {Folder[]}
   */
  children(node) {
    return [...node.folders.values()].sort((a, b) => comparePaths(a.name, b.name));
  }

  /**
   * The rows a tree view shows: every folder whose ancestors are all expanded, depth
   * first, with its level (1 for the root's children) and whether it has children.
   * @param {ReadonlySet<string>} expanded paths of expanded folders
   * @returns {{ folder: Folder, level: number, hasChildren: boolean }[]}
   */
  visibleRows(expanded) {
    /** @type {{ folder: Folder, level: number, hasChildren: boolean }[]} */
    const rows = [];
    /** @param {Folder} node @param {number} level */
    const walk = (node, level) => {
      for (const child of this.children(node)) {
        rows.push({ folder: child, level, hasChildren: child.folders.size > 0 });
        if (expanded.has(child.path)) walk(child, level + 1);
      }
    };
    walk(this.root, 1);
    return rows;
  }
}

/**
 * Whether `path` lies in `folderPath` or below it ('' holds everything).
 * @param {string} path
 * @param {string} folderPath
 * @returns {boolean}
 */
export function inFolder(path, folderPath) {
  return folderPath === '' || path.startsWith(`${folderPath}/`);
}
