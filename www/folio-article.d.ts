// Types for www/folio-article.js (`folio-viewer/element`): the <folio-article> element,
// its attributes and properties, its events and the Article it renders.

import type { Article, RenderOptions } from './pkg/folio.js';

/** The Article and its parts are declared once, by the core's binding (src/wasm.rs). */
export type { Article, RenderOptions, Stats, TocEntry } from './pkg/folio.js';

/** A part that the `show` attribute can list. */
export type ShowPart = 'title' | 'byline' | 'date' | 'categories' | 'tags' | 'cover' | 'toc' | 'summary' | 'body';

/** The parts shown when `show` is absent: all of them. */
export const SHOW_PARTS: readonly ShowPart[];

/** `detail` of `folio-error`. */
export interface FolioErrorDetail {
  /** A sentence for the reader in their language, also shown in the element's error card. */
  message: string;
  /**
   * Why: the core's `empty`, `binary`, `too-large`, `bad-option` (`unreadable` from a core
   * that gives none), `trap`, or fetching's `bad-url`, `network`, `http`.
   */
  code: string;
}

/**
 * `<folio-article>`: renders one article file in an open shadow root.
 *
 * Attributes (mirrored by properties): `src`, `base`, `theme`, `show`, `remote-images`;
 * and the boolean attributes (no properties) `no-highlight`, `no-math`, `no-mermaid`, `no-popovers`, `no-zoom`, which turn that rich
 * content off (read when the article is drawn; changing one redraws it).
 * State attributes: `loading`, `rendered`, `error`.
 * Parts: `root`, `article`, `header`, `categories`, `title`, `byline`, `summary`, `tags`,
 * `cover`, `toc`, `body`, `warnings`, `blocked-image`, `error`, `error-message`.
 * Links: `#anchors` scroll within the element; every other link opens in a new tab.
 * Custom properties: `--folio-fg`, `--folio-bg`, `--folio-surface`, `--folio-border`,
 * `--folio-accent`, `--folio-muted`, `--folio-danger`, `--folio-danger-bg`, `--folio-focus`,
 * `--folio-font`, `--folio-font-mono`, `--folio-font-size`, `--folio-line-height`,
 * `--folio-measure`, `--folio-radius`, `--folio-padding`.
 */
export class FolioArticleElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The article's URL (attribute `src`), resolved against the page. */
  src: string;
  /** Base URL for relative links and images (attribute `base`; default: the `src` URL). */
  base: string;
  /** Attribute `theme`; `auto` follows the reader's colour-scheme preference. */
  theme: 'light' | 'dark' | 'auto';
  /** Space-separated {@link ShowPart}s (attribute `show`; default: all). */
  show: string;
  /** Attribute `remote-images`: `block` shows click-to-load placeholders instead. */
  remoteImages: 'load' | 'block';
  /** The last rendered Article, or null (before the first render, or after an error). */
  readonly article: Article | null;
  /**
   * Renders a file's text or bytes here, replacing what is shown. Rejects with an Error
   * whose message is the one shown in the element (its `cause` the FolioError), or an
   * `AbortError` when a newer render replaced it.
   */
  render(input: string | Uint8Array, options?: RenderOptions): Promise<Article>;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void;
}

/** Removes the indentation common to every non-blank line, and blank edges. */
export function dedent(text: string): string;

/** Registers the element under `name` (default `folio-article`) unless already registered. */
export function define(name?: string): CustomElementConstructor;

declare global {
  interface HTMLElementTagNameMap {
    'folio-article': FolioArticleElement;
  }
  interface HTMLElementEventMap {
    'folio-rendered': CustomEvent<Article>;
    'folio-error': CustomEvent<FolioErrorDetail>;
  }
}
