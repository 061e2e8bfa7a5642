// Builds a test archive for the library benchmark: the corpus (read in place) repeated
// into nested folders until `count` files, plus a PNG beside every tenth article (an
// asset, as in real blogs), in a temporary folder that the caller removes. Never
// committed; the corpus text never enters the repository.

import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { fileKind } from '../../www/library/paths.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS = resolve(ROOT, '../shared/corpus');

/** Corpus files the library reads as articles (the empty one left out: it is an error by design). */
export function corpusArticles() {
  return readdirSync(CORPUS, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.parentPath !== CORPUS)
    .map((e) => join(e.parentPath.slice(CORPUS.length + 1), e.name))
    .filter((p) => fileKind(p) === 'article' && statSync(join(CORPUS, p)).size > 0)
    .sort();
}

/** A small valid PNG (64×48, one colour), the same bytes each time. */
function png() {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (/** @type {Buffer} */ b) => {
    let c = 0xffffffff;
    for (const x of b) c = table[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (/** @type {string} */ type, /** @type {Buffer} */ data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(64, 0); header.writeUInt32BE(48, 4); header[8] = 8; header[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(64 * 3, 0x7b)]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array(48).fill(row)))), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * Writes an archive of `count` articles (plus images) and returns its folder and size.
 * @param {number} count
 * @returns {{ folder: string, articles: number, files: number, bytes: number }}
 */
export function generateArchive(count) {
  const sources = corpusArticles();
  const texts = new Map(sources.map((p) => [p, readFileSync(join(CORPUS, p))]));
  const image = png();
  const folder = join(mkdtempSync(join(tmpdir(), 'folio-bench-')), `archive-${count}`);
  let bytes = 0;
  let files = 0;
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length];
    const copy = Math.floor(i / sources.length);
    // Nested: archive/shelf-3/copy-17/hexo/post.md
    const path = join(folder, `shelf-${copy % 8}`, `copy-${copy}`, source);
    mkdirSync(dirname(path), { recursive: true });
    const body = /** @type {Buffer} */ (texts.get(source));
    writeFileSync(path, body);
    bytes += body.length;
    files += 1;
    if (i % 10 === 0) {
      writeFileSync(`${path}.png`, image);
      bytes += image.length;
      files += 1;
    }
  }
  return { folder, articles: count, files, bytes };
}
