// The viewer page: opens files (picker, drop, ?src=), lists them, shows one at a time.
// Every file is rendered once (big ones in a worker: worker-client.js); its result
// (article or error) is kept with it.

import { init } from './folio.js';
import { pickLang, translator, translatePage } from './i18n.js';
import { articleView, errorView, el, nameFromUrl } from './view.js';
import { droppedFiles } from './drop.js';
import { prepareDates } from './dates.js';
import { WORKER_MIN_BYTES, renderFile } from './worker-client.js';

/** @typedef {import('./folio.js').Article} Article */

/**
 * One opened file and what became of it.
 * @typedef {object} Entry
 * @property {string} name
 * @property {string} [baseUrl]
 * @property {Uint8Array | null} bytes
 * @property {number} size  The file's size in bytes, once read (0 before).
 * @property {Article | null} article
 * @property {string | null} error
 * @property {HTMLButtonElement} button
 * @property {HTMLElement | null} view  The built view, kept for switching back.
 */

const DEMO = 'samples/sina-cross-border-ecommerce.md';
/** Where the remote-images setting is remembered: "block" or "load". */
const IMAGES_KEY = 'folio.images';

const params = new URLSearchParams(location.search);
const lang = pickLang(params, navigator.languages?.length ? navigator.languages : [navigator.language]);
const t = translator(lang);
/** Dates follow the UI language when ?lang= forces it, else the reader's own locale. */
const locale = params.has('lang') ? (lang === 'zh' ? 'zh-CN' : 'en') : (navigator.language || 'en');

/**
 * @template {Element} T
 * @param {string} testid
 * @returns {T}
 */
function $(testid) {
  const node = document.querySelector(`[data-testid="${testid}"]`);
  if (!node) throw new Error(`index.html lacks [data-testid="${testid}"]`);
  return /** @type {T} */ (/** @type {unknown} */ (node));
}

const ui = {
  dropzone: /** @type {HTMLElement} */ ($('dropzone')),
  input: /** @type {HTMLInputElement} */ ($('file-input')),
  list: /** @type {HTMLUListElement} */ ($('file-list')),
  viewer: /** @type {HTMLElement} */ ($('viewer')),
  status: /** @type {HTMLElement} */ ($('status')),
  blockImages: /** @type {HTMLInputElement} */ ($('block-images')),
};

/** Remote images are shown as click-to-load placeholders while this is true. */
let blockImages = imagesBlockedAtStart();

/**
 * The remote-images setting: `?images=block|load` if given, else the remembered choice,
 * else load.
 * @returns {boolean}
 */
function imagesBlockedAtStart() {
  const wanted = params.get('images');
  if (wanted === 'block' || wanted === 'load') return wanted === 'block';
  try {
    return localStorage.getItem(IMAGES_KEY) === 'block';
  } catch {
    return false; // Storage is off (private mode, sandbox): the default.
  }
}

/** Remembers the checkbox's state and redraws the shown article with it. */
function onBlockImagesChange() {
  blockImages = ui.blockImages.checked;
  try {
    localStorage.setItem(IMAGES_KEY, blockImages ? 'block' : 'load');
  } catch {
    // Not remembered; it still applies until the page is closed.
  }
  for (const entry of entries) entry.view = null;
  if (active) showEntry(active);
}

/** @type {Entry[]} */
const entries = [];
/** @type {Entry | null} */
let active = null;

/**
 * Opens one file: the single path for the picker and for drops.
 * @param {File} file
 * @param {{ name?: string, show?: boolean }} [options]
 * @returns {Promise<Entry>}
 */
export async function load(file, { name = file.name, show = true } = {}) {
  const entry = addEntry(name);
  if (show) showEntry(entry);
  let bytes = null;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return finish(entry, null, t('readError'));
  }
  return renderInto(entry, bytes);
}

/**
 * Fetches an article by URL (relative to the page) and opens it.
 * @param {string} src
 * @returns {Promise<Entry>}
 */
