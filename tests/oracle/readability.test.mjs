// Reader mode against Mozilla's Readability (Firefox's Reader View) over the corpus's
// whole HTML pages (its own test pages, in big/ and other/): how much of the text
// Readability keeps Folio shows (with its hidden boilerplate left out), how much of what
// Folio shows Readability keeps, and whether the titles agree. Readability runs on
// jsdom, Folio as its WASM package in Node. Run after `make build`:
//   node --test tests/oracle/readability.test.mjs
// Where Readability keeps more than the story (a page's menu column), the floors on its whole
// text do not hold, but every long paragraph it keeps must still be shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = join(root, '../shared/corpus');

/** Whole HTML pages of the corpus. */
const pages = ['big', 'other'].flatMap((dir) => readdirSync(join(corpus, dir))
  .filter((name) => name.endsWith('.html'))
  .map((name) => join(corpus, dir, name)));

/**
 * Pages where Readability keeps more than the story, and what more: their whole-text recall
 * is not held to the floors (they still must show every long paragraph Readability keeps).
 * Hukumusume lays its page out as a table whose second column is the site's daily menu
 * (trivia, a horoscope, links to its other sites, mostly in short paragraphs); Readability
 * takes the whole table, Folio the story's column (body/document.rs: a page without
 * `<article>` or `<main>` is cut to the element that holds every long paragraph).
 */
const READABILITY_TAKES_MORE = new Map([
  ['other/readability-hukumusume-source.html', "a layout table's menu column"],
]);

/** Text with all white space removed, to find one text inside another across markup. */
const bare = (/** @type {string} */ text) => text.replace(/\s+/g, '');

/**
 * Text as a bag of tokens: each CJK character one, other words lowercased; punctuation
 * dropped. Counting characters for CJK is what makes the measure fair to Chinese pages.
 * @param {string} text
 * @returns {Map<string, number>}
 */
function tokens(text) {
  /** @type {Map<string, number>} */
  const bag = new Map();
  const re = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\p{L}\p{N}]+/gu;
  for (const m of text.toLowerCase().matchAll(re)) bag.set(m[0], (bag.get(m[0]) ?? 0) + 1);
  return bag;
}

/** Share of `a`'s tokens also in `b` (as multisets). */
function covered(a, b) {
  let total = 0;
  let common = 0;
  for (const [tok, n] of a) {
    total += n;
    common += Math.min(n, b.get(tok) ?? 0);
  }
  return total ? common / total : 1;
}

const squash = (/** @type {string | null | undefined} */ s) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/** jsdom without the pages' own scripts, styles or console noise. */
const quiet = new VirtualConsole();

