// Rich content as the core writes it (the core's Markdown passes, src/body/markdown/: math spans, footnotes, callouts,
// mark, definition lists, code), for the reading tests and screenshots while the core that
// emits it is still being built: a stand-in pkg/folio.js renders with the real core, then
// swaps in the HTML a file names in its `<!-- FOLIO-HTML:base64 -->` comment.

/** A stand-in for pkg/folio.js (see harness.mjs fakeCore) that swaps in hand-written HTML. */
export const RICH_CORE = `
import start, { render as realRender } from './folio.js?real';
export default start;
export function render(input, options) {
  const article = realRender(input, options);
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  const found = /<!-- FOLIO-HTML:([A-Za-z0-9+/=]+) -->/.exec(text);
  if (found) {
    article.html = new TextDecoder().decode(Uint8Array.from(atob(found[1]), (c) => c.charCodeAt(0)));
    article.toc = [...article.html.matchAll(/<h([1-6]) id="([^"]+)">([^<]*)</g)].map((m) => ({ level: Number(m[1]), id: m[2], text: m[3] }));
  }
  return article;
}
`;

/** The body, in the shape the core emits. */
export const RICH_HTML = `<h2 id="user-content-code">Code</h2>
<p>Some <code>inline</code> code, then a block:</p>
<pre><code class="language-js">// A comment
const answer = 42;
function greet(name) {
  return \`Hello, \${name}!\`;
}
</code></pre>
<pre><code class="language-unknownlang">plain text here
</code></pre>
<h2 id="user-content-math">Math</h2>
<p>Euler: <span class="math math-inline">e^{i\\pi} + 1 = 0</span>, and a display:</p>
<p><span class="math math-display">\\int_0^1 x^2\\,dx = \\frac{1}{3}</span></p>
<p>Broken TeX: <span class="math math-inline">\\frac{1}{</span>.</p>
<h2 id="user-content-callouts">Callouts</h2>
<div class="callout" data-callout="note"><div class="callout-title"><div class="callout-title-inner">A note</div></div><div class="callout-content">
<p>Inside the note, with <mark>a highlight</mark>.</p>
</div></div>
<details class="callout is-collapsible" data-callout="faq" data-callout-fold="-"><summary class="callout-title"><div class="callout-title-inner">Folded question</div></summary><div class="callout-content">
<p>Hidden until opened.</p>
<div class="callout" data-callout="warning"><div class="callout-title"><div class="callout-title-inner">Nested warning</div></div><div class="callout-content">
<p>Careful.</p>
</div></div>
</div></details>
<div class="callout markdown-alert markdown-alert-tip" data-callout="tip"><div class="callout-title"><div class="callout-title-inner">Tip</div></div><div class="callout-content">
<p>A GitHub alert.</p>
</div></div>
<h2 id="user-content-notes">Notes and terms</h2>
<p>A claim<sup class="footnote-ref"><a href="#user-content-fn-src" id="user-content-fnref-src">1</a></sup> and another<sup class="footnote-ref"><a href="#user-content-fn-2" id="user-content-fnref-2">2</a></sup>.</p>
<dl>
<dt>Term</dt>
<dd>Its definition.</dd>
</dl>
<p><img src="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSI2MDAiIGhlaWdodD0iMjAwIj48cmVjdCB3aWR0aD0iMTAwJSIgaGVpZ2h0PSIxMDAlIiBmaWxsPSIjOGFiIi8+PC9zdmc+" alt="A blue banner" title="The banner, captioned"></p>
<table><thead><tr><th>a</th><th>b</th><th>c</th><th>d</th><th>e</th><th>f</th><th>g</th><th>h</th></tr></thead>
<tbody><tr><td>a-long-cell-value-that-does-not-wrap</td><td>b-long-cell-value-that-does-not-wrap</td><td>c-long-cell-value-that-does-not-wrap</td><td>d-long-cell-value</td><td>e-long-cell-value</td><td>f-long-cell-value</td><td>g-long-cell-value</td><td>h-long-cell-value</td></tr></tbody></table>
<h2 id="user-content-diagram">Diagram</h2>
<pre><code class="language-mermaid">graph TD
  A[Open a file] --&gt; B{Is it an article?}
  B --&gt;|yes| C[Show it]
  B --&gt;|no| D[Say why]
</code></pre>
<section class="footnotes">
<ol>
<li id="user-content-fn-src">
<p>The source of the claim. <a href="#user-content-fnref-src" class="footnote-backref">↩</a></p>
</li>
<li id="user-content-fn-2">
<p>A second note. <a href="#user-content-fnref-2" class="footnote-backref">↩</a></p>
</li>
</ol>
</section>
`;

/**
 * A Markdown file that the stand-in core shows with `html` as its body.
 * @param {string} title
 * @param {string} html
 * @returns {Buffer}
 */
export function richFile(title, html = RICH_HTML) {
  return Buffer.from(`---\ntitle: ${title}\nlang: en\n---\n\n# Stand-in body\n\n<!-- FOLIO-HTML:${Buffer.from(html).toString('base64')} -->\n`);
}
