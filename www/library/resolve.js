// What an article's links and images point at inside the opened archive, the way the
// site generators and Obsidian find them. Pure: a set of paths in, a path (or null) out.
//
//   relative            `img/a.png`, `../other.md`          from the article's folder
//   Hexo asset folder   `a.png` in `_posts/post.md`         from `_posts/post/` (post_asset_folder)
//   page bundles        Hugo/Zola `post/index.md` + `a.png` the article's folder (as relative)
//   site root           Jekyll `/assets/a.png`, Zola `@/p.md` from the nearest folder above that holds it
//                       (also under `static/`, `source/` or `content/`: Hugo, Hexo, Zola)
//   pretty links        `../other/`, `post_link slug`, `ref`  adding `.md`, `/index.md` …, else by name
//   by name             Obsidian attachments and wiki-links  anywhere: same folder first, then the
//                                                             shortest path (as Obsidian does)

import { basename, dirname, extension, joinPath, normalizePath, stem } from './paths.js';

/** Extensions tried for a link written without one, in order. */
const LINK_SUFFIXES = ['', '.md', '.markdown', '.html', '/index.md', '/_index.md', '/index.html', '/README.md'];
/** Folders a site keeps its root-relative files under. */
const ROOT_FOLDERS = ['', 'static/', 'source/', 'content/', 'public/'];

/**
 * A reference split into path and fragment.
 * @typedef {object} Target
 * @property {string} path      The file found.
 * @property {string} fragment  What followed `#` (a heading or anchor), '' if none.
 */

/**
 * @param {string} raw
 * @returns {{ path: string, fragment: string }}
 */
function splitTarget(raw) {
  const hash = raw.indexOf('#');
  const withoutHash = hash < 0 ? raw : raw.slice(0, hash);
  const fragment = hash < 0 ? '' : raw.slice(hash + 1);
  const query = withoutHash.indexOf('?');
  return { path: (query < 0 ? withoutHash : withoutHash.slice(0, query)).trim(), fragment };
}

/**
 * The nearest of several candidates, as Obsidian picks among files of the same name:
 * one in the linking article's own folder, else the shortest path, else by name.
 * @param {string} fromDir
 * @param {string[]} candidates
 * @returns {string | null}
 */
function nearest(fromDir, candidates) {
  /** @param {string} p @returns {(number | string)[]} */
  const key = (p) => [dirname(p) === fromDir ? 0 : 1, p.split('/').length, p.length, p];
  /** @param {(number | string)[]} x @param {(number | string)[]} y */
  const before = (x, y) => {
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i];
    return false;
  };
  let best = null;
  for (const candidate of candidates) {
    if (best === null || before(key(candidate), key(best))) best = candidate;
  }
  return best;
}

export class Resolver {
  constructor() {
    /** Every file's path. @type {Set<string>} */
    this.paths = new Set();
    /** Paths by lower-cased file name. @type {Map<string, string[]>} */
    this.byName = new Map();
    /** Article paths by lower-cased name without extension. @type {Map<string, string[]>} */
    this.byStem = new Map();
    /** Lower-cased path → path, for case-insensitive lookups. @type {Map<string, string>} */
    this.lower = new Map();
  }

  /**
   * Adds a file.
   * @param {string} path normalized
   * @param {boolean} isArticle
   */
  add(path, isArticle) {
    if (this.paths.has(path)) return;
    this.paths.add(path);
    this.lower.set(path.toLowerCase(), path);
    const name = basename(path).toLowerCase();
    const named = this.byName.get(name);
    if (named) named.push(path);
    else this.byName.set(name, [path]);
    if (isArticle) {
      const key = stem(path).toLowerCase();
      const stemmed = this.byStem.get(key);
      if (stemmed) stemmed.push(path);
      else this.byStem.set(key, [path]);
    }
  }

  /**
   * The file that a path names, trying the suffixes a link may leave out.
   * @param {string | null} path
   * @param {boolean} link
   * @returns {string | null}
   */
  existing(path, link) {
    if (path === null) return null;
    // `path` is normalized and each suffix is too: the candidates need no normalizing.
    const bare = path.replace(/\/+$/, '');
    if (!bare) return null;
    for (const suffix of link ? LINK_SUFFIXES : ['']) {
      if (this.paths.has(bare + suffix)) return bare + suffix;
    }
    return null;
  }

