// <folio-article>: one article rendered inside any page, in its own shadow root.
//
//   <script type="module" src="folio-article.js"></script>
//   <folio-article src="post.md"></folio-article>
//   <folio-article><script type="text/markdown"># Inline</script></folio-article>
//
// Importing this module registers the element (guarded: a second copy does nothing).
// The WebAssembly core is loaded once per page, when the first element needs it. The
// element is the shared article view (www/view/) plus what an element adds: attributes,
// `show`, parts, events and a shadow root styled by folio-article.css.
// It loads only what one article needs to be shown: rich content (reading/enhance.js)
// once an article is on screen, the error card and its words when something fails.

import { init, renderWhenReady } from './folio.js';
import { fetchArticle } from './fetch-article.js';
import { browserLanguages, pickLang, translator } from './i18n/core.js';
import { FEATURES } from './reading/features.js';
import { SHOW_PARTS, articleView } from './view/article.js';
import { prepareDates } from './view/dates.js';
import { el } from './view/dom.js';
import { followLink } from './view/links.js';

/** @typedef {import('./folio.js').Article} Article */
/** @typedef {import('./folio.js').RenderOptions} RenderOptions */
/** @typedef {import('./reading/enhance.js').enhance} Enhance */

/**
 * Rich content for a shown body (reading/enhance.js), loaded the first time an article
 * is on screen; it then imports only the modules that body needs.
 * @type {Enhance}
 */
const enhanceLater = (body, options) => import('./reading/enhance.js').then((module) => module.enhance(body, options));

export { SHOW_PARTS };

/**
 * The element's stylesheet, next to this module. Fetched once per page and adopted by
 * every element as one constructable stylesheet: one parse however many elements, and
 * not subject to `style-src` (a page whose styles are allowed by hash only still styles
 * the element). The fetch needs `connect-src` for this folder, as `src` does for articles;
 * where it is refused, each shadow root gets a `<link>` to the same file (`style-src`).
 */
const STYLES_URL = new URL('folio-article.css', import.meta.url).href;
/** The reading view's styles, shared with the viewer (typography, outline, rich content). */
const READING_URL = new URL('reading/reading.css', import.meta.url).href;
/** The attributes that turn a rich-content feature off: `no-highlight`, `no-math`, … */
const FEATURE_ATTRIBUTES = FEATURES.map((feature) => `no-${feature}`);

/** What every shadow root has before the stylesheet arrives: the host's own box. */
const HOST_CSS = ':host { display: block; } :host([hidden]) { display: none; }';

/** @type {Promise<CSSStyleSheet[] | null> | null} */
let styles = null;

/**
 * One stylesheet, fetched and parsed.
 * @param {string} url
 * @returns {Promise<CSSStyleSheet>}
 */
async function fetchSheet(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const sheet = new CSSStyleSheet({ baseURL: url });
  sheet.replaceSync(await response.text());
  return sheet;
}

/**
 * The element's stylesheets (the reading view's, then its own), fetched on first use;
 * null when they could not be fetched.
 * @returns {Promise<CSSStyleSheet[] | null>}
 */
function elementStyles() {
  styles ??= Promise.all([fetchSheet(READING_URL), fetchSheet(STYLES_URL)]).catch(() => null);
  return styles;
}

/** @type {CSSStyleSheet | null} */
let hostSheet = null;

