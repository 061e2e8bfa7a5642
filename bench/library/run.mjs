// The library benchmark: `make bench-library` (or `node bench/library/run.mjs [--sizes 500,10000]
// [--no-engines] [--profile] [--trace] [--samples] [--trace-out PREFIX]`).
//
// For each size, an archive of the corpus repeated into nested folders (with images) is
// generated in a temporary folder and opened at once through the viewer's folder
// input in headless Chromium (Debian's, as the tests use), as a reader opens one: the
// "Open folder…" button pressed (the viewer warms its workers), 1.5 s in the dialog. Printed, never pass/fail:
//   first article readable   from the input's change event to an article shown
//   all listed and indexed   to every article parsed, listed and in the search index
//   main-thread tasks > 50 ms while that happens (PerformanceObserver longtask)
//   search p95               round trip of CJK and English queries (typed prefixes too)
//   memory                   peak memory (PSS) of the renderer processes (the page's
//                            workers included) over the archive's bytes, less a blank tab
// Then the search engines side by side on the same texts (engines.mjs). Goals (issue 11):
// first article < 1 s, all indexed < 15 s, search p95 < 30 ms, no task > 50 ms, memory < 3×.

import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { generateArchive } from './generate.mjs';
import { compareEngines } from './engines.mjs';
import { LAUNCH_ARGS, processCpuMs, rendererKiB } from './pss.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const argv = process.argv.slice(2);
const option = (/** @type {string} */ name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const SIZES = (option('--sizes') ?? '500,10000').split(',').map(Number);
const ENGINES = !argv.includes('--no-engines');
/** `--profile`: a CPU profile of the page's main thread while the archive opens, its top functions printed. */
const PROFILE = argv.includes('--profile');
/** `--trace`: a timeline trace while the archive opens; each long task is broken down into what the browser did in it, and each thread's CPU time is printed. */
const TRACE = argv.includes('--trace') || argv.includes('--samples') || argv.includes('--trace-out');
/** `--trace-out PREFIX`: the trace's events are written to PREFIX-SIZE.json (Perfetto or chrome://tracing read it). */
const TRACE_OUT = option('--trace-out');
/** `--samples`: the trace also samples every thread's JavaScript and WebAssembly (V8's profiler), and each thread's top functions are printed. */
const SAMPLES = argv.includes('--samples');

/** Queries as typed: CJK without spaces, English words, a word being typed (from its first letter), mixed. */
export const QUERIES = {
  cjk: ['人民币', '跨境', '开发者', '数据', '中国经济', '算法', '部署', '東京', '한국'],
  english: ['search', 'javascript', 'release', 'performance', 'r', 'jav', 'java', 'markd', 'hexo 部署', 'security fixes'],
};

/**
 * @param {number[]} values
 * @param {number} q
 */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * The functions the main thread spent most time in (self time), from a CDP CPU profile;
 * with `within` ([start, end] in the trace's microseconds), only in that stretch.
 * @param {{ nodes: { id: number, callFrame: { functionName: string, url: string, lineNumber: number } }[], samples: number[], timeDeltas: number[], startTime: number }} profile
 * @param {[number, number]} [within]
 * @returns {{ fn: string, ms: number }[]}
 */
function topFunctions(profile, within) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const n of /** @type {any[]} */ (profile.nodes)) for (const child of n.children ?? []) parent.set(child, n.id);
  const name = (/** @type {any} */ frame) => `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/www\//, '')}:${frame.lineNumber + 1}`;
  /** @type {Map<string, number>} */
  const self = new Map();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i];
    if (within && (at < within[0] || at > within[1])) return;
    const frame = /** @type {any} */ (byId.get(id)).callFrame;
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') return;
    // A browser function (layout, GC, postMessage) is named with the script that called it.
    const caller = frame.url ? null : byId.get(parent.get(id) ?? -1);
    const key = caller ? `${frame.functionName} ← ${name(caller.callFrame)}` : name(frame);
    self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([fn, ms]) => ({ fn, ms: Math.round(ms) }));
}

