// The one DOM helper the views share: an element with class, text and attributes.
// Text is always set as text; no view builds HTML from strings.

/**
 * Shorthand for an element with optional class, text and attributes.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {{ className?: string, text?: string, attrs?: Record<string, string> }} [props]
 * @param {...(Node | string | null)} children  Strings become text nodes; null is skipped.
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

/**
 * Marks a node as a part of the article view: `part` for `<folio-article>`'s `::part()`
 * (a public styling hook), `data-testid` for tests (the name the viewer's tests have
 * always used, which differs for a few parts: `title` is `article-title`).
 * @template {Element} T
 * @param {T} node
 * @param {string} part
 * @param {string} [testid]
 * @returns {T}
 */
export function named(node, part, testid = part) {
  node.setAttribute('part', part);
  node.setAttribute('data-testid', testid);
  return node;
}
