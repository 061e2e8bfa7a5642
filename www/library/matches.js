// Where a search's terms occur in a text, for marking them: in the list's titles and
// snippets (search-index.js, in the search worker) and in the opened article
// (highlight.js, in the page). No third-party code: the page's first load imports it.

/** Han, kana, Hangul, and the CJK marks between them, as a regular expression's class
 * contents: text written without spaces. */
const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u3005\\u30fc';

/** A CJK character. */
export const CJK = new RegExp(`[${CJK_CLASS}]`, 'u');

/**
 * Whether a character is written without spaces (CJK).
 * @param {string} char
 * @returns {boolean}
 */
export function isCjk(char) {
  return CJK.test(char);
}

/** Characters of context on each side of the first match in a snippet. */
const CONTEXT = 60;

/** Where a word starts: not after a letter or digit of a script written with spaces. A CJK
 * character may come right before it, as in 使用JavaScript开发 (the tokenizer splits there too). */
const WORD_START = `(?<!(?![${CJK_CLASS}])[\\p{L}\\p{N}])`;

/** The rest of a word after its stem: letters and digits, not CJK (which has no word ends). */
const WORD_REST = `[^\\s\\p{P}\\p{S}${CJK_CLASS}]*`;

/** Two characters inside a word of a spaced script (a snippet does not start between them). */
const MID_WORD = new RegExp(`^(?:(?![${CJK_CLASS}])[\\p{L}\\p{N}\\p{M}]){2}$`, 'u');

/** The rest of such a word, and the spaces after it. */
const WORD_AND_SPACE = new RegExp(`(?:(?![${CJK_CLASS}])[\\p{L}\\p{N}\\p{M}])*\\s*`, 'uy');

/** Spaces. */
const SPACE = /\s*/y;

/** Matches looked for in one text, at most. */
const MAX_MATCHES = 200;

/**
 * @param {string} text
 * @returns {string}
 */
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where the indexed terms occur in a text: [start, end) ranges, in order, not
 * overlapping. A CJK term matches as written; a word matches a word that starts with
 * it (the stem `index` marks "indexing"), case-insensitively. One regular expression
 * over the text as it is (no lower-cased copy of a long text per hit).
 * @param {string} text
 * @param {string[]} terms
 * @returns {[number, number][]}
 */
export function findMatches(text, terms) {
  const cjk = [...new Set(terms.filter((t) => t && isCjk(t[0])))];
  const words = [...new Set(terms.filter((t) => t && !isCjk(t[0])))];
  /** @type {[number, number][]} */
  const ranges = [];
  // CJK terms overlap (bigrams of one run): each is found on its own, then merged.
  for (const term of cjk) {
    let found = 0;
    for (let at = text.indexOf(term); at >= 0 && found < MAX_MATCHES; at = text.indexOf(term, at + 1)) {
      ranges.push([at, at + term.length]);
      found += 1;
    }
  }
  if (words.length) {
    const pattern = new RegExp(words.map((w) => `${WORD_START}${escapeRegExp(w)}${WORD_REST}`).join('|'), 'giu');
    for (let m = pattern.exec(text), found = 0; m && found < MAX_MATCHES; m = pattern.exec(text), found++) {
      ranges.push([m.index, m.index + m[0].length]);
    }
  }
  ranges.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  /** @type {[number, number][]} */
  const merged = [];
  for (const [from, to] of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && from <= prev[1]) prev[1] = Math.max(prev[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/**
 * The whole of a short text (a title) as segments, its matches marked.
 * @param {string} text
 * @param {string[]} terms
 * @returns {{ text: string, mark: boolean }[]}
 */
export function marked(text, terms) {
  /** @type {{ text: string, mark: boolean }[]} */
  const out = [];
  let at = 0;
  for (const [from, to] of findMatches(text, terms)) {
    if (from > at) out.push({ text: text.slice(at, from), mark: false });
    out.push({ text: text.slice(from, to), mark: true });
    at = to;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/**
 * A short piece of `text` around its first match, as segments, the matches marked.
 * With no match: the text's opening.
 * @param {string} text
 * @param {string[]} terms
 * @returns {{ text: string, mark: boolean }[]}
 */
export function snippet(text, terms) {
  return cutSnippet(text, terms, true) ?? [];
}

/**
 * snippet() of a long text of which only `opening` is at hand (decoding the whole of a
 * kept text was most of a search's time): the same segments as snippet() of the whole
 * text, or null where the opening cannot tell (no match in it, or its first match too
 * near its end).
 * @param {string} opening
 * @param {string[]} terms
 * @returns {{ text: string, mark: boolean }[] | null}
 */
export function snippetOfOpening(opening, terms) {
  return cutSnippet(opening, terms, false);
}

/**
 * @param {string} text
 * @param {string[]} terms
 * @param {boolean} whole  false: the text goes on after `text`
 * @returns {{ text: string, mark: boolean }[] | null}
 */
function cutSnippet(text, terms, whole) {
  const ranges = findMatches(text, terms);
  if (!ranges.length) {
    if (!whole) return null;
    const opening = text.slice(0, CONTEXT * 2).replace(/\s+/g, ' ').trim();
    return opening ? [{ text: opening + (text.length > CONTEXT * 2 ? '…' : ''), mark: false }] : [];
  }
  let start = Math.max(0, ranges[0][0] - CONTEXT);
  // Not in the middle of a word, nor on a space: after them, unless the match comes first.
  if (start > 0) {
    const skip = MID_WORD.test(text.slice(start - 1, start + 1)) ? WORD_AND_SPACE : SPACE;
    skip.lastIndex = start;
    skip.exec(text);
    start = Math.min(skip.lastIndex, ranges[0][0]);
  }
  const end = Math.min(text.length, ranges[0][1] + CONTEXT * 2);
  // Every match that starts before `end` in the whole text lies in the opening, and ends
  // where it ends there, when a term twice over (case folding) still fits after `end`.
  if (!whole && end + 2 * Math.max(...terms.map((t) => t.length)) >= text.length) return null;
  /** @type {{ text: string, mark: boolean }[]} */
  const out = [];
  let at = start;
  for (const [from, to] of ranges) {
    if (from >= end) break;
    if (from > at) out.push({ text: text.slice(at, from), mark: false });
    out.push({ text: text.slice(Math.max(from, at), Math.min(to, end)), mark: true });
    at = Math.min(to, end);
  }
  if (at < end) out.push({ text: text.slice(at, end), mark: false });
  const flat = out.map((s) => ({ text: s.text.replace(/\s+/g, ' '), mark: s.mark }));
  if (start > 0) flat.unshift({ text: '…', mark: false });
  if (end < text.length) flat.push({ text: '…', mark: false });
  return flat;
}
