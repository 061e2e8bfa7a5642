// Code blocks: a bar with the block's language and a copy button, and highlighting by
// highlight.js (reading/highlighter.js), fetched only for articles with code, one grammar
// per language used. In the viewer it runs in a worker (reading/highlight-worker.js, which
// the viewer starts for the first block to highlight, ended after WORKER_IDLE_MS idle):
// compiling a grammar and highlighting took 50–180 ms tasks on a page indexing a library.
// Where no worker is given (the element on a host's page, the single file, file://) or it
// cannot start (a CSP or Trusted Types that refuse it, a worker that fails to load or
// crashes) the blocks are highlighted here, one turn at a time. The viewer hands the
// worker in (no import of the Trusted Types policy here: the element's first load shares
// that module, and a lazy module importing it split it into a chunk of its own). Either way the token
// tree becomes <span class="hljs-…"> nodes here: no HTML string from it reaches the page.

import { el } from '../view/dom.js';
import { codeLanguage } from './blocks.js';
import { readingWords } from '../i18n/reading.js';
import { TURN_MS, inTurns, yieldToPage } from './turns.js';

/** @typedef {import('../i18n/core.js').Translate} Translate */
/** @typedef {import('../i18n/reading.js').ReadingWords} Words */
/** @typedef {import('./highlighter.js').TokenNode} TokenNode */

/** Blocks longer than this are labelled but not highlighted (a log pasted whole). */
const MAX_HIGHLIGHT_CHARS = 200_000;
/** How long "Copied" shows on the button, in ms. */
const COPIED_MS = 2000;
/** How long the worker may sit idle before it is ended (its grammars go with it). */
const WORKER_IDLE_MS = 60_000;

/**
 * The live worker and the blocks waiting on it, by request id. A waiting block resolves
 * to its tree, null (left plain), or undefined: not done there, highlight it here.
 * @typedef {{ worker: Worker, pending: Map<number, (tree: TokenNode | null | undefined) => void>, answered: boolean, idle: ReturnType<typeof setTimeout> | undefined }} Lane
 */

/** @type {Lane | null} */
let lane = null;
/** True once a worker could not start: every later block is highlighted here. */
let refused = false;
let nextId = 1;

/**
 * The live worker, started now if there is none; null (and none from now on) when it
 * cannot be started.
 * @param {() => Worker} start
 * @returns {Lane | null}
 */
function liveLane(start) {
  if (lane) return lane;
  let worker;
  try {
    worker = start();
  } catch {
    refused = true; // No Worker, or a CSP / Trusted Types that refuse it.
    return null;
  }
  /** @type {Lane} */
  const made = { worker, pending: new Map(), answered: false, idle: undefined };
  worker.addEventListener('message', (event) => onReply(made, event.data));
  worker.addEventListener('error', (event) => {
    event.preventDefault(); // Handled: its blocks are highlighted here; no console noise.
    onFailure(made);
  });
  worker.addEventListener('messageerror', () => onFailure(made));
  lane = made;
  return made;
}

/**
 * A reply: `{ id, tree }` (checked: it crossed a thread).
 * @param {Lane} from
 * @param {any} data
 */
function onReply(from, data) {
  const resolve = from.pending.get(data?.id);
  if (!resolve) return;
  from.pending.delete(data.id);
  from.answered = true;
  if (!from.pending.size) from.idle = setTimeout(() => retire(from), WORKER_IDLE_MS);
  resolve(isTree(data.tree) ? data.tree : null);
}

/**
 * The worker failed: before its first answer it never started (a missing file, a module
 * worker this browser refuses), so none will; after, it crashed. Its waiting blocks are
 * highlighted here either way.
 * @param {Lane} failed
 */
function onFailure(failed) {
  if (!failed.answered) refused = true;
  const waiting = [...failed.pending.values()];
  failed.pending.clear();
  retire(failed);
  for (const resolve of waiting) resolve(undefined);
}

/**
 * Ends a worker (idle, or failed).
 * @param {Lane} ended
 */
function retire(ended) {
  clearTimeout(ended.idle);
  ended.worker.terminate();
  if (lane === ended) lane = null;
}

/**
 * Asks the worker for a block's tree. Resolves to undefined when there is no worker, or
 * it failed: the caller then highlights the block here, in its turn.
 * @param {string} text
 * @param {string} language
 * @param {(() => Worker) | undefined} start  Starts the worker; none: highlight here.
 * @returns {Promise<TokenNode | null | undefined>}
 */
function treeFromWorker(text, language, start) {
  const target = start && !refused ? liveLane(start) : null;
  if (!target) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const id = nextId++;
    clearTimeout(target.idle);
    target.pending.set(id, resolve);
    target.worker.postMessage({ id, text, language });
  });
}

/**
 * A block's tree made on this thread (highlight.js loaded here, once).
 * @param {string} text
 * @param {string} language
 * @returns {Promise<TokenNode | null>}
 */
function treeHere(text, language) {
  return import('./highlighter.js').then((m) => m.highlightTree(text, language));
}

/**
 * Whether a value from the worker is a token tree: an object whose children are strings
 * or trees (what build() walks).
 * @param {unknown} value
 * @returns {value is TokenNode}
 */
export function isTree(value) {
  if (!value || typeof value !== 'object') return false;
  const { scope, children } = /** @type {{ scope?: unknown, children?: unknown }} */ (value);
  if (scope !== undefined && typeof scope !== 'string') return false;
  return Array.isArray(children) && children.every((child) => typeof child === 'string' || isTree(child));
}

/**
 * Adds the language bar and copy button to each block, then highlights those whose
 * language highlight.js knows: every block is sent to the worker at once, and each is
 * painted, in order, as its tree comes back (one block here at a time without one).
 * @param {Element[]} blocks  `<code>` elements inside `<pre>`.
 * @param {{ t: Translate, highlight: boolean, worker?: () => Worker }} options  `worker`
 *   starts reading/highlight-worker.js (the viewer gives it).
 */
export async function enhanceCode(blocks, { t: given, highlight, worker }) {
  const t = readingWords(given);
  await inTurns(blocks, (code) => addBar(code, t));
  if (!highlight) return;
  const jobs = [];
  for (const code of blocks) {
    const language = codeLanguage(code);
    const text = code.textContent ?? '';
    if (!language || text.length > MAX_HIGHLIGHT_CHARS) continue;
    jobs.push({ code, text, language, tree: treeFromWorker(text, language, worker) });
  }
  let started = performance.now();
  for (const { code, text, language, tree: asked } of jobs) {
    let tree = await asked;
    if (tree === undefined) tree = await treeHere(text, language);
    if (tree) paint(code, text, tree);
    if (performance.now() - started > TURN_MS) {
      await yieldToPage();
      started = performance.now();
    }
  }
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
 * Replaces a block's text with highlighted spans built from its token tree, unless the
 * tree's text differs from the block's (then the block is left as it was).
 * @param {Element} code
 * @param {string} text  The block's text when the tree was asked for.
 * @param {TokenNode} root
 */
function paint(code, text, root) {
  const fragment = document.createDocumentFragment();
  build(fragment, root);
  // Never lose or change a character (nor paint a block whose text changed meanwhile).
  if (fragment.textContent !== text || code.textContent !== text) return;
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
