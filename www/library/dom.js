// Small DOM helpers for the library's views: elements built with text only (no HTML
// strings), and dates shown as the calendar day the author wrote.

/**
 * An element with attributes (`text` sets textContent; `class` the class name) and children.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attrs]
 * @param {...(Node | string | null | undefined | false)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') node.textContent = String(value);
    else if (name === 'class') node.className = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

/**
 * Makes `parent`'s children exactly `children`, in order, without taking out and putting
 * back those already in place (each move lays them out again, and a row taken out between
 * a mousedown and its mouseup loses the click): only children that left go, only new ones
 * come, and one moves only when the order changed.
 * @param {Element} parent
 * @param {Element[]} children
 */
export function placeChildren(parent, children) {
  const keep = new Set(children);
  for (const child of [...parent.children]) if (!keep.has(child)) child.remove();
  let at = parent.firstElementChild;
  for (const child of children) {
    if (child === at) at = child.nextElementSibling;
    else parent.insertBefore(child, at);
  }
}

/**
 * The calendar day of an article date as written ('2017-08-30T01:37:56+08:00' → Aug 30,
 * 2017, whatever the reader's zone), formatted for the UI language; null when unreadable.
 * @param {string | null} date
 * @param {string} locale
 * @returns {string | null}
 */
export function dayOf(date, locale) {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  if (!m) return null;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(day.getTime())) return null;
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    dayFormats.set(locale, format);
  }
  return format.format(day);
}

/** A day formatter per locale (making one per row costs a list redraw a long task). @type {Map<string, Intl.DateTimeFormat>} */
const dayFormats = new Map();

/**
 * A metadata value as a reader should see it: Obsidian's `[[Note|label]]` and `[[Note]]`
 * (written in front matter, and left as written until the core reads them) become their names.
 * @param {string} value
 * @returns {string}
 */
export function plainName(value) {
  return value.replace(/\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g, (_, target, label) => (label ?? target).replace(/#.*$/, '').trim());
}