async function loadUrl(src) {
  let url;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    return finish(showEntry(addEntry(src)), null, t('networkError', src));
  }
  const entry = showEntry(addEntry(nameFromUrl(url)));
  entry.baseUrl = url.href;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return finish(entry, null, t('networkError', url.href));
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    return finish(entry, null, t('networkError', url.href));
  }
  if (!response.ok) {
    return finish(entry, null, t('fetchError', url.href, `HTTP ${response.status} ${response.statusText}`.trim()));
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return renderInto(entry, bytes);
}

/**
 * Renders the bytes once and keeps the result with the entry.
 * @param {Entry} entry
 * @param {Uint8Array} bytes
 * @returns {Promise<Entry>}
 */
async function renderInto(entry, bytes) {
  entry.size = bytes.length;
  // A big file takes a while (in the worker): say so on its loading note.
  if (active === entry && entry.size >= WORKER_MIN_BYTES) showEntry(entry);
  try {
    entry.article = await renderFile(bytes, { fileName: entry.name, ...(entry.baseUrl ? { baseUrl: entry.baseUrl } : {}) });
    return finish(entry, bytes, null);
  } catch (error) {
    const code = /** @type {any} */ (error)?.code;
    const message = code === 'trap' ? t('trapError') : error instanceof Error ? error.message : String(error);
    return finish(entry, bytes, message);
  }
}

/**
 * Records the outcome, updates the list, and redraws the view if this entry is shown.
 * @param {Entry} entry
 * @param {Uint8Array | null} bytes
 * @param {string | null} error
 * @returns {Entry}
 */
function finish(entry, bytes, error) {
  entry.bytes = bytes;
  entry.error = error;
  entry.button.removeAttribute('aria-busy');
  if (error) {
    entry.button.dataset.state = 'error';
    entry.button.append(el('span', { className: 'failed-tag', text: ` ${t('failedTag')}` }));
  } else {
    entry.button.dataset.state = 'ok';
    const title = entry.article?.title;
    if (title) entry.button.title = title;
  }
  if (active === entry) showEntry(entry);
  return entry;
}

/**
 * Adds a pending entry to the file list.
 * @param {string} name
 * @returns {Entry}
 */
function addEntry(name) {
  const button = el('button', { className: 'file-button', attrs: { type: 'button', 'aria-busy': 'true', 'data-testid': 'file-button' } },
    el('span', { className: 'file-name', text: name }));
  /** @type {Entry} */
  const entry = { name, bytes: null, size: 0, article: null, error: null, button, view: null };
  button.addEventListener('click', () => showEntry(entry));
  ui.list.append(el('li', {}, button));
  entries.push(entry);
  return entry;
}

/**
 * Shows an entry in the viewer (its cached view, or a loading note while pending).
 * @param {Entry} entry
 * @returns {Entry}
 */
function showEntry(entry) {
  const wasActive = active === entry;
  active = entry;
  for (const other of entries) {
    if (other === entry) other.button.setAttribute('aria-current', 'true');
    else other.button.removeAttribute('aria-current');
  }
  const pending = !entry.article && !entry.error;
  if (pending) {
    const text = entry.size >= WORKER_MIN_BYTES ? t('loadingLarge', entry.size) : t('loading');
    ui.viewer.replaceChildren(el('p', { className: 'loading', text, attrs: { 'data-testid': 'loading' } }));
    return entry;
  }
  entry.view ??= buildView(entry);
  if (ui.viewer.firstChild !== entry.view) {
    ui.viewer.replaceChildren(entry.view);
    if (!wasActive && ui.viewer.getBoundingClientRect().top < 0) ui.viewer.scrollIntoView({ block: 'start' });
  }
  const title = entry.article?.title ?? entry.name;
  document.title = `${title} — ${t('appName')}`;
  announce(entry.error ? t('errorAnnounce', entry.name, entry.error) : t('loaded', title));
  return entry;
}

/**
 * @param {Entry} entry
 * @returns {HTMLElement}
 */
