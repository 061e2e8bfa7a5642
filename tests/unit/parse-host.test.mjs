// www/library/parse-host.js, the parse worker's handler, with the real core (www/pkg):
// files are read one per task in the order they came, a hold stops them between files,
// and a whole render (the reader's article) goes ahead of the files waiting.
// Run: node --test tests/unit/
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { init, render } from '../../www/folio.js';
import { WARM_UP, exercise, oneAtATime, parseHost } from '../../www/library/parse-host.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
await init({ wasm: readFileSync(join(ROOT, 'www/pkg/folio_bg.wasm')) });

/** Lets the tasks queued settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

/** @param {string} title */
const bytes = (title) => new TextEncoder().encode(`---\ntitle: ${title}\n---\n\nBody of ${title}.\n`);

/** What a reply is about, in a word. @param {any} reply */
const said = (reply) => (reply.type === 'rendered' ? `rendered ${reply.article?.title}` : `parsed ${reply.summary?.title ?? reply.error?.code}`);

test('oneAtATime: items are done oldest first, one per task; a hold stops them after the one being done', async () => {
  /** @type {string[]} */
  const log = [];
  /** @type {(() => void)[]} */
  const open = [];
  const turns = oneAtATime(async (/** @type {string} */ item) => {
    log.push(`start ${item}`);
    await new Promise((resolve) => open.push(() => resolve(undefined)));
    log.push(`end ${item}`);
  });
  for (const item of ['a', 'b', 'c']) turns.add(item);
  assert.deepEqual(log, [], 'nothing is done in the task that adds');
  await settle();
  assert.deepEqual(log, ['start a'], 'one at a time');
  turns.hold(true);
  open.shift()?.();
  await settle();
  assert.deepEqual(log, ['start a', 'end a'], 'held: the next is not started');
  turns.hold(false);
  await settle();
  open.shift()?.();
  await settle();
  open.shift()?.();
  await settle();
  assert.deepEqual(log, ['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
});

test('a parse worker answers its files in order, and renders the reader\'s article ahead of the files waiting', async () => {
  /** @type {any[]} */
  const replies = [];
  const handle = parseHost((reply) => replies.push(reply));
  handle({ id: 1, path: 'posts/one.md', bytes: bytes('One') });
  handle({ id: 2, path: 'posts/two.md', bytes: bytes('Two') });
  handle({ type: 'render', id: 3, bytes: bytes('Whole'), options: { fileName: 'whole.md' } });
  await settle();
  assert.deepEqual(replies.map(said), ['rendered Whole', 'parsed One', 'parsed Two']);
  assert.deepEqual(replies.map((r) => r.id), [3, 1, 2]);
  assert.match(replies[0].article.html, /Body of Whole/, 'a whole render has its HTML');
});

test('a held parse worker starts no file until let go, but still renders the reader\'s article', async () => {
  /** @type {any[]} */
  const replies = [];
  const handle = parseHost((reply) => replies.push(reply));
  handle({ type: 'hold', on: true });
  handle({ id: 1, path: 'a.md', bytes: bytes('A') });
  handle({ id: 2, path: 'b.md', bytes: bytes('B') });
  await settle();
  assert.deepEqual(replies, [], 'held');
  handle({ type: 'render', id: 3, bytes: bytes('Shown'), options: { fileName: 'shown.md' } });
  await settle();
  assert.deepEqual(replies.map(said), ['rendered Shown']);
  handle({ type: 'hold', on: false });
  await settle();
  assert.deepEqual(replies.map(said), ['rendered Shown', 'parsed A', 'parsed B']);
});

test('a parse worker sends the search worker each text as UTF-8 bytes, moved rather than copied', async () => {
  /** @type {{ message: any, transfer: ArrayBuffer[] }[]} */
  const sent = [];
  const port = { postMessage: (/** @type {any} */ message, /** @type {any} */ options) => sent.push({ message, transfer: options?.transfer ?? [] }) };
  const handle = parseHost(() => {});
  handle({ type: 'port', port });
  handle({ id: 1, path: 'posts/one.md', bytes: bytes('一') });
  handle({ id: 2, path: 'posts/two.md', bytes: bytes('二') });
  await settle();
  handle({ type: 'end' }); // sends on what waits
  assert.equal(sent.length, 1, 'one message for both');
  const { message, transfer } = sent[0];
  assert.deepEqual(message.docs.map((/** @type {any} */ d) => d.title), ['一', '二']);
  for (const doc of message.docs) {
    assert.ok(doc.text instanceof Uint8Array);
    assert.ok(transfer.includes(doc.text.buffer), 'its buffer is in the transfer list');
  }
  assert.equal(new TextDecoder().decode(message.docs[0].text), 'Body of 一.');
});

test('warm runs the core over made-up articles while no file has come, and stops for the first file', async () => {
  // The made-up articles render, both ways (an error would only be swallowed there), and
  // take the paths files take: Markdown with raw HTML, an HTML page, CJK, links and images.
  for (const [fileName, text] of WARM_UP) {
    const article = render(text, { fileName });
    assert.match(article.title ?? '', /^预热/, fileName);
    assert.ok(article.links.length >= 2 && article.html.includes('<img') && article.toc.length >= 1, fileName);
    assert.equal(render(text, /** @type {any} */ ({ fileName, includeText: true, includeHtml: false })).html, '');
  }
  let rounds = 0;
  await exercise(() => rounds++ >= 2);
  assert.equal(rounds, 3, 'two rounds, then stopped when asked');
  /** @type {any[]} */
  const replies = [];
  const handle = parseHost((reply) => replies.push(reply));
  const warming = handle({ type: 'warm' });
  handle({ id: 1, path: 'a.md', bytes: bytes('A') });
  await warming;
  await settle();
  assert.deepEqual(replies.map(said), ['parsed A'], 'the file is read; the warm-up left no trace in the replies');
});
