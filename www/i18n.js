// Every string the reader sees from the shell, in English and Chinese, and the words for
// the core's error and warning codes (the core gives codes and params; the words are here).
// Article text is never translated. The language: `?lang=en|zh` if given, else Chinese
// when the browser's first language starts with "zh".

/** @typedef {'en' | 'zh'} Lang */
/** @typedef {Record<string, string>} Params  What a message names, as the core gives it. */

/**
 * A size in MB (2^20 bytes) with one decimal, e.g. "9.5".
 * @param {number} bytes
 * @returns {string}
 */
const megabytes = (bytes) => (bytes / 1048576).toFixed(1);

/**
 * A limit in whole MB, e.g. "32".
 * @param {number} bytes
 * @returns {string}
 */
const wholeMegabytes = (bytes) => String(Math.round(bytes / 1048576));

/**
 * A param as a number, or NaN when it is missing or not one.
 * @param {Params} params
 * @param {string} key
 * @returns {number}
 */
const number = (params, key) => (params[key] === undefined || params[key].trim() === '' ? Number.NaN : Number(params[key]));

/**
 * The kinds of binary file the core names (its `binary` error's `kind` param), as the
 * sentence says them in each language. A kind not listed is said as the core names it.
 * @type {Record<string, { en: string, zh: string }>}
 */
const KINDS = {
  'PNG image': { en: 'a PNG image', zh: 'PNG 图片' },
  'JPEG image': { en: 'a JPEG image', zh: 'JPEG 图片' },
  'GIF image': { en: 'a GIF image', zh: 'GIF 图片' },
  'PDF document': { en: 'a PDF document', zh: 'PDF 文档' },
  'ZIP archive': { en: 'a ZIP archive (or a file packed like one, such as .docx or .epub)', zh: 'ZIP 压缩包（或以同样方式打包的文件，如 .docx、.epub）' },
  'empty ZIP archive': { en: 'an empty ZIP archive', zh: '空的 ZIP 压缩包' },
  'gzip-compressed file': { en: 'a gzip-compressed file', zh: 'gzip 压缩文件' },
  'ELF executable': { en: 'a program (ELF executable)', zh: '程序（ELF 可执行文件）' },
  'WebAssembly module': { en: 'a WebAssembly module', zh: 'WebAssembly 模块' },
};

/** Why a file of no known kind looks binary (the `sign` param), in each language. */
const SIGNS = /** @type {Record<string, { en: string, zh: string }>} */ ({
  'NUL bytes': { en: 'it contains NUL bytes', zh: '含有 NUL 字节' },
  'control bytes': { en: 'it is full of control bytes', zh: '满是控制字符' },
});

/**
 * "a PNG image" for an unlisted "PNG image" (the core may name a kind with or without its article).
 * @param {string} kind
 * @returns {string}
 */
