// Types for www/folio-article.js (`folio-viewer/element`): the <folio-article> element,
// its attributes and properties, its events and the Article it renders.

/** A heading in the table of contents. */
export interface TocEntry {
  /** Heading level, 1–6. */
  level: number;
  /** The heading's id in `html`. */
  id: string;
  /** The heading's text. */
  text: string;
}

/** Counts over the article's text; CJK characters count as words. */
export interface Stats {
  chars: number;
  words: number;
  reading_minutes: number;
}

/** One rendered article: what `render()` returns and `folio-rendered` carries. */
export interface Article {
  title: string | null;
  /** RFC 3339 with offset when zoned, else `YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DD`. */
  date: string | null;
  updated: string | null;
  /** The date as written when it could not be read. */
  date_text: string | null;
  updated_text: string | null;
  authors: string[];
  categories: string[];
  /** Category hierarchies, each shown as a breadcrumb. */
  category_paths: string[][];
  tags: string[];
  /** Image URL that passed the URL policy. */
  cover: string | null;
  summary: string | null;
  lang: string | null;
  format: 'markdown' | 'html' | (string & {});
  front_matter: 'yaml' | 'toml' | 'json' | null | (string & {});
  /** WHATWG label of the source's encoding, e.g. "UTF-8", "GBK". */
  encoding: string;
  /** The sanitized body: the only HTML the viewer inserts. */
  html: string;
  toc: TocEntry[];
  stats: Stats;
  /** What was odd but did not stop rendering, for the reader. */
  warnings: string[];
  /** The whole front matter. */
  extra: Record<string, unknown>;
  draft: boolean;
}

/** Options for rendering one file. */
export interface RenderOptions {
  /** The file's name; its extension hints at the format (`.md`, `.html`). */
  fileName?: string;
  /** Resolves the article's relative links and images. */
  baseUrl?: string;
}

/** A part that the `show` attribute can list. */
export type ShowPart = 'title' | 'byline' | 'date' | 'categories' | 'tags' | 'cover' | 'toc' | 'summary' | 'body';

/** The parts shown when `show` is absent: all of them. */
export const SHOW_PARTS: readonly ShowPart[];

/** `detail` of `folio-error`. */
export interface FolioErrorDetail {
  /** A sentence for the reader, also shown in the element's error card. */
  message: string;
}

/**
 * `<folio-article>`: renders one article file in an open shadow root.
 *
 * Attributes (mirrored by properties): `src`, `base`, `theme`, `show`, `remote-images`.
 * State attributes: `loading`, `rendered`, `error`.
 * Parts: `root`, `article`, `header`, `categories`, `title`, `byline`, `summary`, `tags`,
 * `cover`, `toc`, `body`, `warnings`, `blocked-image`, `error`, `error-message`.
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
   * Renders a file's text or bytes here, replacing what is shown. Rejects with the
   * error shown in the element, or an `AbortError` when a newer render replaced it.
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
