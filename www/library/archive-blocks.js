// The Folio archive's blocks in a page (docs/archive-format.md): the ZIP as base64 in
//   <script type="application/vnd.folio.archive+zip" data-part="0" data-parts="N">BASE64</script>
// elements, written and read back. No third-party code (the page's first load takes the
// blocks out; archive.js, which reads the ZIP, loads only when there are some).

/** The blocks' `type`: never run, only read. */
export const ARCHIVE_TYPE = 'application/vnd.folio.archive+zip';
/** Bytes of ZIP per block (a multiple of 3: each block's base64 decodes on its own). */
export const BLOCK_BYTES = 6 * 1024 * 1024;

/**
 * The archive's ZIP as base64 blocks, each of a slice of BLOCK_BYTES (so each decodes alone).
 * @param {Uint8Array} zip
 * @param {number} [blockBytes]
 * @returns {string[]}
 */
export function toBlocks(zip, blockBytes = BLOCK_BYTES) {
  if (blockBytes % 3 !== 0) throw new RangeError('A block holds a multiple of 3 bytes.');
  /** @type {string[]} */
  const blocks = [];
  for (let at = 0; at < zip.length || blocks.length === 0; at += blockBytes) {
    blocks.push(base64(zip.subarray(at, Math.min(zip.length, at + blockBytes))));
  }
  return blocks;
}

/**
 * Bytes as base64, a slice at a time (String.fromCharCode takes only so many arguments).
 * @param {Uint8Array} bytes
 * @returns {string}
 */
function base64(bytes) {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/**
 * The blocks as HTML, one `<script>` each, to go before the template's `</body>`.
 * @param {string[]} blocks
 * @returns {string[]}  Pieces of HTML, in order (joined, or given to a Blob as they are).
 */
export function blockElements(blocks) {
  // The tag's name is not written out: this module is inlined into the single file's one
  // <script>, whose text must not hold markup of its own.
  const tag = 'script';
  return blocks.map((text, part) => `<${tag} type="${ARCHIVE_TYPE}" data-part="${part}" data-parts="${blocks.length}">${text}</${tag}>\n`);
}

/**
 * The ZIP the blocks hold: each decoded, in part order, and joined.
 * @param {{ part: number, parts: number, text: string }[]} blocks
 * @returns {Uint8Array}
 * @throws {ArchiveError} when parts are missing, repeated or not base64.
 */
export function fromBlocks(blocks) {
  const parts = blocks.length ? blocks[0].parts : 0;
  const ordered = [...blocks].sort((a, b) => a.part - b.part);
  if (!parts || blocks.length !== parts || ordered.some((block, i) => block.part !== i || block.parts !== parts)) {
    throw new ArchiveError('archive-parts', `The archive's blocks are incomplete: ${blocks.length} of ${parts}.`, { found: String(blocks.length), parts: String(parts) });
  }
  /** @type {Uint8Array[]} */
  const decoded = [];
  for (const { text } of ordered) {
    let binary;
    try {
      binary = atob(text.replace(/\s+/g, ''));
    } catch {
      throw new ArchiveError('archive-damaged', 'An archive block is not base64.');
    }
    decoded.push(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  }
  const out = new Uint8Array(decoded.reduce((n, d) => n + d.length, 0));
  let at = 0;
  for (const d of decoded) {
    out.set(d, at);
    at += d.length;
  }
  return out;
}

/** Why an archive could not be read; `code` is for the UI's strings. */
export class ArchiveError extends Error {
  /**
   * @param {string} code
   * @param {string} message
   * @param {Record<string, string>} [params]
   */
  constructor(code, message, params = {}) {
    super(message);
    this.name = 'ArchiveError';
    this.code = code;
    this.params = params;
  }
}