  /**
   * Resolves a Markdown/HTML link or image written in the article at `from`.
   * @param {string} from the article's path
   * @param {string} target as written, percent-decoded
   * @param {'link' | 'image'} kind
   * @returns {Target | null}
   */
  resolve(from, target, kind) {
    const split = splitTarget(target);
    const { fragment } = split;
    const path = split.path.replace(/\/+$/, '');
    if (path === '') return kind === 'link' && fragment ? { path: from, fragment } : null;
    const link = kind === 'link';
    const dir = dirname(from);
    /** @param {string | null} found */
    const hit = (found) => (found ? { path: found, fragment } : null);
    if (path.startsWith('/') || path.startsWith('@/')) {
      const rooted = path.replace(/^@?\/+/, '');
      if (!rooted) return null;
      const ancestors = dir === '' ? [''] : dir.split('/').map((_, i, all) => all.slice(0, all.length - i).join('/')).concat('');
      for (const ancestor of ancestors) {
        for (const folder of ROOT_FOLDERS) {
          const found = this.existing(normalizePath(`${ancestor ? `${ancestor}/` : ''}${folder}${rooted}`), link);
          if (found) return hit(found);
        }
      }
      return hit(this.byFileName(dir, rooted, link));
    }
    const relative = this.existing(joinPath(dir, path), link);
    if (relative) return hit(relative);
    const assetFolder = this.existing(joinPath(dir === '' ? stem(from) : `${dir}/${stem(from)}`, path), link);
    if (assetFolder) return hit(assetFolder);
    return hit(this.byFileName(dir, path, link));
  }

  /**
   * Finds a file by its name anywhere (Obsidian attachments, Hexo `post_link slug`,
   * Hugo `ref "post.md"`): the path's last segments must match, case-insensitively.
   * @param {string} fromDir
   * @param {string} path
   * @param {boolean} link a link may name an article without its extension
   * @returns {string | null}
   */
  byFileName(fromDir, path, link) {
    const clean = path.replace(/\/+$/, '');
    const name = basename(clean).toLowerCase();
    if (!name) return null;
    const suffix = `/${clean.toLowerCase()}`;
    /** @param {string[]} list */
    const matching = (list) => list.filter((p) => `/${p.toLowerCase()}`.endsWith(suffix) || !clean.includes('/'));
    let candidates = matching(this.byName.get(name) ?? []);
    if (!candidates.length && link && !extension(name)) {
      const suffixStem = `/${clean.toLowerCase()}`;
      candidates = (this.byStem.get(name) ?? []).filter((p) => {
        const lowered = `/${p.toLowerCase()}`;
        return !clean.includes('/') || lowered.slice(0, lowered.length - extension(p).length).endsWith(suffixStem);
      });
    }
    return nearest(fromDir, candidates);
  }

  /**
   * Resolves a wiki-link or embed target (`Note`, `Note#Heading`, `folder/Note`,
   * `image.png`) as Obsidian does: by name, case-insensitively, nearest first.
   * @param {string} from
   * @param {string} target
   * @returns {Target | null}
   */
  resolveWiki(from, target) {
    const { path, fragment } = splitTarget(target.replace(/\|.*$/, ''));
    if (path === '') return fragment ? { path: from, fragment } : null;
    const direct = this.lower.get(path.toLowerCase()) ?? this.lower.get(`${path}.md`.toLowerCase());
    if (direct) return { path: direct, fragment };
    const found = this.byFileName(dirname(from), path, true)
      ?? (extension(path) ? null : this.byFileName(dirname(from), `${path}.md`, false));
    return found ? { path: found, fragment } : null;
  }
}

/**
 * "Linked from": for each article, the articles whose links resolve to it.
 * @param {Resolver} resolver
 * @param {Iterable<{ path: string, links: import('./messages.js').ArticleLink[] }>} articles
 * @returns {Map<string, string[]>} target path → source paths, in the order given
 */
export function backlinks(resolver, articles) {
  /** @type {Map<string, string[]>} */
  const into = new Map();
  for (const { path, links } of articles) {
    /** @type {Set<string>} */
    const seen = new Set();
    for (const link of links) {
      if (link.kind === 'image') continue;
      const found = link.kind === 'link' ? resolver.resolve(path, link.target, 'link') : resolver.resolveWiki(path, link.target);
      if (!found || found.path === path || seen.has(found.path)) continue;
      seen.add(found.path);
      into.set(found.path, [...(into.get(found.path) ?? []), path]);
    }
  }
  return into;
}

/** Stems of the names that stand for their folder (`post/index.md` is the page `post`). */
const FOLDER_PAGES = new Set(['index', '_index', 'readme']);

/**
 * The keys under which a link is filed for finding backlinks: its last segment, with and
 * without an extension, lower case. A link can reach an article only if one of these is
 * among that article's `articleKeys` (every way of resolving keeps the last name).
 * @param {import('./messages.js').ArticleLink} link
 * @returns {string[]}
 */
export function linkKeys(link) {
  if (link.kind === 'image') return [];
  const target = link.kind === 'link' ? link.target : link.target.replace(/\|.*$/, '');
  const name = basename(splitTarget(target).path.replace(/\/+$/, '')).toLowerCase();
  if (!name) return [];
  const bare = stem(name);
  return bare === name ? [name] : [name, bare];
}

/**
 * The keys of the links that may name this article (see `linkKeys`).
 * @param {string} path
 * @returns {string[]}
 */
export function articleKeys(path) {
  const bare = stem(path).toLowerCase();
  const keys = [basename(path).toLowerCase(), bare];
  if (FOLDER_PAGES.has(bare)) keys.push(basename(dirname(path)).toLowerCase());
  return [...new Set(keys.filter(Boolean))];
}
