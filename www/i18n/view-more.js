// The words of the article view's parts that load only when an article needs them:
// reader mode's switch (view/hidden.js), the original text (view/original.js) and an
// empty note's properties (view/properties.js), loaded with them.

import { wordsFor } from './core.js';

const EN = {
  viewOriginal: 'View original text',
  hiddenNote: (/** @type {number} */ n, /** @type {string} */ kinds) => `${n === 1 ? '1 block' : `${n} blocks`} of page clutter hidden (${kinds}).`,
  hiddenKind: (/** @type {string} */ kind) => ({
    'app-promo': 'app promo', 'video-player': 'video player', share: 'share buttons', comments: 'comment links', poll: 'polls', related: 'related links',
    subscribe: 'subscription prompt', 'page-label': 'page labels', breadcrumb: 'breadcrumb trail', 'tracking-pixel': 'tracking pixels', 'page-hidden': 'hidden by the page',
  })[kind] ?? `other (${kind})`,
  listSeparator: ', ',
  showAll: 'Show everything',
  hideAgain: 'Hide clutter',
  originalTruncated: (/** @type {number} */ shown) => `Only the first ${shown} characters are shown.`,
  properties: 'Properties',
};

/** @type {typeof EN} */
const ZH = {
  viewOriginal: '查看原文',
  hiddenNote: (n, kinds) => `已隐藏 ${n} 处页面杂项（${kinds}）。`,
  hiddenKind: (kind) => ({
    'app-promo': '应用推广', 'video-player': '视频播放器', share: '分享按钮', comments: '评论链接', poll: '投票', related: '相关链接',
    subscribe: '订阅提示', 'page-label': '页面标签', breadcrumb: '面包屑导航', 'tracking-pixel': '跟踪像素', 'page-hidden': '原网页隐藏的内容',
  })[kind] ?? `其他（${kind}）`,
  listSeparator: '、',
  showAll: '显示全部',
  hideAgain: '隐藏杂项',
  originalTruncated: (shown) => `仅显示前 ${shown} 个字符。`,
  properties: '属性',
};

/** @typedef {import('./core.js').Words<typeof EN>} ViewMoreWords */

/** The words of the view's parts loaded on demand. */
export const VIEW_MORE_WORDS = { en: EN, zh: ZH };

/** This table in a translator's language: `viewMoreWords(t)('showAll')`. */
export const viewMoreWords = wordsFor(VIEW_MORE_WORDS);
