// `?embed=1`: the article alone (no top bar, file list or drop target), for an iframe.
// Its height goes to the parent as `{ type: 'folio-size', height }` whenever it changes;
// the target origin is `*` because a height tells nothing about the article.

/**
 * Hides the viewer's chrome and starts reporting the article's height.
 * @param {HTMLElement} pane  The reading pane.
 */
export function startEmbed(pane) {
  // Inline styles through the CSSOM (not governed by style-src): the stylesheet's display wins over [hidden].
  for (const node of document.querySelectorAll('.topbar, .files, .skip-link')) /** @type {HTMLElement} */ (node).style.display = 'none';
  const layout = pane.parentElement;
  if (layout) Object.assign(layout.style, { display: 'block', minHeight: '0' });
  pane.style.borderLeft = '0';
  if (window.parent === window) return;
  let last = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(pane.getBoundingClientRect().bottom + window.scrollY);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'folio-size', height }, '*');
  }).observe(pane);
}
