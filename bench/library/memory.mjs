// What the viewer's fixed memory is made of: `node bench/library/memory.mjs [--size 500]`.
// The renderer's memory (PSS, pss.mjs) is read at each step, in headless Chromium: a blank
// tab; the viewer loaded; its parse workers started, each with the core compiled (the
// page's warm(), as a reader reaching for "Open folder…" starts them); an archive of
// `--size` articles opened and indexed (bench/library/generate.mjs), at its peak and
// after; the parse workers ended (idle: pool.js ends them), then the search worker (with
// the index). Printed, never pass/fail.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { generateArchive } from './generate.mjs';
import { LAUNCH_ARGS, rendererKiB } from './pss.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const argv = process.argv.slice(2);
const SIZE = Number(argv[argv.indexOf('--size') + 1] || 500) || 500;

const wait = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (/** @type {number} */ kib) => `${(kib / 1024).toFixed(1)} MiB`;

const { server, url } = await startServer({ root: join(ROOT, 'www'), port: 0, quiet: true });
const archive = generateArchive(SIZE);
const dir = mkdtempSync(join(tmpdir(), 'folio-bench-profile-'));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: '/usr/bin/chromium', headless: true, args: [...LAUNCH_ARGS, '--enable-precise-memory-info'], viewport: { width: 1280, height: 800 },
});
try {
  const page = context.pages()[0] ?? await context.newPage();
  /** @type {[string, number][]} */
  const steps = [];
  // Settled: the least of a few readings a moment apart (a reading can catch a passing peak).
  const settled = async (/** @type {string} */ what) => {
    await wait(1000);
    let least = Infinity;
    for (let i = 0; i < 4; i++) {
      least = Math.min(least, rendererKiB(dir));
      await wait(250);
    }
    const heap = await page.evaluate(() => /** @type {any} */ (performance).memory?.usedJSHeapSize ?? 0).catch(() => 0);
    steps.push([`${what} (the page's JS heap ${mib(heap / 1024)})`, least]);
  };
  await page.goto('about:blank');
  await settled('a blank tab');
  await page.goto(`${url}?src=`);
  await page.waitForFunction(() => !!(/** @type {any} */ (window).folioLibrary));
  await settled('the viewer loaded');
  await page.evaluate(() => /** @type {any} */ (window).folioLibrary.warm());
  await settled(`its parse workers started and warm`);
  let peak = 0;
  const sampler = setInterval(() => { peak = Math.max(peak, rendererKiB(dir)); }, 200);
  await page.getByTestId('folder-input').setInputFiles(archive.folder);
  await page.waitForFunction((n) => {
    const c = /** @type {any} */ (window).folioLibrary.counts();
    return c.total === n && c.parsed + c.failed === n && c.indexed >= c.parsed;
  }, SIZE, { timeout: 600_000, polling: 200 });
  clearInterval(sampler);
  steps.push([`${SIZE} articles opening (peak)`, Math.max(peak, rendererKiB(dir))]);
  await settled(`${SIZE} articles open and indexed`);
  // Idle parse workers end by themselves (pool.js, IDLE_MS).
  await page.waitForFunction(() => /** @type {any} */ (window).folioLibrary.pool.lanes.length === 0, undefined, { timeout: 60_000, polling: 250 });
  await settled('the parse workers ended (idle)');
  await page.evaluate(() => /** @type {any} */ (window).folioLibrary.searchClient?.close());
  await settled('the search worker ended');
  console.log(`renderer memory (PSS), archive of ${SIZE} articles, ${mib(archive.bytes / 1024)}:`);
  let previous = steps[0][1];
  for (const [what, kib] of steps) {
    console.log(`  ${mib(kib).padStart(10)}  ${(kib >= previous ? '+' : '') + mib(kib - previous)}`.padEnd(32) + what);
    previous = kib;
  }
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(dirname(archive.folder), { recursive: true, force: true });
  server.close();
}
