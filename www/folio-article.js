// <folio-article>: one article rendered inside any page, in its own shadow root.
//
//   <script type="module" src="folio-article.js"></script>
//   <folio-article src="post.md"></folio-article>
//   <folio-article><script type="text/markdown"># Inline</script></folio-article>
//
// Importing this module registers the element (guarded: a second copy does nothing).
// The WebAssembly core is loaded once per page, when the first element needs it.
// The body is the core's sanitized HTML, inserted through the viewer's single
// Trusted Types policy (`folio`); every metadata value is set as text.

import { init, render } from './folio.js';
import { pickLang, translator } from './i18n.js';
import {
  byline, categoriesNav, chips, coverUrl, el, isRemoteImage, nameFromUrl, parseArticleBody, tableOfContents, warningsBox,
} from './view.js';

/** @typedef {import('./folio.js').Article} Article */
/** @typedef {import('./folio.js').RenderOptions} RenderOptions */

/** The parts `show` can list; all are shown when it is absent. */
export const SHOW_PARTS = /** @type {const} */ (['title', 'byline', 'date', 'categories', 'tags', 'cover', 'toc', 'summary', 'body']);

/** The element's styles: private `--_` tokens fed by the public `--folio-*` properties. */
const CSS = `
:host {
  display: block;
  contain: content;
}
:host([hidden]) { display: none; }
.root {
  all: initial;
  display: block;
  --_fg: var(--folio-fg, #1f1d1a);
  --_bg: var(--folio-bg, #fbfaf7);
  --_surface: var(--folio-surface, #f2efe8);
  --_border: var(--folio-border, #ddd7cb);
  --_accent: var(--folio-accent, #9a3d12);
  --_muted: var(--folio-muted, #6b645a);
  --_danger: var(--folio-danger, #a32020);
  --_danger-bg: var(--folio-danger-bg, #fdf0ee);
  --_focus: var(--folio-focus, #1a5fb4);
  color-scheme: light;
  color: var(--_fg);
  background: var(--_bg);
  font-family: var(--folio-font, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif);
  font-size: var(--folio-font-size, 16px);
  line-height: var(--folio-line-height, 1.8);
  padding: var(--folio-padding, 1.5em);
  text-align: start;
  overflow-wrap: break-word;
}
.root * { box-sizing: border-box; }
:host([theme="dark"]) .root {
  --_fg: var(--folio-fg, #e8e4dc);
  --_bg: var(--folio-bg, #171614);
  --_surface: var(--folio-surface, #22201d);
  --_border: var(--folio-border, #3a3631);
  --_accent: var(--folio-accent, #f0a070);
  --_muted: var(--folio-muted, #a59d91);
  --_danger: var(--folio-danger, #ff9b8f);
  --_danger-bg: var(--folio-danger-bg, #2e1b19);
  --_focus: var(--folio-focus, #8ab4ff);
  color-scheme: dark;
}
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"])) .root {
    --_fg: var(--folio-fg, #e8e4dc);
    --_bg: var(--folio-bg, #171614);
    --_surface: var(--folio-surface, #22201d);
    --_border: var(--folio-border, #3a3631);
    --_accent: var(--folio-accent, #f0a070);
    --_muted: var(--folio-muted, #a59d91);
    --_danger: var(--folio-danger, #ff9b8f);
    --_danger-bg: var(--folio-danger-bg, #2e1b19);
    --_focus: var(--folio-focus, #8ab4ff);
    color-scheme: dark;
  }
}
.article, .error-card, .loading { display: block; max-width: var(--folio-measure, 42em); margin: 0 auto; }
.article:lang(zh), .article:lang(ja) { letter-spacing: 0.02em; }
a { color: var(--_accent); text-underline-offset: 0.15em; }
:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
h1, h2, h3, h4, h5, h6 { font-weight: 700; }
.article-header { display: block; margin-bottom: 2em; }
.article-header h1 { margin: 0.25em 0 0.75em; font-size: 2em; line-height: 1.3; }
.article-header h1:focus { outline: none; }
.breadcrumb ol { display: flex; flex-wrap: wrap; list-style: none; margin: 0; padding: 0; font-size: 0.88em; color: var(--_muted); }
.breadcrumb li + li::before { content: "›"; margin: 0 0.45em; }
.byline { margin: 0; color: var(--_muted); font-size: 0.93em; line-height: 1.6; }
.badge { display: inline-block; padding: 0 0.5em; border-radius: 999px; border: 1px solid currentColor; font-size: 0.8em; font-weight: 600; }
.badge.draft { color: var(--_accent); }
.summary { margin: 1em 0 0; font-size: 1.05em; color: var(--_muted); }
.chips { display: flex; flex-wrap: wrap; gap: 0.4em; list-style: none; margin: 1em 0 0; padding: 0; }
.chip { padding: 0.1em 0.65em; border-radius: 999px; background: var(--_surface); border: 1px solid var(--_border); font-size: 0.82em; line-height: 1.6; }
.chip::before { content: "#"; color: var(--_muted); margin-right: 0.1em; }
.cover { display: block; margin: 0 0 2em; }
.cover img { display: block; width: 100%; max-height: 26em; object-fit: cover; border-radius: var(--folio-radius, 0.5em); }
.toc { display: block; margin: 0 0 2em; padding: 0.75em 1em; border-left: 3px solid var(--_border); background: var(--_surface); border-radius: 0 var(--folio-radius, 0.5em) var(--folio-radius, 0.5em) 0; font-size: 0.92em; line-height: 1.6; }
.toc h2 { margin: 0 0 0.35em; font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.06em; color: var(--_muted); }
.toc ol { list-style: none; margin: 0; padding: 0; }
.toc li[data-depth="1"] { padding-left: 1em; }
.toc li[data-depth="2"] { padding-left: 2em; }
.toc li[data-depth="3"] { padding-left: 3em; }
.article-body { display: block; }
.article-body > :first-child { margin-top: 0; }
.article-body p { margin: 0 0 1.1em; }
.article-body h2, .article-body h3, .article-body h4 { line-height: 1.4; margin: 2em 0 0.6em; }
.article-body img, .article-body video { display: inline; max-width: 100%; height: auto; }
.article-body figure { margin: 1.5em 0; }
.article-body blockquote { margin: 1.5em 0; padding: 0 1em; border-left: 3px solid var(--_border); color: var(--_muted); }
.article-body ul, .article-body ol { padding-left: 1.6em; }
.article-body table { display: block; max-width: 100%; overflow-x: auto; border-collapse: collapse; margin: 1.5em 0; font-size: 0.93em; line-height: 1.5; }
.article-body th, .article-body td { border: 1px solid var(--_border); padding: 0.4em 0.7em; text-align: start; }
.article-body code { font-family: var(--folio-font-mono, ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace); font-size: 0.9em; }
.article-body pre { overflow-x: auto; padding: 1em; background: var(--_surface); border-radius: var(--folio-radius, 0.5em); line-height: 1.5; }
.article-body hr { border: 0; border-top: 1px solid var(--_border); margin: 2em 0; }
.warnings { display: block; margin: 2em 0 0; padding: 0.5em 1em; border: 1px solid var(--_border); border-radius: var(--folio-radius, 0.5em); font-size: 0.92em; line-height: 1.6; }
summary { cursor: pointer; color: var(--_muted); }
.blocked-image { display: inline-flex; align-items: center; gap: 0.4em; max-width: 100%; margin: 0.25em 0; padding: 0.5em 0.9em; border: 1px dashed var(--_border); border-radius: var(--folio-radius, 0.5em); background: var(--_surface); color: var(--_fg); font: inherit; font-size: 0.9em; line-height: 1.4; cursor: pointer; text-align: start; overflow-wrap: anywhere; }
.blocked-image:hover { border-color: var(--_accent); }
.error-card { padding: 1em 1.25em; border: 1px solid var(--_danger); border-left-width: 4px; border-radius: var(--folio-radius, 0.5em); background: var(--_danger-bg); }
.error-card strong { display: block; color: var(--_danger); margin-bottom: 0.25em; }
.error-card p { margin: 0; }
.loading { color: var(--_muted); }
`;

