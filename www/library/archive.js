// The Folio archive: a library inside one HTML file (docs/archive-format.md says it all).
// The single-file viewer with, before `</body>`, one or more
//   <script type="application/vnd.folio.archive+zip" data-part="0" data-parts="N">BASE64</script>
// blocks whose decoded bytes, in part order, are one ZIP holding `folio-archive.json` (the
// manifest: every file and each article's summary), `index.jsonl` (each article's search
// document, so that the page indexes without rendering), optionally `search-index.wasm`
// (the search worker's index module, for a page opened from file://, which cannot fetch
// it) and `files/<path>` (the files).
// Pure (no DOM): written in the zip worker or the page, read in the page, checked in Node.

import { strFromU8, strToU8, zipSync } from '../vendor/fflate/esm/browser.js';
import { ArchiveError } from './archive-blocks.js';
import { normalizePath } from './paths.js';
import { readZip } from './zip-read.js';

export { ARCHIVE_TYPE, ArchiveError, BLOCK_BYTES, blockElements, fromBlocks, toBlocks } from './archive-blocks.js';

/** The manifest's name and `format`, and the version this module writes and reads. */
export const MANIFEST = 'folio-archive.json';
export const INDEX = 'index.jsonl';
export const ENGINE = 'search-index.wasm';
export const FILES = 'files/';
export const FORMAT = 'folio-archive';
export const VERSION = 1;

/**
 * @typedef {import('./messages.js').ArticleSummary} ArticleSummary
 * @typedef {import('./messages.js').IndexDoc} IndexDoc
 */

/**
 * @typedef {object} Manifest
 * @property {string} format     Always 'folio-archive'.
 * @property {number} version    1.
 * @property {string} title      What the library is called (the top folder's name, or one the writer chose).
 * @property {string} created    When it was written (ISO 8601, UTC).
 * @property {string} generator  What wrote it ("Folio viewer 0.2.0", "folio pack 0.2.0").
 * @property {{ path: string, size: number, kind: 'article' | 'asset' }[]} files
 * @property {ArticleSummary[]} articles  A summary per article (optional per file: a reader parses what has none).
 */

/**
 * @typedef {object} ArchiveInput
 * @property {string} title
 * @property {string} generator
 * @property {{ path: string, bytes: Uint8Array, kind: 'article' | 'asset' }[]} files
 * @property {ArticleSummary[]} articles
 * @property {IndexDoc[]} docs
 * @property {Uint8Array | null} [engine]  The search index module (search-index.wasm), when the writer has it.
 * @property {Date} [created]
 */

/**
 * The archive's ZIP: manifest first, then the search documents, then the files
 * (articles deflated; images and other assets, already compressed, stored).
 * @param {ArchiveInput} input
 * @returns {Uint8Array}
 */
export function writeArchive({ title, generator, files, articles, docs, engine = null, created = new Date() }) {
  /** @type {Manifest} */
  const manifest = {
    format: FORMAT,
    version: VERSION,
    title,
    created: created.toISOString(),
    generator,
    files: files.map(({ path, bytes, kind }) => ({ path, size: bytes.length, kind })),
    articles,
  };
  /** @type {Record<string, [Uint8Array, { level: 0 | 6 }]>} */
  const entries = {
    [MANIFEST]: [strToU8(JSON.stringify(manifest)), { level: 6 }],
    [INDEX]: [strToU8(docs.map((doc) => JSON.stringify(doc)).join('\n')), { level: 6 }],
  };
  if (engine) entries[ENGINE] = [engine, { level: 6 }];
  for (const { path, bytes, kind } of files) entries[FILES + path] = [bytes, { level: kind === 'article' ? 6 : 0 }];
  return zipSync(entries);
}

/**
 * @typedef {object} ReadArchive
 * @property {Manifest} manifest
 * @property {{ path: string, bytes: Uint8Array }[]} files   Paths normalized (paths.js); bounded as any zip.
 * @property {Map<string, ArticleSummary>} summaries  By path, for articles that have one.
 * @property {IndexDoc[]} docs
 * @property {Uint8Array | null} engine  The search index module, if the archive holds one (a
 *   page runs it only from its own archive: the module comes with the viewer's own code).
 */

