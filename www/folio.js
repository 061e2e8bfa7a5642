// Folio's JS API over the WebAssembly core in ./pkg (wasm-bindgen, --target web).
//
//   await init();                       // once; concurrent calls share one promise
//   const article = render(bytes, { fileName: 'post.md' });
//
// render() is synchronous once init() has resolved. The core's .wasm is compiled once,
// while it downloads (so the browser can cache the compiled code for the next visit).
// If the core traps (a WebAssembly.RuntimeError, e.g. a Rust panic), that instance is
// thrown away and a fresh one is made from the compiled module in the background; the
// call throws a FolioError with code 'trap' for that one file, and the next
// `await init()` (or renderWhenReady()) gives a working instance.

/**
 * @typedef {object} TocEntry
 * @property {number} level  Heading level, 1–6.
 * @property {string} id     The heading's id in `html`.
 * @property {string} text   The heading's text.
 */

/**
 * A relative reference in the body: `kind` is "link", "image", "wikilink" or "embed";
 * `target` as written, percent-decoded.
 * @typedef {object} Link
 * @property {string} kind
 * @property {string} target
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
 * @property {string | null} excerpt  Without a summary: the text before `<!-- more -->` or the body's opening, for lists.
 * @property {string | null} lang
 * @property {'rtl' | 'ltr' | null} dir  The text's direction, for the article and its metadata.
 * @property {string} format          "markdown" | "html"
 * @property {string | null} front_matter
 * @property {string} encoding        WHATWG encoding label of the source, e.g. "UTF-8", "GBK".
 * @property {string} html            Sanitized body HTML: the only HTML the viewer inserts.
 * @property {string | null} text     The body's plain text, one block a line (with `includeText`).
 * @property {TocEntry[]} toc
 * @property {Link[]} links           Relative references in the body, in order.
 * @property {Stats} stats
 * @property {Warning[]} warnings
 * @property {Record<string, unknown>} extra
 * @property {boolean} draft
 * @property {{ kind: string, count: number }[]} hidden  Boilerplate kept in `html`, marked `data-folio-hidden="kind"`.
 * @property {string | null} site_name  A whole page's site name.
 */

/**
 * @typedef {object} RenderOptions
 * @property {string} [fileName] The file's name; its extension hints at the format.
 * @property {string} [baseUrl]  Resolves the article's relative links and images.
 * @property {boolean} [includeText] Return the body's plain text in `text`.
 * @property {boolean} [includeHtml] Write the body's HTML (default true; false for an index).
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

/**
 * The glue module pkg/folio.js, as this file uses it.
 * @typedef {{ default: (source?: { module_or_path: WasmSource }) => Promise<unknown>, render: (input: string | Uint8Array, options?: RenderOptions) => any }} WasmModule
 */

/**
 * Where the core's `.wasm` comes from: its bytes, a compiled module, a URL or a
 * response. Whatever it is, it is compiled once; fresh instances reuse the compiled module.
 * @typedef {BufferSource | WebAssembly.Module | URL | string | Response} WasmSource
 */

/**
 * @typedef {object} InitOptions
 * @property {WasmSource} [wasm] The core's `.wasm` (default: `pkg/folio_bg.wasm`, fetched
 *   next to `pkg/folio.js`). Node passes the file's bytes here: it cannot fetch file URLs.
 *   A worker can be given the page's compiled module (`compiledModule()`): it compiles nothing.
 * @property {() => WasmModule | Promise<WasmModule>} [core] Makes a fresh copy of the glue
 *   module `pkg/folio.js` for each instance. For bundles, where importing the glue by URL
 *   again is not possible; by default each instance imports it under a new URL.
 * @property {string[]} [preload] Modules of the core to load now, by name (today there is
 *   one, `core`, which init() always loads).
 */

