// The viewer page's start: reads the URL (viewer/route.js), makes the store of opened
// files (viewer/files.js) and the views that show it (the file list, the reader), and
// wires the ways in: the file picker, drops, `?src=` and the demo. Each file is rendered
// once (big ones in a worker: render/worker-client.js); its result stays with its entry.

import { init } from './folio.js';
import { translatePage, translator } from './i18n.js';
import { renderFile } from './render/worker-client.js';
import { prepareDates } from './view/dates.js';
import { listenForDrops } from './viewer/drop.js';
import { startEmbed } from './viewer/embed.js';
import { showFileList } from './viewer/file-list.js';
import { OpenedFiles } from './viewer/files.js';
import { Reader } from './viewer/reader.js';
import { readRoute } from './viewer/route.js';

/** The demo article, next to the page (scripts/build-wasm.sh copies it there). */
const DEMO = 'samples/sina-cross-border-ecommerce.md';
/** Where the remote-images setting is remembered: "block" or "load". */
const IMAGES_KEY = 'folio.images';

const route = readRoute(location);
const t = translator(route.lang);
/** Dates follow the UI language when ?lang= forces it, else the reader's own locale. */
const locale = route.langForced ? (route.lang === 'zh' ? 'zh-CN' : 'en') : (navigator.language || 'en');

/**
 * The page's element with this `data-testid` (index.html has each one once).
 * @param {string} testid
 * @returns {HTMLElement}
 */
function part(testid) {
  const node = document.querySelector(`[data-testid="${testid}"]`);
  if (!(node instanceof HTMLElement)) throw new Error(`index.html lacks [data-testid="${testid}"]`);
  return node;
}

const ui = {
  dropzone: part('dropzone'),
  input: /** @type {HTMLInputElement} */ (part('file-input')),
  list: /** @type {HTMLUListElement} */ (part('file-list')),
  nav: part('file-list-nav'),
  viewer: part('viewer'),
  notice: part('notice'),
  status: part('status'),
  blockImages: /** @type {HTMLInputElement} */ (part('block-images')),
};

/**
 * Says something to screen readers through the polite live region.
 * @param {string} message
 */
function announce(message) {
  // Re-setting the same text is not announced again; a trailing no-break space toggles it.
  ui.status.textContent = ui.status.textContent === message ? `${message}\u00a0` : message;
}

const files = new OpenedFiles({ render: renderFile });
showFileList({ list: ui.list, scroller: ui.nav, files, t });
const reader = new Reader({ pane: ui.viewer, notice: ui.notice, files, t, locale, announce });

/**
 * The remote-images setting: `?images=` if given, else the remembered choice, else load.
 * @returns {boolean}
 */
function imagesBlockedAtStart() {
  if (route.images) return route.images === 'block';
  try {
    return localStorage.getItem(IMAGES_KEY) === 'block';
  } catch {
    return false; // Storage is off (private mode, sandbox): the default.
  }
}

/** Remembers the checkbox's state and redraws the shown article with it. */
function onBlockImagesChange() {
  const block = ui.blockImages.checked;
  try {
    localStorage.setItem(IMAGES_KEY, block ? 'block' : 'load');
  } catch {
    // Not remembered; it still applies until the page is closed.
  }
  reader.setBlockImages(block);
}

/**
 * Opens several files at once and shows the first.
 * @param {Array<{ file: File, name: string }>} opened
 */
function openAll(opened) {
  opened.forEach(({ file, name }, i) => { files.openFile(file, { name, show: i === 0 }); });
}

/**
 * Opens the demo article: embedded in the page as base64 (`#folio-demo`, the single-file
 * build made by scripts/dist.mjs), else fetched from next to the page.
 */
function openDemo() {
  const embedded = document.getElementById('folio-demo');
  if (!embedded) {
    files.openUrl(DEMO);
    return;
  }
  const bytes = Uint8Array.from(atob(embedded.textContent?.trim() ?? ''), (c) => c.charCodeAt(0));
  files.openFile(new File([bytes], embedded.dataset.name || 'demo.md'));
}

function start() {
  document.documentElement.lang = route.lang === 'zh' ? 'zh-CN' : 'en';
  translatePage(document, t);
  if (route.embed) startEmbed(ui.viewer);
  else listenForDrops(ui.dropzone, openAll);
  ui.input.addEventListener('change', () => {
    const picked = Array.from(ui.input.files ?? []);
    ui.input.value = '';
    openAll(picked.map((file) => ({ file, name: file.name })));
  });
  const block = imagesBlockedAtStart();
  ui.blockImages.checked = block;
  reader.setBlockImages(block);
  ui.blockImages.addEventListener('change', onBlockImagesChange);
  init().catch(() => {}); // Start fetching the core early; errors show per file.
  // The main thread is free while the core compiles: load the date data meanwhile.
  setTimeout(() => prepareDates(locale), 0);
  if (route.src === null) openDemo();
  else if (route.src.trim() !== '') files.openUrl(route.src);
}

start();
