// Code blocks: a bar with the block's language and a copy button, and highlighting by
// highlight.js (www/vendor/@highlightjs/cdn-assets, ARCHITECTURE.md says why), whose core
// and grammars are fetched only for articles with code, one grammar per language used.
// highlight.js's token tree is turned into <span class="hljs-…"> nodes here: no HTML
// string from it reaches the page.

import { el } from '../view/dom.js';
import { codeLanguage } from './blocks.js';
import { vendorModule, vendorText } from './vendor.js';
import { readingWords } from '../i18n/reading.js';
import { inTurns } from './turns.js';

/** @typedef {import('../i18n/core.js').Translate} Translate */
/** @typedef {import('../i18n/reading.js').ReadingWords} Words */

/** Blocks longer than this are labelled but not highlighted (a log pasted whole). */
const MAX_HIGHLIGHT_CHARS = 200_000;
/** How long "Copied" shows on the button, in ms. */
const COPIED_MS = 2000;

/**
 * highlight.js's token tree, as its emitter builds it (`result._emitter.root`): the one
 * part of its private API used, stable since v11.0 and typed in its own declarations.
 * @typedef {{ scope?: string, children: Array<string | TokenNode> }} TokenNode
 */
/**
 * @typedef {object} Highlighter
 * @property {(code: string, options: { language: string, ignoreIllegals: boolean }) => { _emitter: { root: TokenNode } }} highlight
 * @property {(name: string, grammar: unknown) => void} registerLanguage
 * @property {(name: string) => unknown} getLanguage
 */

/** @type {Promise<Highlighter> | null} */
let core = null;
/** @type {Promise<Record<string, string>> | null} */
let aliases = null;
/** Grammar loads by file name. @type {Map<string, Promise<boolean>>} */
const grammars = new Map();

/** @returns {Promise<Highlighter>} */
function highlighter() {
  core ??= vendorModule('@highlightjs/cdn-assets/es/core.min.js').then((m) => m.default);
  return core;
}

/**
 * The grammar file a fence's language names (`js` → javascript), or null.
 * @param {string} language
 * @returns {Promise<string | null>}
 */
async function grammarFile(language) {
  aliases ??= vendorText('@highlightjs/cdn-assets/es/languages/aliases.json').then((text) => JSON.parse(text)).catch(() => ({}));
  const table = await aliases;
  return Object.hasOwn(table, language) ? table[language] : null;
}

/**
 * Registers one grammar (once per page); false when it cannot be had.
 * @param {Highlighter} hljs
 * @param {string} file
 * @returns {Promise<boolean>}
 */
function loadGrammar(hljs, file) {
  let loading = grammars.get(file);
  if (!loading) {
    loading = vendorModule(`@highlightjs/cdn-assets/es/languages/${file}.min.js`)
      .then((m) => { hljs.registerLanguage(file, m.default); return true; })
      .catch(() => false);
    grammars.set(file, loading);
  }
  return loading;
}

/**
 * Adds the language bar and copy button to each block, then highlights those whose
 * language highlight.js knows.
 * @param {Element[]} blocks  `<code>` elements inside `<pre>`.
 * @param {{ t: Translate, highlight: boolean }} options
 */
export async function enhanceCode(blocks, { t: given, highlight }) {
  const t = readingWords(given);
  await inTurns(blocks, (code) => addBar(code, t));
  if (!highlight) return;
  const wanted = new Map();
  for (const code of blocks) {
    const language = codeLanguage(code);
    if (!language || (code.textContent ?? '').length > MAX_HIGHLIGHT_CHARS) continue;
    wanted.set(code, language);
  }
  if (!wanted.size) return;
  const hljs = await highlighter();
  const files = new Map();
  for (const language of new Set(wanted.values())) {
    const file = await grammarFile(language);
    files.set(language, file && (await loadGrammar(hljs, file)) ? file : null);
  }
  await inTurns(wanted, ([code, language]) => {
    const file = files.get(language);
    if (file) paint(hljs, code, file);
  });
}

/**
 * Wraps the block's `<pre>` with a bar: the language as written, and a copy button.
 * @param {Element} code
 * @param {Words} t
 */
function addBar(code, t) {
  const pre = code.parentElement;
  if (!pre || pre.parentElement?.classList.contains('code-block')) return;
  const language = codeLanguage(code);
  const button = el('button', { className: 'copy-button', text: t('copyCode'), attrs: { type: 'button', 'aria-label': t('copyCodeLabel', language) } });
  button.addEventListener('click', () => copy(code.textContent ?? '', button, t));
  const bar = el('div', { className: 'code-bar' }, el('span', { className: 'code-label', text: language }), button);
  const block = el('div', { className: 'code-block', attrs: { 'data-language': language } });
  pre.replaceWith(block);
  block.append(bar, pre);
  // A block that scrolls sideways is reachable by keyboard.
  if (!pre.hasAttribute('tabindex')) pre.setAttribute('tabindex', '0');
}

/**
 * Copies text, and says so on the button for a moment.
 * @param {string} text
 * @param {HTMLButtonElement} button
 * @param {Words} t
 */
async function copy(text, button, t) {
  let done = true;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    done = false;
  }
  button.textContent = done ? t('copied') : t('copyFailed');
  setTimeout(() => { button.textContent = t('copyCode'); }, COPIED_MS);
}

/**
 * Replaces a block's text with highlighted spans built from highlight.js's token tree.
 * @param {Highlighter} hljs
 * @param {Element} code
 * @param {string} language  A registered grammar's name.
 */
function paint(hljs, code, language) {
  const text = code.textContent ?? '';
  let root;
  try {
    root = hljs.highlight(text, { language, ignoreIllegals: true })._emitter.root;
  } catch {
    return; // Left plain.
  }
  const fragment = document.createDocumentFragment();
  build(fragment, root);
  if (fragment.textContent !== text) return; // Never lose or change a character.
  code.replaceChildren(fragment);
  code.classList.add('hljs');
}

/**
 * Appends a token tree as text nodes and `<span class="hljs-…">` elements.
 * @param {Node} parent
 * @param {TokenNode} node
 */
function build(parent, node) {
  for (const child of node.children) {
    if (typeof child === 'string') {
      parent.appendChild(document.createTextNode(child));
      continue;
    }
    const classes = scopeClasses(child.scope);
    if (!classes.length) {
      build(parent, child);
      continue;
    }
    const span = document.createElement('span');
    span.className = classes.join(' ');
    build(span, child);
    parent.appendChild(span);
  }
}

/**
 * highlight.js's class names for a scope: `title.function` → `hljs-title function_`,
 * `language:xml` (an embedded language) → `language-xml`.
 * @param {string | undefined} scope
 * @returns {string[]}
 */
export function scopeClasses(scope) {
  if (!scope) return [];
  if (scope.startsWith('language:')) return [`language-${scope.slice(9)}`];
  const [head, ...rest] = scope.split('.');
  return [`hljs-${head}`, ...rest.map((part, i) => `${part}${'_'.repeat(i + 1)}`)];
}