/**
 * The main thread's tasks over 50 ms in a timeline trace, each with the time its kinds of
 * work took (layout, style, script, garbage collection …), longest first; with a CPU
 * profile taken meanwhile (`--profile` too), the functions that took most of each.
 * @param {any[]} events
 * @param {any} [profile]
 * @returns {{ ms: number, parts: string }[]}
 */
function longTaskParts(events, profile) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((t) => t.pid === e.pid && t.name === 'RunTask' && t.dur > 50_000));
  if (!main) return [];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number');
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur > 50_000).sort((a, b) => b.dur - a.dur).slice(0, 6);
  return tasks.map((task) => {
    /** @type {Map<string, number>} */
    const parts = new Map();
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e.name !== 'RunTask');
    // Only the outermost events inside the task, so nothing is counted twice.
    for (const e of inside) {
      if (inside.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && o.dur > e.dur)) continue;
      const what = e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.callFunction' ? `script ${(e.args?.data?.url ?? '').replace(/^.*\/www\//, '').replace(/^http.*?\/\/[^/]*\//, '')}` : e.name;
      parts.set(what, (parts.get(what) ?? 0) + e.dur / 1000);
    }
    const listed = [...parts].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name, ms]) => `${name} ${Math.round(ms)}`).join(', ');
    const top = profile ? topFunctions(profile, [task.ts, task.ts + task.dur]).slice(0, 3).map(({ fn, ms }) => `${fn.replace(/https?:\/\/[^/]*\//, '')} ${ms}`).join('; ') : '';
    // Its own CPU time, and how busy the other threads were meanwhile (the renderer's and
    // every other process's): a task long by the clock but short in CPU waited for a core
    // or for another process.
    const cpu = Math.round((task.tdur ?? task.dur) / 1000);
    const overlap = (/** @type {any} */ e) => Math.max(0, Math.min(e.ts + e.dur, task.ts + task.dur) - Math.max(e.ts, task.ts)) / e.dur * (e.tdur ?? e.dur);
    let sameProcess = 0;
    let others = 0;
    for (const e of events) {
      if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask' || e.tid === main.tid && e.pid === main.pid) continue;
      if (e.ts > task.ts + task.dur || e.ts + e.dur < task.ts || !e.dur) continue;
      if (e.pid === main.pid) sameProcess += overlap(e);
      else others += overlap(e);
    }
    const busy = `CPU ${cpu}; meanwhile other threads ${Math.round(sameProcess / 1000)}, other processes ${Math.round(others / 1000)}`;
    return { ms: Math.round(task.dur / 1000), parts: `${listed}; ${busy}${top ? `\n            ${top}` : ''}` };
  });
}

/**
 * The CPU time each of the page's threads spent in tasks while the archive opened (the
 * trace's thread time, so other processes on the machine do not count), with the script
 * that ran most in each: where the work is, whatever the load.
 * @param {any[]} events
 * @returns {{ thread: string, cpuMs: number, wallMs: number }[]}
 */
function threadTimes(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((t) => t.pid === e.pid && t.name === 'RunTask' && t.dur > 50_000));
  if (!main) return [];
  /** @type {Map<number, string>} */
  const names = new Map(events.filter((e) => e.pid === main.pid && e.name === 'thread_name').map((e) => [e.tid, e.args.name]));
  /** @type {Map<number, { cpu: number, wall: number, scripts: Map<string, number> }>} */
  const byThread = new Map();
  for (const e of events) {
    if (e.pid !== main.pid || e.ph !== 'X' || typeof e.dur !== 'number') continue;
    const t = byThread.get(e.tid) ?? { cpu: 0, wall: 0, scripts: new Map() };
    byThread.set(e.tid, t);
    if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') {
      t.cpu += (e.tdur ?? e.dur) / 1000;
      t.wall += e.dur / 1000;
    }
    const url = e.args?.data?.url;
    if (url && (e.name === 'FunctionCall' || e.name === 'EvaluateScript')) {
      const name = url.replace(/^.*\/www\//, '').replace(/^http.*?\/\/[^/]*\//, '');
      t.scripts.set(name, (t.scripts.get(name) ?? 0) + (e.tdur ?? e.dur) / 1000);
    }
  }
  return [...byThread].filter(([, t]) => t.cpu >= 100).sort((a, b) => b[1].cpu - a[1].cpu).map(([tid, t]) => {
    const top = [...t.scripts].sort((a, b) => b[1] - a[1])[0];
    return { thread: `${names.get(tid) ?? tid}${top ? ` (${top[0]})` : ''}`, cpuMs: Math.round(t.cpu), wallMs: Math.round(t.wall) };
  });
}

