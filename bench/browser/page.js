// The benchmark page: Folio and its peers as pipelines over the same bytes, timed in
// batches. bench/browser/run.mjs drives it through `window.bench` and does the statistics.
//
// Every pipeline starts from the file's bytes (a Uint8Array) and ends either with a
// sanitized HTML string ("html" mode) or with the nodes inserted into a hidden
// container ("dom" mode), so the figures compare what a viewer actually needs.

import { init, render } from '/www/folio.js';
import { marked } from '/node_modules/marked/lib/marked.esm.js';
import markdownit from '/node_modules/markdown-it/dist/browser/markdown-it.esm.min.mjs';
import * as mdwasm from '/node_modules/markdown-wasm/dist/markdown.es.js';
import DOMPurify from '/node_modules/dompurify/dist/purify.es.mjs';

/** @typedef {{ name: string, bytes: Uint8Array, html: boolean }} Input */
/** @typedef {'html' | 'dom'} Mode */
/** @typedef {(input: Input, index: number, folioOutputs: string[]) => number} Run */

const utf8 = new TextDecoder();
const encoder = new TextEncoder();
const md = markdownit({ html: true, linkify: true });
const sink = /** @type {HTMLElement} */ (document.getElementById('sink'));
/** Folio's output for each input, for the DOMParser floor. @type {Map<string, string[]>} */
const folioHtml = new Map();
/** A WebAssembly memory for the boundary floor (grown on demand). */
const floorMemory = new WebAssembly.Memory({ initial: 1 });
/** @type {Map<string, Input[]>} */
const inputs = new Map();
/** The light module's glue, initialized by folio.js (the same module record). @type {any} */
let lightGlue = null;
/** Folio's wasm exports (for memory.buffer), from the glue's init. @type {any} */
let wasmExports = null;

/**
 * Markdown → HTML for one peer; HTML files skip the Markdown step (a user would
 * sanitize them directly).
 * @param {(text: string) => string} toHtml
 * @returns {(input: Input) => string}
 */
const markdownPeer = (toHtml) => (input) => {
  const text = utf8.decode(input.bytes);
  return input.html ? text : toHtml(text);
};

const PEERS = {
  marked: markdownPeer((t) => /** @type {string} */ (marked.parse(t))),
  'markdown-it': markdownPeer((t) => md.render(t)),
  'markdown-wasm': markdownPeer((t) => /** @type {string} */ (mdwasm.parse(t))),
};

/**
 * The pipelines. Each returns something derived from its output so the work cannot be
 * optimized away.
 * @type {Record<string, { html?: Run, dom?: Run }>}
 */
const PIPELINES = {
  folio: {
    html: (input) => render(input.bytes, { fileName: input.name }).html.length,
    dom: (input) => {
      sink.innerHTML = render(input.bytes, { fileName: input.name }).html;
      const n = sink.childNodes.length;
      sink.replaceChildren();
      return n;
    },
  },
  // The light module (built for size) wherever its needs() finds nothing more, the full
  // one for the rest: what render() would cost if it chose the lightest module that can,
  // rather than the full one whenever it is loaded (www/folio.js).
  'folio, light where it can': {
    html: (input) => (lightGlue.needs(input.bytes, input.name).length ? render(input.bytes, { fileName: input.name }) : lightGlue.render(input.bytes, { fileName: input.name })).html.length,
  },
  ...Object.fromEntries(Object.entries(PEERS).map(([name, toHtml]) => [`${name} → DOMPurify`, {
    html: (/** @type {Input} */ input) => DOMPurify.sanitize(toHtml(input)).length,
    dom: (/** @type {Input} */ input) => {
      sink.append(DOMPurify.sanitize(toHtml(input), { RETURN_DOM_FRAGMENT: true }));
      const n = sink.childNodes.length;
      sink.replaceChildren();
      return n;
    },
  }])),
  // Floor: the browser's own HTML parser on Folio's (already sanitized) output, into an
  // inert document. A renderer that beats this is faster than merely parsing its output.
  'DOMParser (floor)': {
    dom: (_input, i, outputs) => new DOMParser().parseFromString(outputs[i], 'text/html').body.childNodes.length,
  },
  // Floor: what any WASM renderer pays at the boundary with no work at all: the bytes
  // decoded as UTF-8, copied into a WebAssembly memory (encodeInto), and read back out
  // as a JS string (decode), i.e. one UTF-8 trip each way.
  'UTF-8 boundary (floor)': {
    html: (input) => {
      const text = utf8.decode(input.bytes);
      const need = text.length * 3;
      if (floorMemory.buffer.byteLength < need) floorMemory.grow(Math.ceil((need - floorMemory.buffer.byteLength) / 65536));
      const view = new Uint8Array(floorMemory.buffer, 0, need);
      const { written } = encoder.encodeInto(text, view);
      return utf8.decode(view.subarray(0, written)).length;
    },
  },
};

