// The page's one Trusted Types policy, `folio` (a page's CSP allows it by name:
// `trusted-types folio`). It vouches for exactly two things: the core's sanitized body
// HTML (trustedBodyHTML) and the URL of Folio's render worker (workerScriptURL).
// Nothing else in the shell turns a string into HTML or a script URL.

/** This module's URL. Not written as `new URL('…', import.meta.url)`: bundlers resolve that
 * idiom at build time, and the npm package (which has this module) ships no worker. */
const HERE = import.meta.url;
/** The one script URL the policy vouches for: the render worker next to this module. */
const WORKER_SCRIPT = new URL('folio-worker.js', HERE).href;

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
        if (url !== WORKER_SCRIPT) throw new TypeError(`The folio policy only loads ${WORKER_SCRIPT}, not ${url}.`);
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

/**
 * The URL of www/folio-worker.js (next to this module), as a TrustedScriptURL for
 * `new Worker()` on a page that requires Trusted Types.
 * @returns {TrustedScriptURL | string}
 */
export function workerScriptURL() {
  return folioPolicy().createScriptURL(WORKER_SCRIPT);
}
