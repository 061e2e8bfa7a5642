// What a code block is, read from the core's markup (`<pre><code class="language-x">`):
// shared by enhance.js, which picks the modules an article needs, and the modules.

/** Code blocks that are not highlighted: diagrams and math have their own modules. */
export const PLAIN_LANGUAGES = new Set(['mermaid', 'math', 'latex-math']);

/**
 * The language a `<code class="language-x">` names, lowercased, or '' for none.
 * @param {Element} code
 * @returns {string}
 */
export function codeLanguage(code) {
  for (const name of code.classList) if (name.startsWith('language-')) return name.slice(9).toLowerCase();
  return '';
}
