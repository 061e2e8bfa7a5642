// Hostile and broken files in the real viewer: each finishes with an article or a
// specific message where the reader is looking, and the viewer keeps working.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SAMPLE, SAMPLE_NAME, SAMPLE_TITLE, shownTitle, useBrowser, withPage } from './harness.mjs';
import { itemFor, listSettled } from './library-helpers.mjs';

const harness = useBrowser();

const aliasBomb = ['---', 'title: Bomb', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat(['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`))
  .concat(['---', 'Body after the bomb.'])
  .join('\n');

/** name, bytes, and what the reader must see. */
const CASES = [
  { name: 'bomb.md', bytes: Buffer.from(aliasBomb), title: 'Bomb', warning: /repeats itself/ },
  { name: 'long-line.md', bytes: Buffer.from(`# Long line\n\n${'长'.repeat(3_500_000)}`), title: 'Long line' },
  { name: 'deep.md', bytes: Buffer.from(`# Deep\n\n${'>'.repeat(10_000)} bottom`), title: 'Deep' },
  { name: 'deep.html', bytes: Buffer.from(`<h1>Deep HTML</h1>${'<div>'.repeat(10_000)}bottom`), title: 'Deep HTML' },
  { name: 'bad-utf8.md', bytes: Buffer.concat([Buffer.from('# Damaged\n\n中文正文'.repeat(20)), Buffer.from([0xff]), Buffer.from('正文')]), title: 'Damaged', warning: /malformed/ },
  { name: 'nul.md', bytes: Buffer.concat([Buffer.from('# x\n'), Buffer.from([0, 0, 0, 1, 2, 3]), Buffer.from('tail')]), error: /binary/i },
  { name: 'huge.md', bytes: Buffer.alloc(33 * 1024 * 1024, 0x61), error: /larger than the 32 MB/ },
];

test('hostile files each end in an article or a specific message, and the viewer keeps working', async () => {
  await withPage(harness, '?src=', async (page) => {
    await page.getByTestId('welcome').waitFor();
    for (const c of CASES) {
      // Handing a 33 MB file to the page takes a while on a loaded machine.
      await page.getByTestId('file-input').setInputFiles([{ name: c.name, mimeType: 'text/plain', buffer: c.bytes }], { timeout: 60_000 });
      const button = itemFor(page, c.name);
      await button.waitFor();
      await listSettled(page, 60_000);
      await button.click();
      if (c.error) {
        assert.match(await page.getByTestId('error-message').innerText(), c.error, c.name);
      } else {
        await shownTitle(page).filter({ hasText: c.title }).waitFor({ timeout: 60_000 });
        if (c.warning) {
          assert.match(await page.getByTestId('warnings').textContent() ?? '', c.warning, c.name);
        }
      }
    }
    // After all of that, a good file still renders.
    await page.getByTestId('file-input').setInputFiles([{ name: SAMPLE_NAME, mimeType: 'text/markdown', buffer: SAMPLE }]);
    await shownTitle(page).filter({ hasText: SAMPLE_TITLE }).waitFor();
    await page.getByTestId('article-body').getByText('责任编辑：李墨轩').waitFor();
  });
});
