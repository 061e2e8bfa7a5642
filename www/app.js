// The viewer page's start: reads the URL (viewer/route.js), makes the library of opened
// files (library/) and the store that renders the one being read (viewer/files.js), the
// views that show them (the folder tree, the article list, search, progress and the keep
// switch in the sidebar and top bar; the reader), and wires the ways in: the pickers,
// drops, `?src=`, permalinks, the kept library and the demo.

import { storeLang, switchableTranslator, translatePage } from './i18n.js';
import { ARCHIVE_TYPE, fromBlocks } from './library/archive-blocks.js';
import { TogglePanel } from './library/drawer.js';
import { KeepView } from './library/keep-view.js';
import { restore } from './library/keep.js';
import { Library } from './library/library.js';
import { ListView } from './library/list-view.js';
import { pickedFromInput, walkHandle } from './library/open.js';
import { ProgressView } from './library/progress-view.js';
import { SearchView } from './library/search-view.js';
import { ShareView } from './library/share.js';
import { errorText, following, translateLibrary } from './library/strings.js';
import { TreeView } from './library/tree-view.js';
import { registerOffline } from './library/workers.js';
import { WORKER_MIN_BYTES, renderFile } from './render/worker-client.js';
import { readerControls } from './view/controls.js';
import { prepareDates } from './view/dates.js';
import { listenForDrops } from './viewer/drop.js';
import { startEmbed } from './viewer/embed.js';
import { OpenedFiles } from './viewer/files.js';
import { firstViewPainted } from './viewer/first-view.js';
import { DEMO } from './viewer/early.js';
import { closeMenusAsMenusDo } from './viewer/menus.js';
import { Reader } from './viewer/reader.js';
import { openedRenderer } from './viewer/render-opened.js';
import { clearPermalink, datesLocale, localeOf, onPermalink, readRoute, showPermalink } from './viewer/route.js';
import { IMAGES_KEY, imagesBlockedAtStart } from './viewer/settings.js';

/** A library saved into this page (archive.js): its blocks' text, taken out of the page. */
const archiveBlocks = [...document.querySelectorAll(`script[type="${ARCHIVE_TYPE}"]`)].map((node) => {
  const block = { part: Number(node.getAttribute('data-part')), parts: Number(node.getAttribute('data-parts')), text: node.textContent ?? '' };
  node.remove();
  return block;
});
/** This page as written, when it is the single file (dist/folio.html, which embeds the
 * demo): what "Save library as one HTML file" writes into. Taken before anything is drawn. */
const singleFileSource = document.getElementById('folio-demo')
  // eslint-disable-next-line no-restricted-properties -- read, to save the page as it is; nothing is inserted
  ? `<!doctype html>\n${document.documentElement.outerHTML}\n` : null;

// The article of `?src=` may be on screen already (viewer/early.js drew it): the rest of
// the viewer starts once that frame is painted.
await firstViewPainted();

const route = readRoute(location);
const t = switchableTranslator(route.lang);
/** The library's strings, in whatever language the viewer speaks. */
const lt = following(t);
const locale = datesLocale(route);

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

/**
 * The page's element matching `selector` (index.html has it once).
 * @param {string} selector
 * @returns {HTMLElement}
 */
function slot(selector) {
  const node = document.querySelector(selector);
  if (!(node instanceof HTMLElement)) throw new Error(`index.html lacks ${selector}`);
  return node;
}

const ui = {
  dropzone: part('dropzone'),
  input: /** @type {HTMLInputElement} */ (part('file-input')),
  folderInput: /** @type {HTMLInputElement} */ (part('folder-input')),
  openLabel: part('open-label'),
  nav: part('file-list-nav'),
  viewer: part('viewer'),
  notice: part('notice'),
  status: part('status'),
  error: part('library-error'),
  blockImages: /** @type {HTMLInputElement} */ (part('block-images')),
  /** The reader's settings (theme, text size, column width, language), in the top bar. */
  controls: /** @type {HTMLElement} */ (document.createElement('div')),
};

/**
 * Says something to screen readers through the polite live region.
 * @param {string} message
 */
function announce(message) {
  // Re-setting the same text is not announced again; a trailing no-break space toggles it.
  ui.status.textContent = ui.status.textContent === message ? `${message}\u00a0` : message;
}

/** The remote-images switch (its label), which the settings panel holds. @returns {HTMLElement} */
function imagesSwitch() {
  return /** @type {HTMLElement} */ (ui.blockImages.closest('label'));
}
ui.controls = readerControls({ t, onLanguage: switchLanguage, extras: [imagesSwitch()] });

const library = new Library();
const files = new OpenedFiles({ library, render: openedRenderer({ pool: library.pool, fallback: renderFile, maxBytes: WORKER_MIN_BYTES }) });
/** Folders opened as directory handles (File System Access), kept with the library. @type {FileSystemDirectoryHandle[]} */
const handles = [];

