// The rich-content features a page or <folio-article> may turn off (`no-highlight`, …).
// Apart from reading/enhance.js, so that the element knows its attributes without
// loading the module that applies them.

/** The rich-content features, each of which a page or `<folio-article>` may turn off. */
export const FEATURES = /** @type {const} */ (['highlight', 'math', 'mermaid', 'popovers', 'zoom']);
/** @typedef {typeof FEATURES[number]} Feature */