/** @returns {CSSStyleSheet} */
function hostStyles() {
  if (!hostSheet) {
    hostSheet = new CSSStyleSheet();
    hostSheet.replaceSync(HOST_CSS);
  }
  return hostSheet;
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

/** True once the first element has something to show: the core and the date formats are on their way. */
let started = false;

/**
 * Starts loading what every article needs, alongside the article's own fetch: the core
 * (init() only loads it) and the reader's date formats.
 * @param {string} locale
 */
function startLoading(locale) {
  if (started) return;
  started = true;
  // A failure here is the render's to report.
  init().catch(() => {});
  prepareDates(locale);
}

/**
 * What the element last rendered from, kept so that `base` changes can render it again.
 * @typedef {{ input: string | Uint8Array, options: RenderOptions }} Source
 */

/**
 * `<folio-article>`: renders an article file (by `src`, inline `<script type="text/markdown">`
 * or `text/html`, or `.render()`) in an open shadow root.
 *
 * Attributes (each mirrored by a property): `src`, `base`, `theme` (`light`, `dark`,
 * `auto`), `show` (space-separated parts), `remote-images` (`load`, `block`); boolean
 * `no-highlight`, `no-math`, `no-mermaid`, `no-popovers`, `no-zoom` turn rich content off.
 * State attributes: `loading`, `rendered`, `error`.
 * Events: `folio-rendered` (detail: the Article), `folio-error` (detail: `{ message, code }`,
 * the message in the reader's language).
 */
export class FolioArticleElement extends HTMLElement {
  static observedAttributes = ['src', 'base', 'theme', 'show', 'remote-images', ...FEATURE_ATTRIBUTES];

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
  #t = translator(pickLang(new URLSearchParams(), browserLanguages()));
  #locale = navigator.language || 'en';
  /** Settles when the shadow root has its stylesheet (or a `<link>` to it). @type {Promise<void>} */
  #styled;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    shadow.adoptedStyleSheets = [hostStyles()];
    this.#root = el('div', { className: 'root', attrs: { part: 'root' } });
    shadow.append(this.#root);
    this.#styled = elementStyles().then((sheets) => {
      if (sheets) shadow.adoptedStyleSheets = [hostStyles(), ...sheets];
      else shadow.prepend(el('link', { attrs: { rel: 'stylesheet', href: READING_URL } }), el('link', { attrs: { rel: 'stylesheet', href: STYLES_URL } }));
    });
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
    } else if (name === 'show' || name === 'remote-images' || FEATURE_ATTRIBUTES.includes(name)) {
      if (this.#article) this.#draw(this.#article, this.#source?.options.baseUrl);
    }
    // `theme` is pure CSS (`:host([theme])`): nothing to redraw.
  }

  /**
   * Renders a file's text or bytes in this element, replacing what it shows.
   * @param {string | Uint8Array} input
   * @param {RenderOptions} [options]  `fileName` hints at the format; `baseUrl` defaults to
   *   the `base` attribute (without either, relative links stay relative, and open in a
   *   new tab against the page's URL).
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
    startLoading(this.#locale);
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
    let fetched;
    try {
      fetched = await fetchArticle(src);
    } catch (error) {
      throw await this.#fail(error, generation);
    }
    if (generation !== this.#generation) throw new Superseded();
    const baseUrl = this.base ? new URL(this.base, fetched.url).href : fetched.url.href;
    return { input: fetched.bytes, options: { fileName: fetched.name, baseUrl } };
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
      [article] = await Promise.all([renderWhenReady(source.input, source.options), this.#styled]);
      if (generation !== this.#generation) throw new Superseded();
    } catch (error) {
      const failure = error instanceof Superseded || generation !== this.#generation ? error : await this.#fail(error, generation);
      if (failure instanceof Superseded || generation !== this.#generation) {
        throw new DOMException('A newer render replaced this one.', 'AbortError');
      }
      throw failure;
    }
    this.#source = source;
    this.#article = article;
    this.#draw(article, source.options.baseUrl);
    this.#setState('rendered');
    this.dispatchEvent(new CustomEvent('folio-rendered', { detail: article, bubbles: true, composed: true }));
    return article;
  }

  /**
   * Shows the error card and fires `folio-error` (unless a newer render took over). The
   * card and its words are loaded now, the first time something fails.
   * @param {unknown} error  A FolioError or LoadError: its code picks the words.
   * @param {number} generation
   * @returns {Promise<Error>}  What render() rejects with: the message the card shows.
   */
  async #fail(error, generation) {
    if (generation !== this.#generation) return new Superseded();
    const t = this.#t;
    const code = String(/** @type {{ code?: unknown }} */ (error ?? {}).code ?? 'unreadable');
    /** @type {string} */
    let message;
    /** @type {HTMLElement} */
    let card;
    try {
      const [{ errorView }, { describeError }] = await Promise.all([import('./view/error.js'), import('./i18n/errors.js')]);
      message = describeError(error, t);
      card = errorView(error, { t });
    } catch {
      // The card's module could not be loaded: the error's own (English) sentence, plainly.
      message = error instanceof Error ? error.message : String(error);
      card = el('p', { className: 'error-card', text: message, attrs: { part: 'error', 'data-testid': 'error' } });
    }
    if (generation !== this.#generation) return new Superseded();
    this.#article = null;
    card.setAttribute('role', 'alert');
    this.#root.replaceChildren(card);
    this.#setState('error');
    this.dispatchEvent(new CustomEvent('folio-error', { detail: { message, code }, bubbles: true, composed: true }));
    return new Error(message, { cause: error });
  }

  /** @param {'loading' | 'rendered' | 'error'} state */
  #setState(state) {
    for (const name of ['loading', 'rendered', 'error']) this.toggleAttribute(name, name === state);
    this.setAttribute('aria-busy', String(state === 'loading'));
  }

  /**
   * Shows the article's parts that `show` lists, through the shared view.
   * @param {Article} article
   * @param {string | undefined} baseUrl
   */
  #draw(article, baseUrl) {
    const listed = this.getAttribute('show');
    const show = new Set(listed === null ? SHOW_PARTS : listed.split(/\s+/).filter(Boolean));
    const off = new Set(FEATURES.filter((feature) => this.hasAttribute(`no-${feature}`)));
    this.#root.replaceChildren(articleView(article, {
      t: this.#t, locale: this.#locale, baseUrl, show, blockImages: this.remoteImages === 'block', enhance: enhanceLater, off,
    }));
  }

  /**
   * Links never take the host page away: `#anchors` scroll within the shadow root (where
   * the page's own fragment navigation cannot see), links to other sites open in a new
   * tab, and a link the core left relative (no http(s) base) opens, resolved against the
   * element's base, in a new tab too.
   * @param {Event} event
   */
  #onClick = (event) => {
    if (!this.shadowRoot) return;
    followLink(event, this.shadowRoot, (href) => {
      let url;
      try {
        url = new URL(href, this.#source?.options.baseUrl ?? document.baseURI);
      } catch {
        return;
      }
      if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'file:') {
        window.open(url.href, '_blank', 'noopener,noreferrer');
      }
    });
  };
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
