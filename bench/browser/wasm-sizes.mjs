// Who takes the bytes of a WebAssembly module (twiggy's `top`, summed per crate):
// reads the code section's function bodies and the `name` section of cargo's own
// output (target/wasm32-unknown-unknown/release/folio.wasm, before wasm-bindgen
// strips the names), and the data segments. Node only, no dependency.
//
//   node bench/browser/wasm-sizes.mjs path/to/module.wasm [top-n]

import { readFileSync } from 'node:fs';

/**
 * @param {Uint8Array} bytes
 * @returns {{ functions: Map<number, number>, names: Map<number, string>, imports: number, data: number, sections: Record<string, number> }}
 */
export function readModule(bytes) {
  let pos = 8;
  const leb = () => {
    let result = 0, shift = 0, byte;
    do {
      byte = bytes[pos++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  };
  const name = () => {
    const len = leb();
    const s = new TextDecoder().decode(bytes.subarray(pos, pos + len));
    pos += len;
    return s;
  };
  /** @type {Map<number, number>} */
  const functions = new Map();
  /** @type {Map<number, string>} */
  const names = new Map();
  /** @type {Record<string, number>} */
  const sections = {};
  let imports = 0, data = 0;
  const ids = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount', 'tag'];
  while (pos < bytes.length) {
    const id = bytes[pos++];
    const size = leb();
    const end = pos + size;
    let label = ids[id] ?? `section ${id}`;
    if (id === 0) {
      const start = pos;
      const custom = name();
      label = `custom ${custom}`;
      if (custom === 'name') {
        while (pos < end) {
          const sub = bytes[pos++];
          const subSize = leb();
          const subEnd = pos + subSize;
          if (sub === 1) {
            const count = leb();
            for (let i = 0; i < count; i++) {
              const index = leb();
              names.set(index, name());
            }
          }
          pos = subEnd;
        }
      }
      pos = start;
    } else if (id === 2) {
      const count = leb();
      for (let i = 0; i < count; i++) {
        name(); name();
        const kind = bytes[pos++];
        if (kind === 0) { leb(); imports++; } else if (kind === 1) { pos++; const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); } else { pos += 2; }
      }
    } else if (id === 10) {
      const count = leb();
      for (let i = 0; i < count; i++) {
        const bodySize = leb();
        functions.set(imports + i, bodySize);
        pos += bodySize;
      }
    } else if (id === 11) {
      data = size;
    }
    sections[label] = (sections[label] ?? 0) + size;
    pos = end;
  }
  return { functions, names, imports, data, sections };
}

/**
 * The crate a (legacy- or v0-mangled, or plain) Rust symbol belongs to.
 * @param {string | undefined} symbol
 * @returns {string}
 */
export function crateOf(symbol) {
  if (!symbol) return '(no name)';
  const legacy = /^_ZN(\d+)(.*)/.exec(symbol);
  if (legacy) {
    const first = legacy[2].slice(0, Number(legacy[1]));
    if (first.startsWith('_$LT$')) {
      // `<T as Trait>::f`: the type's crate when it names one.
      const inner = /^_\$LT\$(?:\$RF\$)?(?:mut\$u20\$)?([a-z_][a-z0-9_]*)\.\./.exec(first);
      return inner ? inner[1] : '(generic impls)';
    }
    return first;
  }
  if (symbol.startsWith('_R')) {
    // v0 mangling: the first crate root, `C` [`s` disambiguator `_`] length ident.
    const root = /C(?:s[0-9a-zA-Z]*_)?(\d+)/.exec(symbol);
    if (root) return symbol.substr(root.index + root[0].length, Number(root[1]));
  }
  return symbol.startsWith('__') || /^[a-z]/.test(symbol) ? '(runtime, C)' : '(other)';
}

/**
 * A module's code bytes per crate, largest first, with its code and data totals.
 * @param {Uint8Array} bytes
 * @returns {{ crates: [string, number][], code: number, data: number, names: number, sections: Record<string, number> }}
 */
export function sizesByCrate(bytes) {
  const { functions, names, data, sections } = readModule(bytes);
  /** @type {Map<string, number>} */
  const byCrate = new Map();
  let code = 0;
  for (const [index, size] of functions) {
    const crate = crateOf(names.get(index));
    byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
    code += size;
  }
  return { crates: [...byCrate].sort((a, b) => b[1] - a[1]), code, data, names: names.size, sections };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  const top = Number(process.argv[3] ?? 25);
  const { crates, code, data, names, sections } = sizesByCrate(readFileSync(file));
  console.log(`${file}: code ${code} B in ${crates.length} crates, data ${data} B${names ? '' : ' (no name section: run it on cargo\'s output)'}`);
  for (const [crate, size] of crates.slice(0, top)) {
    console.log(`  ${crate.padEnd(28)} ${String(size).padStart(9)} ${(size / code * 100).toFixed(1).padStart(5)} %`);
  }
  for (const [label, size] of Object.entries(sections).filter(([l]) => l.startsWith('custom'))) {
    console.log(`  [${label}] ${size} B`);
  }
}
