// Folio's browser benchmark: `make bench` (or `node bench/browser/run.mjs`).
//
// One headless Debian Chromium (playwright-core, the test harness's flags) on loopback
// runs Folio's full pipeline (www/folio.js render(): decode, front matter, body,
// sanitize, outline) and the peers a user would pick instead (marked, markdown-it,
// markdown-wasm, each → DOMPurify) plus two floors, on the corpus in ../shared/corpus
// (read in place), the canonical sample, and generated articles of 1 KB–10 MB.
// It prints a table and writes bench/browser/results/latest.json. It never fails on a goal,
// only on errors.
//
// Options: --quick (fewer rounds, no 10 MB, no corpus), --only folio,marked (pipelines
// whose names start with these), --out FILE, --skip cold,memory,longtasks,sizes.

import { createServer } from 'node:http';
import { readFile, readdir, mkdir, writeFile, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { extname, join, normalize, resolve, sep, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { chromium } from 'playwright-core';
import { generate, SIZES, KINDS } from './generate.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The viewer's own JS modules, relative to www/ (found from the root, wherever this file is). */
const VIEWER_MODULES = await (await import(pathToFileURL(join(ROOT, 'scripts', 'dist.mjs')).href)).moduleGraph(['app.js']);
const CORPUS = resolve(ROOT, '../shared/corpus');
const SAMPLES = resolve(ROOT, '../shared/samples');
const SAMPLE = 'sina-cross-border-ecommerce.md';

const argv = process.argv.slice(2);
const flag = (/** @type {string} */ name) => argv.includes(name);
const option = (/** @type {string} */ name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const QUICK = flag('--quick');
const ONLY = option('--only')?.split(',');
const SKIP = new Set(option('--skip')?.split(',') ?? []);
const OUT = option('--out') ?? join(ROOT, 'bench/browser/results/latest.json');

/** The same Chromium flags as tests/e2e/harness.mjs, plus no image loading (inserted
 * <img> elements would otherwise start fetches that the figures should not include). */
const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--blink-settings=imagesEnabled=false'],
};

const KB = 1024;
const label = (/** @type {number} */ n) => (n >= 1 << 20 ? `${n >> 20}MB` : `${n >> 10}KB`);

// ---------------------------------------------------------------- server

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml' };
const PEERS = ['marked', 'markdown-it', 'markdown-wasm', 'dompurify'];
/** @type {Map<string, Uint8Array>} generated inputs by URL path */
const generated = new Map();

/**
 * Maps a request path to a file, or null. Only what the pages need is served.
 * @param {string} path
 */
function fileFor(path) {
  /** @type {[string, string][]} */
  const mounts = [['/www/', join(ROOT, 'www')], ['/bench/', join(ROOT, 'bench/browser')], ['/corpus/', CORPUS], ['/samples/', SAMPLES],
    ...PEERS.map((p) => /** @type {[string, string]} */ ([`/node_modules/${p}/`, join(ROOT, 'node_modules', p)]))];
  // markdown-wasm's ES build fetches "markdown.wasm" next to the page.
  if (path === '/bench/markdown.wasm') return join(ROOT, 'node_modules/markdown-wasm/dist/markdown.wasm');
  for (const [prefix, dir] of mounts) {
    if (!path.startsWith(prefix)) continue;
    const file = normalize(join(dir, path.slice(prefix.length)));
    return file.startsWith(dir + sep) ? file : null;
  }
  return null;
}

function startServer() {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    try {
      let body = generated.get(path);
      let type = 'text/markdown; charset=utf-8';
      if (!body) {
        const file = fileFor(path.endsWith('/') ? `${path}index.html` : path);
        if (!file) throw Object.assign(new Error('not served'), { code: 'ENOENT' });
        body = await readFile(file);
        type = TYPES[/** @type {keyof TYPES} */ (extname(file))] ?? 'application/octet-stream';
      }
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
      res.end(body);
    } catch (e) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    const address = /** @type {import('node:net').AddressInfo} */ (server.address());
    ok({ server, base: `http://127.0.0.1:${address.port}` });
  }));
}

