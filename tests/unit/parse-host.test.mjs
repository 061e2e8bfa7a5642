// www/library/parse-host.js: a parse worker reads each File itself; a file it cannot read
// fails alone with the reader's sentence, and the core is not asked for it.
// Run: node --test tests/unit/
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHost } from '../../www/library/parse-host.js';

test('a file the worker cannot read fails as unreadable, saying why', async () => {
  /** @type {any[]} */
  const replies = [];
  const handle = parseHost((reply) => replies.push(reply));
  const gone = { arrayBuffer: () => Promise.reject(new DOMException('A requested file or directory could not be found.', 'NotFoundError')) };
  await handle({ id: 7, path: 'posts/gone.md', file: gone });
  assert.deepEqual(replies, [{
    id: 7, path: 'posts/gone.md',
    error: { code: 'unreadable', message: 'This file could not be read: A requested file or directory could not be found.', params: {} },
  }]);
});
