// The words for what went wrong, loaded with the error card (view/error.js) or by a page
// that reports errors at once (the viewer): the core's error codes, this shell's own
// (`trap`, `not-ready`) and fetching's, each said from the error's params.

import { megabytes, stringParams, wordsFor } from './core.js';

/** @typedef {import('./core.js').Params} Params */
/** @typedef {import('./core.js').Lang} Lang */

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
  errorTitle: (/** @type {string} */ name) => `Could not open “${name}”`,
  errorTitleUnnamed: 'This article could not be shown.',
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

/** @type {typeof EN} */
const ZH = {
  errorTitle: (name) => `无法打开“${name}”`,
  errorTitleUnnamed: '无法显示这篇文章。',
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

/** The words for errors. */
export const ERROR_WORDS = { en: EN, zh: ZH };

/** This table in a translator's language. */
export const errorWords = wordsFor(ERROR_WORDS);

/**
 * What the reader is told about an error: the words for its code in the UI language,
 * from its params; the error's own (English) message only for a code the shell does not
 * know, such as `unreadable` from a core that gives no code.
 * @param {unknown} error  A FolioError, a LoadError, or anything thrown.
 * @param {{ readonly lang: Lang }} t  Any translator: its language is used.
 * @returns {string}
 */
export function describeError(error, t) {
  const { code, params } = /** @type {{ code?: unknown, params?: unknown }} */ (error ?? {});
  const key = `error.${String(code)}`;
  if (typeof code === 'string' && Object.hasOwn(EN, key)) {
    return errorWords(t)(/** @type {'error.empty'} */ (key), stringParams(params));
  }
  return error instanceof Error ? error.message : String(error);
}
