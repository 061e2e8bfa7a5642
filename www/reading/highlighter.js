// highlight.js itself (www/vendor/@highlightjs/cdn-assets, ARCHITECTURE.md says why), with
// no DOM: its core and the grammars a fence names, each loaded once per thread, and the
// token tree of one block as plain objects. It runs in reading/highlight-worker.js where a
// worker can start, and in the page (reading/code.js) where one cannot; either way the
// page builds the spans itself from the tree.

import { vendorModule, vendorText } from './vendor.js';

/**
 * highlight.js's token tree, as its emitter builds it (`result._emitter.root`): the one
 * part of its private API used, stable since v11.0 and typed in its own declarations.
 * Copied here into plain objects (`{ scope?, children }`), which cross to the page.
 * @typedef {{ scope?: string, children: Array<string | TokenNode> }} TokenNode
 */
/**
 * @typedef {object} Highlighter
 * @property {(code: string, options: { language: string, ignoreIllegals: boolean }) => { _emitter: { root: TokenNode } }} highlight
 * @property {(name: string, grammar: unknown) => void} registerLanguage
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
 * Registers one grammar (once per thread); false when it cannot be had.
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
 * One block's token tree, or null when its language is unknown, its grammar cannot be
 * loaded, or highlight.js fails on it (the block is then left plain).
 * @param {string} text
 * @param {string} language  As the fence wrote it (`js`, `Python`…).
 * @returns {Promise<TokenNode | null>}
 */
export async function highlightTree(text, language) {
  const file = await grammarFile(language);
  if (!file) return null;
  const hljs = await highlighter();
  if (!(await loadGrammar(hljs, file))) return null;
  try {
    return plainTree(hljs.highlight(text, { language: file, ignoreIllegals: true })._emitter.root);
  } catch {
    return null;
  }
}

/**
 * A token tree as plain objects: only `scope` and `children` (highlight.js's nodes carry
 * more, e.g. `language` on an embedded one's), so it clones to the page as it is.
 * @param {TokenNode} node
 * @returns {TokenNode}
 */
export function plainTree(node) {
  /** @type {TokenNode} */
  const plain = { children: node.children.map((child) => (typeof child === 'string' ? child : plainTree(child))) };
  if (typeof node.scope === 'string') plain.scope = node.scope;
  return plain;
}
