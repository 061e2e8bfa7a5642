// Renders the file named on the command line through the installed package; prints JSON.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FolioError, init, render } from 'folio-viewer';

const require = createRequire(import.meta.url);
const wasm = readFileSync(require.resolve('folio-viewer/wasm'));
await init({ wasm });
const file = process.argv[2];
const article = render(readFileSync(file), { fileName: file });
let refused = '';
try {
  render(new Uint8Array([0, 1, 2, 0, 0, 0, 0xff]), { fileName: 'x.bin' });
} catch (error) {
  refused = error instanceof FolioError ? error.message : 'not a FolioError';
}
const manifest = require('folio-viewer/package.json');
console.log(JSON.stringify({ title: article.title, format: article.format, refused, version: manifest.version }));
