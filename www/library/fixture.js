// The library's fixture page (fixture.html): composes the library's parts the way the
// viewer will: opening (inputs and drop), the folder tree, the list with its filters,
// search, progress, keeping, and a plain article pane with resolved images, links and
// backlinks. For the browser tests and the benchmark; `?lang=zh` for Chinese.

import { h } from './dom.js';
import { KeepView } from './keep-view.js';
import { markMatches } from './highlight.js';
import { Library } from './library.js';
import { MAX_EMBED_DEPTH, ObjectUrls, linkArticle } from './links.js';
import { ListView } from './list-view.js';
import { pickedFromDrop, pickedFromInput, walkHandle } from './open.js';
import { ProgressView } from './progress-view.js';
import { restore } from './keep.js';
import { SearchView } from './search-view.js';
import { errorText, translator } from './strings.js';
import { TreeView } from './tree-view.js';
import { registerOffline } from './workers.js';

const params = new URLSearchParams(location.search);
const lang = params.get('lang') === 'zh' || (!params.get('lang') && navigator.language.startsWith('zh')) ? 'zh' : 'en';
const t = translator(lang);
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(/** @type {HTMLElement} */ (el).dataset.i18n ?? '');

const library = new Library();
/** @type {FileSystemDirectoryHandle[]} */
const handles = [];
const urls = new ObjectUrls();
/** @type {() => void} */
let releaseShown = () => {};

const $ = (/** @type {string} */ selector) => /** @type {HTMLElement} */ (document.querySelector(selector));
const errorBox = $('[data-testid="library-error"]');
const tree = new TreeView($('.lib-folders'), library, t);
const articles = $('.lib-articles');
const searchSlot = h('div');
const progressSlot = h('div');
articles.append(searchSlot, progressSlot);
const list = new ListView(articles, library, t, {
  locale: lang === 'zh' ? 'zh-CN' : 'en',
  remoteImages: params.get('images') === 'block' ? 'block' : 'load',
  thumbnail: (record) => {
    const cover = record.summary?.cover;
    const found = cover ? library.resolver.resolve(record.path, cover, 'image') : null;
    const file = found ? library.file(found.path) : undefined;
    return found && file ? urls.acquire(found.path, file, 'image').url : null;
  },
});
new SearchView(searchSlot, library, list, t);
new ProgressView(progressSlot, library, t);
const keepView = new KeepView($('.lib-keep-slot'), library, t, { handles: () => handles });
tree.container.addEventListener('library-folder', (event) => list.setFolder(/** @type {CustomEvent} */ (event).detail.path));

library.addEventListener('error', (event) => {
  const { name, error } = /** @type {CustomEvent} */ (event).detail;
  errorBox.hidden = false;
  errorBox.textContent = t('openError', name, errorText(t, error));
});

/**
 * Opens what was picked or dropped.
 * @param {import('./open.js').Picked[]} picked
 */
async function open(picked) {
  errorBox.hidden = true;
  for (const p of picked) if (p.kind === 'handle') handles.push(p.handle);
  await library.open(picked);
}

for (const testid of ['folder-input', 'file-input']) {
  const input = /** @type {HTMLInputElement} */ ($(`[data-testid="${testid}"]`));
  input.addEventListener('change', () => {
    open(pickedFromInput(input.files ?? []));
    input.value = '';
  });
}
document.body.addEventListener('dragover', (event) => event.preventDefault());
document.body.addEventListener('drop', (event) => {
  event.preventDefault();
  if (event.dataTransfer) pickedFromDrop(event.dataTransfer).then(open);
});

const pane = $('[data-testid="article-pane"]');
/** The page's one way to turn the core's sanitized HTML into nodes. */
const policy = /** @type {any} */ (window).trustedTypes?.createPolicy('library-fixture', { createHTML: (/** @type {string} */ s) => s })
  ?? { createHTML: (/** @type {string} */ s) => s };