/**
 * Each thread's top functions by sampled self time, from the trace's V8 profiler chunks
 * (`--samples`): where the workers' time goes, which `--profile` (the page's thread) misses.
 * @param {any[]} events
 * @returns {{ thread: string, top: { fn: string, ms: number }[] }[]}
 */
function threadSamples(events) {
  /** @type {Map<string, { thread: string, nodes: Map<number, any>, self: Map<string, number>, total: number }>} */
  const profiles = new Map();
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const key = `${e.pid}:${e.id}`;
    const p = profiles.get(key) ?? { thread: names.get(`${e.pid}:${e.tid}`) ?? String(e.tid), nodes: new Map(), self: new Map(), total: 0 };
    profiles.set(key, p);
    const data = e.args?.data?.cpuProfile ?? {};
    for (const node of data.nodes ?? []) p.nodes.set(node.id, node);
    const deltas = e.args?.data?.timeDeltas ?? [];
    (data.samples ?? []).forEach((/** @type {number} */ id, /** @type {number} */ i) => {
      const frame = p.nodes.get(id)?.callFrame ?? {};
      if (frame.functionName === '(idle)' || frame.functionName === '(program)' || frame.functionName === '(root)') return;
      const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
      const fn = `${frame.functionName || '(anonymous)'} ${String(frame.url ?? '').replace(/^.*\/www\//, '')}`.trim();
      p.self.set(fn, (p.self.get(fn) ?? 0) + ms);
      p.total += ms;
    });
  }
  return [...profiles.values()].filter((p) => p.total >= 100).sort((a, b) => b.total - a.total).map((p) => ({
    thread: `${p.thread} (${Math.round(p.total)} ms sampled)`,
    top: [...p.self].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([fn, ms]) => ({ fn, ms: Math.round(ms) })),
  }));
}

/**
 * What the main thread's CPU time went to while the archive opened, by kind of work (the
 * outermost events inside its tasks: script by file, layout, style, paint, messages …),
 * the biggest first: where the page's share of the cores goes, not only its long tasks.
 * @param {any[]} events
 * @returns {{ what: string, cpuMs: number }[]}
 */
function mainThreadKinds(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((t) => t.pid === e.pid && t.name === 'RunTask' && t.dur > 50_000));
  if (!main) return [];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  /** @type {Map<string, number>} */
  const kinds = new Map();
  /** @type {any[]} */
  const open = [];
  for (const e of onMain) {
    while (open.length && open[open.length - 1].ts + open[open.length - 1].dur <= e.ts) open.pop();
    const parent = open[open.length - 1];
    if (parent && (parent.name === 'RunTask' || parent.name === 'ThreadControllerImpl::RunTask') && e.name !== 'RunTask') {
      const url = e.args?.data?.url ?? e.args?.data?.functionName ?? '';
      const what = /FunctionCall|EvaluateScript|v8\.callFunction|TimerFire|FireAnimationFrame|HandlePostMessage|EventDispatch|RunMicrotasks/.test(e.name) && url
        ? `${e.name} ${String(url).replace(/^.*\/www\//, '').replace(/^http.*?\/\/[^/]*\//, '')}` : e.name;
      kinds.set(what, (kinds.get(what) ?? 0) + (e.tdur ?? e.dur) / 1000);
    }
    open.push(e);
  }
  return [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([what, ms]) => ({ what, cpuMs: Math.round(ms) }));
}

/**
 * The machine's CPU time so far, busy and idle, over all cores (/proc/stat), in ms.
 * @returns {{ busy: number, idle: number }}
 */
