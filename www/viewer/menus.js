// The top bar's menus (`<details>`: "Save…", the reader's settings "Aa") close as menus
// do: on Escape (the focus back on their button when it was inside), on a press outside
// them, and when another of them opens. A panel around them (the phone's menu) closes on
// a second Escape: the first is taken here while a menu was open with the focus in it.

/**
 * Makes the menus that match `selector` under `root` close as menus do.
 * @param {Document | HTMLElement} root
 * @param {string} selector  Matches `<details>` elements.
 */
export function closeMenusAsMenusDo(root, selector) {
  const open = () => /** @type {HTMLDetailsElement[]} */ ([...root.querySelectorAll(selector)]).filter((menu) => menu.open);
  root.addEventListener('pointerdown', (event) => {
    for (const menu of open()) if (!menu.contains(/** @type {Node} */ (event.target))) menu.open = false;
  }, true);
  root.addEventListener('keydown', (event) => {
    if (/** @type {KeyboardEvent} */ (event).key !== 'Escape') return;
    for (const menu of open()) {
      const focusInside = menu.contains(document.activeElement);
      menu.open = false;
      if (focusInside) {
        event.preventDefault();
        menu.querySelector('summary')?.focus();
      }
    }
  }, true);
  // `toggle` does not bubble: heard on the way down.
  root.addEventListener('toggle', (event) => {
    const opened = event.target;
    if (!(opened instanceof HTMLDetailsElement) || !opened.open || !opened.matches(selector)) return;
    for (const menu of open()) if (menu !== opened) menu.open = false;
  }, true);
}
