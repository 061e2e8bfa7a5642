// www/library/pool.js with stand-in workers: queue order, a reader's file ahead of the
// queue, a worker that dies failing only the files it held, files spread by the bytes each
// worker holds, workers ended when idle.
// Run: node --test tests/unit/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PER_WORKER, ParsePool } from '../../www/library/pool.js';

/** A worker that answers each file on the next tick, or dies when asked for `dies.md`. */
class FakeWorker extends EventTarget {
  /** @param {string[]} log */
  constructor(log) {
    super();
    this.log = log;
    this.ended = false;
  }

  /** @param {any} message */
  postMessage(message) {
    if (message.type === 'end') {
      this.log.push('end');
      setTimeout(() => this.dispatchEvent(Object.assign(new Event('message'), { data: { type: 'ended' } })), 1);
      return;
    }
    if (message.type) return;
    assert.ok(message.file instanceof Blob, 'a file goes as itself (the worker reads it)');
    if (message.path === 'uncloneable.md') throw new DOMException('The file could not be cloned.', 'DataCloneError');
    this.log.push(`parse ${message.path}`);
    setTimeout(() => {
      if (this.ended) return;
      if (message.path === 'dies.md') {
        const event = new Event('error', { cancelable: true });
        this.dispatchEvent(event);
        return;
      }
      const data = { id: message.id, summary: { path: message.path } };
      this.dispatchEvent(Object.assign(new Event('message'), { data }));
    }, 1);
  }

  terminate() {
    this.ended = true;
    this.log.push('terminated');
  }
}

/** @param {string} name */
const file = (name) => new File([`# ${name}\n`], name);

test('files are parsed in order, PER_WORKER per worker at most, and a reader\'s file goes first', async () => {
  /** @type {string[]} */
  const log = [];
  let started = 0;
  const pool = new ParsePool({ size: 1, start: () => { started += 1; return /** @type {any} */ (new FakeWorker(log)); } });
  const names = Array.from({ length: PER_WORKER + 3 }, (_, i) => `f${i}.md`);
  const parsed = names.map((p) => pool.parse(p, file(p)));
  assert.deepEqual(log, names.slice(0, PER_WORKER).map((p) => `parse ${p}`), 'PER_WORKER in flight, the rest wait');
  assert.equal(pool.pending, names.length);
  pool.prioritize(names[names.length - 1]);
  await Promise.all(parsed);
  const rest = names.slice(PER_WORKER);
  assert.deepEqual(log, [...names.slice(0, PER_WORKER), rest[rest.length - 1], ...rest.slice(0, -1)].map((p) => `parse ${p}`));
  assert.equal(started, 1);
  assert.equal(pool.pending, 0);
  pool.close();
});

test('a worker that dies fails the file it died on; the others it held and the rest go to a new worker', async () => {
  /** @type {string[]} */
  const log = [];
  let started = 0;
  const pool = new ParsePool({ size: 1, start: () => { started += 1; return /** @type {any} */ (new FakeWorker(log)); } });
  const replies = await Promise.all(['ok.md', 'dies.md', 'after.md'].map((p) => pool.parse(p, file(p))));
  assert.deepEqual(replies.map((r) => ('summary' in r ? 'ok' : 'error' in r ? r.error.code : '?')), ['ok', 'worker-failed', 'ok']);
  assert.equal(started, 2, 'the dead worker was replaced');
  pool.close();
});

test('a file that cannot be sent fails alone, and the files after it go on', async () => {
  /** @type {string[]} */
  const log = [];
  const pool = new ParsePool({ size: 1, start: () => /** @type {any} */ (new FakeWorker(log)) });
  const replies = await Promise.all(['a.md', 'uncloneable.md', 'b.md'].map((p) => pool.parse(p, file(p))));
  assert.deepEqual(replies.map((r) => ('summary' in r ? 'ok' : r.error.code)), ['ok', 'unreadable', 'ok']);
  assert.match(/** @type {any} */ (replies[1]).error.message, /could not be read: The file could not be cloned/);
  assert.deepEqual(log, ['parse a.md', 'parse b.md']);
  assert.equal(pool.pending, 0);
  pool.close();
});

