// Inside the sandboxed diagram frame (mermaid-frame.html): renders the Mermaid source each
// message from the page asks for, and answers with the SVG's text or an error. Messages
// from anything but the parent page are ignored. The SVG gets its own width and height
// (from its viewBox), so that shown as an image it has its natural size.

/** @typedef {{ type: 'folio-mermaid-render', id: number, source: string }} RenderRequest */

const MAX_SOURCE = 50_000;

/** @type {{ initialize: (config: object) => void, render: (id: string, source: string) => Promise<{ svg: string }> }} */
const lib = /** @type {any} */ (globalThis).mermaid;

lib.initialize({
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'default',
  htmlLabels: false,
  flowchart: { htmlLabels: false },
  maxTextSize: MAX_SOURCE,
  maxEdges: 2000,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, "Noto Sans CJK SC", sans-serif',
});

/**
 * The SVG with a width and height in pixels (Mermaid writes `width="100%"`), and its
 * accessible title.
 * @param {string} text
 * @returns {{ svg: string, title: string }}
 */
function sized(text) {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = doc.documentElement;
  const box = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  if (box.length === 4 && box.every(Number.isFinite)) {
    svg.setAttribute('width', String(Math.ceil(box[2])));
    svg.setAttribute('height', String(Math.ceil(box[3])));
    svg.style.removeProperty('max-width');
  }
  const title = svg.querySelector(':scope > title')?.textContent?.trim() ?? '';
  return { svg: new XMLSerializer().serializeToString(svg), title };
}

let counter = 0;

window.addEventListener('message', async (event) => {
  if (event.source !== window.parent) return;
  const request = /** @type {RenderRequest} */ (event.data);
  if (!request || request.type !== 'folio-mermaid-render' || typeof request.source !== 'string') return;
  /** @type {Record<string, unknown>} */
  let reply;
  try {
    if (request.source.length > MAX_SOURCE) throw new Error('The diagram is too long to draw.');
    const { svg } = await lib.render(`folio-diagram-${++counter}`, request.source);
    reply = { type: 'folio-mermaid-result', id: request.id, ...sized(svg) };
  } catch (error) {
    reply = { type: 'folio-mermaid-result', id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  window.parent.postMessage(reply, '*');
});

window.parent.postMessage({ type: 'folio-mermaid-ready' }, '*');
