// www/view/toc.js: how far each entry of the table of contents indents.
// Run: node --test tests/unit/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outlineDepths } from '../../www/view/toc.js';

/** @param {number[]} levels */
const depths = (levels) => outlineDepths(levels.map((level, i) => ({ level, id: `h${i}`, text: `Heading ${i}` })));

test('a skipped heading level indents one step, as a nested list would', () => {
  // Jekyll's "Tags Filters" page: an h4 straight under an h2, then an h3.
  assert.deepEqual(depths([2, 2, 4, 3, 3, 2]), [0, 0, 1, 1, 1, 0]);
  assert.deepEqual(depths([2, 5, 6, 3]), [0, 1, 2, 1]);
});

test('headings under none indent by their level over the shallowest', () => {
  assert.deepEqual(depths([3, 2, 3]), [1, 0, 1]);
  assert.deepEqual(depths([4, 3, 2]), [2, 1, 0]);
});

test('the indent stops at three steps', () => {
  assert.deepEqual(depths([1, 2, 3, 4, 5, 6, 2]), [0, 1, 2, 3, 3, 3, 1]);
  assert.deepEqual(depths([]), []);
});