// ---------------------------------------------------------------- statistics

/** @param {number[]} xs */
function summary(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (/** @type {number} */ p) => {
    const i = (s.length - 1) * p;
    return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
  };
  return { median: q(0.5), min: s[0], max: s[s.length - 1], q1: q(0.25), q3: q(0.75), n: s.length };
}

/** Least-squares slope of log(y) on log(x). @param {number[]} xs @param {number[]} ys */
function logLogSlope(xs, ys) {
  const lx = xs.map(Math.log), ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length, my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0, den = 0;
  for (let i = 0; i < lx.length; i++) { num += (lx[i] - mx) * (ly[i] - my); den += (lx[i] - mx) ** 2; }
  return num / den;
}

const fmt = (/** @type {number} */ x, d = 2) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(d));

// ---------------------------------------------------------------- inputs

/** @returns {Promise<{ name: string, rounds: number, list: { name: string, url: string }[] }[]>} */
async function groups() {
  const out = [{ name: 'sample', rounds: QUICK ? 3 : 7, list: [{ name: SAMPLE, url: `/samples/${SAMPLE}` }] }];
  for (const kind of KINDS) {
    for (const size of SIZES) {
      if (QUICK && size > 1 << 20) continue;
      const path = `/gen/${kind}-${label(size)}.md`;
      generated.set(path, generate(kind, size));
      out.push({ name: `${kind}-${label(size)}`, rounds: QUICK ? 3 : size >= 10 << 20 ? 3 : size >= 1 << 20 ? 5 : 7, list: [{ name: `${kind}-${label(size)}.md`, url: path }] });
    }
  }
  if (!QUICK) {
    const files = [];
    for (const dir of (await readdir(CORPUS, { withFileTypes: true })).filter((d) => d.isDirectory())) {
      for (const f of await readdir(join(CORPUS, dir.name))) files.push(`${dir.name}/${f}`);
    }
    files.sort();
    out.push({ name: `corpus (${files.length} files)`, rounds: 5, list: files.map((f) => ({ name: f.split('/').pop() ?? f, url: `/corpus/${f.split('/').map(encodeURIComponent).join('/')}` })) });
  }
  return out;
}

// ---------------------------------------------------------------- throughput

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} base
 */
async function throughput(browser, base) {
  const page = await newPage(browser, base);
  await page.goto(`${base}/bench/page.html`);
  await page.waitForFunction(() => /** @type {any} */ (window).bench?.ready);
  /** @type {Record<string, string[]>} */
  const all = await page.evaluate(() => /** @type {any} */ (window).bench.pipelines());
  const names = Object.keys(all).filter((n) => !ONLY || ONLY.some((o) => n.startsWith(o)) || n.startsWith('marked'));
  const results = [];
  for (const group of await groups()) {
    const info = await page.evaluate(([g, l]) => /** @type {any} */ (window).bench.load(g, l), /** @type {const} */ ([group.name, group.list]));
    for (const mode of /** @type {const} */ (['html', 'dom'])) {
      const here = names.filter((n) => all[n].includes(mode));
      /** Iterations per batch so that one batch takes ≥ 40 ms. @type {Record<string, number>} */
      const iterations = {};
      for (const p of here) {
        const { ms } = await page.evaluate(([g, p, m]) => /** @type {any} */ (window).bench.time(g, p, m, 1), /** @type {const} */ ([group.name, p, mode]));
        iterations[p] = Math.max(1, Math.min(2000, Math.ceil(40 / Math.max(ms, 0.01))));
      }
      /** @type {Record<string, number[]>} */
      const times = Object.fromEntries(here.map((p) => [p, []]));
      for (let r = 0; r < group.rounds; r++) {
        // Rotate the order each round so no pipeline always runs first (or after a GC-heavy one).
        const order = here.map((_, i) => here[(i + r) % here.length]);
        for (const p of order) {
          const { ms } = await page.evaluate(([g, p, m, k]) => /** @type {any} */ (window).bench.time(g, p, m, k), /** @type {const} */ ([group.name, p, mode, iterations[p]]));
          times[p].push(ms);
        }
      }
      const reference = times['marked → DOMPurify'];
      for (const p of here) {
        const ms = summary(times[p]);
        const mbps = summary(times[p].map((t) => info.bytes / t / 1000));
        const vsMarked = reference ? summary(times[p].map((t, r) => reference[r] / t)) : null;
        results.push({ group: group.name, files: info.files, bytes: info.bytes, mode, pipeline: p, rounds: group.rounds, iterations: iterations[p], ms, mbps, vsMarked });
      }
      printGroup(group.name, info.bytes, mode, results.filter((x) => x.group === group.name && x.mode === mode));
    }
  }
  await page.context().close();
  return results;
}

