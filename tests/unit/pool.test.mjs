// www/library/pool.js with stand-in workers: queue order, a reader's file ahead of the
// queue, files read by the page a few ahead and sent as bytes, a worker that dies failing
// only the files it held, files spread by the bytes each worker holds, workers ended when idle.
// Run: node --test tests/unit/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PER_WORKER, ParsePool, READ_AHEAD, WorkerGone } from '../../www/library/pool.js';
import { FolioError } from '../../www/folio.js';

/** A worker that answers each file on the next tick (or, `manual`, when released), or
 * dies when asked for `dies.md`. */
class FakeWorker extends EventTarget {
  /**
   * @param {string[]} log
   * @param {{ manual?: boolean }} [options]
   */
  constructor(log, { manual = false } = {}) {
    super();
    this.log = log;
    this.ended = false;
    this.manual = manual;
    /** Answers held back (manual). @type {(() => void)[]} */
    this.held = [];
  }

  /**
   * @param {any} message
   * @param {{ transfer?: Transferable[] }} [options]
   */
  postMessage(message, options) {
    if (message.type === 'end') {
      this.log.push('end');
      setTimeout(() => this.dispatchEvent(Object.assign(new Event('message'), { data: { type: 'ended' } })), 1);
      return;
    }
    if (message.type === 'render') {
      this.log.push(`render ${message.options.fileName}`);
      const answer = () => {
        if (this.ended) return;
        const name = message.options.fileName;
        if (name === 'dies.md') {
          this.dispatchEvent(new Event('error', { cancelable: true }));
          return;
        }
        const data = name === 'empty.md'
          ? { type: 'rendered', id: message.id, error: { message: 'This file is empty.', code: 'empty', params: {} } }
          : { type: 'rendered', id: message.id, article: { title: name, html: '<p>whole</p>' } };
        this.dispatchEvent(Object.assign(new Event('message'), { data }));
      };
      if (this.manual) this.held.push(answer);
      else setTimeout(answer, 1);
      return;
    }
    if (message.type === 'hold') {
      this.log.push(`hold ${message.on}`);
      return;
    }
    if (message.type) return;
    assert.ok(message.bytes instanceof Uint8Array, 'a file goes as its bytes, read by the page');
    assert.deepEqual(options?.transfer, [message.bytes.buffer], 'and the bytes are transferred, not copied');
    if (message.path === 'uncloneable.md') throw new DOMException('The file could not be cloned.', 'DataCloneError');
    this.log.push(`parse ${message.path}`);
    const answer = () => {
      if (this.ended) return;
      if (message.path === 'dies.md') {
        const event = new Event('error', { cancelable: true });
        this.dispatchEvent(event);
        return;
      }
      const data = { id: message.id, summary: { path: message.path } };
      this.dispatchEvent(Object.assign(new Event('message'), { data }));
    };
    if (this.manual) this.held.push(answer);
    else setTimeout(answer, 1);
  }

  /** Answers every file held back, then those sent meanwhile, until none is left. */
  async release() {
    while (this.held.length) {
      for (const answer of this.held.splice(0)) answer();
      await settle();
    }
  }

  terminate() {
    this.ended = true;
    this.log.push('terminated');
  }
}

/** Lets reads and answers in flight settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

/** @param {string} name */
const file = (name) => new File([`# ${name}\n`], name);

/**
 * A file that counts its reads (in `reads`), or fails to be read.
 * @param {string} name
 * @param {string[]} reads
 * @param {Error} [failure]
 */
const counted = (name, reads, failure) => /** @type {Blob} */ (/** @type {unknown} */ ({
  arrayBuffer: () => {
    reads.push(name);
    return failure ? Promise.reject(failure) : new Blob([`# ${name}\n`]).arrayBuffer();
  },
}));

