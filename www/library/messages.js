// The messages between the library and its workers, defined once for both sides.
//
//   zip-worker.js     ZipRequest → ZipReply*        (entries in batches, then done or error)
//   parse-worker.js   ParseRequest → ParseReply     (to the page: metadata, never HTML;
//                     ParseRender → ParseRendered: the reader's article, whole;
//                     ParseHold: no file started while the reader's article is shown)
//   (each worker's handler is its *-host.js module, which also runs in the page where
//   workers cannot start: workers.js)
//                     and IndexDoc → the search worker's port (the text goes there directly)
//   search-worker.js  SearchRequest → SearchReply

/**
 * Open a zip (`file`), or write a library into the single-file viewer (`pack`).
 * @typedef {{ id: number, file: File, limits?: Partial<import('./zip-read.js').ZipLimits> }
 *   | { id: number, type: 'pack', pack: PackRequest }} ZipRequest
 */

/**
 * What a library saved as one HTML file holds (archive.js writes it).
 * @typedef {object} PackRequest
 * @property {string} template   The single-file viewer's HTML.
 * @property {string} title
 * @property {string} generator
 * @property {{ path: string, file: Blob, kind: 'article' | 'asset' }[]} files
 * @property {ArticleSummary[]} articles
 * @property {IndexDoc[]} docs
 * @property {Uint8Array | null} [engine]  The search index module (search-index.wasm), so
 *   that the saved page searches with it from file:// too.
 */

/**
 * @typedef {{ id: number, type: 'entries', entries: { path: string, file: File }[] }
 *   | { id: number, type: 'done', count: number, skipped: string[] }
 *   | { id: number, type: 'packed', blob: Blob }
 *   | { id: number, type: 'error', error: LibraryErrorInfo }} ZipReply
 */

/**
 * A failure with a code the UI translates; `message` is English, the fallback.
 * @typedef {object} LibraryErrorInfo
 * @property {string} code
 * @property {string} message
 * @property {Record<string, string>} [params]
 */

/**
 * @typedef {object} ParseRequest
 * @property {number} id
 * @property {string} path
 * @property {Uint8Array} bytes  The file's content, read by the pool in the page and
 *   transferred (posting a picked folder's File costs a synchronous disk look-up, and the
 *   worker's read of it more again: pool.js).
 */

/**
 * A relative reference in an article body (Article.links of the core, the README's Article table).
 * @typedef {object} ArticleLink
 * @property {'link' | 'image' | 'wikilink' | 'embed'} kind
 * @property {string} target
 */

/**
 * What the library keeps of one article: enough for the list, the filters and the
 * links; the HTML is rendered again from the File when the article is opened.
 * @typedef {object} ArticleSummary
 * @property {string} path
 * @property {string | null} title
 * @property {string | null} date
 * @property {string | null} date_text
 * @property {string[]} authors
 * @property {string[]} categories
 * @property {string[]} tags
 * @property {string | null} cover
 * @property {string | null} summary  Front-matter summary, else the excerpt (short, plain text).
 * @property {string | null} lang
 * @property {string} format
 * @property {boolean} draft
 * @property {number} warnings  How many warnings the core gave.
 * @property {string} encoding
 * @property {number} words
 * @property {ArticleLink[]} links
 */

/**
 * @typedef {{ id: number, summary: ArticleSummary }
 *   | { id: number, path: string, error: LibraryErrorInfo }} ParseReply
 */

/**
 * A file the reader opened, rendered whole by a parse worker (pool.js render()): its
 * bytes (copied), the render options, and the answer, the Article or the core's error as
 * render/messages.js flattens it.
 * @typedef {{ type: 'render', id: number, bytes: Uint8Array, options: import('../folio.js').RenderOptions }} ParseRender
 * @typedef {{ type: 'rendered', id: number, article: import('../folio.js').Article }
 *   | { type: 'rendered', id: number, error: import('../render/messages.js').ErrorShape }} ParseRendered
 */

/**
 * Holds a parse worker's files (`on`), or lets them go on: while the reader's article is
 * rendered and first shown, a worker starts no file (the one it is reading goes on);
 * whole renders are not held.
 * @typedef {{ type: 'hold', on: boolean }} ParseHold
 */

/**
 * A parse worker's answer to `{ type: 'end' }` (the pool ends idle workers): every index
 * document it held is on its way to the search worker; it may be terminated.
 * @typedef {{ type: 'ended' }} ParseEnded
 */

/**
 * One article for the search index; sent from a parse worker straight to the search
 * worker (the page never holds the text).
 * @typedef {object} IndexDoc
 * @property {string} path
 * @property {string} title
 * @property {string} tags        Tags and categories, space-joined.
 * @property {string} authors
 * @property {string | Uint8Array} text  The body's plain text, or its UTF-8 bytes (as the parse
 *   workers send it: never made a string on the way, transferred to the search worker).
 */

/**
 * @typedef {{ type: 'port', port: MessagePort }
 *   | { type: 'add', docs: IndexDoc[] }
 *   | { type: 'remove', paths: string[] }
 *   | { type: 'clear' }
 *   | { type: 'engine', wasm: Uint8Array }
 *   | { type: 'count', id: number }
 *   | { type: 'texts', id: number }
 *   | { type: 'query', id: number, query: string, limit: number, snippets?: number }
 *   | { type: 'details', id: number, query: string, paths: string[] }} SearchRequest
 */

/**
 * One search hit: the article, its score and a snippet of its text around the matches.
 * @typedef {object} SearchHit
 * @property {string} path
 * @property {number} score
 * @property {{ text: string, mark: boolean }[]} title    The title, its matches marked.
 * @property {{ text: string, mark: boolean }[]} snippet
 * @property {string[]} terms  What to mark: the query's CJK runs and the indexed words that matched.
 */

/**
 * A hit's marked title and snippet, asked for when the list shows a hit that came without.
 * @typedef {object} HitDetails
 * @property {string} path
 * @property {{ text: string, mark: boolean }[]} title
 * @property {{ text: string, mark: boolean }[]} snippet
 */

/**
 * @typedef {{ type: 'results', id: number, hits: SearchHit[], total: number, ms: number, engine: string }
 *   | { type: 'details', id: number, details: HitDetails[] }
 *   | { type: 'count', id: number, documents: number }
 *   | { type: 'texts', id: number, texts: [string, string][] }
 *   | { type: 'indexed', documents: number }} SearchReply
 */

/**
 * Turns anything thrown into an error description a message can carry.
 * @param {unknown} error
 * @param {string} [fallbackCode]
 * @returns {LibraryErrorInfo}
 */
export function errorInfo(error, fallbackCode = 'unreadable') {
  const e = /** @type {any} */ (error);
  const code = e && typeof e.code === 'string' ? e.code : fallbackCode;
  const message = error instanceof Error ? error.message : String(error);
  const params = e && e.params && typeof e.params === 'object' ? e.params : {};
  return { code, message, params };
}


/**
 * The failure of a file that could not be read (gone from the disk, unreadable, or not
 * sendable to a worker), in the same words wherever it happens.
 * @param {unknown} error
 * @returns {LibraryErrorInfo}
 */
export function readFailure(error) {
  return { code: 'unreadable', message: `This file could not be read: ${/** @type {any} */ (error)?.message ?? error}`, params: {} };
}
