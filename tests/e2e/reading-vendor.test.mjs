// Third-party code (www/vendor/, copied from npm by scripts/vendor.mjs): every vendor path a
// module of the shell names is one the list copies, and each package ships its license.
// In Node, no browser (after `node scripts/vendor.mjs`, which `make build` runs).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { test } from 'node:test';
import { VENDOR } from '../../scripts/vendor.mjs';
import { ROOT } from './harness.mjs';

const WWW = join(ROOT, 'www');

/**
 * The shell's own files that may name vendored ones: its modules and pages.
 * @param {string} dir
 * @returns {string[]}
 */
function shellFiles(dir = '') {
  return readdirSync(join(WWW, dir)).flatMap((name) => {
    const path = dir ? `${dir}/${name}` : name;
    if (path === 'pkg' || path === 'samples' || name === 'vendor') return [];
    if (statSync(join(WWW, path)).isDirectory()) return shellFiles(path);
    return /\.(js|html)$/.test(path) ? [path] : [];
  });
}

/**
 * Every vendored path a file names: in calls to vendorModule/vendorText/vendorUrl (a
 * template's fixed start is a folder), and in `vendor/…` URLs of pages.
 * @param {string} path  Relative to www/.
 * @returns {string[]}  Paths under www/vendor/.
 */
function namedVendorPaths(path) {
  const text = readFileSync(join(WWW, path), 'utf8');
  const named = [...text.matchAll(/vendor(?:Module|Text|Url)\(\s*(['`])([^'`$]+)(\$\{)?/g)].map((m) => m[2]);
  const urls = [...text.matchAll(/["'(]((?:\.\.\/)+|\/)?vendor\/([^"')\s]+)/g)]
    .map((m) => posix.normalize(posix.join(posix.dirname(path), m[1] ?? '', 'vendor', m[2])))
    .filter((p) => p.startsWith('vendor/')).map((p) => p.slice('vendor/'.length));
  return [...named, ...urls];
}

/**
 * Whether an entry's file list covers a path (a file, or the folder a template names).
 * @param {string} path
 * @returns {boolean}
 */
function listed(path) {
  return VENDOR.some((entry) => {
    if (!path.startsWith(`${entry.package}/`)) return false;
    const inside = path.slice(entry.package.length + 1);
    return entry.files.some((pattern) => {
      if (pattern.endsWith('/')) return inside.startsWith(pattern);
      if (pattern.includes('*')) {
        const [head, tail] = pattern.split('*');
        return inside.startsWith(head) && inside.endsWith(tail) && !inside.slice(head.length).includes('/');
      }
      return inside === pattern;
    });
  });
}

test('every www/vendor/ path a module or page names is in scripts/vendor.mjs\'s list, and was copied', () => {
  /** @type {Record<string, string[]>} */
  const found = {};
  for (const path of shellFiles()) {
    const paths = namedVendorPaths(path);
    if (paths.length) found[path] = paths;
  }
  assert.ok(Object.keys(found).length >= 3, `only these files name vendored code: ${Object.keys(found)}`);
  for (const [file, paths] of Object.entries(found)) {
    for (const path of paths) {
      assert.ok(listed(path), `${file} names vendor/${path}, which scripts/vendor.mjs does not copy`);
      // A folder named by a template (`…/languages/`) must exist with files in it.
      assert.ok(existsSync(join(WWW, 'vendor', path)), `www/vendor/${path} is missing: run node scripts/vendor.mjs`);
    }
  }
  // The check itself can fail: a path outside the list is caught.
  assert.equal(listed('katex/dist/contrib/auto-render.mjs'), false);
  assert.equal(listed('@highlightjs/cdn-assets/es/highlight.min.js'), false);
});

test('each vendored package has its license file beside it', () => {
  for (const entry of VENDOR) {
    const license = join(WWW, 'vendor', entry.package, entry.license);
    assert.ok(existsSync(license), `${entry.package}: ${entry.license} is missing`);
    assert.match(readFileSync(license, 'utf8'), /license|permission|copyright/i, `${entry.package}: ${entry.license}`);
  }
  const aliases = JSON.parse(readFileSync(join(WWW, 'vendor/@highlightjs/cdn-assets/es/languages/aliases.json'), 'utf8'));
  assert.equal(aliases.js, 'javascript');
  assert.equal(aliases.sh, 'bash');
  assert.equal(aliases['c++'], 'cpp');
});