/** One stylesheet shared by every element on the page (not subject to style-src CSP). */
let sharedSheet = /** @type {CSSStyleSheet | null} */ (null);

/** @returns {CSSStyleSheet} */
function sheet() {
  if (!sharedSheet) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(CSS);
  }
  return sharedSheet;
}

/**
 * Removes the indentation common to every non-blank line (inline Markdown is usually
 * indented to match the page's HTML) and the blank lines around the text.
 * @param {string} text
 * @returns {string}
 */
export function dedent(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && lines[0].trim() === '') lines.shift();
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(Math.min(cut, /^[ \t]*/.exec(line)?.[0].length ?? 0))).join('\n');
}

/** A render that lost to a newer one (a new `src`, or a later `render()` call). */
class Superseded extends Error {}

/**
 * What the element last rendered from, kept so that `base` changes can render it again.
 * @typedef {{ input: string | Uint8Array, options: RenderOptions }} Source
 */

/**
 * `<folio-article>`: renders an article file (by `src`, inline `<script type="text/markdown">`
 * or `text/html`, or `.render()`) in an open shadow root.
 *
 * Attributes (each mirrored by a property): `src`, `base`, `theme` (`light`, `dark`,
 * `auto`), `show` (space-separated parts), `remote-images` (`load`, `block`).
 * State attributes: `loading`, `rendered`, `error`.
 * Events: `folio-rendered` (detail: the Article), `folio-error` (detail: `{ message }`).
 */
