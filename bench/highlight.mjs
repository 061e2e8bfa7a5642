// Code highlighting measured on the corpus's code blocks (../shared/corpus, fenced blocks
// with a language): size (gzip -9) of what an article with those languages loads, and the
// time to highlight every block, for highlight.js as Folio vendors it (www/vendor/) and,
// when given a folder where `shiki` is installed (`--shiki DIR`), for Shiki with its
// JavaScript regex engine. Prints figures; never fails on a goal. ARCHITECTURE.md has the
// results and the choice.
//
// Usage: node bench/highlight.mjs [--shiki DIR]   (after `node scripts/vendor.mjs`)

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const HLJS = join(ROOT, 'www', 'vendor', '@highlightjs', 'cdn-assets', 'es');
const ROUNDS = 5;

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.(md|markdown|Rmd)$/i.test(name) ? [path] : [];
  });
}

/** Every fenced block with a language: `{ language, code }`. */
const blocks = walk(CORPUS).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^(```|~~~)[ \t]*([\w+#.-]+)[^\n]*\n([^]*?)^\1[ \t]*$/gm)]
  .map((m) => ({ language: m[2].toLowerCase(), code: m[3] })));
const chars = blocks.reduce((sum, b) => sum + b.code.length, 0);
console.log(`corpus: ${blocks.length} fenced blocks with a language, ${chars} characters, ${new Set(blocks.map((b) => b.language)).size} languages`);

/** @param {string} path */
const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;

// highlight.js, as www/reading/code.js loads it.
{
  const aliases = JSON.parse(readFileSync(join(HLJS, 'languages', 'aliases.json'), 'utf8'));
  const { default: hljs } = await import(pathToFileURL(join(HLJS, 'core.min.js')).href);
  const files = [...new Set(blocks.map((b) => aliases[b.language]).filter(Boolean))];
  for (const file of files) hljs.registerLanguage(file, (await import(pathToFileURL(join(HLJS, 'languages', `${file}.min.js`)).href)).default);
  const known = blocks.filter((b) => aliases[b.language]);
  const sizes = files.map((file) => gz(join(HLJS, 'languages', `${file}.min.js`)));
  const times = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const start = performance.now();
    for (const b of known) hljs.highlight(b.code, { language: aliases[b.language], ignoreIllegals: true });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`highlight.js: core ${gz(join(HLJS, 'core.min.js'))} B gzip; ${files.length} grammars for the corpus ${sizes.reduce((a, b) => a + b, 0)} B gzip (median ${sizes.sort((a, b) => a - b)[sizes.length >> 1]} B each); ${known.length} blocks highlighted in ${times[ROUNDS >> 1].toFixed(1)} ms (median of ${ROUNDS})`);
}

// Shiki, when installed somewhere (`npm install shiki` in a scratch folder).
const at = process.argv.indexOf('--shiki');
if (at > 0) {
  const dir = resolve(process.argv[at + 1], 'node_modules');
  const shiki = await import(pathToFileURL(join(dir, 'shiki', 'dist', 'index.mjs')).href);
  const { createJavaScriptRegexEngine } = await import(pathToFileURL(join(dir, '@shikijs', 'engine-javascript', 'dist', 'index.mjs')).href);
  const langs = [...new Set(blocks.map((b) => b.language))].filter((l) => shiki.bundledLanguages[l]);
  const t0 = performance.now();
  const highlighter = await shiki.createHighlighter({ themes: ['github-light'], langs, engine: createJavaScriptRegexEngine() });
  const load = performance.now() - t0;
  const known = blocks.filter((b) => langs.includes(b.language));
  const times = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const start = performance.now();
    for (const b of known) highlighter.codeToTokens(b.code, { lang: b.language, theme: 'github-light' });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  // Grammar sizes: each language's module in @shikijs/langs (and those it embeds).
  const grammarBytes = langs.reduce((sum, l) => {
    try { return sum + gz(join(dir, '@shikijs', 'langs', 'dist', `${l}.mjs`)); } catch { return sum; }
  }, 0);
  const engine = ['@shikijs/engine-javascript/dist/index.mjs', '@shikijs/core/dist/index.mjs', 'oniguruma-to-es/dist/esm/index.js'].reduce((sum, p) => {
    try { return sum + gz(join(dir, p)); } catch { return sum; }
  }, 0);
  console.log(`Shiki (JS engine): core + engine ≈ ${engine} B gzip; ${langs.length} grammars for the corpus ${grammarBytes} B gzip; set-up ${load.toFixed(0)} ms; ${known.length} blocks tokenized in ${times[ROUNDS >> 1].toFixed(1)} ms (median of ${ROUNDS})`);
}