test('cancel drops what waits', async () => {
  const pool = new ParsePool({ size: 1, start: () => /** @type {any} */ (new FakeWorker([])) });
  const replies = Array.from({ length: PER_WORKER + 1 }, (_, i) => pool.parse(`f${i}.md`, file(`f${i}.md`)));
  pool.cancel();
  const codes = (await Promise.all(replies)).map((r) => ('error' in r ? r.error.code : 'ok'));
  assert.deepEqual(codes, [...Array(PER_WORKER).fill('ok'), 'cancelled']);
  pool.close();
});

test('paused while the reader\'s article renders: no file handed out until resumed, or until the pause ends', async () => {
  /** @type {string[]} */
  const log = [];
  const pool = new ParsePool({ size: 1, start: () => /** @type {any} */ (new FakeWorker(log)) });
  pool.pause(10_000);
  const first = ['a.md', 'b.md'].map((p) => pool.parse(p, file(p)));
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(log, [], 'nothing while paused');
  pool.resume();
  await Promise.all(first);
  assert.deepEqual(log, ['parse a.md', 'parse b.md']);
  pool.pause(30);
  const second = pool.parse('c.md', file('c.md'));
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(log.length, 2, 'still paused');
  await second;
  assert.deepEqual(log, ['parse a.md', 'parse b.md', 'parse c.md'], 'the pause ends by itself');
  pool.close();
});

test('each file goes to the worker holding the fewest bytes: small files pass a big one', async () => {
  /** @type {string[][]} */
  const byWorker = [];
  const pool = new ParsePool({ size: 2, idleMs: 60_000, start: () => { const mine = /** @type {string[]} */ ([]); byWorker.push(mine); return /** @type {any} */ (new FakeWorker(mine)); } });
  const big = new File([new Uint8Array(1024 * 1024)], 'big.md');
  const parsed = [pool.parse('big.md', big), ...['a.md', 'b.md', 'c.md'].map((p) => pool.parse(p, file(p)))];
  assert.deepEqual(byWorker, [['parse big.md'], ['parse a.md', 'parse b.md', 'parse c.md']]);
  assert.ok((await Promise.all(parsed)).every((r) => 'summary' in r));
  pool.close();
});

test('idle workers end, once they have sent on what they held; files coming later start one again', async () => {
  /** @type {string[]} */
  const log = [];
  let started = 0;
  const pool = new ParsePool({ size: 2, idleMs: 20, start: () => { started += 1; return /** @type {any} */ (new FakeWorker(log)); } });
  await pool.parse('a.md', file('a.md'));
  assert.deepEqual(log, ['parse a.md']);
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.deepEqual(log, ['parse a.md', 'end', 'terminated'], 'asked to end, then ended');
  assert.equal(pool.lanes.length, 0);
  const reply = await pool.parse('b.md', file('b.md'));
  assert.ok('summary' in reply);
  assert.equal(started, 2, 'a new worker for the file that came later');
  pool.warm();
  assert.equal(started, 3, 'warm() keeps the worker running and starts the rest');
  pool.close();
});

test('a worker holding 8 MiB is sent no other file until it answers', async () => {
  /** @type {string[]} */
  const log = [];
  const pool = new ParsePool({ size: 1, idleMs: 60_000, start: () => /** @type {any} */ (new FakeWorker(log)) });
  const big = (/** @type {string} */ name) => new File([new Uint8Array(8 * 1024 * 1024)], name);
  const parsed = [pool.parse('big1.md', big('big1.md')), pool.parse('big2.md', big('big2.md')), pool.parse('small.md', file('small.md'))];
  assert.deepEqual(log, ['parse big1.md'], 'the second 8 MiB file waits for the first');
  await Promise.all(parsed);
  assert.deepEqual(log, ['parse big1.md', 'parse big2.md', 'parse small.md']);
  pool.close();
});
