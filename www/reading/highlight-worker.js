// The code highlighting worker: highlight.js (reading/highlighter.js) off the page's main
// thread, where compiling a grammar and highlighting a block took 50–180 ms tasks.
// Started by reading/code.js for the first article with code; grammars load once per
// worker. Messages: `{ id, text, language }` in, `{ id, tree }` out (`tree`: the token tree
// as plain objects, or null when the block stays plain). The page builds the spans.

import { highlightTree } from './highlighter.js';

/** @param {MessageEvent} event */
async function onRequest({ data }) {
  const id = data?.id;
  let tree = null;
  try {
    if (typeof data?.text === 'string' && typeof data?.language === 'string') tree = await highlightTree(data.text, data.language);
  } catch {
    tree = null; // Left plain: the page shows the block as written.
  }
  try {
    self.postMessage({ id, tree });
  } catch {
    self.postMessage({ id, tree: null }); // A tree that cannot cross (none known): the block stays plain.
  }
}

self.addEventListener('message', onRequest);
