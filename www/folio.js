// Folio's JS API over the WebAssembly core in ./pkg (wasm-bindgen, --target web).
//
//   await init();                       // once; concurrent calls share one promise
//   const article = render(bytes, { fileName: 'post.md' });
//
// render() is synchronous once init() has resolved. If the core traps (a
// WebAssembly.RuntimeError, e.g. a Rust panic), that instance is thrown away and a
// fresh one is started in the background; the call throws a FolioError with
// code 'trap' for that one file, and the next `await init()` gives a working module.

/**
 * @typedef {object} TocEntry
 * @property {number} level  Heading level, 1–6.
 * @property {string} id     The heading's id in `html`.
 * @property {string} text   The heading's text.
 */

/**
 * @typedef {object} Stats
 * @property {number} chars
 * @property {number} words
 * @property {number} reading_minutes
 */

/**
 * Something odd in a file that did not stop it from rendering. `code` is stable
 * kebab-case (`front-matter-unclosed`, …), empty from a core that gives no codes;
 * `message` is the core's English sentence; `line` the 1-based line where known;
 * `params` what the sentence names, so the shell can say it in any language.
 * @typedef {object} Warning
 * @property {string} code
 * @property {string} message
 * @property {number | null} line
 * @property {Record<string, string>} params
 */

/**
 * What render() returns (see `Article` in pkg/folio.d.ts), normalized: arrays are
 * always arrays of strings, optional strings are a string or null.
 * @typedef {object} Article
 * @property {string | null} title
 * @property {string | null} date     RFC 3339 with offset when zoned, else `YYYY-MM-DDTHH:MM:SS` or `YYYY-MM-DD`; other strings may occur.
 * @property {string | null} updated
 * @property {string | null} date_text     The date as written when it could not be read.
 * @property {string | null} updated_text
 * @property {string[]} authors
 * @property {Record<string, string>} author_links  An author's web address by name (passed the URL policy).
 * @property {string[]} categories
 * @property {string[][]} category_paths  Category hierarchies, each shown as a breadcrumb.
 * @property {string[]} tags
 * @property {string | null} cover
 * @property {string | null} source_url  Where the article was first published (an "Original" link).
 * @property {string | null} summary  From the front matter (or a page's description), as text.
 * @property {string | null} lang
 * @property {'rtl' | 'ltr' | null} dir  The text's direction, for the article and its metadata.
 * @property {string} format          "markdown" | "html"
 * @property {string | null} front_matter
 * @property {string} encoding        WHATWG encoding label of the source, e.g. "UTF-8", "GBK".
 * @property {string} html            Sanitized body HTML: the only HTML the viewer inserts.
 * @property {TocEntry[]} toc
 * @property {Stats} stats
 * @property {Warning[]} warnings
 * @property {Record<string, unknown>} extra
 * @property {boolean} draft
 */

/**
 * @typedef {object} RenderOptions
 * @property {string} [fileName] The file's name; its extension hints at the format.
 * @property {string} [baseUrl]  Resolves the article's relative links and images.
 */

/**
 * Why a file could not be shown: the core's codes `empty`, `binary`, `too-large`,
 * `bad-option` (or `unreadable` from a core that gives none), and this module's own
 * `trap` (the core crashed on this input) and `not-ready` (render() before init()).
 * @typedef {'empty' | 'binary' | 'too-large' | 'bad-option' | 'unreadable' | 'trap' | 'not-ready'} FolioErrorCode
 */

/**
 * An Error from Folio. `message` is English; `code` and `params` (what the message names,
 * e.g. `{ size, limit }` for `too-large`) let a caller say it in any language.
 */
export class FolioError extends Error {
  /**
   * @param {string} message
   * @param {FolioErrorCode | string} code  A FolioErrorCode; a newer core may add codes.
   * @param {{ cause?: unknown, params?: Record<string, string> }} [options]
   */
  constructor(message, code, options = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FolioError';
    this.code = code;
    /** @type {Record<string, string>} */
    this.params = options.params ?? {};
  }
}

