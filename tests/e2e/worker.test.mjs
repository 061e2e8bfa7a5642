// www/folio-worker.js: renders in a module worker and answers each request by id.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeCore, PNG_BYTES, SAMPLE, SAMPLE_NAME, SAMPLE_TITLE, TRAPPING_CORE, useBrowser, withPage } from './harness.mjs';

const harness = useBrowser();

/**
 * Starts www/folio-worker.js in the page, sends every request at once (byte inputs as
 * arrays of numbers), and returns the replies in request order.
 * @param {import('playwright-core').Page} page
 * @param {{ input: string | number[], options: object }[]} requests
 * @returns {Promise<any[]>}
 */
function askWorker(page, requests) {
  return page.evaluate(async (sent) => {
    const worker = new Worker('/folio-worker.js', { type: 'module' });
    /** @type {Map<number, any>} */
    const got = new Map();
    const done = new Promise((resolve) => {
      worker.onmessage = (event) => {
        got.set(event.data.id, event.data);
        if (got.size === sent.length) resolve(undefined);
      };
    });
    sent.forEach(({ input, options }, id) => {
      worker.postMessage({ id, input: Array.isArray(input) ? new Uint8Array(input) : input, options });
    });
    await done;
    worker.terminate();
    return sent.map((_, id) => got.get(id));
  }, requests);
}

test('the worker renders an article and reports an unreadable file as an error', async () => {
  // A same-origin document without the viewer's CSP, so the test can start the worker itself.
  await withPage(harness, `samples/${SAMPLE_NAME}`, async (page) => {
    const replies = await askWorker(page, [
      { input: [...SAMPLE], options: { fileName: 'post.md' } },
      { input: [...PNG_BYTES], options: { fileName: 'x.png' } },
    ]);
    assert.equal(replies[0].article.title, SAMPLE_TITLE);
    assert.match(replies[0].article.html, /<p>/);
    // `binary` from a core that gives codes (0.2 on), `unreadable` from one before it.
    assert.ok(['binary', 'unreadable'].includes(replies[1].error.code), replies[1].error.code);
    assert.equal(typeof replies[1].error.params, 'object');
    assert.ok(replies[1].error.message.length > 10);
    assert.equal(replies[1].article, undefined);
  });
});

test('a trap fails that request only; requests sent with it still render', async () => {
  const setup = (/** @type {import('playwright-core').Page} */ page) => fakeCore(page, TRAPPING_CORE);
  await withPage(harness, `samples/${SAMPLE_NAME}`, async (page) => {
    // All three arrive before the core is ready, so they wait on the same instance.
    const replies = await askWorker(page, [
      { input: '# FOLIO-TRAP', options: { fileName: 'crash.md' } },
      { input: '# Second', options: { fileName: 'second.md' } },
      { input: '# Third', options: { fileName: 'third.md' } },
    ]);
    assert.equal(replies[0].error.code, 'trap');
    assert.equal(replies[1].article?.title, 'Second', JSON.stringify(replies[1].error));
    assert.equal(replies[2].article?.title, 'Third', JSON.stringify(replies[2].error));
  }, { setup });
});