/**
 * The article's body as nodes, its images, links and embeds connected to the archive.
 * @param {string} path
 * @param {string} html the core's sanitized HTML
 * @param {HTMLElement} body where it goes (clicks are heard there)
 * @param {number} depth how many embeds deep this is
 * @param {(() => void)[]} releases where each level's release goes
 */
function fill(path, html, body, depth, releases) {
  const template = document.createElement('template');
  template.innerHTML = policy.createHTML(html);
  releases.push(linkArticle(template.content, path, {
    resolver: library.resolver,
    file: (p) => library.file(p),
    isArticle: (p) => library.records.has(p),
    urls,
    unresolvedLabel: (target) => t('unresolved', target),
    clickRoot: body,
    embed: (note, _fragment, into) => {
      if (depth >= MAX_EMBED_DEPTH) {
        into.textContent = t('embedTooDeep', note);
        return;
      }
      library.article(note).then((embedded) => fill(note, embedded.html, into, depth + 1, releases), () => {
        into.textContent = t('unresolved', note);
      });
    },
  }));
  body.append(template.content);
}

/**
 * Shows one article of the library.
 * @param {string} path
 * @param {string} fragment
 * @param {string[]} [terms] a search's matched terms, marked in the article
 */
async function show(path, fragment, terms = []) {
  let article;
  try {
    article = await library.article(path);
  } catch (error) {
    pane.replaceChildren(h('p', { class: 'lib-error', role: 'alert', text: t('openError', path, /** @type {Error} */ (error).message) }));
    return;
  }
  releaseShown();
  const body = h('div', { class: 'lib-article-body', 'data-testid': 'article-body' });
  /** @type {(() => void)[]} */
  const releases = [];
  fill(path, article.html, body, 0, releases);
  releaseShown = () => { for (const release of releases.splice(0)) release(); };
  const from = library.backlinks(path);
  pane.replaceChildren(h('article', { 'data-testid': 'article', 'data-path': path, lang: article.lang },
    h('h1', { 'data-testid': 'article-title', text: article.title ?? path }),
    body,
    from.length ? h('section', { class: 'lib-backlinks', 'data-testid': 'backlinks' },
      h('h2', { text: t('linkedFrom') }),
      h('ul', {}, ...from.map((p) => h('li', {}, h('a', { href: `#${encodeURI(p)}`, 'data-library-path': p, text: library.records.get(p)?.title ?? p }))))) : null));
  if (markMatches(body, terms)) body.querySelector('mark.library-match')?.scrollIntoView({ block: 'center' });
  else if (fragment) document.getElementById(`user-content-${fragment}`)?.scrollIntoView();
  else pane.scrollTop = 0;
}

document.addEventListener('library-open', (event) => {
  const { path, fragment, terms } = /** @type {CustomEvent} */ (event).detail;
  show(path, fragment, terms);
});
pane.addEventListener('click', (event) => {
  const a = /** @type {HTMLElement} */ (event.target).closest('.lib-backlinks a[data-library-path]');
  if (!a) return;
  event.preventDefault();
  show(a.getAttribute('data-library-path') ?? '', '');
});

// Kept files come back on the next visit; kept folders when the browser still allows reading them.
keepView.ready.then(() => (!keepView.box.checked ? undefined : keepView.quiet(async () => {
  const { files, handles: kept } = await restore();
  library.addFiles(files);
  for (const handle of kept) {
    if (await /** @type {any} */ (handle).queryPermission?.({ mode: 'read' }) === 'granted') {
      handles.push(handle);
      await walkHandle(handle, handle.name, (batch) => library.addFiles(batch), () => {});
    }
  }
})));

if (params.get('offline') !== 'no') registerOffline().catch(() => {});
// The workers load the core while the page waits for its first file.
(window.requestIdleCallback ?? ((/** @type {() => void} */ f) => setTimeout(f, 200)))(() => library.warm());

// For the tests and the benchmark: the library and the list, from the console.
Object.assign(window, { folioLibrary: library, folioList: list });