/** @typedef {{ default: (source?: { module_or_path: WasmSource }) => Promise<unknown>, render: (input: string | Uint8Array, options?: RenderOptions) => any }} WasmModule */

/** The live module, once initialized. @type {WasmModule | null} */
let live = null;
/** The pending or settled start of the current instance. @type {Promise<void> | null} */
let starting = null;
/** How many instances have been started; later ones get a distinct module URL. */
let instances = 0;

/**
 * Where the core's `.wasm` comes from: its bytes, a compiled module, a URL or a
 * response. Bytes or a module can start a fresh instance after a trap without a fetch.
 * @typedef {BufferSource | WebAssembly.Module | URL | string | Response} WasmSource
 */

/**
 * @typedef {object} InitOptions
 * @property {WasmSource} [wasm] The core's `.wasm` (default: `pkg/folio_bg.wasm`, fetched
 *   next to `pkg/folio.js`). Node passes the file's bytes here: it cannot fetch file URLs.
 * @property {() => WasmModule | Promise<WasmModule>} [core] Makes a fresh copy of the glue
 *   module `pkg/folio.js` for each instance. For bundles, where importing the glue by URL
 *   again is not possible; by default each instance imports it under a new URL.
 */

/** The options of the last init() call that gave some. @type {InitOptions} */
let config = {};

/**
 * Loads and instantiates the WebAssembly core. Idempotent: concurrent and repeated
 * calls share one promise. After a trap it resolves once the fresh instance is ready.
 * Options take effect when an instance starts (the first call, or after a failure
 * or a trap) and are kept for the instances after it.
 * @param {InitOptions} [options]
 * @returns {Promise<void>}
 */
export function init(options) {
  if (options) config = { ...config, ...options };
  if (!starting) {
    starting = startInstance().then(
      (module) => { live = module; },
      (error) => { starting = null; throw error; },
    );
  }
  return starting;
}

/** @returns {Promise<WasmModule>} */
async function startInstance() {
  const n = instances++;
  const { wasm, core } = config;
  // A new specifier is a new module record, hence a new WebAssembly instance and memory.
  const module = core ? await core()
    : /** @type {WasmModule} */ (await import(n === 0 ? './pkg/folio.js' : `./pkg/folio.js?instance=${n}`));
  await module.default(wasm === undefined ? undefined : { module_or_path: wasm });
  return module;
}

/**
 * Renders one article. Synchronous; call `await init()` first.
 * @param {string | Uint8Array} input The file's text or bytes.
 * @param {RenderOptions} [options]
 * @returns {Article}
 * @throws {FolioError} with the core's code for files that are not articles (`empty`,
 *   `binary`, `too-large`; `bad-option` for options it cannot use), `trap` if the core
 *   crashed, `not-ready` before init().
 */
export function render(input, options = {}) {
  const module = live;
  if (!module) {
    throw new FolioError('Folio is not ready: await init() before calling render().', 'not-ready');
  }
  let raw;
  try {
    raw = module.render(input, options);
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) {
      restartAfterTrap();
      throw new FolioError('This file could not be rendered: the renderer crashed on it. Other files still work.', 'trap', { cause: error });
    }
    throw coreError(error);
  }
  return normalize(raw);
}

/**
 * The core's thrown Error as a FolioError with its `code` and `params` (kebab-case codes
 * only; `unreadable` when it gives none, as cores before 0.2 did).
 * @param {unknown} error
 * @returns {FolioError}
 */
function coreError(error) {
  const message = error instanceof Error ? error.message : String(error);
  const { code, params } = /** @type {{ code?: unknown, params?: unknown }} */ (error ?? {});
  const known = typeof code === 'string' && /^[a-z]+(-[a-z]+)*$/.test(code) ? code : 'unreadable';
  return new FolioError(message, known, { cause: error, params: stringRecord(params) });
}

/**
 * `await init()`, then render(); once more if another render trapped in between: files
 * opened together all wait on one init(), and the first that traps takes the instance
 * away from the others (render() then throws 'not-ready' until the fresh one is up).
 * @param {string | Uint8Array} input
 * @param {RenderOptions} [options]
 * @returns {Promise<Article>}
 * @throws {FolioError} as render() does.
 */