const list = new ListView(slot('.lib-articles'), library, lt, {
  locale: localeOf(route.lang),
  testid: 'file-list',
  remoteImages: imagesBlockedAtStart(route) ? 'block' : 'load',
});
const tree = new TreeView(slot('.lib-folders'), library, lt);
// While a search lists its hits, each folder counts them (the list says which it may count).
ui.nav.addEventListener('library-hits', (event) => tree.showHits(/** @type {CustomEvent<{ paths: string[] | null }>} */ (event).detail.paths));
const search = new SearchView(slot('.search-slot'), library, list, lt);
new ProgressView(slot('.lib-progress-slot'), library, lt);
// For the tests and the benchmark: the library and its list, from the console.
Object.assign(window, { folioLibrary: library, folioList: list, folioSearch: search });
/** Phones: the library is a drawer and the top bar's openers, save menu and settings one menu (library.css). */
const phone = matchMedia('(max-width: 48rem)');
const drawer = new TogglePanel({
  button: part('library-button'), panel: ui.nav, phone, backdrop: slot('.drawer-backdrop'),
  inside: [slot('.search-slot')],
  focusTarget: () => (library.records.size ? list.listbox : ui.nav.querySelector('summary')),
});
const more = new TogglePanel({ button: part('more-button'), panel: slot('.topbar-actions'), phone });
// Choosing an article in the drawer closes it; searching on a phone shows the hits in it.
ui.nav.addEventListener('library-open', () => drawer.close());
slot('.search-slot').addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown' || event.key === 'Enter') drawer.open({ focus: false });
}, true);
search.input.addEventListener('input', () => { if (search.input.value.trim()) drawer.open({ focus: false }); });

/** The drawer's and the menu's buttons: the article count, their names in the UI's language. */
function labelTopBar() {
  const count = library.records.size;
  part('library-button-count').textContent = count.toLocaleString(localeOf(t.lang));
  part('library-button').setAttribute('aria-label', lt('libraryButton', count));
  part('more-button').setAttribute('aria-label', lt('more'));
  part('more-button').title = lt('more');
}
for (const type of ['files', 'cleared']) library.addEventListener(type, labelTopBar);

/**
 * The welcome card while the library holds articles and none is shown (opened into an
 * empty page, or kept from a last visit): it says so and offers the newest, not the
 * pickers, so that the opened files do not look lost (on a phone the list is in a drawer).
 */
function labelWelcome() {
  const card = welcomeCard;
  if (!card) return;
  const count = library.records.size;
  for (const el of card.querySelectorAll('.welcome-start')) /** @type {HTMLElement} */ (el).hidden = count > 0;
  for (const el of card.querySelectorAll('.welcome-choose')) /** @type {HTMLElement} */ (el).hidden = count === 0;
  const title = /** @type {HTMLElement} */ (card.querySelector('h1'));
  title.textContent = count > 0 ? lt('welcomeChoose') : t('welcomeTitle');
  const text = card.querySelector('[data-testid="welcome-library"]');
  if (text) text.textContent = count > 0 ? lt('welcomeLibrary', count) : '';
}
/** The welcome card, kept while other views take the pane (none when the first view replaced it before this ran). */
const welcomeCard = document.querySelector('.welcome');
for (const type of ['files', 'cleared']) library.addEventListener(type, labelWelcome);
welcomeCard?.querySelector('[data-testid="welcome-newest"]')?.addEventListener('click', () => {
  const newest = library.list()[0];
  if (newest) go(newest.path);
});
welcomeCard?.querySelector('[data-testid="welcome-show-library"]')?.addEventListener('click', () => drawer.open());

const keepView = new KeepView(slot('.lib-keep-slot'), library, lt, { handles: () => handles });

/**
 * Moves the reader to an article of the library: a history entry with its permalink.
 * @param {string} path
 * @param {{ fragment?: string, terms?: string[], replace?: boolean }} [options]
 */
function go(path, { fragment = '', terms = [], replace = false } = {}) {
  reader.arrive(path, { fragment, terms });
  if (!files.select(path)) return;
  showPermalink(path, { fragment, replace });
}

const reader = new Reader({
  pane: ui.viewer, notice: ui.notice, files, t, lt, locale, announce,
  go: (path, fragment) => go(path, { fragment }),
});

const share = new ShareView(slot('.share-slot'), {
  library, t: lt, announce,
  template: async () => singleFileSource ?? fetch('folio.html').then((r) => (r.ok ? r.text() : null), () => null),
  shown: () => reader.shownArticle(),
});
closeMenusAsMenusDo(document, 'details.lib-menu, details.reader-settings');