/**
 * Reads an archive's ZIP, as hostile as any dropped zip: the same bounds and path rules
 * (zip-read.js), a manifest of the right format and version, summaries and search
 * documents only for files that are there, with the shapes they must have.
 * @param {Uint8Array} zip
 * @returns {ReadArchive}
 * @throws {ArchiveError | import('./zip-read.js').ZipError}
 */
export function readArchive(zip) {
  const { entries } = readZip(zip);
  const byName = new Map(entries.map((e) => [e.path, e.bytes]));
  const manifestBytes = byName.get(MANIFEST);
  if (!manifestBytes) throw new ArchiveError('archive-damaged', `The archive has no ${MANIFEST}.`);
  let manifest;
  try {
    manifest = JSON.parse(strFromU8(manifestBytes));
  } catch {
    throw new ArchiveError('archive-damaged', `The archive's ${MANIFEST} is not JSON.`);
  }
  if (!manifest || manifest.format !== FORMAT || manifest.version !== VERSION || !Array.isArray(manifest.files)) {
    throw new ArchiveError('archive-version', `This archive is not one this Folio reads (format ${manifest?.format}, version ${manifest?.version}).`,
      { version: String(manifest?.version) });
  }
  const files = entries.flatMap(({ path, bytes }) => {
    if (!path.startsWith(FILES)) return [];
    const inner = normalizePath(path.slice(FILES.length));
    return inner ? [{ path: inner, bytes }] : [];
  });
  const present = new Set(files.map((f) => f.path));
  /** @type {Map<string, ArticleSummary>} */
  const summaries = new Map();
  for (const summary of Array.isArray(manifest.articles) ? manifest.articles : []) {
    if (isSummary(summary) && present.has(summary.path)) summaries.set(summary.path, completeSummary(summary));
  }
  /** @type {IndexDoc[]} */
  const docs = [];
  const index = byName.get(INDEX);
  for (const line of index ? strFromU8(index).split('\n') : []) {
    if (!line.trim()) continue;
    let doc;
    try {
      doc = JSON.parse(line);
    } catch {
      continue; // A damaged line loses that article's search text only; it is read from its file.
    }
    if (isDoc(doc) && present.has(doc.path)) docs.push(doc);
  }
  const engine = byName.get(ENGINE);
  return { manifest, files, summaries, docs, engine: engine?.length ? engine : null };
}

/**
 * A summary with the fields the list does without given their defaults.
 * @param {ArticleSummary} s
 * @returns {ArticleSummary}
 */
function completeSummary(s) {
  const text = (/** @type {unknown} */ v) => (typeof v === 'string' ? v : null);
  return {
    path: s.path, title: s.title, date: s.date, date_text: text(s.date_text), authors: s.authors, categories: s.categories,
    tags: s.tags, cover: s.cover, summary: s.summary, lang: text(s.lang), format: typeof s.format === 'string' ? s.format : 'markdown',
    draft: s.draft === true, warnings: Number.isFinite(s.warnings) ? s.warnings : 0,
    encoding: typeof s.encoding === 'string' ? s.encoding : 'UTF-8', words: Number.isFinite(s.words) ? s.words : 0,
    links: s.links.map((l) => ({ kind: l.kind, target: l.target })),
  };
}

/**
 * Whether a manifest entry has what the list and the links need.
 * @param {any} s
 * @returns {s is ArticleSummary}
 */
function isSummary(s) {
  const strings = (/** @type {unknown} */ v) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  const text = (/** @type {unknown} */ v) => v === null || typeof v === 'string';
  return Boolean(s) && typeof s.path === 'string' && text(s.title) && text(s.date) && text(s.summary) && text(s.cover)
    && strings(s.authors) && strings(s.categories) && strings(s.tags) && Array.isArray(s.links)
    && s.links.every((/** @type {any} */ l) => l && typeof l.target === 'string' && ['link', 'image', 'wikilink', 'embed'].includes(l.kind));
}

/**
 * @param {any} d
 * @returns {d is IndexDoc}
 */
function isDoc(d) {
  return Boolean(d) && ['path', 'title', 'tags', 'authors', 'text'].every((key) => typeof d[key] === 'string');
}