/** @param {string} group @param {number} bytes @param {string} mode @param {any[]} rows */
function printGroup(group, bytes, mode, rows) {
  console.log(`\n${group}  (${fmt(bytes / KB)} KiB, ${mode === 'html' ? 'to sanitized HTML string' : 'to inserted DOM nodes'})`);
  for (const r of rows) {
    const ratio = r.vsMarked ? `${fmt(r.vsMarked.median)}× [${fmt(r.vsMarked.min)}–${fmt(r.vsMarked.max)}]` : '';
    console.log(`  ${r.pipeline.padEnd(26)} ${fmt(r.ms.median, 3).padStart(8)} ms [${fmt(r.ms.min, 3)}–${fmt(r.ms.max, 3)}]`.padEnd(62) +
      `${fmt(r.mbps.median).padStart(7)} MB/s   ${ratio}`);
  }
}

/** Log-log slope of time vs size, per kind, pipeline and mode, over the generated sizes. @param {any[]} results */
function slopes(results) {
  const out = [];
  for (const kind of KINDS) {
    for (const mode of ['html', 'dom']) {
      const rows = results.filter((r) => r.group.startsWith(`${kind}-`) && r.mode === mode);
      for (const p of new Set(rows.map((r) => r.pipeline))) {
        const pts = rows.filter((r) => r.pipeline === p);
        if (pts.length < 3) continue;
        out.push({ kind, mode, pipeline: p, slope: logLogSlope(pts.map((r) => r.bytes), pts.map((r) => r.ms.median)), from: pts[0].group.slice(kind.length + 1), to: pts[pts.length - 1].group.slice(kind.length + 1) });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- cold start

/**
 * Runs in the page before its scripts: records when the article title appears
 * (`__title`) and when the frame after it was painted (`__painted`).
 */
function markTitleShown() {
  const w = /** @type {any} */ (window);
  const observer = new MutationObserver(() => {
    const h = document.querySelector('[data-testid="article-title"]');
    if (!h || !h.textContent) return;
    observer.disconnect();
    w.__title = performance.now();
    requestAnimationFrame(() => setTimeout(() => { w.__painted = performance.now(); }, 0));
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/**
 * Fresh context (empty HTTP cache, no code cache) → the article's title in the DOM, and
 * the frame after it. Folio's viewer with its demo vs the marked + DOMPurify page.
 * @param {import('playwright-core').Browser} browser
 * @param {string} base
 */
async function coldStart(browser, base) {
  const targets = { 'Folio viewer (www/)': `${base}/www/`, 'marked + DOMPurify page': `${base}/bench/cold-marked.html` };
  /** @type {Record<string, { title: number[], painted: number[] }>} */
  const times = Object.fromEntries(Object.keys(targets).map((k) => [k, { title: [], painted: [] }]));
  const rounds = QUICK ? 3 : 9;
  for (let r = 0; r < rounds; r++) {
    for (const [name, url] of Object.entries(targets)) {
      const page = await newPage(browser, base);
      await page.addInitScript(markTitleShown);
      await page.goto(url);
      const t = await page.waitForFunction(() => { const w = /** @type {any} */ (window); return w.__painted && { title: w.__title, painted: w.__painted }; }, null, { timeout: 20_000 });
      const v = /** @type {{ title: number, painted: number }} */ (await t.jsonValue());
      times[name].title.push(v.title);
      times[name].painted.push(v.painted);
      await page.context().close();
    }
  }
  const out = Object.entries(times).map(([name, t]) => ({ page: name, title: summary(t.title), painted: summary(t.painted) }));
  console.log('\nCold start (fresh context → article title in the DOM / next frame), ms');
  for (const c of out) console.log(`  ${c.page.padEnd(26)} title ${fmt(c.title.median)} [${fmt(c.title.min)}–${fmt(c.title.max)}]   painted ${fmt(c.painted.median)} [${fmt(c.painted.min)}–${fmt(c.painted.max)}]`);
  return out;
}

// ---------------------------------------------------------------- memory and long tasks

/** @param {import('playwright-core').Browser} browser @param {string} base */
async function memory(browser, base) {
  const out = [];
  for (const kind of KINDS) {
    // A fresh page per kind: WebAssembly memory only grows, so rendering the sizes in
    // increasing order gives the peak each size needs (load() renders each file once).
    const page = await newPage(browser, base);
    await page.goto(`${base}/bench/page.html`);
    await page.waitForFunction(() => /** @type {any} */ (window).bench?.ready);
    await page.evaluate(() => /** @type {any} */ (window).bench.load('init', []));
    const initial = await page.evaluate(() => /** @type {any} */ (window).bench.wasmMemory());
    const rows = [];
    for (const size of SIZES.filter((s) => !QUICK || s <= 1 << 20)) {
      const item = { name: `${kind}-${label(size)}.md`, url: `/gen/${kind}-${label(size)}.md` };
      const info = await page.evaluate(([g, l]) => /** @type {any} */ (window).bench.load(g, l), /** @type {const} */ ([item.name, [item]]));
      const bytes = await page.evaluate(() => /** @type {any} */ (window).bench.wasmMemory());
      rows.push({ input: item.name, bytes: info.bytes, memory: bytes, perInput: bytes / info.bytes });
    }
    await page.context().close();
    out.push({ kind, initial, rows });
  }
  console.log('\nPeak WebAssembly memory after rendering each size (memory.buffer.byteLength), MiB');
  for (const k of out) {
    console.log(`  ${k.kind.padEnd(9)} after init ${fmt(k.initial / (1 << 20))}; ` + k.rows.map((r) => `${r.input.replace(/^\w+-|\.md$/g, '')}: ${fmt(r.memory / (1 << 20))}`).join(', '));
  }
  return out;
}

/** @param {import('playwright-core').Browser} browser @param {string} base */
async function longTasks(browser, base) {
  const size = QUICK ? 1 << 20 : 10 << 20;
  const item = { name: `markdown-${label(size)}.md`, url: `/gen/markdown-${label(size)}.md` };
  const out = [];
  for (const where of ['main', 'worker']) {
    const page = await newPage(browser, base);
    await page.goto(`${base}/bench/page.html`);
    await page.waitForFunction(() => /** @type {any} */ (window).bench?.ready);
    await page.evaluate(([l]) => /** @type {any} */ (window).bench.load('long', l), /** @type {const} */ ([[item]]));
    const r = await page.evaluate(([w]) => /** @type {any} */ (window).bench.longTasks('long', w), /** @type {const} */ ([where]));
    out.push({ where, input: item.name, ...r });
    await page.context().close();
  }
  console.log(`\nMain-thread long tasks (>50 ms) while ${item.name} renders`);
  for (const r of out) console.log(`  ${r.where === 'main' ? 'render() on the main thread' : 'www/folio-worker.js'}`.padEnd(32) + `${r.count} long tasks, ${fmt(r.total)} ms in total, longest ${fmt(r.max)} ms; done after ${fmt(r.ms)} ms`);
  const viewer = [];
  for (const worker of [true, false]) viewer.push({ where: worker ? 'viewer' : 'viewer, no worker', input: item.name, ...await viewerLongTasks(browser, base, item.url, worker) });
  console.log(`\nMain-thread long tasks (>50 ms) while the viewer (www/?src=) opens ${item.name}, from navigation to the article shown`);
  for (const r of viewer) {
    console.log(`  ${r.where === 'viewer' ? 'viewer (big files in the worker)' : 'viewer, worker blocked'}`.padEnd(36) +
      `${r.count} long tasks, ${fmt(r.total)} ms in total, longest ${fmt(r.max)} ms; shown after ${fmt(r.ms)} ms (tasks: ${r.tasks.map((/** @type {number} */ t) => fmt(t)).join(', ')} ms)`);
  }
  return [...out, ...viewer];
}

/**
 * The viewer page itself opening `url` with ?src=: every main-thread long task from
 * navigation until the article is shown (its title in the DOM, then a frame), in order.
 * The worker takes render() off the main thread; building the article's DOM and laying
 * it out stay there (the last one or two tasks either way).
 * With `worker` false the worker script is refused, so the viewer falls back to render()
 * on the main thread: the figure from before the viewer used the worker.
 * @param {import('playwright-core').Browser} browser
 * @param {string} base
 * @param {string} url
 * @param {boolean} worker
 */
async function viewerLongTasks(browser, base, url, worker) {
  const page = await newPage(browser, base);
  if (!worker) await page.route('**/www/folio-worker.js', (route) => route.abort('blockedbyclient'));
  await page.addInitScript(() => {
    const w = /** @type {any} */ (window);
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.addInitScript(markTitleShown);
  await page.goto(`${base}/www/?src=${encodeURIComponent(url)}`);
  await page.waitForFunction(() => /** @type {any} */ (window).__painted, null, { timeout: 300_000 });
  // Long-task entries are delivered a little after the task ends.
  await new Promise((r) => setTimeout(r, 300));
  const r = await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    /** @type {{ start: number, duration: number }[]} */
    const tasks = w.__longTasks.filter((/** @type {{ start: number }} */ t) => t.start <= w.__painted);
    const durations = tasks.map((t) => t.duration);
    return { ms: w.__painted, count: tasks.length, total: durations.reduce((a, b) => a + b, 0), max: Math.max(0, ...durations), tasks: durations };
  });
  await page.context().close();
  return { worker, ...r };
}

// ---------------------------------------------------------------- sizes

/** @param {string[]} files relative to ROOT */
function compressed(files) {
  let raw = 0, gzip = 0, brotli = 0;
  for (const f of files) {
    const b = readFileSync(join(ROOT, f));
    raw += b.length;
    gzip += gzipSync(b, { level: 9 }).length;
    brotli += brotliCompressSync(b, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: b.length } }).length;
  }
  return { files, raw, gzip, brotli };
}

function sizes() {
  // The viewer's whole module graph (scripts/dist.mjs walks app.js's imports).
  const shellJs = VIEWER_MODULES.map((path) => `www/${path}`);
  const out = {
    'folio wasm': compressed(['www/pkg/folio_bg.wasm']),
    'folio glue (pkg/folio.js)': compressed(['www/pkg/folio.js']),
    'folio shell JS (www/*.js)': compressed(shellJs),
    'folio glue + shell JS': compressed(['www/pkg/folio.js', ...shellJs]),
    'folio glue + shell JS + html + css': compressed(['www/pkg/folio.js', ...shellJs, 'www/index.html', 'www/style.css']),
    'marked + DOMPurify (as served here)': compressed(['node_modules/marked/lib/marked.esm.js', 'node_modules/dompurify/dist/purify.es.mjs']),
    'marked (UMD) + DOMPurify (min)': compressed(['node_modules/marked/lib/marked.umd.js', 'node_modules/dompurify/dist/purify.min.js']),
    'markdown-it (min) + DOMPurify (min)': compressed(['node_modules/markdown-it/dist/browser/markdown-it.esm.min.mjs', 'node_modules/dompurify/dist/purify.min.js']),
    'markdown-wasm (js + wasm) + DOMPurify (min)': compressed(['node_modules/markdown-wasm/dist/markdown.es.js', 'node_modules/markdown-wasm/dist/markdown.wasm', 'node_modules/dompurify/dist/purify.min.js']),
  };
  console.log('\nTransferred bytes (each file compressed on its own: gzip -9, brotli q11), KiB');
  for (const [name, s] of Object.entries(out)) console.log(`  ${name.padEnd(44)} raw ${fmt(s.raw / KB).padStart(6)}   gzip ${fmt(s.gzip / KB).padStart(6)}   brotli ${fmt(s.brotli / KB).padStart(6)}`);
  return out;
}

// ---------------------------------------------------------------- goals

/** The issue's goals, each with the figure that decides it. Printed, never enforced. */
function goals(/** @type {any} */ r) {
  const budget = readFileSync(join(ROOT, 'wasm-pack.toml'), 'utf8');
  const wasmBudget = Number(/wasm-gzip-kb\s*=\s*(\d+)/.exec(budget)?.[1] ?? 250);
  const jsBudget = Number(/js-gzip-kb\s*=\s*(\d+)/.exec(budget)?.[1] ?? 15);
  const tp = r.throughput ?? [];
  const min = (/** @type {string} */ mode, /** @type {(x: any) => number | undefined} */ f) => {
    const v = tp.filter((/** @type {any} */ x) => x.pipeline === 'folio' && x.mode === mode).map(f).filter((/** @type {any} */ x) => x !== undefined);
    return v.length ? Math.min(...v) : undefined;
  };
  const domVsParser = tp.filter((/** @type {any} */ x) => x.pipeline === 'folio' && x.mode === 'dom').map((/** @type {any} */ x) => {
    const floor = tp.find((/** @type {any} */ y) => y.pipeline === 'DOMParser (floor)' && y.group === x.group);
    return floor ? floor.ms.median / x.ms.median : undefined;
  }).filter((/** @type {any} */ x) => x !== undefined);
  const cold = r.cold ?? [];
  const coldFolio = cold.find((/** @type {any} */ c) => c.page.startsWith('Folio'))?.painted.median;
  const coldMarked = cold.find((/** @type {any} */ c) => c.page.startsWith('marked'))?.painted.median;
  const slope = Math.max(...(r.slopes ?? []).filter((/** @type {any} */ s) => s.pipeline === 'folio' && s.mode === 'html').map((/** @type {any} */ s) => s.slope));
  const bigMem = (r.memory ?? []).flatMap((/** @type {any} */ k) => k.rows.filter((/** @type {any} */ row) => row.bytes >= 1 << 20).map((/** @type {any} */ row) => row.memory / row.bytes));
  const list = [
    { goal: '≥ 8× marked → DOMPurify, as HTML string (worst input)', value: min('html', (x) => x.vsMarked?.median), ok: (/** @type {number} */ v) => v >= 8, unit: '×' },
    { goal: '≥ 4× marked → DOMPurify, as inserted DOM (worst input)', value: min('dom', (x) => x.vsMarked?.median), ok: (/** @type {number} */ v) => v >= 4, unit: '×' },
    { goal: 'faster than DOMParser on its own output (worst input, DOM mode)', value: domVsParser.length ? Math.min(...domVsParser) : undefined, ok: (/** @type {number} */ v) => v >= 1, unit: '× DOMParser speed' },
    { goal: `wasm ≤ ${wasmBudget} KB gzip`, value: r.sizes?.['folio wasm'].gzip / KB, ok: (/** @type {number} */ v) => v <= wasmBudget, unit: 'KiB' },
    { goal: `JS glue + shell ≤ ${jsBudget} KB gzip`, value: r.sizes?.['folio glue + shell JS'].gzip / KB, ok: (/** @type {number} */ v) => v <= jsBudget, unit: 'KiB' },
    { goal: 'cold start within 30 ms of the marked page', value: coldFolio !== undefined && coldMarked !== undefined ? coldFolio - coldMarked : undefined, ok: (/** @type {number} */ v) => v <= 30, unit: 'ms slower' },
    { goal: 'cold start under 150 ms', value: coldFolio, ok: (/** @type {number} */ v) => v < 150, unit: 'ms' },
    { goal: 'scaling slope ≤ 1.1 (1 KB → 10 MB, HTML string)', value: Number.isFinite(slope) ? slope : undefined, ok: (/** @type {number} */ v) => v <= 1.1, unit: '' },
    { goal: 'peak memory ≤ 4× input + a few MB (1 MB and up)', value: bigMem.length ? Math.max(...bigMem) : undefined, ok: (/** @type {number} */ v) => v <= 4.5, unit: '× input (total memory)' },
  ];
  console.log('\nGoals (reported, not enforced)');
  for (const g of list) {
    const state = g.value === undefined ? 'not measured' : g.ok(g.value) ? 'met' : 'NOT met';
    console.log(`  ${state.padEnd(13)} ${g.goal}${g.value === undefined ? '' : `: ${fmt(g.value)} ${g.unit}`}`);
  }
  return list.map((g) => ({ goal: g.goal, value: g.value ?? null, unit: g.unit, met: g.value === undefined ? null : g.ok(g.value) }));
}

// ---------------------------------------------------------------- main

/** A page in a fresh context, kept off the network like the test harness does. @param {import('playwright-core').Browser} browser @param {string} base */
async function newPage(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  context.setDefaultTimeout(600_000);
  await context.route((url) => !url.href.startsWith(base), (route) => route.abort('blockedbyclient'));
  const page = await context.newPage();
  page.on('pageerror', (e) => { console.error(`page error: ${e.message}`); process.exitCode = 1; });
  // Requests off loopback (media in sanitized corpus HTML) are refused on purpose.
  page.on('console', (m) => { if (m.type() === 'error' && !/ERR_BLOCKED_BY_CLIENT/.test(m.text())) console.error(`console: ${m.text()}`); });
  return page;
}

async function main() {
  await stat(join(ROOT, 'www/pkg/folio_bg.wasm')).catch(() => { throw new Error('www/pkg is missing: run scripts/build-wasm.sh (make build) first.'); });
  const started = Date.now();
  const { server, base } = /** @type {{ server: import('node:http').Server, base: string }} */ (await startServer());
  const browser = await chromium.launch(LAUNCH);
  /** @type {any} */
  const result = {
    date: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model, cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), os: release(), node: process.version, chromium: browser.version() },
    options: { quick: QUICK, only: ONLY ?? null },
    units: { ms: 'milliseconds per article (per pass over the group)', mbps: 'MB (10^6 bytes) of input per second', vsMarked: 'time of marked → DOMPurify / time of this pipeline, round by round' },
  };
  try {
    console.log(`Folio benchmark on ${result.machine.cpu} (${result.machine.cores} cores), Chromium ${result.machine.chromium}${QUICK ? ' — quick run' : ''}`);
    if (!SKIP.has('sizes')) result.sizes = sizes();
    result.throughput = await throughput(browser, base);
    result.slopes = slopes(result.throughput);
    console.log('\nScaling: log-log slope of time vs size');
    for (const s of result.slopes) console.log(`  ${s.kind.padEnd(9)} ${s.mode.padEnd(5)} ${s.pipeline.padEnd(26)} ${s.slope.toFixed(2)}  (${s.from} → ${s.to})`);
    if (!SKIP.has('cold')) result.cold = await coldStart(browser, base);
    if (!SKIP.has('memory')) result.memory = await memory(browser, base);
    if (!SKIP.has('longtasks')) result.longTasks = await longTasks(browser, base);
    result.goals = goals(result);
    result.seconds = Math.round((Date.now() - started) / 1000);
    await mkdir(join(OUT, '..'), { recursive: true });
    await writeFile(OUT, JSON.stringify(result, null, 1) + '\n');
    console.log(`\n${relative(process.cwd(), OUT)} written; ${result.seconds} s in all.`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(`bench: ${e.stack ?? e}`);
  process.exit(1);
});
