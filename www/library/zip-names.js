// The names of a zip's entries as their writer meant them. fflate decodes a name as UTF-8
// only when the entry says so (flag bit 11), and byte for byte (Latin-1) otherwise; but
// Info-ZIP on Linux and macOS writes UTF-8 names without the flag, and Windows' own zip
// writes the system's code page (GBK on a Chinese Windows), so `京都.md` came out as
// `äº¬é½.md`, and wiki-links by name found nothing. Here the central directory is read for
// each entry's flag, stored bytes and Unicode Path field (0x7075), and a name without the
// flag is decoded as UTF-8 when it is valid UTF-8, else in the reader's legacy code page.
// Pure (no DOM): runs in the zip worker and in Node.

/**
 * @typedef {object} StoredName  One central-directory entry's name as stored.
 * @property {boolean} utf8        Flag bit 11: the writer says the name is UTF-8.
 * @property {Uint8Array} bytes    The name's bytes.
 * @property {string | null} unicodePath  The Unicode Path extra field's UTF-8 name, when
 *   present for these very bytes (its CRC-32 matches them).
 */

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** @param {Uint8Array} d @param {number} at */
const u16 = (d, at) => d[at] | (d[at + 1] << 8);
/** @param {Uint8Array} d @param {number} at */
const u32 = (d, at) => (d[at] | (d[at + 1] << 8) | (d[at + 2] << 16) | (d[at + 3] << 24)) >>> 0;
/** A ZIP64 field's value (below 2^53 in any archive a browser holds). @param {Uint8Array} d @param {number} at */
const u64 = (d, at) => u32(d, at) + u32(d, at + 4) * 2 ** 32;

/**
 * The central directory's names, in its order (the order fflate's `filter` sees them), or
 * null when the directory is not where its end record says (then fflate's names stand).
 * @param {Uint8Array} data  The whole archive.
 * @returns {StoredName[] | null}
 */
export function storedNames(data) {
  // The end record: its signature in the last 22 bytes, or up to a 65 535-byte comment before them.
  let end = data.length - 22;
  while (end >= 0 && u32(data, end) !== 0x06054b50) {
    if (data.length - end > 22 + 0xffff) return null;
    end -= 1;
  }
  if (end < 0) return null;
  let count = u16(data, end + 10);
  let at = u32(data, end + 16);
  // ZIP64: the locator just before the end record points at the ZIP64 end record.
  if (end >= 20 && u32(data, end - 20) === 0x07064b50) {
    const z64 = u64(data, end - 12);
    if (z64 + 56 <= data.length && u32(data, z64) === 0x06064b50) {
      count = u64(data, z64 + 32);
      at = u64(data, z64 + 48);
    }
  }
  /** @type {StoredName[]} */
  const names = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || u32(data, at) !== 0x02014b50) return null;
    const nameLength = u16(data, at + 28);
    const extraLength = u16(data, at + 30);
    const commentLength = u16(data, at + 32);
    const nameAt = at + 46;
    const extraAt = nameAt + nameLength;
    if (extraAt + extraLength > data.length) return null;
    const bytes = data.subarray(nameAt, extraAt);
    names.push({ utf8: (u16(data, at + 8) & 0x800) !== 0, bytes, unicodePath: unicodePath(data.subarray(extraAt, extraAt + extraLength), bytes) });
    at = extraAt + extraLength + commentLength;
  }
  return names;
}

/**
 * The Unicode Path extra field's name (Info-ZIP's 0x7075: version 1, the CRC-32 of the
 * stored name, the name in UTF-8), when it is there and was written for `name`.
 * @param {Uint8Array} extra
 * @param {Uint8Array} name
 * @returns {string | null}
 */
function unicodePath(extra, name) {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = u16(extra, at);
    const size = u16(extra, at + 2);
    const body = extra.subarray(at + 4, at + 4 + size);
    if (id === 0x7075 && body.length >= 5 && body[0] === 1 && u32(body, 1) === crc32(name)) {
      try {
        return utf8.decode(body.subarray(5));
      } catch {
        return null;
      }
    }
    at += 4 + size;
  }
  return null;
}

/** @type {Uint32Array | null} */
let crcTable = null;

/**
 * CRC-32 (ISO-HDLC, as zip uses) of a few bytes: a name's, to check its Unicode Path field.
 * @param {Uint8Array} bytes
 * @returns {number}
 */
export function crc32(bytes) {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * The legacy code pages to try for a name without the UTF-8 flag, the reader's first: a
 * zip's writer used its system's code page, most often the same language's as the reader's.
 * GB18030 (a superset of GBK) then Shift_JIS follow for every reader, and are taken only
 * for a name that reads as CJK text in them (`plausible`).
 * @param {readonly string[]} languages  The reader's languages (`navigator.languages`).
 * @returns {{ label: string, own: boolean }[]}
 */
export function legacyEncodings(languages) {
  /** @type {{ label: string, own: boolean }[]} */
  const out = [];
  const add = (/** @type {string} */ label, /** @type {boolean} */ own) => {
    if (!out.some((e) => e.label === label)) out.push({ label, own });
  };
  for (const tag of languages) {
    const lang = tag.toLowerCase();
    if (/^zh-(tw|hk|mo|hant)/.test(lang)) add('big5', true);
    else if (lang.startsWith('zh')) add('gb18030', true);
    else if (lang.startsWith('ja')) add('shift_jis', true);
    else if (lang.startsWith('ko')) add('euc-kr', true);
  }
  add('gb18030', false);
  add('shift_jis', false);
  return out;
}

/** One character per byte, as fflate decodes a name without the flag. @param {Uint8Array} bytes */
const latin1 = (bytes) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');

/** CJK letters and punctuation, kana, Hangul and full-width forms (not half-width katakana). */
const CJK = /^[\p{ASCII}\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uff60\uffe0-\uffef]*$/u;

/**
 * Whether a name in a code page not the reader's reads as CJK text. GB18030 decodes nearly
 * any Western name (an accented letter and the ASCII letter after it make a pair), so it is
 * taken only when every non-ASCII byte pairs within GB2312 (both bytes A1–FE), as names
 * written on a Chinese Windows do.
 * @param {string} label
 * @param {Uint8Array} bytes
 * @param {string} name
 */
function plausible(label, bytes, name) {
  if (label === 'gb18030') {
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] < 0x80) continue;
      if (bytes[i] < 0xa1 || bytes[i] === 0xff || !(bytes[i + 1] >= 0xa1 && bytes[i + 1] <= 0xfe)) return false;
      i += 1;
    }
  }
  return CJK.test(name);
}

/**
 * The name an entry's writer meant. `decoded` is fflate's name (UTF-8 when the flag says
 * so, else one character per byte); `stored` the central directory's record of it.
 * @param {string} decoded
 * @param {StoredName | undefined} stored
 * @param {readonly string[]} languages  The reader's languages.
 * @returns {string}
 */
export function entryName(decoded, stored, languages) {
  // A record that does not match fflate's entry (an archive read otherwise): fflate's name stands.
  if (!stored || stored.utf8 || decoded !== latin1(stored.bytes)) return decoded;
  if (stored.unicodePath !== null) return stored.unicodePath;
  if (stored.bytes.every((b) => b < 0x80)) return decoded;
  try {
    return utf8.decode(stored.bytes);
  } catch {
    // Not UTF-8: a legacy code page.
  }
  for (const { label, own } of legacyEncodings(languages)) {
    let name;
    try {
      name = new TextDecoder(label, { fatal: true }).decode(stored.bytes);
    } catch {
      continue;
    }
    if (own || plausible(label, stored.bytes, name)) return name;
  }
  return decoded;
}
