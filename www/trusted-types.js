// The page's one Trusted Types policy, `folio` (a page's CSP allows it by name:
// `trusted-types folio`). It vouches for exactly three kinds of thing: the core's sanitized
// body HTML (trustedBodyHTML), the scripts Folio starts as workers, each listed below
// (trustedScriptURL), and, in the single file only, its diagram frame's embedded document
// (trustedFrameDocument). Nothing else in the shell turns a string into HTML or a script URL.

/** This module's URL. Not written as `new URL('…', import.meta.url)`: bundlers resolve that
 * idiom at build time, and the npm package (which has this module) ships no worker. */
const HERE = import.meta.url;
/** Every script Folio may start, relative to this module: the render worker, the code
 * highlighting worker, the library's workers (zip, parse, search) and the service worker
 * that keeps the app shell for offline use. */
const SCRIPTS = new Set([
  'folio-worker.js',
  'reading/highlight-worker.js',
  'library/zip-worker.js',
  'library/parse-worker.js',
  'library/search-worker.js',
  'sw.js',
].map((path) => new URL(path, HERE).href));

/**
 * @typedef {object} FolioPolicy
 * @property {(html: string) => TrustedHTML | string} createHTML
 * @property {(url: string) => TrustedScriptURL | string} createScriptURL
 */

/** @type {FolioPolicy | null} */
let policy = null;

/**
 * The policy, made on first use (a page may create a named policy only once). Where the
 * browser has no Trusted Types, the same rules apply to plain strings.
 * @returns {FolioPolicy}
 */
function folioPolicy() {
  if (!policy) {
    /** @type {FolioPolicy} */
    const rules = {
      createHTML: (html) => html,
      createScriptURL: (url) => {
        if (!SCRIPTS.has(url)) throw new TypeError(`The folio policy does not load ${url}.`);
        return url;
      },
    };
    const factory = /** @type {{ trustedTypes?: { createPolicy: (name: string, rules: object) => FolioPolicy } }} */ (
      /** @type {unknown} */ (globalThis)).trustedTypes;
    policy = factory ? factory.createPolicy('folio', rules) : rules;
  }
  return policy;
}

/**
 * The core's sanitized body HTML as TrustedHTML, for a `<template>`'s innerHTML.
 * Call it with `Article.html` only: the core's sanitizer is what makes it safe.
 * @param {string} sanitizedHtml
 * @returns {TrustedHTML | string}
 */
export function trustedBodyHTML(sanitizedHtml) {
  return folioPolicy().createHTML(sanitizedHtml);
}

/** The one frame document the policy vouches for (the single file's diagram frame). */
let frameDocument = '';

/**
 * The single file's embedded diagram-frame document as TrustedHTML, for its sandboxed
 * frame's `srcdoc` (scripts/dist.mjs builds it; the frame runs Mermaid, reading/mermaid.js).
 * The first document passed is the only one ever vouched for.
 * @param {string} html
 * @returns {TrustedHTML | string}
 * @throws {TypeError} for any other document.
 */
export function trustedFrameDocument(html) {
  frameDocument ||= html;
  if (html !== frameDocument) throw new TypeError('The folio policy vouches for one frame document only.');
  return folioPolicy().createHTML(html);
}

/**
 * One of Folio's own scripts as a TrustedScriptURL, for `new Worker()` on a page that
 * requires Trusted Types.
 * @param {string} path  Relative to www/, one of the listed scripts.
 * @returns {TrustedScriptURL | string}
 * @throws {TypeError} for any other script.
 */
export function trustedScriptURL(path) {
  return folioPolicy().createScriptURL(new URL(path, HERE).href);
}

/**
 * The render worker's URL (www/folio-worker.js), trusted.
 * @returns {TrustedScriptURL | string}
 */
export function workerScriptURL() {
  return trustedScriptURL('folio-worker.js');
}
