// A parse worker's work, in one function that runs in a worker (parse-worker.js) or in
// the page where workers cannot start (workers.js): has the core read a file's bytes (read
// by the pool in the page, transferred here) for the index only (`includeText`, and
// `includeHtml: false`: no body HTML written nor sanitized, the README's Article table),
// answers with the article's summary (never its HTML) and sends its text to the search
// worker through the port the pool gave it, so the page's main thread never carries the
// text. It also renders the article the reader opened whole, when the pool asks, ahead of
// the files waiting here. Files are read one per task (`oneAtATime`), so that a hold (the
// reader's article is rendered and first shown: the cores are the page's) takes effect
// after the file being read, not after all those the pool sent ahead. Warmed (the reader
// reached for "Open"), it loads the core and runs it over made-up articles until files come,
// so that the module is compiled and optimized before the first file, not during it.
// Messages: ParseRequest → ParseReply; ParseRender → ParseRendered; ParseHold; IndexDoc
// batches → the search port (messages.js).

import { FolioError, init, renderWhenReady } from '../folio.js';
import { indexDoc, summarize } from './extract.js';
import { errorInfo } from './messages.js';
import { errorReply } from '../render/messages.js';

/** Index documents sent to the search worker in one message, at most. */
const DOCS_PER_MESSAGE = 25;
/** How long a document may wait for others before it is sent anyway, in ms. */
const DOCS_WAIT_MS = 50;

/**
 * Loads the core as this host uses it: the full module alone in a worker (an archive
 * nearly always holds a file that needs it; it indexes 2–2.4× faster than the light one;
 * a second instance would cost ~35 MiB), both in the page, whose viewer renders with them.
 * @returns {Promise<void>}
 */
function loadCore() {
  return init(typeof document === 'undefined' ? { modules: ['full'] } : { preload: ['full'] });
}

/**
 * @template T
 * @typedef {object} Turns
 * @property {(item: T) => void} add  Queues an item; it is done in a task of its own.
 * @property {(on: boolean) => void} hold  While held, no item is started (the one being done goes on).
 */

/**
 * Does queued items one per task, oldest first (the pool knows a dead worker died on the
 * oldest file it held), and stops between items while held. A task is a message to a
 * port of our own: no clamping, as nested timers have.
 * @template T
 * @param {(item: T) => Promise<void>} work
 * @returns {Turns<T>}
 */
export function oneAtATime(work) {
  /** @type {T[]} */
  const queue = [];
  let held = false;
  let scheduled = false;
  const channel = new MessageChannel();
  const next = () => {
    if (scheduled || held || !queue.length) return;
    scheduled = true;
    channel.port2.postMessage(null);
  };
  channel.port1.onmessage = () => {
    scheduled = false;
    const item = held ? undefined : queue.shift();
    if (item === undefined) return;
    work(item).finally(next);
  };
  // Node (the unit tests) would stay up for a port listened to; browsers have no unref.
  /** @type {any} */ (channel.port1).unref?.();
  return {
    add(item) {
      queue.push(item);
      next();
    },
    hold(on) {
      held = on;
      next();
    },
  };
}

/** Made-up articles of the kinds archives hold, run through the core by `warm`. */
export const WARM_UP = [
  ['warm.md', `---\ntitle: 预热 Warm-up\ndate: 2022-04-21 09:00:35\ncategories: [新闻]\ntags: [a, b]\n---\n\n# 标题 Heading\n\n${
    '商务部新闻发言人表示，全国跨境电商综试区已达132个。Some *emphasis*, `code`, [a link](b.md) and ![an image](img/a.png).\n\n'.repeat(12)
  }- one\n- two\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n\`\`\`js\nlet x = 1;\n\`\`\`\n\n<div class="note"><p>Raw <b>HTML</b> <img src="x.png"></p></div>\n\n## 小节 Section\n\n> A quote [[Note|wiki link]]\n`],
  ['warm.html', `<!doctype html><html lang="zh"><head><title>预热</title><meta name="description" content="d"></head><body><nav><a href="/">Home</a></nav><article><h1>预热 Warm-up</h1>${
    '<p style="color:red">商务部新闻发言人表示，<font color="red">全国</font>跨境电商综试区已达132个。<a href="a.html">link</a> <img src="b.png"></p><!-- c -->'.repeat(12)
  }<h2>小节</h2><ul><li>one</li><li>two</li></ul><table><tr><td>1</td></tr></table></article><script>x()</script><footer>©</footer></body></html>`],
];

