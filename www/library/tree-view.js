// The folder tree: an ARIA tree (flat items with aria-level) of the archive's folders
// with their article counts (while a search lists its hits, their counts: showHits);
// "All articles" on top. Arrow keys move and open/close,
// Enter or a click chooses a folder: a `library-folder` event ({ path }) bubbles from
// the container.

import { h, placeChildren } from './dom.js';

/** @typedef {import('./library.js').Library} Library */
/** @typedef {import('./strings.js').Translate} Translate */

export class TreeView {
  /**
   * @param {HTMLElement} container
   * @param {Library} library
   * @param {Translate} t
   */
  constructor(container, library, t) {
    this.container = container;
    this.library = library;
    this.t = t;
    /** @type {Set<string>} */
    this.expanded = new Set();
    /** Whether the one folder at the top has been opened for the reader already. */
    this.opened = false;
    this.selected = '';
    /** While a search lists its hits: how many each folder holds (its count then shows
     * them, not its articles). @type {Map<string, number> | null} */
    this.hitCounts = null;
    /** The path of the item that holds the roving tabindex. */
    this.focused = '';
    /** The items drawn, by folder path, kept from one drawing to the next. @type {Map<string, HTMLElement>} */
    this.items = new Map();
    this.tree = h('ul', { class: 'lib-tree', role: 'tree', 'aria-label': t('folders'), 'data-lib-i18n-aria-label': 'folders', 'data-testid': 'folder-tree' });
    container.append(this.tree);
    /** @type {number | undefined} */
    this.frame = undefined;
    this.redraw = () => {
      this.frame ??= requestAnimationFrame(() => {
        this.frame = undefined;
        this.draw();
      });
    };
    library.addEventListener('files', this.redraw);
    library.addEventListener('cleared', () => {
      this.opened = false;
      this.expanded.clear();
      this.redraw();
    });
    this.tree.addEventListener('keydown', (event) => this.onKey(event));
    this.tree.addEventListener('click', (event) => {
      const item = /** @type {HTMLElement} */ (event.target).closest('[role="treeitem"]');
      if (!(item instanceof HTMLElement)) return;
      const path = item.dataset.path ?? '';
      if (/** @type {HTMLElement} */ (event.target).closest('.lib-twisty')) this.toggle(path);
      else this.choose(path);
    });
    this.draw();
    // While there are no folders, the faces and sizes of the tree's rows are looked up
    // (view/warm.js), beside the tree's box (hidden while it is empty).
    const box = container.closest('.lib-folders-box');
    import('../view/warm.js').then(({ warmFonts }) => warmFonts(box?.parentElement ?? container, [() => this.specimen()], () => library.tree.root.folders.size === 0))
      .catch(() => { /* Looked up when first needed instead. */ });
  }

  /**
   * Folder rows in each script, one chosen (bold): laid out hidden once (view/warm.js).
   * @returns {HTMLElement}
   */
  specimen() {
    const names = ['中文目录', '日本語のフォルダ', '한국어 폴더', 'Folder 2024'];
    return h('ul', { class: 'lib-tree' }, ...names.map((name, i) => h('li', { class: 'lib-tree-item', 'aria-selected': String(i === 0) },
      h('span', { class: 'lib-twisty', text: '▾' }), h('span', { class: 'lib-folder-name', text: name }), h('span', { class: 'lib-badge', text: String(2024 + i) }))));
  }

  /** Draws the visible rows again, keeping focus where it was. The box hides while there
   * are no folders (files opened one by one); one folder at the top opens by itself. */
  draw() {
    const tree = this.library.tree;
    const top = tree.root.folders;
    this.container.closest('.lib-folders-box')?.toggleAttribute('hidden', top.size === 0);
    if (top.size === 1 && !this.opened) {
      this.opened = true;
      this.expanded.add([...top.values()][0].path);
    }
    const hadFocus = this.tree.contains(document.activeElement);
    const rows = [{ folder: tree.root, level: 1, hasChildren: false }, ...tree.visibleRows(this.expanded).map((r) => ({ ...r, level: r.level + 1 }))];
    if (!rows.some((r) => r.folder.path === this.focused)) this.focused = this.selected;
    if (!rows.some((r) => r.folder.path === this.focused)) this.focused = '';
    const items = rows.map(({ folder, level, hasChildren }) => {
      const root = folder.path === '';
      const open = this.expanded.has(folder.path);
      let item = this.items.get(folder.path);
      if (!item) {
        item = h('li', { role: 'treeitem', 'data-path': folder.path, 'data-testid': 'folder-item', class: 'lib-tree-item' },
          h('span', { class: 'lib-indent' }), h('span'), h('span', { class: 'lib-folder-name' }), h('span', { class: 'lib-badge' }));
        this.items.set(folder.path, item);
      }
      const [indent, twisty, name, badge] = /** @type {HTMLElement[]} */ ([...item.children]);
      set(item, 'aria-level', String(level));
      set(item, 'aria-expanded', hasChildren ? String(open) : null);
      set(item, 'aria-selected', String(folder.path === this.selected));
      set(item, 'tabindex', folder.path === this.focused ? '0' : '-1');
      set(indent, 'data-level', String(Math.min(level, 12)));
      set(twisty, 'class', hasChildren ? 'lib-twisty' : 'lib-twisty-space');
      set(twisty, 'aria-hidden', 'true');
      text(twisty, hasChildren ? (open ? '▾' : '▸') : '');
      text(name, root ? this.t('allArticles') : folder.name);
      const count = this.hitCounts ? this.hitCounts.get(folder.path) ?? 0 : folder.total;
      text(badge, String(count));
      // A folder without hits reads muted (it stays, to be chosen or opened).
      set(item, 'data-no-hits', this.hitCounts && !count ? '' : null);
      return item;
    });
    // Items that stay are not taken out and put back (all of the tree would be laid out
    // again each time a count changes).
    placeChildren(this.tree, items);
    const keep = new Set(items);
    for (const path of this.items.keys()) if (!keep.has(/** @type {HTMLElement} */ (this.items.get(path)))) this.items.delete(path);
    if (hadFocus) this.focusItem(this.focused);
  }

