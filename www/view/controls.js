// The reader's settings for the viewer page: theme (the system's, light or dark), text
// size, column width and the UI language, each remembered (localStorage). They act on the
// page's root element: `data-theme` and the `--folio-font-size` / `--folio-measure`
// properties (style.css reads them). The page puts the controls where it likes (the top
// bar) and is told of a language change, which only it can apply to all its views.

import { el } from './dom.js';

/** @typedef {import('../i18n.js').Translate} Translate */
/** @typedef {import('../i18n.js').Lang} Lang */
/** @typedef {'auto' | 'light' | 'dark'} Theme */

/** Text sizes in px, and the default's index. */
export const TEXT_SIZES = [14, 15, 16, 17, 18, 20, 22, 24];
const DEFAULT_SIZE = 3;
/** Column widths in rem, and the default's index. */
export const MEASURES = [32, 36, 42, 48, 56, 64];
const DEFAULT_MEASURE = 2;

const KEYS = { theme: 'folio.theme', size: 'folio.textSize', measure: 'folio.measure' };

/**
 * @param {string} key
 * @returns {string | null}
 */
function load(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * @param {string} key
 * @param {string} value
 */
function store(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not remembered; it still applies until the page is closed.
  }
}

/**
 * An index into a list from storage, or the default.
 * @param {string} key
 * @param {number} length
 * @param {number} fallback
 * @returns {number}
 */
function storedIndex(key, length, fallback) {
  const value = Number(load(key));
  return Number.isInteger(value) && value >= 0 && value < length && load(key) !== null ? value : fallback;
}

/**
 * The settings as remembered.
 * @returns {{ theme: Theme, size: number, measure: number }}
 */
export function storedSettings() {
  const theme = load(KEYS.theme);
  return {
    theme: theme === 'light' || theme === 'dark' ? theme : 'auto',
    size: storedIndex(KEYS.size, TEXT_SIZES.length, DEFAULT_SIZE),
    measure: storedIndex(KEYS.measure, MEASURES.length, DEFAULT_MEASURE),
  };
}

/**
 * Applies settings to the page's root element.
 * @param {HTMLElement} root
 * @param {{ theme: Theme, size: number, measure: number }} settings
 */
export function applySettings(root, { theme, size, measure }) {
  if (theme === 'auto') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
  if (size === DEFAULT_SIZE) root.style.removeProperty('--folio-font-size');
  else root.style.setProperty('--folio-font-size', `${TEXT_SIZES[size]}px`);
  if (measure === DEFAULT_MEASURE) root.style.removeProperty('--folio-measure');
  else root.style.setProperty('--folio-measure', `${MEASURES[measure]}rem`);
}

/**
 * The settings controls: a theme and a language menu, and buttons for text size and
 * column width. Applies the remembered settings at once.
 * @param {{ t: Translate, root?: HTMLElement, onLanguage: (lang: Lang) => void, extras?: Node[] }} options
 *   `extras`: the page's own settings, shown in the same panel (the viewer's remote-images switch).
 * @returns {HTMLElement}
 */
export function readerControls({ t, root = document.documentElement, onLanguage, extras = [] }) {
  const settings = storedSettings();
  applySettings(root, settings);
  const save = () => {
    applySettings(root, settings);
    store(KEYS.theme, settings.theme);
    store(KEYS.size, String(settings.size));
    store(KEYS.measure, String(settings.measure));
    sync();
  };

  const theme = /** @type {HTMLSelectElement} */ (el('select', { attrs: { 'aria-label': t('theme'), 'data-testid': 'theme' } }));
  for (const [value, key] of /** @type {const} */ ([['auto', 'themeAuto'], ['light', 'themeLight'], ['dark', 'themeDark']])) {
    theme.append(el('option', { text: t(key), attrs: { value } }));
  }
  theme.value = settings.theme;
  theme.addEventListener('change', () => {
    settings.theme = /** @type {Theme} */ (theme.value);
    save();
  });

  /**
   * @param {string} text
   * @param {string} label
   * @param {string} testid
   * @param {() => void} act
   */
  const button = (text, label, testid, act) => {
    const node = el('button', { className: 'control-button', text, attrs: { type: 'button', 'aria-label': label, title: label, 'data-testid': testid } });
    node.addEventListener('click', () => { act(); save(); });
    return node;
  };
  const smaller = button('A−', t('smallerText'), 'text-smaller', () => { settings.size = Math.max(0, settings.size - 1); });
  const larger = button('A+', t('largerText'), 'text-larger', () => { settings.size = Math.min(TEXT_SIZES.length - 1, settings.size + 1); });
  const narrower = button('⇥⇤', t('narrower'), 'narrower', () => { settings.measure = Math.max(0, settings.measure - 1); });
  const wider = button('⇤⇥', t('wider'), 'wider', () => { settings.measure = Math.min(MEASURES.length - 1, settings.measure + 1); });
  const sync = () => {
    smaller.disabled = settings.size === 0;
    larger.disabled = settings.size === TEXT_SIZES.length - 1;
    narrower.disabled = settings.measure === 0;
    wider.disabled = settings.measure === MEASURES.length - 1;
  };
  sync();

  const language = /** @type {HTMLSelectElement} */ (el('select', { attrs: { 'aria-label': t('language'), 'data-testid': 'language' } },
    el('option', { text: 'English', attrs: { value: 'en', lang: 'en' } }),
    el('option', { text: '中文', attrs: { value: 'zh', lang: 'zh' } })));
  language.value = t.lang;
  language.addEventListener('change', () => onLanguage(/** @type {Lang} */ (language.value)));

  // Behind one "Aa" button, so that the top bar stays one line on a phone.
  const panel = el('div', { className: 'reader-controls', attrs: { role: 'group', 'aria-label': t('settings') } },
    el('span', { className: 'control-group', attrs: { role: 'group', 'aria-label': t('textSize') } }, smaller, larger),
    el('span', { className: 'control-group', attrs: { role: 'group', 'aria-label': t('columnWidth') } }, narrower, wider),
    theme, language, ...extras);
  const menu = el('details', { className: 'reader-settings', attrs: { 'data-testid': 'reader-controls' } },
    el('summary', { text: 'Aa', attrs: { 'aria-label': t('settings'), title: t('settings'), 'data-testid': 'settings-button' } }), panel);
  return menu; // Escape and a press outside close it: viewer/menus.js
}