/**
 * One WebAssembly module of the core, loaded on demand (today there is one; the light
 * and heavy tiers of issue 13 will each be one). Compiled once and kept: an instance that
 * traps is replaced from the compiled module, with no fetch and no compilation.
 * @typedef {object} CoreModule
 * @property {string} name
 * @property {(n: number) => Promise<WasmModule>} glue  Imports a fresh copy of its glue
 *   (a new module specifier per instance: a new module record, hence fresh glue state).
 * @property {() => URL} url  Its `.wasm`, when no `wasm` option says otherwise.
 * @property {WasmModule | null} live      The instance render() uses.
 * @property {Promise<void> | null} starting  The pending or settled start of `live`.
 * @property {Promise<WebAssembly.Module> | null} compiling  Kept across traps.
 * @property {WebAssembly.Module | null} compiled  Once compiling has settled.
 * @property {number} instances  How many have been started.
 */

/** The core's glue, for the fresh copies after a trap: a variable, so that no bundler takes
 * `./pkg/folio.js?instance=…` for a pattern of files to bundle (esbuild would, and find none). */
const CORE_GLUE = './pkg/folio.js';

/**
 * The core's modules by name. A literal import for the first instance, so that bundlers
 * see it; the `?instance=` specifiers load fresh glue after a trap.
 * @type {Record<string, CoreModule>}
 */
const MODULES = {
  core: coreModule('core', (n) => import(n === 0 ? './pkg/folio.js' : `${CORE_GLUE}?instance=${n}`),
    () => new URL('./pkg/folio_bg.wasm', import.meta.url)),
};
/** The module every input needs today. */
const DEFAULT_MODULE = 'core';

/**
 * @param {string} name
 * @param {CoreModule['glue']} glue
 * @param {CoreModule['url']} url
 * @returns {CoreModule}
 */
function coreModule(name, glue, url) {
  return { name, glue, url, live: null, starting: null, compiling: null, compiled: null, instances: 0 };
}

/** The options of the init() calls so far, merged. @type {InitOptions} */
let config = {};

/**
 * Loads and instantiates the WebAssembly core. Idempotent: concurrent and repeated
 * calls share one promise. After a trap it resolves once the fresh instance is ready.
 * Options take effect when an instance starts (the first call, or after a failure
 * or a trap) and are kept for the instances after it; a new `wasm` is compiled anew.
 * @param {InitOptions} [options]
 * @returns {Promise<void>}
 */
export function init(options) {
  if (options) {
    if (options.wasm !== undefined && options.wasm !== config.wasm) {
      const module = MODULES[DEFAULT_MODULE];
      module.compiling = null;
      module.compiled = null;
    }
    config = { ...config, ...options };
  }
  const names = [DEFAULT_MODULE, ...(options?.preload ?? [])];
  const unknown = names.find((name) => !Object.hasOwn(MODULES, name));
  if (unknown !== undefined) {
    return Promise.reject(new FolioError(`Folio has no module named “${unknown}” to preload.`, 'bad-option', { params: { option: 'preload', value: unknown } }));
  }
  const started = [...new Set(names)].map((name) => start(MODULES[name]));
  return started.length === 1 ? started[0] : Promise.all(started).then(() => {});
}

/**
 * Starts a module's instance unless one is live or starting.
 * @param {CoreModule} module
 * @returns {Promise<void>}
 */
function start(module) {
  if (!module.starting) {
    const starting = startInstance(module).then(
      (instance) => { if (module.starting === starting) module.live = instance; },
      (error) => { if (module.starting === starting) module.starting = null; throw error; },
    );
    module.starting = starting;
  }
  return module.starting;
}

/**
 * @param {CoreModule} module
 * @returns {Promise<WasmModule>}
 */
async function startInstance(module) {
  const n = module.instances++;
  module.compiling ??= compile(config.wasm ?? module.url()).then(
    (compiled) => { module.compiled = compiled; return compiled; },
    (error) => { module.compiling = null; throw error; },
  );
  // The glue loads while the .wasm streams and compiles.
  const [glue, compiled] = await Promise.all([config.core ? config.core() : module.glue(n), module.compiling]);
  await glue.default({ module_or_path: compiled });
  return glue;
}

