// The light WebAssembly tier (www/pkg/folio_light.js: no html, legacy or toml feature)
// over the whole corpus in one page: every file it renders gives the native build's
// Article (the CLI's `render --jsonl`, dumped to a temporary folder, never committed);
// every file it cannot render fails with `not-ready` naming a tier that `needs()` had
// named beforehand; a file `needs()` finds nothing more in renders with it.
//
// Needs `scripts/build-wasm.sh light` (make build builds it) and the CLI (cargo builds it).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, useBrowser, withPage } from './harness.mjs';

const CORPUS = join(ROOT, '../shared/corpus');
const harness = useBrowser();

/** A base URL with a non-ASCII host: links resolve against it (the light tier through
 * the browser's `URL`, the native build through the url crate). */
const BASE = 'https://例子.测试/posts/';
/** Native Articles by path (the CLI's display path, which it also passes as the file name). */
const native = new Map();
/** The same with BASE as the base URL. */
const nativeBased = new Map();
let dir = '';

/**
 * The CLI's Articles over the corpus, written to the temporary folder and read back.
 * @param {string} name
 * @param {string[]} args
 * @param {Map<string, unknown>} into
 */
function dump(name, args, into) {
  let out;
  try {
    out = execFileSync(join(ROOT, 'target/debug/folio'), ['render', '--jsonl', '--quiet', ...args, CORPUS], { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  } catch (error) {
    // Exit status 1: some files are not articles (binary …); the others are printed.
    out = /** @type {{ stdout: Buffer }} */ (error).stdout.toString();
  }
  writeFileSync(join(dir, name), out);
  for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { path, ...article } = JSON.parse(line);
    into.set(path, article);
  }
}

before(() => {
  execFileSync('cargo', ['build', '--quiet', '--bin', 'folio'], { cwd: ROOT, stdio: 'inherit' });
  dir = mkdtempSync(join(tmpdir(), 'folio-tiers-'));
  dump('native.jsonl', [], native);
  dump('based.jsonl', ['--base-url', BASE], nativeBased);
});

after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

test('the light tier gives the native Article for every file it renders, and names the tier of every other', async (t) => {
  assert.ok(native.size > 150, `the CLI rendered only ${native.size} corpus files`);
  const paths = [...native.keys()];
  await withPage(harness, '', async (page) => {
    const results = /** @type {{ path: string, needs: string[], tiers: string[], json?: string, based?: string, code?: string, tier?: string }[]} */ (
      await page.evaluate(async ([list, base]) => {
        const light = await import('./pkg/folio_light.js');
        await light.default({ module_or_path: new URL('./pkg/folio_light_bg.wasm', location.href) });
        const tiers = light.tiers();
        const out = [];
        for (const path of list) {
          const bytes = new Uint8Array(await (await fetch(`/__corpus/${encodeURIComponent(path)}`)).arrayBuffer());
          const needs = light.needs(bytes, path);
          try {
            const json = JSON.stringify(light.render(bytes, { fileName: path }));
            out.push({ path, needs, tiers, json, based: JSON.stringify(light.render(bytes, { fileName: path, baseUrl: base })) });
          } catch (error) {
            const e = /** @type {{ code?: string, params?: { tier?: string } }} */ (error);
            out.push({ path, needs, tiers, code: e.code, tier: e.params?.tier });
          }
        }
        return out;
      }, [paths, BASE]));
    assert.deepEqual(results[0].tiers, [], 'the light module holds no heavier tier');
    let rendered = 0;
    for (const r of results) {
      if (r.json !== undefined) {
        rendered++;
        assert.deepEqual(JSON.parse(r.json), native.get(r.path), `${r.path}: the light tier's Article differs from the native one`);
        assert.deepEqual(JSON.parse(r.based ?? ''), nativeBased.get(r.path), `${r.path}: with a base URL, the light tier's Article differs from the native one`);
      } else {
        assert.equal(r.code, 'not-ready', `${r.path}: ${r.code}`);
        assert.ok(r.tier && r.needs.includes(r.tier), `${r.path}: needs() said ${JSON.stringify(r.needs)}, render needed ${r.tier}`);
      }
      if (r.needs.length === 0) assert.ok(r.json !== undefined, `${r.path}: needs() found nothing more, yet the light tier could not render it`);
    }
    const resolved = results.filter((r) => r.json !== undefined && r.based?.includes('https://xn--fsqu00a.xn--0zwm56d/posts/'));
    assert.ok(resolved.length > 20, `only ${resolved.length} files had links resolved against the base URL`);
    const markdown = results.filter((r) => /\.(md|markdown)$/.test(r.path) && r.needs.length === 0);
    assert.ok(rendered > 60 && markdown.length > 60, `the light tier rendered only ${rendered} files (${markdown.length} Markdown needing nothing more)`);
    /** @type {Record<string, number>} */
    const byTier = {};
    for (const r of results) if (r.tier) byTier[r.tier] = (byTier[r.tier] ?? 0) + 1;
    t.diagnostic(`light tier: ${rendered} of ${results.length} files rendered; not-ready: ${JSON.stringify(byTier)}; needs() named more than needed for ${results.filter((r) => r.json !== undefined && r.needs.length).length}`);
    for (const tier of ['html', 'legacy', 'toml']) {
      assert.ok(results.some((r) => r.tier === tier), `no corpus file needed the ${tier} tier`);
    }
  }, {
    setup: async (page) => {
      await page.route('**/__corpus/**', async (route) => {
        const path = decodeURIComponent(new URL(route.request().url()).pathname.slice('/__corpus/'.length));
        await route.fulfill({ status: 200, contentType: 'application/octet-stream', body: readFileSync(path) });
      });
    },
  });
});
