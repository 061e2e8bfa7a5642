// The corpus's articles as the library's index documents, read by the core as the parse
// workers read them (parse-host.js: the index render, no HTML), in place: for the tests
// that hold the search engines and the tokenizer to one another over real texts.
// Needs the core (www/pkg).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { init, render } from '../../www/folio.js';
import { indexDoc, summarize } from '../../www/library/extract.js';
import { fileKind } from '../../www/library/paths.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = resolve(ROOT, '../shared/corpus');

/**
 * Every corpus article the core reads, as an index document.
 * @param {{ bytes?: boolean }} [how]  bytes: the text as UTF-8, as the parse workers send it.
 * @returns {Promise<import('../../www/library/messages.js').IndexDoc[]>}
 */
export async function corpusDocs({ bytes = false } = {}) {
  await init({ wasm: readFileSync(join(ROOT, 'www/pkg/folio_bg.wasm')) });
  const docs = [];
  for (const entry of readdirSync(CORPUS, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name).slice(CORPUS.length + 1);
    if (!entry.isFile() || entry.parentPath === CORPUS || fileKind(path) !== 'article' || !statSync(join(CORPUS, path)).size) continue;
    try {
      // The parse workers' options (parse-host.js): the index render writes no HTML.
      const article = render(readFileSync(join(CORPUS, path)), /** @type {any} */ ({ fileName: entry.name, includeText: true, includeHtml: false, textBytes: bytes }));
      assert.equal(article.html, '', `${path}: no HTML in an index render`);
      const { summary, text } = summarize(path, article);
      docs.push(indexDoc(summary, text));
    } catch (error) {
      if (error instanceof assert.AssertionError) throw error;
      // Files the core refuses are not indexed by the library either.
    }
  }
  assert.ok(docs.length > 100, `the corpus was read (${docs.length} articles)`);
  return docs;
}
