// www/viewer/render-opened.js: which way an opened article is rendered, and what a
// failure in each way leads to.
// Run: node --test tests/unit/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LIBRARY_FILES, openedRenderer } from '../../www/viewer/render-opened.js';
import { WorkerGone } from '../../www/library/pool.js';
import { FolioError } from '../../www/folio.js';

/**
 * A renderer over stand-ins that log which way each file went.
 * @param {{ pending: number, worker?: 'ok' | 'gone' | 'empty' }} state
 */
function setup(state) {
  /** @type {string[]} */
  const log = [];
  const pool = {
    get pending() { return state.pending; },
    render: async (/** @type {Uint8Array} */ bytes) => {
      log.push(`worker ${bytes.length}`);
      if (state.worker === 'gone') throw new WorkerGone();
      if (state.worker === 'empty') throw new FolioError('This file is empty.', 'empty');
      return /** @type {any} */ ({ title: 'from the worker' });
    },
  };
  const fallback = async (/** @type {Uint8Array} */ bytes) => {
    log.push(`usual ${bytes.length}`);
    return /** @type {any} */ ({ title: 'the usual way' });
  };
  return { log, render: openedRenderer({ pool, fallback, maxBytes: 100 }) };
}

const options = /** @type {any} */ ({ fileName: 'a.md' });

test('while an archive is parsed, a small file is rendered by a parse worker', async () => {
  const { log, render } = setup({ pending: LIBRARY_FILES, worker: 'ok' });
  assert.equal((await render(new Uint8Array(10), options)).title, 'from the worker');
  assert.deepEqual(log, ['worker 10']);
});

test('a big file, a few files opened, or any file when nothing is parsed goes the usual way', async () => {
  const busy = setup({ pending: LIBRARY_FILES, worker: 'ok' });
  assert.equal((await busy.render(new Uint8Array(100), options)).title, 'the usual way');
  const idle = setup({ pending: 0, worker: 'ok' });
  assert.equal((await idle.render(new Uint8Array(10), options)).title, 'the usual way');
  // A few files wait (`?src=`, a drop): read in moments, by a worker that may not have its core yet.
  const alone = setup({ pending: LIBRARY_FILES - 1, worker: 'ok' });
  assert.equal((await alone.render(new Uint8Array(10), options)).title, 'the usual way');
  assert.deepEqual([...busy.log, ...idle.log, ...alone.log], ['usual 100', 'usual 10', 'usual 10']);
});

test('no worker (or one that stopped): the usual way; the core\'s own error stands, not rendered twice', async () => {
  const gone = setup({ pending: LIBRARY_FILES, worker: 'gone' });
  assert.equal((await gone.render(new Uint8Array(10), options)).title, 'the usual way');
  assert.deepEqual(gone.log, ['worker 10', 'usual 10']);
  const empty = setup({ pending: LIBRARY_FILES, worker: 'empty' });
  await assert.rejects(empty.render(new Uint8Array(10), options), (error) => error instanceof FolioError && error.code === 'empty');
  assert.deepEqual(empty.log, ['worker 10']);
});
