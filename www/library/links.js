// Connects a shown article to the archive: its images become object URLs of the files
// they name, its links to other articles open them (a `library-open` event, bubbling),
// links to other files open those files, Obsidian embeds of notes are filled in, and
// what is not in the archive reads as unresolved (a class and a title saying so; a link
// keeps its href, so that following it can say which file is missing). Object URLs are
// counted per file and revoked when no shown article needs them: the function
// `linkArticle` returns gives back what one article took.

import { isRelativeUrl } from './extract.js';
import { extension } from './paths.js';

/** Types an image is shown with (an SVG in an `<img>` runs no script). */
const IMAGE_TYPES = /** @type {Record<string, string>} */ ({
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.avif': 'image/avif', '.svg': 'image/svg+xml', '.bmp': 'image/bmp', '.ico': 'image/x-icon',
});
/** Types a linked file opens with in a tab. Anything else downloads: an archive's SVG or HTML
 * opened from a blob: URL would run its scripts with this page's origin. */
const LINK_TYPES = /** @type {Record<string, string>} */ ({
  '.pdf': 'application/pdf', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif',
  '.webp': 'image/webp', '.avif': 'image/avif', '.txt': 'text/plain', '.csv': 'text/plain', '.json': 'text/plain',
});

/**
 * The type an archive's file gets behind an object URL, by use.
 * @param {string} path
 * @param {'image' | 'link'} use
 * @returns {string}
 */
export function safeType(path, use) {
  const ext = extension(path);
  return (use === 'image' ? IMAGE_TYPES[ext] : LINK_TYPES[ext]) ?? 'application/octet-stream';
}

/** @typedef {import('./resolve.js').Resolver} Resolver */


/** Object URLs per file and use, counted. */
export class ObjectUrls {
  constructor() {
    /** @type {Map<string, { url: string, users: number, blob: Blob }>} */
    this.live = new Map();
    /** Uses handed out so far (a view compares it before and after it is built). */
    this.acquired = 0;
  }

  /**
   * An object URL for the file at `path`, made on first use, typed for its use (never the
   * type the file came with); give it back with `release(key)`.
   * @param {string} path
   * @param {Blob} file
   * @param {'image' | 'link'} use
   * @returns {{ key: string, url: string }}
   */
  acquire(path, file, use) {
    const key = `${use}:${path}`;
    let entry = this.live.get(key);
    if (!entry) {
      const blob = new Blob([file], { type: safeType(path, use) });
      entry = { url: URL.createObjectURL(blob), users: 0, blob };
      this.live.set(key, entry);
    }
    entry.users += 1;
    this.acquired += 1;
    return { key, url: entry.url };
  }

  /**
   * Gives one use back; the URL is revoked with the last.
   * @param {string} key
   */
  release(key) {
    const entry = this.live.get(key);
    if (!entry) return;
    entry.users -= 1;
    if (entry.users <= 0) {
      URL.revokeObjectURL(entry.url);
      this.live.delete(key);
    }
  }

  /**
   * The Blob behind a live object URL (for copying a shown image into an exported page:
   * the page's CSP does not let it fetch blob: URLs).
   * @param {string} url
   * @returns {Blob | undefined}
   */
  blobOf(url) {
    for (const entry of this.live.values()) if (entry.url === url) return entry.blob;
    return undefined;
  }

  /** How many object URLs are alive. */
  get size() {
    return this.live.size;
  }
}

/**
 * @typedef {object} LinkOptions
 * @property {Resolver} resolver
 * @property {(path: string) => Blob | undefined} file     The archive's file at a path.
 * @property {(path: string) => boolean} isArticle
 * @property {ObjectUrls} urls
 * @property {(path: string, fragment: string) => string} hrefFor  The href an article link gets (its permalink).
 * @property {(target: string) => string} unresolvedLabel  The tooltip of what is not in the archive.
 * @property {(path: string, fragment: string, into: HTMLElement) => void} [embed]  Fills the box an
 *   Obsidian embed `![[Note]]` of another article becomes (the caller renders the note, one level
 *   deeper); without it, an embed stays a link.
 */

/** How deep embedded notes may nest (a note that embeds itself stops here too). */
export const MAX_EMBED_DEPTH = 3;

/**
 * @param {string} value
 * @returns {string}
 */
function decode(value) {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Rewrites an article's images and links in place (call it on the inert fragment before
 * it is attached, so nothing loads from a wrong URL). A link to another article gets its
 * permalink as href and `data-library-path` (and `data-library-fragment`): the caller
 * opens it on click. Returns a function that revokes the object URLs it made.
 * @param {HTMLElement | DocumentFragment} root
 * @param {string} from the article's path
 * @param {LinkOptions} options
 * @returns {() => void}
 */
export function linkArticle(root, from, options) {
  const { resolver, file, isArticle, urls, unresolvedLabel } = options;
  const { hrefFor } = options;
  /** @type {string[]} */
  const taken = [];
  /** @param {string} path @param {'image' | 'link'} use */
  const urlOf = (path, use) => {
    const blob = file(path);
    if (!blob) return null;
    const { key, url } = urls.acquire(path, blob, use);
    taken.push(key);
    return url;
  };
  /** @param {Element} el @param {string} target */
  const unresolved = (el, target) => {
    el.classList.add('unresolved');
    el.setAttribute('title', unresolvedLabel(target));
  };

  for (const img of root.querySelectorAll('img[src]')) {
    const src = img.getAttribute('src') ?? '';
    if (!isRelativeUrl(src)) continue;
    const found = resolver.resolve(from, decode(src), 'image') ?? resolver.resolveWiki(from, decode(src));
    const url = found ? urlOf(found.path, 'image') : null;
    img.removeAttribute('srcset');
    if (url) {
      img.setAttribute('src', url);
    } else {
      // Not a broken-image icon: what it was meant to show, marked as missing.
      const missing = img.ownerDocument.createElement('span');
      missing.className = 'library-missing-image';
      missing.textContent = img.getAttribute('alt') || decode(src);
      unresolved(missing, decode(src));
      img.replaceWith(missing);
    }
  }
  for (const a of root.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href') ?? '';
    if (!isRelativeUrl(href)) continue;
    const target = decode(href);
    const wiki = a.classList.contains('wikilink');
    const found = wiki ? resolver.resolveWiki(from, target) : resolver.resolve(from, target, 'link');
    if (!found) {
      unresolved(a, target);
    } else if (isArticle(found.path) && a.classList.contains('embed') && options.embed) {
      const box = /** @type {HTMLElement} */ (a.ownerDocument.createElement('div'));
      box.className = 'library-embed';
      box.setAttribute('data-library-path', found.path);
      a.replaceWith(box);
      options.embed(found.path, found.fragment, box);
    } else if (isArticle(found.path)) {
      a.setAttribute('href', hrefFor(found.path, found.fragment));
      a.setAttribute('data-library-path', found.path);
      if (found.fragment) a.setAttribute('data-library-fragment', found.fragment);
      a.removeAttribute('target');
    } else {
      const url = urlOf(found.path, 'link');
      if (url) {
        a.setAttribute('href', url);
        a.setAttribute('rel', 'noopener noreferrer');
        if (safeType(found.path, 'link') === 'application/octet-stream') a.setAttribute('download', found.path.slice(found.path.lastIndexOf('/') + 1));
        else a.setAttribute('target', '_blank');
      }
    }
  }

  return () => {
    for (const key of taken.splice(0)) urls.release(key);
  };
}
