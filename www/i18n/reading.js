// The rich-content modules' words (www/reading/: code, footnotes, figures, diagrams),
// loaded with them, only when an article has such content.

import { wordsFor } from './core.js';

const EN = {
  copyCode: 'Copy',
  copyCodeLabel: (/** @type {string} */ language) => (language ? `Copy the ${language} code` : 'Copy the code'),
  copied: 'Copied',
  copyFailed: 'Could not copy',
  footnote: (/** @type {string} */ n) => `Footnote ${n}`,
  toNote: 'Go to the note',
  zoomImage: (/** @type {string} */ alt) => (alt ? `Enlarge image: ${alt}` : 'Enlarge image'),
  zoomedImage: (/** @type {string} */ alt) => (alt ? `Image: ${alt}` : 'Image'),
  close: 'Close',
  diagram: 'Diagram',
  diagramSource: 'Diagram source',
  diagramFailed: 'This diagram could not be drawn; its source is shown below.',
  imageFailed: (/** @type {string} */ alt) => (alt ? `Image not loaded: ${alt}` : 'Image not loaded'),
};

/** @type {typeof EN} */
const ZH = {
  copyCode: '复制',
  copyCodeLabel: (language) => (language ? `复制这段 ${language} 代码` : '复制这段代码'),
  copied: '已复制',
  copyFailed: '无法复制',
  footnote: (n) => `脚注 ${n}`,
  toNote: '跳到脚注',
  zoomImage: (alt) => (alt ? `放大图片：${alt}` : '放大图片'),
  zoomedImage: (alt) => (alt ? `图片：${alt}` : '图片'),
  close: '关闭',
  diagram: '图表',
  diagramSource: '图表源码',
  diagramFailed: '无法绘制这个图表，下面是它的源码。',
  imageFailed: (alt) => (alt ? `图片未能加载：${alt}` : '图片未能加载'),
};

/** @typedef {import('./core.js').Words<typeof EN>} ReadingWords */

/** The rich-content words. */
export const READING_WORDS = { en: EN, zh: ZH };

/** This table in a translator's language: `readingWords(t)('copyCode')`. */
export const readingWords = wordsFor(READING_WORDS);