test('files are parsed in order, PER_WORKER per worker at most; a file dropped from the queue is not parsed', async () => {
  /** @type {string[]} */
  const log = [];
  let started = 0;
  const worker = new FakeWorker(log, { manual: true });
  const pool = new ParsePool({ size: 1, start: () => { started += 1; return /** @type {any} */ (worker); } });
  const names = Array.from({ length: PER_WORKER + 3 }, (_, i) => `f${i}.md`);
  const parsed = names.map((p) => pool.parse(p, file(p)));
  await settle();
  assert.deepEqual(log, names.slice(0, PER_WORKER).map((p) => `parse ${p}`), 'PER_WORKER in flight, the rest wait');
  assert.equal(pool.pending, names.length);
  assert.equal(pool.drop(names[PER_WORKER + 1]), true, 'waiting: dropped (the reader opened it)');
  assert.equal(pool.drop(names[0]), false, 'with its worker: not dropped');
  await worker.release();
  const replies = await Promise.all(parsed);
  assert.deepEqual(replies.map((r) => ('error' in r ? r.error.code : 'read')), names.map((_, i) => (i === PER_WORKER + 1 ? 'cancelled' : 'read')));
  assert.deepEqual(log, names.filter((_, i) => i !== PER_WORKER + 1).map((p) => `parse ${p}`));
  assert.equal(started, 1);
  assert.equal(pool.pending, 0);
  pool.close();
});

test('the page reads READ_AHEAD files ahead of the workers, no more', async () => {
  /** @type {string[]} */
  const reads = [];
  const worker = new FakeWorker([], { manual: true });
  const pool = new ParsePool({ size: 1, start: () => /** @type {any} */ (worker) });
  const names = Array.from({ length: PER_WORKER + READ_AHEAD + 5 }, (_, i) => `f${i}.md`);
  const parsed = names.map((p) => pool.parse(p, counted(p, reads)));
  await settle();
  assert.deepEqual(reads, names.slice(0, PER_WORKER + READ_AHEAD), 'the worker\'s files, and READ_AHEAD more');
  await worker.release();
  assert.ok((await Promise.all(parsed)).every((r) => 'summary' in r));
  assert.deepEqual(reads, names, 'each file read once');
  pool.close();
});

test('a worker that dies fails the file it died on; the others it held are read again and go to a new worker', async () => {
  /** @type {string[]} */
  const log = [];
  /** @type {string[]} */
  const reads = [];
  let started = 0;
  const pool = new ParsePool({ size: 1, start: () => { started += 1; return /** @type {any} */ (new FakeWorker(log)); } });
  const replies = await Promise.all(['ok.md', 'dies.md', 'after.md'].map((p) => pool.parse(p, counted(p, reads))));
  assert.deepEqual(replies.map((r) => ('summary' in r ? 'ok' : 'error' in r ? r.error.code : '?')), ['ok', 'worker-failed', 'ok']);
  assert.equal(started, 2, 'the dead worker was replaced');
  assert.deepEqual(reads, ['ok.md', 'dies.md', 'after.md', 'after.md'], 'its bytes went with the dead worker: read again');
  pool.close();
});

test('a file that cannot be read fails alone, saying why; the worker never sees it', async () => {
  /** @type {string[]} */
  const log = [];
  const pool = new ParsePool({ size: 1, start: () => /** @type {any} */ (new FakeWorker(log)) });
  const gone = new DOMException('A requested file or directory could not be found.', 'NotFoundError');
  const replies = await Promise.all([pool.parse('a.md', file('a.md')), pool.parse('gone.md', counted('gone.md', [], gone)), pool.parse('b.md', file('b.md'))]);
  assert.deepEqual(replies[1], {
    id: 0, path: 'gone.md',
    error: { code: 'unreadable', message: 'This file could not be read: A requested file or directory could not be found.', params: {} },
  });
  assert.ok('summary' in replies[0] && 'summary' in replies[2]);
  assert.deepEqual(log, ['parse a.md', 'parse b.md']);
  assert.equal(pool.pending, 0);
  pool.close();
});