const withArticle = (kind) => (/^(a|an|the)\s/i.test(kind) ? kind : `${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind}`);

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
  errorTitle: (/** @type {string} */ name) => `Could not open “${name}”`,
  errorTitleUnnamed: 'This article could not be shown.',
  errorAnnounce: (/** @type {string} */ name, /** @type {string} */ message) => `Could not open ${name}: ${message}`,
  notOpen: (/** @type {string} */ target) => `“${target}” is not open. Drop it on this page or use “Open files…” to read it.`,
  by: 'By',
  minutesRead: (/** @type {number} */ n) => `${n} min read`,
  draft: 'Draft',
  categories: 'Categories',
  tags: 'Tags',
  contents: 'Contents',
  contentsCount: (/** @type {number} */ n) => `Contents (${n} headings)`,
  notes: (/** @type {number} */ n) => (n === 1 ? '1 parser note' : `${n} parser notes`),
  noteAtLine: (/** @type {number} */ line, /** @type {string} */ text) => `Line ${line}: ${text}`,
  viewOriginal: 'View original text',
  originalTruncated: (/** @type {number} */ shown) => `Only the first ${shown} characters are shown.`,
  updated: 'Updated',
  coverAlt: 'Cover image',
  blockImages: 'Block remote images',
  blockImagesHint: 'Remote images are not fetched until you click them; nothing tells their hosts that you read.',
  loadImage: (/** @type {string} */ host) => `Load image from ${host}`,
  // Reading: rich content, outline, settings.
  copyCode: 'Copy',
  copyCodeLabel: (/** @type {string} */ language) => (language ? `Copy the ${language} code` : 'Copy the code'),
  copied: 'Copied',
  copyFailed: 'Could not copy',
  copyLink: (/** @type {string} */ heading) => `Copy a link to “${heading}”`,
  linkCopied: 'Link copied',
  footnote: (/** @type {string} */ n) => `Footnote ${n}`,
  toNote: 'Go to the note',
  zoomImage: (/** @type {string} */ alt) => (alt ? `Enlarge image: ${alt}` : 'Enlarge image'),
  zoomedImage: (/** @type {string} */ alt) => (alt ? `Image: ${alt}` : 'Image'),
  close: 'Close',
  diagram: 'Diagram',
  diagramSource: 'Diagram source',
  diagramFailed: 'This diagram could not be drawn; its source is shown below.',
  readingProgress: 'Reading progress',
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
  // Errors, by FolioError code (the core's, the shell's own, and fetching).
  'error.empty': (/** @type {Params} */ _params) => 'This file is empty.',
  'error.binary': (/** @type {Params} */ p) => {
    if (p.kind && KINDS[p.kind]) return `This is ${KINDS[p.kind].en}, not an article.`;
    if (p.kind && p.kind !== 'binary file') return `This is ${withArticle(p.kind)}, not an article.`;
    const sign = p.sign ? SIGNS[p.sign]?.en ?? p.sign : '';
    return sign ? `This looks like a binary file (${sign}), not an article.` : 'This looks like a binary file, not an article.';
  },
  'error.too-large': (/** @type {Params} */ p) => {
    const size = number(p, 'size');
    const limit = number(p, 'limit');
    if (Number.isNaN(size) || Number.isNaN(limit)) return 'This file is larger than Folio can open.';
    return `This file is ${megabytes(size)} MB, larger than the ${wholeMegabytes(limit)} MB Folio can open.`;
  },
  'error.bad-option': (/** @type {Params} */ p) => {
    if (p.option && p.value !== undefined) return `Folio cannot use “${p.value}” as its ${p.option} option.`;
    if (p.option && p.detail) return `Folio cannot use its ${p.option} option: ${p.detail}`;
    return 'Folio was given an option it cannot use.';
  },
  'error.trap': (/** @type {Params} */ _params) => 'The renderer crashed on this file, so it could not be shown. Other files still work.',
  'error.not-ready': (/** @type {Params} */ _params) => 'Folio’s renderer could not be loaded, so this file could not be shown.',
  'error.read': (/** @type {Params} */ _params) => 'The file could not be read.',
  'error.bad-url': (/** @type {Params} */ p) => `“${p.url ?? ''}” is not a valid address.`,
  'error.network': (/** @type {Params} */ p) => `Could not fetch ${p.url ?? ''}: the network request failed or was blocked.`,
  'error.http': (/** @type {Params} */ p) => `Could not fetch ${p.url ?? ''} (HTTP ${p.status ?? ''}).`,
};

/** @typedef {typeof EN} Strings */

/** The same strings in Chinese; the type makes every English key required here too. @type {Strings} */
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
  errorTitle: (name) => `无法打开“${name}”`,
  errorTitleUnnamed: '无法显示这篇文章。',
  errorAnnounce: (name, message) => `无法打开 ${name}：${message}`,
  notOpen: (target) => `“${target}”尚未打开。把它拖到本页或点击“打开文件…”即可阅读。`,
  by: '作者',
  minutesRead: (n) => `阅读约 ${n} 分钟`,
  draft: '草稿',
  categories: '分类',
  tags: '标签',
  contents: '目录',
  contentsCount: (n) => `目录（${n} 个标题）`,
  notes: (n) => `${n} 条解析提示`,
  noteAtLine: (line, text) => `第 ${line} 行：${text}`,
  viewOriginal: '查看原文',
  originalTruncated: (shown) => `仅显示前 ${shown} 个字符。`,
  updated: '更新于',
  coverAlt: '封面图片',
  blockImages: '屏蔽远程图片',
  blockImagesHint: '点击前不会获取远程图片，图片所在网站无从得知你在阅读。',
  loadImage: (host) => `加载来自 ${host} 的图片`,
  copyCode: '复制',
  copyCodeLabel: (language) => (language ? `复制这段 ${language} 代码` : '复制这段代码'),
  copied: '已复制',
  copyFailed: '无法复制',
  copyLink: (heading) => `复制指向“${heading}”的链接`,
  linkCopied: '链接已复制',
  footnote: (n) => `脚注 ${n}`,
  toNote: '跳到脚注',
  zoomImage: (alt) => (alt ? `放大图片：${alt}` : '放大图片'),
  zoomedImage: (alt) => (alt ? `图片：${alt}` : '图片'),
  close: '关闭',
  diagram: '图表',
  diagramSource: '图表源码',
  diagramFailed: '无法绘制这个图表，下面是它的源码。',
  readingProgress: '阅读进度',
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
  'error.empty': () => '这个文件是空的。',
  'error.binary': (p) => {
    const kind = p.kind ? KINDS[p.kind]?.zh ?? (p.kind === 'binary file' ? '' : p.kind) : '';
    // A space between Chinese and a Latin word, as Chinese typesetting usually has.
    if (kind) return `这是${/^[A-Za-z]/.test(kind) ? ' ' : ''}${kind}，不是文章。`;
    const sign = p.sign ? SIGNS[p.sign]?.zh ?? p.sign : '';
    return sign ? `这看起来是二进制文件（${sign}），不是文章。` : '这看起来是二进制文件，不是文章。';
  },
  'error.too-large': (p) => {
    const size = number(p, 'size');
    const limit = number(p, 'limit');
    if (Number.isNaN(size) || Number.isNaN(limit)) return '这个文件太大，Folio 无法打开。';
    return `这个文件有 ${megabytes(size)} MB，超过了 Folio 能打开的 ${wholeMegabytes(limit)} MB 上限。`;
  },
  'error.bad-option': (p) => {
    if (p.option && p.value !== undefined) return `Folio 无法把“${p.value}”用作 ${p.option} 选项。`;
    if (p.option && p.detail) return `Folio 无法使用 ${p.option} 选项：${p.detail}`;
    return 'Folio 收到了无法使用的选项。';
  },
  'error.trap': () => '渲染器处理此文件时崩溃，无法显示。其他文件不受影响。',
  'error.not-ready': () => 'Folio 的渲染器未能载入，因此无法显示此文件。',
  'error.read': () => '无法读取该文件。',
  'error.bad-url': (p) => `“${p.url ?? ''}”不是有效的地址。`,
  'error.network': (p) => `无法获取 ${p.url ?? ''}：网络请求失败或被阻止。`,
  'error.http': (p) => `无法获取 ${p.url ?? ''}（HTTP ${p.status ?? ''}）。`,
};

