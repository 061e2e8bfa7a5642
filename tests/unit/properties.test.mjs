// An empty note's properties as text (www/view/properties.js): the values, in Node.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { propertyText } from '../../www/view/properties.js';

test('a property reads as text: wiki links by their label, lists joined, objects as JSON, long values cut', () => {
  assert.equal(propertyText('[[Ridley Scott]]'), 'Ridley Scott');
  assert.equal(propertyText('[[Note#Part|the label]] and [[Other]]'), 'the label and Other');
  assert.equal(propertyText(['[[Kyoto]]', '', null, 'Japan']), 'Kyoto, Japan');
  assert.equal(propertyText([['a', 'b'], 'c']), 'a, b, c');
  assert.equal(propertyText(7), '7');
  assert.equal(propertyText(false), 'false');
  assert.equal(propertyText({ x: 1 }), '{"x":1}');
  assert.equal(propertyText('<b>markup</b>'), '<b>markup</b>', 'markup stays text (the view sets textContent)');
  assert.equal(propertyText(null), null);
  assert.equal(propertyText([]), null);
  const long = propertyText('x'.repeat(500));
  assert.equal(long?.length, 301);
  assert.ok(long?.endsWith('…'));
});
