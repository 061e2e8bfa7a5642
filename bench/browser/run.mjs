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
// whose names start with these), --out FILE, --skip SECTIONS, --just SECTIONS (sections:
// sizes, throughput, cold, repeat, memory, longtasks, drop).

import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, readdir, mkdir, writeFile, stat } from 'node:fs/promises';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release, tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { chromium } from 'playwright-core';
import { generate, SIZES, KINDS } from './generate.mjs';
import { sizesByCrate } from './wasm-sizes.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = await import(pathToFileURL(join(ROOT, 'scripts', 'dist.mjs')).href);
/** The viewer's own JS modules, relative to www/ (found from the root, wherever this file is). */
const VIEWER_MODULES = await DIST.moduleGraph(['app.js']);
const CORPUS = resolve(ROOT, '../shared/corpus');
const SAMPLES = resolve(ROOT, '../shared/samples');
/** The npm package as `make build` writes it (scripts/dist.mjs). */
const NPM = join(ROOT, 'dist', 'npm');
const SAMPLE = 'sina-cross-border-ecommerce.md';

const argv = process.argv.slice(2);
const flag = (/** @type {string} */ name) => argv.includes(name);
const option = (/** @type {string} */ name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const QUICK = flag('--quick');
const ONLY = option('--only')?.split(',');
const SKIP = new Set(option('--skip')?.split(',') ?? []);
const JUST = option('--just') ? new Set(option('--just')?.split(',')) : null;
/** Whether a section runs (`--just`, `--skip`). @param {string} name */
const runs = (name) => (!JUST || JUST.has(name)) && !SKIP.has(name);
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
/** The Markdown article of the cold-start runs: a typical post (YAML front matter, a date,
 * lists, links; no raw HTML), read in place from the corpus. */
const COLD_MARKDOWN = '/corpus/jekyll/jekyll-news-2020-05-27-jekyll-4-1-0-released.markdown';
/** The sample, whose body is scraped HTML. */
const COLD_SAMPLE = `/samples/${SAMPLE}`;
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
  const mounts = [['/www/', join(ROOT, 'www')], ['/npm/', NPM], ['/bench/', join(ROOT, 'bench/browser')], ['/corpus/', CORPUS], ['/samples/', SAMPLES],
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

/**
 * A generated input by its path (`/gen/markdown-10MB.md`), made on first request.
 * @param {string} path
 * @returns {Uint8Array | undefined}
 */
function generatedInput(path) {
  const match = /^\/gen\/(markdown|html)-(\d+)(KB|MB)\.md$/.exec(path);
  if (!match) return undefined;
  const bytes = generate(/** @type {typeof KINDS[number]} */ (match[1]), Number(match[2]) * (match[3] === 'MB' ? 1 << 20 : 1 << 10));
  generated.set(path, bytes);
  return bytes;
}

/**
 * A page with one `<folio-article>` showing `src`, as a site would embed it: the element
 * from www/ as served (readable modules), or from the npm package (`script`: its bundle).
 * @param {string} src
 * @param {string} [script]
 */
function elementPage(src, script = '/www/folio-article.js') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; require-trusted-types-for 'script'; trusted-types folio">
<title>One article, embedded</title><script type="module" src="${script}"></script></head>
<body><main><folio-article src="${src.replace(/[&"<>]/g, '')}"></folio-article></main></body></html>`;
}