files.addEventListener('selected', (event) => {
  list.setCurrent(/** @type {CustomEvent<import('./viewer/files.js').Entry>} */ (event).detail.key);
  share.update();
});
files.addEventListener('changed', () => share.update());
// The demo left and nothing took its place: its permalink goes too.
files.addEventListener('emptied', () => {
  clearPermalink();
  share.update();
});
library.addEventListener('files', () => share.update());
document.addEventListener('library-open', (event) => {
  const { path, fragment, terms } = /** @type {CustomEvent<{ path: string, fragment?: string, terms?: string[] }>} */ (event).detail;
  go(path, { fragment, terms });
});
tree.container.addEventListener('library-folder', (event) => {
  list.setFolder(/** @type {CustomEvent<{ path: string }>} */ (event).detail.path);
});
library.addEventListener('error', (event) => {
  const { name, error } = /** @type {CustomEvent} */ (event).detail;
  ui.error.hidden = false;
  ui.error.textContent = lt('openError', name, errorText(lt, error));
});

/**
 * Opens what a picker or a drop held; the first file picked on its own is shown (the demo
 * makes way for them: files.open()).
 * @param {import('./library/open.js').Picked[]} picked
 */
function open(picked) {
  ui.error.hidden = true;
  for (const p of picked) if (p.kind === 'handle') handles.push(p.handle);
  files.open(picked).then((chosen) => {
    if (chosen && files.current) showPermalink(files.current.key);
  });
}

/** Remembers the checkbox's state and redraws the shown article with it. */
function onBlockImagesChange() {
  const block = ui.blockImages.checked;
  try {
    localStorage.setItem(IMAGES_KEY, block ? 'block' : 'load');
  } catch {
    // Not remembered; it still applies until the page is closed.
  }
  showImages(block);
}

/**
 * Blocks remote images, or loads them, in the shown article and in the list's thumbnails.
 * @param {boolean} block
 */
function showImages(block) {
  reader.setBlockImages(block);
  list.setRemoteImages(block ? 'block' : 'load');
}

/**
 * Opens the demo article: embedded in the page as base64 (`#folio-demo`, the single-file
 * build made by scripts/dist.mjs), else fetched from next to the page. Never kept; it
 * leaves the library when the reader opens files of their own.
 */
function openDemo() {
  const embedded = document.getElementById('folio-demo');
  if (!embedded) {
    files.openUrl(DEMO, { demo: true }).then(() => {
      if (files.current && library.records.has(files.current.key)) showPermalink(files.current.key, { replace: true });
    });
    return;
  }
  const bytes = Uint8Array.from(atob(embedded.textContent?.trim() ?? ''), (c) => c.charCodeAt(0));
  files.openFile(new File([bytes], embedded.dataset.name || 'demo.md'), { transient: true, demo: true });
}

/**
 * The library kept in this browser, opened again (folders kept as handles when the
 * browser still allows reading them). Resolves to whether anything came back.
 * @returns {Promise<boolean>}
 */
async function reopenKept() {
  await keepView.ready;
  if (!keepView.box.checked) return false;
  let any = false;
  await keepView.quiet(async () => {
    const kept = await restore();
    library.addFiles(kept.files);
    any = kept.files.length > 0;
    for (const handle of kept.handles) {
      if (await /** @type {any} */ (handle).queryPermission?.({ mode: 'read' }) !== 'granted') continue;
      handles.push(handle);
      any = true;
      await walkHandle(handle, handle.name, (batch) => library.addFiles(batch), () => {});
    }
  }).catch(() => {});
  return any;
}

/**
 * Opens the library saved into this page, if any (archive.js, which reads its ZIP, is
 * loaded only then). Resolves to whether there was one.
 * @returns {Promise<boolean>}
 */
async function openSavedLibrary() {
  if (!archiveBlocks.length) return false;
  try {
    const { readArchive } = await import('./library/archive.js');
    library.openArchive(readArchive(fromBlocks(archiveBlocks)));
  } catch (error) {
    ui.error.hidden = false;
    ui.error.textContent = lt('archiveError', errorText(lt, /** @type {any} */ (error)));
  }
  return true;
}

/** What the page shows first: the permalink's article, else the library saved into the
 * page (its newest article), else `?src=`, else the demo. */
async function showFirst() {
  /** The fetched article's permalink, in place of the address's (no history entry). */
  const settle = () => {
    if (files.current && library.records.has(files.current.key)) showPermalink(files.current.key, { replace: true });
  };
  const saved = await openSavedLibrary();
  // `?src=` with no permalink shows that article whatever is kept: it does not wait for
  // the kept library (opening IndexedDB, 50–150 ms on a first visit), which comes back beside it.
  if (!saved && route.src !== null && !readRoute(location).permalink) {
    if (route.src.trim() !== '') files.openUrl(route.src).then(settle);
    await reopenKept();
    return;
  }
  const kept = await reopenKept();
  const wanted = readRoute(location).permalink;
  if (wanted && library.records.has(wanted.path)) {
    go(wanted.path, { fragment: wanted.fragment, replace: true });
    return;
  }
  if (saved) {
    const newest = library.list()[0];
    if (newest) go(newest.path, { replace: true });
    return;
  }
  if (route.src === null && !kept) openDemo();
  else if (route.src !== null && route.src.trim() !== '') files.openUrl(route.src).then(settle);
}

