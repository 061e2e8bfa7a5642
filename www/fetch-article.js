// Fetching an article by URL, for the viewer's `?src=` and <folio-article src>: one path,
// one set of errors. Failures are LoadErrors whose code and params the shell puts into
// words (i18n.js describeError), like the core's FolioErrors.

/**
 * Why an article's bytes could not be had: `bad-url` (params `url`), `network` (`url`),
 * `http` (`url`, `status`) or `read` (a local file that could not be read).
 */
export class LoadError extends Error {
  /**
   * @param {string} message  In English, for logs and for callers that do not translate.
   * @param {'bad-url' | 'network' | 'http' | 'read'} code
   * @param {Record<string, string>} [params]
   */
  constructor(message, code, params = {}) {
    super(message);
    this.name = 'LoadError';
    this.code = code;
    this.params = params;
  }
}

/**
 * @typedef {object} Fetched
 * @property {Uint8Array} bytes
 * @property {URL} url     Where it came from (the base for its relative links).
 * @property {string} name The file name from the URL's last path segment.
 */

/**
 * Fetches an article (same-origin credentials only).
 * @param {string} src  Absolute, or relative to `base`.
 * @param {string} [base]  Default: the document's base URL.
 * @returns {Promise<Fetched>}
 * @throws {LoadError}
 */
export async function fetchArticle(src, base = document.baseURI) {
  let url;
  try {
    url = new URL(src, base);
  } catch {
    throw new LoadError(`“${src}” is not a valid address.`, 'bad-url', { url: src });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LoadError(`Could not fetch ${url.href}: only http(s) addresses can be fetched.`, 'network', { url: url.href });
  }
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', priority: 'high' });
  } catch {
    throw new LoadError(`Could not fetch ${url.href}: the network request failed or was blocked.`, 'network', { url: url.href });
  }
  if (!response.ok) {
    const status = `${response.status} ${response.statusText}`.trim();
    throw new LoadError(`Could not fetch ${url.href} (HTTP ${status}).`, 'http', { url: url.href, status });
  }
  try {
    return { bytes: new Uint8Array(await response.arrayBuffer()), url, name: nameFromUrl(url) };
  } catch {
    throw new LoadError(`Could not fetch ${url.href}: the network request failed or was blocked.`, 'network', { url: url.href });
  }
}

/**
 * The file name for a URL's last path segment (the host when the path is empty).
 * @param {URL} url
 * @returns {string}
 */
export function nameFromUrl(url) {
  const last = url.pathname.split('/').filter(Boolean).pop();
  try {
    return last ? decodeURIComponent(last) : url.host;
  } catch {
    return last ?? url.host;
  }
}
