// Deterministic benchmark inputs: Markdown-heavy and HTML-heavy articles of a given
// size, built from a seeded PRNG so every run (and every machine) sees the same bytes.
// They are generated in memory by bench/browser/run.mjs and never written to the repository.
//
//   import { generate } from './generate.mjs';
//   const bytes = generate('markdown', 100 * 1024);   // Uint8Array, ≤ the size asked for

/** The sizes the benchmark uses, in bytes. */
export const SIZES = [1 << 10, 10 << 10, 100 << 10, 1 << 20, 10 << 20];
/** The kinds of generated article. */
export const KINDS = /** @type {const} */ (['markdown', 'html']);

/**
 * A small seeded PRNG (mulberry32): the same seed gives the same sequence.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN = ('the reader article market trade policy growth export import platform pilot zone city ' +
  'province report data quarter percent company online retail logistics customs service model ' +
  'support digital economy network small business brand goods global local first new large').split(' ');
const ZH = ('跨境 电商 综合 试验区 商务部 全国 发展 平台 企业 物流 海关 数据 增长 进出口 服务 政策 ' +
  '城市 创新 数字 经济 品牌 市场 消费 贸易 规模 支持').split(' ');
const LANGS = ['rust', 'js', 'python', 'toml', ''];

/**
 * @param {() => number} rand
 * @param {number} n
 */
const pick = (rand, n) => Math.floor(rand() * n);

/**
 * A sentence: English words, sometimes Chinese phrases, with inline Markdown.
 * @param {() => number} rand
 * @param {boolean} markdown  Add inline Markdown (emphasis, code, links).
 */
function sentence(rand, markdown) {
  const words = [];
  const n = 8 + pick(rand, 14);
  for (let i = 0; i < n; i++) {
    const r = rand();
    let w = r < 0.25 ? ZH[pick(rand, ZH.length)] + ZH[pick(rand, ZH.length)] : EN[pick(rand, EN.length)];
    if (markdown) {
      const s = rand();
      if (s < 0.04) w = `**${w}**`;
      else if (s < 0.07) w = `*${w}*`;
      else if (s < 0.09) w = `\`${w}()\``;
      else if (s < 0.11) w = `[${w}](https://example.com/${pick(rand, 1000)}/${w}.html)`;
      else if (s < 0.115) w = `<https://example.org/p/${pick(rand, 99999)}>`;
    }
    words.push(w);
  }
  const text = words.join(' ');
  return text[0].toUpperCase() + text.slice(1) + (rand() < 0.9 ? '.' : '?');
}

/** @param {() => number} rand @param {boolean} md */
const paragraph = (rand, md) => Array.from({ length: 2 + pick(rand, 4) }, () => sentence(rand, md)).join(' ');

/**
 * One Markdown block: headings, paragraphs, lists, code, tables, quotes, images.
 * @param {() => number} rand
 * @param {number} i  Block number (unique heading text).
 */
function markdownBlock(rand, i) {
  const r = rand();
  if (r < 0.08) return `${'#'.repeat(2 + pick(rand, 2))} Section ${i}: ${sentence(rand, false).slice(0, 40)}`;
  if (r < 0.5) return paragraph(rand, true);
  if (r < 0.62) {
    const ordered = rand() < 0.4;
    return Array.from({ length: 2 + pick(rand, 5) }, (_, k) =>
      `${ordered ? `${k + 1}.` : '-'} ${rand() < 0.2 ? '[ ] ' : ''}${sentence(rand, true)}`).join('\n');
  }
  if (r < 0.72) {
    const lines = Array.from({ length: 3 + pick(rand, 10) }, () =>
      `    let ${EN[pick(rand, EN.length)]}_${pick(rand, 99)} = compute(${pick(rand, 1000)}, "${EN[pick(rand, EN.length)]}");`);
    return '```' + LANGS[pick(rand, LANGS.length)] + '\n' + lines.join('\n') + '\n```';
  }
  if (r < 0.8) {
    const cols = 3 + pick(rand, 3);
    const row = () => '| ' + Array.from({ length: cols }, () => (rand() < 0.5 ? ZH[pick(rand, ZH.length)] : `${pick(rand, 10000)}`)).join(' | ') + ' |';
    return [row(), '|' + ' --- |'.repeat(cols), ...Array.from({ length: 2 + pick(rand, 6) }, row)].join('\n');
  }
  if (r < 0.88) return '> ' + paragraph(rand, true);
  if (r < 0.94) return `![${EN[pick(rand, EN.length)]}](https://img.example.com/${pick(rand, 1e6)}.jpg "figure ${i}")`;
  return `Term ~~${EN[pick(rand, EN.length)]}~~ and a footnote-like note[^${i}].\n\n[^${i}]: ${sentence(rand, false)}`;
}

