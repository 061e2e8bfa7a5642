// Mermaid diagrams (```mermaid blocks), drawn so that they cannot weaken the page: Mermaid
// runs only inside a sandboxed frame (`sandbox="allow-scripts"`: an opaque origin, so it
// can touch neither the page nor its storage) with a strict CSP of its own; the SVG it
// answers with is shown as an <img> from a data: URL, which runs no script and loads
// nothing. The frame (and Mermaid, ~1 MB gzip) is created only for an article with a
// diagram, once per page or shadow root. ARCHITECTURE.md says why not a sanitizer.

import { el } from '../view/dom.js';
import { diagramFrameSource } from './vendor.js';
import { readingWords } from '../i18n/reading.js';

/** @typedef {import('../i18n/core.js').Translate} Translate */
/** @typedef {import('../i18n/reading.js').ReadingWords} Words */
/** @typedef {{ svg?: string, title?: string, error?: string }} Drawn */

/** How long a diagram may take, in ms, before it is shown as source with a note. */
const TIMEOUT_MS = 20_000;

/**
 * One renderer frame: its window, and the requests waiting for an answer.
 * @typedef {object} Renderer
 * @property {Promise<Window>} ready
 * @property {Map<number, (drawn: Drawn) => void>} waiting
 */

/** @type {WeakMap<Document | ShadowRoot, Renderer>} */
const renderers = new WeakMap();
let nextId = 0;

/**
 * The renderer frame for the document or shadow root `node` is in, made on first use.
 * @param {Node} node
 * @returns {Renderer}
 */
function rendererFor(node) {
  const found = node.getRootNode();
  const root = found instanceof ShadowRoot ? found : document;
  let renderer = renderers.get(root);
  if (renderer) return renderer;
  const frame = document.createElement('iframe');
  frame.className = 'diagram-renderer';
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('aria-hidden', 'true');
  frame.setAttribute('tabindex', '-1');
  frame.title = 'Diagram renderer';
  // Off screen but laid out (Mermaid measures text); not display:none.
  Object.assign(frame.style, { position: 'fixed', left: '-10000px', top: '0', width: '1000px', height: '800px', border: '0' });
  /** @type {Map<number, (drawn: Drawn) => void>} */
  const waiting = new Map();
  const ready = new Promise((resolve) => {
    window.addEventListener('message', (event) => {
      if (event.source !== frame.contentWindow || !event.data || typeof event.data !== 'object') return;
      const data = /** @type {{ type?: string, id?: number } & Drawn} */ (event.data);
      if (data.type === 'folio-mermaid-ready') resolve(/** @type {Window} */ (frame.contentWindow));
      if (data.type === 'folio-mermaid-result' && typeof data.id === 'number') {
        waiting.get(data.id)?.({ svg: typeof data.svg === 'string' ? data.svg : undefined, title: String(data.title ?? ''), error: data.error === undefined ? undefined : String(data.error) });
        waiting.delete(data.id);
      }
    });
  });
  diagramFrameSource(frame);
  (root instanceof ShadowRoot ? root : document.body).append(frame);
  renderer = { ready, waiting };
  renderers.set(root, renderer);
  return renderer;
}

/**
 * Asks the frame to draw one diagram.
 * @param {Renderer} renderer
 * @param {string} source
 * @returns {Promise<Drawn>}
 */
async function draw(renderer, source) {
  const id = ++nextId;
  const answer = new Promise((resolve) => {
    renderer.waiting.set(id, resolve);
    setTimeout(() => {
      if (renderer.waiting.delete(id)) resolve({ error: 'timeout' });
    }, TIMEOUT_MS);
  });
  const target = await Promise.race([renderer.ready, answer.then(() => null)]);
  target?.postMessage({ type: 'folio-mermaid-render', id, source }, '*');
  return answer;
}

/**
 * Draws every ```mermaid block: each becomes a figure with the diagram as an image and
 * its source one click away; a diagram that cannot be drawn stays as its source, with a note.
 * @param {Element[]} blocks  `<code class="language-mermaid">` elements, connected.
 * @param {{ t: Translate }} options
 */
export async function drawDiagrams(blocks, { t: given }) {
  if (!blocks.length) return;
  const t = readingWords(given);
  const renderer = rendererFor(blocks[0]);
  await Promise.all(blocks.map(async (code) => {
    const pre = code.parentElement;
    if (!pre) return;
    const source = code.textContent ?? '';
    const drawn = await draw(renderer, source);
    if (!drawn.svg) {
      pre.before(el('p', { className: 'diagram-error', text: t('diagramFailed'), attrs: { 'data-testid': 'diagram-error' } }));
      return;
    }
    const img = el('img', { attrs: { alt: drawn.title || t('diagram'), src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(drawn.svg)}`, 'data-testid': 'diagram' } });
    const details = el('details', { className: 'diagram-source' }, el('summary', { text: t('diagramSource') }));
    const figure = el('figure', { className: 'diagram' }, img, details);
    pre.replaceWith(figure);
    details.append(pre);
  }));
}
