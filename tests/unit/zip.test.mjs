// www/library/zip-read.js: archives read with their bounds; bombs and hostile names refused.
// Run: node --test tests/unit/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { ZipError, readZip } from '../../www/library/zip-read.js';
import { crc32, entryName, storedNames } from '../../www/library/zip-names.js';

/**
 * Rewrites the uncompressed size an entry's central-directory record declares (what a
 * lying archive does).
 * @param {Uint8Array} zip
 * @param {number} size
 */
function lieAboutSize(zip, size) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = zip.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) { view.setUint32(i + 24, size, true); return zip; }
  }
  throw new Error('no central directory record');
}

test('a zip opens as normalized paths with the right bytes', () => {
  const zip = zipSync({
    'blog/posts/a.md': strToU8('# A'),
    'blog/posts/a/pic.png': new Uint8Array([137, 80, 78, 71]),
    'blog/empty/': new Uint8Array(0),
    '../../escape.md': strToU8('# out'),
    'win\\style\\b.md': strToU8('# B'),
  });
  const { entries, skipped } = readZip(zip);
  assert.deepEqual(entries.map((e) => e.path).sort(), ['blog/posts/a.md', 'blog/posts/a/pic.png', 'escape.md', 'win/style/b.md']);
  assert.equal(new TextDecoder().decode(entries.find((e) => e.path === 'blog/posts/a.md')?.bytes), '# A');
  assert.deepEqual(skipped, []);
});

test('a name with NUL is skipped, not kept under a shortened name', () => {
  const zip = zipSync({ 'ok.md': strToU8('x'), 'bad\u0000.md.png': strToU8('y') });
  const { entries, skipped } = readZip(zip);
  assert.deepEqual(entries.map((e) => e.path), ['ok.md']);
  assert.deepEqual(skipped, ['bad\u0000.md.png']);
});

