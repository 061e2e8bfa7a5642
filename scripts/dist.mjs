// Builds what Folio ships, from www/ and the WASM package in www/pkg (scripts/build-wasm.sh):
//
//   dist/folio.html  one self-contained page: the viewer's modules bundled by esbuild into
//                    one inline module, the .wasm as base64, style.css inline, the demo
//                    sample embedded. Works from file:// with no network. Its CSP allows
//                    only that script and that style, by sha256 hash.
//   dist/npm/        an npm package: the wasm-pack output plus folio.js, the element with
//                    every module it imports and its stylesheet, the viewer's CSS and
//                    TypeScript types.
//
// Usage: node scripts/dist.mjs [--out DIR]   (default dist/; `make dist` builds first)

import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WWW = join(ROOT, 'www');
const PKG = join(WWW, 'pkg');
const SAMPLE_NAME = 'sina-cross-border-ecommerce.md';

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
 * @param {string} replacement
 * @returns {string}
 */
function replaceOnce(text, pattern, replacement) {
  const found = text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? [];
  if (found.length !== 1) fail(`expected one match of ${pattern} in index.html, found ${found.length}.`);
  return text.replace(pattern, () => replacement);
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

/**
 * Bundles the viewer (app.js and everything it imports) with the core embedded.
 * @returns {Promise<string>} the inline module's text.
 */
async function bundleViewer() {
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
    write: false,
    logLevel: 'error',
    legalComments: 'none',
    plugins: [{
      name: 'folio-virtual',
      setup(build) {
        build.onResolve({ filter: /^folio:/ }, (args) => ({ path: args.path, namespace: 'folio-virtual' }));
        build.onLoad({ filter: /.*/, namespace: 'folio-virtual' }, (args) => ({
          contents: args.path === 'folio:core' ? factory : `export const WASM_BASE64 = "${wasm.toString('base64')}";`,
          loader: 'js',
        }));
      },
    }],
  });
  const code = outputFiles[0].text;
  // esbuild escapes "</script" in strings; check, since it would end the inline script.
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
  const script = `\n${await bundleViewer()}`;
  // style.css, then the library's stylesheet (the second <link> of index.html).
  const style = `\n${readFileSync(join(WWW, 'style.css'), 'utf8')}\n${readFileSync(join(WWW, 'library', 'library.css'), 'utf8')}`;
  if (/<\/style/i.test(style)) fail('style.css contains "</style".');
  const favicon = readFileSync(join(WWW, 'favicon.svg')).toString('base64');
  const csp = [
    "default-src 'none'",
    `script-src ${hashSource(script)} 'wasm-unsafe-eval'`,
    `style-src ${hashSource(style)}`,
    'img-src https: http: data: blob:',
    'connect-src https: http:',
    "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-src 'none'",
    "require-trusted-types-for 'script'", 'trusted-types folio',
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
  // Last: the script holds text of its own that looks like markup (`</body>`).
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

export interface InitOptions {
  /** The core's .wasm (default: pkg/folio_bg.wasm next to pkg/folio.js). Node passes the file's bytes. */
  wasm?: WasmSource;
  /** Makes a fresh copy of the glue module pkg/folio.js per instance (for bundles). */
  core?: () => unknown;
}

/**
 * Why a file could not be shown: the core's codes (\`empty\`, \`binary\`, \`too-large\`,
 * \`bad-option\`; \`unreadable\` from a core that gives none), \`trap\` when the core crashed
 * on the input, \`not-ready\` before init().
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

/** Renders one article file (text or bytes). Synchronous after init(); throws FolioError. */
export function render(input: string | Uint8Array, options?: RenderOptions): Article;

/** init(), then render(); retried once when another render's trap took the instance away. */
export function renderWhenReady(input: string | Uint8Array, options?: RenderOptions): Promise<Article>;
`;

/** What the package ships from www/ besides the modules its entry points import. */
const PACKAGE_EXTRAS = ['folio-article.d.ts', 'folio-article.css', 'style.css'];
/** The package's entry points in www/: the API and the element. */
const PACKAGE_ENTRIES = ['folio.js', 'folio-article.js'];
const PKG_FILES = ['folio.js', 'folio.d.ts', 'folio_bg.wasm', 'folio_bg.wasm.d.ts'];

/**
 * Every module under www/ that the entry points import, statically or not (esbuild's
 * metafile, so that a new module in the view layer is shipped without a list to update).
 * The core's glue (www/pkg) is shipped apart.
 * @param {string[]} entries  Paths relative to www/.
 * @returns {Promise<string[]>} relative to www/, sorted.
 */
export async function moduleGraph(entries) {
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
        build.onResolve({ filter: /\/pkg\/folio\.js(\?.*)?$/ }, (args) => ({ path: args.path, external: true }));
      },
    }],
  });
  return Object.keys(metafile.inputs)
    .map((input) => relative(WWW, resolve(ROOT, input)).split(sep).join('/'))
    .filter((path) => !path.startsWith('..') && !path.startsWith('pkg/'))
    .sort();
}

/**
 * Writes dist/npm/.
 * @param {string} out
 */
async function npmPackage(out) {
  const dir = join(out, 'npm');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'pkg'), { recursive: true });
  const files = [...await moduleGraph(PACKAGE_ENTRIES), ...PACKAGE_EXTRAS];
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(WWW, file), join(dir, file));
  }
  for (const file of PKG_FILES) copyFileSync(join(PKG, file), join(dir, 'pkg', file));
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
      './view': './view/article.js',
      './wasm': './pkg/folio_bg.wasm',
      './style.css': './style.css',
      './package.json': './package.json',
    },
    files: [...files, 'folio.d.ts', ...PKG_FILES.map((file) => `pkg/${file}`), 'README.md'],
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
