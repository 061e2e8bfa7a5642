// Copies the third-party code the shell loads (only when an article or a library needs it) from
// node_modules into www/vendor/<package>/, with each package's license file. www/vendor/
// is generated (gitignored, like www/pkg/): `make build` runs this after the WASM build.
//
// One entry per package is all it takes: its npm name, the files to copy (paths inside
// the package; a trailing `/` copies a folder, `*` matches within one folder), the license
// file, and optionally which files to minify (esbuild, legal comments kept) and a step that
// writes a file derived from the package (highlight.js's alias table).
// tests/e2e/vendor.test.mjs checks that every www/vendor/ path a module names is listed.
//
// Usage: node scripts/vendor.mjs [--out DIR]   (default www/vendor)

import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @typedef {object} VendorEntry
 * @property {string} package      The npm package; also its folder under www/vendor/.
 * @property {string[]} files      Paths inside the package: `dir/` a whole folder, `dir/*.ext` a pattern.
 * @property {string} license      The package's license file, copied beside its files.
 * @property {string[]} [minify]   Files (among `files`) written minified.
 * @property {(from: string, to: string) => Promise<void>} [derive]  Writes files made from the package.
 */

/** @type {VendorEntry[]} */
export const VENDOR = [
  // Code highlighting (www/reading/code.js): the core and one grammar per language, each
  // loaded only when an article has a block in it (ARCHITECTURE.md: why highlight.js).
  {
    package: '@highlightjs/cdn-assets',
    files: ['es/core.min.js', 'es/languages/'],
    license: 'LICENSE',
    derive: highlightAliases,
  },
  // Math (www/reading/math.js): KaTeX's ES module, its stylesheet and the WOFF2 fonts the
  // stylesheet names first (browsers that read WOFF2 never ask for the others).
  {
    package: 'katex',
    files: ['dist/katex.mjs', 'dist/katex.min.css', 'dist/fonts/*.woff2'],
    license: 'LICENSE',
    minify: ['dist/katex.mjs'],
  },
  // Diagrams (www/reading/mermaid-frame.js): run only inside the sandboxed frame.
  { package: 'mermaid', files: ['dist/mermaid.min.js'], license: 'LICENSE' },
  // The library (www/library/): zip reading and the archive's ZIP (zip-read.js, archive.js),
  // full-text search (search-index.js) and English stems (tokenize.js), imported as they
  // are by the library's workers, never by the page's first load (ARCHITECTURE.md: why these).
  { package: 'fflate', files: ['esm/browser.js', 'esm/browser.d.ts'], license: 'LICENSE' },
  { package: 'minisearch', files: ['dist/es/index.js', 'dist/es/index.d.ts'], license: 'LICENSE.txt' },
  { package: 'stemmer', files: ['index.js', 'index.d.ts'], license: 'license' },
];

/**
 * The files an entry names, expanded, as paths inside the package.
 * @param {string} from  The package's folder.
 * @param {string[]} patterns
 * @returns {string[]}
 */
function expand(from, patterns) {
  return patterns.flatMap((pattern) => {
    if (pattern.endsWith('/')) {
      return readdirSync(join(from, pattern), { recursive: true, encoding: 'utf8' })
        .map((name) => posix.join(pattern, name.split('\\').join('/')))
        .filter((path) => statSync(join(from, path)).isFile());
    }
    const star = pattern.indexOf('*');
    if (star < 0) return [pattern];
    const dir = posix.dirname(pattern);
    const [head, tail] = posix.basename(pattern).split('*');
    return readdirSync(join(from, dir)).filter((name) => name.startsWith(head) && name.endsWith(tail)).map((name) => posix.join(dir, name));
  });
}

/**
 * Copies one package's listed files, minified where asked.
 * @param {VendorEntry} entry
 * @param {string} out  www/vendor
 * @returns {Promise<number>} files written
 */
async function copyPackage(entry, out) {
  const from = join(ROOT, 'node_modules', entry.package);
  if (!existsSync(join(from, 'package.json'))) {
    throw new Error(`vendor: ${entry.package} is not installed (npm ci).`);
  }
  const to = join(out, entry.package);
  rmSync(to, { recursive: true, force: true });
  const files = [...expand(from, entry.files), entry.license];
  for (const file of files) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    if (entry.minify?.includes(file)) {
      const { code } = await esbuild.transform(readFileSync(join(from, file), 'utf8'), { minify: true, format: 'esm', legalComments: 'inline', target: 'es2022' });
      writeFileSync(join(to, file), code);
    } else {
      copyFileSync(join(from, file), join(to, file));
    }
  }
  await entry.derive?.(from, to);
  return files.length;
}

/**
 * highlight.js names its grammars' aliases only inside them (`js` is in javascript's):
 * loading every grammar once here writes `aliases.json` (alias → grammar file name), so the
 * browser fetches exactly the one grammar a block's language names.
 * @param {string} from
 * @param {string} to
 */
async function highlightAliases(from, to) {
  const { default: hljs } = await import(pathToFileURL(join(from, 'es/core.min.js')).href);
  /** @type {Record<string, string>} */
  const table = {};
  const dir = join(from, 'es/languages');
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.min.js')).sort()) {
    const name = file.slice(0, -'.min.js'.length);
    const { default: grammar } = await import(pathToFileURL(join(dir, file)).href);
    const definition = grammar(hljs);
    for (const alias of [name, ...(definition.aliases ?? [])]) table[alias.toLowerCase()] ??= name;
  }
  writeFileSync(join(to, 'es/languages/aliases.json'), `${JSON.stringify(table)}\n`);
}

/**
 * Writes every entry into `out`.
 * @param {string} out
 */
export async function vendor(out = join(ROOT, 'www', 'vendor')) {
  mkdirSync(out, { recursive: true });
  for (const entry of VENDOR) {
    const count = await copyPackage(entry, out);
    console.error(`vendor: ${entry.package} (${count} files)`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  vendor(at > 0 ? resolve(process.argv[at + 1]) : undefined).catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
