// The usual way to do what `folio index` and `folio render -o` do, written plainly in
// Node: walk the tree, read each file as UTF-8, gray-matter for the front matter,
// marked for Markdown, DOMPurify (on jsdom) to sanitize, then print a JSON line or
// write a page. One thread, as such a script is. The CLI benchmark (run.mjs) times it.
//
//   node bench/cli/node-baseline.mjs index TREE [--limit N]
//   node bench/cli/node-baseline.mjs render TREE OUT_DIR [--limit N]
//
// Walk rules as folio's: name order, the viewer's article endings, no dot entries or
// node_modules, no symbolic links. `--limit N` stops after N files.

import { readFileSync, readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import matter from 'gray-matter';
import { marked } from 'marked';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';

const ARTICLE = ['.md', '.markdown', '.mdown', '.mkd', '.mkdn', '.mdx', '.html', '.htm', '.xhtml', '.txt', '.text', '.rst', '.adoc', '.org'];
const HTML = ['.html', '.htm', '.xhtml'];

const [mode, tree, ...rest] = process.argv.slice(2);
const out = mode === 'render' ? rest.shift() : undefined;
const limitAt = rest.indexOf('--limit');
const limit = limitAt >= 0 ? Number(rest[limitAt + 1]) : Infinity;
if (!['index', 'render'].includes(mode) || !tree || (mode === 'render' && !out)) {
  console.error('usage: node-baseline.mjs index TREE | render TREE OUT_DIR [--limit N]');
  process.exit(2);
}

const DOMPurify = createDOMPurify(new JSDOM('').window);

/**
 * Article files under `dir`, in name order (as bytes compare, like folio's walk).
 * @param {string} dir
 * @returns {Generator<string>}
 */
function* walk(dir) {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules' || e.isSymbolicLink()) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* walk(path);
    else if (ARTICLE.some((x) => e.name.toLowerCase().endsWith(x))) yield path;
  }
}

/** @param {string} s */
const escape = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

let files = 0;
let bytes = 0;
let failed = 0;
const lines = [];
for (const path of walk(tree)) {
  if (files >= limit) break;
  files++;
  try {
    const raw = readFileSync(path);
    bytes += raw.length;
    const text = raw.toString('utf8');
    let data = {};
    let body = text;
    try {
      // An options object turns off gray-matter's cache (the tree repeats the corpus).
      ({ data, content: body } = matter(text, {}));
    } catch {
      // Broken front matter: the whole file is the body.
    }
    const lower = path.toLowerCase();
    const html = HTML.some((x) => lower.endsWith(x)) ? body : await marked.parse(body);
    const clean = DOMPurify.sanitize(html);
    const title = typeof data.title === 'string' ? data.title : null;
    if (mode === 'index') {
      const plain = clean.replace(/<[^>]*>/g, ' ');
      lines.push(JSON.stringify({
        path, title, date: data.date ?? null, tags: data.tags ?? [], categories: data.categories ?? [],
        words: plain.split(/\s+/).filter(Boolean).length, chars: plain.replace(/\s/g, '').length, bytes: raw.length,
      }));
      if (lines.length >= 256) process.stdout.write(lines.splice(0).join('\n') + '\n');
    } else {
      const dest = join(out, relative(tree, path)).replace(/\.[^./]+$/, '.html');
      mkdirSync(dirname(dest), { recursive: true });
      writeFileSync(dest, `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escape(title ?? '')}</title></head>\n<body><main><h1>${escape(title ?? '')}</h1>\n${clean}\n</main></body></html>\n`);
    }
  } catch (e) {
    failed++;
    console.error(`${path}: ${e}`);
  }
}
if (lines.length) process.stdout.write(lines.join('\n') + '\n');
console.error(JSON.stringify({ files, bytes, failed }));