/**
 * Loads Folio and fetches the inputs of one group from the runner's server.
 * @param {string} group
 * @param {{ name: string, url: string }[]} list
 */
async function load(group, list) {
  // Both modules: render() uses the full one (www/folio.js); the light one for the row above.
  await init({ preload: ['full'] });
  lightGlue ??= await import('/www/pkg/folio_light.js');
  await mdwasm.ready;
  // The glue's init returns the exports (memory included) once the module is live.
  const glue = await import('/www/pkg/folio.js');
  wasmExports = await glue.default();
  /** @type {Input[]} */
  const files = [];
  for (const { name, url } of list) {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    files.push({ name, bytes, html: /\.html?$/i.test(name) });
  }
  inputs.set(group, files);
  const outputs = [];
  for (const f of files) {
    try {
      outputs.push(render(f.bytes, { fileName: f.name }).html);
    } catch {
      outputs.push('');
    }
  }
  folioHtml.set(group, outputs);
  return { files: files.length, bytes: files.reduce((s, f) => s + f.bytes.length, 0) };
}

/**
 * Runs one pipeline `iterations` times over every file of a group; returns the time
 * per iteration in ms. Files Folio refuses (binary, empty) are skipped by every pipeline.
 * @param {string} group
 * @param {string} pipeline
 * @param {Mode} mode
 * @param {number} iterations
 */
function time(group, pipeline, mode, iterations) {
  const files = /** @type {Input[]} */ (inputs.get(group));
  const outputs = /** @type {string[]} */ (folioHtml.get(group));
  const run = PIPELINES[pipeline]?.[mode];
  if (!run) throw new Error(`no pipeline ${pipeline} in ${mode} mode`);
  let check = 0;
  const start = performance.now();
  for (let k = 0; k < iterations; k++) {
    for (let i = 0; i < files.length; i++) {
      if (outputs[i] === '' && files.length > 1) continue;
      check += run(files[i], i, outputs);
    }
  }
  const ms = (performance.now() - start) / iterations;
  return { ms, check };
}

/** The pipelines and the modes each has. */
function pipelines() {
  return Object.fromEntries(Object.entries(PIPELINES).map(([name, p]) => [name, Object.keys(p)]));
}

/** Folio's current WebAssembly memory size in bytes. */
function wasmMemory() {
  return wasmExports?.memory?.buffer?.byteLength ?? null;
}

/**
 * Renders one group's files in Folio only and reports the memory after each file:
 * memory only grows, so rendering sizes in increasing order gives each size's peak.
 * @param {string} group
 */
function memoryAfterEach(group) {
  const files = /** @type {Input[]} */ (inputs.get(group));
  return files.map((f) => {
    render(f.bytes, { fileName: f.name });
    return { name: f.name, bytes: f.bytes.length, memory: wasmMemory() };
  });
}

/**
 * Renders the file `repeat` times on the main thread or through www/folio-worker.js, and
 * counts the main thread's long tasks (>50 ms) while it does.
 * @param {string} group
 * @param {'main' | 'worker'} where
 */
async function longTasks(group, where) {
  const file = /** @type {Input[]} */ (inputs.get(group))[0];
  /** @type {number[]} */
  const tasks = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); });
  /** @type {Worker | null} */
  let worker = null;
  if (where === 'worker') {
    worker = new Worker('/www/folio-worker.js', { type: 'module' });
    // Warm the worker (module load and WASM init) before observing.
    await call(worker, new Uint8Array(encoder.encode('# warm')), 'warm.md');
  }
  await new Promise((r) => setTimeout(r, 100));
  observer.observe({ type: 'longtask', buffered: false });
  const start = performance.now();
  let length = 0;
  if (worker) {
    const article = await call(worker, file.bytes.slice(), file.name);
    length = article.html.length;
  } else {
    await new Promise((r) => setTimeout(r, 0));
    length = render(file.bytes, { fileName: file.name }).html.length;
  }
  const ms = performance.now() - start;
  await new Promise((r) => setTimeout(r, 200));
  for (const e of observer.takeRecords()) tasks.push(e.duration);
  observer.disconnect();
  worker?.terminate();
  return { ms, length, count: tasks.length, total: tasks.reduce((a, b) => a + b, 0), max: Math.max(0, ...tasks) };
}

/**
 * One request to the worker.
 * @param {Worker} worker
 * @param {Uint8Array} bytes
 * @param {string} fileName
 * @returns {Promise<any>}
 */
function call(worker, bytes, fileName) {
  return new Promise((resolve, reject) => {
    const id = Math.random();
    worker.addEventListener('message', function listen(event) {
      if (event.data.id !== id) return;
      worker.removeEventListener('message', listen);
      if (event.data.error) reject(new Error(event.data.error.message));
      else resolve(event.data.article);
    });
    worker.postMessage({ id, input: bytes, options: { fileName } }, [bytes.buffer]);
  });
}

/** @type {any} */ (window).bench = { load, time, pipelines, wasmMemory, memoryAfterEach, longTasks, ready: true };
