// Keeping and sharing beyond this browser: "Save library as one HTML file" (the
// single-file viewer with the library inside, archive.js; it opens from file:// on any
// machine with no network, search working) and "Export this article as HTML" (one
// standalone page: the article as shown, its images inside it, no script at all).

import { h } from './dom.js';
import { packInWorker } from './open.js';

/** @typedef {import('./library.js').Library} Library */
/** @typedef {import('./strings.js').Translate} Translate */

/** The styles of an exported article: readable prose, light and dark. */
const EXPORT_CSS = `
:root { color-scheme: light dark; --fg: #1f1d1a; --bg: #fbfaf7; --muted: #6b645a; --line: #ddd7cb; --accent: #9a3d12; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8e4dc; --bg: #171614; --muted: #a59d91; --line: #3a3631; --accent: #f0a070; } }
body { margin: 0; color: var(--fg); background: var(--bg); font: 1.0625rem/1.8 system-ui, "PingFang SC", "Noto Sans CJK SC", sans-serif; }
article { max-width: 42rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; overflow-wrap: break-word; }
a { color: var(--accent); }
h1 { line-height: 1.3; }
img, video { max-width: 100%; height: auto; }
pre { overflow-x: auto; padding: 1em; border-radius: 0.5rem; background: color-mix(in srgb, var(--fg) 6%, transparent); }
blockquote { margin: 1.5em 0; padding: 0 1em; border-left: 3px solid var(--line); color: var(--muted); }
table { border-collapse: collapse; display: block; overflow-x: auto; }
th, td { border: 1px solid var(--line); padding: 0.4em 0.7em; }
.byline, .breadcrumb, .summary { color: var(--muted); }
.breadcrumb ol, .chips { display: flex; flex-wrap: wrap; gap: 0.4rem; list-style: none; padding: 0; }
.chip { padding: 0.05rem 0.6rem; border: 1px solid var(--line); border-radius: 999px; font-size: 0.85rem; }
.chip::before { content: "#"; color: var(--muted); }
.toc { margin: 1.5rem 0; padding: 0.6rem 1rem; border: 1px solid var(--line); border-radius: 0.5rem; font-size: 0.95rem; }
.toc summary { color: var(--muted); }
.toc ol { list-style: none; margin: 0.4rem 0 0; padding: 0; }
.toc li[data-depth="1"] { padding-left: 1rem; }
.toc li[data-depth="2"] { padding-left: 2rem; }
.toc li[data-depth="3"] { padding-left: 3rem; }
.toc a { text-decoration: none; }
`;

/** What an exported article leaves out: controls that need the viewer, and its extras. */
const NOT_EXPORTED = 'button, input, select, details.original-toggle, details.warnings, .reading-progress, .backlinks, script, style';

/**
 * Text for HTML: `&`, `<`, `>` and `"` escaped.
 * @param {string} text
 * @returns {string}
 */
function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A Blob as a data: URL.
 * @param {Blob} blob
 * @returns {Promise<string>}
 */