test('a bomb is refused before anything is inflated', () => {
  const zip = zipSync({ 'bomb.txt': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
  assert.throws(() => readZip(zip), (e) => e instanceof ZipError && e.code === 'zip-bomb' && /zip bomb/.test(e.message) && e.params.name === 'bomb.txt');
  // The same entry passes when the ratio bound allows it: the bound is what refused it.
  assert.equal(readZip(zip, { maxRatio: 1e9 }).entries[0].bytes.length, 8 * 1024 * 1024);
});

test('total size, entry size and entry count are bounded', () => {
  const three = zipSync({ 'a.md': new Uint8Array(600), 'b.md': new Uint8Array(600), 'c.md': new Uint8Array(600) }, { level: 0 });
  assert.throws(() => readZip(three, { maxTotalBytes: 1000 }), (e) => e instanceof ZipError && e.code === 'zip-too-large');
  assert.throws(() => readZip(three, { maxEntryBytes: 500 }), (e) => e instanceof ZipError && e.code === 'zip-entry-too-large');
  assert.throws(() => readZip(three, { maxEntries: 2 }), (e) => e instanceof ZipError && e.code === 'zip-too-many');
  assert.equal(readZip(three, { maxEntries: 3, maxTotalBytes: 1800 }).entries.length, 3);
});

test('an entry that lies about its size is cut at the size it declared', () => {
  const zip = lieAboutSize(zipSync({ 'a.txt': new Uint8Array(5_000_000) }), 100);
  const { entries } = readZip(zip);
  assert.equal(entries[0].bytes.length, 100);
});

test('what is not a zip gets a clear error', () => {
  assert.throws(() => readZip(strToU8('just text, not an archive at all')), (e) => e instanceof ZipError && e.code === 'zip-unreadable');
  const truncated = zipSync({ 'a.md': strToU8('hello '.repeat(1000)) }).subarray(0, 60);
  assert.throws(() => readZip(truncated), (e) => e instanceof ZipError && e.code === 'zip-unreadable');
});

/**
 * A zip whose one entry's name is stored as `bytes` without the UTF-8 flag, as Info-ZIP on
 * Linux (UTF-8) or Windows' own zip (its code page) write it: fflate writes an ASCII name
 * of the same length, then its bytes are put in both headers.
 * @param {Uint8Array} bytes
 * @param {import('fflate').ZipAttributes} [attributes]
 */
function zipNamed(bytes, attributes = {}) {
  const stand = 'x'.repeat(bytes.length);
  const zip = zipSync({ [stand]: [strToU8('# Note'), attributes] });
  const placeholder = strToU8(stand);
  let found = 0;
  for (let i = 0; i + placeholder.length <= zip.length; i++) {
    if (placeholder.every((b, k) => zip[i + k] === b)) {
      zip.set(bytes, i);
      found += 1;
    }
  }
  assert.equal(found, 2, 'the name is in the local header and the central directory');
  return zip;
}

/** Bytes from hex pairs. @param {string} pairs */
const hex = (pairs) => Uint8Array.from(pairs.match(/../g) ?? [], (h) => parseInt(h, 16));

test('names without the UTF-8 flag read as their writer meant: UTF-8, or a legacy code page', () => {
  const path = (/** @type {Uint8Array} */ zip, /** @type {string[]} */ languages = []) => readZip(zip, {}, languages).entries[0].path;
  // Info-ZIP on Linux and macOS: UTF-8 bytes, no flag.
  assert.equal(path(zipNamed(strToU8('笔记/京都旅行.md'))), '笔记/京都旅行.md');
  // Windows' zip on a Chinese system: GBK (京都旅行), whatever the reader's language.
  const gbk = hex('bea9b6bcc2c3d0d02e6d64');
  assert.equal(path(zipNamed(gbk)), '京都旅行.md');
  assert.equal(path(zipNamed(gbk), ['en-US']), '京都旅行.md');
  // Shift_JIS (日本.md) for a Japanese reader, Big5 (中文.md) for a Taiwanese one.
  assert.equal(path(zipNamed(hex('93fa967b2e6d64')), ['ja']), '日本.md');
  assert.equal(path(zipNamed(hex('a4a4a4e52e6d64')), ['zh-TW', 'en']), '中文.md');
  // A Western code page's letters stay one character per byte: é before a dot no CJK page
  // reads; Ä before an ASCII letter GB18030 and Shift_JIS would (a hanzi, a half-width kana).
  assert.equal(path(zipNamed(hex('636166e92e6d64'))), 'caf\u00e9.md');
  assert.equal(path(zipNamed(hex('c472612e6d64')), ['de-DE', 'en']), '\u00c4ra.md');
});

test('a name the writer flagged as UTF-8 is never read again in another code page', () => {
  const zip = zipSync({ 'Müßig.md': strToU8('# M') });
  assert.equal(readZip(zip, {}, ['zh-CN']).entries[0].path, 'Müßig.md');
});

test('the Unicode Path field names the entry when it was written for the stored name', () => {
  const stored = hex('3f3f2e6d64'); // "??.md": what a writer without the code page stored
  const field = (/** @type {number} */ crc) => {
    const name = strToU8('京都.md');
    const body = new Uint8Array(5 + name.length);
    body[0] = 1;
    new DataView(body.buffer).setUint32(1, crc, true);
    body.set(name, 5);
    return body;
  };
  assert.equal(readZip(zipNamed(stored, { extra: { 0x7075: field(crc32(stored)) } })).entries[0].path, '京都.md');
  // Renamed since by a tool that kept the old field: its CRC no longer matches, the stored name stands.
  assert.equal(readZip(zipNamed(stored, { extra: { 0x7075: field(crc32(stored) ^ 1) } })).entries[0].path, '??.md');
});

test('the central directory is read as fflate reads it, and a name it cannot place stays fflate\'s', () => {
  const zip = zipSync({ 'a.md': strToU8('# A'), 'b/京.md': strToU8('# B') });
  const names = storedNames(zip);
  assert.deepEqual(names?.map((n) => [n.utf8, new TextDecoder().decode(n.bytes)]), [[false, 'a.md'], [true, 'b/京.md']]);
  assert.equal(storedNames(zip.subarray(0, zip.length - 4)), null, 'no end record');
  assert.equal(crc32(strToU8('123456789')), 0xcbf43926, 'the standard check value');
  assert.equal(entryName('äº¬.md', undefined, []), 'äº¬.md');
  assert.equal(entryName('other.md', { utf8: false, bytes: strToU8('京.md'), unicodePath: null }, []), 'other.md');
});
