// Sizes the embedded viewer to its article: `?embed=1` posts `{ type: 'folio-size', height }`.
// Only messages from our own frame are read, and only a finite positive height is used.

const frame = /** @type {HTMLIFrameElement} */ (document.querySelector('iframe[data-testid="frame"]'));

window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;
  const data = event.data;
  if (!data || data.type !== 'folio-size' || !Number.isFinite(data.height) || data.height <= 0) return;
  frame.style.height = `${Math.ceil(data.height)}px`;
  frame.dataset.sized = String(Math.ceil(data.height));
});
