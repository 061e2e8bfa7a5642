// The cold-start reference: the smallest viewer a user could build from marked and
// DOMPurify instead of Folio. It fetches the article named by `?src=` (default: the same
// demo article as the Folio viewer), takes the title from the front matter with a line
// match (no YAML parser, no dates, no encodings: less work than Folio does), renders,
// sanitizes and shows it.

import { marked } from '/node_modules/marked/lib/marked.esm.js';
import DOMPurify from '/node_modules/dompurify/dist/purify.es.mjs';

const DEMO = '/www/samples/sina-cross-border-ecommerce.md';

const text = await (await fetch(new URLSearchParams(location.search).get('src') || DEMO)).text();
const front = /^\s*---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
const title = front ? (/^title:\s*(.*)$/m.exec(front[1])?.[1] ?? '').replace(/^["']|["']$/g, '') : '';
const body = front ? text.slice(front[0].length) : text;
const article = document.createElement('article');
const h1 = document.createElement('h1');
h1.textContent = title || 'Untitled';
h1.dataset.testid = 'article-title';
const content = document.createElement('div');
content.append(DOMPurify.sanitize(/** @type {string} */ (marked.parse(body)), { RETURN_DOM_FRAGMENT: true }));
article.append(h1, content);
/** @type {HTMLElement} */ (document.getElementById('viewer')).append(article);
