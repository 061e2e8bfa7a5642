// Builds what Folio ships, from www/ and the WASM package in www/pkg (scripts/build-wasm.sh):
//
//   dist/folio.html  one self-contained page: the viewer's modules bundled by esbuild into
//                    one inline module, the .wasm as base64, style.css inline, the demo
//                    sample embedded. Works from file:// with no network. Its CSP allows
//                    only that script and that style, by sha256 hash.
//   dist/npm/        an npm package, minified: folio.js, the element and the article view
//                    bundled by esbuild (each an entry, shared code and every module they
//                    load on demand in chunks beside them), the wasm-pack output (its glue
//                    minified), the stylesheets, the rich-content frame and TypeScript types.
//
// Usage: node scripts/dist.mjs [--out DIR]   (default dist/; `make dist` builds first)

import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WWW = join(ROOT, 'www');
const PKG = join(WWW, 'pkg');
const SAMPLE_NAME = 'sina-cross-border-ecommerce.md';
const VENDOR_DIR = join(WWW, 'vendor');

/** The core's glues (pkg/folio.js: the full module, pkg/folio_light.js: the light one),
 * with the `?instance=` of a fresh copy: left outside bundles, imported by URL. */
const GLUE = /\/pkg\/folio(_light)?\.js(\?.*)?$/;

/** The npm package's name. */
export const PACKAGE_NAME = 'folio-viewer';

/**
 * Fails the build with a sentence for the reader.
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  throw new Error(`dist: ${message}`);
}

/**
 * Replaces exactly one occurrence of `pattern` in `text`: index.html changing shape
 * must stop the build, not yield a page that half works.
 * @param {string} text
 * @param {RegExp} pattern
 * @param {string | (() => string)} replacement
 * @returns {string}
 */
function replaceOnce(text, pattern, replacement) {
  const found = text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? [];
  if (found.length !== 1) fail(`expected one match of ${pattern}, found ${found.length}.`);
  return text.replace(pattern, typeof replacement === 'function' ? replacement : () => replacement);
}