function buildView(entry) {
  if (entry.article) {
    return articleView({ article: entry.article, name: entry.name, bytes: entry.bytes, baseUrl: entry.baseUrl }, t, locale, { blockImages });
  }
  return errorView({ name: entry.name, message: entry.error ?? '', bytes: entry.bytes }, t);
}

/**
 * Says something to screen readers through the polite live region.
 * @param {string} message
 */
function announce(message) {
  // Re-setting the same text is not announced again; a trailing no-break space toggles it.
  ui.status.textContent = ui.status.textContent === message ? `${message}\u00a0` : message;
}

/**
 * Opens several files in order and shows the first.
 * @param {Array<{ file: File, name: string }>} files
 */
async function loadAll(files) {
  await Promise.all(files.map(({ file, name }, i) => load(file, { name, show: i === 0 })));
}

/** Arrow keys, Home and End move between the file list's buttons. */
function onListKey(/** @type {KeyboardEvent} */ event) {
  const buttons = entries.map((entry) => entry.button);
  const at = buttons.indexOf(/** @type {HTMLButtonElement} */ (document.activeElement));
  if (at < 0) return;
  const next = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  buttons[Math.max(0, Math.min(buttons.length - 1, next))].focus();
}

/** Drag and drop anywhere on the page; `[dragging]` on the drop zone while files hover. */
function setUpDrop() {
  let depth = 0;
  const carriesFiles = (/** @type {DragEvent} */ e) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  const stop = () => { depth = 0; ui.dropzone.removeAttribute('dragging'); };
  document.addEventListener('dragenter', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    depth += 1;
    ui.dropzone.setAttribute('dragging', '');
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
    droppedFiles(e.dataTransfer).then(loadAll, (error) => announce(String(error?.message ?? error)));
  });
}

/**
 * Opens the demo article: embedded in the page as base64 (`#folio-demo`, the single-file
 * build made by scripts/dist.mjs), else fetched from next to the page.
 */
function loadDemo() {
  const embedded = document.getElementById('folio-demo');
  if (!embedded) return loadUrl(DEMO);
  const bytes = Uint8Array.from(atob(embedded.textContent?.trim() ?? ''), (c) => c.charCodeAt(0));
  return load(new File([bytes], embedded.dataset.name || 'demo.md'));
}

/**
 * `?embed=1`: the article alone (no top bar, file list or drop target), for an iframe.
 * Its height goes to the parent as `{ type: 'folio-size', height }` whenever it changes;
 * the target origin is `*` because a height tells nothing about the article.
 */
function startEmbed() {
  // Inline styles through the CSSOM (not governed by style-src): the stylesheet's display wins over [hidden].
  for (const node of document.querySelectorAll('.topbar, .files, .skip-link')) /** @type {HTMLElement} */ (node).style.display = 'none';
  const layout = /** @type {HTMLElement | null} */ (ui.viewer.parentElement);
  if (layout) layout.style.display = 'block';
  if (window.parent === window) return;
  let last = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(ui.viewer.getBoundingClientRect().bottom + window.scrollY);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'folio-size', height }, '*');
  }).observe(ui.viewer);
}

function start() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  translatePage(document, t);
  if (params.get('embed') === '1') startEmbed();
  else setUpDrop();
  ui.input.addEventListener('change', () => {
    const files = Array.from(ui.input.files ?? []);
    ui.input.value = '';
    loadAll(files.map((file) => ({ file, name: file.name })));
  });
  ui.list.addEventListener('keydown', onListKey);
  ui.blockImages.checked = blockImages;
  ui.blockImages.addEventListener('change', onBlockImagesChange);
  init().catch(() => {}); // Start fetching the core early; errors show per file.
  // The main thread is free while the core compiles: load the date data meanwhile.
  setTimeout(() => prepareDates(locale), 0);
  const src = params.get('src');
  if (src === null) loadDemo();
  else if (src.trim() !== '') loadUrl(src);
}

start();