/** Keeps `--topbar-height` equal to the top bar's height (the sidebar fills the window below it). */
function followTopBar() {
  const bar = slot('.topbar');
  new ResizeObserver(() => {
    document.documentElement.style.setProperty('--topbar-height', `${Math.ceil(bar.getBoundingClientRect().height)}px`);
  }).observe(bar);
}

/**
 * Switches the UI language in place (the settings' menu): the page's strings, then the
 * shown article's view, drawn again in the new language.
 * @param {import('./i18n.js').Lang} lang
 */
function switchLanguage(lang) {
  storeLang(lang);
  t.setLang(lang);
  document.documentElement.lang = localeOf(lang);
  translatePage(document, t);
  translateLibrary(document, lt);
  list.setLocale(localeOf(lang));
  tree.draw();
  share.update();
  labelTopBar();
  labelWelcome();
  ui.controls.replaceWith(ui.controls = readerControls({ t, onLanguage: switchLanguage, extras: [imagesSwitch()] }));
  showImages(ui.blockImages.checked);
}

/** The longest the first screen holds up what can wait for it, in ms. */
const FIRST_SCREEN_MAX_MS = 5000;

/**
 * Runs `task` in an idle moment once the first screen is up: the first article shown, or
 * why it could not be; with no article to show, once the page has loaded and `first` (what
 * chooses the first article) has settled. At the latest after FIRST_SCREEN_MAX_MS.
 * @param {Promise<unknown>} first
 * @param {() => void} task
 */
function afterFirstScreen(first, task) {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    files.removeEventListener('changed', settled);
    clearTimeout(timer);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
    else setTimeout(task, 0);
  };
  const settled = () => { if (files.current && files.current.state !== 'loading') run(); };
  files.addEventListener('changed', settled);
  const timer = setTimeout(run, FIRST_SCREEN_MAX_MS);
  // (This module waits for the first view's frame before it starts, so the page may have
  // loaded before anything was chosen.)
  const loaded = () => { first.then(() => { if (!files.current) run(); }, run); };
  if (document.readyState === 'complete') loaded();
  else addEventListener('load', loaded, { once: true });
}

function start() {
  ui.openLabel.before(ui.controls);
  document.documentElement.lang = localeOf(route.lang);
  followTopBar();
  translatePage(document, t);
  translateLibrary(document, lt);
  labelTopBar();
  if (route.embed) startEmbed(ui.viewer);
  else listenForDrops(ui.dropzone, open);
  for (const input of [ui.input, ui.folderInput]) {
    input.addEventListener('change', () => {
      const picked = pickedFromInput(input.files ?? []);
      input.value = '';
      more.close({ focus: false });
      open(picked);
    });
  }
  onPermalink((permalink) => {
    if (!permalink || !library.records.has(permalink.path)) return;
    reader.arrive(permalink.path, { fragment: permalink.fragment });
    files.select(permalink.path);
  });
  const block = imagesBlockedAtStart(route);
  ui.blockImages.checked = block;
  showImages(block);
  ui.blockImages.addEventListener('change', onBlockImagesChange);
  // viewer/early.js started the core (and the first article's fetch) already.
  // The main thread is free while the core compiles: load the date data meanwhile.
  setTimeout(() => prepareDates(locale), 0);
  const first = showFirst();
  if (!route.embed) {
    // Offline use is a bonus: a page without it still works. Installing caches the whole
    // shell (its files fetched again, the core compiled again), which took the network
    // and a core from the first article: it waits for that.
    afterFirstScreen(first, () => registerOffline().catch(() => {}));
    // The parse workers load the core as soon as the reader reaches for something to open
    // (not before: a page that only shows one article never needs them).
    const warm = () => library.warm();
    for (const type of ['pointerdown', 'focusin']) slot('.topbar-actions').addEventListener(type, warm, { once: true });
    // The welcome card's buttons open the top bar's pickers (on a phone, those are in its ⋯ menu).
    for (const button of document.querySelectorAll('.welcome [data-opens]')) {
      button.addEventListener('pointerdown', warm, { once: true });
      button.addEventListener('click', () => part(/** @type {HTMLElement} */ (button).dataset.opens ?? '').click());
    }
    document.addEventListener('dragenter', warm, { once: true });
  }
}

start();
