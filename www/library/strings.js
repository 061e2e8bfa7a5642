// The library's UI strings, in English and Chinese (the viewer's own live in ../i18n.js;
// `following` makes a translator that speaks whatever language the viewer's speaks now).
// Article text is never translated.

/** @typedef {'en' | 'zh'} Lang */
/** @typedef {(key: string, ...args: any[]) => string} Translate */

/**
 * Bytes as a short size: "812 KB", "1.4 GB".
 * @param {number} bytes
 * @returns {string}
 */
export function size(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** English numbers with thousands separators (one formatter: making one per call costs a
 * list redraw milliseconds). */
const english = new Intl.NumberFormat('en');
/** @param {number} n */
const num = (n) => english.format(n);

/** @type {Record<Lang, Record<string, string | ((...args: any[]) => string)>>} */
const STRINGS = {
  en: {
    welcomeText: 'Drop Markdown, HTML or text files, whole folders or .zip archives anywhere on this page, or use “Open files…” or “Open folder…”. Nothing leaves your computer.',
    filesHint: 'Drop files, folders or .zip archives anywhere on this page.',
    welcomeChoose: 'Choose an article',
    welcomeLibrary: (n) => `${n === 1 ? 'One article is' : `${num(n)} articles are`} open in the library. Choose one from the list, or start with the newest.`,
    readNewest: 'Read the newest',
    showLibrary: 'Show the library',
    noFiles: 'No files opened yet.',
    noArticles: (n) => `No articles among the files opened (${n === 1 ? '1 other file' : `${num(n)} other files`}: images, style sheets…).`,
    noHits: (query, narrowed) => (narrowed ? `Nothing matches “${query}” in this folder or with these filters.`
      : `Nothing matches “${query}”. Check the spelling, or try fewer or shorter words.`),
    noneShown: 'No articles in this folder with these filters.',
    openFolder: 'Open folder…',
    openFilesOrZip: 'Open files or .zip…',
    library: 'Library',
    more: 'Open, save and settings',
    libraryButton: (n) => `Library, ${n === 1 ? '1 article' : `${num(n)} articles`}`,
    folders: 'Folders',
    allArticles: 'All articles',
    articles: 'Articles',
    count: (n) => (n === 1 ? '1 article' : `${num(n)} articles`),
    countOf: (shown, total) => `${num(shown)} of ${num(total)} articles`,
    progress: (done, total) => `Reading ${num(done)} of ${num(total)}…`,
    indexed: (n) => `${num(n)} indexed for search`,
    failedCount: (n) => (n === 1 ? '1 could not be read' : `${n} could not be read`),
    ready: (n) => `All ${num(n)} read`,
    search: 'Search the library',
    searchPlaceholder: 'Search',
    results: (n) => (n === 0 ? 'No matches' : n === 1 ? '1 match' : `${num(n)} matches`),
    resultsBest: (shown, total) => `Best ${num(shown)} of ${num(total)} matches`,
    resultsAmong: (n, best) => `${n === 0 ? 'No' : num(n)} ${n === 1 ? 'match' : 'matches'} among the best ${num(best)}`,
    sortBy: 'Sort by',
    filters: 'Filter',
    filtersOn: (n) => `Filter (${n})`,
    sortDate: 'Newest first',
    sortTitle: 'Title',
    sortRelevance: 'Best match',
    filterCategory: 'Category',
    filterTag: 'Tag',
    filterAuthor: 'Author',
    filterYear: 'Year',
    any: 'Any',
    pending: 'Reading…',
    failed: 'Could not be read',
    draft: 'Draft',
    keep: 'Keep in this browser',
    keepHint: 'Stores these files in this browser so they are here on your next visit. Nothing is uploaded.',
    kept: (bytes) => `Kept: ${size(bytes)}`,
    keeping: 'Saving…',
    forgetAll: 'Forget all',
    forgotten: 'Nothing is kept in this browser.',
    quotaError: (bytes) => `This browser has no room to keep ${size(bytes)}; what was kept before is unchanged.`,
    keepError: 'Keeping failed; what was kept before is unchanged.',
    linkedFrom: 'Linked from',
    save: 'Save…',
    saveLibrary: 'Save library as one HTML file',
    exportArticle: 'Export this article as HTML',
    saving: 'Writing the library into one file…',
    saved: (name, bytes) => `Saved ${name} (${size(bytes)}).`,
    saveFailed: (message) => `Saving failed: ${message}`,
    saveUnavailable: 'The single-file viewer is not here to save into (it is built by make build).',
    archiveError: (message) => `The library in this file could not be read: ${message}`,
    'archive-parts': ({ found, parts }) => `Only ${found} of the ${parts} parts of the library in this file are there.`,
    'archive-damaged': () => 'The library in this file is damaged.',
    'archive-version': ({ version }) => `The library in this file was written in a newer format (version ${version}).`,
    unresolved: (target) => `Not in the opened files: ${target}`,
    embedTooDeep: (target) => `Embedded note not shown (nested too deeply): ${target}`,
    'zip-too-many': ({ limit }) => `This archive holds more than ${num(Number(limit))} files; Folio opens at most that many.`,
    'zip-too-large': ({ limit }) => `This archive would unpack to more than ${size(Number(limit))}; Folio refuses it.`,
    'zip-entry-too-large': ({ name, limit }) => `“${name}” in this archive would unpack to more than ${size(Number(limit))}; Folio refuses the archive.`,
    'zip-bomb': ({ name, ratio }) => `“${name}” would unpack to ${num(Number(ratio))} times its packed size: this archive looks like a zip bomb, so it was not opened.`,
    'zip-unreadable': () => 'This is not a zip archive Folio can read (damaged, encrypted or another format).',
    'folder-unreadable': () => 'This folder could not be read.',
    'worker-failed': () => 'Reading this file stopped the worker that read it.',
    unreadable: () => 'This file could not be read as an article.',
    openError: (name, message) => `Could not open ${name}: ${message}`,
  },
  zh: {
    welcomeText: '把 Markdown、HTML 或文本文件、整个文件夹或 .zip 压缩包拖到本页任意位置，或点击“打开文件…”“打开文件夹…”。文件不会离开你的电脑。',
    filesHint: '把文件、文件夹或 .zip 压缩包拖到本页任意位置即可打开。',
    welcomeChoose: '选择一篇文章',
    welcomeLibrary: (n) => `文库中已打开 ${n} 篇文章。从列表中选一篇，或从最新的一篇读起。`,
    readNewest: '阅读最新一篇',
    showLibrary: '查看文库',
    noFiles: '还没有打开文件。',
    noArticles: (n) => `打开的文件中没有文章（其他文件 ${n} 个：图片、样式表等）。`,
    noHits: (query, narrowed) => (narrowed ? `在此文件夹或这些筛选条件下，没有与“${query}”匹配的文章。`
      : `没有与“${query}”匹配的文章。请检查拼写，或减少、缩短搜索词。`),
    noneShown: '此文件夹在这些筛选条件下没有文章。',
    openFolder: '打开文件夹…',
    openFilesOrZip: '打开文件或 .zip…',
    library: '文库',
    more: '打开、保存与设置',
    libraryButton: (n) => `文库，${n} 篇文章`,
    folders: '文件夹',
    allArticles: '全部文章',
    articles: '文章',
    count: (n) => `${n} 篇文章`,
    countOf: (shown, total) => `${shown} / ${total} 篇文章`,
    progress: (done, total) => `正在读取 ${done} / ${total}…`,
    indexed: (n) => `已为搜索索引 ${n} 篇`,
    failedCount: (n) => `${n} 个无法读取`,
    ready: (n) => `${n} 篇已全部读取`,
    search: '搜索文库',
    searchPlaceholder: '搜索',
    results: (n) => (n === 0 ? '没有匹配' : `${n} 个匹配`),
    resultsBest: (shown, total) => `${total} 个匹配，显示最相关的 ${shown} 个`,
    resultsAmong: (n, best) => `最相关的 ${best} 个匹配中有 ${n} 个`,
    sortBy: '排序',
    filters: '筛选',
    filtersOn: (n) => `筛选（${n}）`,
    sortDate: '最新在前',
    sortTitle: '标题',
    sortRelevance: '最相关',
    filterCategory: '分类',
    filterTag: '标签',
    filterAuthor: '作者',
    filterYear: '年份',
    any: '全部',
    pending: '正在读取…',
    failed: '无法读取',
    draft: '草稿',
    keep: '保存在此浏览器中',
    keepHint: '把这些文件保存在此浏览器中，下次访问时仍在。不会上传任何内容。',
    kept: (bytes) => `已保存：${size(bytes)}`,
    keeping: '正在保存…',
    forgetAll: '全部清除',
    forgotten: '此浏览器中没有保存任何内容。',
    quotaError: (bytes) => `此浏览器没有空间保存 ${size(bytes)}；之前保存的内容未改变。`,
    keepError: '保存失败；之前保存的内容未改变。',
    linkedFrom: '链接到此文的文章',
    save: '保存…',
    saveLibrary: '把文库保存为一个 HTML 文件',
    exportArticle: '把这篇文章导出为 HTML',
    saving: '正在把文库写入一个文件…',
    saved: (name, bytes) => `已保存 ${name}（${size(bytes)}）。`,
    saveFailed: (message) => `保存失败：${message}`,
    saveUnavailable: '这里没有可写入的单文件阅读器（由 make build 生成）。',
    archiveError: (message) => `无法读取此文件中的文库：${message}`,
    'archive-parts': ({ found, parts }) => `此文件中的文库只有 ${parts} 部分中的 ${found} 部分。`,
    'archive-damaged': () => '此文件中的文库已损坏。',
    'archive-version': ({ version }) => `此文件中的文库采用了更新的格式（版本 ${version}）。`,
    unresolved: (target) => `不在已打开的文件中：${target}`,
    embedTooDeep: (target) => `嵌入的笔记层级过深，未显示：${target}`,
    'zip-too-many': ({ limit }) => `此压缩包中的文件超过 ${limit} 个，Folio 最多打开这么多。`,
    'zip-too-large': ({ limit }) => `此压缩包解压后将超过 ${size(Number(limit))}，Folio 拒绝打开。`,
    'zip-entry-too-large': ({ name, limit }) => `压缩包中的“${name}”解压后将超过 ${size(Number(limit))}，Folio 拒绝打开此压缩包。`,
    'zip-bomb': ({ name, ratio }) => `“${name}”解压后将是压缩大小的 ${ratio} 倍：此压缩包疑似“压缩炸弹”，未打开。`,
    'zip-unreadable': () => 'Folio 无法读取此压缩包（已损坏、已加密或不是 zip 格式）。',
    'folder-unreadable': () => '无法读取此文件夹。',
    'worker-failed': () => '读取此文件时，负责读取的后台线程停止了。',
    unreadable: () => '无法把此文件作为文章读取。',
    openError: (name, message) => `无法打开 ${name}：${message}`,
  },
};

/**
 * A translator for one language: `t('count', 12)`.
 * @param {Lang} lang
 * @returns {Translate}
 */
export function translator(lang) {
  const table = STRINGS[lang] ?? STRINGS.en;
  return (key, ...args) => {
    const entry = table[key] ?? STRINGS.en[key];
    if (entry === undefined) return key;
    return typeof entry === 'function' ? entry(...args) : entry;
  };
}

/**
 * A translator that speaks the language `viewer` (the viewer's translator, i18n.js)
 * speaks at each call, so that switching the page's language switches the library's too.
 * @param {{ lang: Lang }} viewer
 * @returns {Translate}
 */
export function following(viewer) {
  const tables = { en: translator('en'), zh: translator('zh') };
  return (key, ...args) => tables[viewer.lang === 'zh' ? 'zh' : 'en'](key, ...args);
}

/**
 * Fills every `[data-lib-i18n]` element under `root` with its library string, as text, and
 * every `[data-lib-i18n-placeholder|aria-label|title]` attribute (the language switched in place).
 * @param {ParentNode} root
 * @param {Translate} t
 */
export function translateLibrary(root, t) {
  for (const node of root.querySelectorAll('[data-lib-i18n]')) {
    node.textContent = t(/** @type {HTMLElement} */ (node).dataset.libI18n ?? '');
  }
  for (const attr of WORDED_ATTRIBUTES) {
    for (const node of root.querySelectorAll(`[data-lib-i18n-${attr}]`)) {
      node.setAttribute(attr, t(node.getAttribute(`data-lib-i18n-${attr}`) ?? ''));
    }
  }
}

/** Attributes that hold words: `data-lib-i18n-<attribute>` names the string for each. */
const WORDED_ATTRIBUTES = ['placeholder', 'aria-label', 'title'];

/**
 * The reader's words for an error with a code; the English message when the code is unknown.
 * @param {Translate} t
 * @param {import('./messages.js').LibraryErrorInfo} error
 * @returns {string}
 */
export function errorText(t, error) {
  const text = t(error.code, error.params ?? {});
  return text === error.code ? error.message : text;
}

/** Every key, per language (for the test that both tables are complete). */
export const KEYS = { en: Object.keys(STRINGS.en), zh: Object.keys(STRINGS.zh) };
