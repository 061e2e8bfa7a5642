// The viewer page's words (the page's own chrome, the file list, the reading pane's
// notices, the reader's settings) over the words every front end shows (i18n/core.js),
// and the viewer's way to them: one translator that switches language in place. Other
// rooms keep their words apart (i18n/errors.js, i18n/reading.js), so that a page such as
// one with a <folio-article> loads only what it can show.

import { CORE_WORDS, megabytes, translatorOver } from './i18n/core.js';

export { browserLanguages, pickLang, storeLang, storedLang } from './i18n/core.js';
export { describeError } from './i18n/errors.js';

/** @typedef {import('./i18n/core.js').Lang} Lang */

const EN = {
  appName: 'Folio',
  tagline: 'Article viewer',
  skipToArticle: 'Skip to the article',
  openFiles: 'Open files…',
  dropHint: 'Drop articles to open them',
  filesHeading: 'Opened files',
  noFiles: 'No files yet.',
  filesHint: 'Drop Markdown, HTML or text files, or a folder of them, anywhere on this page.',
  welcomeTitle: 'Open an article',
  welcomeText: 'Drop Markdown, HTML or text files (or a folder of them) anywhere on this page, or use “Open files…”. Nothing leaves your computer.',
  loading: 'Loading…',
  loadingLarge: (/** @type {number} */ bytes) => `Rendering a large file (${megabytes(bytes)} MB) in the background…`,
  loaded: (/** @type {string} */ title) => `Loaded ${title}`,
  failedTag: '(could not open)',
  errorAnnounce: (/** @type {string} */ name, /** @type {string} */ message) => `Could not open ${name}: ${message}`,
  notOpen: (/** @type {string} */ target) => `“${target}” is not open. Drop it on this page or use “Open files…” to read it.`,
  blockImages: 'Block remote images',
  blockImagesHint: 'Remote images are not fetched until you click them; nothing tells their hosts that you read.',
  // The reader's settings (view/controls.js).
  settings: 'Reading settings',
  theme: 'Theme',
  themeAuto: 'System',
  themeLight: 'Light',
  themeDark: 'Dark',
  textSize: 'Text size',
  smallerText: 'Smaller text',
  largerText: 'Larger text',
  columnWidth: 'Column width',
  narrower: 'Narrower column',
  wider: 'Wider column',
  language: 'Language',
};

/** @type {typeof EN} */
const ZH = {
  appName: 'Folio',
  tagline: '文章阅读器',
  skipToArticle: '跳到正文',
  openFiles: '打开文件…',
  dropHint: '松开以打开文章',
  filesHeading: '已打开的文件',
  noFiles: '还没有打开文件。',
  filesHint: '把 Markdown、HTML 或文本文件（或整个文件夹）拖到本页任意位置即可打开。',
  welcomeTitle: '打开一篇文章',
  welcomeText: '把 Markdown、HTML 或文本文件（或包含它们的文件夹）拖到本页任意位置，或点击“打开文件…”。文件不会离开你的电脑。',
  loading: '正在载入…',
  loadingLarge: (bytes) => `正在后台渲染较大的文件（${megabytes(bytes)} MB）…`,
  loaded: (title) => `已载入 ${title}`,
  failedTag: '（无法打开）',
  errorAnnounce: (name, message) => `无法打开 ${name}：${message}`,
  notOpen: (target) => `“${target}”尚未打开。把它拖到本页或点击“打开文件…”即可阅读。`,
  blockImages: '屏蔽远程图片',
  blockImagesHint: '点击前不会获取远程图片，图片所在网站无从得知你在阅读。',
  settings: '阅读设置',
  theme: '主题',
  themeAuto: '跟随系统',
  themeLight: '浅色',
  themeDark: '深色',
  textSize: '字号',
  smallerText: '缩小字号',
  largerText: '放大字号',
  columnWidth: '栏宽',
  narrower: '窄一些',
  wider: '宽一些',
  language: '语言',
};

/** The viewer page's own words. */
export const VIEWER_WORDS = { en: EN, zh: ZH };

/** @typedef {import('./i18n/core.js').CoreStrings & typeof EN} Strings */
/** @typedef {keyof Strings} Key */
/** The viewer's translator: its own words and the article view's. @typedef {import('./i18n/core.js').Words<Strings>} Translate */

/** Both tables, merged once per language. @type {Record<Lang, Strings>} */
const STRINGS = { en: { ...CORE_WORDS.en, ...EN }, zh: { ...CORE_WORDS.zh, ...ZH } };

/**
 * The viewer's translator, whose language can change (`setLang`), for a page that
 * switches its UI language in place: every view that holds it speaks the new language
 * when it next draws.
 * @param {Lang} lang
 * @returns {Translate & { setLang: (next: Lang) => void }}
 */
export function switchableTranslator(lang) {
  return translatorOver(STRINGS, lang);
}

/**
 * Fills every `[data-i18n]` element under `root` with its string, as text (and
 * `[data-i18n-title]` with its title).
 * @param {ParentNode} root
 * @param {Translate} t
 */
export function translatePage(root, t) {
  for (const node of root.querySelectorAll('[data-i18n]')) {
    node.textContent = t(/** @type {Key} */ (/** @type {HTMLElement} */ (node).dataset.i18n));
  }
  for (const node of root.querySelectorAll('[data-i18n-title]')) {
    node.setAttribute('title', t(/** @type {Key} */ (/** @type {HTMLElement} */ (node).dataset.i18nTitle)));
  }
}
