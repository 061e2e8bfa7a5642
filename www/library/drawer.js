// A panel that a button shows and hides on a phone: the library's drawer and the top
// bar's "more" menu. The button says whether it is open (aria-expanded); the panel closes
// on Esc, on a click outside it, and when the caller says (an article chosen); focus goes
// into it when it opens and back to the button when it closes from inside. On wide
// screens (the media query does not match) the panel is always shown by the CSS.

/**
 * @typedef {object} PanelOptions
 * @property {HTMLElement} button   Shows and hides the panel (aria-controls names it).
 * @property {HTMLElement} panel
 * @property {MediaQueryList} phone  Whether the page is narrow enough to hide the panel.
 * @property {() => HTMLElement | null} [focusTarget]  Where focus goes on opening (else the first control).
 * @property {Element[]} [inside]   Also not "outside" (a click there keeps the panel open).
 * @property {HTMLElement} [backdrop] Shown behind the panel while it is open; a click on it closes.
 */

/** What can take the keyboard focus. */
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

export class TogglePanel {
  /** @param {PanelOptions} options */
  constructor({ button, panel, phone, focusTarget, inside = [], backdrop }) {
    this.button = button;
    this.panel = panel;
    this.phone = phone;
    this.focusTarget = focusTarget ?? (() => panel.querySelector(FOCUSABLE));
    this.backdrop = backdrop;
    button.setAttribute('aria-expanded', 'false');
    button.addEventListener('click', () => (this.isOpen ? this.close() : this.open()));
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.isOpen && !event.defaultPrevented) this.close();
    });
    document.addEventListener('pointerdown', (event) => {
      const target = /** @type {Node} */ (event.target);
      if (!this.isOpen || [button, panel, ...inside].some((node) => node.contains(target))) return;
      this.close();
    });
    backdrop?.addEventListener('click', () => this.close());
    phone.addEventListener('change', () => { if (!phone.matches) this.close({ focus: false }); });
  }

  /** @returns {boolean} */
  get isOpen() {
    return this.panel.hasAttribute('data-open');
  }

  /**
   * Shows the panel (on a phone; elsewhere it is always shown).
   * @param {{ focus?: boolean }} [options] focus: move the keyboard focus into it.
   */
  open({ focus = true } = {}) {
    if (!this.phone.matches || this.isOpen) return;
    this.panel.setAttribute('data-open', '');
    this.button.setAttribute('aria-expanded', 'true');
    if (this.backdrop) this.backdrop.hidden = false;
    if (focus) this.focusTarget()?.focus();
  }

  /**
   * Hides the panel; the focus, if it was inside (or nowhere), goes back to the button.
   * @param {{ focus?: boolean }} [options]
   */
  close({ focus = true } = {}) {
    if (!this.isOpen) return;
    const active = document.activeElement;
    this.panel.removeAttribute('data-open');
    this.button.setAttribute('aria-expanded', 'false');
    if (this.backdrop) this.backdrop.hidden = true;
    if (focus && (!active || active === document.body || this.panel.contains(active))) this.button.focus();
  }
}