function startServer() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname);
    try {
      let body = generated.get(path) ?? generatedInput(path);
      let type = 'text/markdown; charset=utf-8';
      if (path === '/bench/cold-element.html' || path === '/bench/cold-element-npm.html') {
        body = Buffer.from(elementPage(url.searchParams.get('src') ?? '', path.endsWith('-npm.html') ? '/npm/folio-article.js' : undefined));
        type = TYPES['.html'];
      } else if (!body) {
        const file = fileFor(path.endsWith('/') ? `${path}index.html` : path);
        if (!file) throw Object.assign(new Error('not served'), { code: 'ENOENT' });
        body = await readFile(file);
        type = TYPES[/** @type {keyof TYPES} */ (extname(file))] ?? 'application/octet-stream';
      }
      // Revalidated every time (no-cache), answered 304 when unchanged: what a static host
      // does, and what lets a repeat visit use the browser's caches (compiled code included).
      const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag, 'cache-control': 'no-cache' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', etag });
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
 * (`__title`) and when the frame after it was painted (`__painted`): in the page's own
 * DOM, or inside a `<folio-article>` (whose `folio-rendered` fires once it is drawn).
 */
function markTitleShown() {
  const w = /** @type {any} */ (window);
  const shown = () => {
    if (w.__title) return;
    observer.disconnect();
    w.__title = performance.now();
    requestAnimationFrame(() => setTimeout(() => { w.__painted = performance.now(); }, 0));
  };
  const observer = new MutationObserver(() => {
    const h = document.querySelector('[data-testid="article-title"]');
    if (h && h.textContent) shown();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener('folio-rendered', shown);
}

/**
 * Runs in the page before its scripts: how long the core's compilation takes
 * (`__compileMs`: from WebAssembly.compileStreaming's call to its module, download
 * included), so that a repeat visit shows whether the compiled code came from the cache.
 */
function timeCompile() {
  const w = /** @type {any} */ (window);
  const streaming = WebAssembly.compileStreaming;
  WebAssembly.compileStreaming = function compileStreaming(source) {
    const started = performance.now();
    const compiled = streaming.call(WebAssembly, source);
    compiled.then(() => { w.__compileMs = (w.__compileMs ?? 0) + performance.now() - started; }, () => {});
    return compiled;
  };
}

/** The pages of the cold-start runs, for an article's URL. @type {Record<string, (src: string) => string>} */
const COLD_PAGES = {
  'Folio viewer (www/?src=)': (src) => `/www/?src=${encodeURIComponent(src)}`,
  'Folio element (<folio-article src>)': (src) => `/bench/cold-element.html?src=${encodeURIComponent(src)}`,
  // How a site embeds it: the npm package's minified bundle (dist/npm, `make build`); where
  // it is not built the row is left out. The goals read the rows above (www/ as served).
  ...(existsSync(join(NPM, 'folio-article.js')) ? { 'Folio npm element (dist/npm)': (/** @type {string} */ src) => `/bench/cold-element-npm.html?src=${encodeURIComponent(src)}` } : {}),
  'marked + DOMPurify page': (src) => `/bench/cold-marked.html?src=${encodeURIComponent(src)}`,
};
/** The articles of the cold-start runs. */
const COLD_ARTICLES = { 'Markdown post': COLD_MARKDOWN, 'the sample (HTML body)': COLD_SAMPLE };

/**
 * Fresh context (empty HTTP cache, no code cache) → the article's title in the DOM, and
 * the frame after it: Folio's viewer and element against the marked + DOMPurify page, for
 * a Markdown post and for the sample; pages interleaved round by round.
 * @param {import('playwright-core').Browser} browser
 * @param {string} base
 */
async function coldStart(browser, base) {
  /** @type {{ article: string, page: string, url: string, title: number[], painted: number[], core: Set<string> }[]} */
  const cells = Object.entries(COLD_ARTICLES).flatMap(([article, src]) =>
    Object.entries(COLD_PAGES).map(([page, url]) => ({ article, page, url: `${base}${url(src)}`, title: [], painted: [], core: new Set() })));
  const rounds = QUICK ? 3 : 9;
  for (let r = 0; r < rounds; r++) {
    for (const cell of cells) {
      const page = await newPage(browser, base);
      await page.addInitScript(markTitleShown);
      // Which of the core's modules the page (and its workers) fetched by the time the title showed.
      /** @type {string[]} */
      const core = [];
      page.context().on('request', (request) => { const m = /\/pkg\/(folio\w*\.wasm)$/.exec(request.url()); if (m) core.push(m[1]); });
      await page.goto(cell.url);
      const t = await page.waitForFunction(() => { const w = /** @type {any} */ (window); return w.__painted && { title: w.__title, painted: w.__painted }; }, null, { timeout: 20_000 });
      const v = /** @type {{ title: number, painted: number }} */ (await t.jsonValue());
      cell.title.push(v.title);
      cell.painted.push(v.painted);
      for (const wasm of core) cell.core.add(wasm);
      await page.context().close();
    }
  }
  const out = cells.map((c) => ({ article: c.article, page: c.page, title: summary(c.title), painted: summary(c.painted), core: [...c.core].sort() }));
  console.log('\nCold start (fresh context → article title in the DOM / next frame), ms, and × the marked page (painted, medians)');
  for (const article of Object.keys(COLD_ARTICLES)) {
    const marked = out.find((c) => c.article === article && c.page.startsWith('marked'))?.painted.median ?? NaN;
    console.log(`  ${article}`);
    for (const c of out.filter((x) => x.article === article)) {
      console.log(`    ${c.page.padEnd(38)} title ${fmt(c.title.median)} [${fmt(c.title.min)}–${fmt(c.title.max)}]   painted ${fmt(c.painted.median)} [${fmt(c.painted.min)}–${fmt(c.painted.max)}]` +
        (c.page.startsWith('marked') ? '' : `   ${fmt(c.painted.median / marked)}×   core: ${c.core.join(', ') || 'none'}`));
    }
  }
  return out;
}

/**
 * The v8.wasm code-cache events of a trace (Chromium's timeline: `compiledModule`, the
 * module compiled in full; `cachedModule`, its code written to the cache; `moduleCacheHit`,
 * the code read from it; `moduleCacheInvalid`, found stale), each with its module's file
 * name and the cached code's size, in the order they came.
 * @param {any[]} events
 * @returns {{ event: string, module: string, bytes?: number }[]}
 */
function wasmCacheEvents(events) {
  return events
    .filter((e) => /^v8\.wasm\.(compiledModule|cachedModule|moduleCacheHit|moduleCacheInvalid)$/.test(e.name))
    .sort((a, b) => a.ts - b.ts)
    .map((e) => {
      const data = e.args?.data ?? e.args ?? {};
      const bytes = data.producedCachedSize ?? data.consumedCachedSize;
      // `cachedModule` names no module: the one compiled just before it is the one cached.
      return { event: e.name.slice('v8.wasm.'.length), module: String(data.url ?? '').replace(/^.*\//, ''), ...(bytes ? { bytes } : {}) };
    });
}

/**
 * A repeat visit: the same page three times in one persistent profile (a real disk cache,
 * where the browser keeps compiled WebAssembly), a few seconds apart; the time to the
 * painted title and what compiling the core took each time.
 * @param {string} base
 */
async function repeatVisits(base) {
  const out = [];
  for (const [name, url] of Object.entries({ viewer: COLD_PAGES['Folio viewer (www/?src=)'](COLD_MARKDOWN), element: COLD_PAGES['Folio element (<folio-article src>)'](COLD_MARKDOWN) })) {
    const profile = mkdtempSync(join(tmpdir(), 'folio-bench-profile-'));
    const context = await chromium.launchPersistentContext(profile, { ...LAUNCH, viewport: { width: 1200, height: 900 } });
    try {
      await context.route((u) => !u.href.startsWith(base), (route) => route.abort('blockedbyclient'));
      await context.addInitScript(markTitleShown);
      await context.addInitScript(timeCompile);
      const visits = [];
      for (let visit = 1; visit <= 3; visit++) {
        const page = await context.newPage();
        // The browser's own word on its code cache: the timeline's v8.wasm events (a module
        // compiled, written to the cache, found in it, or found stale), by module file.
        const cdp = await context.newCDPSession(page);
        /** @type {any[]} */
        const events = [];
        cdp.on('Tracing.dataCollected', (/** @type {any} */ e) => { events.push(...e.value); });
        await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
        await page.goto(`${base}${url}`);
        const t = await page.waitForFunction(() => { const w = /** @type {any} */ (window); return w.__painted && w.__compileMs !== undefined && { painted: w.__painted, compile: w.__compileMs }; }, null, { timeout: 20_000 });
        const timing = /** @type {{ painted: number, compile: number }} */ (await t.jsonValue());
        // The browser writes compiled code to its cache some time after compiling.
        await new Promise((resolve) => setTimeout(resolve, 4000));
        const ended = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
        await cdp.send('Tracing.end');
        await ended;
        visits.push({ ...timing, cache: wasmCacheEvents(events) });
        await page.close();
      }
      // What the browser kept on disk: compiled WebAssembly, beside the cache's index files.
      const wasmCache = join(profile, 'Default', 'Code Cache', 'wasm');
      const wasmCacheEntries = existsSync(wasmCache) ? readdirSync(wasmCache).filter((f) => /_\d+$/.test(f)).length : 0;
      out.push({ page: name, visits, wasmCacheEntries });
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  console.log('\nRepeat visits (one profile, the Markdown post; 304s from the server): painted title / compiling the core, ms; the code cache as the browser traced it');
  for (const r of out) {
    console.log(`  ${r.page.padEnd(10)} ${r.visits.map((v, i) => `visit ${i + 1}: ${fmt(v.painted)} / ${fmt(v.compile)}`).join('   ')}`);
    r.visits.forEach((v, i) => console.log(`             visit ${i + 1}: ${v.cache.map((e) => `${e.event}${e.module ? ` ${e.module}` : ''}${e.bytes ? ` (${Math.round(e.bytes / 1024)} KiB)` : ''}`).join(', ') || 'nothing compiled in full, written to the code cache or read from it'}`));
    console.log(`             compiled WebAssembly in the profile's code cache after the visits: ${r.wasmCacheEntries} entries`);
  }
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
  return out;
}

// ---------------------------------------------------------------- a big file dropped

/** Runs in the page before its scripts: every long task (>50 ms), with its start. */
function recordLongTasks() {
  const w = /** @type {any} */ (window);
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * The Chromium processes' ids by type (the browser's own view of them).
 * @param {import('playwright-core').Browser} browser
 * @returns {Promise<{ type: string, id: number, cpuTime: number }[]>}
 */
async function processes(browser) {
  const cdp = await browser.newBrowserCDPSession();
  try {
    return (await cdp.send('SystemInfo.getProcessInfo')).processInfo;
  } finally {
    await cdp.detach();
  }
}

/**
 * A process's resident memory now and at its peak since the last reset, in bytes (Linux).
 * @param {number} pid
 */
function residentMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (/** @type {string} */ key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { now: kb('VmRSS'), peak: kb('VmHWM') };
}

/**
 * The viewer with a big file dropped on it, as a reader would: the file's bytes are in the
 * page first, then the drop; every main-thread long task from the drop until the first
 * screen (title in the DOM, then a frame) and until the whole body is built; and the
 * tab's memory (its renderer process, which holds the render worker too): resident before
 * the drop, and the peak from the drop until the body is built.
 * @param {import('playwright-core').Browser} browser
 * @param {string} base
 * @param {{ url: string, name: string }} item
 * @param {boolean} worker  False: the worker script is refused, render() runs on the main thread.
 */
async function dropBig(browser, base, item, worker) {
  const page = await newPage(browser, base);
  if (!worker) await page.route('**/www/folio-worker.js', (route) => route.abort('blockedbyclient'));
  await page.addInitScript(recordLongTasks);
  await page.goto(`${base}/www/?src=`);
  await page.getByTestId('welcome').waitFor();
  const bytes = await page.evaluate(async (url) => {
    const w = /** @type {any} */ (window);
    w.__file = new File([await (await fetch(url)).arrayBuffer()], url.split('/').pop() ?? 'big.md');
    return w.__file.size;
  }, item.url);
  // Every renderer's memory now, and its peak reset to now (VmHWM); the tab's renderer is
  // the one that grows (the others sit idle).
  await new Promise((resolve) => setTimeout(resolve, 500));
  const renderers = (await processes(browser)).filter((p) => p.type === 'renderer');
  /** @type {Map<number, number>} */
  const before = new Map();
  for (const { id } of renderers) {
    try {
      before.set(id, residentMemory(id).now);
      writeFileSync(`/proc/${id}/clear_refs`, '5');
    } catch {
      // Not this machine's kind of /proc (or gone): no memory figure.
    }
  }
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    const observer = new MutationObserver(() => {
      if (!w.__title && document.querySelector('[data-testid="article-title"]')?.textContent) {
        w.__title = performance.now();
        requestAnimationFrame(() => setTimeout(() => { w.__painted = performance.now(); }, 0));
      }
      const body = document.querySelector('[data-testid="article-body"]');
      if (w.__title && !w.__built && body && !body.hasAttribute('aria-busy')) {
        w.__built = performance.now();
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => { w.__complete = performance.now(); }, 0));
      }
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
    const transfer = new DataTransfer();
    transfer.items.add(w.__file);
    const zone = /** @type {HTMLElement} */ (document.querySelector('[data-testid="dropzone"]'));
    w.__dropped = performance.now();
    for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
  });
  await page.waitForFunction(() => /** @type {any} */ (window).__painted, null, { timeout: 300_000 });
  /** Each renderer's resident memory at the first screen. @type {Map<number, number>} */
  const atFirstScreen = new Map([...before.keys()].map((id) => [id, residentMemory(id).now]));
  await page.waitForFunction(() => /** @type {any} */ (window).__complete, null, { timeout: 300_000 });
  // Rich content (code bars and highlighting, tables, images…) once the whole body is in.
  await page.waitForFunction(() => {
    const w = /** @type {any} */ (window);
    if (document.querySelector('[data-testid="article-body"][data-enhanced]')) w.__enhanced ??= performance.now();
    return w.__enhanced;
  }, null, { timeout: 300_000, polling: 50 });
  // Long-task entries are delivered a little after the task ends.
  await new Promise((r) => setTimeout(r, 500));
  const grown = [...before].map(([id, was]) => ({ id, before: was, first: atFirstScreen.get(id) ?? NaN, ...residentMemory(id) }))
    .sort((a, b) => (b.peak - b.before) - (a.peak - a.before))[0];
  // Where the memory is once the body is built: the main thread's JS heap (the Article, its
  // HTML string, the file's bytes), the DOM's nodes, and the rest of the process.
  const cdp = await page.context().newCDPSession(page);
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  await cdp.detach();
  const r = await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    /** @type {{ start: number, duration: number }[]} */
    const all = w.__longTasks.filter((/** @type {{ start: number, duration: number }} */ t) => t.start + t.duration >= w.__dropped);
    const until = (/** @type {number} */ end) => all.filter((t) => t.start <= end).map((t) => Math.round(t.duration));
    return {
      firstScreen: w.__painted - w.__dropped, complete: w.__complete - w.__dropped, enhanced: w.__enhanced - w.__dropped,
      toFirstScreen: until(w.__painted), toComplete: until(w.__complete), toEnhanced: until(w.__enhanced),
    };
  });
  await page.context().close();
  return {
    worker, input: item.name, bytes, ...r,
    memory: grown ? { before: grown.before, firstScreen: grown.first, built: grown.now, peak: grown.peak, added: grown.peak - grown.before, perInput: (grown.peak - grown.before) / bytes, jsHeap: heap.usedSize, domNodes: dom.nodes } : null,
  };
}

/**
 * A 10 MB Markdown article dropped on the viewer, with the render worker and without it.
 * @param {import('playwright-core').Browser} browser
 * @param {string} base
 */
async function drops(browser, base) {
  const size = QUICK ? 1 << 20 : 10 << 20;
  const item = { name: `markdown-${label(size)}.md`, url: `/gen/markdown-${label(size)}.md` };
  const out = [];
  for (const worker of [true, false]) out.push(await dropBig(browser, base, item, worker));
  const max = (/** @type {number[]} */ xs) => Math.max(0, ...xs);
  console.log(`\nThe viewer, ${item.name} dropped on it: main-thread long tasks (>50 ms, in order), and the tab's memory`);
  for (const r of out) {
    console.log(`  ${r.worker ? 'render worker' : 'worker refused (render() on the main thread)'}`);
    console.log(`    drop → first screen ${fmt(r.firstScreen)} ms: ${r.toFirstScreen.length} long tasks, longest ${fmt(max(r.toFirstScreen))} ms (${r.toFirstScreen.join(', ') || 'none'})`);
    console.log(`    drop → whole body built ${fmt(r.complete)} ms: ${r.toComplete.length} long tasks, longest ${fmt(max(r.toComplete))} ms (${r.toComplete.join(', ') || 'none'})`);
    console.log(`    drop → rich content done ${fmt(r.enhanced)} ms: ${r.toEnhanced.length} long tasks, longest ${fmt(max(r.toEnhanced))} ms (${r.toEnhanced.slice(r.toComplete.length).join(', ') || 'none'} after the body)`);
    if (r.memory) {
      const m = r.memory;
      const mib = (/** @type {number} */ n) => fmt(n / 2 ** 20);
      console.log(`    renderer process: ${mib(m.before)} MiB before the drop, ${mib(m.firstScreen)} at the first screen, ${mib(m.built)} once built (main JS heap ${mib(m.jsHeap)} MiB, ${m.domNodes} DOM nodes); peak ${mib(m.peak)}: ${mib(m.added)} MiB added, ${fmt(m.perInput)}× the input`);
    }
  }
  return out;
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
    'folio wasm, light (a Markdown page\'s)': compressed(['www/pkg/folio_light_bg.wasm']),
    'folio glue (pkg/folio.js)': compressed(['www/pkg/folio.js']),
    'folio glue, light (pkg/folio_light.js)': compressed(['www/pkg/folio_light.js']),
    'folio shell JS (www/*.js)': compressed(shellJs),
    'folio glue + shell JS': compressed(['www/pkg/folio.js', ...shellJs]),
    'folio glue + shell JS + html + css': compressed(['www/pkg/folio.js', ...shellJs, 'www/index.html', 'www/style.css']),
    'marked + DOMPurify (as served here)': compressed(['node_modules/marked/lib/marked.esm.js', 'node_modules/dompurify/dist/purify.es.mjs']),
    'marked (UMD) + DOMPurify (min)': compressed(['node_modules/marked/lib/marked.umd.js', 'node_modules/dompurify/dist/purify.min.js']),
    'markdown-it (min) + DOMPurify (min)': compressed(['node_modules/markdown-it/dist/browser/markdown-it.esm.min.mjs', 'node_modules/dompurify/dist/purify.min.js']),
    'markdown-wasm (js + wasm) + DOMPurify (min)': compressed(['node_modules/markdown-wasm/dist/markdown.es.js', 'node_modules/markdown-wasm/dist/markdown.wasm', 'node_modules/dompurify/dist/purify.min.js']),
  };
  for (const tier of wasmTiers()) {
    if (existsSync(join(ROOT, tier.wasm))) out[`folio wasm, tier ${tier.name}`] = compressed([tier.wasm]);
  }
  console.log('\nTransferred bytes (each file compressed on its own: gzip -9, brotli q11), KiB');
  for (const [name, s] of Object.entries(out)) console.log(`  ${name.padEnd(44)} raw ${fmt(s.raw / KB).padStart(6)}   gzip ${fmt(s.gzip / KB).padStart(6)}   brotli ${fmt(s.brotli / KB).padStart(6)}`);
  tierReport();
  return out;
}

/**
 * The WebAssembly tiers wasm-pack.toml describes: name and the .wasm the build writes.
 * @returns {{ name: string, wasm: string }[]}
 */
function wasmTiers() {
  const config = readFileSync(join(ROOT, 'wasm-pack.toml'), 'utf8');
  const outDir = /^out-dir\s*=\s*"([^"]+)"/m.exec(config)?.[1] ?? 'www/pkg';
  return [...config.matchAll(/^\[tiers\.([a-z-]+)\][^[]*?^out-name\s*=\s*"([^"]+)"/gms)]
    .map((m) => ({ name: m[1], wasm: `${outDir}/${m[2]}_bg.wasm` }));
}

/** Who takes the bytes of each tier (twiggy's top, per crate), from cargo's named output. */
function tierReport() {
  for (const tier of wasmTiers()) {
    const file = join(ROOT, 'target/wasm-tiers', `${tier.name}.wasm`);
    if (!existsSync(file)) continue;
    const { crates, code, data } = sizesByCrate(readFileSync(file));
    const top = crates.slice(0, 12).map(([c, s]) => `${c} ${fmt(s / KB)}`).join(', ');
    console.log(`  tier ${tier.name} before wasm-opt, KiB: code ${fmt(code / KB)} (${top}); data ${fmt(data / KB)}`);
  }
}

/**
 * What a page with one `<folio-article>` showing a plain Markdown post fetches (the files
 * tests/e2e/weight.test.mjs asserts), per file and in all: from www/ as served (readable
 * modules) and from the npm package (minified bundles, built here into a scratch folder).
 */
async function elementSizes() {
  const gzip = (/** @type {string | Buffer} */ b) => gzipSync(b, { level: 9 }).length;
  const fileSizes = (/** @type {string} */ dir, /** @type {string[]} */ files) => files.map((f) => ({ file: f, gzip: gzip(readFileSync(join(dir, f))) }));
  const www = join(ROOT, 'www');
  const served = {
    atOnce: fileSizes(www, [...await DIST.moduleGraph(['folio-article.js'], { firstLoad: true }), 'pkg/folio_light.js']),
    // Once the article is on screen: the rich-content picker (it finds nothing to load for a plain post).
    shown: fileSizes(www, ['reading/enhance.js', 'reading/blocks.js', 'reading/turns.js']),
    css: fileSizes(www, ['folio-article.css', 'reading/reading.css']),
  };
  const scratch = mkdtempSync(join(tmpdir(), 'folio-bench-npm-'));
  let bundled;
  try {
    const { staticImports } = await DIST.bundlePackage(scratch);
    const closure = (/** @type {string} */ entry) => {
      const seen = new Set([entry]);
      for (const file of seen) for (const next of staticImports[file] ?? []) seen.add(next);
      return [...seen];
    };
    const enhance = Object.keys(staticImports).find((f) => f.startsWith('enhance-')) ?? '';
    await DIST.minifyFile(join(www, 'pkg', 'folio_light.js'), join(scratch, 'pkg', 'folio_light.js'));
    bundled = {
      atOnce: fileSizes(scratch, [...closure('folio-article.js'), 'pkg/folio_light.js']),
      shown: fileSizes(scratch, closure(enhance).filter((f) => !closure('folio-article.js').includes(f))),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  // The loader fetches the light module for a Markdown post (tests/e2e/weight.test.mjs).
  const wasm = gzip(readFileSync(join(www, 'pkg', 'folio_light_bg.wasm')));
  const sum = (/** @type {{ gzip: number }[]} */ xs) => xs.reduce((a, b) => a + b.gzip, 0);
  const out = { served, bundled, wasm, servedJs: sum(served.atOnce) + sum(served.shown), bundledJs: sum(bundled.atOnce) + sum(bundled.shown) };
  const list = (/** @type {{ file: string, gzip: number }[]} */ xs) => xs.map((x) => `${x.file} ${fmt(x.gzip / KB)}`).join(', ');
  console.log('\nOne Markdown post in <folio-article> (gzip -9 per file), KiB');
  console.log(`  www/ as served: at once ${fmt(sum(served.atOnce) / KB)} (${served.atOnce.length} files: ${list(served.atOnce)})`);
  console.log(`                  once shown ${fmt(sum(served.shown) / KB)} (${list(served.shown)}); styles ${fmt(sum(served.css) / KB)}`);
  console.log(`  npm package (minified): at once ${fmt(sum(bundled.atOnce) / KB)} (${list(bundled.atOnce)})`);
  console.log(`                  once shown ${fmt(sum(bundled.shown) / KB)} (${list(bundled.shown)})`);
  console.log(`  script in all: www/ ${fmt(out.servedJs / KB)}, npm ${fmt(out.bundledJs / KB)}; with the core's light wasm (${fmt(wasm / KB)}): www/ ${fmt((out.servedJs + wasm) / KB)}, npm ${fmt((out.bundledJs + wasm) / KB)}`);
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
  /** The median painted time of one cell of the cold-start runs. @param {string} page @param {string} article */
  const cold1 = (page, article) => cold.find((/** @type {any} */ c) => c.page.startsWith(page) && c.article === article)?.painted.median;
  const coldFolio = cold1('Folio viewer', 'the sample (HTML body)');
  const coldMarked = cold1('marked', 'the sample (HTML body)');
  /** Folio's worse ratio (viewer or element) to the marked page for one article. @param {string} article */
  const coldRatio = (article) => {
    const marked = cold1('marked', article);
    const ratios = ['Folio viewer', 'Folio element'].map((page) => cold1(page, article)).filter((v) => v !== undefined).map((v) => /** @type {number} */ (v) / /** @type {number} */ (marked));
    return marked === undefined || !ratios.length ? undefined : Math.max(...ratios);
  };
  const element = r.elementSizes;
  const dropped = (r.drops ?? []).find((/** @type {any} */ d) => d.worker);
  // A later visit (the second, the third) that read no compiled code from the cache, as
  // the browser traced it (compileStreaming's time alone cannot tell: V8 compiles lazily).
  const repeat = (r.repeat ?? []).map((/** @type {any} */ p) => p.visits.slice(1).filter((/** @type {any} */ v) => !v.cache?.some((/** @type {any} */ e) => e.event === 'moduleCacheHit')).length);
  const slope = Math.max(...(r.slopes ?? []).filter((/** @type {any} */ s) => s.pipeline === 'folio' && s.mode === 'html').map((/** @type {any} */ s) => s.slope));
  const bigMem = (r.memory ?? []).flatMap((/** @type {any} */ k) => k.rows.filter((/** @type {any} */ row) => row.bytes >= 1 << 20).map((/** @type {any} */ row) => row.memory / row.bytes));
  const list = [
    { goal: '≥ 8× marked → DOMPurify, as HTML string (worst input)', value: min('html', (x) => x.vsMarked?.median), ok: (/** @type {number} */ v) => v >= 8, unit: '×' },
    { goal: '≥ 4× marked → DOMPurify, as inserted DOM (worst input)', value: min('dom', (x) => x.vsMarked?.median), ok: (/** @type {number} */ v) => v >= 4, unit: '×' },
    { goal: 'faster than DOMParser on its own output (worst input, DOM mode)', value: domVsParser.length ? Math.min(...domVsParser) : undefined, ok: (/** @type {number} */ v) => v >= 1, unit: '× DOMParser speed' },
    { goal: `wasm a Markdown page needs (the light module) ≤ ${wasmBudget} KB gzip`, value: r.sizes ? r.sizes['folio wasm, light (a Markdown page\'s)'].gzip / KB : undefined, ok: (/** @type {number} */ v) => v <= wasmBudget, unit: 'KiB' },
    { goal: `JS glue + shell ≤ ${jsBudget} KB gzip`, value: r.sizes ? r.sizes['folio glue + shell JS'].gzip / KB : undefined, ok: (/** @type {number} */ v) => v <= jsBudget, unit: 'KiB' },
    { goal: 'one Markdown post in <folio-article>: ≤ 250 KB gzip of script and wasm in all (npm)', value: element ? (element.bundledJs + element.wasm) / KB : undefined, ok: (/** @type {number} */ v) => v <= 250, unit: 'KiB' },
    { goal: `glue + element ≤ ${jsBudget} KB gzip (npm, minified; what loads at once)`, value: element ? element.bundled.atOnce.reduce((/** @type {number} */ a, /** @type {{ gzip: number }} */ b) => a + b.gzip, 0) / KB : undefined, ok: (/** @type {number} */ v) => v <= jsBudget, unit: 'KiB' },
    { goal: 'cold start, a Markdown post: ≤ 1.2× the marked page (viewer and element)', value: coldRatio('Markdown post'), ok: (/** @type {number} */ v) => v <= 1.2, unit: '×' },
    { goal: 'cold start, the sample: ≤ 1.6× the marked page (viewer and element)', value: coldRatio('the sample (HTML body)'), ok: (/** @type {number} */ v) => v <= 1.6, unit: '×' },
    { goal: 'cold start within 30 ms of the marked page (viewer, the sample)', value: coldFolio !== undefined && coldMarked !== undefined ? coldFolio - coldMarked : undefined, ok: (/** @type {number} */ v) => v <= 30, unit: 'ms slower' },
    { goal: 'cold start under 150 ms (viewer, the sample)', value: coldFolio, ok: (/** @type {number} */ v) => v < 150, unit: 'ms' },
    { goal: 'a repeat visit compiles nothing twice (visits 2 and 3 without a code-cache hit, worst page)', value: repeat.length ? Math.max(...repeat) : undefined, ok: (/** @type {number} */ v) => v === 0, unit: 'visits' },
    { goal: 'a 10 MB article dropped: no main-thread task over 100 ms before the first screen', value: dropped ? Math.max(0, ...dropped.toFirstScreen) : undefined, ok: (/** @type {number} */ v) => v <= 100, unit: 'ms, the longest' },
    { goal: 'a 10 MB article dropped: the tab\'s peak memory ≤ 8× the input', value: dropped?.memory?.perInput, ok: (/** @type {number} */ v) => v <= 8, unit: '× input (renderer process, peak − before)' },
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
    if (runs('sizes')) {
      result.sizes = sizes();
      result.elementSizes = await elementSizes();
    }
    if (runs('throughput')) {
      result.throughput = await throughput(browser, base);
      result.slopes = slopes(result.throughput);
      console.log('\nScaling: log-log slope of time vs size');
      for (const s of result.slopes) console.log(`  ${s.kind.padEnd(9)} ${s.mode.padEnd(5)} ${s.pipeline.padEnd(26)} ${s.slope.toFixed(2)}  (${s.from} → ${s.to})`);
    }
    if (runs('cold')) result.cold = await coldStart(browser, base);
    if (runs('repeat')) result.repeat = await repeatVisits(base);
    if (runs('memory')) result.memory = await memory(browser, base);
    if (runs('longtasks')) result.longTasks = await longTasks(browser, base);
    if (runs('drop')) result.drops = await drops(browser, base);
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