/** How many times `warm` runs the made-up articles: enough for the core's busiest functions to be optimized. */
const WARM_UP_ROUNDS = 40;

/**
 * Runs the core over WARM_UP, an index render and a whole one each, a round per task,
 * until done or `stop()` says files came. Errors are of no concern here.
 * @param {() => boolean} stop
 * @returns {Promise<void>}
 */
export async function exercise(stop) {
  const encoder = new TextEncoder();
  const inputs = WARM_UP.map(([fileName, text]) => /** @type {const} */ ([fileName, encoder.encode(text)]));
  for (let round = 0; round < WARM_UP_ROUNDS && !stop(); round++) {
    for (const [fileName, bytes] of inputs) {
      await renderWhenReady(bytes, /** @type {any} */ ({ fileName, includeText: true, includeHtml: false, textBytes: true })).catch(() => {});
      await renderWhenReady(bytes, { fileName }).catch(() => {});
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/**
 * The parse worker's message handler.
 * @param {(reply: import('./messages.js').ParseReply | import('./messages.js').ParseEnded | import('./messages.js').ParseRendered) => void} post
 * @returns {(request: any) => Promise<void>}
 */
export function parseHost(post) {
  /** @type {MessagePort | null} */
  let searchPort = null;
  /** @type {import('./messages.js').IndexDoc[]} */
  let pendingDocs = [];
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let flushTimer;

  const flush = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    if (searchPort && pendingDocs.length) {
      // The texts' bytes are moved, not copied (each has a buffer of its own from the core).
      const transfer = new Set(pendingDocs.flatMap((doc) => (doc.text instanceof Uint8Array ? [/** @type {ArrayBuffer} */ (doc.text.buffer)] : [])));
      searchPort.postMessage({ type: 'add', docs: pendingDocs }, { transfer: [...transfer] });
    }
    pendingDocs = [];
  };

  /** Reads one file for the index and answers. @param {import('./messages.js').ParseRequest} request */
  const parse = async ({ id, path, bytes }) => {
    try {
      const fileName = path.slice(path.lastIndexOf('/') + 1);
      const options = /** @type {import('../folio.js').RenderOptions} */ (/** @type {unknown} */ ({ fileName, includeText: true, includeHtml: false, textBytes: true }));
      // A worker started without `warm` loads the same modules first (not light, then full).
      await loadCore().catch(() => {}); // renderWhenReady then says what failed
      const { summary, text } = summarize(path, await renderWhenReady(bytes, options));
      post({ id, summary });
      pendingDocs.push(indexDoc(summary, text));
      if (pendingDocs.length >= DOCS_PER_MESSAGE) flush();
      else flushTimer ??= setTimeout(flush, DOCS_WAIT_MS);
    } catch (error) {
      const info = errorInfo(error, 'unreadable');
      if (error instanceof FolioError) info.code = error.code;
      post({ id, path, error: info });
    }
  };
  const files = oneAtATime(parse);
  /** Whether files have come (the warm-up then stops). */
  let busy = false;

  return async (data) => {
    if (data?.type === 'hold') {
      files.hold(Boolean(data.on));
      return;
    }
    if (data?.type === 'end') {
      // The pool ends this worker (idle): what waits for the search worker goes first.
      flush();
      post({ type: 'ended' });
      return;
    }
    if (data?.type === 'port') {
      searchPort = data.port;
      return;
    }
    if (data?.type === 'render') {
      // The reader's article, whole (the pool's render()): the Article, HTML and all, ahead
      // of the files waiting here.
      await loadCore().catch(() => {}); // renderWhenReady then says what failed
      try {
        post({ type: 'rendered', id: data.id, article: await renderWhenReady(data.bytes, data.options) });
      } catch (error) {
        post({ type: 'rendered', .../** @type {{ id: number, error: import('../render/messages.js').ErrorShape }} */ (errorReply(data.id, error)) });
      }
      return;
    }
    if (data?.type === 'warm') {
      // Compile the core now, so that the first file opened does not wait for it; then run
      // it over a few made-up articles while the reader picks files, so that its functions
      // are compiled (lazily, then optimized in the background: that compiling took the
      // cores from the page while the first article was drawn) before files arrive.
      await loadCore().catch(() => {});
      // Not on the page's own thread (where workers cannot start): its tasks are the reader's.
      if (typeof document === 'undefined') await exercise(() => busy);
      return;
    }
    busy = true;
    files.add(/** @type {import('./messages.js').ParseRequest} */ (data));
  };
}
