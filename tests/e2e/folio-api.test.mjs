// www/folio.js's contract, in Node where it can be checked without a browser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FolioError, init, render } from '../../www/folio.js';

test('render() before init() throws a clear error', () => {
  assert.throws(() => render('# Hi'), (error) => error instanceof FolioError && error.code === 'not-ready'
    && /await init\(\)/.test(error.message));
});

test('concurrent init() calls share one promise', async () => {
  const first = init();
  assert.equal(init(), first);
  // Node cannot fetch the .wasm by file URL; a failed start is retried by the next call.
  await first.catch(() => {});
  assert.notEqual(init(), first);
  await init().catch(() => {});
});
