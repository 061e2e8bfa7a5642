// www/library/zip-read.js: archives read with their bounds; bombs and hostile names refused.
// Run: node --test tests/unit/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { ZipError, readZip } from '../../www/library/zip-read.js';

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