function machineCpuMs() {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = ticks[3] + ticks[4];
  return { busy: (ticks.reduce((a, b) => a + b, 0) - idle) * 10, idle: idle * 10 };
}

const mib = (/** @type {number} */ bytes) => `${(bytes / 1048576).toFixed(0)} MiB`;

/**
 * Opens one archive and measures.
 * @param {string} base the server's URL
 * @param {number} size
 */
async function measure(base, size) {
  const archive = generateArchive(size);
  const dir = mkdtempSync(join(tmpdir(), 'folio-bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', headless: true, args: LAUNCH_ARGS, viewport: { width: 1280, height: 800 },
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    // The browser's renderers on a blank page: what any tab costs before the viewer's own.
    await page.goto('about:blank');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const blank = rendererKiB(dir);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      const bench = { longtasks: /** @type {number[][]} */ ([]), changeAt: 0, firstArticle: 0, allParsed: 0, allIndexed: 0 };
      Object.assign(window, { __bench: bench });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) bench.longtasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
      document.addEventListener('change', () => { bench.changeAt = performance.now(); }, true);
    });
    await page.goto(`${base}?src=`);
    await page.waitForFunction(() => !!(/** @type {any} */ (window).folioLibrary));
    // A reader reaches for "Open folder…" before picking one: the parse workers start then.
    await page.getByTestId('folder-label').hover();
    await page.evaluate(() => /** @type {any} */ (window).folioLibrary.warm());
    await page.waitForTimeout(1000);
    // Once the first article is parsed, open it as a reader would (a click on the list).
    await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      const lib = w.folioLibrary;
      const onParsed = (/** @type {CustomEvent} */ event) => {
        const first = event.detail.records.find((/** @type {any} */ r) => r.status === 'ready');
        if (!first) return;
        lib.removeEventListener('parsed', onParsed);
        document.dispatchEvent(new CustomEvent('library-open', { detail: { path: first.path, fragment: '' } }));
        const seen = () => {
          if (document.querySelector('[data-testid="viewer"] [data-testid="article"]')) w.__bench.firstArticle = performance.now();
          else requestAnimationFrame(seen);
        };
        seen();
      };
      lib.addEventListener('parsed', onParsed);
      const poll = () => {
        const c = lib.counts();
        if (!w.__bench.allParsed && c.total === w.__expected && c.parsed + c.failed === c.total) w.__bench.allParsed = performance.now();
        if (c.total === w.__expected && c.parsed + c.failed === c.total && c.indexed >= c.parsed) w.__bench.allIndexed = performance.now();
        else setTimeout(poll, 50);
      };
      w.__startPoll = poll;
    });
    await page.evaluate((n) => { const w = /** @type {any} */ (window); w.__expected = n; w.__startPoll(); }, size);
    const baseline = rendererKiB(dir);
    let peak = baseline;
    const sampler = setInterval(() => { peak = Math.max(peak, rendererKiB(dir)); }, 250);
    const cdp = PROFILE || TRACE ? await context.newCDPSession(page) : null;
    /** @type {any[]} */
    const traceEvents = [];
    if (cdp && TRACE) {
      cdp.on('Tracing.dataCollected', (/** @type {any} */ e) => { traceEvents.push(...e.value); });
      const categories = `devtools.timeline,v8.execute,disabled-by-default-devtools.timeline${SAMPLES ? ',disabled-by-default-v8.cpu_profiler' : ''}`;
      await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
    }
    if (cdp) {
      if (PROFILE) await cdp.send('Profiler.enable');
      if (PROFILE) await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      if (PROFILE) await cdp.send('Profiler.start');
    }
    // A reader presses "Open folder…" and picks the folder in the browser's dialog; the
    // viewer warms its parse workers meanwhile (app.js). A second and a half for the pick.
    await page.getByTestId('folder-label').dispatchEvent('pointerdown');
    await page.waitForTimeout(1500);
    const started = Date.now();
    await page.getByTestId('folder-input').setInputFiles(archive.folder);
    const cpuBefore = [processCpuMs(dir), machineCpuMs()];
    await page.waitForFunction(() => /** @type {any} */ (window).__bench.allIndexed > 0, undefined, { timeout: 900_000, polling: 200 });
    const cpuAfter = [processCpuMs(dir), machineCpuMs()];
    clearInterval(sampler);
    const rawProfile = cdp && PROFILE ? (await cdp.send('Profiler.stop')).profile : null;
    const profile = rawProfile ? topFunctions(rawProfile) : null;
    let longTasks = null;
    let threads = null;
    /** @type {{ what: string, cpuMs: number }[] | null} */
    let mainKinds = null;
    /** @type {{ thread: string, top: { fn: string, ms: number }[] }[] | null} */
    let sampled = null;
    if (cdp && TRACE) {
      const ended = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await ended;
      if (TRACE_OUT) writeFileSync(`${TRACE_OUT}-${size}.json`, JSON.stringify(traceEvents));
      longTasks = longTaskParts(traceEvents, rawProfile);
      threads = threadTimes(traceEvents);
      mainKinds = mainThreadKinds(traceEvents);
      if (SAMPLES) sampled = threadSamples(traceEvents);
    }
    peak = Math.max(peak, rendererKiB(dir));
    const wall = Date.now() - started;
    const bench = await page.evaluate(() => /** @type {any} */ (window).__bench);
    const counts = await page.evaluate(() => /** @type {any} */ (window).folioLibrary.counts());
    const during = bench.longtasks.filter(([start]) => start >= bench.changeAt && start <= bench.allIndexed);

    // Search: each query 15 times, round trip through the search worker, as the list asks it
    // (the best SEARCH_LIMIT hits, SEARCH_SNIPPETS of them with a snippet).
    /** @type {Record<string, number[]>} */
    const times = { cjk: [], english: [] };
    for (const [kind, queries] of Object.entries(QUERIES)) {
      for (let round = 0; round < 15; round++) {
        for (const q of queries) {
          times[kind].push(await page.evaluate(async (query) => {
            const t0 = performance.now();
            await /** @type {any} */ (window).folioLibrary.search(query);
            return performance.now() - t0;
          }, q));
        }
      }
    }
    return {
      size,
      files: archive.files,
      archiveBytes: archive.bytes,
      parsed: counts.parsed,
      failed: counts.failed,
      firstArticleMs: bench.firstArticle - bench.changeAt,
      allIndexedMs: bench.allIndexed - bench.changeAt,
      allParsedMs: bench.allParsed - bench.changeAt,
      inputToChangeMs: wall - (bench.allIndexed - bench.changeAt),
      longTasks: during.length,
      longestTaskMs: during.reduce((m, [, d]) => Math.max(m, d), 0),
      longTaskList: during.map(([start, d]) => [Math.round(start - bench.changeAt), Math.round(d)]),
      firstArticlePath: await page.evaluate(() => decodeURIComponent(location.hash.slice(1))),
      searchP95: { cjk: quantile(times.cjk, 0.95), english: quantile(times.english, 0.95) },
      searchMedian: { cjk: quantile(times.cjk, 0.5), english: quantile(times.english, 0.5) },
      memory: { blankBytes: blank * 1024, baselineBytes: baseline * 1024, peakBytes: peak * 1024 },
      errors,
      ...(profile ? { profile } : {}),
      ...(longTasks ? { longTaskParts: longTasks } : {}),
      ...(threads ? { threads } : {}),
      processCpu: Object.fromEntries(Object.entries(cpuAfter[0]).map(([kind, ms]) => [kind, Math.round(ms - (cpuBefore[0][kind] ?? 0))])),
      machine: { busyMs: Math.round(cpuAfter[1].busy - cpuBefore[1].busy), idleMs: Math.round(cpuAfter[1].idle - cpuBefore[1].idle) },
      ...(mainKinds ? { mainKinds } : {}),
      ...(sampled ? { sampled } : {}),
    };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(dirname(archive.folder), { recursive: true, force: true });
  }
}

