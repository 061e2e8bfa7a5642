// Callouts (Obsidian's `> [!type] Title`, GitHub's `> [!NOTE]`), as the core writes them
// with Obsidian's structure and classes (the core's Markdown passes, src/body/markdown/), so that users' CSS snippets apply.
// Here each one gets its type's colour (`data-callout-type`: the alias mapped to its type,
// as Obsidian maps them; an unknown type looks like a note) and icon. Folding is the
// browser's own <details>/<summary>: Enter and Space open and close it.

/** Obsidian's types and their aliases. */
const ALIASES = /** @type {Record<string, string>} */ ({
  note: 'note',
  abstract: 'abstract', summary: 'abstract', tldr: 'abstract',
  info: 'info',
  todo: 'todo',
  tip: 'tip', hint: 'tip', important: 'tip',
  success: 'success', check: 'success', done: 'success',
  question: 'question', help: 'question', faq: 'question',
  warning: 'warning', caution: 'warning', attention: 'warning',
  failure: 'failure', fail: 'failure', missing: 'failure',
  danger: 'danger', error: 'danger',
  bug: 'bug',
  example: 'example',
  quote: 'quote', cite: 'quote',
});

/** One icon per type: SVG path data on a 24-unit grid, drawn as strokes (Lucide-like shapes drawn for Folio). */
const ICONS = /** @type {Record<string, string[]>} */ ({
  note: ['M4 20h4L19 9l-4-4L4 16z', 'M13.5 6.5l4 4'],
  abstract: ['M8 4h8v3H8z', 'M6 6H5v15h14V6h-1', 'M9 12h6', 'M9 16h6'],
  info: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M12 11v6', 'M12 7.5v.5'],
  todo: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M8 12l3 3l5-6'],
  tip: ['M13 2L4 14h7l-1 8l9-12h-7z'],
  success: ['M4 12l5 5L20 6'],
  question: ['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z', 'M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.7.3-1 1-1 1.7v.5', 'M12 17v.5'],
  warning: ['M12 3L2 20h20z', 'M12 10v4', 'M12 17v.5'],
  failure: ['M6 6l12 12', 'M18 6L6 18'],
  danger: ['M13 2L4 14h7l-1 8l9-12h-7z'],
  bug: ['M8 8h8v9a4 4 0 0 1-8 0z', 'M9 8a3 3 0 0 1 6 0', 'M4 12h4', 'M16 12h4', 'M5 18l3-2', 'M19 18l-3-2', 'M5 6l3 2', 'M19 6l-3 2'],
  example: ['M8 6h12', 'M8 12h12', 'M8 18h12', 'M4 6v.5', 'M4 12v.5', 'M4 18v.5'],
  quote: ['M5 17c0-5 1-8 5-10', 'M5 17h4v-4H5', 'M14 17c0-5 1-8 5-10', 'M14 17h4v-4h-4'],
});

/**
 * The type a callout's `data-callout` names (aliases mapped; unknown: note).
 * @param {string | null} name
 * @returns {string}
 */
export function calloutType(name) {
  const key = (name ?? '').trim().toLowerCase();
  return Object.hasOwn(ALIASES, key) ? ALIASES[key] : 'note';
}

/**
 * The type's icon, decorative (the title says what it is).
 * @param {string} type
 * @returns {SVGSVGElement}
 */
function icon(type) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'callout-icon');
  svg.setAttribute('aria-hidden', 'true');
  for (const d of ICONS[type] ?? ICONS.note) {
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

/**
 * Gives every callout under `body` its type and icon.
 * @param {ParentNode} body
 */
export function enhanceCallouts(body) {
  for (const callout of body.querySelectorAll('.callout')) {
    const type = calloutType(callout.getAttribute('data-callout'));
    callout.setAttribute('data-callout-type', type);
    const title = callout.querySelector(':scope > .callout-title');
    if (title && !title.querySelector(':scope > .callout-icon')) title.prepend(icon(type));
  }
}