/** @param {string} text @returns {string} a CSP hash source for an inline script or style. */
function hashSource(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The wasm-bindgen glue as a factory: each call evaluates a fresh copy (its own
 * instance and memory), which folio.js needs to start over after a trap. esbuild turns
 * the ES module into CommonJS; the function body gives it a fresh `module` each time.
 * @returns {Promise<string>} an ES module exporting `createCore()`.
 */
async function coreFactory() {
  const { outputFiles } = await esbuild.build({
    entryPoints: [join(PKG, 'folio.js')],
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    write: false,
    logLevel: 'error',
    // The glue only reads import.meta.url when it has no .wasm given: here it always has.
    define: { 'import.meta.url': '"about:blank"' },
  });
  return `export function createCore() {\n  const module = { exports: {} };\n  const exports = module.exports;\n${outputFiles[0].text}\n  return module.exports;\n}\n`;
}

/** Fonts inlined into an embedded stylesheet, by extension. */
const FONT_TYPES = /** @type {Record<string, string>} */ ({ '.woff2': 'font/woff2' });

/**
 * A stylesheet with the fonts it names (those copied next to it) inlined as data: URLs,
 * and the rest of its font sources dropped (the single file has no other files).
 * @param {string} file
 * @returns {string}
 */
function inlineFonts(file) {
  const css = readFileSync(file, 'utf8');
  return css.replace(/src:([^;}]*)/g, (_, sources) => {
    const kept = [...sources.matchAll(/url\(([^)]+)\)\s*format\(["']?([\w-]+)["']?\)/g)]
      .map(([, ref]) => join(dirname(file), ref.replace(/["']/g, '')))
      .filter((path) => existsSync(path) && FONT_TYPES[path.slice(path.lastIndexOf('.'))]);
    if (!kept.length) return `src:${sources}`;
    const path = kept[0];
    return `src:url(data:${FONT_TYPES[path.slice(path.lastIndexOf('.'))]};base64,${readFileSync(path).toString('base64')}) format("woff2")`;
  });
}

/**
 * Every vendored file, relative to www/vendor/ (scripts/vendor.mjs wrote them).
 * @returns {string[]}
 */
function vendoredFiles() {
  if (!existsSync(VENDOR_DIR)) fail('www/vendor is missing: run node scripts/vendor.mjs first.');
  return readdirSync(VENDOR_DIR, { recursive: true, encoding: 'utf8' })
    .map((name) => name.split(sep).join('/'))
    .filter((name) => statSync(join(VENDOR_DIR, name)).isFile());
}

/**
 * The single file's reading/vendor.js: the same functions, serving the vendored modules,
 * texts and the diagram frame from the bundle (a module is still evaluated only when an
 * article needs it). Mermaid runs in a sandboxed frame whose document is embedded here.
 * @param {string} frameHtml  The diagram frame's whole document (srcdoc).
 * @returns {string}
 */
function embeddedVendor(frameHtml) {
  const files = vendoredFiles();
  const modules = files.filter((name) => /\.(mjs|js)$/.test(name) && !name.startsWith('mermaid/'))
    .map((name) => `  ${JSON.stringify(name)}: () => import(${JSON.stringify(join(VENDOR_DIR, name))}),`);
  const texts = files.filter((name) => /\.(css|json)$/.test(name))
    .map((name) => `  ${JSON.stringify(name)}: ${JSON.stringify(name.endsWith('.css') ? inlineFonts(join(VENDOR_DIR, name)) : readFileSync(join(VENDOR_DIR, name), 'utf8'))},`);
  return `// Generated by scripts/dist.mjs: reading/vendor.js for dist/folio.html.
import { trustedFrameDocument } from '../trusted-types.js';
const MODULES = {
${modules.join('\n')}
};
const TEXTS = {
${texts.join('\n')}
};
export const FRAME_DOCUMENT = ${JSON.stringify(frameHtml)};
export function vendorModule(path) {
  const load = Object.hasOwn(MODULES, path) ? MODULES[path] : null;
  return load ? load() : Promise.reject(new Error(path + ' is not in this file'));
}
export async function vendorText(path) {
  if (!Object.hasOwn(TEXTS, path)) throw new Error(path + ' is not in this file');
  return TEXTS[path];
}
export function vendorUrl(path) {
  return 'about:blank#' + path;
}
export function diagramFrameSource(frame) {
  frame.srcdoc = trustedFrameDocument(FRAME_DOCUMENT);
}
`;
}

/**
 * Script text that can sit inside an inline <script>: `</script` and `<!--` (both only ever
 * inside strings or regular expressions in these files) written with escapes that mean
 * the same there.
 * @param {string} code
 * @returns {string}
 */
function inlineSafe(code) {
  return code.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\x21--');
}

/**
 * The diagram frame's document with its scripts inline (the single file has no other
 * files): reading/mermaid-frame.html with Mermaid and the frame's script in it.
 * @returns {{ html: string, scripts: string[] }} the document, and its scripts' texts (for the CSP's hashes).
 */
function frameDocument() {
  const mermaid = readFileSync(join(VENDOR_DIR, 'mermaid', 'dist', 'mermaid.min.js'), 'utf8');
  const own = readFileSync(join(WWW, 'reading', 'mermaid-frame.js'), 'utf8');
  const scripts = [mermaid, own].map((text) => `\n${inlineSafe(text)}\n`);
  let html = readFileSync(join(WWW, 'reading', 'mermaid-frame.html'), 'utf8');
  html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, '').replace(/<!--[^]*?-->\n?/g, '');
  html = replaceOnce(html, /<script src="\.\.\/vendor\/mermaid\/dist\/mermaid\.min\.js"><\/script>/, () => `<script>${scripts[0]}</script>`);
  html = replaceOnce(html, /<script src="mermaid-frame\.js"><\/script>/, () => `<script>${scripts[1]}</script>`);
  return { html, scripts };
}

/**
 * Bundles the viewer (app.js and everything it imports, the lazy modules too) with the
 * core and the vendored code embedded.
 * @param {string} vendorModuleText  The single file's reading/vendor.js.
 * @returns {Promise<string>} the inline module's text.
 */
async function bundleViewer(vendorModuleText) {
  const wasm = readFileSync(join(PKG, 'folio_bg.wasm'));
  const factory = await coreFactory();
  const entry = `
import { init } from './folio.js';
import { createCore } from 'folio:core';
import { WASM_BASE64 } from 'folio:wasm';
const binary = atob(WASM_BASE64);
const bytes = new Uint8Array(binary.length);
for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
init({ wasm: bytes, core: createCore }).catch(() => {});
import('./app.js');
`;
  const { outputFiles } = await esbuild.build({
    stdin: { contents: entry, resolveDir: WWW, sourcefile: 'folio-single-file.js', loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'error',
    legalComments: 'none',
    plugins: [{
      name: 'folio-virtual',
      setup(build) {
        build.onResolve({ filter: /^folio:/ }, (args) => ({ path: args.path, namespace: 'folio-virtual' }));
        // The page gives init() one module, the full one, which serves every file: the
        // light module's glue is never imported here, so it is not bundled.
        build.onResolve({ filter: /\/pkg\/folio_light\.js(\?.*)?$/ }, (args) => ({ path: args.path, external: true }));
        // The reading modules' way to third-party code, served from the bundle.
        build.onLoad({ filter: /[\\/]www[\\/]reading[\\/]vendor\.js$/ }, () => ({ contents: vendorModuleText, loader: 'js', resolveDir: join(WWW, 'reading') }));
        build.onLoad({ filter: /.*/, namespace: 'folio-virtual' }, (args) => ({
          contents: args.path === 'folio:core' ? factory : `export const WASM_BASE64 = "${wasm.toString('base64')}";`,
          loader: 'js',
        }));
      },
    }],
  });
  const code = inlineSafe(outputFiles[0].text);
  // Checked again: either would break the inline script.
  if (/<\/script|<!--/i.test(code)) fail('the bundle contains "</script" or "<!--", which would break the inline script.');
  return code;
}

/**
 * The demo sample's bytes: the page's copy, else the shared canonical sample.
 * @returns {Buffer}
 */
function sampleBytes() {
  for (const path of [join(WWW, 'samples', SAMPLE_NAME), join(ROOT, '..', 'shared', 'samples', SAMPLE_NAME)]) {
    if (existsSync(path)) return readFileSync(path);
  }
  return fail(`the demo sample ${SAMPLE_NAME} is missing: run scripts/build-wasm.sh first.`);
}

/**
 * Writes dist/folio.html.
 * @param {string} out
 */
async function singleFile(out) {
  const frame = frameDocument();
  const script = `\n${await bundleViewer(embeddedVendor(frame.html))}`;
  // style.css with the reading view's stylesheet, which it imports, in place of the @import;
  // then the library's stylesheet (the second <link> of index.html).
  const reading = readFileSync(join(WWW, 'reading', 'reading.css'), 'utf8');
  const library = readFileSync(join(WWW, 'library', 'library.css'), 'utf8');
  const style = `\n${replaceOnce(readFileSync(join(WWW, 'style.css'), 'utf8'), /@import url\("reading\/reading\.css"\);/, () => reading)}\n${library}`;
  if (/<\/style/i.test(style)) fail('style.css contains "</style".');
  const favicon = readFileSync(join(WWW, 'favicon.svg')).toString('base64');
  const csp = [
    "default-src 'none'",
    // The diagram frame (srcdoc) inherits this policy: its two inline scripts are allowed
    // by hash, and it is sandboxed without same-origin (reading/mermaid.js).
    `script-src ${[script, ...frame.scripts].map(hashSource).join(' ')} 'wasm-unsafe-eval'`,
    `style-src ${hashSource(style)}`,
    'img-src https: http: data: blob:',
    'connect-src https: http:',
    'font-src data:',
    "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-src 'none'",
    // `default`: made only inside the sandboxed diagram frame, which inherits this policy,
    // so that Mermaid can build its SVG there (mermaid-frame.js); the page never makes one.
    "require-trusted-types-for 'script'", 'trusted-types folio default',
  ].join('; ');
  let html = readFileSync(join(WWW, 'index.html'), 'utf8');
  html = replaceOnce(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  html = replaceOnce(html, /<link rel="icon" href="favicon\.svg"[^>]*>/, `<link rel="icon" href="data:image/svg+xml;base64,${favicon}" type="image/svg+xml">`);
  html = replaceOnce(html, /<link rel="stylesheet" href="style\.css">/, `<style>${style}</style>`);
  html = replaceOnce(html, /[ \t]*<link rel="stylesheet" href="library\/library\.css">\n/, '');
  // Installable only where it is served with its manifest and service worker (www/).
  html = replaceOnce(html, /[ \t]*<link rel="manifest" href="manifest\.webmanifest">\n/, '');
  html = replaceOnce(html, /[ \t]*<!-- The whole module graph[^]*?-->\n(?:[ \t]*<link rel="(?:module)?preload"[^>]*>\n)+/, '');
  const demo = `<script type="application/octet-stream" id="folio-demo" data-name="${SAMPLE_NAME}">${sampleBytes().toString('base64')}</script>\n`;
  html = replaceOnce(html, /<\/body>/, `${demo}</body>`);
  // viewer/early.js is in the bundle (files.js imports it), which starts the core itself.
  html = replaceOnce(html, /[ \t]*<script type="module" src="viewer\/early\.js" async><\/script>\n/, '');
  // Last: the script holds HTML of its own (the diagram frame's document, `</body>` in the library's writer).
  html = replaceOnce(html, /<script type="module" src="app\.js"><\/script>/, `<script type="module">${script}</script>`);
  writeFileSync(join(out, 'folio.html'), html);
}

/**
 * Cargo.toml's package version, license and description (the package mirrors the crate).
 * @returns {{ version: string, license: string, description: string }}
 */
function crateInfo() {
  const toml = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const section = toml.split(/^\[/m).find((part) => part.startsWith('package]')) ?? '';
  const field = (/** @type {string} */ name) => new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, 'm').exec(section)?.[1];
  const version = field('version');
  if (!version) fail('Cargo.toml has no [package] version.');
  return { version, license: field('license') ?? 'UNLICENSED', description: field('description') ?? '' };
}

/** Types of the package's main module, folio.js (the Article types live with the element's). */
const FOLIO_TYPES = `// Types for folio.js (\`${PACKAGE_NAME}\`): init() once, then render() synchronously.
import type { Article, RenderOptions } from './folio-article.js';
export type { Article, RenderOptions, Stats, TocEntry } from './folio-article.js';

/** Where the core's .wasm comes from: bytes, a compiled module, a URL or a response. */
export type WasmSource = BufferSource | WebAssembly.Module | URL | string | Response;

/** The core's modules: \`light\` (loaded first; most Markdown) and \`full\` (every file). */
export type ModuleName = 'light' | 'full';

export interface InitOptions {
  /** The core's .wasm. One source is the full module, which then serves every file (Node passes its bytes: \`${PACKAGE_NAME}/wasm\`); an object gives one per module (\`{ light, full }\`, e.g. compiledModules() for a worker); a module left out is fetched from pkg/ next to its glue. */
  wasm?: WasmSource | Partial<Record<ModuleName, WasmSource>>;
  /** Makes a fresh copy of a module's glue per instance (for bundles); one function is the full module's. */
  core?: (() => unknown) | Partial<Record<ModuleName, () => unknown>>;
  /** Modules to load now besides the light one (\`['full']\`: HTML, legacy-encoded or TOML files are coming). */
  preload?: string[];
  /** The modules to use at all (default both; \`['full']\`: one module for every file). */
  modules?: ModuleName[];
}

/**
 * Why a file could not be shown: the core's codes (\`empty\`, \`binary\`, \`too-large\`,
 * \`bad-option\`; \`unreadable\` from a core that gives none), \`trap\` when the core crashed
 * on the input, \`not-ready\` before init() or before the module a file needs is loaded.
 */
export type FolioErrorCode = 'empty' | 'binary' | 'too-large' | 'bad-option' | 'unreadable' | 'trap' | 'not-ready';

/** An error from Folio: an English \`message\`, and a \`code\` and \`params\` to say it in any language. */
export class FolioError extends Error {
  constructor(message: string, code: FolioErrorCode | string, options?: { cause?: unknown; params?: Record<string, string> });
  /** A FolioErrorCode (a newer core may add codes). */
  readonly code: FolioErrorCode | (string & {});
  /** What the message names, e.g. \`{ size, limit }\` for \`too-large\`, \`{ kind }\` for \`binary\`. */
  readonly params: Record<string, string>;
}

/** Loads the WebAssembly core once; concurrent and repeated calls share one promise. */
export function init(options?: InitOptions): Promise<void>;

/** The compiled full module once compiled, else null: a worker given it (\`init({ wasm })\`) compiles nothing and renders every file with it. */
export function compiledModule(): WebAssembly.Module | null;

/** The compiled modules by name (\`init({ wasm: compiledModules() })\` in a worker compiles nothing). */
export function compiledModules(): Partial<Record<ModuleName, WebAssembly.Module>>;

/** Which module holds each tier the light module lacks (\`not-ready\`'s \`params.tier\`). */
export const TIER_MODULES: Record<string, ModuleName>;

/** Renders one article file (text or bytes). Synchronous after init(); throws FolioError (\`not-ready\` with \`params.tier\` and \`params.module\` when the file needs a module not loaded yet). */
export function render(input: string | Uint8Array, options?: RenderOptions): Article;

/** Loads the module this input needs (the light one's needs() names it), then renders; retried once when another render's trap took the instance away. */
export function renderWhenReady(input: string | Uint8Array, options?: RenderOptions): Promise<Article>;
`;

/** What the package ships from www/ as they are, besides the bundled modules (and
 * www/vendor/, the third-party code the reading modules load on demand). */
const PACKAGE_EXTRAS = ['folio-article.d.ts', 'folio-article.css', 'style.css', 'reading/reading.css', 'reading/mermaid-frame.html'];
/** Scripts shipped minified one by one: the diagram frame's own (a classic script). */
const PACKAGE_SCRIPTS = ['reading/mermaid-frame.js'];
/** The package's entry points, by the name each gets at its root, from www/. */
const PACKAGE_ENTRIES = { folio: 'folio.js', 'folio-article': 'folio-article.js', view: 'view/article.js' };
const PKG_FILES = ['folio.js', 'folio.d.ts', 'folio_bg.wasm', 'folio_bg.wasm.d.ts', 'folio_light.js', 'folio_light_bg.wasm'];

/**
 * An esbuild plugin for bundles whose every output file lies at the package's root: the
 * core's glue stays outside (it is shipped in pkg/ and imported by URL, a fresh copy per
 * instance), and `import.meta.url` in a module from a folder of www/ becomes that
 * module's own URL under the root, so that what it finds next to itself
 * (reading/vendor.js: ../vendor/, the diagram frame) is still found from the bundle.
 * @type {import('esbuild').Plugin}
 */
const rootBundle = {
  name: 'folio-root-bundle',
  setup(build) {
    build.onResolve({ filter: GLUE }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /\.js$/ }, (args) => {
      const path = relative(WWW, args.path).split(sep).join('/');
      if (path.startsWith('..') || !path.includes('/')) return undefined;
      const text = readFileSync(args.path, 'utf8');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(path)}, import.meta.url).href`), loader: 'js' };
    });
  },
};

/**
 * Bundles the package's entry points into `dir`, minified, with the code they share and
 * the modules they load on demand as chunks beside them.
 * @param {string} dir
 * @returns {Promise<{ files: string[], staticImports: Record<string, string[]> }>} the files
 *   written, relative to `dir`, and what each imports statically (what loads with it).
 */
export async function bundlePackage(dir) {
  const { outputFiles, metafile } = await esbuild.build({
    entryPoints: Object.entries(PACKAGE_ENTRIES).map(([out, input]) => ({ out, in: join(WWW, input) })),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    outdir: dir,
    chunkNames: '[name]-[hash]',
    write: false,
    metafile: true,
    logLevel: 'error',
    plugins: [rootBundle],
  });
  const files = [];
  mkdirSync(dir, { recursive: true });
  for (const file of outputFiles) {
    const name = relative(dir, file.path).split(sep).join('/');
    if (name.includes('/')) fail(`the bundle wrote ${name} below the package's root, where its URLs would not resolve.`);
    writeFileSync(file.path, file.text);
    files.push(name);
  }
  const inDir = (/** @type {string} */ path) => relative(dir, resolve(path)).split(sep).join('/');
  /** @type {Record<string, string[]>} */
  const staticImports = {};
  for (const [path, output] of Object.entries(metafile.outputs)) {
    staticImports[inDir(path)] = output.imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => inDir(i.path));
  }
  return { files: files.sort(), staticImports };
}

/**
 * Minifies one script on its own (the core's glue, the diagram frame's script).
 * @param {string} from
 * @param {string} to
 */
export async function minifyFile(from, to) {
  const { code } = await esbuild.transform(readFileSync(from, 'utf8'), { minify: true, target: 'es2022', legalComments: 'none' });
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, code);
}

/**
 * Every module under www/ that the entry points import, as served from www/ (esbuild's
 * metafile; the structure tests and the benchmark's sizes use it): all of them, or only
 * those imported statically (`firstLoad`: what a page loads before any article needs a
 * lazy module). The core's glue (www/pkg) and vendored code are left out.
 * @param {string[]} entries  Paths relative to www/.
 * @param {{ firstLoad?: boolean }} [options]
 * @returns {Promise<string[]>} relative to www/, sorted.
 */
export async function moduleGraph(entries, { firstLoad = false } = {}) {
  const { metafile } = await esbuild.build({
    entryPoints: entries.map((entry) => join(WWW, entry)),
    bundle: true,
    write: false,
    outdir: 'out',
    format: 'esm',
    splitting: true,
    metafile: true,
    logLevel: 'error',
    plugins: [{
      name: 'folio-core-outside',
      setup(build) {
        build.onResolve({ filter: GLUE }, (args) => ({ path: args.path, external: true }));
      },
    }],
  });
  const fromWww = (/** @type {string} */ input) => relative(WWW, resolve(ROOT, input)).split(sep).join('/');
  let inputs = Object.keys(metafile.inputs);
  if (firstLoad) {
    const seen = new Set(entries.map((entry) => relative(ROOT, join(WWW, entry)).split(sep).join('/')));
    const queue = [...seen];
    while (queue.length) {
      const input = /** @type {string} */ (queue.pop());
      for (const { path, kind } of metafile.inputs[input]?.imports ?? []) {
        if (kind === 'import-statement' && !seen.has(path)) {
          seen.add(path);
          queue.push(path);
        }
      }
    }
    inputs = [...seen];
  }
  return inputs.map(fromWww).filter((path) => !path.startsWith('..') && !path.startsWith('pkg/')).sort();
}

/**
 * Writes dist/npm/.
 * @param {string} out
 */
async function npmPackage(out) {
  const dir = join(out, 'npm');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'pkg'), { recursive: true });
  const { files: bundled } = await bundlePackage(dir);
  for (const file of PACKAGE_EXTRAS) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(WWW, file), join(dir, file));
  }
  for (const file of PACKAGE_SCRIPTS) await minifyFile(join(WWW, file), join(dir, file));
  for (const file of PKG_FILES) {
    if (file.endsWith('.js')) await minifyFile(join(PKG, file), join(dir, 'pkg', file));
    else copyFileSync(join(PKG, file), join(dir, 'pkg', file));
  }
  const files = [...bundled, ...PACKAGE_EXTRAS, ...PACKAGE_SCRIPTS];
  const vendored = vendoredFiles().map((name) => `vendor/${name}`);
  for (const file of vendored) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(WWW, file), join(dir, file));
  }
  writeFileSync(join(dir, 'folio.d.ts'), FOLIO_TYPES);
  const { version, license, description } = crateInfo();
  const manifest = {
    name: PACKAGE_NAME,
    version,
    description,
    license,
    type: 'module',
    main: './folio.js',
    types: './folio.d.ts',
    exports: {
      '.': { types: './folio.d.ts', default: './folio.js' },
      './element': { types: './folio-article.d.ts', default: './folio-article.js' },
      './view': './view.js',
      './wasm': './pkg/folio_bg.wasm',
      './wasm-light': './pkg/folio_light_bg.wasm',
      './style.css': './style.css',
      './package.json': './package.json',
    },
    files: [...files, 'folio.d.ts', ...PKG_FILES.map((file) => `pkg/${file}`), 'vendor/', 'README.md'],
    // Importing the element module registers <folio-article>.
    sideEffects: ['./folio-article.js'],
    engines: { node: '>=20' },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, 'README.md'), `# ${PACKAGE_NAME}

Folio's article renderer (Rust compiled to WebAssembly) and the \`<folio-article>\` element.

\`\`\`js
// Browser: one element per article; the core loads once, when the first one needs it.
import '${PACKAGE_NAME}/element';
// <folio-article src="post.md" theme="auto"></folio-article>

// Node 20: pass the .wasm bytes to init().
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { init, render } from '${PACKAGE_NAME}';
const wasm = readFileSync(createRequire(import.meta.url).resolve('${PACKAGE_NAME}/wasm'));
await init({ wasm });
console.log(render('# Hello', { fileName: 'hello.md' }).title);
\`\`\`

The Article, the element's attributes, events, parts and custom properties are
described in the types (\`folio.d.ts\`, \`folio-article.d.ts\`) and in Folio's README.
`);
}

/**
 * Builds everything into `out`.
 * @param {string} out
 */
export async function buildDist(out) {
  if (!existsSync(join(PKG, 'folio_bg.wasm'))) fail('www/pkg is missing: run scripts/build-wasm.sh first.');
  mkdirSync(out, { recursive: true });
  await singleFile(out);
  await npmPackage(out);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const out = resolve(at > 0 ? process.argv[at + 1] : join(ROOT, 'dist'));
  buildDist(out).then(
    () => console.error(`dist: wrote ${join(out, 'folio.html')} and ${join(out, 'npm')}/`),
    (error) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
