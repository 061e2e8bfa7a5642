import { chromium } from 'playwright-core';
import { startServer } from '/work/lib/scripts/serve.mjs';
import { generateArchive } from '/work/lib/bench/library/generate.mjs';
const { server, url } = await startServer({ root: '/work/lib/www', port: 0, quiet: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage();
await page.goto(url + 'library/fixture.html?offline=no');
await page.waitForFunction(() => !!window.folioLibrary);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
const a = generateArchive(Number(process.argv[2] ?? 10000));
await cdp.send('Profiler.start');
await page.getByTestId('folder-input').setInputFiles(a.folder);
await page.waitForTimeout(Number(process.argv[3] ?? 8000));
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map(n => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map(), total = new Map();
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0; const n = byId.get(id);
  const key = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key(n), (self.get(key(n)) ?? 0) + dt);
  const seen = new Set(); for (let x = id; x !== undefined; x = parent.get(x)) { const k = key(byId.get(x)); if (!seen.has(k)) { seen.add(k); total.set(k, (total.get(k) ?? 0) + dt); } }
});
console.log('SELF\n' + [...self].sort((x, y) => y[1] - x[1]).slice(0, 15).map(([k, v]) => `${(v/1000).toFixed(0)} ms ${k}`).join('\n'));
console.log('TOTAL\n' + [...total].sort((x, y) => y[1] - x[1]).slice(0, 30).map(([k, v]) => `${(v/1000).toFixed(0)} ms ${k}`).join('\n'));
await browser.close(); server.close();