const { server, url } = await startServer({ root: join(ROOT, 'www'), port: 0, quiet: true });
const results = [];
try {
  for (const size of SIZES) {
    const r = await measure(url, size);
    results.push(r);
    console.log(`\nlibrary, ${r.size} articles (${r.files} files, ${mib(r.archiveBytes)}): ${r.parsed} read, ${r.failed} failed`);
    console.log(`  first article readable  ${(r.firstArticleMs / 1000).toFixed(2)} s   (goal < 1 s)`);
    console.log(`  all listed and indexed  ${(r.allIndexedMs / 1000).toFixed(1)} s, all parsed at ${(r.allParsedMs / 1000).toFixed(1)} s   (goal < 15 s; setInputFiles before the change event took ${(r.inputToChangeMs / 1000).toFixed(1)} s more)`);
    console.log(`  main-thread tasks > 50 ms meanwhile: ${r.longTasks}, longest ${r.longestTaskMs.toFixed(0)} ms   (goal: none)`);
    console.log(`    (ms after the change event: duration) ${r.longTaskList.map(([at, d]) => `${at}: ${d}`).join(', ')}; first article shown at ${r.firstArticleMs.toFixed(0)} ms: ${r.firstArticlePath}`);
    console.log(`  search p95  CJK ${r.searchP95.cjk.toFixed(1)} ms, English ${r.searchP95.english.toFixed(1)} ms (median ${r.searchMedian.cjk.toFixed(1)} / ${r.searchMedian.english.toFixed(1)})   (goal < 30 ms)`);
    const m = r.memory;
    console.log(`  renderer memory (PSS) peak ${mib(m.peakBytes)}; a blank tab ${mib(m.blankBytes)}, the viewer before opening ${mib(m.baselineBytes)}`);
    console.log(`    the tab over a blank one: ${((m.peakBytes - m.blankBytes) / r.archiveBytes).toFixed(2)}× the archive; what opening added: ${((m.peakBytes - m.baselineBytes) / r.archiveBytes).toFixed(2)}×   (goal < 3×)`);
    if (r.errors.length) console.log(`  page errors: ${r.errors.join('; ')}`);
    if (r.longTaskParts) console.log(`  long tasks, what the browser did in each (ms):\n${r.longTaskParts.map((/** @type {any} */ t) => `    ${String(t.ms).padStart(6)}  ${t.parts}`).join('\n')}`);
    if (r.processCpu) console.log(`  CPU time by process from the change event to all indexed (ms): ${Object.entries(r.processCpu).sort((a, b) => b[1] - a[1]).map(([k, ms]) => `${k} ${ms}`).join(', ')}; the machine busy ${r.machine.busyMs}, idle ${r.machine.idleMs}`);
    if (r.mainKinds) console.log(`  the main thread's CPU time by kind of work (ms):\n${r.mainKinds.map((/** @type {any} */ k) => `    ${String(k.cpuMs).padStart(6)}  ${k.what}`).join('\n')}`);
    if (r.threads) console.log(`  CPU time by thread while opening (ms; busy wall time beside it):\n${r.threads.map((/** @type {any} */ t) => `    ${String(t.cpuMs).padStart(6)} ${String(t.wallMs).padStart(6)}  ${t.thread}`).join('\n')}`);
    if (r.sampled) for (const t of r.sampled) console.log(`  ${t.thread}, sampled self time:\n${t.top.map(({ fn, ms }) => `    ${String(ms).padStart(6)} ms  ${fn}`).join('\n')}`);
    if (r.profile) console.log(`  main thread, self time:\n${r.profile.map(({ fn, ms }) => `    ${String(ms).padStart(6)} ms  ${fn}`).join('\n')}`);
  }
} finally {
  server.close();
}
/** Without a new comparison, the last one written stays (it has its own date). */
const previous = () => { try { return JSON.parse(readFileSync(join(ROOT, 'bench/library/latest.json'), 'utf8')).engines ?? null; } catch { return null; } };
const engines = ENGINES ? { date: new Date().toISOString(), ...await compareEngines(10_000) } : previous();
const out = join(ROOT, 'bench/library/latest.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), results, engines }, null, 2)}\n`);
console.log(`\nwrote ${out}`);