/**
 * The words for the core's warning codes, by code (`front-matter-unclosed`, …), in both
 * languages. The core gives warnings codes from its next version on; a code not listed
 * here, or a warning from a core that gives none, shows the core's English sentence.
 * @type {Record<Lang, Record<string, (params: Params) => string>>}
 */
const WARNINGS = { en: {}, zh: {} };

/** @typedef {keyof Strings} Key */
/**
 * The arguments a string takes: none for plain text, the function's for a function.
 * @template {Key} K
 * @typedef {Strings[K] extends (...args: infer A) => string ? A : []} Args
 */
/**
 * A translator for one language: `t('loaded', title)`; `t.lang` is that language.
 * @typedef {{ <K extends Key>(key: K, ...args: Args<K>): string, readonly lang: Lang }} Translate
 */

const STRINGS = /** @type {Record<Lang, Strings>} */ ({ en: EN, zh: ZH });

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
 * Returns a translator for one language.
 * @param {Lang} lang
 * @returns {Translate}
 */
export function translator(lang) {
  return switchableTranslator(lang);
}

/**
 * A translator whose language can change (`setLang`), for a page that switches its UI
 * language in place: every view that holds it speaks the new language when it next draws.
 * @param {Lang} lang
 * @returns {Translate & { setLang: (next: Lang) => void }}
 */
export function switchableTranslator(lang) {
  let current = lang;
  /** @type {(key: Key, ...args: unknown[]) => string} */
  const t = (key, ...args) => {
    const entry = /** @type {string | ((...args: unknown[]) => string)} */ (STRINGS[current][key]);
    return typeof entry === 'function' ? entry(...args) : entry;
  };
  return /** @type {Translate & { setLang: (next: Lang) => void }} */ (Object.defineProperties(t, {
    lang: { get: () => current, enumerable: true },
    setLang: { value: (/** @type {Lang} */ next) => { current = next; } },
  }));
}

/**
 * What the reader is told about an error: the words for its code in the UI language,
 * from its params; the error's own (English) message only for a code the shell does not
 * know, such as `unreadable` from a core that gives no code.
 * @param {unknown} error  A FolioError, a LoadError, or anything thrown.
 * @param {Translate} t
 * @returns {string}
 */
export function describeError(error, t) {
  const { code, params } = /** @type {{ code?: unknown, params?: unknown }} */ (error ?? {});
  const key = `error.${String(code)}`;
  if (typeof code === 'string' && Object.hasOwn(EN, key)) {
    return t(/** @type {'error.empty'} */ (key), stringParams(params));
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * @typedef {object} WarningLike
 * @property {string} code     Empty for a warning from a core that gives no code.
 * @property {string} message  The core's English sentence.
 * @property {number | null} line
 * @property {Params} params
 */

/**
 * One of the core's warnings in the UI language (its English sentence when its code has
 * no words here yet), with the line it is about when known.
 * @param {WarningLike} warning
 * @param {Translate} t
 * @returns {string}
 */
export function describeWarning(warning, t) {
  const words = WARNINGS[t.lang][warning.code];
  const text = words ? words(warning.params) : warning.message;
  return warning.line === null ? text : t('noteAtLine', warning.line, text);
}

/**
 * Only the string values of a params object.
 * @param {unknown} params
 * @returns {Params}
 */
function stringParams(params) {
  /** @type {Params} */
  const out = {};
  if (params && typeof params === 'object') {
    for (const [key, value] of Object.entries(params)) if (typeof value === 'string') out[key] = value;
  }
  return out;
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
