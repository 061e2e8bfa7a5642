// Work over many nodes in turns: a huge article has thousands of code blocks, images and
// paragraphs, and enhancing them all in one task held the page for seconds. Each turn
// runs for about TURN_MS, then the page gets to paint and answer before the next one.
// Turns are short because the page is often not alone: while a library indexes, its
// workers hold the cores and a turn takes two to four times as long by the clock.

/** How long one turn may run, in ms. */
export const TURN_MS = 10;

/**
 * Gives the page a moment: scheduler.yield() where there is one (the rest of the work
 * comes back first, without the 4 ms a chain of timers is held to), else a timer.
 * @returns {Promise<void>}
 */
export function yieldToPage() {
  const scheduler = /** @type {{ scheduler?: { yield?: () => Promise<void> } }} */ (/** @type {unknown} */ (globalThis)).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves once the next frame is drawn (a timer set in its animation frame runs after
 * its layout and paint); where no frame comes (a hidden page), after a timer.
 * @returns {Promise<void>}
 */
export function afterNextFrame() {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function' || document.hidden) setTimeout(resolve, 0);
    else requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

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
      await yieldToPage();
      started = performance.now();
    }
  }
}
