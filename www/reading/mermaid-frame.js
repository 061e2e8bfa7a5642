// Inside the sandboxed diagram frame (mermaid-frame.html): renders the Mermaid source each
// message from the page asks for, and answers with the SVG's text or an error. Messages
// from anything but the parent page are ignored. The SVG gets its own width and height
// (from its viewBox), so that shown as an image it has its natural size.

/** @typedef {{ type: 'folio-mermaid-render', id: number, source: string }} RenderRequest */

// In the single file (dist/folio.html) this frame is a srcdoc and inherits the page's CSP:
// Trusted Types and style-src by hash. Mermaid writes HTML strings and <style> elements as
// it builds the SVG, so inside this sandbox (an opaque origin that holds nothing but the
// diagram) a pass-through default policy lets it, and its styles are applied through the
// CSSOM (style attributes) and constructed stylesheets (its <style> elements), which
// style-src does not govern, so that it measures text as it will be shown.
const types = /** @type {{ trustedTypes?: { createPolicy: (name: string, rules: object) => unknown } }} */ (/** @type {unknown} */ (globalThis)).trustedTypes;
try {
  types?.createPolicy('default', { createHTML: (/** @type {string} */ html) => html });
} catch {
  // The served frame's own CSP does not ask for Trusted Types.
}
const setAttribute = Element.prototype.setAttribute;
/**
 * @this {Element}
 * @param {string} name
 * @param {string} value
 */
Element.prototype.setAttribute = function setStyledAttribute(name, value) {
  if (String(name).toLowerCase() === 'style' && (this instanceof HTMLElement || this instanceof SVGElement)) {
    this.style.cssText = String(value);
    return;
  }
  setAttribute.call(this, name, value);
};
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (!(node instanceof Element)) continue;
      for (const style of node.localName === 'style' ? [node] : node.querySelectorAll('style')) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(style.textContent ?? '');
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }
    }
  }
}).observe(document, { childList: true, subtree: true });

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