test('Folio agrees with Readability on the body text and title of the corpus pages', async () => {
  const pkg = await import(join(root, 'www/pkg/folio.js'));
  pkg.initSync({ module: readFileSync(join(root, 'www/pkg/folio_bg.wasm')) });
  assert.ok(pages.length >= 13, `only ${pages.length} pages`);
  const rows = [];
  for (const path of pages) {
    const bytes = readFileSync(path);
    const name = path.slice(corpus.length + 1);
    const article = pkg.render(bytes, { fileName: name.split('/').pop() });
    const text = new TextDecoder(article.encoding).decode(bytes);
    const ref = new Readability(new JSDOM(text, { url: 'https://example.com/', virtualConsole: quiet }).window.document).parse();
    // What Folio shows: its body without the blocks reader mode hides. A block the page's
    // own style sheet hid (`page-hidden`: QQ's relevance poll) counts as shown for the
    // recall: the page itself does not show it, though Readability (inline styles only) keeps it.
    const shown = new JSDOM(`<body>${article.html}</body>`, { virtualConsole: quiet }).window.document;
    const pageHidden = [...shown.querySelectorAll('[data-folio-hidden="page-hidden"]')].map((block) => block.textContent ?? '').join(' ');
    for (const hidden of shown.querySelectorAll('[data-folio-hidden]')) hidden.remove();
    const ours = tokens(shown.body.textContent ?? '');
    const oursOrThePages = tokens(`${shown.body.textContent ?? ''} ${pageHidden}`);
    const theirs = tokens(ref?.textContent ?? '');
    // Readability's paragraphs of 50 characters or more that Folio does not show.
    const theirDoc = new JSDOM(`<body>${ref?.content ?? ''}</body>`, { virtualConsole: quiet }).window.document;
    const shownBare = bare(shown.body.textContent ?? '');
    const longMissing = [...theirDoc.querySelectorAll('p')].map((p) => bare(p.textContent ?? ''))
      .filter((p) => p.length >= 50 && !shownBare.includes(p));
    const ourTitle = squash(article.title);
    const theirTitle = squash(ref?.title);
    rows.push({
      name,
      longMissing,
      recall: covered(theirs, oursOrThePages),
      precision: covered(ours, theirs),
      title: ourTitle === theirTitle ? 'same' : (theirTitle.startsWith(ourTitle) && ourTitle) ? 'shorter' : 'differs',
      ourTitle: article.title,
      theirTitle: ref?.title,
      hidden: article.hidden.reduce((n, h) => n + h.count, 0),
      byline: ref?.byline ? (squash(article.authors.join(', ')) === squash(ref.byline)) : null,
      site: ref?.siteName ? (squash(article.site_name) === squash(ref.siteName)) : null,
    });
  }
  const pct = (/** @type {number} */ x) => `${(x * 100).toFixed(0)}%`.padStart(4);
  for (const r of rows) {
    console.log(`${pct(r.recall)} of Readability's text shown, ${pct(r.precision)} of Folio's in Readability's, title ${r.title.padEnd(7)} hidden ${String(r.hidden).padStart(2)}  ${r.name}`);
    if (r.title !== 'same') console.log(`      Folio: ${r.ourTitle}\n      Readability: ${r.theirTitle}`);
  }
  const mean = (/** @type {number[]} */ xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const held = rows.filter((r) => !READABILITY_TAKES_MORE.has(r.name));
  const recall = mean(held.map((r) => r.recall));
  const precision = mean(rows.map((r) => r.precision));
  const same = rows.filter((r) => r.title === 'same').length;
  const bylines = rows.filter((r) => r.byline !== null);
  const sites = rows.filter((r) => r.site !== null);
  const bylinesSame = bylines.filter((r) => r.byline).length;
  const sitesSame = sites.filter((r) => r.site).length;
  console.log(`bylines the same on ${bylinesSame} of the ${bylines.length} pages where Readability finds one; site names on ${sitesSame} of ${sites.length}`);
  const shorter = rows.filter((r) => r.title === 'shorter').length;
  console.log(`Readability oracle over ${rows.length} pages: ${pct(recall)} of its text shown by Folio (mean over the ${held.length} where it keeps the story alone), ${pct(precision)} of Folio's text in its; titles the same on ${same}, shorter (site name cut) on ${shorter}`);
  // Floors: Folio must show every long paragraph Readability keeps, and nearly everything
  // Readability calls the article (reader mode never hides article text) on every page
  // where Readability keeps the story alone; Folio keeps more of a page than Readability
  // (it removes chrome by markup, not by scoring), so the reverse floor is lower.
  // Measured (2026-11-30): 100% on those 13 pages, 92% the other way (62% on Pixnet's),
  // titles the same or cut at the site's name on 13 of 14 (Readability finds no title in the
  // last). Hukumusume: 51% (Readability's menu column), every long paragraph shown.
  for (const r of rows) {
    assert.deepEqual(r.longMissing, [], `${r.name}: long paragraphs Readability keeps are not shown`);
    if (READABILITY_TAKES_MORE.has(r.name)) continue;
    assert.ok(r.recall >= 0.95, `${r.name}: only ${pct(r.recall)} of Readability's text shown`);
    assert.ok(r.precision >= 0.4, `${r.name}: only ${pct(r.precision)} of Folio's text in Readability's`);
  }
  assert.ok(recall >= 0.98, `mean recall ${pct(recall)}`);
  assert.ok(precision >= 0.8, `mean precision ${pct(precision)}`);
  assert.ok(same + shorter >= rows.length - 1, `titles agree on only ${same + shorter} of ${rows.length}`);
  // Measured: bylines 5 of 6 (Readability takes BBC's organisation for a byline), sites 3 of 3.
  assert.ok(bylinesSame >= bylines.length - 1, `bylines agree on only ${bylinesSame} of ${bylines.length}`);
  assert.equal(sitesSame, sites.length, 'site names');
});
