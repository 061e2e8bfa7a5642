// The Chinese words for the core's warning codes (`src/warning.rs`), loaded only when an
// article with warnings is shown in Chinese: in English the core's own sentence is shown.

/** @typedef {Record<string, string>} Params */

/**
 * The words for each warning code, from the warning's params. `tests/contract.rs` checks
 * that every code the core declares has an entry here.
 * @type {Record<string, (p: Params) => string>}
 */
export const WARNINGS_ZH = {
  'encoding-damaged': (p) => `有 ${p.count} 处字节不符合 ${p.encoding} 编码，显示为“\uFFFD”。`,
  'encoding-guessed': (p) => `文件未声明编码，已按最可能的 ${p.encoding} 读取。`,
  'front-matter-unclosed': (p) => `头部信息（front matter）没有用“${p.delimiter}”结束；已读到第 ${p.until} 行，其余作为正文。`,
  'javascript-front-matter': (p) => `头部信息以 ${p.language} 写成，Folio 从不运行它，已跳过。`,
  'front-matter-not-mapping': () => '头部信息不是“键: 值”的列表，已忽略。',
  'yaml-broken': (p) => `头部信息有 YAML 错误（${p.detail}），已改为逐行读取。`,
  'toml-broken': (p) => `头部信息有 TOML 错误（${p.detail}），${p.kept === 'some' ? '只保留了能读取的行' : '已忽略'}。`,
  'json-broken': (p) => `头部信息有 JSON 错误（${p.detail}），已忽略。`,
  'key-duplicate': (p) => `头部信息多次设置“${p.key}”，已保留最后一个值。`,
  'front-matter-too-repetitive': () => '头部信息重复过多（YAML 别名），只读取了一部分。',
  'front-matter-too-deep': (p) => `头部信息嵌套超过 ${p.depth} 层，只读取了一部分。`,
  'value-wrong-kind': (p) => `头部信息的“${p.key}”是${kind(p.found)}，不是${kind(p.expected)}，已略去。`,
  'entry-wrong-kind': (p) => `头部信息“${p.key}”中有一项是${kind(p.found)}，不是名称，已略去。`,
  'author-unnamed': (p) => `头部信息“${p.key}”中有一位作者没有名字，已略去。`,
  'date-out-of-range': (p) => `日期“${p.value}”有超出范围的字段，已按 Hexo 的方式读作 ${p.read_as}。`,
  'date-unreadable': (p) => `${p.field === 'updated' ? '更新日期' : '日期'}“${p.value}”无法识别，按原文显示。`,
  'url-unsafe': (p) => `“${p.key}”中的地址“${p.url}”不是安全的网页地址，已略去。`,
  'lang-invalid': (p) => `语言“${p.value}”不是“en”或“zh-CN”这样的语言代码，已略去。`,
  'dir-invalid': (p) => `文字方向“${p.value}”不是“rtl”“ltr”或“auto”，已略去。`,
  'syntax-unknown': (p) => `Folio 不认识${DIALECTS[p.dialect] ?? '标签'}“${p.name}”${Number(p.count) > 1 ? `（出现 ${p.count} 次）` : ''}，已略去该标签（其中包含的内容仍然显示）。`,
};

/** The words for the dialect of an unknown tag (`syntax-unknown`'s `dialect` param). */
const DIALECTS = /** @type {Record<string, string>} */ ({
  liquid: ' Hexo/Jekyll 标签', hugo: ' Hugo 短代码', zola: ' Zola 短代码',
});

/** The words for a kind of value a warning names (its `found` and `expected` params). */
const KINDS = /** @type {Record<string, string>} */ ({
  'yes-no': '是或否', number: '数字', text: '文本', list: '列表', table: '表',
  date: '日期', name: '名称', 'text-or-list': '文本或列表', taxonomies: '分类或标签列表',
  image: '图片地址', language: '语言代码',
});

/**
 * @param {string | undefined} value
 * @returns {string}
 */
function kind(value) {
  return (value && KINDS[value]) ?? value ?? '';
}
