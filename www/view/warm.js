// Fonts looked up before the reader needs them. The first time text is laid out in a
// font, size and weight, Chromium on Linux asks the browser process for that face and its
// rendering settings, and waits for the answer: one round trip for each family tried and
// each face and size, 5–30 ms apiece while workers hold the cores. A first Chinese article
// needed 75 of them (over 150 ms, ARCHITECTURE.md), a first list of titles a dozen. While
// the page waits for the reader, hidden specimens are laid out one at a time, an idle
// moment each, and taken away: the browser keeps what it looked up.

/** How long an idle callback may wait before it runs anyway, in ms. */
const IDLE_TIMEOUT_MS = 2000;

/**
 * A specimen: called once, its element is laid out hidden, then removed.
 * @typedef {() => HTMLElement | null | Promise<HTMLElement | null>} Specimen
 */

/**
 * Lays out each specimen hidden inside `host`, one per idle moment, while `wanted()` holds
 * (stops, leaving nothing behind, once it does not: the page has started showing something
 * and looks its fonts up itself). The specimen loses its ids and test ids (nothing may find
 * it), is inert and hidden from assistive technology, and is positioned off screen in a box
 * of fixed size (`.font-warmup`, style.css), so that nothing else moves.
 * @param {HTMLElement} host  Where the real content goes (the styles that apply there apply).
 * @param {Specimen[]} specimens
 * @param {() => boolean} [wanted]
 * @returns {Promise<void>} settles when all are done, or it stopped.
 */
export async function warmFonts(host, specimens, wanted = () => true) {
  for (const specimen of specimens) {
    await idle();
    if (!wanted()) return;
    let node;
    try {
      node = await specimen();
    } catch {
      continue; // A specimen that cannot be made warms nothing; the next may.
    }
    if (!node || !wanted()) return;
    for (const named of node.querySelectorAll('[id], [data-testid]')) {
      named.removeAttribute('id');
      named.removeAttribute('data-testid');
    }
    node.removeAttribute('data-testid');
    const box = document.createElement('div');
    box.className = 'font-warmup';
    box.setAttribute('aria-hidden', 'true');
    box.inert = true;
    box.append(node);
    host.append(box);
    // Laid out in the next frame; gone in the one after.
    await frame();
    await frame();
    box.remove();
  }
}

/** @returns {Promise<void>} */
function idle() {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 50);
  });
}

/** @returns {Promise<void>} */
function frame() {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
