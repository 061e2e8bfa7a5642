// Checks a Folio archive page (docs/archive-format.md) the way the viewer reads it, and
// prints what it holds: for writers of the format (the viewer's "Save library as one HTML
// file", `folio pack`). With --folder DIR, it must hold exactly DIR's files (below DIR's
// own name, hidden files and node_modules left out), byte for byte, every article with a
// summary and a search document. Exits 1 with the reason when it does not.
// Usage: node scripts/check-archive.mjs archive.html [--folder DIR]

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARCHIVE_TYPE, fromBlocks, readArchive } from '../www/library/archive.js';
import { fileKind, normalizePath } from '../www/library/paths.js';

/**
 * The archive blocks of a page's HTML, as the viewer finds them.
 * @param {string} html
 * @returns {{ part: number, parts: number, text: string }[]}
 */
export function blocksOf(html) {
  const pattern = new RegExp(`<script type="${ARCHIVE_TYPE.replace(/[.+]/g, '\\$&')}" data-part="(\\d+)" data-parts="(\\d+)">([^<]*)</script>`, 'g');
  return [...html.matchAll(pattern)].map((m) => ({ part: Number(m[1]), parts: Number(m[2]), text: m[3] }));
}

/**
 * What a folder holds as a library: paths below the folder's own name, as the viewer's folder picker gives them.
 * @param {string} folder
 * @returns {Map<string, Buffer>}
 */
export function folderFiles(folder) {
  /** @type {Map<string, Buffer>} */
  const out = new Map();
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    const full = join(folder, name);
    if (!statSync(full).isFile()) continue;
    const path = normalizePath(`${basename(folder)}/${relative(folder, full).split(sep).join('/')}`);
    if (path && fileKind(path) !== 'ignored') out.set(path, readFileSync(full));
  }
  return out;
}

/**
 * Checks an archive page; returns the problems found (none: it is a good archive).
 * @param {string} html
 * @param {string} [folder]
 * @returns {{ problems: string[], summary: string }}
 */
export function checkArchive(html, folder) {
  /** @type {string[]} */
  const problems = [];
  const blocks = blocksOf(html);
  if (!blocks.length) return { problems: ['no archive blocks'], summary: '' };
  if (html.lastIndexOf('</body>') < html.lastIndexOf(ARCHIVE_TYPE)) problems.push('the blocks are not before </body>');
  const archive = readArchive(fromBlocks(blocks));
  const articles = archive.files.filter((f) => fileKind(f.path) === 'article');
  const docs = new Set(archive.docs.map((d) => d.path));
  for (const { path } of articles) {
    if (!archive.summaries.has(path)) problems.push(`${path}: no summary in the manifest`);
    if (!docs.has(path)) problems.push(`${path}: no search document in index.jsonl`);
  }
  const listed = new Map(archive.manifest.files.map((f) => [f.path, f]));
  for (const file of archive.files) {
    const entry = listed.get(file.path);
    if (!entry) problems.push(`${file.path}: not in the manifest's files`);
    else if (entry.size !== file.bytes.length) problems.push(`${file.path}: the manifest says ${entry.size} bytes, the entry has ${file.bytes.length}`);
    else if (entry.kind !== (fileKind(file.path) === 'article' ? 'article' : 'asset')) problems.push(`${file.path}: kind ${entry.kind}`);
  }
  if (folder) {
    const expected = folderFiles(folder);
    const got = new Map(archive.files.map((f) => [f.path, f.bytes]));
    for (const [path, bytes] of expected) {
      const found = got.get(path);
      if (!found) problems.push(`${path}: missing`);
      else if (!Buffer.from(found).equals(bytes)) problems.push(`${path}: bytes differ`);
    }
    for (const path of got.keys()) if (!expected.has(path)) problems.push(`${path}: not in the folder`);
  }
  const summary = `${archive.manifest.title}: ${archive.files.length} files (${articles.length} articles), `
    + `${archive.summaries.size} summaries, ${archive.docs.length} search documents, ${blocks.length} block(s), written by ${archive.manifest.generator}`;
  return { problems, summary };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file] = process.argv.slice(2);
  const at = process.argv.indexOf('--folder');
  if (!file) {
    console.error('usage: node scripts/check-archive.mjs archive.html [--folder DIR]');
    process.exit(2);
  }
  try {
    const { problems, summary } = checkArchive(readFileSync(file, 'utf8'), at > 0 ? process.argv[at + 1] : undefined);
    if (summary) console.log(summary);
    for (const problem of problems) console.error(`check-archive: ${problem}`);
    process.exit(problems.length ? 1 : 0);
  } catch (error) {
    console.error(`check-archive: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
