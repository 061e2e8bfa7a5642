// Folio's JS API over the WebAssembly core in ./pkg (wasm-bindgen, --target web).
//
//   await init();                       // once; concurrent calls share one promise
//   const article = render(bytes, { fileName: 'post.md' });
//   const other = await renderWhenReady(bytes, { fileName: 'page.html' });
//
// The core comes as two modules built from one codebase (wasm-pack.toml): `light`
// (pkg/folio_light*: UTF-8/16 files, YAML or JSON front matter, Markdown without raw
// HTML) and `full` (pkg/folio*: everything). init() loads `light`; a file that needs more
// (its `needs()` says so cheaply, before rendering) is rendered by `full`, which
// renderWhenReady() loads on demand and `init({ preload: ['full'] })` loads at once; once
// loaded, `full` renders every file (it is the faster of the two).
// render() is synchronous: it throws FolioError 'not-ready' (with `params.tier`) when the
// module this file needs is not loaded yet. Each .wasm is compiled once, while it
// downloads (so the browser can cache the compiled code for the next visit).
// If a module traps (a WebAssembly.RuntimeError, e.g. a Rust panic), that instance is
// thrown away and a fresh one of that module is made from its compiled code in the
// background; the call throws a FolioError with code 'trap' for that one file, and the
// next `await init()` (or renderWhenReady()) gives a working instance.

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
 * @property {string} html            Sanitized body HTML: the only HTML the viewer inserts ("" with `htmlBytes`).
 * @property {string | Uint8Array | null} text  The body's plain text, one block a line (with
 *   `includeText`); its UTF-8 bytes with `textBytes` too.
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
 * @property {boolean} [textBytes]   With `includeText`: `text` as UTF-8 bytes, for a caller that
 *   passes it on unread (the library's index): no string is made.
 * @property {boolean} [htmlBytes]   `html` as UTF-8 bytes (a `Uint8Array`) in an extra member of
 *   the result, `html_bytes` (`html` is ""), for a worker that hands the article on: the bytes
 *   move, where a string would be copied.
 */

/**
 * Why a file could not be shown: the core's codes `empty`, `binary`, `too-large`,
 * `bad-option` (or `unreadable` from a core that gives none), and this module's own
 * `trap` (the core crashed on this input) and `not-ready` (render() before init(), or
 * before the module this file needs is loaded: `params.tier` and `params.module` name it).
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
 * A module's wasm-bindgen glue (pkg/folio.js, pkg/folio_light.js), as this file uses it.
 * `needs` is the light module's (the full one has it too).
 * @typedef {{ default: (source?: { module_or_path: WasmSource }) => Promise<unknown>, render: (input: string | Uint8Array, options?: RenderOptions) => any, needs?: (input: string | Uint8Array, fileName?: string) => unknown }} WasmModule
 */

/**
 * Where a module's `.wasm` comes from: its bytes, a compiled module, a URL or a
 * response. Whatever it is, it is compiled once; fresh instances reuse the compiled module.
 * @typedef {BufferSource | WebAssembly.Module | URL | string | Response} WasmSource
 */

/**
 * The core's modules by name: `light` (loaded first; renders most Markdown) and `full`
 * (every tier; serves every file).
 * @typedef {'light' | 'full'} ModuleName
 */

/**
 * @typedef {object} InitOptions
 * @property {WasmSource | Partial<Record<ModuleName, WasmSource>>} [wasm] The core's `.wasm`.
 *   One source is the `full` module, and it then serves every file (light is not used):
 *   what Node (which cannot fetch file URLs), bundles and the single-file viewer pass.
 *   An object gives a source per module (`{ light, full }`); a module it leaves out is
 *   fetched from its default, `pkg/<glue>_bg.wasm` next to its glue. A worker can be
 *   given the page's compiled modules this way (`compiledModules()`): it compiles nothing.
 * @property {(() => WasmModule | Promise<WasmModule>) | Partial<Record<ModuleName, () => WasmModule | Promise<WasmModule>>>} [core]
 *   Makes a fresh copy of a module's glue for each instance, for bundles, where importing
 *   the glue by URL again is not possible (by default each instance imports it under a
 *   new URL). One function is the `full` module's glue (as one `wasm` is its `.wasm`).
 * @property {string[]} [preload] Modules to load now besides the first (`['full']`: a
 *   page that will render HTML, legacy-encoded or TOML files soon); one this page does
 *   not use is not loaded.
 * @property {ModuleName[]} [modules] The modules this page uses at all (default both;
 *   `['full']`: one module for every file, as a single `wasm` implies).
 */

/**
 * One WebAssembly module of the core, loaded on demand. Compiled once and kept: an
 * instance that traps is replaced from the compiled module, with no fetch and no compilation.
 * @typedef {object} CoreModule
 * @property {ModuleName} name
 * @property {(n: number) => Promise<WasmModule>} glue  Imports a fresh copy of its glue
 *   (a new module specifier per instance: a new module record, hence fresh glue state).
 * @property {() => URL} url  Its `.wasm`, when no `wasm` option says otherwise.
 * @property {WasmModule | null} live      The instance render() uses.
 * @property {Promise<void> | null} starting  The pending or settled start of `live`.
 * @property {Promise<WebAssembly.Module> | null} compiling  Kept across traps.
 * @property {WebAssembly.Module | null} compiled  Once compiling has settled.
 * @property {number} instances  How many have been started.
 */

/** The glues, for the fresh copies after a trap: variables, so that no bundler takes
 * `./pkg/folio.js?instance=…` for a pattern of files to bundle (esbuild would, and find none). */
const FULL_GLUE = './pkg/folio.js';
const LIGHT_GLUE = './pkg/folio_light.js';

/**
 * The core's modules, lightest first. Literal imports for the first instances, so that
 * bundlers see them; the `?instance=` specifiers load fresh glue after a trap.
 * @type {Record<ModuleName, CoreModule>}
 */
const MODULES = {
  light: coreModule('light', (n) => import(n === 0 ? './pkg/folio_light.js' : `${LIGHT_GLUE}?instance=${n}`),
    () => new URL('./pkg/folio_light_bg.wasm', import.meta.url)),
  full: coreModule('full', (n) => import(n === 0 ? './pkg/folio.js' : `${FULL_GLUE}?instance=${n}`),
    () => new URL('./pkg/folio_bg.wasm', import.meta.url)),
};
/** @type {ModuleName[]} */
const LIGHTEST_FIRST = ['light', 'full'];
/** The module that holds every tier: it serves every file. */
const COMPLETE = 'full';

/**
 * Which module holds each tier the light one lacks (the core's `needs()` and `not-ready`
 * name tiers). All are in `full` today; separate modules per tier would be named here.
 * @type {Record<string, ModuleName>}
 */
export const TIER_MODULES = { html: 'full', legacy: 'full', toml: 'full' };

/**
 * @param {ModuleName} name
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
 * Whether an option is given per module (a plain object) rather than once.
 * @param {unknown} value
 * @returns {value is Record<string, any>}
 */
function perModule(value) {
  if (!value || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * What an option gives for one module: a single value belongs to `full`.
 * @template T
 * @param {T | Partial<Record<ModuleName, T>> | undefined} option
 * @param {ModuleName} name
 * @returns {T | undefined}
 */
function forModule(option, name) {
  if (perModule(option)) return Object.hasOwn(option, name) ? option[name] : undefined;
  return name === COMPLETE ? /** @type {T | undefined} */ (option) : undefined;
}

/**
 * The modules this page uses, lightest first: both, unless the options name one module
 * for everything (`modules`, or a single `wasm` or `core`).
 * @returns {ModuleName[]}
 */
function usable() {
  const { modules, wasm, core } = config;
  const named = LIGHTEST_FIRST.filter((name) => modules?.some((given) => moduleName(given) === name));
  if (named.length) return named;
  if ((wasm !== undefined && !perModule(wasm)) || typeof core === 'function') return [COMPLETE];
  return LIGHTEST_FIRST;
}

/**
 * A module name from the options (`core`, the one module before there were two, is `full`).
 * @param {string} name
 * @returns {ModuleName | null}
 */
function moduleName(name) {
  if (name === 'core') return COMPLETE;
  return Object.hasOwn(MODULES, name) ? /** @type {ModuleName} */ (name) : null;
}

/**
 * Loads and instantiates the lightest module this page uses (and those `preload`
 * names). Idempotent: concurrent and repeated calls share one promise. After a trap it
 * resolves once the fresh instance is ready. Options take effect when an instance starts
 * (the first call, or after a failure or a trap) and are kept for the instances after it;
 * a new `wasm` is compiled anew.
 * @param {InitOptions} [options]
 * @returns {Promise<void>}
 */
export function init(options) {
  if (options) {
    const unknown = [...(options.modules ?? []), ...(options.preload ?? [])].find((name) => moduleName(name) === null);
    if (unknown !== undefined) {
      return Promise.reject(new FolioError(`Folio has no module named “${unknown}” (it has light and full).`, 'bad-option', { params: { option: 'modules', value: unknown } }));
    }
    for (const module of Object.values(MODULES)) {
      if (options.wasm !== undefined && forModule(options.wasm, module.name) !== forModule(config.wasm, module.name)) {
        module.compiling = null;
        module.compiled = null;
      }
    }
    config = { ...config, ...options };
  }
  const names = usable();
  // The lightest module this page uses, and those asked for that it uses.
  const wanted = new Set([names[0], ...(options?.preload ?? []).map(moduleName).filter((name) => name && names.includes(name))]);
  const started = [...wanted].map((name) => start(MODULES[/** @type {ModuleName} */ (name)]));
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
  module.compiling ??= compile(forModule(config.wasm, module.name) ?? module.url()).then(
    (compiled) => { module.compiled = compiled; return compiled; },
    (error) => { module.compiling = null; throw error; },
  );
  const glue = forModule(config.core, module.name);
  // The glue loads while the .wasm streams and compiles.
  const [instance, compiled] = await Promise.all([glue ? glue() : module.glue(n), module.compiling]);
  await instance.default({ module_or_path: compiled });
  return instance;
}

/**
 * Compiles a module from whatever `wasm` was given. A URL or a response is compiled while
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
 * The compiled modules this page uses, by name, once init() or a render has compiled
 * them. A worker given them (`init({ wasm: compiledModules() })`) compiles nothing.
 * @returns {Partial<Record<ModuleName, WebAssembly.Module>>}
 */
export function compiledModules() {
  /** @type {Partial<Record<ModuleName, WebAssembly.Module>>} */
  const out = {};
  for (const name of usable()) {
    const { compiled } = MODULES[name];
    if (compiled) out[name] = compiled;
  }
  return out;
}

/**
 * The compiled `full` module (it serves every file, as `init({ wasm })` with it does), or
 * null before it is compiled. Kept from the one-module API; see compiledModules().
 * @returns {WebAssembly.Module | null}
 */
export function compiledModule() {
  return MODULES[COMPLETE].compiled;
}

/**
 * The loaded module render() uses: `full` when it is loaded, as it serves every file and
 * renders faster than `light` (built for size: 2–2.4× slower; ARCHITECTURE.md "Tiers"),
 * with no `needs()` first; else `light`, which throws `not-ready` naming the tier of a
 * file that needs more.
 * @returns {CoreModule | null}
 */
function loadedModule() {
  const names = usable();
  const complete = names.includes(COMPLETE) ? MODULES[COMPLETE] : null;
  if (complete?.live) return complete;
  return names.map((name) => MODULES[name]).find((module) => module.live) ?? null;
}

/**
 * Renders one article. Synchronous; call `await init()` first.
 * @param {string | Uint8Array} input The file's text or bytes.
 * @param {RenderOptions} [options]
 * @returns {Article}
 * @throws {FolioError} with the core's code for files that are not articles (`empty`,
 *   `binary`, `too-large`; `bad-option` for options it cannot use), `trap` if the core
 *   crashed, `not-ready` before init() or, with `params.tier` and `params.module`, when
 *   the file needs a module that is not loaded yet (renderWhenReady() loads it).
 */
export function render(input, options = {}) {
  const module = loadedModule();
  if (!module) {
    throw new FolioError('Folio is not ready: await init() before calling render().', 'not-ready');
  }
  return renderWith(module, input, options);
}

/**
 * @param {CoreModule} module
 * @param {string | Uint8Array} input
 * @param {RenderOptions} [options]
 * @returns {Article}
 */
function renderWith(module, input, options = {}) {
  const instance = module.live;
  if (!instance) {
    throw new FolioError('Folio is not ready: await init() before calling render().', 'not-ready');
  }
  let raw;
  try {
    raw = instance.render(input, options);
  } catch (error) {
    throw failure(module, error);
  }
  return normalize(raw);
}

/**
 * What a module's thrown error means: a trap (and a fresh instance on its way), or the
 * core's error with its code.
 * @param {CoreModule} module
 * @param {unknown} error
 * @returns {FolioError}
 */
function failure(module, error) {
  if (error instanceof WebAssembly.RuntimeError) {
    restartAfterTrap(module);
    return new FolioError('This file could not be rendered: the renderer crashed on it. Other files still work.', 'trap', { cause: error, params: { module: module.name } });
  }
  const coded = coreError(error);
  const tier = coded.params.tier;
  if (coded.code !== 'not-ready' || !tier) return coded;
  const needed = TIER_MODULES[tier] ?? COMPLETE;
  return new FolioError(`This file needs Folio's ${needed} module (${tier}), not loaded yet: use renderWhenReady().`,
    'not-ready', { cause: error, params: { ...coded.params, module: needed } });
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
 * The module to render this input with, loaded: `full` when it is loaded already or the
 * page uses nothing else; else `light` once it is up, whose `needs()` (cheap, from the
 * file's first stages) says whether this file needs a tier it lacks, and then the
 * module that holds it.
 * @param {string | Uint8Array} input
 * @param {RenderOptions} [options]
 * @returns {Promise<CoreModule>}
 */
async function moduleFor(input, options) {
  const names = usable();
  const complete = names.includes(COMPLETE) ? MODULES[COMPLETE] : null;
  if (complete?.live) return complete;
  const light = names[0] === COMPLETE ? null : MODULES[names[0]];
  if (!light) {
    await start(/** @type {CoreModule} */ (complete));
    return /** @type {CoreModule} */ (complete);
  }
  try {
    await start(light);
  } catch (error) {
    // The light module could not load (a failed fetch): the full one serves every file.
    if (!complete) throw error;
    await start(complete);
    return complete;
  }
  if (complete?.live || !light.live?.needs) return complete?.live ? complete : light;
  let tiers;
  try {
    tiers = light.live.needs(input, options?.fileName);
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) throw failure(light, error);
    return light; // Not an input it can read: render() says why.
  }
  const needed = Array.isArray(tiers) ? tiers.map((tier) => TIER_MODULES[tier] ?? COMPLETE) : [];
  if (!needed.length || !complete) return light;
  await start(complete);
  return complete;
}

/**
 * Loads what this input needs, then renders it; once more if another render trapped in
 * between: files opened together all wait on one start, and the first that traps takes
 * the instance away from the others (render() then throws 'not-ready' until the fresh
 * one is up).
 * @param {string | Uint8Array} input
 * @param {RenderOptions} [options]
 * @returns {Promise<Article>}
 * @throws {FolioError} as render() does.
 */
export async function renderWhenReady(input, options) {
  const module = await moduleFor(input, options);
  try {
    return renderWith(module, input, options);
  } catch (error) {
    if (!(error instanceof FolioError) || error.code !== 'not-ready') throw error;
    // A tier needs() did not name (it never should), or a trap elsewhere took the instance.
    const tier = error.params.module ? MODULES[/** @type {ModuleName} */ (error.params.module)] : null;
    const next = tier && usable().includes(tier.name) ? tier : module;
    await start(next);
    return renderWith(next, input, options);
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
    text: a.text instanceof Uint8Array ? a.text : optionalString(a.text),
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
