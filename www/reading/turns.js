// Work over many nodes in turns: a huge article has thousands of code blocks, images and
// paragraphs, and enhancing them all in one task held the page for seconds. Each turn
// runs for about TURN_MS, then the page gets to paint and answer before the next one.

/** How long one turn may run, in ms. */
export const TURN_MS = 30;

/**
 * Calls `work` on each item in order, in turns of about TURN_MS, yielding to the page
 * between turns. A short list is done in one turn.
 * @template T
 * @param {Iterable<T>} items
 * @param {(item: T) => void} work
 * @returns {Promise<void>}
 */
export async function inTurns(items, work) {
  let started = performance.now();
  for (const item of items) {
    work(item);
    if (performance.now() - started > TURN_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      started = performance.now();
    }
  }
}
