// Agreement with the generators' own front-matter parsers: hexo-front-matter for
// Hexo posts and gray-matter (with a TOML engine for `+++`) for the rest, over every
// corpus file. Folio runs as its WASM package in Node, as a page would run it.
// Run after `make build`:  node --test tests/oracle/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import hexo from 'hexo-front-matter';
import matter from 'gray-matter';
import { parse as parseToml } from 'smol-toml';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = join(root, '../shared/corpus');
const accepted = JSON.parse(readFileSync(join(root, 'tests/oracle/disagreements.json'), 'utf8'));

process.env.TZ = 'UTC'; // zone-less dates are compared as UTC on both sides

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return walk(p);
    return ['README.md', 'SOURCES.tsv'].includes(name) ? [] : [p];
  });
}

/** Hexo's own groups use Hexo's parser; everything else gray-matter. */
function oracle(rel, text) {
  const isHexo = rel.startsWith('hexo/') || rel.startsWith('news-hexo/rsshubpage') || rel.startsWith('encodings/52x');
  try {
    if (isHexo) {
      const { _content, ...data } = hexo.parse(text);
      return { name: 'hexo-front-matter', data };
    }
    const toml = /^\uFEFF?\+\+\+/.test(text);
    const options = toml ? { delimiters: '+++', language: 'toml', engines: { toml: parseToml } } : {};
    return { name: 'gray-matter', data: matter(text, options).data };
  } catch (e) {
    return { name: isHexo ? 'hexo-front-matter' : 'gray-matter', data: null, error: String(e.message).split('\n')[0] };
  }
}

/**
 * What Folio shows of a front-matter text, which is text, not markup (issue 15): Obsidian
 * wiki-links as the names Obsidian shows, Markdown strong emphasis as its words. The
 * parsers are compared on what they read; this is only how Folio displays it.
 * @param {string} s
 */
const shown = (s) => s
  .replace(/!?\[\[([^\]|#]*)(?:#([^\]|]*))?(?:\|([^\]]*))?\]\]/g,
    (_, note, heading, alias) => alias?.trim() || (heading ? `${note.trim()} > ${heading.trim()}` : note.trim()))
  .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2');

const asList = (v) => (v == null ? [] : (Array.isArray(v) ? v.flat(Infinity) : [v]))
  .filter((x) => x != null && x !== '')
  .map((x) => shown(String(x).trim()));

/** The instant (or day) a date value means, as a comparable string; null if unreadable. */
function instant(v) {
  if (v == null || v === '') return null;
  // TOML dates are Date subclasses whose own toISOString keeps the offset: use the plain one.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : Date.prototype.toISOString.call(v);
  if (typeof v === 'number') return null;
  const s = String(v).trim();
  // Folio's day and zone-less forms, read as UTC like js-yaml does.
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$/.test(s) ? (s.length === 10 ? `${s}T00:00:00Z` : `${s}Z`) : s;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

test('Folio agrees with hexo-front-matter and gray-matter on title, date, tags and categories', async () => {
  const pkg = await import(join(root, 'www/pkg/folio.js'));
  pkg.initSync({ module: readFileSync(join(root, 'www/pkg/folio_bg.wasm')) });

  let compared = 0;
  const disagreements = [];
  const stale = new Set(Object.keys(accepted));
  for (const path of walk(corpus).sort()) {
    const rel = relative(corpus, path);
    const bytes = readFileSync(path);
    const text = bytes.toString('utf8');
    const o = oracle(rel, text);
    if (!o.data || Object.keys(o.data).length === 0) continue; // the oracle found nothing to read
    let article;
    try {
      article = pkg.render(new Uint8Array(bytes), { fileName: rel.split('/').pop() });
    } catch (e) {
      disagreements.push({ file: rel, field: 'render', folio: String(e.message), oracle: 'parsed' });
      continue;
    }
    compared++;
    const data = o.data;
    const get = (...keys) => keys.map((k) => data[k]).find((v) => v != null);
    const checks = [];
    const title = get('title');
    if (title != null && typeof title !== 'object') checks.push(['title', String(title).trim(), article.title ?? '']);
    const odate = instant(get('date'));
    if (odate) checks.push(['date', odate, instant(article.date) ?? `unread: ${article.date_text}`]);
    const tags = asList(get('tags', 'tag'));
    if (get('tags', 'tag') != null) checks.push(['tags', tags.join(' | '), article.tags.join(' | ')]);
    const cats = asList(get('categories', 'category'));
    if (get('categories', 'category') != null) checks.push(['categories', cats.join(' | '), article.categories.join(' | ')]);
    const bad = checks.filter(([, a, b]) => a !== b).map(([field, a, b]) => ({ file: rel, field, oracle: a, folio: b }));
    const unexplained = bad.filter((d) => !accepted[rel]?.[d.field]);
    for (const d of bad) if (accepted[rel]?.[d.field]) stale.delete(rel);
    if (bad.length) disagreements.push(...unexplained);
    if (bad.length && !unexplained.length) stale.delete(rel);
  }
  const filesDisagreeing = new Set(disagreements.map((d) => d.file)).size;
  const acceptedFiles = Object.keys(accepted).length;
  const agree = compared - filesDisagreeing - acceptedFiles;
  console.log(`oracle: ${compared} files where the oracle parses; ${agree} agree fully (${(100 * agree / compared).toFixed(1)}%), ${acceptedFiles} listed with reasons, ${filesDisagreeing} unexplained`);
  for (const d of disagreements) console.log(`  ${d.file} ${d.field}: oracle ${JSON.stringify(d.oracle)} vs folio ${JSON.stringify(d.folio)}`);
  assert.equal(disagreements.length, 0, 'every disagreement must be fixed or listed in tests/oracle/disagreements.json with the reason Folio is right');
  assert.deepEqual([...stale], [], 'entries in disagreements.json that no longer disagree');
  assert.ok(compared >= 150, `only ${compared} files compared`);
  assert.ok(agree / compared >= 0.99, `only ${(100 * agree / compared).toFixed(1)}% agree`);
});