function dataUrl(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/**
 * The search index module's bytes (search-index.wasm, beside this file), for the saved
 * page; null where it cannot be fetched (the saved page then searches with MiniSearch).
 * A page from file:// (the single file) has none beside it, and its CSP refuses the fetch.
 * @returns {Promise<Uint8Array | null>}
 */
async function searchModule() {
  if (!/^https?:$/.test(new URL(import.meta.url).protocol)) return null;
  try {
    const response = await fetch(new URL('./search-index.wasm', import.meta.url));
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

/**
 * Hands a Blob to the browser as a download.
 * @param {Blob} blob
 * @param {string} name
 */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A file name from a title: what a file system accepts, at most 80 characters.
 * @param {string} title
 * @returns {string}
 */
export function fileNameFor(title) {
  // eslint-disable-next-line no-control-regex
  const cleaned = title.replace(/[\u0000-\u001f\u007f/\\:*?"<>|#%]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80).trim();
  return cleaned || 'folio';
}

/**
 * One article as a standalone page: the shown view, cloned, without the viewer's controls,
 * its images from the opened files put inside it as data: URLs, its links into the library
 * left as text. The view's HTML is the core's sanitized body and text the views set.
 * @param {HTMLElement} view  The article view being shown.
 * @param {{ title: string, lang: string | null, blobOf: (url: string) => Blob | undefined }} about
 *   `blobOf`: the file behind one of the view's object URLs.
 * @returns {Promise<Blob>}
 */
export async function exportArticle(view, { title, lang, blobOf }) {
  const copy = /** @type {HTMLElement} */ (view.cloneNode(true));
  // An image the reading view made zoomable stays, without its button.
  for (const button of copy.querySelectorAll('button.zoom-button')) button.replaceWith(...button.childNodes);
  for (const node of copy.querySelectorAll(NOT_EXPORTED)) node.remove();
  for (const link of copy.querySelectorAll('a[data-library-path], a[href^="blob:"]')) link.removeAttribute('href');
  for (const img of copy.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? '';
    img.removeAttribute('loading');
    if (!src.startsWith('blob:')) continue;
    const blob = blobOf(src);
    if (blob) img.setAttribute('src', await dataUrl(blob));
    else img.removeAttribute('src');
  }
  const csp = "default-src 'none'; img-src data: https: http:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";
  const html = `<!doctype html>
<html lang="${escapeHtml(lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Folio">
<title>${escapeHtml(title)}</title>
<style>${EXPORT_CSS}</style>
</head>
<body>
${serialized(copy)}
</body>
</html>
`;
  return new Blob([html], { type: 'text/html' });
}

/**
 * An element's markup, read (the export is a file; nothing is inserted into the page).
 * @param {Element} node
 * @returns {string}
 */
function serialized(node) {
  // eslint-disable-next-line no-restricted-properties -- read to write a file, never assigned
  return node.outerHTML;
}

/**
 * @typedef {object} ShareParts
 * @property {Library} library
 * @property {Translate} t
 * @property {() => Promise<string | null>} template  The single-file viewer's HTML (null: not available).
 * @property {() => { view: HTMLElement, title: string, lang: string | null, blobOf: (url: string) => Blob | undefined } | null} shown  The article being read.
 * @property {(message: string) => void} announce
 */

/** The "Save" menu: the library as one HTML file, the shown article as HTML. */
export class ShareView {
  /**
   * @param {HTMLElement} container
   * @param {ShareParts} parts
   */
  constructor(container, parts) {
    this.parts = parts;
    const { t } = parts;
    this.saveButton = h('button', { type: 'button', class: 'lib-menu-item', 'data-testid': 'save-library', text: t('saveLibrary'), 'data-lib-i18n': 'saveLibrary' });
    this.exportButton = h('button', { type: 'button', class: 'lib-menu-item', 'data-testid': 'export-article', text: t('exportArticle'), 'data-lib-i18n': 'exportArticle' });
    this.message = h('p', { class: 'lib-menu-message', role: 'status', 'data-testid': 'save-message' });
    this.menu = h('details', { class: 'lib-menu', 'data-testid': 'save-menu' },
      h('summary', { class: 'lib-menu-button', text: t('save'), 'data-lib-i18n': 'save' }),
      h('div', { class: 'lib-menu-panel' }, this.saveButton, this.exportButton, this.message));
    container.append(this.menu);
    this.saveButton.addEventListener('click', () => this.saveLibrary());
    this.exportButton.addEventListener('click', () => this.exportShown());
    this.menu.addEventListener('toggle', () => this.update());
    this.update();
  }

  /** Enables what can be done now. */
  update() {
    this.saveButton.disabled = this.parts.library.records.size === 0;
    this.exportButton.disabled = !this.parts.shown();
  }

  /**
   * Says how it went, next to the buttons and to screen readers.
   * @param {string} text
   */
  say(text) {
    this.message.textContent = text;
    this.parts.announce(text);
  }

  /** Writes the library into the single-file viewer and downloads it. */
  async saveLibrary() {
    const { library, t } = this.parts;
    this.saveButton.disabled = true;
    this.say(t('saving'));
    try {
      const template = await this.parts.template();
      if (!template) {
        this.say(t('saveUnavailable'));
        return;
      }
      const texts = await library.searchClient?.texts() ?? new Map();
      const records = [...library.records.values()].filter((r) => !r.transient);
      const articles = records.flatMap((r) => (r.summary ? [r.summary] : []));
      const docs = articles.flatMap((summary) => {
        const text = texts.get(summary.path);
        return text === undefined ? [] : [{
          path: summary.path, title: summary.title ?? '', tags: [...summary.tags, ...summary.categories].join(' '), authors: summary.authors.join(' '), text,
        }];
      });
      const files = [
        ...records.map((r) => ({ path: r.path, file: r.file, kind: /** @type {const} */ ('article') })),
        ...[...library.assets].map(([path, file]) => ({ path, file, kind: /** @type {const} */ ('asset') })),
      ];
      const title = library.name() ?? t('library');
      const engine = library.engineBytes ?? await searchModule();
      const blob = await packInWorker({ template, title, generator: 'Folio viewer', files, articles, docs, engine });
      const name = `${fileNameFor(title)}.html`;
      download(blob, name);
      this.say(t('saved', name, blob.size));
    } catch (error) {
      this.say(t('saveFailed', error instanceof Error ? error.message : String(error)));
    } finally {
      this.update();
    }
  }

  /** Exports the article being read as a standalone HTML file. */
  async exportShown() {
    const shown = this.parts.shown();
    if (!shown) return;
    const blob = await exportArticle(shown.view, shown);
    const name = `${fileNameFor(shown.title)}.html`;
    download(blob, name);
    this.say(this.parts.t('saved', name, blob.size));
  }
}