  /**
   * Counts a search's hits by folder, so that the tree says where they lie; null (no
   * search listed) shows each folder's articles again.
   * @param {string[] | null} paths
   */
  showHits(paths) {
    if (!paths) {
      this.hitCounts = null;
    } else {
      /** @type {Map<string, number>} */
      const counts = new Map([['', paths.length]]);
      for (const path of paths) {
        for (let at = path.indexOf('/'); at >= 0; at = path.indexOf('/', at + 1)) {
          const folder = path.slice(0, at);
          counts.set(folder, (counts.get(folder) ?? 0) + 1);
        }
      }
      this.hitCounts = counts;
    }
    this.redraw();
  }

  /**
   * @param {string} path
   */
  focusItem(path) {
    this.focused = path;
    for (const item of this.tree.querySelectorAll('[role="treeitem"]')) {
      const mine = /** @type {HTMLElement} */ (item).dataset.path === path;
      item.setAttribute('tabindex', mine ? '0' : '-1');
      if (mine) /** @type {HTMLElement} */ (item).focus();
    }
  }

  /**
   * @param {string} path
   */
  toggle(path) {
    if (this.expanded.has(path)) this.expanded.delete(path);
    else this.expanded.add(path);
    this.focused = path;
    this.draw();
    this.focusItem(path);
  }

  /**
   * Chooses a folder: the list shows what is in it.
   * @param {string} path
   */
  choose(path) {
    this.selected = path;
    this.focused = path;
    this.draw();
    this.focusItem(path);
    this.container.dispatchEvent(new CustomEvent('library-folder', { bubbles: true, detail: { path } }));
  }

  /**
   * @param {KeyboardEvent} event
   */
  onKey(event) {
    const items = /** @type {HTMLElement[]} */ ([...this.tree.querySelectorAll('[role="treeitem"]')]);
    const at = items.findIndex((i) => i.dataset.path === this.focused);
    const item = items[at];
    if (!item) return;
    const path = item.dataset.path ?? '';
    const expanded = item.getAttribute('aria-expanded');
    const level = Number(item.getAttribute('aria-level'));
    /** @param {number} i */
    const go = (i) => { if (items[i]) this.focusItem(items[i].dataset.path ?? ''); };
    switch (event.key) {
      case 'ArrowDown': go(at + 1); break;
      case 'ArrowUp': go(at - 1); break;
      case 'Home': go(0); break;
      case 'End': go(items.length - 1); break;
      case 'ArrowRight':
        if (expanded === 'false') this.toggle(path);
        else if (expanded === 'true') go(at + 1);
        break;
      case 'ArrowLeft':
        if (expanded === 'true') this.toggle(path);
        else {
          for (let i = at - 1; i >= 0; i--) {
            if (Number(items[i].getAttribute('aria-level')) < level) { go(i); break; }
          }
        }
        break;
      case 'Enter':
      case ' ':
        this.choose(path);
        break;
      default:
        return;
    }
    event.preventDefault();
  }
}

/**
 * Sets an attribute (or removes it, for null) only when it changes.
 * @param {Element} node
 * @param {string} name
 * @param {string | null} value
 */
function set(node, name, value) {
  if (node.getAttribute(name) === value) return;
  if (value === null) node.removeAttribute(name);
  else node.setAttribute(name, value);
}

/**
 * Sets an element's text only when it changes.
 * @param {Element} node
 * @param {string} value
 */
function text(node, value) {
  if (node.textContent !== value) node.textContent = value;
}
