// The library benchmark's memory figure (run.mjs, memory.mjs): the proportional set size
// of a headless Chromium's renderer processes (the page's workers live in its renderer).

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Chromium's flags for the library benchmarks (Debian's Chromium, no network of its own). */
export const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

/**
 * Memory (KiB) of the renderer processes of the browser whose user-data-dir is `dir`: their
 * proportional set size (shared pages, such as the browser's own code, counted once over
 * the processes that share them, not once in each as resident memory would).
 * @param {string} dir
 * @returns {number}
 */
export function rendererKiB(dir) {
  let kib = 0;
  for (const p of browserFamily(dir)) {
    if (!p.args.includes('--type=renderer')) continue;
    try {
      const m = /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${p.pid}/smaps_rollup`, 'utf8'));
      kib += m ? Number(m[1]) : 0;
    } catch { /* ended meanwhile */ }
  }
  return kib;
}

/**
 * The processes of the browser whose user-data-dir is `dir` (the browser and its children).
 * @param {string} dir
 * @returns {{ pid: number, ppid: number, args: string }[]}
 */
function browserFamily(dir) {
  const ps = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n').map((line) => {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    return m ? { pid: Number(m[1]), ppid: Number(m[2]), args: m[3] } : null;
  }).filter((p) => p !== null);
  const browser = ps.find((p) => p.args.includes(`--user-data-dir=${dir}`) && !p.args.includes('--type='));
  if (!browser) return [];
  /** @type {Set<number>} */
  const family = new Set([browser.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of ps) if (!family.has(p.pid) && family.has(p.ppid)) { family.add(p.pid); grew = true; }
  }
  return ps.filter((p) => family.has(p.pid));
}

/**
 * CPU time (ms, user and system) each kind of the browser's processes has used so far:
 * the renderer (the page and its workers), the browser process (which answers the page's
 * file look-ups), the GPU and utility processes.
 * @param {string} dir
 * @returns {Record<string, number>}
 */
export function processCpuMs(dir) {
  const tick = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  /** @type {Record<string, number>} */
  const out = {};
  for (const p of browserFamily(dir)) {
    try {
      const fields = readFileSync(`/proc/${p.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      const kind = /--type=([a-z-]+)/.exec(p.args)?.[1] ?? 'browser';
      out[kind] = (out[kind] ?? 0) + (Number(fields[11]) + Number(fields[12])) * tick;
    } catch { /* ended meanwhile */ }
  }
  return out;
}