export class FolioArticleElement extends HTMLElement {
  static observedAttributes = ['src', 'base', 'theme', 'show', 'remote-images'];

  /** Bumped by every render; a result whose number is older is dropped. */
  #generation = 0;
  /** @type {Article | null} */
  #article = null;
  /** @type {Source | null} */
  #source = null;
  /** The #sourceKey() of the last src or inline render started. */
  #shownKey = '';
  /** True once connectedCallback has set things up, until disconnection. */
  #connected = false;
  /** Watches inline `<script type="text/markdown">` content. @type {MutationObserver | null} */
  #observer = null;
  /** @type {HTMLElement} */
  #root;
  #t = translator(pickLang(new URLSearchParams(), navigator.languages?.length ? navigator.languages : [navigator.language]));
  #locale = navigator.language || 'en';

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [sheet()];
    this.#root = el('div', { className: 'root', attrs: { part: 'root' } });
    shadow.append(this.#root);
  }

  /** The article's URL, resolved against the page; empty when absent. */
  get src() { return this.getAttribute('src') ?? ''; }
  set src(value) { this.setAttribute('src', value); }

  /** The base URL for the article's relative links and images (default: the `src` URL). */
  get base() { return this.getAttribute('base') ?? ''; }
  set base(value) { this.setAttribute('base', value); }

  /** `light`, `dark` or `auto` (the reader's preference; the default). */
  get theme() {
    const value = this.getAttribute('theme');
    return value === 'light' || value === 'dark' ? value : 'auto';
  }
  set theme(value) { this.setAttribute('theme', value); }

  /** The parts shown, space-separated (default: all of them). */
  get show() { return this.getAttribute('show') ?? SHOW_PARTS.join(' '); }
  set show(value) { this.setAttribute('show', value); }

  /** `load` (the default) or `block`: remote images wait for a click. */
  get remoteImages() { return this.getAttribute('remote-images') === 'block' ? 'block' : 'load'; }
  set remoteImages(value) { this.setAttribute('remote-images', value); }

