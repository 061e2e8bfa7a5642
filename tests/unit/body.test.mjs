// www/view/body.js: cutting a long body, and what a windowed body needs to know of each
// slice without parsing it (its count of top-level elements; an id as the core writes it).
// Run: node --test tests/unit/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cut, escapeAttribute, partsOf } from '../../www/view/body.js';

test('a cut counts the top-level elements of the part before it (void ones too, not text or comments)', () => {
  assert.deepEqual(cut('<p>a</p><p>b</p>', 0, 1), { end: 8, blocks: 1 });
  assert.deepEqual(cut('<div><p>a</p><p>b</p></div><p>c</p>', 0, 1), { end: 27, blocks: 1 });
  assert.deepEqual(cut('<hr><img src="a.png" alt="<p>">tail<p>b</p>', 0, 5), { end: 31, blocks: 2 });
  assert.deepEqual(cut('<!-- <p> --><p>a</p>\ntext<h2 id="x">b</h2>', 0, 1000), { end: 42, blocks: 2 });
  assert.deepEqual(cut('<p>a</p></div><p>b</p>', 8, 1), { end: 22, blocks: 0 });
});

test('the parts join back into the body, each with its count of blocks; a short body is one part', () => {
  const html = Array.from({ length: 50 }, (_, i) => `<h2 id="s${i}">S${i}</h2>\n<p>text ${i}</p>\n`).join('');
  const parts = [...partsOf(html, { whole: 0, first: 30, slice: 200 })];
  assert.ok(parts.length > 5);
  assert.equal(parts.map((part) => part.html).join(''), html);
  for (const part of parts) assert.equal(part.blocks, (part.html.match(/<(h2|p)[ >]/g) ?? []).length, part.html);
  assert.deepEqual([...partsOf(html)], [{ html, blocks: -1 }]);
});

test('an id is looked for as the core escapes attributes', () => {
  assert.equal(escapeAttribute('user-content-a&b "c" <d>\u00a0e'), 'user-content-a&amp;b &quot;c&quot; &lt;d&gt;&nbsp;e');
  assert.equal(escapeAttribute('plain-id'), 'plain-id');
});
