// www/render/worker-client.js: the HTML a render worker hands back as UTF-8 bytes is made a
// string a piece a task, whole whatever falls on a piece's edge.
// Run: node --test tests/unit/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeInTasks } from '../../www/render/worker-client.js';

test('HTML bytes decode to the same string, whatever character falls on a piece\'s edge', async () => {
  const encode = (/** @type {string} */ text) => new TextEncoder().encode(text);
  // 1 MiB is not a multiple of 3 or 4: pieces end inside a CJK character and an emoji.
  const cjk = `<p>${'跨境电商'.repeat(300_000)}</p>`;
  const emoji = `<p>${'a😀'.repeat(250_000)}</p>`;
  for (const text of [cjk, emoji, '<p>short</p>', '']) {
    assert.equal(await decodeInTasks(encode(text)), text);
  }
  // Bytes that are not UTF-8 read as replacement characters, as the whole would.
  const broken = new Uint8Array([0x3c, 0x70, 0x3e, 0xe8, 0xb7, 0x3c]);
  assert.equal(await decodeInTasks(broken), new TextDecoder().decode(broken));
});

test('a big HTML is decoded over several tasks, not in one', async () => {
  const bytes = new TextEncoder().encode('x'.repeat(3 << 20));
  let turns = 0;
  let done = false;
  const counting = (async () => { while (!done) { turns += 1; await new Promise((r) => setTimeout(r, 0)); } })();
  const html = await decodeInTasks(bytes);
  done = true;
  await counting;
  assert.equal(html.length, 3 << 20);
  assert.ok(turns >= 3, `other tasks ran between its pieces (${turns})`);
});