test('a file dropped while it is read, or once read, is let go', async () => {
  /** @type {string[]} */
  const log = [];
  const worker = new FakeWorker(log, { manual: true });
  const pool = new ParsePool({ size: 1, start: () => /** @type {any} */ (worker) });
  const names = Array.from({ length: PER_WORKER + 2 }, (_, i) => `f${i}.md`);
  const parsed = names.map((p) => pool.parse(p, file(p)));
  assert.equal(pool.drop('f0.md'), true, 'dropped while being read');
  await settle();
  assert.equal(pool.drop(names[names.length - 1]), true, 'dropped once read, before a worker took it');
  assert.equal(pool.drop('f1.md'), false, 'a file a worker holds is not dropped');
  await worker.release();
  const codes = (await Promise.all(parsed)).map((r) => ('error' in r ? r.error.code : 'ok'));
  assert.deepEqual(codes, ['cancelled', ...Array(PER_WORKER).fill('ok'), 'cancelled']);
  assert.ok(!log.includes('parse f0.md') && !log.includes(`parse ${names[names.length - 1]}`));
  assert.equal(pool.pending, 0);
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

test('cancel drops what waits, read or not', async () => {
  const worker = new FakeWorker([], { manual: true });
  const pool = new ParsePool({ size: 1, start: () => /** @type {any} */ (worker) });
  const replies = Array.from({ length: PER_WORKER + 1 }, (_, i) => pool.parse(`f${i}.md`, file(`f${i}.md`)));
  await settle();
  pool.cancel();
  await worker.release();
  const codes = (await Promise.all(replies)).map((r) => ('error' in r ? r.error.code : 'ok'));
  assert.deepEqual(codes, [...Array(PER_WORKER).fill('ok'), 'cancelled']);
  pool.close();
});

test('paused while the reader\'s article renders: no file handed out until resumed, or until the pause ends; running workers hold theirs meanwhile', async () => {
  /** @type {string[]} */
  const log = [];
  const pool = new ParsePool({ size: 1, start: () => /** @type {any} */ (new FakeWorker(log)) });
  pool.pause(10_000);
  const first = ['a.md', 'b.md'].map((p) => pool.parse(p, file(p)));
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(log, [], 'nothing while paused');
  pool.resume();
  await Promise.all(first);
  assert.deepEqual(log, ['parse a.md', 'parse b.md'], 'no worker ran, so none was held');
  pool.pause(30);
  pool.pause(30);
  const second = pool.parse('c.md', file('c.md'));
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.deepEqual(log.slice(2), ['hold true'], 'the running worker is told once to hold its files');
  await second;
  assert.deepEqual(log.slice(2), ['hold true', 'hold false', 'parse c.md'], 'the pause ends by itself, and the worker goes on');
  pool.close();
});

test('each file goes to the worker holding the fewest bytes: small files pass a big one', async () => {
  /** @type {string[][]} */
  const byWorker = [];
  /** @type {FakeWorker[]} */
  const workers = [];
  const pool = new ParsePool({ size: 2, idleMs: 60_000, start: () => { const mine = /** @type {string[]} */ ([]); byWorker.push(mine); workers.push(new FakeWorker(mine, { manual: true })); return /** @type {any} */ (workers.at(-1)); } });
  const big = new File([new Uint8Array(1024 * 1024)], 'big.md');
  const parsed = [pool.parse('big.md', big), ...['a.md', 'b.md', 'c.md'].map((p) => pool.parse(p, file(p)))];
  await settle();
  assert.deepEqual(byWorker, [['parse big.md'], ['parse a.md', 'parse b.md', 'parse c.md']]);
  await Promise.all(workers.map((w) => w.release()));
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
  const worker = new FakeWorker(log, { manual: true });
  const pool = new ParsePool({ size: 1, idleMs: 60_000, start: () => /** @type {any} */ (worker) });
  const big = (/** @type {string} */ name) => new File([new Uint8Array(8 * 1024 * 1024)], name);
  const parsed = [pool.parse('big1.md', big('big1.md')), pool.parse('big2.md', big('big2.md')), pool.parse('small.md', file('small.md'))];
  await settle();
  assert.deepEqual(log, ['parse big1.md'], 'the second 8 MiB file waits for the first');
  await worker.release();
  await Promise.all(parsed);
  assert.deepEqual(log, ['parse big1.md', 'parse big2.md', 'parse small.md']);
  pool.close();
});

test('render(): a file rendered whole by a running worker; the core\'s error comes back as a FolioError', async () => {
  /** @type {string[]} */
  const log = [];
  const worker = new FakeWorker(log, { manual: true });
  const pool = new ParsePool({ size: 1, idleMs: 60_000, start: () => /** @type {any} */ (worker) });
  await assert.rejects(pool.render(new Uint8Array([35]), { fileName: 'early.md' }), WorkerGone, 'no worker runs yet');
  const parsed = ['a.md', 'b.md'].map((p) => pool.parse(p, file(p)));
  await settle();
  const whole = pool.render(new Uint8Array([35]), /** @type {any} */ ({ fileName: 'read.md' }));
  const empty = pool.render(new Uint8Array(), /** @type {any} */ ({ fileName: 'empty.md' })).catch((e) => e);
  await worker.release();
  assert.deepEqual(await whole, { title: 'read.md', html: '<p>whole</p>' });
  const error = await empty;
  assert.ok(error instanceof FolioError && error.code === 'empty', `the core's error: ${error}`);
  assert.deepEqual(log, ['parse a.md', 'parse b.md', 'render read.md', 'render empty.md'], 'sent after the files it held (the worker takes it first: parse-host.test.mjs)');
  assert.ok((await Promise.all(parsed)).every((r) => 'summary' in r));
  pool.close();
});

test('a worker that dies during a whole render: the render fails as WorkerGone, and none of its files is blamed', async () => {
  /** @type {string[]} */
  const log = [];
  /** @type {FakeWorker[]} */
  const workers = [];
  const pool = new ParsePool({ size: 1, idleMs: 60_000, start: () => { workers.push(new FakeWorker(log, { manual: true })); return /** @type {any} */ (workers.at(-1)); } });
  const parsed = ['a.md', 'b.md'].map((p) => pool.parse(p, file(p)));
  await settle();
  const dying = pool.render(new Uint8Array([35]), /** @type {any} */ ({ fileName: 'dies.md' })).then(() => null, (e) => e);
  // The render's answer (a death) comes before the files' answers.
  workers[0].held.splice(0, 2);
  await workers[0].release();
  assert.ok((await dying) instanceof WorkerGone);
  await settle();
  await Promise.all(workers.map((w) => w.release()));
  const replies = await Promise.all(parsed);
  assert.ok(replies.every((r) => 'summary' in r), `no file blamed: ${JSON.stringify(replies)}`);
  assert.equal(workers.length, 2, 'a new worker took the files again');
  pool.close();
});

test('files go to the workers in the order they were opened, however their reads finish', async () => {
  /** @type {string[]} */
  const log = [];
  const worker = new FakeWorker(log, { manual: true });
  const pool = new ParsePool({ size: 1, idleMs: 60_000, start: () => /** @type {any} */ (worker) });
  // The first file's read finishes last.
  const slow = /** @type {Blob} */ (/** @type {unknown} */ ({
    arrayBuffer: () => new Promise((resolve) => setTimeout(() => resolve(new ArrayBuffer(8)), 30)),
  }));
  const parsed = [pool.parse('slow.md', slow), ...['a.md', 'b.md', 'c.md'].map((p) => pool.parse(p, file(p)))];
  await settle();
  assert.deepEqual(log, [], 'the others wait behind the file read first');
  await new Promise((resolve) => setTimeout(resolve, 40));
  assert.deepEqual(log, ['parse slow.md', 'parse a.md', 'parse b.md', 'parse c.md']);
  await worker.release();
  assert.ok((await Promise.all(parsed)).every((r) => 'summary' in r));
  pool.close();
});
