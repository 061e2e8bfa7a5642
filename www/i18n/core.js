// The words every front end shows (the article view), and how every table of words is
// used. Words come in tables, one module per room, each in English and Chinese (the
// Chinese typed as the English, so a missing string fails `tsc`), so that a page loads
// only the words it can show: this one always; i18n/errors.js with an error card;
// i18n/view-more.js with the view's parts loaded on demand (reader mode's switch, the
// original text, an empty note's properties);
// i18n/reading.js with the rich-content modules; www/i18n.js with the viewer's page.
// The language: `?lang=en|zh` if given, else the one chosen on the page before, else
// Chinese when the browser's first language starts with "zh". Article text is never translated.

/** @typedef {'en' | 'zh'} Lang */
/** @typedef {Record<string, string>} Params  What a message names, as the core gives it. */
/** @typedef {Record<string, string | ((...args: any[]) => string)>} Table  Words by key. */

/**
 * The arguments a string takes: none for plain text, the function's for a function.
 * @template {Table} S
 * @template {keyof S} K
 * @typedef {S[K] extends (...args: infer A) => string ? A : []} ArgsOf
 */

/**
 * A translator over one table: `t('loaded', title)`; `t.lang` is its language now.
 * @template {Table} S
 * @typedef {{ <K extends keyof S>(key: K, ...args: ArgsOf<S, K>): string, readonly lang: Lang }} Words
 */

/**
 * A size in MB (2^20 bytes) with one decimal, e.g. "9.5".
 * @param {number} bytes
 * @returns {string}
 */
export const megabytes = (bytes) => (bytes / 1048576).toFixed(1);

const EN = {
  by: 'By',
  minutesRead: (/** @type {number} */ n) => `${n} min read`,
  draft: 'Draft',
  categories: 'Categories',
  tags: 'Tags',
  contents: 'Contents',
  contentsCount: (/** @type {number} */ n) => `Contents (${n} headings)`,
  notes: (/** @type {number} */ n) => (n === 1 ? '1 parser note' : `${n} parser notes`),
  noteAtLine: (/** @type {number} */ line, /** @type {string} */ text) => `Line ${line}: ${text}`,
  updated: 'Updated',
  coverAlt: 'Cover image',
  loadImage: (/** @type {string} */ host) => `Load image from ${host}`,
  copyLink: (/** @type {string} */ heading) => `Copy a link to “${heading}”`,
  linkCopied: 'Link copied',
};

/** @type {typeof EN} */
const ZH = {
  by: '作者',
  minutesRead: (n) => `阅读约 ${n} 分钟`,
  draft: '草稿',
  categories: '分类',
  tags: '标签',
  contents: '目录',
  contentsCount: (n) => `目录（${n} 个标题）`,
  notes: (n) => `${n} 条解析提示`,
  noteAtLine: (line, text) => `第 ${line} 行：${text}`,
  updated: '更新于',
  coverAlt: '封面图片',
  loadImage: (host) => `加载来自 ${host} 的图片`,
  copyLink: (heading) => `复制指向“${heading}”的链接`,
  linkCopied: '链接已复制',
};

/** The article view's words. */
export const CORE_WORDS = { en: EN, zh: ZH };

/** @typedef {typeof EN} CoreStrings */
/** The article view's translator: what the views are given. @typedef {Words<CoreStrings>} Translate */


/**
 * A translator over `tables` whose language can change (`setLang`): every view that
 * holds it speaks the new language when it next draws.
 * @template {Table} S
 * @param {Record<Lang, S>} tables
 * @param {Lang} lang
 * @returns {Words<S> & { setLang: (next: Lang) => void }}
 */
export function translatorOver(tables, lang) {
  let current = lang;
  /** @type {(key: keyof S, ...args: unknown[]) => string} */
  const t = (key, ...args) => {
    const entry = tables[current][key];
    return typeof entry === 'function' ? entry(...args) : entry;
  };
  return /** @type {Words<S> & { setLang: (next: Lang) => void }} */ (/** @type {unknown} */ (Object.defineProperties(t, {
    lang: { get: () => current, enumerable: true },
    setLang: { value: (/** @type {Lang} */ next) => { current = next; } },
  })));
}

/**
 * The article view's translator for one language.
 * @param {Lang} lang
 * @returns {Translate}
 */
export function translator(lang) {
  return translatorOver(CORE_WORDS, lang);
}

/**
 * How a room reads its own table in the language of a translator it was given (which may
 * switch language later): `const w = readingWords(t); w('copyCode')`.
 * @template {Table} S
 * @param {Record<Lang, S>} tables
 * @returns {(t: { readonly lang: Lang }) => Words<S>}
 */
export function wordsFor(tables) {
  return (t) => {
    /** @type {(key: keyof S, ...args: unknown[]) => string} */
    const w = (key, ...args) => {
      const entry = tables[t.lang][key];
      return typeof entry === 'function' ? entry(...args) : entry;
    };
    return /** @type {Words<S>} */ (/** @type {unknown} */ (Object.defineProperty(w, 'lang', { get: () => t.lang, enumerable: true })));
  };
}

/** Where the language chosen on the page is remembered. */
const LANG_KEY = 'folio.lang';

/**
 * The language the reader chose on the page earlier, or null.
 * @returns {Lang | null}
 */
export function storedLang() {
  try {
    const value = localStorage.getItem(LANG_KEY);
    return value === 'en' || value === 'zh' ? value : null;
  } catch {
    return null;
  }
}

/**
 * Remembers the language the reader chose on the page.
 * @param {Lang} lang
 */
export function storeLang(lang) {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Not remembered: it applies to this visit only.
  }
}

/**
 * Picks the UI language from `?lang=`, else the one chosen on the page before, else the
 * browser's languages.
 * @param {URLSearchParams} params
 * @param {readonly string[]} languages e.g. navigator.languages
 * @param {Lang | null} [stored] The remembered choice (default: storedLang()).
 * @returns {Lang}
 */
export function pickLang(params, languages, stored = storedLang()) {
  const wanted = (params.get('lang') ?? '').toLowerCase();
  if (wanted === 'en' || wanted === 'zh') return wanted;
  if (stored) return stored;
  const first = (languages[0] ?? 'en').toLowerCase();
  return first.startsWith('zh') ? 'zh' : 'en';
}

/**
 * The reader's languages as the browser reports them.
 * @returns {readonly string[]}
 */
export function browserLanguages() {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/**
 * @typedef {object} WarningLike
 * @property {string} code     Empty for a warning from a core that gives no code.
 * @property {string} message  The core's English sentence.
 * @property {number | null} line
 * @property {Params} params
 */

/**
 * One of the core's warnings in the UI language, with the line it is about when known:
 * the core's English sentence, or the words for its code from `words` (the Chinese table
 * of `i18n/warnings.js`, loaded only when needed) where it has some.
 * @param {WarningLike} warning
 * @param {Translate} t
 * @param {Record<string, (params: Params) => string>} [words]
 * @returns {string}
 */
export function describeWarning(warning, t, words) {
  const own = words && Object.hasOwn(words, warning.code) ? words[warning.code] : undefined;
  const text = own ? own(warning.params) : warning.message;
  return warning.line === null ? text : t('noteAtLine', warning.line, text);
}

/**
 * Only the string values of a params object.
 * @param {unknown} params
 * @returns {Params}
 */
export function stringParams(params) {
  /** @type {Params} */
  const out = {};
  if (params && typeof params === 'object') {
    for (const [key, value] of Object.entries(params)) if (typeof value === 'string') out[key] = value;
  }
  return out;
}
