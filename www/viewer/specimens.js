// Specimen articles for view/warm.js: one short article per script the reading styles set
// a font stack for (Chinese, Japanese, Korean, Latin), rendered by the core and shown by
// the article view as any article is, with what enhancing adds to code blocks (their bar,
// highlighted tokens) made by hand: every face and size a first article uses is laid out
// once before the reader opens one. Never shown; the text is Folio's own.

import { renderWhenReady } from '../folio.js';
import { articleView } from '../view/article.js';
import { el } from '../view/dom.js';

/** @typedef {import('../i18n.js').Translate} Translate */
/** @typedef {import('../view/warm.js').Specimen} Specimen */

/** Words in each script, with Latin letters, digits and the script's punctuation. */
const WORDS = {
  zh: ['字体与排版', '正文里有中文、English 和数字 2024，还有「引号」与（括号）。'],
  ja: ['日本語の組版', '本文にはひらがな、カタカナ、漢字と English、数字 2024 が入ります。'],
  ko: ['한국어 조판', '본문에는 한글과 English, 숫자 2024가 들어갑니다.'],
  en: ['Typesetting', 'Body text with English words, digits 2024, “quotes” and (brackets) — a dash.'],
};

/** The parts of a specimen laid out first, and then the rest. */
const HEAD = new Set(/** @type {const} */ (['title', 'byline', 'date', 'categories', 'tags', 'summary', 'toc']));
const BODY = new Set(/** @type {const} */ (['body']));

/**
 * The Markdown of one specimen: front matter the header shows, headings (an outline), and
 * each kind of block and inline text the styles size or weigh differently.
 * @param {string} title
 * @param {string} text
 * @returns {string}
 */
function markdown(title, text) {
  return `---\ntitle: ${title} Folio 2024\ndate: 2024-05-06\nauthor: Folio\ntags: [${title}, Folio]\ncategories: [${title}]\ndescription: ${text}\n---\n\n`
    + `${text} **${title} bold** *${title} em* \`${title} code\` [${title} link](https://example.com) ==${title} mark==[^1] H~2~O 2^10^\n\n`
    + `# ${title} 1\n\n## ${title} 2\n\n### ${title} 3\n\n#### ${title} 4\n\n##### ${title} 5\n\n`
    + `- ${text}\n- ${title}\n\n1. ${title}\n\n> ${text}\n\n> [!note] ${title}\n> ${text}\n\n`
    + `| ${title} | 2024 |\n| --- | --- |\n| ${text} | **${title}** |\n\n${title}\n: ${text}\n\n`
    + `\`\`\`js\n// ${text}\nconst ${'x'} = "${title}";\n\`\`\`\n\n---\n\n[^1]: ${text}\n`;
}

/**
 * Dresses code blocks as reading/code.js does once an article is shown: the bar (language,
 * copy button) and highlighted tokens (a comment in italics, a bold keyword).
 * @param {DocumentFragment} body
 * @param {Translate} t
 */
function dressCode(body, t) {
  for (const pre of body.querySelectorAll('pre')) {
    const code = pre.querySelector('code');
    if (!code) continue;
    const text = code.textContent ?? '';
    code.replaceChildren(el('span', { className: 'hljs-comment', text }), el('span', { className: 'hljs-keyword', text }),
      el('span', { className: 'hljs-strong', text }), el('span', { className: 'hljs-string', text }));
    code.classList.add('hljs');
    const block = el('div', { className: 'code-block' },
      el('div', { className: 'code-bar' }, el('span', { className: 'code-label', text: 'js' }), el('button', { className: 'copy-button', text: t('loading') })));
    pre.replaceWith(block);
    block.append(pre);
  }
}

/**
 * The specimens, one per script.
 * @param {{ t: Translate, locale: string }} options
 * @returns {Specimen[]}
 */
export function articleSpecimens({ t, locale }) {
  return Object.values(WORDS).flatMap(([title, text]) => {
    /** @type {Promise<import('../folio.js').Article> | null} */
    let rendered = null;
    // Its header and outline, then its body: two smaller layouts, each in an idle moment of its own.
    return [HEAD, BODY].map((show) => async () => {
      rendered ??= renderWhenReady(markdown(title, text));
      return articleView(await rendered, { t, locale, show, prepareBody: (body) => dressCode(body, t) });
    });
  });
}
