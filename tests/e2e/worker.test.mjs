// www/folio-worker.js: renders in a module worker and answers each request by id.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeCore, PNG_BYTES, SAMPLE, SAMPLE_NAME, SAMPLE_TITLE, TRAPPING_CORE, useBrowser, withPage } from './harness.mjs';

const harness = useBrowser();

test('the worker renders an article and reports an unreadable file as an error', async () => {
  // A same-origin document without the viewer's CSP, so the test can start the worker itself.
  await withPage(harness, `samples/${SAMPLE_NAME}`, async (page) => {
    const replies = await page.evaluate(async ([sample, png]) => {
      const worker = new Worker('/folio-worker.js', { type: 'module' });
      /** @type {Map<number, any>} */
      const got = new Map();
      const done = new Promise((resolve) => {
        worker.onmessage = (event) => {
          got.set(event.data.id, event.data);
          if (got.size === 2) resolve(undefined);
        };
      });
      worker.postMessage({ id: 1, input: new Uint8Array(sample), options: { fileName: 'post.md' } });
      worker.postMessage({ id: 2, input: new Uint8Array(png), options: { fileName: 'x.png' } });
      await done;
      worker.terminate();
      return [got.get(1), got.get(2)];
    }, [[...SAMPLE], [...PNG_BYTES]]);
    assert.equal(replies[0].article.title, SAMPLE_TITLE);
    assert.match(replies[0].article.html, /<p>/);
    assert.equal(replies[1].error.code, 'unreadable');
    assert.ok(replies[1].error.message.length > 10);
    assert.equal(replies[1].article, undefined);
  });
});

test('a trap fails that request only; requests sent with it still render', async () => {
  const setup = (/** @type {import('playwright-core').Page} */ page) => fakeCore(page, TRAPPING_CORE);
  await withPage(harness, `samples/${SAMPLE_NAME}`, async (page) => {
    const replies = await page.evaluate(async () => {
      const worker = new Worker('/folio-worker.js', { type: 'module' });
      /** @type {Map<number, any>} */
      const got = new Map();
      const done = new Promise((resolve) => {
        worker.onmessage = (event) => {
          got.set(event.data.id, event.data);
          if (got.size === 3) resolve(undefined);
        };
      });
      // All three arrive before the core is ready, so they wait on the same instance.
      worker.postMessage({ id: 1, input: '# FOLIO-TRAP', options: { fileName: 'crash.md' } });
      worker.postMessage({ id: 2, input: '# Second', options: { fileName: 'second.md' } });
      worker.postMessage({ id: 3, input: '# Third', options: { fileName: 'third.md' } });
      await done;
      worker.terminate();
      return [got.get(1), got.get(2), got.get(3)];
    });
    assert.equal(replies[0].error.code, 'trap');
    assert.equal(replies[1].article?.title, 'Second', JSON.stringify(replies[1].error));
    assert.equal(replies[2].article?.title, 'Third', JSON.stringify(replies[2].error));
  }, { setup });
});