  /** The last rendered Article, or null. */
  get article() { return this.#article; }

  connectedCallback() {
    if (this.#connected) return;
    this.#connected = true;
    this.shadowRoot?.addEventListener('click', this.#onClick);
    this.#observer = new MutationObserver(() => {
      if (!this.src.trim() && this.#sourceKey() !== this.#shownKey) this.#update();
    });
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true });
    // Moved within the page: keep what is shown unless its source changed meanwhile.
    if (this.#sourceKey() !== this.#shownKey) this.#update();
  }

  disconnectedCallback() {
    this.#connected = false;
    this.shadowRoot?.removeEventListener('click', this.#onClick);
    this.#observer?.disconnect();
    this.#observer = null;
  }

  /**
   * @param {string} name
   * @param {string | null} oldValue
   * @param {string | null} newValue
   */
  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.#connected) return;
    if (name === 'src' || name === 'base') {
      if (this.#sourceKey()) this.#update();
      else if (name === 'base' && this.#source) {
        // Content given to render(): render it again against the new base.
        const { input, options } = this.#source;
        const baseUrl = new URL(this.base || document.baseURI, document.baseURI).href;
        this.#renderSource({ input, options: { ...options, baseUrl } }, ++this.#generation).catch(() => {});
      }
    } else if (name === 'show' || name === 'remote-images') {
      if (this.#article) this.#draw(this.#article, this.#source?.options.baseUrl);
    }
    // `theme` is pure CSS (`:host([theme])`): nothing to redraw.
  }

  /**
   * Renders a file's text or bytes in this element, replacing what it shows.
   * @param {string | Uint8Array} input
   * @param {RenderOptions} [options]  `fileName` hints at the format; `baseUrl` defaults to
   *   the `base` attribute, else the page's URL.
   * @returns {Promise<Article>} rejects with the error shown in the element.
   */
  async render(input, options = {}) {
    const baseUrl = options.baseUrl ?? (this.base ? new URL(this.base, document.baseURI).href : undefined);
    return this.#renderSource({ input, options: { ...options, ...(baseUrl ? { baseUrl } : {}) } }, ++this.#generation);
  }

  /** What the attributes and inline content say to show, as one string. */
  #sourceKey() {
    const src = this.src.trim();
    const script = src ? null : this.#inlineScript();
    return src ? `src:${src}|${this.base}` : script ? `inline:${script.type}|${this.base}|${script.textContent}` : '';
  }

  /** Re-reads the source (src, else inline content) and renders it; nothing to read, nothing done. */
  async #update() {
    const key = this.#sourceKey();
    if (!key) return;
    this.#shownKey = key;
    const generation = ++this.#generation;
    try {
      const source = await this.#readSource(generation);
      if (source) await this.#renderSource(source, generation);
    } catch {
      // Shown in the element and fired as folio-error by #renderSource / #fail.
    }
  }

  /** @returns {HTMLScriptElement | null} */
  #inlineScript() {
    for (const child of this.children) {
      if (child instanceof HTMLScriptElement && /^text\/(markdown|html|plain)$/i.test(child.type.trim())) return child;
    }
    return null;
  }

  /**
   * Fetches `src` or reads the inline script; null when there is nothing to render.
   * @param {number} generation
   * @returns {Promise<Source | null>}
   */
  async #readSource(generation) {
    const src = this.src.trim();
    if (!src) {
      const script = this.#inlineScript();
      if (!script) return null;
      const html = /^text\/html$/i.test(script.type.trim());
      const baseUrl = new URL(this.base || document.baseURI, document.baseURI).href;
      return { input: dedent(script.textContent ?? ''), options: { fileName: html ? 'inline.html' : 'inline.md', baseUrl } };
    }
    this.#setState('loading');
    let url;
    try {
      url = new URL(src, document.baseURI);
    } catch {
      throw this.#fail(`“${src}” is not a valid address.`, generation);
    }
    let response;
    try {
      response = await fetch(url, { credentials: 'same-origin' });
    } catch {
      throw this.#fail(`Could not fetch ${url.href}: the network request failed or was blocked.`, generation);
    }
    if (!response.ok) {
      throw this.#fail(`Could not fetch ${url.href} (HTTP ${response.status} ${response.statusText}`.trim() + ').', generation);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (generation !== this.#generation) throw new Superseded();
    const baseUrl = this.base ? new URL(this.base, url).href : url.href;
    return { input: bytes, options: { fileName: nameFromUrl(url), baseUrl } };
  }