/**
 * Compiles the core from whatever `wasm` was given. A URL or a response is compiled while
 * it downloads (`compileStreaming`), which is also what lets the browser keep the
 * compiled code in its cache for the next visit; that needs the `application/wasm` type,
 * so any other type falls back to compiling the downloaded bytes.
 * @param {WasmSource} source
 * @returns {Promise<WebAssembly.Module>}
 */
async function compile(source) {
  if (source instanceof WebAssembly.Module) return source;
  const response = typeof source === 'string' || source instanceof URL ? await fetch(source) : source;
  if (typeof Response === 'function' && response instanceof Response) {
    if (!response.ok) throw new Error(`Could not fetch Folio's core: HTTP ${response.status} from ${response.url}.`);
    if (typeof WebAssembly.compileStreaming === 'function' && response.headers.get('content-type')?.split(';')[0].trim() === 'application/wasm') {
      return WebAssembly.compileStreaming(response);
    }
    return WebAssembly.compile(await response.arrayBuffer());
  }
  return WebAssembly.compile(/** @type {BufferSource} */ (response));
}

/**
 * The compiled core, once init() has compiled it; null before. A worker given it as
 * `init({ wasm })` instantiates it without fetching or compiling anything.
 * @returns {WebAssembly.Module | null}
 */
export function compiledModule() {
  return MODULES[DEFAULT_MODULE].compiled;
}

/**
 * The module of the core that renders this input. Today one module renders everything;
 * the tiers of issue 13 will choose here from the input's first bytes and name.
 * @param {string | Uint8Array} _input
 * @param {RenderOptions} [_options]
 * @returns {CoreModule}
 */
function moduleFor(_input, _options) {
  return MODULES[DEFAULT_MODULE];
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
  const module = moduleFor(input, options);
  const instance = module.live;
  if (!instance) {
    throw new FolioError('Folio is not ready: await init() before calling render().', 'not-ready');
  }
  let raw;
  try {
    raw = instance.render(input, options);
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) {
      restartAfterTrap(module);
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
 * Loads what this input needs (init()), then render(); once more if another render
 * trapped in between: files opened together all wait on one start, and the first that
 * traps takes the instance away from the others (render() then throws 'not-ready' until
 * the fresh one is up).
 * @param {string | Uint8Array} input
 * @param {RenderOptions} [options]
 * @returns {Promise<Article>}
 * @throws {FolioError} as render() does.
 */
export async function renderWhenReady(input, options) {
  const module = moduleFor(input, options);
  await start(module);
  try {
    return render(input, options);
  } catch (error) {
    if (!(error instanceof FolioError) || error.code !== 'not-ready') throw error;
    await start(module);
    return render(input, options);
  }
}

/**
 * Drops a trapped instance and starts a fresh one in the background, from the module
 * already compiled.
 * @param {CoreModule} module
 */
function restartAfterTrap(module) {
  module.live = null;
  module.starting = null;
  // A failure here surfaces at the next `await init()`.
  start(module).catch(() => {});
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
    excerpt: optionalString(a.excerpt),
    lang: optionalString(a.lang),
    dir: a.dir === 'rtl' || a.dir === 'ltr' ? a.dir : null,
    format: typeof a.format === 'string' ? a.format : 'markdown',
    front_matter: optionalString(a.front_matter),
    encoding: optionalString(a.encoding) ?? 'utf-8',
    html: typeof a.html === 'string' ? a.html : '',
    text: optionalString(a.text),
    links: Array.isArray(a.links)
      ? a.links.filter((/** @type {any} */ l) => l && typeof l.kind === 'string' && typeof l.target === 'string')
        .map((/** @type {any} */ l) => ({ kind: l.kind, target: l.target }))
      : [],
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
    hidden: Array.isArray(a.hidden)
      ? a.hidden.filter((/** @type {any} */ h) => h && typeof h.kind === 'string')
        .map((/** @type {any} */ h) => ({ kind: h.kind, count: number(h.count) }))
      : [],
    site_name: optionalString(a.site_name),
  };
}