export async function renderWhenReady(input, options) {
  await init();
  try {
    return render(input, options);
  } catch (error) {
    if (!(error instanceof FolioError) || error.code !== 'not-ready') throw error;
    await init();
    return render(input, options);
  }
}

/** Drops the trapped instance and starts a fresh one in the background. */
function restartAfterTrap() {
  live = null;
  starting = null;
  // A failure here surfaces at the next `await init()`.
  init().catch(() => {});
}

/**
 * @param {unknown} value
 * @returns {string | null}
 */
function optionalString(value) {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * @param {unknown} value
 * @returns {string[]}
 */
function stringList(value) {
  if (typeof value === 'string') return value.trim() ? [value] : [];
  if (!Array.isArray(value)) return [];
  return value.filter((item) => typeof item === 'string' && item.trim() !== '');
}

/**
 * Only the string values of an object (params from the core or over postMessage).
 * @param {unknown} value
 * @returns {Record<string, string>}
 */
export function stringRecord(value) {
  /** @type {Record<string, string>} */
  const out = {};
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (typeof item === 'string') out[key] = item;
  }
  return out;
}

/**
 * A warning in the contract's shape, from a core that gives objects or (before 0.2) strings.
 * @param {unknown} value
 * @returns {Warning | null}
 */
function warning(value) {
  if (typeof value === 'string') return value.trim() ? { code: '', message: value, line: null, params: {} } : null;
  if (!value || typeof value !== 'object') return null;
  const w = /** @type {{ code?: unknown, message?: unknown, line?: unknown, params?: unknown }} */ (value);
  if (typeof w.message !== 'string') return null;
  return {
    code: typeof w.code === 'string' ? w.code : '',
    message: w.message,
    line: typeof w.line === 'number' && Number.isInteger(w.line) && w.line > 0 ? w.line : null,
    params: stringRecord(w.params),
  };
}

/**
 * Gives the core's object one dependable shape, whatever version of the core made it.
 * @param {any} raw
 * @returns {Article}
 */
function normalize(raw) {
  const a = raw && typeof raw === 'object' ? raw : {};
  const stats = a.stats && typeof a.stats === 'object' ? a.stats : {};
  const number = (/** @type {unknown} */ v) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const categories = stringList(a.categories);
  /** @type {string[][]} */
  const paths = Array.isArray(a.category_paths) ? a.category_paths.map(stringList).filter((/** @type {string[]} */ p) => p.length) : [];
  return {
    // Fields this shell does not know yet pass through untouched.
    ...a,
    title: optionalString(a.title),
    date: optionalString(a.date),
    updated: optionalString(a.updated),
    date_text: optionalString(a.date_text),
    updated_text: optionalString(a.updated_text),
    authors: stringList(a.authors),
    author_links: stringRecord(a.author_links),
    categories,
    category_paths: paths.length ? paths : categories.length ? [categories] : [],
    tags: stringList(a.tags),
    cover: optionalString(a.cover),
    source_url: optionalString(a.source_url),
    summary: optionalString(a.summary),
    lang: optionalString(a.lang),
    dir: a.dir === 'rtl' || a.dir === 'ltr' ? a.dir : null,
    format: typeof a.format === 'string' ? a.format : 'markdown',
    front_matter: optionalString(a.front_matter),
    encoding: optionalString(a.encoding) ?? 'utf-8',
    html: typeof a.html === 'string' ? a.html : '',
    toc: Array.isArray(a.toc)
      ? a.toc.filter((/** @type {any} */ e) => e && typeof e.id === 'string' && typeof e.text === 'string')
        .map((/** @type {any} */ e) => ({ level: number(e.level) || 2, id: e.id, text: e.text }))
      : [],
    stats: { chars: number(stats.chars), words: number(stats.words), reading_minutes: number(stats.reading_minutes) },
    warnings: Array.isArray(a.warnings)
      ? a.warnings.map(warning).filter((/** @type {Warning | null} */ w) => w !== null)
      : [],
    extra: a.extra && typeof a.extra === 'object' ? a.extra : {},
    draft: a.draft === true,
  };
}