  /**
   * @param {Source} source
   * @param {number} generation
   * @returns {Promise<Article>}
   */
  async #renderSource(source, generation) {
    this.#setState('loading');
    let article;
    try {
      await init();
      if (generation !== this.#generation) throw new Superseded();
      article = render(source.input, source.options);
    } catch (error) {
      if (error instanceof Superseded || generation !== this.#generation) {
        throw new DOMException('A newer render replaced this one.', 'AbortError');
      }
      const code = /** @type {any} */ (error)?.code;
      const message = code === 'trap' ? this.#t('trapError') : error instanceof Error ? error.message : String(error);
      throw this.#fail(message, generation);
    }
    this.#source = source;
    this.#article = article;
    this.#draw(article, source.options.baseUrl);
    this.#setState('rendered');
    this.dispatchEvent(new CustomEvent('folio-rendered', { detail: article, bubbles: true, composed: true }));
    return article;
  }

  /**
   * Shows the error card and fires `folio-error` (unless a newer render took over).
   * @param {string} message
   * @param {number} generation
   * @returns {Error}
   */
  #fail(message, generation) {
    if (generation !== this.#generation) return new Superseded();
    this.#article = null;
    this.#root.replaceChildren(el('section', { className: 'error-card', attrs: { part: 'error', role: 'alert' } },
      el('strong', { text: 'This article could not be shown.' }),
      el('p', { text: message, attrs: { part: 'error-message' } })));
    this.#setState('error');
    this.dispatchEvent(new CustomEvent('folio-error', { detail: { message }, bubbles: true, composed: true }));
    return new Error(message);
  }

  /** @param {'loading' | 'rendered' | 'error'} state */
  #setState(state) {
    for (const name of ['loading', 'rendered', 'error']) this.toggleAttribute(name, name === state);
    this.setAttribute('aria-busy', String(state === 'loading'));
  }

  /**
   * Builds the visible parts of the article into the shadow root.
   * @param {Article} article
   * @param {string | undefined} baseUrl
   */
  #draw(article, baseUrl) {
    const listed = this.getAttribute('show');
    const show = new Set(listed === null ? SHOW_PARTS : listed.split(/\s+/).filter(Boolean));
    const t = this.#t;
    const view = el('article', { className: 'article', attrs: { part: 'article' } });
    if (article.lang) view.lang = article.lang;

    const header = el('header', { className: 'article-header', attrs: { part: 'header' } });
    if (show.has('categories')) header.append(withPart(categoriesNav(article.category_paths, t), 'categories') ?? '');
    if (show.has('title') && article.title) {
      header.append(el('h1', { text: article.title, attrs: { part: 'title' } }));
    }
    if (show.has('byline') || show.has('date')) {
      const shown = {
        ...article,
        ...(show.has('date') ? {} : { date: null, date_text: null, updated: null }),
        ...(show.has('byline') ? {} : { authors: [], stats: { ...article.stats, reading_minutes: 0 }, draft: false }),
      };
      const line = byline(shown, t, this.#locale);
      if (line.childNodes.length) header.append(withPart(line, 'byline'));
    }
    if (show.has('summary') && article.summary) header.append(el('p', { className: 'summary', text: article.summary, attrs: { part: 'summary' } }));
    if (show.has('tags') && article.tags.length) header.append(withPart(chips(article.tags, t('tags'), 'tags'), 'tags'));
    if (header.childNodes.length) view.append(header);

    if (show.has('cover') && article.cover) {
      const cover = this.#coverImage(article.cover, baseUrl);
      if (cover) view.append(el('figure', { className: 'cover', attrs: { part: 'cover' } }, cover));
    }
    if (show.has('toc')) view.append(withPart(tableOfContents(article.toc, t), 'toc') ?? '');
    if (show.has('body')) {
      const fragment = parseArticleBody(article.html);
      for (const img of fragment.querySelectorAll('img')) this.#adjustImage(img);
      const body = el('div', { className: 'article-body', attrs: { part: 'body' } });
      body.append(fragment);
      view.append(body, withPart(warningsBox(article.warnings, t), 'warnings') ?? '');
    }
    this.#root.replaceChildren(view);
  }

  /**
   * With `remote-images="block"`, swaps a remote body image for a button that loads it
   * (the core already made every image lazy and referrer-free). Runs while the image is
   * still in the inert template content, so nothing has been requested yet.
   * @param {HTMLImageElement} img
   */
  #adjustImage(img) {
    const src = img.getAttribute('src');
    if (this.remoteImages !== 'block' || src === null || !isRemoteImage(src)) return;
    const srcset = img.getAttribute('srcset');
    img.removeAttribute('src');
    img.removeAttribute('srcset');
    img.replaceWith(this.#placeholder(img, src, srcset));
  }

  /**
   * @param {string} cover
   * @param {string | undefined} baseUrl
   * @returns {HTMLElement | null}
   */
  #coverImage(cover, baseUrl) {
    const url = coverUrl(cover, baseUrl);
    if (!url) return null;
    const img = document.createElement('img');
    img.alt = this.#t('coverAlt');
    img.referrerPolicy = 'no-referrer';
    img.decoding = 'async';
    if (this.remoteImages === 'block' && isRemoteImage(url.href)) return this.#placeholder(img, url.href, null);
    img.src = url.href;
    return img;
  }

  /**
   * A button standing in for a blocked image; clicking it loads the image.
   * @param {HTMLImageElement} img  Without src: it requests nothing until clicked.
   * @param {string} src
   * @param {string | null} srcset
   * @returns {HTMLButtonElement}
   */
  #placeholder(img, src, srcset) {
    let host = src;
    try {
      host = new URL(src).host;
    } catch {
      // Shown as written.
    }
    const button = el('button', { className: 'blocked-image', text: this.#t('loadImage', host), attrs: { type: 'button', part: 'blocked-image', 'data-src': src } });
    if (img.alt) button.title = img.alt;
    button.addEventListener('click', () => {
      if (srcset) img.srcset = srcset;
      img.src = src;
      button.replaceWith(img);
    }, { once: true });
    return button;
  }

  /**
   * In-article links to `#id` scroll within the shadow root, where the page's own
   * fragment navigation cannot see.
   * @param {Event} event
   */
  #onClick = (event) => {
    const link = /** @type {Element} */ (event.target)?.closest?.('a[href^="#"]');
    if (!link || !this.shadowRoot) return;
    let id = '';
    try {
      id = decodeURIComponent((link.getAttribute('href') ?? '').slice(1));
    } catch {
      return;
    }
    const target = this.shadowRoot.getElementById(id) ?? this.shadowRoot.getElementById(`user-content-${id}`);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'start' });
  };
}

/**
 * @template {Element} T
 * @param {T | null} node
 * @param {string} part
 * @returns {T | null}
 */
function withPart(node, part) {
  node?.setAttribute('part', part);
  return node;
}

/**
 * Registers `<folio-article>` unless something already did (a second copy of this module).
 * @param {string} [name]
 * @returns {CustomElementConstructor}
 */
export function define(name = 'folio-article') {
  const existing = customElements.get(name);
  if (existing) return existing;
  customElements.define(name, name === 'folio-article' ? FolioArticleElement : class extends FolioArticleElement {});
  return /** @type {CustomElementConstructor} */ (customElements.get(name));
}

define();
