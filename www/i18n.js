// The viewer's UI strings, in English and Chinese. Article text is never translated.
// The language: `?lang=en|zh` if given, else Chinese when navigator.language starts with "zh".

/** @typedef {'en' | 'zh'} Lang */

/**
 * A file size in MB (2^20 bytes) with one decimal, e.g. "9.5".
 * @param {number} bytes
 * @returns {string}
 */
const megabytes = (bytes) => (bytes / 1048576).toFixed(1);

/** @type {Record<Lang, Record<string, string | ((...args: any[]) => string)>>} */
const STRINGS = {
  en: {
    appName: 'Folio',
    tagline: 'Article viewer',
    skipToArticle: 'Skip to the article',
    openFiles: 'Open files…',
    dropHint: 'Drop articles to open them',
    filesHeading: 'Opened files',
    filesLabel: 'Opened files',
    noFiles: 'No files yet.',
    welcomeTitle: 'Open an article',
    welcomeText: 'Drop Markdown, HTML or text files (or a folder of them) anywhere on this page, or use “Open files…”. Nothing leaves your computer.',
    loading: 'Loading…',
    loadingLarge: (bytes) => `Rendering a large file (${megabytes(bytes)} MB) in the background…`,
    loaded: (title) => `Loaded ${title}`,
    failedTag: '(could not open)',
    errorTitle: (name) => `Could not open “${name}”`,
    errorAnnounce: (name, message) => `Could not open ${name}: ${message}`,
    trapError: 'The renderer crashed on this file, so it could not be shown. Other files still work.',
    fetchError: (url, status) => `Could not fetch ${url} (${status}).`,
    networkError: (url) => `Could not fetch ${url}: the network request failed or was blocked.`,
    readError: 'The file could not be read.',
    by: 'By',
    minutesRead: (n) => `${n} min read`,
    draft: 'Draft',
    categories: 'Categories',
    tags: 'Tags',
    contents: 'Contents',
    warnings: (n) => (n === 1 ? '1 note from the reader' : `${n} notes from the reader`),
    viewOriginal: 'View original text',
    originalTruncated: (shown) => `Only the first ${shown} characters are shown.`,
    updated: 'Updated',
    coverAlt: 'Cover image',
    blockImages: 'Block remote images',
    blockImagesHint: 'Remote images are not fetched until you click them; nothing tells their hosts that you read.',
    loadImage: (host) => `Load image from ${host}`,
  },
  zh: {
    appName: 'Folio',
    tagline: '文章阅读器',
    skipToArticle: '跳到正文',
    openFiles: '打开文件…',
    dropHint: '松开以打开文章',
    filesHeading: '已打开的文件',
    filesLabel: '已打开的文件',
    noFiles: '还没有打开文件。',
    welcomeTitle: '打开一篇文章',
    welcomeText: '把 Markdown、HTML 或文本文件（或包含它们的文件夹）拖到本页任意位置，或点击“打开文件…”。文件不会离开你的电脑。',
    loading: '正在载入…',
    loadingLarge: (bytes) => `正在后台渲染较大的文件（${megabytes(bytes)} MB）…`,
    loaded: (title) => `已载入 ${title}`,
    failedTag: '（无法打开）',
    errorTitle: (name) => `无法打开“${name}”`,
    errorAnnounce: (name, message) => `无法打开 ${name}：${message}`,
    trapError: '渲染器处理此文件时崩溃，无法显示。其他文件不受影响。',
    fetchError: (url, status) => `无法获取 ${url}（${status}）。`,
    networkError: (url) => `无法获取 ${url}：网络请求失败或被阻止。`,
    readError: '无法读取该文件。',
    by: '作者',
    minutesRead: (n) => `阅读约 ${n} 分钟`,
    draft: '草稿',
    categories: '分类',
    tags: '标签',
    contents: '目录',
    warnings: (n) => `${n} 条解析提示`,
    viewOriginal: '查看原文',
    originalTruncated: (shown) => `仅显示前 ${shown} 个字符。`,
    updated: '更新于',
    coverAlt: '封面图片',
    blockImages: '屏蔽远程图片',
    blockImagesHint: '点击前不会获取远程图片，图片所在网站无从得知你在阅读。',
    loadImage: (host) => `加载来自 ${host} 的图片`,
  },
};

/**
 * Picks the UI language from `?lang=` or the browser's language.
 * @param {URLSearchParams} params
 * @param {readonly string[]} languages e.g. navigator.languages
 * @returns {Lang}
 */
export function pickLang(params, languages) {
  const wanted = (params.get('lang') ?? '').toLowerCase();
  if (wanted === 'en' || wanted === 'zh') return wanted;
  const first = (languages[0] ?? 'en').toLowerCase();
  return first.startsWith('zh') ? 'zh' : 'en';
}

/**
 * Returns a translator for one language: `t('loaded', title)`.
 * @param {Lang} lang
 * @returns {(key: string, ...args: any[]) => string}
 */
export function translator(lang) {
  const table = STRINGS[lang];
  return (key, ...args) => {
    const entry = table[key] ?? STRINGS.en[key];
    if (entry === undefined) return key;
    return typeof entry === 'function' ? entry(...args) : entry;
  };
}

/**
 * Fills every `[data-i18n]` element under `root` with its string, as text.
 * @param {ParentNode} root
 * @param {(key: string) => string} t
 */
export function translatePage(root, t) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(/** @type {HTMLElement} */ (el).dataset.i18n ?? '');
  }
  for (const el of root.querySelectorAll('[data-i18n-label]')) {
    el.setAttribute('aria-label', t(/** @type {HTMLElement} */ (el).dataset.i18nLabel ?? ''));
  }
  for (const el of root.querySelectorAll('[data-i18n-title]')) {
    el.setAttribute('title', t(/** @type {HTMLElement} */ (el).dataset.i18nTitle ?? ''));
  }
}
