// The CLI benchmark (`make bench`, or `node bench/cli/run.mjs` after `make build`):
// the corpus repeated to 100 000 files in a temporary folder, then `folio index` and
// `folio render -o` on 1 core and on all cores, against bench/cli/node-baseline.mjs
// (gray-matter + marked + DOMPurify on jsdom, one thread). Prints files/s, MB/s, peak
// RSS and the ratio to Node, says whether each goal is met, and writes
// bench/cli/latest.json. Never fails on a goal, only on errors.
//
// Options: --files N (default 100000), --node-copies K (Node runs over the first K
// copies of the corpus, default 10: at ~35 files/s it would need most of an hour for
// all of them; every copy is the same mix, so rates compare), --dir DIR (where the
// tree goes; default the system's temporary folder; reused when it already holds
// the same number of files), --keep (leave the tree there).
//
// The tree is made of hard links to the corpus files (copies where links fail), so it
// costs no disk; every program reads it through the same page cache.

import { spawn } from 'node:child_process';
import { existsSync, linkSync, copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = resolve(ROOT, '../shared/corpus');
const FOLIO = join(ROOT, 'target/release/folio');
const ARTICLE = ['.md', '.markdown', '.mdown', '.mkd', '.mkdn', '.mdx', '.html', '.htm', '.xhtml', '.txt', '.text', '.rst', '.adoc', '.org'];

const argv = process.argv.slice(2);
const option = (/** @type {string} */ name, /** @type {string} */ fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const FILES = Number(option('--files', '100000'));
const NODE_COPIES = Number(option('--node-copies', '10'));
const DIR = resolve(option('--dir', join(tmpdir(), 'folio-cli-bench')));
const TREE = join(DIR, 'tree');
const OUT = join(DIR, 'out');
const GOAL_RATIO = 10;
const GOAL_RSS_MB = 100;

if (!existsSync(FOLIO)) {
  console.error(`no ${FOLIO}: run \`make build\` (or cargo build --release --bin folio) first`);
  process.exit(1);
}

// ---------------------------------------------------------------- the tree

/** @param {string} dir @returns {string[]} corpus article files, relative, in walk order */
function articles(dir, base = dir) {
  const names = readdirSync(dir, { withFileTypes: true }).sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  return names.flatMap((e) => {
    if (e.name.startsWith('.') || e.name === 'node_modules') return [];
    const p = join(dir, e.name);
    if (e.isDirectory()) return articles(p, base);
    return ARTICLE.some((x) => e.name.toLowerCase().endsWith(x)) ? [relative(base, p)] : [];
  });
}

const corpus = articles(CORPUS);
const sizes = corpus.map((f) => statSync(join(CORPUS, f)).size);
const corpusBytes = sizes.reduce((a, b) => a + b, 0);
const copies = Math.ceil(FILES / corpus.length);
const marker = join(DIR, `tree-${FILES}.done`);
let treeBytes = 0;
{
  const started = performance.now();
  let made = 0;
  if (!existsSync(marker)) {
    rmSync(DIR, { recursive: true, force: true });
    for (let c = 0; c < copies && made < FILES; c++) {
      for (const f of corpus) {
        if (made === FILES) break;
        const dest = join(TREE, `c${String(c).padStart(4, '0')}`, f);
        mkdirSync(dirname(dest), { recursive: true });
        try {
          linkSync(join(CORPUS, f), dest);
        } catch {
          copyFileSync(join(CORPUS, f), dest);
        }
        made++;
      }
    }
    writeFileSync(marker, '');
  }
  for (let n = 0; n < FILES; n++) treeBytes += sizes[n % corpus.length];
  console.log(`tree: ${FILES} files (${corpus.length} corpus files × ${(FILES / corpus.length).toFixed(1)}), ` +
    `${(treeBytes / 1e6).toFixed(0)} MB, in ${DIR}` + (made ? ` (made in ${((performance.now() - started) / 1000).toFixed(1)} s)` : ' (reused)'));
}

// ---------------------------------------------------------------- running

/**
 * Runs a command with its output thrown away; wall time and peak RSS (from
 * /usr/bin/time -v where it exists, else the kernel's VmHWM polled every 20 ms).
 * @param {string} cmd @param {string[]} args
 * @returns {Promise<{seconds: number, cpu: number, rssMB: number, status: number, stderr: string}>}
 */
function measure(cmd, args) {
  const timed = existsSync('/usr/bin/time');
  const [bin, list] = timed ? ['/usr/bin/time', ['-v', cmd, ...args]] : [cmd, args];
  return new Promise((ok, fail) => {
    const started = performance.now();
    const child = spawn(bin, list, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let hwm = 0;
    child.stderr.on('data', (d) => { stderr += d; });
    const poll = timed ? null : setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) hwm = Math.max(hwm, Number(m[1]));
      } catch { /* ended */ }
    }, 20);
    child.on('error', fail);
    child.on('close', (status) => {
      if (poll) clearInterval(poll);
      const seconds = (performance.now() - started) / 1000;
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const kb = m ? Number(m[1]) : hwm;
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      const cpu = user && sys ? Number(user[1]) + Number(sys[1]) : NaN;
      ok({ seconds, cpu, rssMB: kb / 1024, status: status ?? -1, stderr });
    });
  });
}

