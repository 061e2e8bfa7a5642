// The one way the reading modules reach third-party code: by its path under www/vendor/
// (scripts/vendor.mjs copies it there from npm at build time). Every path is written as a
// literal in the call, so that tests/e2e/vendor.test.mjs can check each against the list
// in scripts/vendor.mjs. dist/folio.html swaps this module for one that serves the same
// paths from the single file (scripts/dist.mjs), so its callers stay the same.

const BASE = new URL('../vendor/', import.meta.url).href;

/**
 * A vendored ES module.
 * @param {string} path  Under www/vendor/, e.g. "katex/dist/katex.mjs".
 * @returns {Promise<any>}
 */
export function vendorModule(path) {
  return import(BASE + path);
}

/**
 * A vendored text file (a stylesheet, a JSON table); rejects when it cannot be fetched.
 * @param {string} path
 * @returns {Promise<string>}
 */
export async function vendorText(path) {
  const response = await fetch(BASE + path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

/**
 * A vendored file's URL (for a `<link>`, or a stylesheet's base for its fonts).
 * @param {string} path
 * @returns {string}
 */
export function vendorUrl(path) {
  return BASE + path;
}

/**
 * Points the sandboxed diagram frame at its page (reading/mermaid-frame.html, which loads
 * Mermaid from www/vendor/mermaid/).
 * @param {HTMLIFrameElement} frame
 */
export function diagramFrameSource(frame) {
  frame.src = new URL('mermaid-frame.html', import.meta.url).href;
}
