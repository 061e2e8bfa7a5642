// The render worker's messages, defined once for both sides (www/folio-worker.js and
// www/render/worker-client.js, or any page that starts the worker itself).
//
//   core:    { core }                   the page's compiled full module (a WebAssembly.Module,
//                                       compiledModule()), sent first when the page has it:
//                                       the worker, which renders with it, compiles nothing
//   request: { id, input, options }     input: string or Uint8Array, as for render()
//   reply:   { id, article }            the Article
//          | { id, error: { message, code, params } }   a FolioError, flattened

import { FolioError, stringRecord } from '../folio.js';

/** @typedef {import('../folio.js').Article} Article */
/** @typedef {import('../folio.js').RenderOptions} RenderOptions */

/**
 * @typedef {object} RenderRequest
 * @property {number} id
 * @property {string | Uint8Array} input
 * @property {RenderOptions} [options]
 */

/**
 * The page's compiled full module, for the worker's init(): a module crosses to a worker
 * without being compiled again. Sent before any request, and only then.
 * @typedef {object} CoreMessage
 * @property {WebAssembly.Module} core
 */

/**
 * @typedef {object} ErrorShape
 * @property {string} message
 * @property {string} code
 * @property {Record<string, string>} params
 */

/** @typedef {{ id: number, article: Article } | { id: number, error: ErrorShape }} RenderReply */

/**
 * The reply for a failed render: a FolioError's code and params survive the trip; anything
 * else thrown is `unreadable`.
 * @param {number} id
 * @param {unknown} error
 * @returns {RenderReply}
 */
export function errorReply(id, error) {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof FolioError) return { id, error: { message, code: error.code, params: error.params } };
  return { id, error: { message, code: 'unreadable', params: {} } };
}

/**
 * The FolioError a reply's error stands for, as render() would have thrown it.
 * @param {unknown} shape  The `error` of a reply (checked: it crossed a thread).
 * @returns {FolioError}
 */
export function replyError(shape) {
  const { message, code, params } = /** @type {{ message?: unknown, code?: unknown, params?: unknown }} */ (shape ?? {});
  return new FolioError(String(message ?? ''), typeof code === 'string' && code ? code : 'unreadable', { params: stringRecord(params) });
}
