// www/reading/highlighter.js and code.js: the token tree that crosses from the highlighting
// worker is plain data, checked before the page builds spans from it; scopes become classes.
// Run: node --test tests/unit/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isTree, scopeClasses } from '../../www/reading/code.js';
import { plainTree } from '../../www/reading/highlighter.js';

test('a token tree is copied to plain objects: scope and children only, text kept in order', () => {
  const node = { scope: 'title.function', language: 'js', children: ['greet'], sublanguage: false };
  const root = { children: ['function ', node, '(', { scope: 'params', children: ['name', { children: [')'] }] }], language: 'js' };
  const plain = plainTree(root);
  assert.deepEqual(plain, { children: ['function ', { scope: 'title.function', children: ['greet'] }, '(', { scope: 'params', children: ['name', { children: [')'] }] }] });
  assert.deepEqual(structuredClone(plain), plain);
  assert.ok(isTree(plain));
});

test('what is not a token tree is refused (it crossed a thread)', () => {
  for (const bad of [null, undefined, 'text', 42, {}, { children: 'x' }, { children: [1] }, { scope: 3, children: [] },
    { children: ['a', { children: [null] }] }, { children: [{ scope: 'x' }] }]) {
    assert.equal(isTree(bad), false, JSON.stringify(bad));
  }
  assert.equal(isTree({ children: [] }), true);
});

test('scopes become highlight.js class names', () => {
  assert.deepEqual(scopeClasses('title.function'), ['hljs-title', 'function_']);
  assert.deepEqual(scopeClasses('title.class.inherited'), ['hljs-title', 'class_', 'inherited__']);
  assert.deepEqual(scopeClasses('language:xml'), ['language-xml']);
  assert.deepEqual(scopeClasses('keyword'), ['hljs-keyword']);
  assert.deepEqual(scopeClasses(undefined), []);
});
