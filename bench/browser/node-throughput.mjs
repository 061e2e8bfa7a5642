// Quick throughput of one wasm-bindgen build of Folio in Node (same V8 as Chromium), to
// compare size levers (profile settings, wasm-opt flags) without a browser:
//
//   node bench/browser/node-throughput.mjs [DIR/folio.js] [WASM]   (default: www/pkg)
//
// Prints ms per render (median of 7 rounds) for the sample and generated 100 KB / 1 MB articles.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const glue = resolve(process.argv[2] ?? `${ROOT}www/pkg/folio.js`);
const wasm = resolve(process.argv[3] ?? glue.replace(/\.js$/, '_bg.wasm'));
const folio = await import(pathToFileURL(glue).href);
folio.initSync({ module: readFileSync(wasm) });

const inputs = {
  sample: readFileSync(resolve(ROOT, '../shared/samples/sina-cross-border-ecommerce.md')),
  'markdown-100KB': generate('markdown', 100 << 10),
  'html-100KB': generate('html', 100 << 10),
  'markdown-1MB': generate('markdown', 1 << 20),
};
const out = {};
for (const [name, bytes] of Object.entries(inputs)) {
  const once = () => folio.render(bytes, { fileName: `${name}.md` }).html.length;
  once();
  let t = performance.now();
  once();
  const k = Math.max(1, Math.ceil(100 / (performance.now() - t)));
  const times = [];
  for (let r = 0; r < 7; r++) {
    t = performance.now();
    for (let i = 0; i < k; i++) once();
    times.push((performance.now() - t) / k);
  }
  times.sort((a, b) => a - b);
  out[name] = Number(times[3].toFixed(3));
}
console.log(JSON.stringify({ wasm, bytes: readFileSync(wasm).length, ms: out }));