const cores = cpus().length;
const rows = [];
/** @param {string} what @param {{seconds: number, cpu: number, rssMB: number}} r @param {number} files @param {number} bytes */
function row(what, r, files, bytes) {
  const entry = { what, files, seconds: r.seconds, cpuSeconds: r.cpu, filesPerSec: files / r.seconds, mbPerSec: bytes / 1e6 / r.seconds, rssMB: r.rssMB };
  rows.push(entry);
  console.log(`${what.padEnd(36)} ${r.seconds.toFixed(1).padStart(7)} s (CPU ${r.cpu.toFixed(1).padStart(6)} s) ` +
    `${entry.filesPerSec.toFixed(0).padStart(7)} files/s ${entry.mbPerSec.toFixed(1).padStart(6)} MB/s  peak RSS ${r.rssMB.toFixed(1).padStart(5)} MB`);
  return entry;
}

/** @param {{status: number, stderr: string}} r @param {string} what */
function check(r, what) {
  // The corpus holds one deliberately empty file: status 1 with one line per copy.
  if (r.status !== 0 && r.status !== 1) throw new Error(`${what} exited ${r.status}: ${r.stderr.slice(-2000)}`);
}

console.log(`machine: ${cores} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
  `load ${loadavg()[0].toFixed(1)}; Node runs over ${NODE_COPIES} copies (${NODE_COPIES * corpus.length} files)\n`);

const results = {};
for (const cmd of ['index', 'render']) {
  const nodeFiles = Math.min(FILES, NODE_COPIES * corpus.length);
  rmSync(OUT, { recursive: true, force: true });
  const nodeArgs = [join(ROOT, 'bench/cli/node-baseline.mjs'), cmd, TREE, ...(cmd === 'render' ? [OUT] : []), '--limit', String(nodeFiles)];
  const n = await measure(process.execPath, nodeArgs);
  check(n, `node ${cmd}`);
  const node = row(`node ${cmd}${cmd === 'render' ? ' (pages)' : ''}, 1 thread`, n, nodeFiles, NODE_COPIES * corpusBytes);
  results[cmd] = { node };
  for (const jobs of [1, cores]) {
    rmSync(OUT, { recursive: true, force: true });
    const args = [cmd, '-q', '-j', String(jobs), ...(cmd === 'render' ? ['-o', OUT] : ['--jsonl']), TREE];
    const r = await measure(FOLIO, args);
    check(r, `folio ${args.join(' ')}`);
    const entry = row(`folio ${cmd}${cmd === 'render' ? ' -o' : ''}, ${jobs} core${jobs > 1 ? 's' : ''}`, r, FILES, treeBytes);
    entry.ratio = entry.filesPerSec / node.filesPerSec;
    results[cmd][jobs === 1 ? 'one' : 'all'] = entry;
  }
  console.log('');
}
rmSync(OUT, { recursive: true, force: true });

// Flat memory: the same run over a tenth of the tree should peak at about the same RSS.
{
  const tenth = Math.max(1, Math.floor(copies / 10));
  const dirs = Array.from({ length: tenth }, (_, c) => join(TREE, `c${String(c).padStart(4, '0')}`));
  const r = await measure(FOLIO, ['index', '-q', '--jsonl', ...dirs]);
  check(r, 'folio index (a tenth)');
  const files = tenth * corpus.length;
  const entry = row(`folio index, ${cores} cores, ${files} files`, r, files, tenth * corpusBytes);
  results.flat = { tenthRssMB: entry.rssMB, fullRssMB: results.index.all.rssMB };
  console.log(`memory: peak RSS ${entry.rssMB.toFixed(1)} MB over ${files} files, ${results.index.all.rssMB.toFixed(1)} MB over ${FILES}\n`);
}

const verdict = (/** @type {boolean} */ ok) => (ok ? 'met' : 'NOT met');
for (const cmd of ['index', 'render']) {
  const { one, all } = results[cmd];
  console.log(`${cmd}: ${one.ratio.toFixed(1)}× Node on 1 core, ${all.ratio.toFixed(1)}× on ${cores} cores ` +
    `(goal ≥ ${GOAL_RATIO}× on all cores: ${verdict(all.ratio >= GOAL_RATIO)}); ` +
    `peak RSS ${Math.max(one.rssMB, all.rssMB).toFixed(1)} MB (goal < ${GOAL_RSS_MB} MB: ${verdict(Math.max(one.rssMB, all.rssMB) < GOAL_RSS_MB)})`);
}

const report = { date: new Date().toISOString(), load: loadavg(), cores, cpu: cpus()[0]?.model, files: FILES, treeMB: treeBytes / 1e6, nodeCopies: NODE_COPIES, rows };
writeFileSync(join(ROOT, 'bench/cli/latest.json'), JSON.stringify(report, null, 2) + '\n');
if (!argv.includes('--keep')) rmSync(DIR, { recursive: true, force: true });