/**
 * One block of the scraped-CMS HTML seen in the corpus (news-hexo): styled paragraphs,
 * fonts, images, tables, scripts and comments that the sanitizer has to remove.
 * @param {() => number} rand
 * @param {number} i
 */
function htmlBlock(rand, i) {
  const r = rand();
  if (r < 0.07) return `<h2 id="s${i}" style="font-weight:bold">Section ${i} ${ZH[pick(rand, ZH.length)]}</h2>`;
  if (r < 0.55) {
    const text = paragraph(rand, false).replace(/\b(\w{6,})\b/, '<strong>$1</strong>');
    return `<p cms-style="font-L strong-Bold color330" style="text-indent:2em" onclick="track(${i})">　　${text}</p>`;
  }
  if (r < 0.63) return `<div class="img_wrapper"><img src="//n.sinaimg.cn/news/${pick(rand, 1e6)}.jpg" alt="${EN[pick(rand, EN.length)]}" referrerpolicy="no-referrer" data-link onerror="this.remove()"><span class="img_descr">${sentence(rand, false)}</span></div>`;
  if (r < 0.7) {
    const cells = () => Array.from({ length: 4 }, () => `<td align="center"><font color="#333">${pick(rand, 1e5)}</font></td>`).join('');
    return `<table border="1" cellpadding="2"><caption>${sentence(rand, false)}</caption><tbody>${Array.from({ length: 3 + pick(rand, 5) }, () => `<tr>${cells()}</tr>`).join('')}</tbody></table>`;
  }
  if (r < 0.76) return `<script type="text/javascript">var cfg = &#123;"id": ${i}, "ad": true&#125;; document.write('<div>' + cfg.id + '</div>');</script>`;
  if (r < 0.8) return `<style>.appendQr_wrap &#123; display: none; &#125; p.s${i} &#123; color: red &#125;</style>`;
  if (r < 0.86) return `<!--article_adlist[<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">]article_adlist-->\n<p><a href="javascript:;" target="_blank">${sentence(rand, false)}</a> <a href="https://finance.example.com/${pick(rand, 1e6)}.shtml">${ZH[pick(rand, ZH.length)]}</a></p>`;
  if (r < 0.93) return `<blockquote><p><font face="宋体" size="3"><span style="color:#c00">${paragraph(rand, false)}</span></font></p></blockquote>`;
  return `<ul>${Array.from({ length: 2 + pick(rand, 4) }, () => `<li><em>${sentence(rand, false)}</em></li>`).join('')}</ul>`;
}

const encoder = new TextEncoder();

/**
 * Builds one article of at most `size` bytes (UTF-8) with YAML front matter.
 * @param {'markdown' | 'html'} kind  Markdown-heavy, or Markdown whose body is scraped CMS HTML.
 * @param {number} size  Target size in bytes; the result is within one block of it.
 * @param {number} [seed]
 * @returns {Uint8Array}
 */
export function generate(kind, size, seed = 20240601) {
  const rand = prng(seed ^ size ^ (kind === 'html' ? 0x5bd1e995 : 0));
  const head = `---\ntitle: "Generated ${kind} article, ${size} bytes"\ndate: 2024-06-01 08:30:00 +0800\n` +
    `author: Bench Writer\ntags: [bench, ${kind}]\ncategories: [Benchmark]\n---\n\n# Generated ${kind} article\n\n`;
  const parts = [kind === 'html' ? '<div class="article" id="artibody">\n' : ''];
  let bytes = encoder.encode(head).length + parts[0].length + 10;
  for (let i = 0; ; i++) {
    const block = (kind === 'html' ? htmlBlock(rand, i) : markdownBlock(rand, i)) + '\n\n';
    const n = encoder.encode(block).length;
    if (bytes + n > size && i > 0) break;
    parts.push(block);
    bytes += n;
  }
  if (kind === 'html') parts.push('</div>\n');
  return encoder.encode(head + parts.join(''));
}
